"""Flows: the stages wired once, tables in and tables out, no paths.

The CLI, the notebooks and the benchmarks call these; nothing else wires the stages. Each flow
lives in the module of its job; every one can be imported from here:

* :func:`~pipeline.flows.analysis.analyse_seminar` (:mod:`pipeline.flows.analysis`): one seminar's notes →
  statements, sub-themes per core area, cross-cutting themes, recurring words; the codebook
  applied last (:func:`~pipeline.flows.analysis.curate_analysis`);
* :func:`~pipeline.flows.reuse.analyse_seminar_reusing` (:mod:`pipeline.flows.reuse`): the same, reusing an
  earlier run's automatic analysis when nothing it depends on changed;
* :func:`~pipeline.flows.compare.compare_seminars` (:mod:`pipeline.flows.compare`): two or more
  years compared on each year's own pages (a year without them analysed first);
* :func:`~pipeline.flows.topics.topics_for_table`, :func:`~pipeline.flows.topics.topics_for_texts`
  and :func:`~pipeline.flows.topics.statements_and_topics` (:mod:`pipeline.flows.topics`):
  statement-level topics for any Danish texts.

Rendering the tables as pages is :func:`pipeline.report.render_seminar_pages`' job.
"""

from __future__ import annotations

from pipeline.flows.analysis import (
    Analysis,
    analyse_seminar,
    area_and_topic_words,
    area_words,
    curate_analysis,
    curate_themes,
    starting_codebook,
    statements_of,
    suggestions_of,
    theme_embedder,
    theme_embedding_choice,
    themes_of,
)
from pipeline.flows.compare import ComparisonRun, YearInput, compare_seminars
from pipeline.flows.reuse import ReusableAnalysis, analyse_seminar_reusing, analysis_key
from pipeline.flows.topics import (
    TableTopics,
    seed_topics,
    statements_and_topics,
    topic_settings,
    topics_for_table,
    topics_for_texts,
)

__all__ = [
    "Analysis",
    "ComparisonRun",
    "TableTopics",
    "ReusableAnalysis",
    "YearInput",
    "analyse_seminar",
    "analyse_seminar_reusing",
    "analysis_key",
    "area_and_topic_words",
    "area_words",
    "compare_seminars",
    "curate_analysis",
    "curate_themes",
    "seed_topics",
    "starting_codebook",
    "statements_and_topics",
    "statements_of",
    "suggestions_of",
    "theme_embedder",
    "theme_embedding_choice",
    "themes_of",
    "topic_settings",
    "topics_for_table",
    "topics_for_texts",
]
