"""The clusterer of sub-themes: average-linkage clustering of units, cut where the clusters separate best.

Units of one core area are few (tens to a few hundred) and many of them are about a point no
other unit shares, so the clusterer must leave units out (label ``-1``) instead of forcing
every unit into a theme. The cut of the dendrogram is chosen by the data: the number of
clusters with the best mean cosine silhouette, tried from 2 up to one cluster fewer than
there are units. Clusters are then kept only when they hold together:

* their units are, on average, closer to each other than to the nearest other cluster (mean
  silhouette above 0);
* each unit is, on average, more similar to the other units of its cluster than chance: above
  the mean plus two standard deviations of the similarities between distinct phrases that the
  cut puts in different clusters (a unit that is not is taken out, the least similar first);
* at least two units remain.

The bar is the data's own: nothing here is tuned to one seminar.

Above :data:`FIT_SAMPLE` units (material far larger than a seminar) the clusters are found on
an evenly drawn sample of that many units, and every other unit joins the cluster whose centre
it is nearest, if it is at least as close to that centre as the cluster's own least typical
member; otherwise it stays out. Time and memory then grow linearly with the units instead of
with their square (the dendrogram needs all n x n distances).
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.metrics import silhouette_samples
from sklearn.preprocessing import normalize

__all__ = ["FIT_SAMPLE", "PhraseCluster"]

#: Above this many units the silhouette search tries a geometric grid of cluster counts.
_FULL_SEARCH = 400
#: Above this many units the clusters are found on a sample of this size and the rest assigned.
FIT_SAMPLE = 2_500


class PhraseCluster(ClusterMixin, BaseEstimator):
    """Average-linkage clustering on cosine distance with a data-driven cut and outliers (``-1``).

    BERTopic accepts any clusterer with ``fit`` and ``labels_``.

    Args:
        n_clusters: Cut the dendrogram into exactly this many clusters instead of choosing
            (clusters that do not hold together are still left out).
        min_size: Smallest cluster kept.
        sample_size: Above this many units, fit on a seeded sample of this size and assign
            the rest (see the module docs); None always fits on every unit.
        random_state: Seed of that sample.

    Attributes:
        labels_: Cluster per unit, ``-1`` for a unit in no cluster; clusters are numbered by
            first appearance.
        n_clusters_: The number of clusters of the chosen cut (before leaving any out).
        silhouette_: Mean silhouette of the chosen cut.
        cohesion_bar_: The similarity a unit must have, on average, to the rest of its cluster.
    """

    def __init__(
        self,
        n_clusters: int | None = None,
        min_size: int = 2,
        sample_size: int | None = FIT_SAMPLE,
        random_state: int = 0,
    ) -> None:
        """Keep the parameters (scikit-learn style: nothing is computed before ``fit``)."""
        self.n_clusters = n_clusters
        self.min_size = min_size
        self.sample_size = sample_size
        self.random_state = random_state

    def _candidates(self, n: int) -> list[int]:
        if n <= _FULL_SEARCH:
            return list(range(2, n))
        grid = np.unique(np.geomspace(2, n - 1, num=80).astype(int))
        return [int(k) for k in grid]

    def fit(self, X, y=None):
        """Cluster the rows of ``X`` (L2-normalised vectors)."""
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import pdist, squareform

        X = normalize(np.asarray(X, dtype=np.float64))
        n = len(X)
        if self.sample_size is not None and n > self.sample_size:
            return self._fit_sampled(X)
        self.fit_X_ = X
        self.silhouette_ = 0.0
        if n < 3:
            self.labels_ = np.full(n, -1, dtype=int)
            self.n_clusters_ = 0
            return self
        # Rounding keeps ties between near-identical distances from depending on float noise.
        condensed = np.clip(np.round(pdist(X, "cosine"), 12), 0.0, 2.0)
        tree = linkage(condensed, "average")
        distances = squareform(condensed)  # once: every cut's silhouette reuses it
        best = None
        for k in [min(self.n_clusters, n - 1)] if self.n_clusters else self._candidates(n):
            labels = fcluster(tree, k, "maxclust")
            if not 1 < len(set(labels)) < n:
                continue
            samples = silhouette_samples(distances, labels, metric="precomputed")
            score = round(float(samples.mean()), 9)
            if best is None or score > best[0]:
                best = (score, labels, samples)
        if best is None:
            self.labels_ = np.full(n, -1, dtype=int)
            self.n_clusters_ = 0
            return self
        score, labels, samples = best
        self.silhouette_ = score
        self.n_clusters_ = len(set(labels))
        similarity = 1.0 - distances
        # The bar is what chance gives: the similarity of phrases that the cut puts in different
        # clusters (distinct phrases only: a phrase repeated five times says nothing about chance).
        _, first = np.unique(np.round(X, 9), axis=0, return_index=True)
        first = np.sort(first)
        sub, sub_labels = similarity[np.ix_(first, first)], labels[first]
        between = sub[np.triu(sub_labels[:, None] != sub_labels[None, :], k=1)]
        self.cohesion_bar_ = float(between.mean() + 2 * between.std()) if len(between) else 0.0
        out = np.full(n, -1, dtype=int)
        next_id = 0
        for c in dict.fromkeys(labels):
            members = np.flatnonzero(labels == c)
            if len(members) < self.min_size or samples[members].mean() <= 0:
                continue
            members = self._cohesive(members, similarity)
            if len(members) >= self.min_size:
                out[members] = next_id
                next_id += 1
        self.labels_ = out
        return self

    def _fit_sampled(self, X: np.ndarray):
        """Cluster a seeded sample, then let every other unit join the nearest cluster it is typical of."""
        n = len(X)
        pick = np.sort(np.random.RandomState(self.random_state).choice(n, self.sample_size, replace=False))
        inner = PhraseCluster(self.n_clusters, self.min_size, sample_size=None).fit(X[pick])
        self.silhouette_, self.n_clusters_, self.cohesion_bar_ = (
            inner.silhouette_,
            inner.n_clusters_,
            getattr(inner, "cohesion_bar_", 0.0),
        )
        self.fit_X_ = X
        labels = np.full(n, -1, dtype=int)
        labels[pick] = inner.labels_
        kept = sorted(set(inner.labels_) - {-1})
        if kept:
            centres = normalize(np.vstack([X[pick][inner.labels_ == c].mean(axis=0) for c in kept]))
            # A cluster's own least typical member sets how far from its centre a newcomer may be.
            floor = np.array([(X[pick][inner.labels_ == c] @ centres[i]).min() for i, c in enumerate(kept)])
            rest = np.setdiff1d(np.arange(n), pick)
            for start in range(0, len(rest), 10_000):  # in blocks: never an n x k matrix of all units at once
                block = rest[start : start + 10_000]
                sims = X[block] @ centres.T
                best = sims.argmax(axis=1)
                ok = sims[np.arange(len(block)), best] >= floor[best]
                labels[block[ok]] = np.asarray(kept)[best[ok]]
        self.labels_ = labels
        return self

    def _cohesive(self, members: np.ndarray, similarity: np.ndarray) -> np.ndarray:
        """Take out, least similar first, the units whose mean similarity to the others is below the bar."""
        members = list(members)
        while len(members) >= self.min_size:
            sub = similarity[np.ix_(members, members)]
            mean_to_others = (sub.sum(axis=1) - np.diag(sub)) / (len(members) - 1)
            worst = int(np.argmin(mean_to_others))
            if mean_to_others[worst] >= self.cohesion_bar_ - 1e-12:
                break
            members.pop(worst)
        return np.asarray(members, dtype=int)

    def predict(self, X):
        """Nearest cluster centre of each row (never ``-1``): for BERTopic's ``transform``."""
        X = normalize(np.asarray(X, dtype=np.float64))
        kept = sorted(set(self.labels_) - {-1})
        if not kept:
            return np.full(len(X), -1, dtype=int)
        centres = normalize(np.vstack([self.fit_X_[self.labels_ == c].mean(axis=0) for c in kept]))
        return np.asarray(kept)[np.argmax(X @ centres.T, axis=1)]
