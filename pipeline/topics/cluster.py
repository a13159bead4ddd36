"""Clustering of document embeddings: every document gets a topic (no outlier topic ``-1``).

``"auto"`` uses average-linkage agglomerative clustering on cosine distance below
``SMALL_CORPUS`` documents, spectral clustering on a nearest-neighbour graph up to
``LARGE_CORPUS``, and above that Leiden communities of a nearest-neighbour graph over every
document (:class:`~pipeline.topics.graph.LeidenCluster`, issue 37): there the silhouette is
flat and a clustering fitted on a sample loses the small topics. With a fixed number of
clusters there are exactly that many; otherwise k is the one with the best cosine silhouette
between ``min_clusters`` and ``min(max_clusters, 1.5·√n)`` (silhouette keeps rising with k on
text, hence the cap), or for Leiden the communities of the most stable resolution (at most
``max_clusters``). The size thresholds were chosen on the benchmarks in BENCHMARKS.md.

For the other methods, above ``sample_size`` documents (default :data:`FIT_SAMPLE`) the
clusters are found on an evenly drawn sample of that size and every document then goes to the
nearest cluster centre, so time and memory grow linearly with the corpus instead of with its
square (spectral clustering builds an n-by-n graph Laplacian, the silhouette an n-by-n distance
block).
"""

from __future__ import annotations

import math

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import MiniBatchKMeans
from sklearn.metrics import silhouette_score
from sklearn.metrics.pairwise import cosine_distances
from sklearn.preprocessing import normalize

__all__ = [
    "AUTO_METHODS",
    "CLUSTER_METHODS",
    "FIT_SAMPLE",
    "LARGE_CORPUS",
    "SMALL_CORPUS",
    "AutoCluster",
    "cluster_embeddings",
    "cluster_qr",
    "resolve_clustering",
    "spectral_maps",
]

CLUSTER_METHODS = ("spectral", "kmeans", "agglomerative")
#: Every method ``AutoCluster`` takes (``[topics] clustering``).
AUTO_METHODS = ("auto", "agglomerative", "spectral", "kmeans", "minibatch-kmeans", "leiden")

#: Below this many documents "auto" clustering is agglomerative (average linkage, cosine).
SMALL_CORPUS = 200
#: Above this many documents "auto" clustering is Leiden on a neighbour graph of every document, even with k
#: given.
LARGE_CORPUS = 10_000
#: Above this many documents the clusters are found on a sample of this size and the rest assigned.
FIT_SAMPLE = 3_000


def resolve_clustering(method: str, n_docs: int, n_clusters: int | None = None) -> str:
    """The clustering method ``"auto"`` stands for at this corpus size.

    Below :data:`SMALL_CORPUS` documents average linkage. From there, when the number of topics
    is to come from the data, Leiden on the neighbour graph: on SIB-200 (800 sentences) it beat
    spectral clustering with the silhouette's k by 0.06 ARI with E5 and 0.11 with the static
    vectors, and the silhouette is flat on large corpora (BENCHMARKS.md, issue 37). With
    ``n_clusters`` given, spectral clustering up to :data:`LARGE_CORPUS` (it wants a k; 0.28
    against Leiden merged down to 7 communities 0.24 with the static vectors), Leiden above
    (its communities merged down to k).
    """
    if method != "auto":
        return method
    if n_docs < SMALL_CORPUS:
        return "agglomerative"
    if n_clusters is not None and n_docs <= LARGE_CORPUS:
        return "spectral"
    return "leiden"


