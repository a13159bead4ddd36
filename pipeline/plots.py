"""Charts for the reports. Each ``plot_*`` takes a tidy table and returns a Plotly figure; it writes nothing."""

from __future__ import annotations

import logging

import pandas as pd
import plotly.graph_objects as go

__all__ = ["figure_png", "plot_group_theme_heatmap", "plot_statement_map", "plot_theme_sizes"]

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


def plot_group_theme_heatmap(statement_topics: pd.DataFrame, themes: pd.DataFrame) -> go.Figure:
    """Heatmap of statements per group (rows) and theme (columns) for one core area.

    Args:
        statement_topics: Statements of one core area with their ``topic``.
        themes: Themes of the same area (gives the column order and labels).
    """
    topics = list(themes["topic"])
    labels = [_short(v, 30) for v in themes["label"]]
    groups = sorted(set(int(g) for g in statement_topics["group"]))
    counts = statement_topics.groupby(["group", "topic"]).size()
    z = [[int(counts.get((g, t), 0)) for t in topics] for g in groups]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=[f"Gruppe {g}" for g in groups],
            colorscale="Blues",
            zmin=0,
            showscale=False,
            text=z,
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}<br>%{z} udsagn<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, "Hvilke grupper rejste hvilke temaer (antal udsagn)", height=140 + 40 * len(groups))


def plot_statement_map(statement_map: pd.DataFrame) -> go.Figure:
    """Scatter of one core area's statements on a 2-D map of their embeddings, coloured by theme.

    Args:
        statement_map: Columns ``x``, ``y``, ``topic_label``, ``group``, ``text`` (one row per statement).
    """
    fig = go.Figure()
    for label, part in statement_map.groupby("topic_label", sort=True):
        fig.add_trace(
            go.Scatter(
                x=part["x"].round(4),
                y=part["y"].round(4),
                mode="markers",
                name=_short(str(label), 40),
                marker=dict(size=11, line=dict(width=1, color="white")),
                customdata=[[g, _short(t, 120)] for g, t in zip(part["group"], part["text"], strict=True)],
                hovertemplate="Gruppe %{customdata[0]}: %{customdata[1]}<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_xaxes(showticklabels=False, zeroline=False, showgrid=False, title="")
    fig.update_yaxes(showticklabels=False, zeroline=False, showgrid=False, title="")
    fig.update_layout(legend=dict(orientation="h", y=-0.05))
    return _layout(fig, "Udsagnene på et kort: tæt på hinanden = beslægtet indhold", height=480)


def figure_png(fig: go.Figure, width: int = 900, height: int | None = None) -> bytes | None:
    """Render a figure to PNG with Kaleido (needs a Chrome or Chromium on the machine).

    Returns:
        The PNG bytes, or None when no browser is available (the caller leaves the chart out
        and says so).
    """
    try:
        import kaleido  # noqa: F401
    except ImportError:
        log.warning("Charts are left out of DOCX reports: pip install kaleido")
        return None
    try:
        return fig.to_image(format="png", width=width, height=height or int(fig.layout.height or 450), scale=1)
    except Exception as exc:  # kaleido raises its own types when no browser can be started
        log.warning("Charts are left out of DOCX reports: no Chrome/Chromium for Kaleido (%s)", type(exc).__name__)
        return None
