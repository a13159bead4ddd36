"""The nearest-neighbour graph of documents: each one's nearest neighbours and UMAP's fuzzy connectivities.

The first step of :mod:`pipeline.topics.graph`, as single-cell analysis (scanpy's ``neighbors``) does it:

1. each document's ``n_neighbors`` nearest neighbours by cosine (exact by blocked matrix
   products up to :data:`EXACT_MAX` documents; above, exact search within the nearest cells of
   an inverted file, as FAISS's IVF: ``pynndescent`` took 77 s for 98,519 documents on one
   thread here, its parallel build is not repeatable with a seed, and its first call compiles);
2. UMAP's fuzzy connectivities on those neighbours (each document's distances scaled by its
   own neighbourhood, then the fuzzy union of both directions), so dense and sparse regions
   weigh alike.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

__all__ = ["EXACT_MAX", "fuzzy_connectivities", "knn"]

#: Up to this many documents the neighbours are exact (blocked matrix products); above, an inverted file.
EXACT_MAX = 20_000


def knn(
    X: np.ndarray, n_neighbors: int, random_state: int = 42, exact_max: int = EXACT_MAX
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's nearest neighbours by cosine distance, itself excluded.

    Args:
        X: Embeddings, one row per document (normalised here).
        n_neighbors: Neighbours per row (capped at ``n - 1``).
        random_state: Seed of the approximate search.
        exact_max: Up to this many rows the neighbours are exact.

    Returns:
        ``(indices, distances)``, both ``n x k``, nearest first; ties by the lower row number.
    """
    X = normalize(np.asarray(X, dtype=np.float32))
    n = len(X)
    k = min(n_neighbors, n - 1)
    if n <= exact_max:
        indices = np.empty((n, k), dtype=np.int64)
        distances = np.empty((n, k), dtype=np.float32)
        # blocks of rows against all rows: memory stays at block x n
        block = max(1, 4_000_000 // max(n, 1))
        for start in range(0, n, block):
            sims = X[start : start + block] @ X.T
            rows = np.arange(len(sims))
            sims[rows, start + rows] = -np.inf
            idx, sim = _top_k(sims, np.arange(n), k)
            indices[start : start + block] = idx
            distances[start : start + block] = 1.0 - sim
        return indices, np.clip(distances, 0.0, 2.0)
    return _ivf_knn(X, k, random_state)


def _top_k(sims: np.ndarray, cand: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` most similar candidates per row, most similar first (ties by the lower row number)."""
    kk = min(k, sims.shape[1])
    part = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
    part.sort(axis=1)
    order = np.argsort(-np.take_along_axis(sims, part, axis=1), axis=1, kind="stable")
    pick = np.take_along_axis(part, order, axis=1)
    return cand[pick], np.take_along_axis(sims, pick, axis=1)


def _ivf_knn(X: np.ndarray, k: int, random_state: int, n_probe: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Approximate neighbours by an inverted file (as FAISS's IVF): exact search in the nearest cells' rows.

    The rows are split into about √n cells by k-means (fitted on a seeded sample); the rows of a
    cell are compared with every row of the ``n_probe`` cells whose centres lie nearest that
    cell's centre. Work and memory grow as n·√n·n_probe/√n = n·n_probe·(cell size), and
    everything is seeded, so the graph is the same on every run.
    """
    from sklearn.cluster import KMeans

    n = len(X)
    n_cells = max(1, round(float(np.sqrt(n))))
    rng = np.random.RandomState(random_state)
    sample = X[np.sort(rng.choice(n, min(n, 40 * n_cells), replace=False))]
    # random (seeded) starting centres: k-means++ took 7 of the 15 s at 50,000 rows, and the cells only
    # bound the search
    centres = (
        KMeans(n_clusters=n_cells, init="random", n_init=1, max_iter=20, random_state=random_state)
        .fit(sample)
        .cluster_centers_
    )
    centres = normalize(centres).astype(np.float32)
    cell = np.empty(n, dtype=np.int64)
    for start in range(0, n, 50_000):
        cell[start : start + 50_000] = np.argmax(X[start : start + 50_000] @ centres.T, axis=1)
    members = [np.flatnonzero(cell == c) for c in range(n_cells)]
    near = np.argsort(-(centres @ centres.T), axis=1, kind="stable")[:, : min(n_probe, n_cells)]
    indices = np.full((n, k), -1, dtype=np.int64)
    distances = np.full((n, k), 2.0, dtype=np.float32)
    for c in range(n_cells):
        rows = members[c]
        if not len(rows):
            continue
        cand = np.sort(np.concatenate([members[o] for o in near[c]]))
        sims = X[rows] @ X[cand].T
        sims[cand[None, :] == rows[:, None]] = -np.inf  # not itself
        idx, sim = _top_k(sims, cand, k)
        indices[rows, : idx.shape[1]] = idx
        distances[rows, : idx.shape[1]] = 1.0 - sim
    missing = indices < 0  # a cell with fewer than k candidates: point at the row itself, weight 0 below
    indices[missing] = np.nonzero(missing)[0]
    return indices, np.clip(distances, 0.0, 2.0)


def fuzzy_connectivities(indices: np.ndarray, distances: np.ndarray) -> sp.csr_matrix:
    """UMAP's fuzzy simplicial set of a k-nearest-neighbour graph (what scanpy's ``neighbors`` gives Leiden).

    Each row's distances are shifted by its nearest one and scaled by a ``sigma`` found by
    bisection so that its weights sum to ``log2(k)``; the two directions are joined by the fuzzy
    union ``a + b - a·b``.

    Returns:
        A symmetric ``n x n`` sparse matrix of weights in ``(0, 1]``.
    """
    n, k = indices.shape
    d = distances.astype(np.float64)
    rho = d[:, 0:1]
    target = np.log2(max(k, 2))
    lo, hi = np.zeros((n, 1)), np.full((n, 1), np.inf)
    sigma = np.ones((n, 1))
    shifted = np.maximum(d - rho, 0.0)
    for _ in range(64):
        total = np.exp(-shifted / sigma).sum(axis=1, keepdims=True)
        over = total > target
        hi = np.where(over, sigma, hi)
        lo = np.where(over, lo, sigma)
        sigma = np.where(np.isinf(hi), sigma * 2.0, (lo + hi) / 2.0)
    sigma = np.maximum(sigma, 1e-3 * max(float(d.mean()), 1e-12))
    weights = np.exp(-shifted / sigma)
    rows = np.repeat(np.arange(n), k)
    graph = sp.csr_matrix((weights.ravel(), (rows, indices.ravel())), shape=(n, n))
    graph.sum_duplicates()
    product = graph.multiply(graph.T)
    graph = (graph + graph.T - product).tocsr()
    graph.eliminate_zeros()
    return graph
