"""Charts as PNG images for the DOCX reports: print resolution, and one Kaleido browser for the whole run.

Drawing a chart needs a Chrome or Chromium (:func:`pipeline.report.plots.figure_png`); without one the
DOCX says the chart is in the HTML report. Keeping the images between runs is the I/O side's
(:func:`pipeline.io.caches.chart_renderer`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from pipeline.report import plots

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = ["DOCX_CHART_SCALE", "DOCX_CHART_WIDTH", "chart_spec", "png_renderer", "print_png"]

# Charts in the DOCX are 16 cm wide; 900 px at scale 2 is about 285 dpi there.
DOCX_CHART_WIDTH, DOCX_CHART_SCALE = 900, 2


def print_png(fig: go.Figure, figure_png: Callable[..., bytes | None] | None = None) -> bytes | None:
    """A chart at print resolution: the layout of the screen, twice the pixels (None: it could not be drawn).

    Args:
        fig: The chart.
        figure_png: What draws it (default :func:`pipeline.report.plots.figure_png`).
    """
    return (figure_png or plots.figure_png)(fig, width=DOCX_CHART_WIDTH, scale=DOCX_CHART_SCALE)


def chart_spec(fig: go.Figure) -> str:
    """Everything a chart's PNG depends on (the figure, its size, Kaleido's and Plotly's versions).

    A cache key.
    """

    def _version(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    return f"{fig.to_json()}|{DOCX_CHART_WIDTH}|{DOCX_CHART_SCALE}|{_version('kaleido')}|{_version('plotly')}"


@contextmanager
def png_renderer() -> Iterator[Callable[[go.Figure], bytes | None]]:
    """Chart → PNG at print resolution, with one browser for the whole run.

    Started at the first chart and stopped at the end.
    """
    # Kaleido's browser driver logs harmless shutdown noise with tracebacks; users must not see it.
    for name in ("choreographer", "kaleido", "logistro"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    server: list = []

    def draw(fig: go.Figure, **kwargs) -> bytes | None:
        if not server:
            server.append(None)
            try:
                import kaleido

                if plots.browser_available():  # without a browser figure_png says so and returns None
                    kaleido.start_sync_server(silence_warnings=True)
                    server[0] = kaleido
            except Exception:  # no kaleido or no browser: figure_png then returns None and says why
                pass
        return plots.figure_png(fig, **kwargs)

    try:
        yield lambda fig: print_png(fig, draw)
    finally:
        if server and server[0] is not None:
            try:
                server[0].stop_sync_server(silence_warnings=True)
            except Exception:
                pass
