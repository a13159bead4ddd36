"""Analyst curation: a codebook renames, merges, splits, pins, excludes and adds themes.

On every run alike.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace

import pandas as pd
import pytest

from pipeline.curation import CodebookError, codebook_text, parse_codebook
from pipeline.flows import curate_analysis
from pipeline.report import render_seminar_pages
from pipeline.schemas import Themes, validate

SOCIAL, VTF, OPIT = "Social omsorg", "Vækst, Teknik og Fællesskab", "Økonomi, Personale og IT"


def _topic(analysis, area: str, label: str) -> int:
    t = analysis.themes
    return int(t.loc[(t["core_area"] == area) & (t["label"] == label), "topic"].iloc[0])


def _entry_id(text: str, label: str, area: str | None = None) -> str:
    """The id ``curate init`` gave the theme with this label (in ``area``, when a label is in two areas)."""
    where = re.escape(json.dumps(area, ensure_ascii=False)) if area else '"[^"]+"'
    return re.search(
        r'- id: "([^"]+)"\n  area: '
        + where
        + r"\n  label: "
        + re.escape(json.dumps(label, ensure_ascii=False)),
        text,
    ).group(1)


def _edit(text: str, entry_id: str, field: str, value: str) -> str:
    """Set one field of one entry in the codebook text, as an analyst would in an editor."""
    start = text.index(f'- id: "{entry_id}"')
    at = text.index(f"  {field}:", start)
    end = text.index("\n", at)
    return text[:at] + f"  {field}: {value}" + text[end:]


@pytest.fixture(scope="module")
def start_text(analysis_2024, cfg_2024):
    return codebook_text(analysis_2024.themes, analysis_2024.units, cfg_2024.seminar_label)


@pytest.fixture(scope="module")
def nlp(danish_nlp):
    return danish_nlp


def _curate(analysis, cfg, text: str, nlp, file: str = "codebook.yaml"):
    """The analysis curated by the codebook text (:func:`pipeline.flows.curate_analysis`.

    As ``seminar run`` applies it).
    """
    return curate_analysis(analysis, cfg, parse_codebook(text, file), nlp=nlp)


@pytest.fixture(scope="module")
def edited_text(analysis_2024, start_text):
    text = start_text
    paaroerende = _entry_id(text, "Pårørende")
    text = _edit(text, paaroerende, "name", '"Pårørende som ressource"')
    text = _edit(text, paaroerende, "memo", '"To grupper; skal drøftes med Pårørendeforeningen."')
    text = _edit(
        text,
        _entry_id(text, "Kommende generationer"),
        "merge_into",
        json.dumps(_entry_id(text, "Inddragelse af unge")),
    )
    text = _edit(
        text,
        _entry_id(text, "Kompetencer"),
        "split",
        '\n  - name: "Kompetenceudvikling"\n    seeds: ["kompetenceudvikling"]',
    )
    text = _edit(text, _entry_id(text, "Teknologisk udvikling", OPIT), "exclude", "true")
    # a key phrase of one group alone ("vandhåndtering") pinned to Infrastruktur, and a
    # statement ("partnerskaber med lokale interessenter og organisationer") to Byforskønnelse
    text = _edit(text, _entry_id(text, "Infrastruktur"), "pin", '["605391d43322-00-u2"]')
    text = _edit(text, _entry_id(text, "Byforskønnelse"), "pin", '["605391d43322-01"]')
    text += (
        '- id: "kommunikation-vtf"\n  area: "Vækst, Teknik og Fællesskab"\n  name: "Åbenhed og '
        'kommunikation"\n  seeds: ["gennemsigtighed", "kommunikation"]\n'
    )
    return text


@pytest.fixture(scope="module")
def curated(analysis_2024, cfg_2024, edited_text, nlp):
    return _curate(analysis_2024, cfg_2024, edited_text, nlp)


@pytest.fixture(scope="module")
def pages(curated, cfg_2024):
    return render_seminar_pages(curated, cfg_2024)


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


def test_init_writes_one_entry_per_theme_that_reads_back(analysis_2024, start_text):
    codebook = parse_codebook(start_text)
    assert len(codebook.entries) == analysis_2024.themes["topic"].nunique()
    assert all(not e.changes for e in codebook.entries)
    assert "# Fields of an entry" in start_text and "merge_into" in start_text


def test_unchanged_codebook_changes_nothing(analysis_2024, cfg_2024, start_text, nlp):
    same = _curate(analysis_2024, cfg_2024, start_text, nlp)
    cols = [c for c in analysis_2024.themes.columns if c != "codebook_key"]
    pd.testing.assert_frame_equal(
        same.themes[cols].reset_index(drop=True), analysis_2024.themes[cols].reset_index(drop=True)
    )
    assert (same.themes["codebook_key"] != "").all()  # every theme found its entry
    assert not same.themes["curated"].any()
    assert same.curation.agreement["total"]["moved"] == 0 and same.curation.agreement["total"]["kappa"] == 1.0


def test_each_change_shows_in_the_themes_table(analysis_2024, curated):
    t, a = curated.themes, analysis_2024
    social = t[t["core_area"] == SOCIAL]
    renamed = social[social["label"] == "Pårørende som ressource"].iloc[0]
    assert renamed["curated"] and "Pårørendeforeningen" in renamed["memo"]
    assert (
        renamed["evidence"] == a.themes.loc[a.themes["label"] == "Pårørende", "evidence"].iloc[0]
    )  # same evidence
    # merged ("Kommende generationer" into "Inddragelse af unge"; "Opgave", a general noun alone, and
    # "Plejehjem", a complement of another noun for one group, are no theme now): it is gone, the
    # target holds both themes' key phrases and groups
    assert "Kommende generationer" not in set(social["label"])
    plejehjem = social[social["topic"] == _topic(a, SOCIAL, "Inddragelse af unge")].iloc[0]
    old = a.themes.set_index("label")
    assert set(plejehjem["units"].split()) == set(old.at["Inddragelse af unge", "units"].split()) | set(
        old.at["Kommende generationer", "units"].split()
    )
    assert (
        plejehjem["n_groups"]
        == len(set(plejehjem["groups"].split()))
        >= old.at["Kommende generationer", "n_groups"]
        and plejehjem["curated"]
    )
    # split: the new part holds the phrase "kompetenceudvikling", the rest stays (group 5's
    # "tilstrækkelige IT-kompetencer" says more than the question's word: a point of its own already)
    opit = t[t["core_area"] == OPIT].set_index("label")
    assert (
        opit.at["Kompetenceudvikling", "units"] == "87ed33e8bbdc-01-u0"
        and opit.at["Kompetenceudvikling", "curated"]
    )
    assert all(
        "87ed33e8bbdc-01-u0" not in units.split()
        for label, units in opit["units"].items()
        if label != "Kompetenceudvikling"
    )
    assert "Teknologisk udvikling" not in opit.index  # excluded
    excluded = (
        a.themes.loc[
            (a.themes["label"] == "Teknologisk udvikling") & (a.themes["core_area"] == OPIT), "units"
        ]
        .iloc[0]
        .split()
    )
    assert (curated.units.loc[curated.units["unit_id"].isin(excluded), "theme"] == -1).all()
    # pinned statement and new theme
    vtf = t[t["core_area"] == VTF].set_index("label")
    assert "605391d43322-00-u2" in vtf.at["Infrastruktur", "units"].split()
    assert {"605391d43322-01-u0", "605391d43322-01-u2", "605391d43322-01-u3"} <= set(
        vtf.at["Byforskønnelse", "units"].split()
    )
    new = vtf.loc["Åbenhed og kommunikation"]
    assert new["curated"] and new["codebook_key"] == "kommunikation-vtf" and new["n_units"] >= 1
    validate(t, Themes)
    automatic = t[~t["curated"]]
    assert len(automatic) and (automatic["memo"] == "").all()


def test_each_change_shows_in_html_markdown_and_docx(pages):
    html, md, docx = (
        pages["social-omsorg.html"],
        pages["social-omsorg.md"],
        _docx_text(pages["social-omsorg.docx"]),
    )
    for text in (html, md, docx):
        assert "Pårørende som ressource" in text and "Pårørendeforeningen" in text and "Kuratering" in text
        assert (
            "Kommende generationer" in text.split("Kuratering")[-1]
        )  # the merge is listed in the method appendix
        assert "Cohens kappa" in text
    assert "Kurateret" in html and "Maskinforslag" in html
    opit = [
        pages["oekonomi-personale-og-it.html"],
        pages["oekonomi-personale-og-it.md"],
        _docx_text(pages["oekonomi-personale-og-it.docx"]),
    ]
    for text in opit:
        assert "Kompetenceudvikling" in text and "udeladt som støj" in text and "Delt" in text
    vtf = [
        pages["vaekst-teknik-og-faellesskab.html"],
        pages["vaekst-teknik-og-faellesskab.md"],
        _docx_text(pages["vaekst-teknik-og-faellesskab.docx"]),
    ]
    for text in vtf:
        assert "Åbenhed og kommunikation" in text and "Udsagn fastgjort" in text and "Nyt tema" in text


def test_agreement_figures_are_stored(curated):
    q = curated.quality["curation"]
    total = q["total"]
    assert 0 < total["moved"] < total["units"] and 0 < total["kappa"] < 1
    assert q["areas"][SOCIAL]["moved"] >= 1 and q["file"] == "codebook.yaml"
    assert q["not_applied"] == 0 and q["applied"] == len(curated.curation.log)


def test_same_codebook_gives_identical_outputs(analysis_2024, cfg_2024, edited_text, pages, nlp):
    again = render_seminar_pages(_curate(analysis_2024, cfg_2024, edited_text, nlp), cfg_2024)
    assert again.keys() == pages.keys()
    assert all(again[k] == pages[k] for k in pages)


def test_entry_that_matches_nothing_is_reported_not_dropped(analysis_2024, cfg_2024, edited_text, nlp):
    # the notes changed: an entry's evidence is no longer among the themes
    text = _edit(edited_text, _entry_id(edited_text, "Kommunikation"), "name", '"Tydelig kommunikation"')
    start = text.index(f'- id: "{_entry_id(edited_text, "Kommunikation")}"')
    at = text.index("    key:", start)
    text = (
        text[:at]
        + '    key: "000000000000"\n    phrases: ["noget helt andet"]\n    statements: []\n'
        + text[text.index("- id:", at) :]
    )
    result = _curate(analysis_2024, cfg_2024, text, nlp)
    log = result.curation.log
    row = log[log["action"] == "match"].iloc[0]
    assert not row["applied"] and "intet tema" in row["reason"]
    assert log["applied"].sum() == len(log) - 1  # every other entry still applies
    assert "Kommunikation" in set(result.themes["label"])  # the theme stays, automatic


def test_a_changed_note_keeps_matching_entries_and_reports_the_rest(
    analysis_2024, cfg_2024, edited_text, nlp
):
    # a note of Social omsorg edited: its statement ids change, the themes' phrases mostly stay
    notes = analysis_2024.notes
    victim = notes[notes["core_area"] == VTF].iloc[3]
    text = edited_text.replace('"605391d43322-01"', f'"{victim["note_id"]}-00"')
    changed = notes.copy()
    changed.loc[changed["note_id"] == victim["note_id"], "note_id"] = "ffffffffffff"
    statements = analysis_2024.statements.copy()
    statements["note_id"] = statements["note_id"].replace(victim["note_id"], "ffffffffffff")
    statements["statement_id"] = statements["statement_id"].str.replace(victim["note_id"], "ffffffffffff")
    units = analysis_2024.units.copy()
    for col in ("note_id", "statement_id", "unit_id"):
        units[col] = units[col].str.replace(victim["note_id"], "ffffffffffff")
    moved = replace(analysis_2024, notes=changed, statements=statements, units=units)
    result = _curate(moved, cfg_2024, text, nlp)
    log = result.curation.log
    pins = log[log["action"] == "pin"]
    assert pins["applied"].tolist() == [True, False] and "findes ikke længere" in pins["reason"].iloc[1]
    assert {"rename", "merge", "split", "exclude", "new"} <= set(log.loc[log["applied"], "action"])


def _first_entry(text: str) -> str:
    start = text.index('\n- id: "') + 1
    return text[start : text.index('\n- id: "', start) + 1]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.replace("themes:\n", "themes:\n  - id: [\n", 1), ["not valid YAML", "line"]),
        (
            lambda t: _edit(t, _entry_id(t, "Inddragelse af unge"), "pin", '["udsagn 7"]'),
            ["'udsagn 7'", "not a statement id", "line"],
        ),
        (
            lambda t: _edit(t, _entry_id(t, "Inddragelse af unge"), "merge_into", '"findes-ikke"'),
            ["findes-ikke", "no entry", "line"],
        ),
        (
            lambda t: t + _first_entry(t).replace('- id: "', '- id: "kopi-', 1),
            ["claim the same theme", "line"],
        ),
        (
            lambda t: _edit(t, _entry_id(t, "Inddragelse af unge"), "exclude", '"ja"'),
            ["true or false", "line"],
        ),
    ],
    ids=["yaml", "unknown-statement", "missing-merge-target", "two-claim-one", "bad-type"],
)
def test_bad_codebook_is_one_message_with_line_and_fix(
    analysis_2024, cfg_2024, start_text, change, words, nlp
):
    text = change(start_text)
    with pytest.raises(CodebookError) as err:
        _curate(analysis_2024, cfg_2024, text, nlp, "data/raw/2024/codebook.yaml")
    message = str(err.value)
    assert message.startswith("data/raw/2024/codebook.yaml (line") and "Fix:" in message
    for w in words:
        assert w in message


def test_unknown_statement_of_a_known_note_is_an_error(analysis_2024, cfg_2024, start_text, nlp):
    note = analysis_2024.notes[analysis_2024.notes["core_area"] == SOCIAL]["note_id"].iloc[0]
    text = _edit(start_text, _entry_id(start_text, "Inddragelse af unge"), "pin", f'["{note}-99"]')
    with pytest.raises(CodebookError, match="unknown statement id"):
        _curate(analysis_2024, cfg_2024, text, nlp)


def test_codebook_order_puts_the_analysts_order_first(analysis_2024, cfg_2024, start_text, nlp):
    text = start_text.replace("order: groups", "order: codebook")
    auto = analysis_2024.themes[
        (analysis_2024.themes["core_area"] == SOCIAL) & analysis_2024.themes["recurring"]
    ]
    first_label, later_label = auto["label"].iloc[0], "Kommunikation"  # the analyst moves a later theme first
    pleje, friv = _entry_id(text, later_label), _entry_id(text, first_label)
    a, b = text.index(f'- id: "{friv}"'), text.index(f'- id: "{pleje}"')
    block = text[b : text.index("- id:", b + 1)]
    text = text[:b] + text[b + len(block) :]
    text = text[:a] + block + text[a:]
    result = _curate(analysis_2024, cfg_2024, text, nlp)
    social = result.themes[(result.themes["core_area"] == SOCIAL) & result.themes["recurring"]]
    assert list(social["label"][:2]) == [later_label, first_label]


def test_last_years_codebook_seeds_this_years(analysis_2024, edited_text):
    previous = parse_codebook(edited_text, "data/raw/2024/codebook.yaml")
    text = codebook_text(
        analysis_2024.themes, analysis_2024.units, "Næste seminar", previous, "data/raw/2024/codebook.yaml"
    )
    seeded = parse_codebook(text)
    by_id = {e.id: e for e in seeded.entries}
    assert by_id[_entry_id(edited_text, "Pårørende")].name == "Pårørende som ressource"
    assert by_id["kommunikation-vtf"].seeds == ("gennemsigtighed", "kommunikation")
    assert all(not e.pin for e in seeded.entries)  # statement ids are last year's


def test_tables_and_pages_are_written_byte_identical(
    analysis_2024, cfg_2024, edited_text, curated, pages, tmp_path, nlp
):
    from pipeline.io import read_table, write_analysis
    from pipeline.schemas import Curation

    again = _curate(analysis_2024, cfg_2024, edited_text, nlp)
    first = write_analysis(curated, pages, cfg_2024, tmp_path / "p1", tmp_path / "r1")
    second = write_analysis(
        again, render_seminar_pages(again, cfg_2024), cfg_2024, tmp_path / "p2", tmp_path / "r2"
    )
    assert first.keys() == second.keys() and "curation" in first
    assert all(first[k].read_bytes() == second[k].read_bytes() for k in first)
    stored = read_table(first["themes"], Themes)
    assert stored["curated"].any() and "Pårørende som ressource" in set(stored["label"])
    assert len(read_table(first["curation"], Curation)) == len(curated.curation.log)
    assert json.loads(first["quality"].read_text(encoding="utf-8"))["curation"]["total"]["moved"] > 0


def test_older_themes_table_reads_with_default_curation_columns(analysis_2024, tmp_path):
    from pipeline.io import read_table, write_table

    path = write_table(
        analysis_2024.themes.drop(columns=["curated", "memo", "codebook_key"]), tmp_path / "themes.csv"
    )
    stored = read_table(path, Themes)
    assert not stored["curated"].any() and (stored["memo"] == "").all()


@pytest.mark.slow
def test_cli_curate_init_from_a_clean_clone_then_run(tmp_path):
    from tests.conftest import RAW_2024
    from tests.helpers import seminar_main as seminar

    raw = tmp_path / "data" / "raw" / "2024"
    raw.mkdir(parents=True)
    for name in ("seminar.toml", "budget-2025-foraarsseminar-opsamling.txt"):
        (raw / name).write_bytes((RAW_2024 / name).read_bytes())
    config = raw / "seminar.toml"
    proc = seminar(["curate", "init", "--config", config], tmp_path)
    assert proc.returncode == 0, proc.stderr
    book = raw / "codebook.yaml"
    text = book.read_text(encoding="utf-8")
    assert "wrote" in proc.stdout and parse_codebook(text).entries
    again = seminar(["curate", "init", "--config", config], tmp_path)
    assert again.returncode == 1 and "--force" in again.stderr and "Traceback" not in again.stderr
    # a YAML mistake stops the run before the long steps, with the file and the line
    book.write_text(text.replace("order: groups", "order: [groups"), encoding="utf-8")
    bad = seminar(["run", "--config", config], tmp_path)
    assert (
        bad.returncode == 1
        and "codebook.yaml (line" in bad.stderr
        and "Fix:" in bad.stderr
        and "Traceback" not in bad.stderr
    )
    assert not (tmp_path / "data" / "processed" / "2024").exists()
    book.write_text(
        _edit(text, _entry_id(text, "Pårørende"), "name", '"Pårørende som ressource"'), encoding="utf-8"
    )
    proc = seminar(["run", "--config", config], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "codebook" in proc.stdout and "1 applied, 0 not applied" in proc.stdout
    processed = tmp_path / "data" / "processed" / "2024"
    assert "Pårørende som ressource" in (processed / "themes.csv").read_text(encoding="utf-8")
    assert (processed / "curation.csv").exists()
    assert "Pårørende som ressource" in (tmp_path / "reports" / "2024" / "social-omsorg.md").read_text(
        encoding="utf-8"
    )
    # next year's codebook seeded from this year's: the name carries over to the theme with the same key
    # phrases
    raw_next = tmp_path / "data" / "raw" / "2025"
    raw_next.mkdir()
    (raw_next / "seminar.toml").write_text(
        config.read_text(encoding="utf-8").replace("year = 2024", "year = 2025"), encoding="utf-8"
    )
    (raw_next / "budget-2025-foraarsseminar-opsamling.txt").write_bytes(
        (raw / "budget-2025-foraarsseminar-opsamling.txt").read_bytes()
    )
    proc = seminar(["curate", "init", "--config", raw_next / "seminar.toml", "--from", "2024"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "carried over from" in proc.stdout
    assert '"Pårørende som ressource"' in (raw_next / "codebook.yaml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_comparison_uses_the_curated_names():
    from pipeline import io
    from pipeline.flows.compare import YearInput, compare_seminars
    from pipeline.ingest import ingest
    from tests.conftest import ROOT

    cfgs = [
        io.read_config(ROOT / "data/raw/2024/seminar.toml"),
        io.read_config(ROOT / "data/raw/2025-illustrative/seminar.toml"),
    ]
    book = parse_codebook(
        f'themes:\n- id: klima\n  area: "{VTF}"\n  name: "Klima og vand"\n  seeds: [klimatilpasning]\n',
        "codebook.yaml",
    )
    inputs = {}
    for c in cfgs:
        result = ingest(io.config_sources(c), c)
        inputs[c.year] = YearInput(c, result.notes, result.rejects, codebook=book if c.year == 2025 else None)
    run = compare_seminars(inputs)
    analysis = run.analysed[2025][0]  # the 2025 page is the curated one, and the comparison reads it
    assert "Klima og vand" in set(analysis.themes["label"])
    assert "Klima og vand" in set(run.comparison.status["label"])


def test_two_entries_matching_one_theme_after_a_rerun_are_reported(analysis_2024, cfg_2024, start_text, nlp):
    # a copy of an entry with another key (as after the notes changed): the better match keeps the theme
    first = _first_entry(start_text)
    copy = re.sub(r'key: "[0-9a-f]+"', 'key: "000000000000"', first.replace('- id: "', '- id: "kopi-', 1))
    result = _curate(analysis_2024, cfg_2024, start_text + copy, nlp)
    log = result.curation.log
    row = log[log["entry"].str.startswith("kopi-")].iloc[0]
    assert row["action"] == "match" and not row["applied"] and "passer bedre til posten" in row["reason"]


def test_a_new_theme_of_the_areas_topic_restates_the_area(analysis_2024, cfg_2024, nlp):
    """A codebook theme made only of the area's topic words (frivillighed in Social omsorg) is
    flagged and not counted as a recurring sub-theme, as an automatic one would be."""
    book = parse_codebook(
        f'themes:\n- id: friv\n  area: "{SOCIAL}"\n  name: "Frivillige"\n  seeds: [frivillig]\n',
        "codebook.yaml",
    )
    themes = curate_analysis(analysis_2024, cfg_2024, book, nlp=nlp).themes
    row = themes[themes["label"] == "Frivillige"].iloc[0]
    assert row["n_groups"] >= 2 and row["restates_area"] and not row["recurring"]


def test_a_kept_point_recurs_by_the_theme_stage_s_one_rule():
    from pipeline.curation.rows import _kept_as_points
    from pipeline.themes.records import ThemeParams

    params = ThemeParams(min_groups=3)
    # the one rule: enough groups, and a theme that says more than its area and its question
    assert params.recurs_as_point(3, restates_area=False, restates_question=False)
    assert not params.recurs_as_point(2, restates_area=False, restates_question=False)
    assert not params.recurs_as_point(3, restates_area=True, restates_question=False)
    assert not params.recurs_as_point(3, restates_area=False, restates_question=True)
    out = pd.DataFrame(
        {
            "n_groups": [3, 3, 2, 3],
            "restates_area": [False, True, False, False],
            "restates_question": [True, True, True, True],
            "recurring": [False] * 4,
        }
    )
    kept = _kept_as_points(out, [True, True, True, False], params)
    # kept as points the first three no longer only restate the question; the fourth was not kept
    assert kept["restates_question"].tolist() == [False, False, False, True]
    assert kept["recurring"].tolist() == [True, False, False, False]
