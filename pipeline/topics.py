"""Topic clustering with BERTopic.

:func:`build_topic_model` is the one place that builds the BERTopic model and its injected
parts; notebooks and the CLI call it instead of ``BERTopic(...)``. The default is fully
offline and needs no torch: documents are embedded with TF-IDF over Danish lemmas and
compound parts reduced by SVD, and clustered with k-means whose k is chosen by silhouette
(so small seminar corpora get no outlier topic).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from pipeline.config import TopicConfig
from pipeline.schemas import Statements, StatementTopics, validate

__all__ = ["AutoKMeans", "TfidfSvdEmbedder", "TopicResult", "build_topic_model", "embed_documents", "fit_topics"]

log = logging.getLogger(__name__)


class TfidfSvdEmbedder(BaseEstimator):
    """Dense document vectors from TF-IDF over pre-lemmatised text, reduced with truncated SVD.

    Args:
        n_components: Upper bound on SVD dimensions (capped by the corpus size).
        random_state: Seed of the randomized SVD.
    """

    def __init__(self, n_components: int = 100, random_state: int = 42) -> None:
        self.n_components = n_components
        self.random_state = random_state

    def fit_transform(self, docs: list[str]) -> np.ndarray:
        """Fit on ``docs`` (space-separated lemmas) and return L2-normalised vectors."""
        self.vectorizer_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True, norm="l2")
        tfidf = self.vectorizer_.fit_transform(docs)
        k = min(self.n_components, tfidf.shape[0] - 1, tfidf.shape[1] - 1)
        if k < 2:
            self.svd_ = None
            return normalize(tfidf.toarray())
        self.svd_ = TruncatedSVD(n_components=k, random_state=self.random_state, algorithm="arpack")
        return normalize(self.svd_.fit_transform(tfidf))


class AutoKMeans(ClusterMixin, BaseEstimator):
    """K-means that chooses k by the silhouette score when ``n_clusters`` is None.

    BERTopic accepts any clusterer with ``fit``, ``predict`` and ``labels_``; k-means assigns
    every document, so there is no outlier topic.

    Args:
        n_clusters: Fixed number of clusters, or None to choose it.
        min_clusters: Smallest k tried.
        max_clusters: Largest k tried (capped at n_documents - 1).
        random_state: Seed.
    """

    def __init__(self, n_clusters: int | None = None, min_clusters: int = 2, max_clusters: int = 30, random_state: int = 42) -> None:
        self.n_clusters = n_clusters
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.random_state = random_state

    def _kmeans(self, k: int) -> KMeans:
        return KMeans(n_clusters=k, n_init=20, random_state=self.random_state)

    def fit(self, X, y=None):  # noqa: D102
        X = np.asarray(X)
        n = len(X)
        if self.n_clusters is not None:
            k = min(self.n_clusters, n)
        elif n < 3:
            k = 1
        else:
            scores = {}
            # Silhouette keeps rising with k on sparse text, so cap k near 1.5 * sqrt(n).
            upper = min(self.max_clusters, n - 1, max(2, round(1.5 * np.sqrt(n))))
            for k_try in range(max(2, self.min_clusters), upper + 1):
                labels = self._kmeans(k_try).fit_predict(X)
                if len(set(labels)) > 1:
                    scores[k_try] = silhouette_score(X, labels, metric="cosine")
            k = max(scores, key=lambda kk: (round(scores[kk], 6), -kk)) if scores else 1
            self.silhouette_scores_ = scores
        self.model_ = self._kmeans(k).fit(X)
        self.labels_ = self.model_.labels_
        self.n_clusters_ = k
        return self

    def predict(self, X):  # noqa: D102
        return self.model_.predict(np.asarray(X))


def build_topic_model(cfg: TopicConfig, *, stop_words: frozenset[str] = frozenset()):
    """Build the (unfitted) BERTopic model with its injected sub-models.

    Args:
        cfg: Topic settings (seed, number of topics, keywords per topic).
        stop_words: Lemmas never shown as topic words.

    Returns:
        A ``bertopic.BERTopic`` expecting pre-computed embeddings (see :func:`embed_documents`)
        and documents given as space-separated content lemmas.
    """
    try:
        from bertopic import BERTopic
        from bertopic.dimensionality import BaseDimensionalityReduction
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "BERTopic is not installed. Install it without torch: pip install --no-deps 'bertopic>=0.17.4,<0.18'"
        ) from exc

    vectorizer = CountVectorizer(
        token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), stop_words=sorted(stop_words) or None
    )
    return BERTopic(
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=AutoKMeans(
            n_clusters=cfg.n_topics, min_clusters=cfg.min_topics, max_clusters=cfg.max_topics, random_state=cfg.seed
        ),
        vectorizer_model=vectorizer,
        top_n_words=cfg.top_n_words,
        # Anything but "english": BERTopic strips non-ASCII letters (æ, ø, å) from English text.
        language="danish",
        calculate_probabilities=False,
        verbose=False,
    )


def embed_documents(docs: list[str], cfg: TopicConfig) -> np.ndarray:
    """Embed documents with the configured embedding (offline TF-IDF+SVD by default)."""
    if cfg.embedding == "tfidf-svd":
        return TfidfSvdEmbedder(random_state=cfg.seed).fit_transform(docs)
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ImportError(
            f"[topics] embedding = {cfg.embedding!r} needs sentence-transformers: pip install 'seminar-themes[embeddings]'"
        ) from exc
    model = SentenceTransformer(cfg.embedding, device="cpu", local_files_only=True)
    return normalize(model.encode(docs, show_progress_bar=False))


@dataclass(frozen=True)
class TopicResult:
    """Statements with their topic, one row per topic, and the fitted model."""

    statement_topics: pd.DataFrame
    topic_info: pd.DataFrame
    model: object
    embeddings: np.ndarray


def _documents(statements: pd.DataFrame) -> list[str]:
    docs = []
    for content, parts in zip(statements["content_lemmas"], statements["compound_parts"], strict=True):
        doc = f"{content} {parts}".strip()
        docs.append(doc or "_")
    return docs


def fit_topics(statements: pd.DataFrame, cfg: TopicConfig, *, stop_words: frozenset[str] = frozenset()) -> TopicResult:
    """Fit topics over all statements.

    Args:
        statements: The ``statements`` table.
        cfg: Topic settings.
        stop_words: Lemmas never shown as topic words.

    Returns:
        A :class:`TopicResult`; ``statement_topics`` adds ``topic`` and ``topic_label``.
    """
    statements = validate(statements, Statements)
    docs = _documents(statements)
    embeddings = embed_documents(docs, cfg)
    model = build_topic_model(cfg, stop_words=stop_words)
    topics, _ = model.fit_transform([s or "_" for s in statements["content_lemmas"]], embeddings=embeddings)
    info = model.get_topic_info()
    labels = {}
    keywords = {}
    for topic in info["Topic"]:
        words = list(dict.fromkeys(w for w, _ in (model.get_topic(topic) or []) if w and w != "_"))
        keywords[topic] = words
        labels[topic] = ", ".join(words[:3]) if words else f"emne {topic}"
    out = statements.copy()
    out["topic"] = [int(t) for t in topics]
    out["topic_label"] = out["topic"].map(labels)
    topic_info = pd.DataFrame(
        {
            "topic": [int(t) for t in info["Topic"]],
            "n_statements": [int(c) for c in info["Count"]],
            "label": [labels[t] for t in info["Topic"]],
            "keywords": [" ".join(keywords[t]) for t in info["Topic"]],
        }
    )
    return TopicResult(validate(out, StatementTopics), topic_info, model, embeddings)
