"""The ``seminar`` command as a user runs it: exit codes, outputs, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from tests.conftest import RAW_2024, TINY_TOML

SEMINAR = [sys.executable, "-m", "pipeline"]


def run(args, cwd):
    return subprocess.run([*SEMINAR, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ingest_the_seed_writes_notes_manifest_rejects_and_config(tmp_path):
    out = tmp_path / "out" / "notes.csv"
    proc = run(["ingest", RAW_2024 / "budget-2025-foraarsseminar-opsamling.txt", "--config", RAW_2024 / "seminar.toml", "--out", out], tmp_path)
    assert proc.returncode == 0, proc.stderr
    notes = pd.read_csv(out, dtype=str)
    assert {"note_id", "year", "core_area", "theme", "group", "text"} <= set(notes.columns)
    assert len(notes) == 25
    manifest = json.loads((out.parent / "notes.manifest.json").read_text(encoding="utf-8"))
    assert manifest["notes_accepted"] == 25 and manifest["files"][0]["format"] == "summary-text"
    assert (out.parent / "notes.rejects.csv").exists()
    assert "[seminar]" in (out.parent / "seminar.config.toml").read_text(encoding="utf-8")


def test_ingest_parquet(tmp_path):
    out = tmp_path / "notes.parquet"
    proc = run(["ingest", RAW_2024 / "group_notes.csv", "--config", RAW_2024 / "seminar.toml", "--out", out], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_parquet(out)) == 25


def test_partly_bad_input_exits_zero_and_reports(tmp_path):
    cfg = tmp_path / "seminar.toml"
    cfg.write_text(TINY_TOML, encoding="utf-8")
    (tmp_path / "tom.csv").write_bytes(b"")
    (tmp_path / "noter.csv").write_text("kerneområde,gruppe,tekst\nLæring,1,Trivsel.\nLæring,2,\n", encoding="cp1252")
    proc = run(["ingest", "tom.csv", "noter.csv", "--config", cfg, "--out", "notes.csv"], tmp_path)
    assert proc.returncode == 0
    assert "tom.csv (whole file): the file is empty" in proc.stderr
    assert "rejected: noter.csv (line 3), group 2: empty text" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_nothing_usable_exits_non_zero_without_traceback(tmp_path):
    cfg = tmp_path / "seminar.toml"
    cfg.write_text(TINY_TOML, encoding="utf-8")
    (tmp_path / "noter.docx").write_text("not a docx", encoding="utf-8")
    proc = run(["ingest", "noter.docx", "--config", cfg], tmp_path)
    assert proc.returncode == 1
    assert "noter.docx (whole file): this is not a Word document" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_config_and_missing_file_messages(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[seminar]\nname = "X"\nyear = 2024\n[topics]\nseeed = 1\n', encoding="utf-8")
    proc = run(["ingest", "x.csv", "--config", bad], tmp_path)
    assert proc.returncode == 1 and "unknown key(s) seeed in [topics]" in proc.stderr
    proc = run(["ingest", "findes-ikke.csv", "--config", RAW_2024 / "seminar.toml"], tmp_path)
    assert proc.returncode == 1 and "findes-ikke.csv (path): the file does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_run_writes_reports_for_every_area(tmp_path):
    cfg_text = (RAW_2024 / "seminar.toml").read_text(encoding="utf-8")
    cfg = tmp_path / "raw" / "seminar.toml"
    cfg.parent.mkdir()
    cfg.write_text(cfg_text, encoding="utf-8")
    (cfg.parent / "budget-2025-foraarsseminar-opsamling.txt").write_bytes(
        (RAW_2024 / "budget-2025-foraarsseminar-opsamling.txt").read_bytes()
    )
    proc = run(["run", "--config", cfg], tmp_path)
    assert proc.returncode == 0, proc.stderr
    reports = tmp_path / "reports" / "2024"
    names = sorted(p.name for p in reports.glob("*.html"))
    assert names == sorted(
        ["index.html", "social-omsorg.html", "beskaeftigelse.html", "laering.html", "vaekst-teknik-og-faellesskab.html", "oekonomi-personale-og-it.html"]
    )
    for table in ("notes.csv", "statements.csv", "units.csv", "themes.csv", "cross_themes.csv", "rejects.csv", "theme_quality.json", "seminar.config.toml"):
        assert (tmp_path / "data" / "processed" / "2024" / table).exists(), table
    assert Path(reports / "seminar.config.toml").exists()
