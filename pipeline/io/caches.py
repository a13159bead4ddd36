"""What a run keeps for the next one under the processed folder's ``.cache/``: embeddings, analysis, charts.

Part of the I/O side (with :mod:`pipeline.io`). Everything here is only a cache: a missing,
unreadable or foreign file is a miss, and the outputs are the same with or without it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from pipeline.config import SeminarConfig
from pipeline.io.files import write_bytes
from pipeline.io.outputs import atomic_file

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from pipeline.flows.reuse import ReusableAnalysis

__all__ = [
    "EMBEDDING_CACHE",
    "EmbeddingCache",
    "RunCache",
    "cached_charts",
    "chart_renderer",
    "charts_path",
    "embedding_cache_path",
    "load_embedding_cache",
    "load_reusable_analysis",
    "reusable_analysis_path",
    "save_embedding_cache",
    "save_reusable_analysis",
]


#: The embedding cache, one file per processed-data root: vectors by content hash.
EMBEDDING_CACHE = Path(".cache") / "embeddings.npz"
#: Entries beyond this are dropped oldest-first when the cache is saved (about 150 MB of float32).
EMBEDDING_CACHE_MAX = 100_000


class EmbeddingCache(dict):
    """Raw embedding vectors by content hash (:func:`pipeline.topics.embedders.cache_key`).

    A plain dict that remembers whether anything was added, so that an unchanged cache is
    not written again.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.loaded = len(self)

    @property
    def changed(self) -> bool:
        """Whether entries were added since loading."""
        return len(self) != self.loaded


def embedding_cache_path(cfg: SeminarConfig) -> Path:
    """Where a seminar's embedding cache lives: beside its processed folder, which a run replaces whole."""
    return Path(cfg.processed_dir).parent / EMBEDDING_CACHE


def load_embedding_cache(path: str | Path) -> EmbeddingCache:
    """The embedding cache at ``path``; an empty one when the file is missing or unreadable (only a cache)."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            return EmbeddingCache(zip(data["keys"].tolist(), data["vectors"], strict=True))
    except (OSError, KeyError, ValueError, EOFError):
        return EmbeddingCache()


def save_embedding_cache(cache: EmbeddingCache, path: str | Path) -> Path | None:
    """Write the cache when entries were added (the newest :data:`EMBEDDING_CACHE_MAX`); None if unchanged."""
    if not cache.changed or not cache:
        return None
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = list(cache)[-EMBEDDING_CACHE_MAX:]
    with atomic_file(path) as temp, open(temp, "wb") as handle:
        np.savez(handle, keys=np.array(keys), vectors=np.vstack([cache[k] for k in keys]).astype(np.float32))
    cache.loaded = len(cache)
    return path


def reusable_analysis_path(cfg: SeminarConfig) -> Path:
    """Where the automatic part of a seminar's last analysis is kept (beside the embedding cache)."""
    return Path(cfg.processed_dir).parent / ".cache" / f"analysis-{cfg.year}.pkl"


def load_reusable_analysis(path: str | Path):
    """The :class:`~pipeline.flows.reuse.ReusableAnalysis` kept at ``path``, or None.

    None when the file is missing, unreadable or from another version.

    The file is a pickle this tool wrote itself into the processed-data folder; like any cache it
    is only trusted as far as that folder is.
    """
    import pickle

    from pipeline.flows.reuse import ReusableAnalysis

    try:
        with open(path, "rb") as handle:
            found = pickle.load(handle)
    except Exception:  # a missing, truncated or foreign file is only a miss
        return None
    return found if isinstance(found, ReusableAnalysis) else None


def save_reusable_analysis(reusable, path: str | Path) -> Path:
    """Keep the automatic part of an analysis for the next run."""
    import pickle

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temp:
        temp.write_bytes(pickle.dumps(reusable, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def charts_path(cfg: SeminarConfig) -> Path:
    """Where the chart images of a seminar's reports are kept (beside the other caches)."""
    return Path(cfg.processed_dir).parent / ".cache" / "charts"


def cached_charts(
    render: Callable[[go.Figure], bytes | None], folder: str | Path
) -> Callable[[go.Figure], bytes | None]:
    """``render``, with each chart's PNG kept in ``folder``.

    A chart drawn before (same figure, size and Kaleido) is read, not drawn again.
    """
    from pipeline.report.images import chart_spec

    folder = Path(folder)

    def cached(fig: go.Figure) -> bytes | None:
        path = folder / f"{hashlib.sha256(chart_spec(fig).encode()).hexdigest()[:32]}.png"
        if path.exists():
            return path.read_bytes()
        png = render(fig)
        if png is not None:
            write_bytes(png, path)
        return png

    return cached


@contextmanager
def chart_renderer(cache_dir: str | Path | None = None) -> Iterator[Callable[[go.Figure], bytes | None]]:
    """Charts to PNG for the DOCX (:func:`pipeline.report.images.png_renderer`), kept in ``cache_dir``."""
    from pipeline.report.images import png_renderer

    with png_renderer() as render:
        yield render if cache_dir is None else cached_charts(render, cache_dir)


@dataclass
class RunCache:
    """The caches of one seminar's run: loaded before the analysis, saved after it.

    Attributes:
        cfg: The seminar's configuration (where the caches live).
        reusable: The automatic analysis of the last run (None: none, or ``fresh``).
        embeddings: Vectors of phrases embedded before.
        charts: Folder of the chart images (None with ``fresh``: every chart is drawn).
    """

    cfg: SeminarConfig
    reusable: ReusableAnalysis | None = None
    embeddings: EmbeddingCache = field(default_factory=EmbeddingCache)
    charts: Path | None = None

    @classmethod
    def load(cls, cfg: SeminarConfig, *, fresh: bool = False) -> RunCache:
        """The caches of the seminar's last run; empty ones with ``fresh`` (nothing read, all done again)."""
        if fresh:
            return cls(cfg)
        return cls(
            cfg,
            load_reusable_analysis(reusable_analysis_path(cfg)),
            load_embedding_cache(embedding_cache_path(cfg)),
            charts_path(cfg),
        )

    def save(self) -> None:
        """Keep the embeddings and the automatic analysis for the next run."""
        save_embedding_cache(self.embeddings, embedding_cache_path(self.cfg))
        if self.reusable is not None:
            save_reusable_analysis(self.reusable, reusable_analysis_path(self.cfg))
