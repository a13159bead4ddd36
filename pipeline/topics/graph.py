"""Topics as communities of a nearest-neighbour graph (Leiden), for corpora too large to cluster whole.

The design follows single-cell analysis (scanpy's ``neighbors`` + ``leiden``), which clusters
millions of cells on one machine the same way:

1. each document's ``n_neighbors`` nearest neighbours by cosine and UMAP's fuzzy
   connectivities on them (:mod:`pipeline.topics.neighbours`);
3. Leiden community detection (igraph's, modularity with a resolution), seeded, so the
   number of topics comes from the graph, not from a k.

Identical vectors (the same statement written many times) are one node: their copies would
otherwise be each other's only neighbours and split the graph into islands of duplicates.

The neighbour graph keeps small topics apart: 800 sentences on seven subjects hidden among
100,000 others still have each other as neighbours, whereas a clustering fitted on a sample
sees two dozen of them.

The resolution is chosen by stability, not tuned to a corpus: for each resolution in
:data:`RESOLUTIONS`, Leiden runs with :data:`STABILITY_SEEDS` seeds and the partitions are
compared pairwise (adjusted Rand index); the resolution whose partitions agree most wins
(ties go to the resolution nearer 1, modularity's own). A resolution that puts everything in
one community is not considered. Communities smaller than ``min_size`` join the community
they share most edge weight with (they are too small to be described by topic words).
"""

from __future__ import annotations

import logging
import time
from itertools import combinations

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.metrics import adjusted_rand_score

from pipeline.topics.neighbours import EXACT_MAX, fuzzy_connectivities, knn
from sklearn.preprocessing import normalize

__all__ = [
    "RESOLUTIONS",
    "STABILITY_SEEDS",
    "LeidenCluster",
    "leiden_labels",
]

log = logging.getLogger(__name__)

#: Resolutions tried when none is given (modularity's own is 1).
RESOLUTIONS = (0.5, 1.0, 2.0)
#: Leiden runs (seeds) per resolution whose agreement measures its stability.
STABILITY_SEEDS = 3


def leiden_labels(graph: sp.csr_matrix, resolution: float, seed: int, n_iterations: int = -1) -> np.ndarray:
    """Leiden communities of a weighted graph (modularity with ``resolution``), numbered largest first.

    igraph's own Leiden (C), as scanpy's ``flavor="igraph"``: on 6,358 documents it took 0.6 s
    where ``leidenalg`` took 23 s for the same partition quality (BENCHMARKS.md, issue 37).
    The seed goes to a private generator; Python's global one is left alone.
    """
    import random

    import igraph as ig

    g = ig.Graph.Weighted_Adjacency(sp.triu(graph, k=1).tocsr(), mode="upper")
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = g.community_leiden(
            objective_function="modularity",
            weights="weight",
            resolution=resolution,
            n_iterations=n_iterations,
        ).membership
    finally:
        ig.set_random_number_generator(random)
    return _by_size(np.asarray(membership, dtype=np.int64))


