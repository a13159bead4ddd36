"""The ``seminar`` command as a user runs it: exit codes, outputs, no tracebacks.

Most tests call the command's entry point in this process (:func:`tests.helpers.seminar_main`);
``python -m pipeline`` itself starts in :func:`test_version`, and the terminal test needs a process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import RAW_2024, TINY_TOML
from tests.helpers import seminar_main as run

SEMINAR = [sys.executable, "-m", "pipeline"]


def test_ingest_the_seed_writes_notes_manifest_rejects_and_config(tmp_path):
    out = tmp_path / "out" / "notes.csv"
    proc = run(
        [
            "ingest",
            RAW_2024 / "budget-2025-foraarsseminar-opsamling.txt",
            "--config",
            RAW_2024 / "seminar.toml",
            "--out",
            out,
        ],
        tmp_path,
    )
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
    proc = run(
        ["ingest", RAW_2024 / "group_notes.csv", "--config", RAW_2024 / "seminar.toml", "--out", out],
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_parquet(out)) == 25


def test_partly_bad_input_exits_zero_and_reports(tmp_path):
    cfg = tmp_path / "seminar.toml"
    cfg.write_text(TINY_TOML, encoding="utf-8")
    (tmp_path / "tom.csv").write_bytes(b"")
    (tmp_path / "noter.csv").write_text(
        "kerneområde,gruppe,tekst\nLæring,1,Trivsel.\nLæring,2,\n", encoding="cp1252"
    )
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
    assert (
        "noter.docx (whole file): this is a text file (a CSV table or plain text), not a Word" in proc.stderr
    )
    assert "Traceback" not in proc.stderr


def test_bad_config_and_missing_file_messages(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[seminar]\nname = "X"\nyear = 2024\n[topics]\nseeed = 1\n', encoding="utf-8")
    proc = run(["ingest", "x.csv", "--config", bad], tmp_path)
    assert proc.returncode == 1 and "unknown key(s) seeed in [topics]" in proc.stderr
    proc = run(["ingest", "findes-ikke.csv", "--config", RAW_2024 / "seminar.toml"], tmp_path)
    assert proc.returncode == 1 and "findes-ikke.csv (path): the file does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow  # the whole 2024 seminar through `seminar run`
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
        [
            "index.html",
            "overblik.html",
            "social-omsorg.html",
            "beskaeftigelse.html",
            "laering.html",
            "vaekst-teknik-og-faellesskab.html",
            "oekonomi-personale-og-it.html",
        ]
    )
    assert (
        (reports / "overblik.docx").exists()
        and (reports / "overblik.md").exists()
        and (reports / "temaer.xlsx").exists()
    )
    for table in (
        "notes.csv",
        "statements.csv",
        "themes.csv",
        "units.csv",
        "cross_themes.csv",
        "terms.csv",
        "rejects.csv",
        "suggestions.csv",
        "theme_quality.json",
        "seminar.config.toml",
    ):
        assert (tmp_path / "data" / "processed" / "2024" / table).exists(), table
    assert Path(reports / "seminar.config.toml").exists()
    # Not a terminal: no progress display, no log lines.
    assert "✓" not in proc.stderr and "Finding statements" not in proc.stderr and "\r" not in proc.stderr


def _pyproject_version() -> str:
    import re

    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def test_version(tmp_path):
    # the one test of `python -m pipeline` as a new process: the entry point itself
    proc = subprocess.run([*SEMINAR, "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"seminar-themes {_pyproject_version()}"


def test_usage_errors_are_one_plain_line_with_the_fix(tmp_path):
    cases = {
        ("run", "--foo"): "error: no such option --foo. Run 'seminar run --help' for the options.",
        (
            "run",
            "--conf",
            "x.toml",
        ): "error: no such option --conf (did you mean --config?). Run 'seminar run --help' for the options.",
        ("run",): "error: missing option --config. Run 'seminar run --help' for the options.",
        ("topics",): "error: missing argument TABLE. Run 'seminar topics --help' for the options.",
        ("bogus",): "error: no such command 'bogus'. Run 'seminar --help' for the commands and options.",
        ("compare", "--base", "2025", "--target", "2024"): (
            "error: invalid value for --base: 2025 is not earlier than --target 2024; give the earlier year "
            "as --base."
            " Run 'seminar compare --help' for the options."
        ),
        ("compare", "--base", "2024", "--target", "2024"): (
            "error: invalid value for --base: 2024 is not earlier than --target 2024; give the earlier year "
            "as --base."
            " Run 'seminar compare --help' for the options."
        ),
    }
    for args, expected in cases.items():
        proc = run(list(args), tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.splitlines() == [expected], args
        assert proc.stdout == ""
    proc = run(["compare", "--base", "x", "--target", "2024"], tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith("error: invalid value for --base:") and "unexpected" not in proc.stderr


def test_help_shows_every_option_with_its_text(tmp_path):
    proc = run(["--help"], tmp_path)
    assert proc.returncode == 0
    for word in ("--quiet", "--version", "--verbose", "ingest", "run", "compare", "topics", "eval-nlp"):
        assert word in proc.stdout
    commands = proc.stdout.split("Commands:")[1]
    assert "..." not in commands  # command summaries are whole sentences, not cut off
    proc = run(["topics", "--help"], tmp_path)
    assert "Seminar TOML whose [nlp] and [topics] settings to use." in proc.stdout
    for command in ("ingest", "run", "compare", "topics", "eval-nlp"):
        proc = run([command, "--help"], tmp_path)
        assert proc.returncode == 0, command
        assert "<bool>" not in proc.stdout and "Usage: seminar " + command in proc.stdout


def _run_on_terminal(args, cwd) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal.

    Returns the exit code and what the terminal showed.
    """
    import os
    import pty
    import threading

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*SEMINAR, *map(str, args)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "TERM": "xterm"},
    )
    os.close(slave)
    chunks: list[bytes] = []

    def read():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the terminal closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read)
    reader.start()
    proc.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    import re

    return proc.returncode, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace"))


@pytest.mark.slow  # two `seminar` processes on a pseudo-terminal
def test_progress_on_a_terminal_only_and_never_with_quiet(tmp_path):
    import pytest

    pytest.importorskip("pty")
    args = [
        "ingest",
        RAW_2024 / "budget-2025-foraarsseminar-opsamling.txt",
        "--config",
        RAW_2024 / "seminar.toml",
        "--out",
        tmp_path / "notes.csv",
    ]
    code, shown = _run_on_terminal(args, tmp_path)
    assert code == 0, shown
    assert "✓ Reading notes" in shown and "✓ Writing the notes table" in shown
    code, shown = _run_on_terminal(["--quiet", *args], tmp_path)
    assert code == 0, shown
    assert "✓" not in shown and "Reading notes" not in shown and "\r" not in shown
    # Not a terminal (a pipe, as in CI): no progress either.
    proc = run(args, tmp_path)
    assert proc.returncode == 0
    assert (
        "✓" not in proc.stderr + proc.stdout
        and "Reading notes" not in proc.stderr
        and "\r" not in proc.stderr
    )
