"""Year-over-year comparison on the 2024 seminar and the invented 2025 seminar with planted changes."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from pipeline import io
from pipeline.compare import OVERALL, align_topics, compare_stored, status_of, theme_status
from pipeline.config import CompareConfig
from pipeline.ingest import ingest
from pipeline.flows import compare_years
from tests.conftest import ROOT
from tests.helpers import seminar

CFG_2024 = ROOT / "data/raw/2024/seminar.toml"
CFG_2025 = ROOT / "data/raw/2025-illustrative/seminar.toml"

# (core area, a key phrase of the theme, its year, status); see data/raw/2025-illustrative/README.md.
PLANTED = [
    ("Beskæftigelse", "udenlandsk arbejdskraft", 2025, "ny"),
    ("Økonomi, Personale og IT", "cyberangreb", 2025, "ny"),
    ("Vækst, Teknik og Fællesskab", "klimatilpasning", 2025, "ny"),
    ("Social omsorg", "demens", 2025, "ny"),
    ("Beskæftigelse", "fleksibilitet", 2024, "forsvundet"),
    ("Social omsorg", "frivillige", 2025, "vedvarende"),
    ("Læring", "anbringelser", 2025, "vedvarende"),
    ("Vækst, Teknik og Fællesskab", "infrastruktur", 2025, "vedvarende"),
]


@pytest.fixture(scope="module")
def comparison():
    cfgs = [io.read_config(CFG_2024), io.read_config(CFG_2025)]
    notes = pd.concat([ingest(io.config_sources(c), c).notes for c in cfgs], ignore_index=True)
    comp, themes = compare_years(notes, cfgs[1], 2024, 2025)
    return comp, themes


def _theme_of(themes, area, phrase, year):
    units = themes.units
    hit = units[(units["core_area"] == area) & (units["year"] == year) & (units["text"].str.lower() == phrase) & (units["theme"] >= 0)]
    assert len(hit) >= 1, (area, phrase)
    return int(hit["theme"].iloc[0])


def test_finds_the_planted_changes(comparison):
    comp, themes = comparison
    status = comp.status.set_index(["topic", "core_area"])["status"]
    for area, phrase, year, expected in PLANTED:
        topic = _theme_of(themes, area, phrase, year)
        assert status[(topic, area)] == expected, (area, phrase, status[(topic, area)])


def test_statuses_follow_the_counts(comparison):
    comp, _ = comparison
    assert not comp.status.duplicated(["topic", "core_area"]).any()  # one status per theme and scope
    for r in comp.status.itertuples():
        assert r.status == status_of(r.base_groups, r.target_groups, r.base_share_groups, r.target_share_groups, CompareConfig(), 2)


def test_quotes_come_from_both_years(comparison):
    comp, themes = comparison
    topic = _theme_of(themes, "Social omsorg", "frivillige", 2025)
    quotes = comp.quotes[(comp.quotes["topic"] == topic) & (comp.quotes["scope"] == "Social omsorg")]
    assert set(quotes["year"]) == {2024, 2025}
    assert (quotes["core_area"] == "Social omsorg").all()


def test_prevalence_counts_groups_per_year(comparison):
    comp, _ = comparison
    prev = comp.prevalence
    assert set(prev["year"]) == {2024, 2025}
    assert (prev.loc[prev["core_area"] != OVERALL, "n_groups_total"] == 5).all()
    assert (prev.loc[prev["core_area"] == OVERALL, "n_groups_total"] == 25).all()  # group discussions: 5 areas × 5 groups
    assert (prev["n_groups"] <= prev["n_groups_total"]).all()


def test_comparison_is_deterministic(comparison):
    comp, _ = comparison
    cfgs = [io.read_config(CFG_2024), io.read_config(CFG_2025)]
    notes = pd.concat([ingest(io.config_sources(c), c).notes for c in cfgs], ignore_index=True)
    again, _ = compare_years(notes, cfgs[1], 2024, 2025)
    pd.testing.assert_frame_equal(again.status, comp.status)
    pd.testing.assert_frame_equal(again.quotes, comp.quotes)


@pytest.mark.parametrize(
    "base, target, expected",
    [
        ((0, 5), (3, 5), "ny"),
        ((3, 5), (0, 5), "forsvundet"),
        ((1, 5), (4, 5), "voksende"),
        ((4, 5), (1, 5), "aftagende"),
        ((4, 5), (5, 5), "vedvarende"),
        ((3, 5), (2, 5), "vedvarende"),
        ((1, 5), (0, 5), "enkeltstående"),
        ((0, 5), (1, 5), "enkeltstående"),
        # large inputs: shares are small, the relative rule decides
        ((10, 47), (1, 35), "aftagende"),
        ((1, 47), (8, 35), "voksende"),
        ((10, 47), (8, 35), "vedvarende"),
    ],
)
def test_status_rules(base, target, expected):
    prev = pd.DataFrame(
        [
            {"topic": 0, "label": "t", "core_area": "A", "year": 2024, "n_groups": base[0], "share_groups": base[0] / base[1]},
            {"topic": 0, "label": "t", "core_area": "A", "year": 2025, "n_groups": target[0], "share_groups": target[0] / target[1]},
        ]
    )
    assert theme_status(prev, 2024, 2025, CompareConfig(change=0.3), min_groups=2)["status"].tolist() == [expected]


def test_alignment_of_stored_topics():
    base = pd.DataFrame({"topic": [0, 1], "label": ["Frivillige", "Veje"], "keywords": ["frivillig; ældrepleje; plejehjem", "vej; cykelsti"]})
    target = pd.DataFrame({"topic": [0, 1, 2], "label": ["Frivillige", "Demens", "Cykelstier"], "keywords": ["frivillig; plejehjem", "demens; aflastning", "cykelsti; vej; trafik"]})
    al = align_topics(base, target)
    assert al[["target_topic", "base_topic"]].to_numpy().tolist() == [[0, 0], [1, -1], [2, 1]]
    assert al["similarity"].iloc[0] > 0.5 and al["method"].iloc[0] == "many-to-one"
    themes = lambda year, rows: pd.DataFrame(  # noqa: E731
        [
            {"year": year, "core_area": "A", "topic": t, "label": lab, "n_groups": len(g.split()), "n_groups_total": 5, "n_statements": 1, "groups": g, "quotes": "[]"}
            for t, lab, g in rows
        ]
    )
    comp = compare_stored(
        themes(2024, [(0, "Frivillige", "1 2 3"), (1, "Veje", "4 5")]),
        themes(2025, [(0, "Frivillige", "1 2"), (1, "Demens", "3 4 5"), (2, "Cykelstier", "1 2")]),
        al,
        2024,
        2025,
        CompareConfig(),
    )
    got = dict(zip(comp.status.loc[comp.status.core_area == "A", "label"], comp.status.loc[comp.status.core_area == "A", "status"], strict=True))
    assert got == {"Frivillige": "vedvarende", "Demens": "ny", "Veje": "vedvarende"}


def test_seminar_compare_cli_writes_tables_and_report(tmp_path):
    proc = seminar(["compare", "--base", "2024", "--target", "2025", "--config", CFG_2024, "--config", CFG_2025], tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "data" / "processed" / "compare_2024_2025"
    for name in ("prevalence.csv", "status.csv", "quotes.csv", "themes.csv", "units.csv", "cross_themes.csv", "seminar.config.toml"):
        assert (out / name).exists(), name
    page = (tmp_path / "reports" / "compare_2024_2025" / "hvad-er-nyt.html").read_text(encoding="utf-8")
    assert "Hvad er nyt i år: 2024 → 2025" in page
    assert re.search(r"<h3>\d+ (nyt tema|nye temaer)</h3>", page) and re.search(r"<h3>\d+ (forsvundet tema|forsvundne temaer)</h3>", page)
    assert "Traceback" not in proc.stderr


def test_seminar_compare_stored_aligns_two_stored_analyses(tmp_path):
    """`seminar run` for two tiny seminars, then `seminar compare --stored`: tables typed by their schemas."""
    from tests.conftest import TINY_ROWS, TINY_TOML

    rows_by_year = {
        2024: TINY_ROWS,
        2025: [*TINY_ROWS[:3], ("Læring", 1, "Gruppe 1 drøftede lektiecafé og lektiehjælp."), ("Læring", 2, "Gruppe 2 ønskede lektiecafé på biblioteket.")],
    }
    for year, rows in rows_by_year.items():
        folder = tmp_path / "raw" / str(year)
        folder.mkdir(parents=True)
        (folder / "seminar.toml").write_text(
            TINY_TOML.replace("year = 2025", f"year = {year}") + '\n[input]\nfiles = ["noter.csv"]\n', encoding="utf-8"
        )
        (folder / "noter.csv").write_text("kerneområde;gruppe;tekst\n" + "".join(f'{a};{g};"{t}"\n' for a, g, t in rows), encoding="utf-8")
        proc = seminar(["run", "--config", folder / "seminar.toml"], tmp_path)
        assert proc.returncode == 0, proc.stderr
    proc = seminar(["compare", "--base", "2024", "--target", "2025", "--raw-dir", "raw", "--stored"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "data" / "processed" / "compare_2024_2025_stored"
    from pipeline.schemas import Alignment, Status

    alignment = io.read_table(out / "alignment.csv", Alignment)
    status = io.read_table(out / "status.csv", Status)
    assert alignment["base_topic"].dtype.kind == "i" and len(alignment) >= 1
    assert set(status["base_year"]) == {2024} and set(status["target_year"]) == {2025}
    page = (tmp_path / "reports" / "compare_2024_2025_stored" / "hvad-er-nyt.md").read_text(encoding="utf-8")
    assert page.startswith("# Hvad er nyt i år: 2024 → 2025")
