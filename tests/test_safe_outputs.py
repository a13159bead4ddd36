"""Formula injection, config validation and atomic outputs."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import io
from pipeline.config import parse_config
from pipeline.errors import ConfigError
from pipeline.ingest import SourceFile, ingest
from pipeline.io.outputs import FORMULA_CHARS, atomic_folders, neutralise_cell, recover_folder, restore_cell
from tests.conftest import TINY_TOML

HOSTILE = [
    "=1+1",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    "\tTAB",
    "\rCR",
    "'=already quoted",
    "''-two",
    '=HYPERLINK("http://x")',
    "ok",
    "",
    "'plain",
]


def _cells(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_written_csv_cells_never_start_with_a_formula_character_and_read_back_exactly(tmp_path):
    df = pd.DataFrame({"text": HOSTILE, "n": range(-6, 6), "=col": ["x"] * len(HOSTILE)})
    path = io.write_table(df, tmp_path / "t.csv")
    cells = _cells(path)
    assert not [c for c in cells if c.startswith(FORMULA_CHARS)]
    assert "'=1+1" in cells and "'-6" in cells and "'''-two" in cells and "'plain" in cells
    back = io.read_table(path)
    assert list(back.columns) == ["text", "n", "=col"]
    assert list(back["text"]) == HOSTILE
    assert list(back["n"].astype(int)) == list(range(-6, 6))


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_neutralise_and_restore_are_inverse(value):
    written = neutralise_cell(value)
    assert not written.startswith(FORMULA_CHARS)
    assert restore_cell(written) == value


def test_notes_written_by_the_tool_are_read_back_by_ingest_unchanged(tmp_path, tiny_cfg):
    data = (
        'kerneområde;gruppe;tekst\nLæring;1;"=HYPERLINK(""http://x"";""klik"") trivsel"\nLæring;2;- punkt om '
        "trivsel\n"
    ).encode()
    result = ingest([SourceFile("n.csv", data)], tiny_cfg)
    assert len(result.notes) == 2
    written = io.write_ingest_outputs(result, tmp_path / "notes.csv", tiny_cfg)
    for path in written.values():
        if path.suffix == ".csv":
            assert not [c for c in _cells(path) if c.startswith(FORMULA_CHARS)], path
    again = ingest([SourceFile("notes.csv", written["notes"].read_bytes())], tiny_cfg)
    assert list(again.notes.text) == list(result.notes.text)
    assert next(iter(again.notes.text)).startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[topics]\nseed = "42"', r"\[topics\] seed = '42' is not a whole number"),
        ("[topics]\nseed = -1", r"\[topics\] seed = -1 is out of range"),
        ("[themes]\nmin_groups = 0", r"\[themes\] min_groups = 0 is out of range"),
        ("[topics]\nn_topics = 2.5", r"\[topics\] n_topics = 2.5 is not a whole number"),
        ('[topics]\nguided = "yes"', r"\[topics\] guided = 'yes' is not true or false"),
        ("[topics]\nmin_topics = 5\nmax_topics = 3", r"max_topics = 3 is below min_topics = 5"),
        ('[topics]\nclustering = "dbscan"', r"\[topics\] clustering = 'dbscan'"),
        (
            '[topics]\nseed_words = { "Læring" = "trivsel" }',
            r"\[topics\] seed_words .* is not a table of lists",
        ),
        ("[compare]\nchange = 0", r"\[compare\] change = 0.0 is out of range"),
        ("[compare]\nchange = 1.5", r"\[compare\] change = 1.5 is out of range"),
        ('[compare]\nchange = "0.3"', r"\[compare\] change = '0.3' is not a number"),
        ('[input]\nfiles = "noter.csv"', r"\[input\] files = 'noter.csv' is not a list of texts"),
        ('[input]\nfiles = ["a.csv", 3]', r"\[input\] files = .* is not a list of texts"),
        ('[input.columns]\ntekst = "Svar"', r"\[input.columns\] unknown field\(s\) tekst"),
        (
            '[output]\nreports_dir = "../ud"',
            r"\[output\] reports_dir = '../ud' points outside the working directory",
        ),
        ('[output]\nprocessed_dir = "data/../../ud"', r"points outside the working directory"),
        ('[output]\nreports_dir = ""', r"\[output\] reports_dir is empty"),
        ('[output]\nprocessed_dir = "ud/2025"\nreports_dir = "ud"', r"lie inside each other"),
        ("^topics = 3", r"topics = 3 is not a section"),
        (
            '[[core_areas]]\nname = "Social-omsorg"',
            r"'Social omsorg' and 'Social-omsorg' give the same report file name \(social-omsorg.html\)",
        ),
        ('[[core_areas]]\nname = "Index"', r"would overwrite the index page"),
        ('[[core_areas]]\nname = "Overblik"', r"would overwrite the overview page"),
        ('[[core_areas]]\nname = "Teknik"\ncommittee = "  "', r"committee = '  ' is not a committee's name"),
        ('[[core_areas]]\nname = "Teknik"\ncommittee = "Teknik-\\nudvalget"', r"is not a committee's name"),
        ('[[core_areas]]\nname = "Teknik"\ncommittee = 3', r"\[core_areas\] committee = 3 is not a text"),
        ('[[core_areas]]\nname = "???"', r"gives an empty file name"),
        ("[[core_areas]]\nname = 3", r"\[core_areas\] name = 3 is not a text"),
    ],
)
def test_config_is_validated_with_key_value_and_fix(extra, message):
    """A wrong value is one message with the key, the value and the fix."""
    with pytest.raises(ConfigError, match=message) as info:
        text = extra[1:] + "\n" + TINY_TOML if extra.startswith("^") else TINY_TOML + "\n" + extra + "\n"
        parse_config(text)
    assert "Fix:" in str(info.value)


def test_valid_values_pass_and_absolute_output_paths_are_allowed(tmp_path):
    cfg = parse_config(
        TINY_TOML
        + (
            f'\n[compare]\nchange = 1\n[output]\nreports_dir = "{tmp_path.as_posix()}/r"\nprocessed_dir = '
            '"a/../b"\n'
        )
    )
    assert cfg.compare.change == 1.0 and isinstance(cfg.compare.change, float)
    assert cfg.reports_dir == tmp_path / "r" / "2025"


def test_the_bundled_config_passes(cfg_2024):
    assert cfg_2024.year == 2024 and len(cfg_2024.core_areas) == 5


# --- atomic outputs ---------------------------------------------------------------------------


def _snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def test_atomic_folders_replace_on_success_and_keep_the_old_on_failure(tmp_path):
    target = tmp_path / "reports" / "2025"
    target.mkdir(parents=True)
    (target / "gammel-side.html").write_text("gammel", encoding="utf-8")
    before = _snapshot(target)
    with pytest.raises(RuntimeError), atomic_folders(target) as (temp,):
        (temp / "ny.html").write_text("ny", encoding="utf-8")
        raise RuntimeError("stage failed midway")
    assert _snapshot(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025"]  # no temporary folder left
    with atomic_folders(target) as (temp,):
        (temp / "ny.html").write_text("ny", encoding="utf-8")
    assert sorted(p.name for p in target.iterdir()) == ["ny.html"]  # the stale page is gone
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025"]


def test_a_reports_folder_that_cannot_be_swapped_in_leaves_the_tables_as_they_were(tmp_path, monkeypatch):
    """One outcome per run: the tables are published with the pages or not at all."""
    import os

    from pipeline.io import outputs

    processed, reports = tmp_path / "data" / "processed" / "2025", tmp_path / "reports" / "2025"
    for folder, name in ((processed, "notes.csv"), (reports, "index.html")):
        folder.mkdir(parents=True)
        (folder / name).write_text("gammel", encoding="utf-8")
    before = (_snapshot(processed), _snapshot(reports))
    real_replace = os.replace

    def refuse_reports(src, dst):
        if Path(dst) == reports and ".tmp-" in str(src):
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", refuse_reports)
    with pytest.raises(PermissionError), atomic_folders(processed, reports) as (p, r):
        (p / "notes.csv").write_text("ny", encoding="utf-8")
        (r / "index.html").write_text("ny", encoding="utf-8")
    assert (_snapshot(processed), _snapshot(reports)) == before
    assert sorted(p.name for p in processed.parent.iterdir()) == ["2025"]  # no temporary folder left
    assert sorted(p.name for p in reports.parent.iterdir()) == ["2025"]


def test_recover_folder_after_a_kill_between_the_two_renames(tmp_path):
    target = tmp_path / "2025"
    old = tmp_path / ".2025.old-999"
    old.mkdir()
    (old / "index.html").write_text("forrige", encoding="utf-8")
    (tmp_path / ".2025.tmp-999").mkdir()
    recover_folder(target)
    assert (target / "index.html").read_text(encoding="utf-8") == "forrige"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025"]


def _fake_analysis(notes, rejects, cfg, **kwargs):
    """A quick stand-in for the analysis: the writing, not the theme finding, is under test."""
    from pipeline.flows import Analysis
    from pipeline.schemas import CrossThemes, Statements, Terms, Themes, Units

    def empty(model):
        return pd.DataFrame(columns=list(model.to_schema().columns))

    return Analysis(
        notes=notes,
        rejects=rejects,
        statements=empty(Statements),
        themes=empty(Themes),
        units=empty(Units),
        cross=empty(CrossThemes),
        terms=empty(Terms),
        quality={"n_units": 0},
        nlp_name="fake",
    )


def _fake_pages(analysis, cfg, **kwargs):
    return {"index.html": "<html>ny</html>", **{f"side-{i}.html": "x" * 1000 for i in range(20)}}


def _seminar(tmp_path: Path) -> Path:
    cfg = tmp_path / "raw" / "seminar.toml"
    cfg.parent.mkdir()
    cfg.write_text(TINY_TOML + '\n[input]\nfiles = ["noter.csv"]\n', encoding="utf-8")
    (cfg.parent / "noter.csv").write_text(
        "kerneområde;gruppe;tekst\nLæring;1;Trivsel i skolen.\nLæring;2;Mobning.\n", encoding="utf-8"
    )
    for folder in (tmp_path / "data" / "processed" / "2025", tmp_path / "reports" / "2025"):
        folder.mkdir(parents=True)
        (folder / "forrige.html").write_text("forrige kørsel " * 100, encoding="utf-8")
        (folder / "notes.csv").write_text("note_id\nabc\n", encoding="utf-8")
    return cfg


def test_run_that_fails_while_writing_leaves_previous_outputs_byte_identical(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import pipeline.flows.reuse
    import pipeline.io.catalog
    import pipeline.report
    from pipeline import cli

    cfg = _seminar(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pipeline.flows.reuse, "analyse_seminar", _fake_analysis)
    monkeypatch.setattr(pipeline.report, "render_seminar_pages", _fake_pages)
    monkeypatch.setattr(io, "chart_renderer", _no_renderer)
    folders = (tmp_path / "data" / "processed" / "2025", tmp_path / "reports" / "2025")
    before = _snapshot(*folders)
    calls = {"n": 0}
    real_write_text = io.write_text

    def failing_write_text(text, path):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disk full")
        return real_write_text(text, path)

    monkeypatch.setattr(pipeline.io.catalog, "write_text", failing_write_text)
    result = CliRunner().invoke(cli.app, ["run", "--config", str(cfg)])
    assert result.exit_code != 0 and calls["n"] == 5
    assert _snapshot(*folders) == before
    # no temporary folder is left; the work cache beside the outputs is not an output
    assert sorted(p.name for p in folders[0].parent.iterdir() if p.name != ".cache") == ["2025"]

    monkeypatch.setattr(pipeline.io.catalog, "write_text", real_write_text)
    result = CliRunner().invoke(cli.app, ["run", "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert not (folders[1] / "forrige.html").exists()  # stale pages are gone after a successful run
    assert (folders[1] / "index.html").read_text(encoding="utf-8") == "<html>ny</html>"
    assert (folders[0] / "notes.manifest.json").exists()


class _no_renderer:
    def __init__(self, *args):
        pass

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


DRIVER = """
import sys, time
from pathlib import Path
import pipeline.io as io, pipeline.io.catalog as catalog, pipeline.flows.reuse
import pipeline.report, pipeline.cli as cli
sys.path.insert(0, {root!r})
from tests.test_safe_outputs import _fake_analysis, _fake_pages, _no_renderer
pipeline.flows.reuse.analyse_seminar = _fake_analysis
pipeline.report.render_seminar_pages = _fake_pages
io.chart_renderer = _no_renderer
real = catalog.write_text
def slow(text, path):
    result = real(text, path)
    Path("writing.flag").touch()
    time.sleep(0.5)
    return result
