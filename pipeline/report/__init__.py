"""Danish theme reports: per core area as HTML, Markdown and DOCX, an index page, and the comparison page.

:mod:`~pipeline.report.context` collects what each page shows from the analysis tables;
:mod:`~pipeline.report.pages` writes each page once as typed blocks
(:mod:`~pipeline.report.blocks`); :mod:`~pipeline.report.html`, :mod:`~pipeline.report.markdown`
and :mod:`~pipeline.report.docx` render the blocks. Nothing here writes files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from pipeline.config import SeminarConfig, slugify
from pipeline.report.blocks import Figure, Page, walk
from pipeline.report.context import AreaContext, area_synthesis, build_area_context, build_index_context
from pipeline.report.method import method_facts
from pipeline.report.docx import render_docx
from pipeline.report.html import PLOTLY_JS, plotly_bundle, render_html
from pipeline.report.markdown import render_markdown
from pipeline.report.index import index_page
from pipeline.report.pages import area_page
from pipeline.report.wording import escape_markdown
from pipeline.report.overview import OVERVIEW, overview_page
from pipeline.report.workbook import THEMES_WORKBOOK, build_themes_workbook

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from pipeline.flows.analysis import Analysis

__all__ = [
    "PLOTLY_JS",
    "AreaContext",
    "area_page",
    "area_synthesis",
    "build_area_context",
    "build_area_docx",
    "build_index_context",
    "escape_markdown",
    "figure_images",
    "index_page",
    "method_facts",
    "plotly_bundle",
    "render_area_html",
    "render_area_markdown",
    "render_docx",
    "render_html",
    "render_index_html",
    "render_markdown",
    "render_seminar_pages",
]


def figure_images(
    page: Page, render_png: Callable[[go.Figure], bytes | None] | None
) -> dict[str, bytes | None]:
    """PNG bytes of every chart on the page, by figure name, for :func:`render_docx` (None: no charts)."""
    return {
        b.name: (render_png(b.figure) if render_png else None)
        for b in walk(page.blocks)
        if isinstance(b, Figure)
    }


def render_area_html(ctx: AreaContext) -> str:
    """One core area's page as HTML (:func:`~pipeline.report.pages.area_page` rendered)."""
    return render_html(area_page(ctx))


def render_area_markdown(ctx: AreaContext) -> str:
    """One core area's page as Markdown (:func:`~pipeline.report.pages.area_page` rendered)."""
    return render_markdown(area_page(ctx))


def build_area_docx(ctx: AreaContext, images: Mapping[str, bytes | None]) -> bytes:
    """One core area's page as DOCX bytes.

    ``images`` maps figure names (:func:`figure_images`) to PNG bytes.
    """
    return render_docx(area_page(ctx), images)


def render_index_html(index: dict) -> str:
    """The index page as HTML (:func:`~pipeline.report.pages.index_page` rendered)."""
    return render_html(index_page(index))


def render_seminar_pages(
    analysis: Analysis,
    cfg: SeminarConfig,
    *,
    render_png: Callable[[go.Figure], bytes | None] | None = None,
    extra_method: dict[str, str] | None = None,
) -> dict[str, str | bytes]:
    """Every page of one seminar's report.

    Per core area HTML, Markdown and DOCX, ``index.html``, and the overview for the committees (``overblik``,
    three formats).

    Args:
        analysis: The seminar's analysis (:func:`pipeline.flows.analyse_seminar`).
        cfg: Its configuration.
        render_png: Renders a chart to PNG for the DOCX reports (see
            :func:`pipeline.report.plots.figure_png`); None leaves the charts out of the DOCX.
        extra_method: More lines for the method appendix (personal data removed, files that
            could not be read: :meth:`pipeline.ingest.IngestResult.method_lines`).

    Returns:
        File name → HTML or Markdown text, or DOCX or XLSX bytes (``temaer.xlsx``: the themes,
        quotes and notes as a workbook); and ``plotly.min.js``, the one copy
        of Plotly that the HTML pages load.
    """
    # Which themes recur was decided by the theme stage (the ``recurring`` column); the pages only
    # state its threshold in words, as the stage stored it with its quality figures
    recurring_from = int(analysis.quality["recurring_from"])
    method = {**method_facts(analysis, cfg, recurring_from=recurring_from), **(extra_method or {})}
    pages: dict[str, str | bytes] = {}
    for area in dict.fromkeys(analysis.notes["core_area"]):
        page = area_page(
            build_area_context(analysis, cfg, area, recurring_from=recurring_from, method=method)
        )
        slug = slugify(area)
        pages[f"{slug}.html"] = render_html(page)
        pages[f"{slug}.md"] = render_markdown(page)
        pages[f"{slug}.docx"] = render_docx(page, figure_images(page, render_png))
    pages["index.html"] = render_html(
        index_page(build_index_context(analysis, cfg, recurring_from=recurring_from, method=method))
    )
    overview = overview_page(analysis, cfg, recurring_from=recurring_from)
    pages[f"{OVERVIEW}.html"] = render_html(overview)
    pages[f"{OVERVIEW}.md"] = render_markdown(overview)
    pages[f"{OVERVIEW}.docx"] = render_docx(overview, {})
    pages[THEMES_WORKBOOK] = build_themes_workbook(analysis, cfg, recurring_from=recurring_from)
    pages[PLOTLY_JS] = plotly_bundle()
    return pages
