"""The year-over-year flow: each year's own analysis (reused or made), then the comparison of their pages.

:func:`compare_seminars`: tables in, tables and pages out, no paths. :func:`run_comparison` wires it
for ``seminar compare`` and the notebooks: the years read, compared and written.

A year whose stored analysis was made from the notes read now is compared as stored: its pages
show the same counts the comparison reads. A year without one (or whose notes changed) is
analysed first, as ``seminar run`` does, with its codebook, and its pages are returned too,
so every link of the comparison page opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.compare import Comparison, YearTables, compare_years_tables
from pipeline.config import SeminarConfig
from pipeline.curation import Codebook
from pipeline.curation.decisions import known_pairs
from pipeline.flows.analysis import Analysis
from pipeline.flows.seminar import Progress
from pipeline.flows.reuse import ReusableAnalysis, analyse_seminar_reusing

if TYPE_CHECKING:
    from pipeline.io.comparison import YearFiles

__all__ = [
    "ComparisonRun",
    "ComparisonWritten",
    "YearInput",
    "compare_seminars",
    "run_comparison",
    "stored_is_current",
    "year_input",
    "year_tables",
]

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
    """The tables of an analysis that its pages show, and the threshold its theme stage stored."""
    return YearTables(
        int(analysis.notes["year"].iloc[0]),
        seminar,
        analysis.notes,
        analysis.statements,
        analysis.themes,
        analysis.units,
        analysis.cross,
        int(analysis.quality["recurring_from"]),
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
    from pipeline.report import render_seminar_pages
    from pipeline.report.compare_page import comparison_pages
    from pipeline.topics import ChosenEmbedder, EmbeddingParams

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
    # "auto" is decided on the phrases the matching embeds, when it embeds them
    embedder = ChosenEmbedder(EmbeddingParams.of(cfg.topics), embedding_cache, label="comparison")
    # a join an analyst accepted in any compared year's codebook is one row across the years
    known = known_pairs(
        d for given in ordered.values() if given.codebook is not None for d in given.codebook.decisions
    )
    comparison = compare_years_tables(
        tables, cfg, embed=lambda texts: embedder.encode(list(texts)), known=known
    )
    links = {y: (year_links or {}).get(y, f"../{y}") for y in ordered}
    pages = comparison_pages(comparison, cfg, links=links, render_png=render_png, folder_name=folder_name)
    return ComparisonRun(comparison, pages, analysed, tuple(reused))


def year_input(files: YearFiles) -> YearInput:
    """A year as read for a comparison (:func:`pipeline.io.comparison.read_years`), as the flow takes it."""
    from pipeline.io.catalog import seminar_title

    r = files.result
    return YearInput(
        files.cfg,
        r.notes,
        r.rejects,
        files.codebook,
        files.stored,
        files.cache.reusable,
        seminar_title(files.cfg),
        r.method_lines(files.cfg),
    )


@dataclass(frozen=True)
class ComparisonWritten:
    """What :func:`run_comparison` made and wrote.

    Attributes:
        run: The comparison and the years analysed first (None when a year has no usable note).
        unusable: The first year without a usable note (then nothing was compared or written), else None.
        tables: The comparison's tables folder (None: not written).
        page: The comparison's HTML page (None: not written).
    """

    run: ComparisonRun | None
    unusable: int | None = None
    tables: Path | None = None
    page: Path | None = None


def run_comparison(
    cfgs: Mapping[int, SeminarConfig],
    *,
    write: bool = False,
    charts: bool = False,
    progress: Progress | None = None,
) -> ComparisonWritten:
    """Two or more seminars from their files to the comparison page: what ``seminar compare`` does.

    Each year is read (codebook first, then its notes, stored pages and run cache); a year whose
    stored pages are not of these notes is analysed first and, with ``write``, its tables and pages
    written as ``seminar run`` writes them; then the years are compared and, with ``write``, the
    comparison is written beside them (:func:`pipeline.io.comparison.write_comparison`).

    Args:
        cfgs: Per year, its configuration (two or more).
        write: Write the years analysed first, the run caches and the comparison.
        charts: Draw the charts as PNG for the DOCX pages.
        progress: What the caller shows between the steps (:class:`pipeline.flows.seminar.Progress`).
    """
    import contextlib

    from pipeline import io
    from pipeline.io import comparison as y

    progress = progress or Progress()
    name, last = y.comparison_name(list(cfgs)), max(cfgs)
    with progress.step(f"Reading the notes of {len(cfgs)} years"):
        read = y.read_years(dict(cfgs))
    for year, files in read.items():
        progress.ingested(files.result)
        if not files.result.ok:
            return ComparisonWritten(None, unusable=year)
    caches = {year: f.cache for year, f in read.items()}
    renderer = io.chart_renderer(caches[last].charts) if charts else contextlib.nullcontext(None)
    with progress.step(f"Comparing {len(cfgs)} years"), renderer as png:
        compared = compare_seminars(
            {year: year_input(f) for year, f in read.items()},
            embedding_cache=caches[last].embeddings,
            render_png=png,
            year_links=y.year_links(dict(cfgs), name),
            folder_name=name,
        )
    if not write:
        return ComparisonWritten(compared)
    for year, (analysis, reusable, pages) in compared.analysed.items():
        io.write_run(read[year].result, analysis, pages, cfgs[year])
        caches[year].reusable = reusable
    for cache in caches.values():
        cache.save()
    with progress.step("Writing the comparison"):
        tables, page = y.write_comparison(compared.comparison, compared.pages, cfgs[last], name)
    return ComparisonWritten(compared, tables=tables, page=page)