class AutoCluster(ClusterMixin, BaseEstimator):
    """Clusters every document (no outliers); chooses k by the cosine silhouette when ``n_clusters`` is None.

    BERTopic accepts any clusterer with ``fit``, ``predict`` and ``labels_``.

    Args:
        method: ``"auto"``, ``"agglomerative"``, ``"spectral"``, ``"kmeans"``, ``"minibatch-kmeans"``
            or ``"leiden"``.
        n_clusters: Fixed number of clusters, or None to choose it.
        min_clusters: Smallest k tried.
        max_clusters: Largest k tried (also capped at 1.5·√n and n - 1).
        random_state: Seed.
        sample_size: Above this many documents, fit on a sample of this size and assign the
            rest to the nearest centre; None fits on every document.

    Attributes:
        sampled_: Whether the clusters were found on a sample.
        graph_: The fitted :class:`~pipeline.topics.graph.LeidenCluster` when the method is
            ``"leiden"`` (its :meth:`describe` says what was chosen), else None.
    """

    def __init__(
        self,
        method: str = "auto",
        n_clusters: int | None = None,
        min_clusters: int = 2,
        max_clusters: int = 30,
        random_state: int = 42,
        sample_size: int | None = FIT_SAMPLE,
    ) -> None:
        self.method = method
        self.n_clusters = n_clusters
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.random_state = random_state
        self.sample_size = sample_size

    def _labels(self, X: np.ndarray, k: int) -> np.ndarray:
        if self.method_ == "minibatch-kmeans":
            return MiniBatchKMeans(
                n_clusters=k, n_init=5, batch_size=4096, random_state=self.random_state
            ).fit_predict(X)
        return cluster_embeddings(X, k, method=self.method_, random_state=self.random_state)

    def fit(self, X, y=None):
        """Cluster the rows of ``X`` (one embedding per document)."""
        X = np.asarray(X, dtype=np.float64)
        n = len(X)
        self.graph_ = None
        if resolve_clustering(self.method, n, self.n_clusters) == "leiden":
            from pipeline.topics.graph import LeidenCluster

            # every document in the graph: no sample (small topics would not survive one)
            self.method_, self.sampled_, self.silhouette_scores_ = "leiden", False, {}
            self.graph_ = LeidenCluster(
                n_clusters=self.n_clusters, max_clusters=self.max_clusters, random_state=self.random_state
            ).fit(X)
            self.labels_, self.centroids_, self.n_clusters_ = (
                self.graph_.labels_,
                self.graph_.centroids_,
                self.graph_.n_clusters_,
            )
            return self
        self.sampled_ = self.sample_size is not None and n > self.sample_size
        if self.sampled_:
            # An even, seeded draw: the same documents for the same corpus and seed.
            pick = np.sort(
                np.random.RandomState(self.random_state).choice(n, self.sample_size, replace=False)
            )
            self._fit_all(X[pick])
            # Numbered 0.. again in case a sample cluster is nobody's nearest centre.
            self.labels_ = np.unique(self.predict(X), return_inverse=True)[1].astype(int)
            self.centroids_ = normalize(
                np.vstack([X[self.labels_ == c].mean(axis=0) for c in range(int(self.labels_.max()) + 1)])
            )
            self.n_clusters_ = len(self.centroids_)
            return self
        return self._fit_all(X)

    def _fit_all(self, X: np.ndarray):
        n = len(X)
        self.method_ = resolve_clustering(self.method, n, self.n_clusters)
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
            # Spectral clustering's eigenvectors are computed once for the largest k; each k then
            # reads its first k of them (one eigendecomposition instead of one per k).
            maps = spectral_maps(X, upper, self.random_state) if self.method_ == "spectral" else None
            # The cosine distances once for every k's silhouette (a sample's, above 5,000 documents).
            distances = np.clip(cosine_distances(X), 0.0, 2.0) if n <= sample else None
            if distances is not None:
                np.fill_diagonal(distances, 0.0)
            for k_try in range(max(2, self.min_clusters), upper + 1):
                trial = cluster_qr(maps[:, :k_try]) if maps is not None else self._labels(X, k_try)
                if len(set(trial)) < 2:
                    continue
                score = float(
                    silhouette_score(distances, trial, metric="precomputed")
                    if distances is not None
                    else silhouette_score(
                        X, trial, metric="cosine", sample_size=sample, random_state=self.random_state
                    )
                )
                self.silhouette_scores_[k_try] = score
                if best is None or round(score, 6) > round(best[0], 6):
                    best = (score, k_try, trial)
            k, labels = (best[1], best[2]) if best else (1, np.zeros(n, dtype=int))
        # Numbered 0.. without gaps (cluster-QR can leave a cluster empty).
        self.labels_ = np.unique(np.asarray(labels, dtype=int), return_inverse=True)[1].astype(int)
        self.n_clusters_ = k
        self.centroids_ = normalize(
            np.vstack([X[self.labels_ == c].mean(axis=0) for c in range(int(self.labels_.max()) + 1)])
        )
        return self

    def predict(self, X):
        """The nearest centroid (cosine) of each row."""
        return np.argmax(normalize(np.asarray(X, dtype=np.float64)) @ self.centroids_.T, axis=1)


def spectral_maps(
    X: np.ndarray, n_components: int, random_state: int = 42, n_neighbors: int = 10
) -> np.ndarray:
    """The spectral embedding that ``SpectralClustering(affinity="nearest_neighbors")`` clusters.

    ``n_components`` eigenvectors, as scikit-learn computes them.
    """
    from sklearn.manifold import spectral_embedding
    from sklearn.neighbors import kneighbors_graph

    connectivity = kneighbors_graph(X, n_neighbors=max(2, min(n_neighbors, len(X) - 1)), include_self=True)
    affinity = 0.5 * (connectivity + connectivity.T)
    return spectral_embedding(
        affinity, n_components=n_components, random_state=random_state, eigen_tol="auto", drop_first=False
    )


def cluster_qr(maps: np.ndarray) -> np.ndarray:
    """Labels from a spectral embedding by column-pivoted QR (Damle et al. 2019).

    As scikit-learn's ``assign_labels="cluster_qr"``.
    """
    from scipy.linalg import qr, svd

    k = maps.shape[1]
    _, _, pivots = qr(maps.T, pivoting=True)
    ut, _, v = svd(maps[pivots[:k], :].T)
    return np.abs(maps @ (ut @ v.conj())).argmax(axis=1)


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
