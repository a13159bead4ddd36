"""The year-over-year flow: each year's own analysis (reused or made), then the comparison of their pages.

Tables in, tables and pages out; no paths (the CLI reads the inputs and writes what this returns).

A year whose stored analysis was made from the notes read now is compared as stored: its pages
show the same counts the comparison reads. A year without one (or whose notes changed) is
analysed first, as ``seminar run`` does, with its codebook, and its pages are returned too,
so every link of the comparison page opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field

import pandas as pd

from pipeline.compare import Comparison, YearTables, compare_years_tables
from pipeline.config import SeminarConfig
from pipeline.curation import Codebook
from pipeline.curation.decisions import known_pairs
from pipeline.flows.analysis import Analysis, theme_embedder
from pipeline.flows.reuse import ReusableAnalysis, analyse_seminar_reusing

__all__ = ["ComparisonRun", "YearInput", "compare_seminars", "stored_is_current", "year_tables"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class YearInput:
    """What the flow gets for one year.

    Attributes:
        cfg: The seminar's configuration.
        notes: The notes read now.
        rejects: The notes rejected.
        codebook: The analyst's codebook (None: none).
        stored: The tables of the year's stored pages (:func:`pipeline.io.read_year_pages`), or None.
        reusable: The automatic analysis kept by the last run (:func:`pipeline.io.load_reusable_analysis`).
        seminar: How the year's pages name the seminar (:func:`pipeline.io.seminar_title`).
        method_lines: Extra lines of the year's method appendix (from the ingest).
    """

    cfg: SeminarConfig
    notes: pd.DataFrame
    rejects: pd.DataFrame
    codebook: Codebook | None = None
    stored: YearTables | None = None
    reusable: ReusableAnalysis | None = None
    seminar: str = ""
    method_lines: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ComparisonRun:
    """What the flow returns.

    Attributes:
        comparison: The comparison tables.
        pages: The comparison page in every format (file name → text or bytes).
        analysed: Per year analysed now: its analysis, its reusable part and its pages (to write
            as ``seminar run`` does).
        reused: The years whose stored pages were compared as they are.
    """

    comparison: Comparison
    pages: dict[str, str | bytes]
    analysed: dict[int, tuple[Analysis, ReusableAnalysis, dict[str, str | bytes]]]
    reused: tuple[int, ...]


def stored_is_current(stored: YearTables | None, notes: pd.DataFrame) -> bool:
    """Whether the stored pages were made from these notes (same notes, same texts)."""
    if stored is None:
        return False
    key = ["note_id", "core_area", "group", "text"]
    a = stored.notes[key].astype(str).sort_values(key).reset_index(drop=True)
    b = notes[key].astype(str).sort_values(key).reset_index(drop=True)
    return a.equals(b)


def year_tables(analysis: Analysis, seminar: str) -> YearTables:
    """The tables of an analysis that its pages show."""
    return YearTables(
        int(analysis.notes["year"].iloc[0]),
        seminar,
        analysis.notes,
        analysis.statements,
        analysis.themes,
        analysis.units,
        analysis.cross,
    )


def compare_seminars(
    years: Mapping[int, YearInput],
    *,
    nlp=None,
    embedding_cache: MutableMapping | None = None,
    render_png: Callable | None = None,
    year_links: Mapping[int, str] | None = None,
    folder_name: str = "",
) -> ComparisonRun:
    """Compare two or more seminars on their own pages: statuses of the last step, trend over all years.

    Args:
        years: Per year, its :class:`YearInput` (two or more).
        nlp: A spaCy pipeline to reuse when a year is analysed.
        embedding_cache: Vectors of phrases embedded before (the E5 signal of the matching).
        render_png: Chart → PNG for the DOCX pages (None: the DOCX has no charts).
        year_links: Per year, the folder of its pages relative to the comparison page (default ``../<year>``).
        folder_name: The folder the comparison tables are written to (named on the page).

    Returns:
        The :class:`ComparisonRun`.
    """
    from pipeline.report.compare_page import comparison_pages
    from pipeline.report import render_seminar_pages

    ordered = dict(sorted(years.items()))
    tables: dict[int, YearTables] = {}
    analysed, reused = {}, []
    for year, given in ordered.items():
        if stored_is_current(given.stored, given.notes):
            tables[year] = given.stored
            reused.append(year)
            continue
        log.info("%d: no stored analysis of these notes; analysing the year first", year)
        analysis, reusable = analyse_seminar_reusing(
            given.notes,
            given.rejects,
            given.cfg,
            codebook=given.codebook,
            reusable=given.reusable,
            nlp=nlp,
            embedding_cache=embedding_cache,
        )
        pages = render_seminar_pages(
            analysis, given.cfg, render_png=render_png, extra_method=given.method_lines
        )
        analysed[year] = (analysis, reusable, pages)
        tables[year] = year_tables(analysis, given.seminar)
    cfg = ordered[max(ordered)].cfg
    n_phrases = sum(len(t.units) for t in tables.values())
    embedder, _ = theme_embedder(cfg, n_phrases, embedding_cache)
    encode = embedder.encode if hasattr(embedder, "encode") else embedder.fit_transform
    # a join an analyst accepted in any compared year's codebook is one row across the years
    known = known_pairs(
        d for given in ordered.values() if given.codebook is not None for d in given.codebook.decisions
    )
    comparison = compare_years_tables(tables, cfg, embed=lambda texts: encode(list(texts)), known=known)
    links = {y: (year_links or {}).get(y, f"../{y}") for y in ordered}
    pages = comparison_pages(comparison, cfg, links=links, render_png=render_png, folder_name=folder_name)
    return ComparisonRun(comparison, pages, analysed, tuple(reused))
