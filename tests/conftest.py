"""Shared fixtures: the bundled 2024 seminar and a tiny synthetic Danish seminar.

Each analysed once per test session.

The Danish pipeline is loaded once (:func:`danish_nlp`) and every analysis here is computed
once per session; tests only read them. ``pytest -m "not slow"`` leaves out the end-to-end runs
(notebooks, the ``seminar`` command over whole seminars, a real browser, a run killed while it
writes) for a quick loop; ``make test`` runs all. A test of what a command does calls its entry
point in this process (:func:`tests.helpers.seminar_main`); only a test of the process itself
starts one.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.config import NlpConfig, parse_config

ROOT = Path(__file__).resolve().parents[1]
RAW_2024 = ROOT / "data" / "raw" / "2024"

TINY_TOML = """
[seminar]
name = "Testseminar"
year = 2025
municipality = "Testkommune"

[[core_areas]]
name = "Social omsorg"
theme = "frivillighed"
question = "Hvordan inddrager vi frivillige?"

[[core_areas]]
name = "Læring"
theme = "trivsel"
question = "Hvordan styrker vi trivsel?"
aliases = ["Skole"]
"""


@pytest.fixture(scope="session")
def cfg_2024():
    return parse_config((RAW_2024 / "seminar.toml").read_text(encoding="utf-8"), base_dir=RAW_2024)


@pytest.fixture(scope="session")
def danish_nlp():
    """The default Danish pipeline (``[nlp]`` defaults, as the 2024 seminar uses), loaded once per session."""
    from pipeline.nlp import build_nlp

    return build_nlp(NlpConfig())


@pytest.fixture(scope="session")
def analysis_2024(cfg_2024, danish_nlp):
    """The 2024 seminar (from the hand-cleaned CSV) analysed once per test session; tests only read it."""
    from pipeline.flows import run_seminar
    from pipeline.ingest import SourceFile

    assert cfg_2024.nlp == NlpConfig()
    source = SourceFile("group_notes.csv", (RAW_2024 / "group_notes.csv").read_bytes())
    return run_seminar(cfg_2024, sources=[source], nlp=danish_nlp, suggest=False, render=False).analysis


@pytest.fixture(scope="session")
def tiny_analysis(danish_nlp):
    """A tiny seminar (two areas, one empty note) analysed once per session.

    ``(cfg, ingest_result, analysis, pages)``.
    """
    from tests.helpers import analyse_rows

    cfg = parse_config(TINY_TOML)
    rows = [
        "kerneområde;gruppe;tekst",
        'Social omsorg;1;"Gruppe 1 talte om frivillige i ældreplejen. Koordinering af frivillige er svær."',
        'Social omsorg;2;"Koordinering af frivillige kræver en fast kontaktperson. Pårørende vil gerne '
        'hjælpe."',
        'Social omsorg;3;"Pårørende og frivillige kan hjælpe på plejehjem. Velfærdsteknologi '
        '<script>alert(1)</script> frigør tid."',
        'Læring;1;"Trivsel i klassen kræver fællesskab. Mobning skal forebygges tidligt."',
        'Læring;2;"Mobning skal forebygges med fællesskab i klassen. Praktisk undervisning motiverer."',
        'Læring;3;"Praktisk undervisning og trivsel hænger sammen."',
        "Læring;4;",
    ]
    result, analysis, pages = analyse_rows(rows, cfg, nlp=danish_nlp)
    return cfg, result, analysis, pages


@pytest.fixture()
def tiny_cfg():
    return parse_config(TINY_TOML)


@pytest.fixture(scope="session")
def ground_truth():
    with open(RAW_2024 / "group_notes.csv", encoding="utf-8") as fh:
        return {(r["core_area"], int(r["group"])): r["text"] for r in csv.DictReader(fh)}


@pytest.fixture(scope="session")
def seed_text():
    return (RAW_2024 / "budget-2025-foraarsseminar-opsamling.txt").read_text(encoding="utf-8")


TINY_ROWS = [
    (
        "Social omsorg",
        1,
        "Gruppe 1 talte om frivillige i ældreplejen. De ønskede bedre koordinering af frivillige.",
    ),
    (
        "Social omsorg",
        2,
        "Gruppe 2 fremhævede koordinering af frivillige og pårørende. Unge frivillige kan inddrages.",
    ),
    ("Social omsorg", 3, "Gruppe 3 drøftede teknologi på plejehjem. Velfærdsteknologi kan frigøre tid."),
    ("Læring", 1, "Gruppe 1 drøftede trivsel i skolen. Mobning skal forebygges tidligt."),
    ("Læring", 2, "Gruppe 2 talte om trivsel og fællesskab i klassen. Forebyggelse af mobning er vigtig."),
    ("Læring", 3, "Gruppe 3 fokuserede på praktisk undervisning. Eleverne lærer af praktiske opgaver."),
]


@pytest.fixture()
def tiny_csv_bytes():
    lines = ["kerneområde;gruppe;tekst"] + [f'{a};{g};"{t}"' for a, g, t in TINY_ROWS]
    return ("\n".join(lines) + "\n").encode("utf-8")
