"""Danish theme reports: per core area as HTML, Markdown and DOCX, an index page, and the comparison page.

:mod:`~pipeline.report.context` builds one context per page from the analysis tables;
:mod:`~pipeline.report.render` (HTML, Markdown) and :mod:`~pipeline.report.docx` render that
same context. Nothing here writes files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.config import SeminarConfig, slugify
from pipeline.report.context import AreaContext, area_synthesis, build_area_context, build_index_context, method_facts
from pipeline.report.docx import build_area_docx
from pipeline.report import render
from pipeline.report.render import PLOTLY_JS as PLOTLY_JS
from pipeline.report.render import plotly_bundle as plotly_bundle
from pipeline.report.render import render_area_html as render_area_html
from pipeline.report.render import render_area_markdown as render_area_markdown
from pipeline.report.render import render_comparison_html as render_comparison_html
from pipeline.report.render import render_comparison_markdown as render_comparison_markdown
from pipeline.report.render import render_index_html as render_index_html
from pipeline.report.wording import escape_markdown
from pipeline.report.workbook import THEMES_WORKBOOK, build_themes_workbook

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from pipeline.flows import Analysis

__all__ = [
    "AreaContext",
    "area_synthesis",
    "build_area_context",
    "build_area_docx",
    "build_index_context",
    "escape_markdown",
    "method_facts",
    "render_seminar_pages",
    *render.__all__,
]


def render_seminar_pages(
    analysis: Analysis,
    cfg: SeminarConfig,
    *,
    render_png: Callable[[go.Figure], bytes | None] | None = None,
    extra_method: dict[str, str] | None = None,
) -> dict[str, str | bytes]:
    """Every page of one seminar's report: per core area HTML, Markdown and DOCX, and ``index.html``.

    Args:
        analysis: The seminar's analysis (:func:`pipeline.flows.analyse_seminar`).
        cfg: Its configuration.
        render_png: Renders a chart to PNG for the DOCX reports (see
            :func:`pipeline.plots.figure_png`); None leaves the charts out of the DOCX.
        extra_method: More lines for the method appendix (personal data removed, files that
            could not be read: :meth:`pipeline.ingest.IngestResult.method_lines`).

    Returns:
        File name → HTML or Markdown text, or DOCX or XLSX bytes (``temaer.xlsx``: the themes,
        quotes and notes as a workbook); and ``plotly.min.js``, the one copy
        of Plotly that the HTML pages load.
    """
    method = {**method_facts(analysis, cfg), **(extra_method or {})}
    pages: dict[str, str | bytes] = {}
    for area in dict.fromkeys(analysis.notes["core_area"]):
        ctx = build_area_context(analysis, cfg, area, method=method)
        slug = slugify(area)
        pages[f"{slug}.html"] = render_area_html(ctx)
        pages[f"{slug}.md"] = render_area_markdown(ctx)
        images = {name: (render_png(fig) if render_png else None) for name, _, fig in ctx.figures}
        pages[f"{slug}.docx"] = build_area_docx(ctx, images)
    pages["index.html"] = render_index_html(build_index_context(analysis, cfg, method=method))
    pages[THEMES_WORKBOOK] = build_themes_workbook(analysis, cfg)
    pages[PLOTLY_JS] = plotly_bundle()
    return pages
