"""Charts for the reports.

Each ``plot_*`` takes a tidy table and returns a Plotly figure; it writes nothing.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

__all__ = [
    "figure_png",
    "plot_group_theme_heatmap",
    "plot_theme_sizes",
    "plot_theme_years",
    "theme_group_matrix",
]

log = logging.getLogger(__name__)

_FONT = dict(family="Segoe UI, Helvetica, Arial, sans-serif", size=13)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        font=_FONT,
        height=height,
        margin=dict(l=10, r=10, t=50, b=40),
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return fig


def _short(label: str, width: int = 45) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def plot_theme_sizes(themes: pd.DataFrame) -> go.Figure:
    """Horizontal bars: how many groups raised each theme of one core area.

    Args:
        themes: Rows of the themes table for one core area.
    """
    data = themes.sort_values(["n_groups", "n_statements"], ascending=True, kind="stable")
    fig = go.Figure(
        go.Bar(
            x=data["n_groups"],
            y=[_short(v) for v in data["label"]],
            orientation="h",
            marker_color=["#1f6f8b" if r else "#9bb7c4" for r in data["recurring"]],
            text=[
                f"{g} af {t} grupper" for g, t in zip(data["n_groups"], data["n_groups_total"], strict=True)
            ],
            textposition="auto",
            customdata=data["n_statements"],
            hovertemplate="%{y}<br>%{x} grupper, %{customdata} udsagn<extra></extra>",
        )
    )
    fig.update_xaxes(title="Antal grupper", dtick=1, gridcolor="#e5e5e5")
    return _layout(fig, "Temaer efter antal grupper", height=120 + 36 * len(data))


def theme_group_matrix(units: pd.DataFrame, themes: pd.DataFrame, groups: list[int]) -> pd.DataFrame:
    """The theme × group matrix of one core area (NVivo's code × case matrix) as a tidy table.

    Args:
        units: Units of the area with their ``theme``.
        themes: The area's themes to show, in report order.
        groups: The area's groups.

    Returns:
        ``topic, label, group, n_units`` for every theme and group (zeros included).
    """
    counts = units.groupby(["theme", "group"]).size()
    rows = [
        {"topic": int(t), "label": label, "group": int(g), "n_units": int(counts.get((t, g), 0))}
        for t, label in zip(themes["topic"], themes["label"], strict=True)
        for g in groups
    ]
    return pd.DataFrame(rows, columns=["topic", "label", "group", "n_units"])


def _by_group(
    matrix: pd.DataFrame, index: str, values: str, aggfunc: str
) -> tuple[list, list[int], pd.DataFrame]:
    """A tidy matrix's rows (first order) by group (ascending): ``(rows, groups, z)``, 0 where none."""
    rows = list(dict.fromkeys(matrix[index]))
    groups = sorted(set(int(g) for g in matrix["group"]))
    z = (
        matrix.pivot_table(index=index, columns="group", values=values, aggfunc=aggfunc)
        .reindex(index=rows, columns=groups)
        .fillna(0)
        .astype(int)
    )
    return rows, groups, z


def plot_group_theme_heatmap(matrix: pd.DataFrame, names: Mapping[int, str] | None = None) -> go.Figure:
    """Heatmap of themes (rows) by group (columns): how many of each group's key phrases fall in each theme.

    Args:
        matrix: The tidy table of :func:`theme_group_matrix`.
        names: The named groups' names by ordinal (:func:`pipeline.report.wording.group_names`).
    """
    from pipeline.report.wording import group_label  # here: pipeline.report imports this module

    labels, groups, z = _by_group(matrix, "label", "n_units", "sum")
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(),
            x=[group_label(g, names, capital=True) for g in groups],
            y=[_short(v, 40) for v in labels],
            colorscale="Blues",
            zmin=0,
            showscale=False,
            text=z.to_numpy(),
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    return _layout(fig, "Hvilke grupper rejste hvilke temaer", height=140 + 34 * len(labels))


def option_group_matrix(options: list[dict], groups: list[int]) -> pd.DataFrame:
    """The given option × group matrix of one core area as a tidy table (computed apart from its plot).

    Args:
        options: The area's options in the question's order, each with ``option`` and ``groups``
            (:meth:`pipeline.themes.options.OptionCount.as_dict`).
        groups: The area's groups.

    Returns:
        ``option, group, chosen`` (1 when the group took the option up, else 0) for every option and group.
    """
    rows = [
        {"option": o["option"], "group": int(g), "chosen": int(int(g) in set(o["groups"]))}
        for o in options
        for g in groups
    ]
    return pd.DataFrame(rows, columns=["option", "group", "chosen"])


def plot_option_groups(matrix: pd.DataFrame, names: Mapping[int, str] | None = None) -> go.Figure:
    """Which groups took up which of the question's given options.

    Options (rows, in the question's order) by group (columns), filled where a group's notes
    name the option.

    Args:
        matrix: The tidy table of :func:`option_group_matrix`.
        names: The named groups' names by ordinal (:func:`pipeline.report.wording.group_names`).
    """
    from pipeline.report.wording import group_label  # here: pipeline.report imports this module

    options, groups, z = _by_group(matrix, "option", "chosen", "max")
    totals = z.sum(axis=1)
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(),
            x=[group_label(g, names, capital=True) for g in groups],
            y=[f"{_short(o, 36)} ({totals[o]})" for o in options],
            colorscale=[[0, "#f3f3f3"], [1, "#2b6cb0"]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{y}<br>%{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    return _layout(fig, "De givne muligheder: hvilke grupper nævnte hvad", height=140 + 34 * len(options))


@functools.lru_cache(maxsize=8)
def _warn_once(message: str) -> None:
    log.warning(message)


@functools.lru_cache(maxsize=1)
def browser_available() -> bool:
    """Whether Kaleido can find a Chrome or Chromium (without one, it waits for ever instead of failing)."""
    try:
        from choreographer.browsers.chromium import Chromium

        return Chromium.find_browser(skip_local=False) is not None
    except Exception:  # another choreographer version: look on the PATH ourselves
        names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
        return bool(os.environ.get("BROWSER_PATH")) or any(shutil.which(n) for n in names)


def figure_png(fig: go.Figure, width: int = 900, height: int | None = None, scale: float = 1) -> bytes | None:
    """Render a figure to PNG with Kaleido (needs a Chrome or Chromium on the machine).

    ``scale`` multiplies the pixels without changing the layout (2 for print: a 900 px chart
    at 16 cm is then about 285 dpi, with text at its screen size).

    Returns:
        The PNG bytes, or None when no browser is available (the caller leaves the chart out
        and says so).
    """
    try:
        import kaleido  # noqa: F401
    except ImportError:
        log.warning("Charts are left out of DOCX reports: pip install kaleido")
        return None
    if not browser_available():
        _warn_once(
            "Charts are left out of DOCX reports: no Chrome/Chromium found for Kaleido "
            "(install one, or set BROWSER_PATH)"
        )
        return None
    try:
        return fig.to_image(
            format="png", width=width, height=height or int(fig.layout.height or 450), scale=scale
        )
    except Exception as exc:  # kaleido raises its own types when no browser can be started
        log.warning(
            "Charts are left out of DOCX reports: no Chrome/Chromium for Kaleido (%s)", type(exc).__name__
        )
        return None


#: Bar colours of the years of a comparison, oldest to newest (the newest darkest); cycled when more.
_YEAR_COLOURS = ["#c9d6dc", "#9bb7c4", "#5f8fa6", "#1f6f8b", "#154b5e"]


def plot_theme_years(counts: pd.DataFrame, title: str) -> go.Figure:
    """Grouped bars: per compared point, how many groups raised it in each year.

    One bar per year, with a legend.

    Args:
        counts: One row per point and year: ``label`` (the point as the chart names it, with its
            status), ``year``, ``n_groups``, ``n_groups_total``; points in report order.
        title: The chart's title.
    """
    years = sorted({int(y) for y in counts["year"]})
    labels = list(dict.fromkeys(counts["label"]))
    colours = (
        _YEAR_COLOURS[-len(years) :]
        if len(years) <= len(_YEAR_COLOURS)
        else [_YEAR_COLOURS[i % len(_YEAR_COLOURS)] for i in range(len(years))]
    )
    fig = go.Figure()
    for year, colour in zip(years, colours, strict=True):
        part = counts[counts["year"] == year].set_index("label").reindex(labels)
        fig.add_trace(
            go.Bar(
                x=part["n_groups"].fillna(0).astype(int),
                y=[_short(v, 48) for v in labels],
                orientation="h",
                name=str(year),
                marker_color=colour,
                customdata=part["n_groups_total"].fillna(0).astype(int),
                hovertemplate="%{y}<br>" + str(year) + ": %{x} af %{customdata} grupper<extra></extra>",
            )
        )
    top = int(max(counts["n_groups_total"].max(), counts["n_groups"].max(), 1)) if len(counts) else 1
    fig.update_xaxes(
        title="Grupper, der rejste temaet",
        range=[0, top],
        dtick=1 if top <= 10 else None,
        gridcolor="#e5e5e5",
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(
        barmode="group",
        legend=dict(orientation="h", y=1.06, x=1, xanchor="right", title_text="År"),
        bargap=0.25,
    )
    return _layout(fig, title, height=150 + (12 + 12 * len(years)) * len(labels))


def plot_trajectories(paths: pd.DataFrame, title: str, columns: int = 4) -> go.Figure:
    """Small multiples: one small line chart per point, its number of groups per year.

    The same axes in every panel.

    Args:
        paths: One row per point and year: ``point``, ``label``, ``year``, ``n_groups``,
            ``n_groups_total``; points in the order to show them (:func:`pipeline.compare.trajectories`).
        title: The chart's title.
        columns: Panels per row.
    """
    from plotly.subplots import make_subplots

    points = list(dict.fromkeys(paths["point"]))
    labels = {p: _short(str(lab), 28) for p, lab in zip(paths["point"], paths["label"], strict=True)}
    rows = max(1, -(-len(points) // columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[labels[p] for p in points],
        shared_xaxes=True,
        shared_yaxes=True,
        vertical_spacing=0.5 / rows if rows > 1 else 0.1,
    )
    for i, p in enumerate(points):
        part = paths[paths["point"] == p].sort_values("year")
        fig.add_trace(
            go.Scatter(
                x=part["year"].astype(int),
                y=part["n_groups"].astype(int),
                mode="lines+markers",
                line=dict(color=_YEAR_COLOURS[-2], width=2),
                marker=dict(size=5),
                customdata=part["n_groups_total"].astype(int),
                hovertemplate=labels[p] + "<br>%{x}: %{y} af %{customdata}<extra></extra>",
                showlegend=False,
            ),
            row=i // columns + 1,
            col=i % columns + 1,
        )
    top = int(max(paths["n_groups"].max(), 1)) if len(paths) else 1
    fig.update_yaxes(range=[0, top * 1.1], rangemode="tozero", gridcolor="#e5e5e5")
    fig.update_xaxes(dtick=1 if paths["year"].nunique() <= 8 else None, tickformat="d", gridcolor="#f0f0f0")
    fig.update_annotations(font_size=11)
    return _layout(fig, title, height=120 + 170 * rows)
