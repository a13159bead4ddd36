"""Topic stage: exact checks for the deterministic parts, invariants for clustering."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.config import NlpConfig, TopicConfig
from pipeline.nlp import stop_words
from pipeline.flows import topics_for_texts
from pipeline.topics import AutoCluster, LemmaNgrams, build_topic_model, label_from_keywords, topic_quality
from tests.helpers import seminar_main

TEXTS = [
    "Frivillige hjælper på plejehjemmet hver uge.",
    "Flere frivillige vil hjælpe de ældre på plejehjemmet.",
    "Plejehjemmet mangler frivillige til besøg hos de ældre.",
    "Frivillige besøgsvenner glæder de ældre på plejehjem.",
    "Cykelstien langs vejen skal udbygges.",
    "Vejen og cykelstien trænger til vedligeholdelse.",
    "En ny cykelsti langs landevejen vil øge trafiksikkerheden.",
    "Trafiksikkerheden på vejen kræver en cykelsti.",
    "Skolen skal have mere praktisk undervisning i klassen.",
    "Eleverne i klassen lærer bedst med praktisk undervisning.",
    "Praktisk undervisning giver eleverne lyst til skolen.",
    "Skolens elever ønsker mere praktisk undervisning.",
]
TRUTH = [0] * 4 + [1] * 4 + [2] * 4


@pytest.fixture(scope="module")
def nlp(danish_nlp):
    return danish_nlp


def test_lemma_ngrams_do_not_span_removed_words():
    analyzer = LemmaNgrams(stop_words=frozenset({"og"}))
    assert analyzer("grøn omstilling og kapacitet | infrastruktur |") == [
        "grøn",
        "omstilling",
        "grøn omstilling",
        "kapacitet",
        "infrastruktur",
    ]


def test_label_is_danish_and_skips_contained_keywords():
    assert (
        label_from_keywords(["unge frivillige", "frivillige", "pårørende", "plejehjem"])
        == "Unge frivillige, pårørende og plejehjem"
    )
    assert label_from_keywords(["kapacitet"]) == "Kapacitet"


@pytest.mark.parametrize("method", ["auto", "agglomerative", "spectral", "kmeans"])
def test_auto_cluster_finds_three_blobs(method):
    rng = np.random.default_rng(0)
    centres = np.eye(3, 10) * 5
    X = np.vstack([c + rng.normal(scale=0.3, size=(20, 10)) for c in centres])
    km = AutoCluster(method=method, random_state=1).fit(X)
    assert km.n_clusters_ == 3
    assert km.method_ == ("agglomerative" if method == "auto" else method)  # 60 documents: a small corpus
    assert list(km.predict(X)) == list(km.labels_)
    assert set(km.silhouette_scores_) == set(range(2, 13))  # k tried from 2 to round(1.5 * sqrt(60)) = 12
    assert len(set(km.labels_[:20])) == len(set(km.labels_[20:40])) == len(set(km.labels_[40:])) == 1


def test_topic_quality_figures():
    info = pd.DataFrame({"topic": [0, 1], "keywords": ["a; b", "c; d"]})
    docs = pd.DataFrame({"topic_doc": ["a b |", "a b |", "c |", "d |"], "topic": [0, 0, 1, 1]})
    q = topic_quality(info, docs)
    assert q["diversity"] == 1.0
    # a and b always together: NPMI 1; c and d never together: NPMI -1.
    assert q["npmi"] == 0.0
    assert q["outlier_share"] == 0.0


def test_topics_for_texts_document_unit(nlp):
    cfg = TopicConfig(n_topics=3, unit="note", seed=7)
    assigned, result = topics_for_texts(TEXTS, cfg, nlp, stop_words=stop_words(NlpConfig()))
    assert len(assigned) == len(TEXTS) and list(assigned.index) == list(range(len(TEXTS)))
    assert sorted(set(assigned["topic"])) == [0, 1, 2]
    from sklearn.metrics import adjusted_rand_score

    assert adjusted_rand_score(TRUTH, assigned["topic"]) == 1.0
    assert result.quality["outlier_share"] == 0.0


def test_topics_are_deterministic(nlp):
    cfg = TopicConfig(unit="statement", seed=3)
    a, ra = topics_for_texts(TEXTS, cfg, nlp)
    b, rb = topics_for_texts(TEXTS, cfg, nlp)
    assert a.equals(b)
    assert ra.topic_info.equals(rb.topic_info)


def test_text_without_words_gets_minus_one(nlp):
    assigned, _ = topics_for_texts([*TEXTS, "", "123"], TopicConfig(n_topics=3, unit="note"), nlp)
    assert list(assigned["topic"].iloc[-2:]) == [-1, -1]
    assert (assigned["topic"].iloc[:-2] >= 0).all()


def test_guided_model_gets_seed_topics():
    from pipeline.topics import TfidfSvdEmbedder

    embedder = TfidfSvdEmbedder(n_components=3)
    embedder.fit_transform(["frivillig ældre", "vej cykelsti", "skole elev", "frivillig plejehjem"])
    model = build_topic_model(TopicConfig(), embedder=embedder, seed_topic_list=[["frivillig"], ["vej"]])
    assert model.seed_topic_list == [["frivillig"], ["vej"]]
    assert model.embedding_model.embed(["frivillig"]).shape == (1, 3)
    unguided = build_topic_model(TopicConfig(), embedder=embedder, seed_topic_list=None)
    assert unguided.seed_topic_list is None


def test_seminar_topics_cli_keeps_rows_and_order(tmp_path):
    src = tmp_path / "svar.csv"
    pd.DataFrame({"id": range(len(TEXTS)), "svar": TEXTS}).iloc[::-1].to_csv(
        src, sep=";", index=False, encoding="cp1252"
    )
    out = tmp_path / "out.csv"
    proc = seminar_main(
        [
            "topics",
            str(src),
            "--text-col",
            "svar",
            "--n-topics",
            "3",
            "--unit",
            "document",
            "--out",
            str(out),
        ],
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    got = pd.read_csv(out)
    assert list(got["id"]) == list(range(len(TEXTS)))[::-1]
    assert list(got["svar"]) == TEXTS[::-1]
    assert sorted(set(got["topic"])) == [0, 1, 2]
    assert got["topic_label"].str.len().gt(0).all()
    assert (tmp_path / "out.topic_info.csv").exists()


def test_seminar_topics_cli_unknown_column(tmp_path):
    src = tmp_path / "svar.csv"
    src.write_text("id,svar\n1,Hej\n", encoding="utf-8")
    proc = seminar_main(["topics", str(src), "--text-col", "tekst"], tmp_path)
    assert proc.returncode == 1
    assert "no column 'tekst'; columns found: 'id', 'svar'" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("id;svar\n", "the table has a header but no rows"),
        ("id;svar\n1;\n2;  \n3;123\n", "no text has a word to find topics in"),
        ("id;svar\n1;og det er\n2;men også de\n", "no text has a word to find topics in"),
    ],
)
def test_seminar_topics_on_a_table_without_texts_says_so_in_one_message(tmp_path, content, said):
    src = tmp_path / "svar.csv"
    src.write_text(content, encoding="utf-8")
    proc = seminar_main(
        ["topics", str(src), "--text-col", "svar", "--out", str(tmp_path / "out.csv")], tmp_path
    )
    assert proc.returncode == 1, proc.stderr
    assert said in proc.stderr and str(src) in proc.stderr
    assert "unexpected" not in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 2  # the message and its fix
    assert not (tmp_path / "out.csv").exists()


# ------------------------------------------------------------------ Leiden on a neighbour graph (issue 37)
def _planted(
    k: int, n_per: int, dims: int = 16, seed: int = 0, copies: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """``k`` tight groups of ``n_per`` unit vectors around orthogonal centres.

    Each vector ``copies`` times.
    """
    rng = np.random.default_rng(seed)
    X = np.vstack([np.eye(dims)[c] * 3 + rng.normal(scale=0.4, size=(n_per, dims)) for c in range(k)])
    X = np.repeat(X / np.linalg.norm(X, axis=1, keepdims=True), copies, axis=0)
    return X, np.repeat(np.arange(k), n_per * copies)


def test_leiden_finds_planted_communities_without_being_told_how_many():
    from sklearn.metrics import adjusted_rand_score

    from pipeline.topics.graph import RESOLUTIONS, LeidenCluster

    X, gold = _planted(4, 40)
    model = LeidenCluster().fit(X)
    assert model.n_clusters_ == 4 and adjusted_rand_score(gold, model.labels_) == 1.0
    assert model.resolution_ in RESOLUTIONS and set(model.stability_) <= set(RESOLUTIONS)
    assert list(model.predict(X)) == list(model.labels_)
    # numbered by size, largest first
    X2, _ = _planted(3, 30, seed=1)
    uneven = LeidenCluster().fit(
        np.vstack([X2[:10], X2[30:], X2[:10]])
    )  # group sizes 10, 60, 10 in this order
    counts = np.bincount(uneven.labels_)
    assert (np.diff(counts) <= 0).all() and uneven.labels_[15] == 0


def test_leiden_is_deterministic_and_the_seed_only_moves_ties():
    from pipeline.topics.graph import LeidenCluster

    X, _ = _planted(5, 30, seed=3)
    X = X + np.random.default_rng(4).normal(scale=0.2, size=X.shape)  # noisier: seeds could disagree
    a, b = LeidenCluster(random_state=7).fit(X), LeidenCluster(random_state=7).fit(X)
    np.testing.assert_array_equal(a.labels_, b.labels_)
    assert a.describe() == b.describe()  # what goes into topic_quality.json: no timings


def test_leiden_treats_copies_of_a_document_as_one_node():
    from sklearn.metrics import adjusted_rand_score

    from pipeline.topics.graph import LeidenCluster

    # 20 copies of each vector: without merging them each vector's 15 neighbours are its own copies
    X, gold = _planted(3, 12, copies=20)
    model = LeidenCluster().fit(X)
    assert model.n_nodes_ == 36
    assert model.n_clusters_ == 3 and adjusted_rand_score(gold, model.labels_) == 1.0


def test_leiden_with_k_given_merges_whole_communities():
    from sklearn.metrics import adjusted_rand_score

    from pipeline.topics.graph import LeidenCluster

    X, gold = _planted(4, 30)
    merged = LeidenCluster(n_clusters=2).fit(X)
    assert merged.n_clusters_ == 2
    # every planted group lies whole in one of the two topics
    assert all(len(set(merged.labels_[gold == g])) == 1 for g in range(4))
    capped = LeidenCluster(max_clusters=3).fit(X)
    assert capped.n_clusters_ == 3 and adjusted_rand_score(gold, capped.labels_) > 0.5


def test_neighbours_exact_and_by_inverted_file():
    from sklearn.metrics import adjusted_rand_score

    from pipeline.topics.graph import LeidenCluster
    from pipeline.topics.neighbours import knn

    X, gold = _planted(4, 60, seed=5)
    idx, dist = knn(X, 5)
    sims = X @ X.T
    np.fill_diagonal(sims, -np.inf)
    np.testing.assert_array_equal(idx, np.argsort(-sims, axis=1, kind="stable")[:, :5])
    assert (np.diff(dist, axis=1) >= -1e-6).all() and (idx != np.arange(len(X))[:, None]).all()
    # the inverted file (forced by exact_max) gives the same communities on planted groups
    approx = LeidenCluster(exact_max=50).fit(X)
    assert approx.describe()["neighbours"].startswith("inverted file")
    assert adjusted_rand_score(gold, approx.labels_) == 1.0
    np.testing.assert_array_equal(approx.labels_, LeidenCluster(exact_max=50).fit(X).labels_)


def test_leiden_plugs_into_bertopic_and_its_choice_is_recorded(nlp):
    from sklearn.metrics import adjusted_rand_score

    from pipeline.topics.graph import LeidenCluster

    X, gold = _planted(3, 20)
    words = ["frivillig ældre plejehjem", "cykelsti vej trafik", "skole elev undervisning"]
    docs = [words[g] for g in gold]
    model = build_topic_model(TopicConfig(), cluster_model=LeidenCluster())
    topics, _ = model.fit_transform(docs, embeddings=X)
    assert adjusted_rand_score(gold, topics) == 1.0 and -1 not in topics
    assert {w for phrase, _ in model.get_topic(topics[0]) for w in phrase.split()} == {
        "frivillig",
        "ældre",
        "plejehjem",
    }
    # through AutoCluster and seminar topics' own path: the choice and its parameters are in quality
    assert AutoCluster(method="leiden").fit(X).graph_.n_clusters_ == 3
    cfg = TopicConfig(unit="note", clustering="leiden", embedding="tfidf-svd")
    _, result = topics_for_texts(TEXTS * 3, cfg, nlp, stop_words=stop_words(NlpConfig()))
    q = result.quality
    assert q["clustering"] == "leiden" and q["k_chosen_by"].startswith("Leiden communities")
    assert {"resolution", "stability_by_resolution", "n_neighbors"} <= set(q["clustering_params"])


def test_auto_clustering_by_size_and_k():
    from pipeline.topics.cluster import LARGE_CORPUS, SMALL_CORPUS, resolve_clustering

    assert resolve_clustering("auto", SMALL_CORPUS - 1) == "agglomerative"
    assert resolve_clustering("auto", SMALL_CORPUS) == "leiden"
    assert resolve_clustering("auto", SMALL_CORPUS, n_clusters=7) == "spectral"
    assert resolve_clustering("auto", LARGE_CORPUS + 1, n_clusters=7) == "leiden"
    assert resolve_clustering("kmeans", LARGE_CORPUS + 1) == "kmeans"
