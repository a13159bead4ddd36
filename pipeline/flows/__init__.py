"""Flows: the stages wired once. The CLI, the bench, the notebooks and the tests' helpers call these.

* :mod:`~pipeline.flows.seminar`: :func:`run_seminar`, one seminar from its notes files to its
  tables and pages (ingest → analyse → curate → render → write, reusing earlier work);
* :mod:`~pipeline.flows.analysis`: :func:`analyse_seminar`, the automatic analysis (statements,
  sub-themes per core area, cross-cutting themes, recurring words), tables in and out;
* :mod:`~pipeline.flows.curate`: the analyst's codebook applied (:func:`curate_analysis`), the
  suggestions (:func:`suggestions_of`) and a starting codebook (:func:`starting_codebook`);
* :mod:`~pipeline.flows.reuse`: the analysis reused while nothing it depends on changed;
* :mod:`~pipeline.flows.compare`: :func:`compare_seminars`, two or more years compared on each
  year's own pages (a year without them analysed first);
* :mod:`~pipeline.flows.topics`: :func:`topics_for_table` and :func:`topics_for_texts`,
  statement-level topics for any Danish texts (``seminar topics``).
"""

from __future__ import annotations

from pipeline.flows.analysis import Analysis, analyse_seminar, area_and_topic_words, area_words, statements_of
from pipeline.flows.compare import ComparisonRun, YearInput, compare_seminars
from pipeline.flows.curate import curate_analysis, starting_codebook, suggestions_of
from pipeline.flows.reuse import ReusableAnalysis, analyse_seminar_reusing, analysis_key
from pipeline.flows.seminar import Progress, SeminarRun, run_seminar
from pipeline.flows.topics import (
    TableTopics,
    statements_and_topics,
    topic_settings,
    topics_for_table,
    topics_for_texts,
)

__all__ = [
    "Analysis",
    "ComparisonRun",
    "Progress",
    "ReusableAnalysis",
    "SeminarRun",
    "TableTopics",
    "YearInput",
    "analyse_seminar",
    "analyse_seminar_reusing",
    "analysis_key",
    "area_and_topic_words",
    "area_words",
    "compare_seminars",
    "curate_analysis",
    "run_seminar",
    "starting_codebook",
    "statements_and_topics",
    "statements_of",
    "suggestions_of",
    "topic_settings",
    "topics_for_table",
    "topics_for_texts",
]
