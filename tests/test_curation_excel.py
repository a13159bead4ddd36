"""The Excel codebook (codebook.xlsx) and the themes workbook (temaer.xlsx).

Curation in a spreadsheet, applied as the YAML codebook.
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import pandas as pd
import pytest

from pipeline.curation import CodebookError, codebook_text, parse_codebook
from pipeline.curation.excel import PHRASES_SHEET, THEMES_SHEET, codebook_workbook, parse_codebook_xlsx
from pipeline.flows import curate_analysis
from pipeline.report import render_seminar_pages
from pipeline.report.workbook import THEMES_WORKBOOK, build_themes_workbook
from pipeline.report.wording import ANALYST_PART

SOCIAL, OPIT, VTF = "Social omsorg", "Økonomi, Personale og IT", "Vækst, Teknik og Fællesskab"


@pytest.fixture(scope="module")
def nlp(cfg_2024):
    from pipeline.nlp import build_nlp

    return build_nlp(cfg_2024.nlp)


@pytest.fixture(scope="module")
def start_book(analysis_2024, cfg_2024):
    return codebook_workbook(
        analysis_2024.themes, analysis_2024.units, cfg_2024.seminar_label, statements=analysis_2024.statements
    )


def _edit(data: bytes, sheet: str, changes: list[tuple[dict, str, object]]) -> bytes:
    """The workbook with cells changed as an analyst would in Excel: (which row.

    Column → value, column to set, value).
    """
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for where, column, value in changes:
        for row in ws.iter_rows(min_row=2):
            if all(row[header.index(k)].value == v for k, v in where.items()):
                row[header.index(column)].value = value
                break
        else:
            raise AssertionError(f"no row {where}")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _append(data: bytes, sheet: str, values: dict) -> bytes:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    ws.append([values.get(h, None) for h in header])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _id(data: bytes, area: str, label: str) -> str:
    frame = pd.read_excel(io.BytesIO(data), sheet_name=THEMES_SHEET, dtype=str).fillna("")
    return frame.loc[(frame["core area"] == area) & (frame["automatic label"] == label), "id"].iloc[0]


def _edited_ids(book: bytes) -> dict[str, str]:
    """The ids of the themes both edited codebooks change, by automatic label."""
    return {
        label: _id(book, area, label)
        for area, label in [
            (SOCIAL, "Pårørende"),
            (SOCIAL, "Kommende generationer"),
            (SOCIAL, "Inddragelse af unge"),
            (OPIT, "Kompetencer"),
            (VTF, "Infrastruktur"),
            (OPIT, "Teknologisk udvikling"),
        ]
    }


# "vandhåndtering", a key phrase of its group alone (a one-group theme), moved to Infrastruktur
MOVED = "605391d43322-00-u2"


@pytest.fixture(scope="module")
def edited_book(start_book):
    book = start_book
    ids = _edited_ids(book)
    book = _edit(
        book,
        THEMES_SHEET,
        [
            ({"id": ids["Pårørende"]}, "name", "Pårørende som ressource"),
            ({"id": ids["Pårørende"]}, "memo", "To grupper; skal drøftes med Pårørendeforeningen."),
            ({"id": ids["Kommende generationer"]}, "merge into", ids["Inddragelse af unge"]),
            ({"id": ids["Kompetencer"]}, "exclude", "yes"),
            ({"id": ids["Teknologisk udvikling"]}, "confirm", "ja"),
        ],
    )
    book = _edit(book, PHRASES_SHEET, [({"key phrase id": MOVED}, "move to theme", ids["Infrastruktur"])])
    return _append(
        book,
        THEMES_SHEET,
        {
            "id": "kommunikation-vtf",
            "core area": VTF,
            "name": "Åbenhed og kommunikation",
            "seeds": "gennemsigtighed, kommunikation",
        },
    )


def _yaml_edit(text: str, entry_id: str, field: str, value: str) -> str:
    start = text.index(f'- id: "{entry_id}"')
    at = text.index(f"  {field}:", start)
    return text[:at] + f"  {field}: {value}" + text[text.index("\n", at) :]


@pytest.fixture(scope="module")
def edited_yaml(analysis_2024, cfg_2024, start_book):
    """The same curation as ``edited_book``, in the YAML codebook."""
    text = codebook_text(analysis_2024.themes, analysis_2024.units, cfg_2024.seminar_label)
    ids = _edited_ids(start_book)
    text = _yaml_edit(text, ids["Pårørende"], "name", '"Pårørende som ressource"')
    text = _yaml_edit(text, ids["Pårørende"], "memo", '"To grupper; skal drøftes med Pårørendeforeningen."')
    text = _yaml_edit(
        text, ids["Kommende generationer"], "merge_into", json.dumps(ids["Inddragelse af unge"])
    )
    text = _yaml_edit(text, ids["Kompetencer"], "exclude", "true")
    text = _yaml_edit(text, ids["Teknologisk udvikling"], "confirm", "true")
    text = _yaml_edit(text, ids["Infrastruktur"], "pin", json.dumps([MOVED]))
    return text + (
        '- id: "kommunikation-vtf"\n  area: "Vækst, Teknik og Fællesskab"\n  name: "Åbenhed og '
        'kommunikation"\n  seeds: ["gennemsigtighed", "kommunikation"]\n'
    )


@pytest.fixture(scope="module")
def curated(analysis_2024, cfg_2024, edited_book, nlp):
    return curate_analysis(
        analysis_2024, cfg_2024, parse_codebook_xlsx(edited_book, "codebook.xlsx"), nlp=nlp
    )


@pytest.fixture(scope="module")
def pages(curated, cfg_2024):
    return render_seminar_pages(curated, cfg_2024)


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))


def test_starting_workbook_reads_back_as_the_yaml_codebook(analysis_2024, cfg_2024, start_book):
    book = parse_codebook_xlsx(start_book)
    yaml = parse_codebook(codebook_text(analysis_2024.themes, analysis_2024.units, cfg_2024.seminar_label))
    strip = lambda e: (e.id, e.area, e.key, e.phrases, e.statements, e.changes)  # noqa: E731
    assert [strip(e) for e in book.entries] == [strip(e) for e in yaml.entries]
    assert not any(e.changes for e in book.entries)
    assert (
        codebook_workbook(
            analysis_2024.themes,
            analysis_2024.units,
            cfg_2024.seminar_label,
            statements=analysis_2024.statements,
        )
        == start_book
    )


def test_starting_workbook_has_drop_downs_and_a_frozen_header(start_book):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(start_book))
    themes, phrases = wb[THEMES_SHEET], wb[PHRASES_SHEET]
    assert themes.freeze_panes == "A2" and themes["A1"].font.b and themes.auto_filter.ref
    ranges = {str(r) for dv in themes.data_validations.dataValidation for r in dv.sqref.ranges}
    header = {c.value: c.column_letter for c in themes[1]}
    assert any(r.startswith(header["exclude"]) for r in ranges) and any(
        r.startswith(header["merge into"]) for r in ranges
    )
    assert phrases.data_validations.dataValidation and MOVED in {c.value for c in phrases["A"]}


def test_workbook_curation_equals_yaml_curation(analysis_2024, cfg_2024, curated, edited_yaml, nlp):
    from_yaml = curate_analysis(analysis_2024, cfg_2024, parse_codebook(edited_yaml), nlp=nlp)
    pd.testing.assert_frame_equal(
        curated.themes.reset_index(drop=True), from_yaml.themes.reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(
        curated.units.reset_index(drop=True), from_yaml.units.reset_index(drop=True)
    )
    assert curated.curation.log["action"].tolist() == from_yaml.curation.log["action"].tolist()


def test_workbook_changes_show_in_the_themes_table(analysis_2024, curated):
    t = curated.themes
    social = t[t["core_area"] == SOCIAL].set_index("label")
    assert (
        social.at["Pårørende som ressource", "curated"]
        and "Pårørendeforeningen" in social.at["Pårørende som ressource", "memo"]
    )
    # merged: the target keeps its number (its label is read again from both themes' phrases)
    target = analysis_2024.themes.set_index("label").at["Inddragelse af unge", "topic"]
    merged = t[(t["core_area"] == SOCIAL) & (t["topic"] == target)].iloc[0]
    assert "Kommende generationer" not in social.index and merged["curated"]
    opit = t[t["core_area"] == OPIT].set_index("label")
    assert (
        "Kompetencer" not in opit.index and opit.at["Teknologisk udvikling", "curated"]
    )  # confirmed: curated, unchanged
    before = analysis_2024.themes[analysis_2024.themes["core_area"] == OPIT].set_index("label")
    assert opit.at["Teknologisk udvikling", "units"] == before.at["Teknologisk udvikling", "units"]
    vtf = t[t["core_area"] == VTF].set_index("label")
    assert MOVED in vtf.at["Infrastruktur", "units"].split() and vtf.at["Åbenhed og kommunikation", "curated"]
    assert not t.loc[t["label"] == "Kapacitet", "curated"].iloc[0]  # untouched: still a machine suggestion


def test_workbook_changes_show_in_html_markdown_docx_and_workbook(pages):
    html, md, docx = (
        pages["social-omsorg.html"],
        pages["social-omsorg.md"],
        _docx_text(pages["social-omsorg.docx"]),
    )
    for text in (html, md, docx):
        assert "Pårørende som ressource" in text and "Pårørendeforeningen" in text  # renamed, with a memo
        assert "Kurateret" in text and "Maskinforslag" in text
        assert "codebook.xlsx" in text and "række" in text  # the method appendix names the workbook's rows
        assert (
            "lagt sammen med" in text
            and "Kommende generationer" not in text.split("Tilbagevendende temaer")[1].split(ANALYST_PART)[0]
        )  # merged: no theme of the committee's part (the analyst's part names the merge)
    opit = pages["oekonomi-personale-og-it.docx"]
    for text in (
        pages["oekonomi-personale-og-it.html"],
        pages["oekonomi-personale-og-it.md"],
        _docx_text(opit),
    ):
        assert "udeladt som støj" in text and "bekræftet" in text.lower()  # excluded; confirmed
    for text in (pages["overblik.html"], pages["overblik.md"], _docx_text(pages["overblik.docx"])):
        assert (
            "(Kurateret)" in text and "(Maskinforslag)" in text
        )  # the merged target is a top point, curated
        assert (
            re.search(r"\b[1-9]\d? af \d+ temaer er kurateret", text) and "ret kodebogen" not in text
        )  # the committee edition: no how-to
        assert "Kompetencer" not in text
    sheets = {
        name: pd.read_excel(io.BytesIO(pages[THEMES_WORKBOOK]), sheet_name=name, dtype=str).fillna("")
        for name in ("Temaer", "Citater", "Noter")
    }
    themes = sheets["Temaer"].set_index("Tema")
    assert (
        themes.at["Pårørende som ressource", "Status"] == "Kurateret"
        and "Pårørendeforeningen" in themes.at["Pårørende som ressource", "Memo"]
    )
    assert themes.at["Kapacitet", "Status"] == "Maskinforslag"
    assert (
        "Kompetencer" not in themes.index
        and "Kommende generationer" not in themes.index
        and "Åbenhed og kommunikation" in themes.index
    )
    assert "Pårørende som ressource" in set(sheets["Citater"]["Tema"])


def test_themes_workbook_sheets(analysis_2024, cfg_2024):
    from openpyxl import load_workbook

    data = build_themes_workbook(analysis_2024, cfg_2024, recurring_from=cfg_2024.themes.min_groups)
    assert data == build_themes_workbook(
        analysis_2024, cfg_2024, recurring_from=cfg_2024.themes.min_groups
    )  # the same bytes for the same analysis
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Temaer", "Citater", "Noter"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws["A1"].font.b and ws.auto_filter.ref == ws.dimensions
        assert all(ws.column_dimensions[c].width > 5 for c in "ABC")
    themes = pd.read_excel(io.BytesIO(data), sheet_name="Temaer", dtype=str).fillna("")
    assert list(themes.columns[:3]) == ["Kerneområde", "Udvalg", "Tema"] and len(themes) == len(
        analysis_2024.themes
    )
    assert set(themes.loc[themes["Kerneområde"] == "Læring", "Udvalg"]) == {
        "Udvalg for Læring"
    }  # from seminar.toml
    assert set(themes.loc[themes["Kerneområde"] == SOCIAL, "Udvalg"]) == {""}  # not configured: empty
    assert set(themes["Status"]) == {"Maskinforslag"}
    notes = pd.read_excel(io.BytesIO(data), sheet_name="Noter", dtype=str)
    assert len(notes) == len(analysis_2024.notes) + len(analysis_2024.rejects)
    quotes = pd.read_excel(io.BytesIO(data), sheet_name="Citater", dtype=str)
    assert (
        quotes["Kilde"].str.contains("linje|række", regex=True).all()
        and quotes["Udsagns-id"].str.match(r"^[0-9a-f]{12}-\d+$").all()
    )


def test_a_note_that_looks_like_a_formula_stays_text(analysis_2024, cfg_2024):
    from dataclasses import replace

    from openpyxl import load_workbook

    notes = analysis_2024.notes.copy()
    notes.loc[0, "text"] = '=HYPERLINK("http://x","klik")'
    data = build_themes_workbook(
        replace(analysis_2024, notes=notes), cfg_2024, recurring_from=cfg_2024.themes.min_groups
    )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet3.xml").decode()
    assert "<f>" not in sheet
    assert load_workbook(io.BytesIO(data))["Noter"]["E2"].value.startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("sheet", "change", "words"),
    [
        (THEMES_SHEET, ("exclude", "måske"), ["column H (exclude)", "not yes or no"]),
        (THEMES_SHEET, ("merge into", "findes-ikke"), ["column I (merge into)", "findes-ikke", "no id"]),
        (THEMES_SHEET, ("id", "has space"), ["column A (id)", "no usable id"]),
        (THEMES_SHEET, ("seeds", "trafik"), ["column K (seeds)", "new themes"]),
        (
            PHRASES_SHEET,
            ("move to theme", "infrastruktur"),
            ["sheet Key phrases", "column G (move to theme)", "a theme of"],
        ),
    ],
    ids=["exclude-value", "merge-target", "bad-id", "seeds-on-found-theme", "move-across-areas"],
)
def test_a_bad_cell_is_one_message_with_sheet_row_column_and_fix(start_book, sheet, change, words):
    column, value = change
    # the first row of Social omsorg (a theme of another area than Infrastruktur)
    book = _edit(start_book, sheet, [({"core area": SOCIAL}, column, value)])
    with pytest.raises(CodebookError) as err:
        parse_codebook_xlsx(book, "data/raw/2024/codebook.xlsx")
    message = str(err.value)
    assert message.startswith(f"data/raw/2024/codebook.xlsx (sheet {sheet}, row 2, ") and "Fix:" in message
    for w in words:
        assert w in message


def test_a_file_that_is_no_workbook_is_one_message():
    with pytest.raises(CodebookError, match="cannot be read as an Excel workbook"):
        parse_codebook_xlsx(b"not a zip", "codebook.xlsx")


def test_yaml_and_workbook_beside_each_other_is_an_error(tmp_path, cfg_2024, start_book, analysis_2024):
    from dataclasses import replace

    from pipeline.io import read_codebook

    cfg = replace(cfg_2024, base_dir=tmp_path)
    (tmp_path / "codebook.xlsx").write_bytes(start_book)
    assert len(read_codebook(cfg).entries) == analysis_2024.themes["topic"].nunique()
    (tmp_path / "codebook.yaml").write_text("themes: []\n", encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        read_codebook(cfg)
    assert "both codebook.yaml and codebook.xlsx" in str(
        err.value
    ) and "Fix: keep the one you curate in" in str(err.value)


def test_pages_and_workbook_are_byte_identical_for_an_unchanged_workbook(
    analysis_2024, cfg_2024, edited_book, pages, nlp
):
    again = render_seminar_pages(
        curate_analysis(analysis_2024, cfg_2024, parse_codebook_xlsx(edited_book, "codebook.xlsx"), nlp=nlp),
        cfg_2024,
    )
    assert again.keys() == pages.keys() and all(again[k] == pages[k] for k in pages)


@pytest.mark.slow
def test_cli_curate_init_xlsx_then_run_twice(tmp_path):
    from tests.conftest import RAW_2024
    from tests.helpers import seminar_main as seminar

    raw = tmp_path / "data" / "raw" / "2024"
    raw.mkdir(parents=True)
    for name in ("seminar.toml", "budget-2025-foraarsseminar-opsamling.txt"):
        (raw / name).write_bytes((RAW_2024 / name).read_bytes())
    config = raw / "seminar.toml"
    proc = seminar(["curate", "init", "--config", config, "--xlsx"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    book = raw / "codebook.xlsx"
    data = book.read_bytes()
    yaml = seminar(["curate", "init", "--config", config], tmp_path)  # a second codebook beside it is refused
    assert (
        yaml.returncode == 1
        and "codebook.xlsx" in yaml.stderr
        and "Fix:" in yaml.stderr
        and not (raw / "codebook.yaml").exists()
    )
    # a bad cell stops the run before anything is written
    book.write_bytes(_edit(data, THEMES_SHEET, [({"automatic label": "Pårørende"}, "exclude", "kanske")]))
    bad = seminar(["run", "--config", config], tmp_path)
    assert (
        bad.returncode == 1
        and "codebook.xlsx (sheet Themes, row" in bad.stderr
        and "(exclude)" in bad.stderr
        and "Traceback" not in bad.stderr
    )
    assert not (tmp_path / "reports" / "2024").exists()
    named = _edit(data, THEMES_SHEET, [({"automatic label": "Pårørende"}, "name", "Pårørende som ressource")])
    book.write_bytes(named)
    proc = seminar(["run", "--config", config], tmp_path)
    assert proc.returncode == 0, proc.stderr
    reports = tmp_path / "reports" / "2024"
    first = {p.name: p.read_bytes() for p in reports.iterdir()}
    themes = pd.read_excel(reports / THEMES_WORKBOOK, sheet_name="Temaer", dtype=str).set_index("Tema")
    assert themes.at["Pårørende som ressource", "Status"] == "Kurateret"
    assert "Pårørende som ressource" in (tmp_path / "data" / "processed" / "2024" / "themes.csv").read_text(
        encoding="utf-8"
    )
    assert book.read_bytes() == named  # the run never writes data/raw
    proc = seminar(["run", "--config", config], tmp_path)
    assert proc.returncode == 0, proc.stderr
    again = {p.name: p.read_bytes() for p in reports.iterdir()}
    assert again.keys() == first.keys() and [k for k in first if first[k] != again[k]] == []
