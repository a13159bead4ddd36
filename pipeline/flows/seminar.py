"""The seminar flow: notes files → ingest → analyse → curate → render → write, wired once.

``seminar run``, ``make bench``, the notebooks and the tests' helpers call :func:`run_seminar`; nothing
else wires the stages. What a caller does not want is switched off, not rewired: no caches
(``cache=False``), no chart images (``charts=False``), nothing written (``write=False``), no
suggestions for the analyst (``suggest=False``). What the terminal shows between the steps is the
caller's :class:`Progress`.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.config import SeminarConfig
from pipeline.flows.analysis import Analysis
from pipeline.flows.reuse import analyse_seminar_reusing

if TYPE_CHECKING:
    from pipeline.curation import Codebook, CurationResult
    from pipeline.ingest import IngestResult, SourceFile

__all__ = ["Progress", "SeminarRun", "run_seminar"]


class Progress:
    """What a caller sees of a run between its steps; the default shows nothing.

    The CLI's progress (:mod:`pipeline.cli.console`) shows a spinner per step and what was read.
    """

    def step(self, label: str) -> contextlib.AbstractContextManager:
        """A context around one long step, named for the user."""
        return contextlib.nullcontext()

    def ingested(self, result: IngestResult) -> None:
        """The notes were read (shown before the analysis starts, or instead of it when none is usable)."""

    def curated(self, curation: CurationResult) -> None:
        """The analyst's codebook was applied."""


@dataclass(frozen=True)
class SeminarRun:
    """What :func:`run_seminar` made.

    Attributes:
        cfg: The configuration the run used (with the options the notes files listed, see
            :meth:`pipeline.ingest.IngestResult.configured`).
        ingest: What was read: notes, rejected notes, manifest.
        analysis: The analysis (curated when a codebook was given); None when no usable note was read
            (then nothing else was done).
        pages: The pages in every format (file name → text or bytes); empty with ``render=False``.
        written: Name → path of every table and page written; empty with ``write=False``.
        timings: Seconds per step (ingest, the analysis' own stages, reports, writing).
    """

    cfg: SeminarConfig
    ingest: IngestResult
    analysis: Analysis | None = None
    pages: dict[str, str | bytes] = field(default_factory=dict)
    written: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict, compare=False)


def run_seminar(
    cfg: SeminarConfig,
    *,
    sources: Sequence[SourceFile] | None = None,
    codebook: Codebook | None = None,
    known: tuple = (),
    nlp=None,
    cache: bool = False,
    fresh: bool = False,
    suggest: bool = True,
    render: bool = True,
    charts: bool = False,
    write: bool = False,
    progress: Progress | None = None,
) -> SeminarRun:
    """One seminar from its notes files to its tables and pages: what ``seminar run`` does.

    Args:
        cfg: Seminar configuration.
        sources: The notes files; None: the ones ``[input]`` names (:func:`pipeline.io.config_sources`).
        codebook: The analyst's codebook (:func:`pipeline.io.read_codebook`), applied after the
            automatic themes are found; None: the automatic themes.
        known: Other years' decisions on suggestions (:func:`pipeline.io.read_known_decisions`).
        nlp: A spaCy pipeline to reuse; built from ``cfg.nlp`` when needed.
        cache: Reuse and keep the work of earlier runs in the processed folder's ``.cache/`` (the
            automatic analysis while the notes, settings and program are unchanged, the vectors of
            phrases embedded before, the chart images).
        fresh: With ``cache``: read nothing kept (everything is done again), keep the new work.
        suggest: Make the analyst's suggestions (``suggestions.csv``).
        render: Render the pages.
        charts: Draw the charts as PNG for the DOCX pages (else the DOCX has none).
        write: Write the tables and pages; the previous outputs are replaced only when all is written.
        progress: What the caller shows between the steps.

    Returns:
        The :class:`SeminarRun`; its ``analysis`` is None when no usable note was read.

    Raises:
        CodebookError: The codebook does not fit the notes (nothing is written).
        SeminarError: Bad input or configuration, with the file, the place and the fix.
    """
    from pipeline import io
    from pipeline.ingest import ingest

    progress = progress or Progress()
    timings: dict[str, float] = {}
    start = time.perf_counter()
    with progress.step("Reading notes"):
        result = ingest(io.config_sources(cfg) if sources is None else list(sources), cfg)
    timings["ingest"] = time.perf_counter() - start
    cfg = result.configured(cfg)  # a question's options the summary listed
    progress.ingested(result)
    if not result.ok:
        return SeminarRun(cfg, result, timings=timings)
    kept = io.RunCache.load(cfg, fresh=fresh) if cache else None
    with progress.step(f"Finding statements and themes in {len(result.notes)} notes"):
        analysis, reusable = analyse_seminar_reusing(
            result.notes,
            result.rejects,
            cfg,
            codebook=codebook,
            reusable=kept.reusable if kept else None,
            nlp=nlp,
            embedding_cache=kept.embeddings if kept else None,
            known=known,
            suggest=suggest,
        )
    timings.update(analysis.timings)
    if kept is not None:
        kept.reusable = reusable
        kept.save()
    if analysis.curation is not None:
        progress.curated(analysis.curation)
    pages = _render(analysis, cfg, result, kept, charts, progress, timings) if render else {}
    written = _write(result, analysis, pages, cfg, progress, timings) if write else {}
    return SeminarRun(cfg, result, analysis, pages, written, timings)


def _write(
    result: IngestResult,
    analysis: Analysis,
    pages: dict[str, str | bytes],
    cfg: SeminarConfig,
    progress: Progress,
    timings: dict[str, float],
) -> dict[str, Path]:
    """Write the run; the previous outputs are replaced only when all is written."""
    from pipeline import io

    start = time.perf_counter()
    with progress.step("Writing tables and reports"):
        written = io.write_run(result, analysis, pages, cfg)
    timings["writing"] = time.perf_counter() - start
    return written


def _render(
    analysis: Analysis,
    cfg: SeminarConfig,
    result: IngestResult,
    kept,
    charts: bool,
    progress: Progress,
    timings: dict[str, float],
) -> dict[str, str | bytes]:
    """The pages of the analysis, with the charts drawn as PNG when ``charts`` (kept in the run's cache)."""
    from pipeline import io
    from pipeline.report import render_seminar_pages

    start = time.perf_counter()
    with progress.step("Drawing charts and building the reports"), _charts(io, kept, charts) as render_png:
        pages = render_seminar_pages(
            analysis, cfg, render_png=render_png, extra_method=result.method_lines(cfg)
        )
    timings["reports"] = time.perf_counter() - start
    return pages


def _charts(io, kept, charts: bool) -> contextlib.AbstractContextManager[Callable | None]:
    """Chart → PNG for the DOCX pages (kept in the run's cache when there is one), or nothing."""
    if not charts:
        return contextlib.nullcontext(None)
    return io.chart_renderer(kept.charts if kept is not None else None)
