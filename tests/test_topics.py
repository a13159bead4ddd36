"""Topic stage: exact checks for the deterministic parts, invariants for clustering."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from pipeline.config import NlpConfig, TopicConfig
from pipeline.nlp import stop_words
from pipeline.flows import topics_for_texts
from pipeline.topics import AutoCluster, LemmaNgrams, build_topic_model, label_from_keywords, topic_quality

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
    assert label_from_keywords(["unge frivillige", "frivillige", "pårørende", "plejehjem"]) == "Unge frivillige, pårørende og plejehjem"
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
    pd.DataFrame({"id": range(len(TEXTS)), "svar": TEXTS}).iloc[::-1].to_csv(src, sep=";", index=False, encoding="cp1252")
    out = tmp_path / "out.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "topics", str(src), "--text-col", "svar", "--n-topics", "3", "--unit", "document", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
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
    proc = subprocess.run([sys.executable, "-m", "pipeline", "topics", str(src), "--text-col", "tekst"], capture_output=True, text=True, timeout=120)
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
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "topics", str(src), "--text-col", "svar", "--out", str(tmp_path / "out.csv")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    assert said in proc.stderr and str(src) in proc.stderr
    assert "unexpected" not in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 2  # the message and its fix
    assert not (tmp_path / "out.csv").exists()
