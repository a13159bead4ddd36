"""Render the comparison page as HTML and Markdown (Jinja2 templates in ``pipeline/templates``). Nothing here writes files.

The area and index pages are built as blocks (:mod:`pipeline.report.pages`); the comparison page
moves to blocks with issue 25.
"""

from __future__ import annotations

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.compare import OVERALL, STATUSES, reported
from pipeline.config import slugify
from pipeline.plots import plot_prevalence_heatmap, plot_theme_change
from pipeline.report.html import CSS, PLOTLY_JS, figure_html
from pipeline.report.wording import da_decimal, da_list, escape_markdown, number_word

__all__ = ["render_comparison_html", "render_comparison_markdown"]

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
    env.filters["noun"] = lambda n, singular, plural: singular if n == 1 else plural
    env.filters["decimal"] = da_decimal
    env.filters["slug"] = slugify
    env.globals["plotly_js"] = PLOTLY_JS
    env.globals["css"] = CSS
    return env


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
            figure = figure_html(plot_theme_change(rows), div)
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
            heatmap = figure_html(plot_prevalence_heatmap(heat), "fig-compare-years")
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
