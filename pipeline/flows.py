"""Flows: the stages wired once, tables in and tables out, no paths.

The CLI, the notebooks and the benchmarks call these; nothing else wires the stages. Each flow
lives in the module of its job; every one can be imported from here:

* :func:`~pipeline.analysis.analyse_seminar` (:mod:`pipeline.analysis`): one seminar's notes →
  statements, sub-themes per core area, cross-cutting themes, recurring words; the codebook
  applied last (:func:`~pipeline.analysis.curate_analysis`);
* :func:`~pipeline.reuse.analyse_seminar_reusing` (:mod:`pipeline.reuse`): the same, reusing an
  earlier run's automatic analysis when nothing it depends on changed;
* :func:`~pipeline.flows_compare.compare_seminars` (:mod:`pipeline.flows_compare`): two or more
  years compared on each year's own pages (a year without them analysed first);
* :func:`~pipeline.text_topics.topics_for_table`, :func:`~pipeline.text_topics.topics_for_texts`
  and :func:`~pipeline.text_topics.statements_and_topics` (:mod:`pipeline.text_topics`):
  statement-level topics for any Danish texts.

Rendering the tables as pages is :func:`pipeline.report.render_seminar_pages`' job.
"""

from __future__ import annotations

from pipeline.analysis import (
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
from pipeline.flows_compare import ComparisonRun, YearInput, compare_seminars
from pipeline.reuse import ReusableAnalysis, analyse_seminar_reusing, analysis_key
from pipeline.text_topics import (
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