def _distinct_rows(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct rows of ``X`` (in a fixed order), each row's index among them, and how often each occurs.

    Rows are compared as raw bytes: ``np.unique(axis=0)`` took 11.7 s on 98,519 rows here, this 0.9 s.
    """
    X = np.ascontiguousarray(X)
    keys = X.view(np.dtype((np.void, X.dtype.itemsize * X.shape[1]))).ravel()
    _, first, inverse, counts = np.unique(keys, return_index=True, return_inverse=True, return_counts=True)
    return X[first], inverse.ravel(), counts


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered 0.. by community size (largest first, ties by first member): canonical numbers."""
    uniq, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    rank = np.empty(len(uniq), dtype=np.int64)
    rank[order] = np.arange(len(uniq))
    return rank[np.searchsorted(uniq, labels)]


def _community_weights(graph: sp.csr_matrix, labels: np.ndarray) -> np.ndarray:
    """Edge weight between every pair of communities (``m x m``, dense)."""
    m = int(labels.max()) + 1
    member = sp.csr_matrix((np.ones(len(labels)), (np.arange(len(labels)), labels)), shape=(len(labels), m))
    return np.asarray((member.T @ graph @ member).todense())


def _absorb_small(
    graph: sp.csr_matrix, labels: np.ndarray, min_size: int, sizes: np.ndarray | None = None
) -> np.ndarray:
    """Communities below ``min_size`` documents join the kept community they share most edge weight with.

    With no shared edge, the largest.

    ``sizes`` is the number of documents each node stands for (1 each when None). When no
    community reaches ``min_size`` the labels stay as they are.
    """
    sizes = np.ones(len(labels)) if sizes is None else sizes
    counts = np.bincount(labels, weights=sizes)
    small = counts < min_size
    if not small.any() or small.all():
        return _by_size(labels)
    weights = _community_weights(graph, labels)
    weights[:, small] = -1.0
    target = np.argmax(weights, axis=1)
    unlinked = weights[np.arange(len(counts)), target] <= 0
    target[unlinked] = int(np.argmax(np.where(small, -1.0, counts)))
    mapping = np.where(small, target, np.arange(len(counts)))
    return _by_size(mapping[labels])


def _merge_to(graph: sp.csr_matrix, labels: np.ndarray, k: int) -> np.ndarray:
    """Merge communities pairwise, the pair with the largest modularity gain first, until ``k`` are left."""
    labels = _by_size(labels)
    weights = _community_weights(graph, labels)
    total = weights.sum()
    mapping = np.arange(len(weights))
    alive = list(range(len(weights)))
    while len(alive) > k:
        sub = weights[np.ix_(alive, alive)]
        degree = sub.sum(axis=1)
        gain = sub / total - np.outer(degree, degree) / total**2
        np.fill_diagonal(gain, -np.inf)
        i, j = np.unravel_index(int(np.argmax(gain)), gain.shape)
        a, b = alive[min(i, j)], alive[max(i, j)]
        weights[a] += weights[b]
        weights[:, a] += weights[:, b]
        mapping[mapping == b] = a
        alive.remove(b)
    return _by_size(mapping[labels])


class LeidenCluster(ClusterMixin, BaseEstimator):
    """Leiden communities of a k-nearest-neighbour graph: the number of topics comes from the data.

    BERTopic accepts it as its cluster model (``fit``, ``labels_``, ``predict``); every document
    gets a topic (no outliers).

    Args:
        n_neighbors: Graph degree (scanpy's default, 15).
        resolution: Leiden's resolution, or None to choose it by stability from ``resolutions``.
        resolutions: Resolutions tried when ``resolution`` is None.
        n_clusters: Exactly this many topics (communities merged by modularity gain, or the
            resolution raised until there are enough), or None for the data's own number.
        max_clusters: At most this many topics (the closest communities merged by modularity
            gain), or None for no bound.
        min_size: Fewest documents a kept community has; None: ``max(5, n // 2000)``.
        random_state: Seed of the neighbour search and of Leiden.
        exact_max: Up to this many documents the neighbours are exact.

    Attributes:
        labels_: Topic per document, ``0..`` by size.
        resolution_: The resolution used.
        stability_: Mean pairwise ARI between seeds, per resolution tried.
        n_communities_: Communities Leiden found before small ones were absorbed.
        timings_: Seconds for the graph and for Leiden.
    """

    method_ = "leiden"

    def __init__(
        self,
        n_neighbors: int = 15,
        resolution: float | None = None,
        resolutions: tuple[float, ...] = RESOLUTIONS,
        n_clusters: int | None = None,
        max_clusters: int | None = None,
        min_size: int | None = None,
        random_state: int = 42,
        exact_max: int = EXACT_MAX,
    ) -> None:
        self.max_clusters = max_clusters
        self.n_neighbors = n_neighbors
        self.resolution = resolution
        self.resolutions = resolutions
        self.n_clusters = n_clusters
        self.min_size = min_size
        self.random_state = random_state
        self.exact_max = exact_max

    def fit(self, X, y=None):
        """Find the topics of the rows of ``X`` (one embedding per document)."""
        X = normalize(np.asarray(X, dtype=np.float64))
        n = len(X)
        self.stability_, self.timings_ = {}, {}
        # identical vectors are one node (their copies would be each other's only neighbours)
        nodes, inverse, copies = _distinct_rows(X.astype(np.float32))
        self.n_nodes_ = len(nodes)
        if len(nodes) < 3:
            self.labels_ = _by_size(inverse).astype(int) if len(nodes) else np.zeros(0, dtype=int)
            self.resolution_, self.n_communities_ = self.resolution, len(nodes)
            return self._finish(X)
        start = time.perf_counter()
        indices, distances = knn(nodes, self.n_neighbors, self.random_state, self.exact_max)
        graph = fuzzy_connectivities(indices, distances)
        self.timings_["graph"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        labels = self._choose(graph)
        self.n_communities_ = int(labels.max()) + 1
        min_size = self.min_size if self.min_size is not None else max(5, n // 2000)
        labels = _absorb_small(graph, labels, min(min_size, max(1, n // 4)), copies)
        if self.n_clusters is not None:
            labels = self._exactly(graph, labels, min(self.n_clusters, len(nodes)))
        elif self.max_clusters is not None and int(labels.max()) + 1 > self.max_clusters:
            labels = _merge_to(graph, labels, self.max_clusters)
        self.timings_["leiden"] = round(time.perf_counter() - start, 2)
        # numbered by documents per topic, largest first
        self.labels_ = _by_size(labels[inverse]).astype(int)
        log.info(
            "leiden: %d documents (%d distinct), %d neighbours, resolution %s (stability %s), "
            "%d topics (%d communities before merging)",
            n,
            len(nodes),
            self.n_neighbors,
            self.resolution_,
            self.stability_ or "not measured",
            int(self.labels_.max()) + 1,
            self.n_communities_,
        )
        log.info("neighbour graph (%d distinct documents): %.2f s", len(nodes), self.timings_["graph"])
        log.info("leiden communities: %.2f s", self.timings_["leiden"])
        return self._finish(X)

    def _choose(self, graph: sp.csr_matrix) -> np.ndarray:
        if self.resolution is not None:
            self.resolution_ = self.resolution
            return leiden_labels(graph, self.resolution, self.random_state)
        best = None
        for res in self.resolutions:
            # two iterations each for the comparison (scanpy's default), to convergence for the result
            runs = [
                leiden_labels(graph, res, self.random_state + s, n_iterations=2)
                for s in range(STABILITY_SEEDS)
            ]
            if max(int(r.max()) for r in runs) == 0:
                continue  # one community: nothing to describe
            score = float(np.mean([adjusted_rand_score(a, b) for a, b in combinations(runs, 2)]))
            self.stability_[res] = round(score, 4)
            key = (round(score, 3), -abs(np.log(res)))
            if best is None or key > best[0]:
                best = (key, res)
        if best is None:
            self.resolution_ = self.resolutions[-1]
            return np.zeros(graph.shape[0], dtype=np.int64)
        self.resolution_ = best[1]
        return leiden_labels(graph, best[1], self.random_state)

    def _exactly(self, graph: sp.csr_matrix, labels: np.ndarray, k: int) -> np.ndarray:
        res = self.resolution_ or 1.0
        for _ in range(8):  # too few communities: raise the resolution
            if int(labels.max()) + 1 >= k:
                break
            res *= 2.0
            labels = leiden_labels(graph, res, self.random_state)
        return _merge_to(graph, labels, k)

    def _finish(self, X: np.ndarray):
        self.n_clusters_ = int(self.labels_.max()) + 1 if len(self.labels_) else 0
        member = sp.csr_matrix(
            (np.ones(len(X)), (self.labels_, np.arange(len(X)))), shape=(self.n_clusters_, len(X))
        )
        self.centroids_ = (
            normalize(np.asarray(member @ X)) if len(X) else np.zeros((0, X.shape[1] if X.ndim == 2 else 0))
        )
        return self

    def predict(self, X):
        """The topic with the nearest centre (cosine) for each new document."""
        return np.argmax(normalize(np.asarray(X, dtype=np.float64)) @ self.centroids_.T, axis=1)

    def describe(self) -> dict:
        """What was chosen and why, for ``*.topic_quality.json`` (no timings: the same bytes on every run)."""
        return {
            "n_neighbors": self.n_neighbors,
            "resolution": self.resolution_,
            "resolution_chosen_by": "fixed"
            if self.resolution is not None
            else "stability (mean pairwise ARI of Leiden over seeds)",
            "stability_by_resolution": {str(k): v for k, v in self.stability_.items()},
            "communities_before_merging_small": self.n_communities_,
            "distinct_vectors": self.n_nodes_,
            "neighbours": "exact"
            if self.n_nodes_ <= self.exact_max
            else "inverted file (k-means cells, 8 probed)",
        }
