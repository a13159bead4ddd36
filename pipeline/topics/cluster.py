"""Clustering of document embeddings: every document gets a topic (no outlier topic ``-1``).

``"auto"`` uses average-linkage agglomerative clustering on cosine distance below
``SMALL_CORPUS`` documents, spectral clustering on a nearest-neighbour graph up to
``LARGE_CORPUS``, and mini-batch k-means above. With a fixed number of clusters there are
exactly that many; otherwise k is the one with the best cosine silhouette between
``min_clusters`` and ``min(max_clusters, 1.5·√n)`` (silhouette keeps rising with k on text,
hence the cap). The size thresholds were chosen on the benchmarks in BENCHMARKS.md.
"""

from __future__ import annotations

import math

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import MiniBatchKMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

__all__ = ["CLUSTER_METHODS", "LARGE_CORPUS", "SMALL_CORPUS", "AutoCluster", "cluster_embeddings", "resolve_clustering"]

CLUSTER_METHODS = ("spectral", "kmeans", "agglomerative")

#: Below this many documents "auto" clustering is agglomerative (average linkage, cosine).
SMALL_CORPUS = 200
#: Above this many documents "auto" clustering is mini-batch k-means and silhouettes use a sample.
LARGE_CORPUS = 10_000


def resolve_clustering(method: str, n_docs: int) -> str:
    """The clustering method ``"auto"`` stands for at this corpus size."""
    if method != "auto":
        return method
    if n_docs < SMALL_CORPUS:
        return "agglomerative"
    return "spectral" if n_docs <= LARGE_CORPUS else "minibatch-kmeans"


class AutoCluster(ClusterMixin, BaseEstimator):
    """Clusters every document (no outliers); chooses k by the cosine silhouette when ``n_clusters`` is None.

    BERTopic accepts any clusterer with ``fit``, ``predict`` and ``labels_``.

    Args:
        method: ``"auto"``, ``"agglomerative"``, ``"spectral"``, ``"kmeans"`` or ``"minibatch-kmeans"``.
        n_clusters: Fixed number of clusters, or None to choose it.
        min_clusters: Smallest k tried.
        max_clusters: Largest k tried (also capped at 1.5·√n and n - 1).
        random_state: Seed.
    """

    def __init__(
        self, method: str = "auto", n_clusters: int | None = None, min_clusters: int = 2, max_clusters: int = 30, random_state: int = 42
    ) -> None:
        self.method = method
        self.n_clusters = n_clusters
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.random_state = random_state

    def _labels(self, X: np.ndarray, k: int) -> np.ndarray:
        if self.method_ == "minibatch-kmeans":
            return MiniBatchKMeans(n_clusters=k, n_init=5, batch_size=4096, random_state=self.random_state).fit_predict(X)
        return cluster_embeddings(X, k, method=self.method_, random_state=self.random_state)

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=np.float64)
        n = len(X)
        self.method_ = resolve_clustering(self.method, n)
        self.silhouette_scores_ = {}
        if self.n_clusters is not None:
            k = min(self.n_clusters, n)
            labels = self._labels(X, k)
        elif n < 4:
            k, labels = 1, np.zeros(n, dtype=int)
        else:
            upper = min(self.max_clusters, n - 1, max(2, round(1.5 * math.sqrt(n))))
            sample = min(n, 5000)
            best = None
            for k_try in range(max(2, self.min_clusters), upper + 1):
                trial = self._labels(X, k_try)
                if len(set(trial)) < 2:
                    continue
                score = float(silhouette_score(X, trial, metric="cosine", sample_size=sample, random_state=self.random_state))
                self.silhouette_scores_[k_try] = score
                if best is None or round(score, 6) > round(best[0], 6):
                    best = (score, k_try, trial)
            k, labels = (best[1], best[2]) if best else (1, np.zeros(n, dtype=int))
        self.labels_ = np.asarray(labels, dtype=int)
        self.n_clusters_ = k
        self.centroids_ = normalize(np.vstack([X[self.labels_ == c].mean(axis=0) for c in range(int(self.labels_.max()) + 1)]))
        return self

    def predict(self, X):
        return np.argmax(normalize(np.asarray(X, dtype=np.float64)) @ self.centroids_.T, axis=1)



def cluster_embeddings(
    X: np.ndarray, n_clusters: int, method: str = "spectral", random_state: int = 42, n_neighbors: int = 10
) -> np.ndarray:
    """Partition L2-normalised embeddings into ``n_clusters`` clusters (every row is assigned).

    Args:
        X: Embeddings, one row per document.
        n_clusters: Number of clusters (capped at the number of rows).
        method: ``"spectral"`` (k-nearest-neighbour graph, ``cluster_qr`` assignment: no random
            restarts, the most seed-stable choice), ``"kmeans"`` (50 restarts) or
            ``"agglomerative"`` (average linkage on cosine distance).
        random_state: Seed.
        n_neighbors: Graph degree for spectral clustering (capped at ``n_rows - 1``).

    Returns:
        Integer labels ``0 .. n_clusters-1``.
    """
    from sklearn.cluster import AgglomerativeClustering, KMeans, SpectralClustering

    X = np.asarray(X, dtype=np.float64)
    n = len(X)
    k = min(n_clusters, n)
    if k <= 1:
        return np.zeros(n, dtype=int)
    if method == "kmeans":
        return KMeans(n_clusters=k, n_init=50, random_state=random_state).fit_predict(X)
    if method == "agglomerative":
        return AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average").fit_predict(X)
    if method == "spectral":
        return SpectralClustering(
            n_clusters=k,
            affinity="nearest_neighbors",
            n_neighbors=max(2, min(n_neighbors, n - 1)),
            assign_labels="cluster_qr",
            random_state=random_state,
        ).fit_predict(X)
    raise ValueError(f"method must be one of {CLUSTER_METHODS}, not {method!r}")
