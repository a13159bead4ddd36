"""Static Danish word vectors distilled from E5: the fast embedding for large inputs.

``training/distill_static.py`` (``make train-static``) embeds some 32,000 Danish lemmas one by
one with multilingual-e5-small and keeps them, PCA-reduced, in ``data/static_da.npz`` (the
method of model2vec). A text is embedded as the IDF-weighted mean of its words' vectors,
the IDF taken from the corpus being fitted, so the words every text shares weigh little
without any outside frequency list. A word the vocabulary lacks is looked up by its
longest known tail (Danish compounds are head-final: *ældreplejen* → *pleje*), else left out.

Compared with :class:`~pipeline.topics.embedders.E5Embedder` it is thousands of times faster
(a sparse matrix product) and somewhat weaker; BENCHMARKS.md gives both on SIB-200.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import normalize

__all__ = ["STATIC_PATH", "StaticEmbedder", "head_row", "load_static_vectors"]

#: The shipped vectors.
STATIC_PATH = Path(__file__).with_name("data") / "static_da.npz"
#: A compound's head (the known tail) must be at least this long, and so must what precedes it.
_MIN_HEAD, _MIN_REST = 4, 3


def head_row(word: str, vocab: dict[str, int]) -> int:
    """The row of ``word``, else of its longest known tail (a compound's head: 4+ letters after 3+), or -1."""
    hit = vocab.get(word, -1)
    for cut in range(_MIN_REST, len(word) - _MIN_HEAD + 1):
        if hit >= 0:
            break
        hit = vocab.get(word[cut:], -1)
    return hit


@functools.lru_cache(maxsize=4)
def load_static_vectors(path: str | Path = STATIC_PATH) -> tuple[dict[str, int], np.ndarray, dict]:
    """The vocabulary (word → row), the float32 vectors and the metadata of a static-vector file.

    Raises:
        FileNotFoundError: With the command that rebuilds the file.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: static word vectors are missing; rebuild them with `make train-static`"
        )
    with np.load(path, allow_pickle=False) as data:
        words = data["words"].tolist()
        vectors = data["vectors"].astype(np.float32)
        if "scales" in data:  # int8 rows with a scale each
            vectors *= data["scales"].astype(np.float32)[:, None]
        meta = json.loads(str(data["meta"]))
    return {w: i for i, w in enumerate(words)}, vectors, meta


class StaticEmbedder(TransformerMixin, BaseEstimator):
    """Texts as IDF-weighted means of static word vectors, mean-centred and L2-normalised.

    Args:
        path: The vector file (default: the shipped one).
        center: Subtract the fitted corpus mean before normalising (as for E5).

    Attributes:
        idf_: Smoothed IDF per vocabulary row, from the fitted corpus.
        mean_: Mean vector of the fitted corpus.
        coverage_: Share of word occurrences in the fitted corpus that found a vector.
    """

    def __init__(self, path: str | None = None, center: bool = True) -> None:
        self.path = path
        self.center = center

    def _vectors(self):
        return load_static_vectors(self.path or STATIC_PATH)

    def _lookup(self, vocab: dict[str, int]):
        cache: dict[str, int] = {}

        def row(word: str) -> int:
            hit = cache.get(word)
            if hit is None:
                hit = cache[word] = head_row(word, vocab)
            return hit

        return row

    def _counts(self, docs: Sequence[str]) -> tuple[sp.csr_matrix, int]:
        vocab, vectors, _ = self._vectors()
        row = self._lookup(vocab)
        indptr, indices, total = [0], [], 0
        for doc in docs:
            words = [
                p for w in (doc or "").lower().split() for p in ([w] if w in vocab else w.split("-")) if p
            ]
            total += len(words)
            indices.extend(r for r in map(row, words) if r >= 0)
            indptr.append(len(indices))
        counts = sp.csr_matrix(
            (
                np.ones(len(indices), dtype=np.float32),
                np.asarray(indices, dtype=np.int64),
                np.asarray(indptr),
            ),
            shape=(len(docs), len(vectors)),
        )
        counts.sum_duplicates()
        return counts, total

    def _pool(self, counts: sp.csr_matrix) -> np.ndarray:
        _, vectors, _ = self._vectors()
        weights = counts.multiply(self.idf_[None, :]).tocsr()
        # Unit length before centring, so that long texts do not pull the mean towards them.
        return normalize(np.asarray(weights @ vectors, dtype=np.float64))

    def _finish(self, pooled: np.ndarray) -> np.ndarray:
        return normalize(pooled - self.mean_) if len(pooled) else pooled

    def fit(self, docs: Sequence[str], y=None):
        """Fit IDF and centring mean on ``docs`` (space-separated lemmas)."""
        self.fit_transform(docs)
        return self

    def fit_transform(self, docs: Sequence[str], y=None) -> np.ndarray:
        """Fit on ``docs`` (space-separated lemmas) and return their L2-normalised vectors."""
        counts, total = self._counts(docs)
        n = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        self.idf_ = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
        self.coverage_ = float(counts.sum() / total) if total else 0.0
        pooled = self._pool(counts)
        self.mean_ = pooled.mean(axis=0) if self.center and n > 1 else np.zeros(pooled.shape[1])
        return self._finish(pooled)

    def transform(self, docs: Sequence[str]) -> np.ndarray:
        """Embed new documents with the fitted IDF and mean."""
        return self._finish(self._pool(self._counts(docs)[0]))
