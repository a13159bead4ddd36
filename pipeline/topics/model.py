"""The topic model of ``seminar topics``: :func:`build_topic_model` is the one place BERTopic is built.

Its parts are injected: the embedder's vectors are passed in pre-computed, there is no
dimensionality reduction (the embeddings are already small and dense), the clusterer is
:class:`~pipeline.topics.cluster.AutoCluster`, and topic words are c-TF-IDF over lemma
unigrams and bigrams (:class:`~pipeline.topics.documents.LemmaNgrams`) without Danish stop
words. With ``guided`` the core areas' themes and questions guide the topics as BERTopic seed
topics. Here BERTopic does real work: its c-TF-IDF words are the topics' keywords and labels.

In the theme stage it does not: :mod:`pipeline.themes.subthemes` passes its own clusterer
(:class:`~pipeline.themes.cluster.PhraseCluster`) and vectors through this model and keeps only
the cluster numbers; its topic words are not read (a theme's label is the point its groups'
own words say, :mod:`pipeline.themes.points`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score

from pipeline.config import TopicConfig
from pipeline.schemas import Statements, StatementTopics, validate
from pipeline.topics.cluster import AutoCluster
from pipeline.topics.documents import BOUNDARY, LemmaNgrams, topic_documents
from pipeline.topics.embedders import e5_input, embedder_input
from pipeline.topics.embedding import EmbeddingParams, named_embedder, resolve_embedding
from pipeline.topics.quality import topic_quality
from pipeline.topics.representation import label_from_keywords, surface_forms, surface_phrase

__all__ = ["TopicResult", "build_topic_model", "fit_topics"]

log = logging.getLogger(__name__)


def _backend_adapter(embedder):
    """Wrap a fitted embedder as a BERTopic backend, so seed topics are embedded in the same space."""
    from bertopic.backend import BaseEmbedder

    class _Backend(BaseEmbedder):
        def embed(self, documents, verbose=False):
            return embedder.transform(list(documents))

    return _Backend()


def build_topic_model(
    cfg: TopicConfig,
    *,
    stop_words: frozenset[str] = frozenset(),
    embedder=None,
    seed_topic_list: list[list[str]] | None = None,
    cluster_model=None,
):
    """Build the (unfitted) BERTopic model with its injected sub-models.

    Args:
        cfg: Topic settings (seed, number of topics, keywords per topic).
        stop_words: Lemmas never shown as topic words.
        embedder: A *fitted* embedder (see :func:`build_embedder`); needed for seed topics.
        seed_topic_list: Lemma lists that guide topics (BERTopic's guided topic modelling).
        cluster_model: The clusterer (``fit`` and ``labels_``); default :class:`AutoCluster`
            from ``cfg``. Sub-themes inject :class:`pipeline.themes.cluster.PhraseCluster`.

    Returns:
        A ``bertopic.BERTopic`` that expects pre-computed embeddings and documents given as
        space-separated lemmas.
    """
    try:
        from bertopic import BERTopic
        from bertopic.dimensionality import BaseDimensionalityReduction
        from bertopic.vectorizers import ClassTfidfTransformer
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "BERTopic is not installed. Install it without torch: "
            "pip install --no-deps 'bertopic>=0.17.4,<0.18'"
        ) from exc

    vectorizer = CountVectorizer(analyzer=LemmaNgrams(stop_words=stop_words))
    guided = bool(seed_topic_list) and embedder is not None
    return BERTopic(
        embedding_model=_backend_adapter(embedder) if guided else None,
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=cluster_model
        or AutoCluster(
            method=cfg.clustering,
            n_clusters=cfg.n_topics,
            min_clusters=cfg.min_topics,
            max_clusters=cfg.max_topics,
            random_state=cfg.seed,
        ),
        vectorizer_model=vectorizer,
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        seed_topic_list=seed_topic_list if guided else None,
        top_n_words=cfg.top_n_words,
        # Anything but "english": BERTopic strips non-ASCII letters (æ, ø, å) from English text.
        language="danish",
        calculate_probabilities=False,
        verbose=False,
    )


@dataclass(frozen=True)
class TopicResult:
    """Documents with their topic, one row per topic, quality figures and the fitted model.

    Attributes:
        statement_topics: The statements with ``topic`` and ``topic_label`` (with unit
            ``"note"`` every statement carries its note's topic).
        documents: The documents the model was fitted on, with ``topic``.
        topic_info: ``topic, n_docs, label, keywords, keywords_surface``.
        quality: Topic diversity, NPMI coherence, outlier share, stability, k and how it was chosen.
        model: The fitted BERTopic model.
        embeddings: Document embeddings, in the row order of ``documents``.
    """

    statement_topics: pd.DataFrame
    documents: pd.DataFrame
    topic_info: pd.DataFrame
    quality: dict = field(default_factory=dict)
    model: object = None
    embeddings: np.ndarray | None = None


def _embed(docs: pd.DataFrame, name: str, seed: int):
    embedder = named_embedder(name, seed=seed)
    return embedder, embedder.fit_transform(embedder_input(embedder, docs))


def _fit_labels(
    docs: pd.DataFrame, cfg: TopicConfig, stop_words: frozenset[str], seed_topic_list, embedder, embeddings
):
    model = build_topic_model(cfg, stop_words=stop_words, embedder=embedder, seed_topic_list=seed_topic_list)
    topics, _ = model.fit_transform(docs["topic_doc"].tolist(), embeddings=embeddings.copy())
    return model, [int(t) for t in topics]


def _topic_info(model, docs: pd.DataFrame, forms) -> pd.DataFrame:
    """One row per topic: its documents, its c-TF-IDF keywords (lemmas, and as written), a label."""
    rows = []
    for topic in sorted({int(t) for t in docs["topic"]}):
        keywords = list(
            dict.fromkeys(w for w, _ in (model.get_topic(topic) or []) if w and w not in {"_", BOUNDARY})
        )
        texts = docs.loc[docs["topic"] == topic, "text"].tolist()
        surface = list(dict.fromkeys(surface_phrase(k, forms, texts) for k in keywords))
        rows.append(
            {
                "topic": topic,
                "n_docs": int((docs["topic"] == topic).sum()),
                "label": label_from_keywords(surface) if topic != -1 else "Uden for emnerne",
                "keywords": "; ".join(keywords),
                "keywords_surface": "; ".join(surface),
            }
        )
    return pd.DataFrame(rows, columns=["topic", "n_docs", "label", "keywords", "keywords_surface"])


def _chosen_by(cfg: TopicConfig, graph) -> str:
    """How the number of topics was chosen, for the quality figures."""
    if cfg.n_topics:
        return "fixed (n_topics)"
    if graph is not None:
        return (
            f"Leiden communities of a {graph.n_neighbors}-neighbour graph, "
            f"resolution {graph.resolution_} (most stable over seeds)"
        )
    return "best cosine silhouette"


def fit_topics(
    statements: pd.DataFrame,
    cfg: TopicConfig,
    *,
    stop_words: frozenset[str] = frozenset(),
    seed_topic_list: list[list[str]] | None = None,
    stability_runs: int = 2,
) -> TopicResult:
    """Fit topics over all statements (or notes, with ``cfg.unit == "note"``).

    Args:
        statements: The ``statements`` table.
        cfg: Topic settings.
        stop_words: Lemmas never shown as topic words.
        seed_topic_list: Lemma lists guiding the topics (used when ``cfg.guided``).
        stability_runs: Refits with other seeds to measure stability (0 to skip).

    Returns:
        A :class:`TopicResult`.
    """
    statements = validate(statements, Statements)
    docs = topic_documents(statements, cfg.unit)
    # "auto" is resolved once, by E5's estimated time on these documents (it warns when the
    # faster, weaker static vectors are used)
    params = EmbeddingParams.of(cfg)
    choice = resolve_embedding(params.requested, e5_input(docs), params.budget)
    seeds = seed_topic_list if cfg.guided else None
    start = time.perf_counter()
    embedder, embeddings = _embed(docs, choice.name, params.seed)
    log.info(
        "embedding %d documents (%s): %.2f s", len(docs), type(embedder).__name__, time.perf_counter() - start
    )
    start = time.perf_counter()
    model, topics = _fit_labels(docs, cfg, stop_words, seeds, embedder, embeddings)
    log.info("clustering and topic words: %.2f s", time.perf_counter() - start)
    docs = docs.assign(topic=topics)

    topic_info = _topic_info(model, docs, surface_forms(statements))
    labels = dict(zip(topic_info["topic"], topic_info["label"], strict=True))
    docs["topic_label"] = docs["topic"].map(labels)

    key = "statement_id" if cfg.unit == "statement" else "note_id"
    by_doc = dict(zip(docs["doc_id"], docs["topic"], strict=True))
    out = statements.copy()
    out["topic"] = out[key].map(by_doc).astype(int)
    out["topic_label"] = out["topic"].map(labels)

    stability = []
    for run in range(1, stability_runs + 1):
        other = replace(cfg, seed=cfg.seed + run)
        _, other_topics = _fit_labels(docs, other, stop_words, seeds, embedder, embeddings)
        stability.append(adjusted_rand_score(topics, other_topics))
    quality = topic_quality(topic_info, docs, stop_words=stop_words)
    clusterer = model.hdbscan_model
    graph = getattr(clusterer, "graph_", None)
    quality.update(
        {
            "n_topics": int(topic_info["topic"].ne(-1).sum()),
            "k_chosen_by": _chosen_by(cfg, graph),
            **choice.as_dict(),
            "clustering": clusterer.method_,
            "clustering_params": graph.describe() if graph is not None else None,
            "silhouette_by_k": {
                int(k): round(v, 4) for k, v in getattr(model.hdbscan_model, "silhouette_scores_", {}).items()
            },
            "stability_ari": round(float(np.mean(stability)), 4) if stability else None,
            "unit": cfg.unit,
            "n_documents": len(docs),
            "guided": bool(seeds),
        }
    )
    return TopicResult(validate(out, StatementTopics), docs, topic_info, quality, model, embeddings)
