"""Charts for the reports. Each ``plot_*`` takes a tidy table and returns a Plotly figure; it writes nothing."""

from __future__ import annotations

import functools
import logging
import os
import shutil

import pandas as pd
import plotly.graph_objects as go

__all__ = [
    "figure_png",
    "plot_group_theme_heatmap",
    "plot_prevalence_heatmap",
    "plot_theme_change",
    "plot_theme_sizes",
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
            text=[f"{g} af {t} grupper" for g, t in zip(data["n_groups"], data["n_groups_total"], strict=True)],
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


def plot_group_theme_heatmap(matrix: pd.DataFrame) -> go.Figure:
    """Heatmap of themes (rows) by group (columns): how many of each group's key phrases fall in each theme.

    Args:
        matrix: The tidy table of :func:`theme_group_matrix`.
    """
    labels = list(dict.fromkeys(matrix["label"]))
    groups = sorted(set(int(g) for g in matrix["group"]))
    z = matrix.pivot_table(index="label", columns="group", values="n_units", aggfunc="sum").reindex(index=labels, columns=groups).fillna(0).astype(int)
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(),
            x=[f"Gruppe {g}" for g in groups],
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
        _warn_once("Charts are left out of DOCX reports: no Chrome/Chromium found for Kaleido (install one, or set BROWSER_PATH)")
        return None
    try:
        return fig.to_image(format="png", width=width, height=height or int(fig.layout.height or 450), scale=scale)
    except Exception as exc:  # kaleido raises its own types when no browser can be started
        log.warning("Charts are left out of DOCX reports: no Chrome/Chromium for Kaleido (%s)", type(exc).__name__)
        return None


def _status_colour(status: str) -> str:
    from pipeline.compare import STATUSES

    return STATUSES[status].colour


def plot_theme_change(status: pd.DataFrame) -> go.Figure:
    """Dumbbell chart: each theme's share of groups in the base and the target year, coloured by status.

    Args:
        status: Rows of the status table for one scope (one core area, or overall).
    """
    data = status.sort_values(["target_share_groups", "base_share_groups"], ascending=True, kind="stable")
    base, target = int(data["base_year"].iloc[0]), int(data["target_year"].iloc[0])
    labels = [_short(v, 40) for v in data["label"]]
    fig = go.Figure()
    for y, b, t, s in zip(labels, data["base_share_groups"], data["target_share_groups"], data["status"], strict=True):
        fig.add_trace(go.Scatter(x=[b, t], y=[y, y], mode="lines", line=dict(color=_status_colour(s), width=3), showlegend=False, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=data["base_share_groups"], y=labels, mode="markers", name=str(base), marker=dict(size=11, color="white", line=dict(width=2, color="#555"))))
    fig.add_trace(
        go.Scatter(
            x=data["target_share_groups"],
            y=labels,
            mode="markers",
            name=str(target),
            marker=dict(size=12, color=[_status_colour(s) for s in data["status"]]),
            customdata=data["status"],
            hovertemplate="%{y}<br>" + str(target) + ": %{x:.0%} af grupperne (%{customdata})<extra></extra>",
        )
    )
    fig.update_xaxes(title="Andel af grupperne, der rejste temaet", tickformat=".0%", range=[-0.05, 1.05], gridcolor="#e5e5e5")
    fig.update_layout(legend=dict(orientation="h", y=1.08, x=1, xanchor="right"))
    return _layout(fig, f"Temaer {base} → {target}", height=140 + 34 * len(data))


def plot_prevalence_heatmap(prevalence: pd.DataFrame) -> go.Figure:
    """Heatmap of themes (rows) by year (columns): share of groups that raised each theme.

    Args:
        prevalence: Rows of the prevalence table for one scope.
    """
    table = prevalence.pivot_table(index="label", columns="year", values="share_groups", aggfunc="max").fillna(0.0)
    table = table.loc[table.max(axis=1).sort_values(ascending=True, kind="stable").index]
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=[str(c) for c in table.columns],
            y=[_short(v, 40) for v in table.index],
            colorscale="Blues",
            zmin=0,
            zmax=1,
            text=[[f"{v:.0%}" for v in row] for row in table.to_numpy()],
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}: %{z:.0%} af grupperne<extra></extra>",
            showscale=False,
        )
    )
    return _layout(fig, "Andel af grupperne pr. tema og år", height=140 + 30 * len(table))
