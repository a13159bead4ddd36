"""Flows: the stages wired once, tables in and tables out, no paths.

The CLI, the notebooks and the benchmarks call these; nothing else wires the stages. Each flow
lives in the module of its job; every one can be imported from here:

* :func:`~pipeline.analysis.analyse_seminar` (:mod:`pipeline.analysis`): one seminar's notes →
  statements, sub-themes per core area, cross-cutting themes, recurring words; the codebook
  applied last (:func:`~pipeline.analysis.curate_analysis`);
* :func:`~pipeline.reuse.analyse_seminar_reusing` (:mod:`pipeline.reuse`): the same, reusing an
  earlier run's automatic analysis when nothing it depends on changed;
* :func:`compare_years` and :func:`compare_stored_analyses` (here): several years compared;
* :func:`~pipeline.text_topics.topics_for_table`, :func:`~pipeline.text_topics.topics_for_texts`
  and :func:`~pipeline.text_topics.statements_and_topics` (:mod:`pipeline.text_topics`):
  statement-level topics for any Danish texts.

Rendering the tables as pages is :func:`pipeline.report.render_seminar_pages`' job.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import replace

import pandas as pd

from pipeline.analysis import (
    Analysis,
    StoredAnalysis,
    analyse_seminar,
    area_and_topic_words,
    area_words,
    curate_analysis,
    curate_themes,
    statements_of,
    theme_embedder,
    theme_embedding_choice,
    themes_of,
)
from pipeline.compare import Comparison, align_topics, compare_prevalence, compare_stored
from pipeline.config import SeminarConfig
from pipeline.curation import Codebook
from pipeline.nlp import build_nlp, make_statements, stop_words
from pipeline.reuse import ReusableAnalysis, analyse_seminar_reusing, analysis_key
from pipeline.text_topics import TableTopics, seed_topics, statements_and_topics, topic_settings, topics_for_table, topics_for_texts
from pipeline.themes import ThemeResult

__all__ = [
    "Analysis",
    "TableTopics",
    "ReusableAnalysis",
    "StoredAnalysis",
    "analyse_seminar",
    "analyse_seminar_reusing",
    "analysis_key",
    "area_and_topic_words",
    "area_words",
    "compare_stored_analyses",
    "compare_years",
    "curate_analysis",
    "curate_themes",
    "relabel_from_reports",
    "seed_topics",
    "statements_and_topics",
    "statements_of",
    "theme_embedder",
    "theme_embedding_choice",
    "themes_of",
    "topic_settings",
    "topics_for_table",
    "topics_for_texts",
]


def compare_years(
    notes: pd.DataFrame,
    cfg: SeminarConfig,
    base: int,
    target: int,
    *,
    nlp=None,
    codebooks: dict[int, Codebook] | None = None,
    embedding_cache: MutableMapping | None = None,
) -> tuple[Comparison, ThemeResult]:
    """Find the sub-themes of all years together and compare ``base`` with ``target``.

    The units of every year are clustered together per core area, so a sub-theme is the same
    theme in both years and its groups can be counted year by year.

    Args:
        notes: Notes of every year to compare (the ``year`` column tells them apart).
        cfg: Configuration whose NLP, theme and comparison settings are used (the target year's).
        base: Earlier year.
        target: Later year.
        nlp: A spaCy pipeline to reuse.
        codebooks: Per year, the analyst's codebook: each year's report is curated, so the
            comparison uses the curated names.
        embedding_cache: Vectors of phrases embedded before (:func:`themes_of`).

    Returns:
        ``(comparison, theme_result)``.
    """
    nlp = nlp or build_nlp(cfg.nlp)
    stops = stop_words(cfg.nlp)
    statements = make_statements(notes, nlp, cfg.nlp)
    result = themes_of(statements, notes, cfg, stops, nlp, embedding_cache=embedding_cache)
    # Name every theme as the year's own report names it (target year first), so the comparison
    # page and the reports speak of the same themes.
    yearly = {}
    for year in (target, base):
        in_year = notes["year"] == year
        yearly[year] = themes_of(statements[statements["year"] == year], notes[in_year], cfg, stops, nlp, embedding_cache=embedding_cache)
        if codebooks and codebooks.get(year) is not None:
            words = area_and_topic_words(cfg, notes[in_year], nlp, stops)
            yearly[year] = curate_themes(yearly[year], notes[in_year], statements[statements["year"] == year], cfg, codebooks[year], *words)[0]
    result = relabel_from_reports(result, [yearly[target], yearly[base]])
    comparison = compare_prevalence(result, statements, notes, base, target, cfg.compare, min_groups=cfg.themes.min_groups)
    return comparison, result


def relabel_from_reports(joint: ThemeResult, reports: list[ThemeResult]) -> ThemeResult:
    """Joint themes named by the single-year theme that holds most of their key phrases (first report first).

    Key phrases have the same ids in every analysis of the same notes, so a joint theme and a
    year's theme can be matched by the phrases they share. A joint theme that matches no year's
    theme keeps its own label.
    """
    def best_label(units: set[str], key: str, table, id_col: str) -> str | None:
        for report in reports:
            mine = report.units[report.units["unit_id"].isin(units) & (report.units[key] >= 0)]
            if len(mine):
                counts = mine[key].value_counts()
                winner = int(counts.sort_index().idxmax())
                labels = dict(zip(table(report)[id_col], table(report)["label"], strict=False))
                if winner in labels:
                    return labels[winner]
        return None

    themes = joint.themes.copy()
    for topic in dict.fromkeys(themes["topic"]):
        units = set(joint.units.loc[joint.units["theme"] == topic, "unit_id"])
        label = best_label(units, "theme", lambda r: r.themes, "topic")
        if label:
            themes.loc[themes["topic"] == topic, "label"] = label
    cross = joint.cross.copy()
    for cross_id in cross["cross_theme"]:
        units = set(joint.units.loc[joint.units["cross_theme"] == cross_id, "unit_id"])
        # a cross-cutting theme no year has: named as the year's area theme that holds most of its phrases
        label = best_label(units, "cross_theme", lambda r: r.cross, "cross_theme") or best_label(units, "theme", lambda r: r.themes, "topic")
        if label:
            cross.loc[cross["cross_theme"] == cross_id, "label"] = label
    return replace(joint, themes=themes, cross=cross)


def compare_stored_analyses(base: StoredAnalysis, target: StoredAnalysis, cfg: SeminarConfig) -> Comparison:
    """Compare two stored analyses through an alignment of each area's themes, without refitting.

    Args:
        base: The earlier year's stored tables.
        target: The later year's stored tables.
        cfg: Configuration whose comparison and theme settings are used.

    Returns:
        The :class:`~pipeline.compare.Comparison`, with its ``alignment`` table.
    """

    def theme_list(themes: pd.DataFrame) -> pd.DataFrame:
        return themes.drop_duplicates("topic")[["topic", "label", "keywords", "core_area"]]

    alignment = align_topics(
        theme_list(base.themes), theme_list(target.themes), min_similarity=cfg.compare.min_similarity, one_to_one=cfg.compare.one_to_one
    )
    return compare_stored(base.themes, target.themes, alignment, base.year, target.year, cfg.compare, min_groups=cfg.themes.min_groups)
