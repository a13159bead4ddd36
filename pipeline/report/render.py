"""Render report contexts as HTML and Markdown (Jinja2 templates in ``pipeline/templates``). Nothing here writes files."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup, escape
from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.compare import OVERALL, STATUSES, reported
from pipeline.config import slugify
from pipeline.plots import plot_prevalence_heatmap, plot_theme_change
from pipeline.report.context import AreaContext
from pipeline.report.wording import da_decimal, da_list, escape_markdown, number_word

__all__ = [
    "PLOTLY_JS",
    "plotly_bundle",
    "render_area_html",
    "render_area_markdown",
    "render_comparison_html",
    "render_comparison_markdown",
    "render_index_html",
]

#: Report headings of the statuses (the vocabulary lives in :mod:`pipeline.compare`).
STATUS_TITLES = {status: words.title for status, words in STATUSES.items()}


def status_count(status: str, n: int) -> str:
    """``"1 nyt tema"``, ``"3 nye temaer"``."""
    words = STATUSES[status]
    return f"{n} {words.singular if n == 1 else words.plural}"


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline", "templates"),
        autoescape=select_autoescape(["html.j2"], default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["da_list"] = da_list
    env.filters["md"] = escape_markdown
    env.filters["number_word"] = number_word
    env.filters["mark"] = mark_phrase
    env.filters["noun"] = lambda n, singular, plural: singular if n == 1 else plural
    env.filters["decimal"] = da_decimal
    env.filters["slug"] = slugify
    env.globals["plotly_js"] = PLOTLY_JS
    return env


def mark_phrase(text: str, phrase: str) -> Markup:
    """HTML of a quote with the theme's key phrase marked (``<mark>``); both are escaped first."""
    text, phrase = str(text), str(phrase or "")
    at = text.lower().find(phrase.lower()) if phrase else -1
    if at < 0:
        return escape(text)
    end = at + len(phrase)
    return escape(text[:at]) + Markup("<mark>") + escape(text[at:end]) + Markup("</mark>") + escape(text[end:])


#: The one copy of Plotly's JavaScript, written beside the pages that have charts.
PLOTLY_JS = "plotly.min.js"


def plotly_bundle() -> str:
    """Plotly's JavaScript (the version the charts were made with), for :data:`PLOTLY_JS` beside the pages."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _figure_html(fig: go.Figure, div_id: str) -> str:
    # A fixed div id keeps the HTML byte-identical between runs (Plotly's default is a random UUID).
    return fig.to_html(
        full_html=False,
        include_plotlyjs=False,  # the pages load one plotly.min.js beside them
        div_id=div_id,
        # No tool bar: on a phone it covers the chart's title, and it is nothing a reader of a report needs.
        config={"displaylogo": False, "responsive": True, "displayModeBar": False},
    )


def render_area_html(ctx: AreaContext) -> str:
    """Render one core area's report as an HTML page (charts load :data:`PLOTLY_JS` from the same folder)."""
    figures = [
        {"number": i, "caption": caption, "html": _figure_html(fig, f"fig-{ctx.slug}-{name}")}
        for i, (name, caption, fig) in enumerate(ctx.figures, start=1)
    ]
    return _env().get_template("area.html.j2").render(ctx=ctx, figures=figures)


def render_area_markdown(ctx: AreaContext) -> str:
    """Render one core area's report as Markdown (note text escaped; charts left to the HTML and DOCX)."""
    return _env().get_template("area.md.j2").render(ctx=ctx)


def render_index_html(index: dict) -> str:
    """Render the index page linking all core-area reports."""
    return _env().get_template("index.html.j2").render(**index)


def _comparison_sections(comparison, scopes: list[str], min_groups: int, include_figures: bool) -> list[dict]:
    sections = []
    for scope in scopes:
        rows = reported(comparison.status, scope)
        groups = []
        for status in STATUS_TITLES:
            items = []
            for r in rows[rows["status"] == status].itertuples():
                quotes = comparison.quotes[(comparison.quotes["topic"] == r.topic) & (comparison.quotes["scope"] == scope)]
                quotes = pd.concat([quotes[quotes["year"] == r.base_year].head(1), quotes[quotes["year"] == r.target_year].head(1)])
                prev = comparison.prevalence
                total = prev[(prev["core_area"] == scope) & (prev["topic"] == r.topic)].set_index("year")["n_groups_total"].to_dict()
                items.append(
                    {
                        "label": r.label,
                        "base_groups": r.base_groups,
                        "target_groups": r.target_groups,
                        "base_total": total.get(r.base_year, 0),
                        "target_total": total.get(r.target_year, 0),
                        "quotes": quotes.to_dict("records"),
                    }
                )
            if items:
                groups.append((status, items))
        counts = {s: len(items) for s, items in groups}
        if counts:
            summary = da_list([status_count(s, n) for s, n in counts.items()])
        else:
            summary = f"Ingen ændringer i temaer, som mindst {number_word(min_groups)} grupper rejste."
        figure = None
        if include_figures and len(rows):
            div = f"fig-compare-{slugify(scope)}"
            figure = _figure_html(plot_theme_change(rows), div)
        unit = "gruppedrøftelser" if scope == OVERALL else "grupper"  # overall: a group at one area's table
        sections.append({"title": scope, "slug": slugify(scope), "summary": summary[:1].upper() + summary[1:] + ".", "groups": groups, "figure": figure, "unit": unit})
    return sections


def _comparison_context(comparison, cfg, include_figures: bool) -> dict:
    areas = [a for a in dict.fromkeys(comparison.prevalence["core_area"]) if a != OVERALL]
    sections = _comparison_sections(comparison, [OVERALL, *areas], cfg.themes.min_groups, include_figures)
    years = sorted(set(int(y) for y in comparison.prevalence["year"]))
    heatmap = None
    if include_figures:
        overall = comparison.prevalence[comparison.prevalence["core_area"] == OVERALL]
        heat = overall[overall["topic"].isin(set(reported(comparison.status, OVERALL)["topic"]))]
        if len(heat):
            heatmap = _figure_html(plot_prevalence_heatmap(heat), "fig-compare-years")
    return {
        "base": comparison.base,
        "target": comparison.target,
        "years": years,
        "cfg": cfg,
        "municipality": cfg.municipality,
        "sections": sections,
        "heatmap": heatmap,
        "alignment": comparison.alignment.to_dict("records") if comparison.alignment is not None else None,
        "status_titles": STATUS_TITLES,
        "status_count": status_count,
    }


def render_comparison_html(comparison, cfg) -> str:
    """Render the "Hvad er nyt i år" page: overall, then per core area, with charts and quotes from both years.

    Args:
        comparison: The :class:`~pipeline.compare.Comparison`.
        cfg: The target year's :class:`~pipeline.config.SeminarConfig` (thresholds, municipality).
    """
    return _env().get_template("compare.html.j2").render(**_comparison_context(comparison, cfg, include_figures=True))


def render_comparison_markdown(comparison, cfg) -> str:
    """The "Hvad er nyt i år" page as Markdown (no charts), from the same context as the HTML."""
    text = _env().get_template("compare.md.j2").render(**_comparison_context(comparison, cfg, include_figures=False))
    return text.rstrip() + "\n"