catalog.write_text = slow  # the module that writes a run's pages
sys.argv = ["seminar", "run", "--config", "raw/seminar.toml"]
cli.main()
"""


@pytest.mark.slow  # a real `seminar run` process, killed while it writes
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("after_pages", [1, 4])
def test_run_killed_during_writing_leaves_previous_outputs_intact(tmp_path, after_pages):
    root = str(Path(__file__).resolve().parents[1])
    _seminar(tmp_path)
    folders = (tmp_path / "data" / "processed" / "2025", tmp_path / "reports" / "2025")
    before = _snapshot(*folders)
    (tmp_path / "driver.py").write_text(DRIVER.format(root=root), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": root}
    proc = subprocess.Popen(
        [sys.executable, "driver.py"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    flag = tmp_path / "writing.flag"
    deadline = time.time() + 240
    while not flag.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert flag.exists(), proc.communicate()[1].decode()
    time.sleep(0.5 * (after_pages - 1) + 0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert _snapshot(*folders) == before  # the previous run's outputs, byte for byte
    # the next run cleans up the temporary folders the killed run left behind
    recover_folder(folders[0])
    recover_folder(folders[1])
    assert sorted(p.name for p in folders[1].parent.iterdir()) == ["2025"]


def test_a_committee_is_optional_per_core_area():
    cfg = parse_config(
        TINY_TOML.replace('aliases = ["Skole"]', 'aliases = ["Skole"]\ncommittee = "Udvalg for Læring"')
    )
    assert [a.committee for a in cfg.core_areas] == ["", "Udvalg for Læring"]
    assert cfg.area("Skole").committee == "Udvalg for Læring"
