"""Groups with a name instead of a number (issue 36): read in every format, kept as written,
numbered by a stable ordinal after the numbered groups, in natural order."""

from __future__ import annotations

import io
import re

import pytest

from pipeline.ingest import SourceFile, ingest
from pipeline.ingest._notes import group_sort_key, parse_group_name
from tests.helpers import docx_bytes


def _groups(result) -> list[tuple[str, int, str]]:
    return list(zip(result.notes.core_area, result.notes.group, result.notes.group_name, strict=True))


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Bord A", "Bord A"),
        ("Gruppe  Rød", "Gruppe Rød"),
        ("S 24", "S 24"),
        ("Rød", "Rød"),
        ("bord b", "bord b"),
    ],
)
def test_a_group_name_is_kept_as_written(written, name):
    assert parse_group_name(written) == name


@pytest.mark.parametrize("written", ["", "x", "?", "3", "Gruppe 3", "IIII", "Gruppe IIII", "A" * 41])
def test_not_a_group_name(written):
    assert parse_group_name(written) is None


def test_natural_order_of_names():
    names = ["S 10", "bord b", "S 2", "Bord A", "Gruppe Rød", "Bord Å", "Bord Ø", "Bord Æ", "Bord Z"]
    assert sorted(names, key=group_sort_key) == [
        "Bord A",
        "bord b",
        "Bord Z",
        "Bord Æ",
        "Bord Ø",
        "Bord Å",
        "Gruppe Rød",
        "S 2",
        "S 10",
    ]


def test_csv_with_named_groups_and_numbers(tiny_cfg):
    csv = (
        "kerneområde,gruppe,tekst\n"
        "Læring,Gruppe Rød,Trivsel i frikvarteret.\n"
        "Læring,Bord B,Lektiehjælp efter skole.\n"
        "Læring,2,Bevægelse i timerne.\n"
        "Læring,Bord A,Praktisk undervisning.\n"
        "Social omsorg,Bord A,Frivillige i ældreplejen.\n"
    )
    result = ingest([SourceFile("noter.csv", csv.encode())], tiny_cfg)
    assert result.rejects.empty
    assert _groups(result) == [
        ("Social omsorg", 3, "Bord A"),
        ("Læring", 2, ""),
        ("Læring", 3, "Bord A"),
        ("Læring", 4, "Bord B"),
        ("Læring", 5, "Gruppe Rød"),
    ]


def test_ordinals_do_not_depend_on_reading_order(tiny_cfg):
    a = "kerneområde,gruppe,tekst\nLæring,S 10,Trivsel i frikvarteret.\nLæring,1,Bevægelse i timerne.\n"
    b = "kerneområde,gruppe,tekst\nLæring,S 2,Lektiehjælp efter skole.\n"
    one = ingest([SourceFile("a.csv", a.encode()), SourceFile("b.csv", b.encode())], tiny_cfg)
    two = ingest([SourceFile("b.csv", b.encode()), SourceFile("a.csv", a.encode())], tiny_cfg)
    assert _groups(one) == _groups(two) == [("Læring", 1, ""), ("Læring", 2, "S 2"), ("Læring", 3, "S 10")]
    assert sorted(one.notes.note_id) == sorted(two.notes.note_id)


def test_a_duplicate_name_in_one_area_is_rejected_with_its_reason(tiny_cfg):
    csv = (
        "kerneområde,gruppe,tekst\nLæring,Bord A,Trivsel i frikvarteret.\nLæring,bord  a,Lektiehjælp efter "
        "skole.\n"
    )
    result = ingest([SourceFile("noter.csv", csv.encode())], tiny_cfg)
    assert len(result.notes) == 1 and len(result.rejects) == 1
    reason = result.rejects.reason[0]
    assert (
        reason.startswith("duplicate: a second note for the same group as group 'bord a' in 'Læring'")
        and "group name" in reason
    )


def test_docx_headings_and_paragraphs_with_names(tiny_cfg):
    docx = docx_bytes(
        [
            ("h", "Læring"),
            ("h", "Bord A"),
            ("p", "Praktisk undervisning og bevægelse."),
            ("p", "Gruppe Rød: Trivsel i frikvarteret."),
            ("p", "Gruppe 1 talte om lektier."),
        ]
    )
    result = ingest([SourceFile("noter.docx", docx)], tiny_cfg)
    assert result.rejects.empty
    assert _groups(result) == [("Læring", 1, ""), ("Læring", 2, "Bord A"), ("Læring", 3, "Gruppe Rød")]
    assert list(result.notes.text) == [
        "Gruppe 1 talte om lektier.",
        "Praktisk undervisning og bevægelse.",
        "Gruppe Rød Trivsel i frikvarteret.",
    ]


def test_markdown_headings_paragraphs_and_file_names_with_names(tiny_cfg):
    md = "# Læring\n\n## Bord A\n\nPraktisk undervisning.\n\nGruppe Rød: Trivsel i frikvarteret.\n"
    own = "---\nkerneområde: Social omsorg\n---\nFrivillige i ældreplejen.\n"
    result = ingest(
        [SourceFile("noter.md", md.encode()), SourceFile("noter/bord-b.md", own.encode())], tiny_cfg
    )
    assert result.rejects.empty
    assert _groups(result) == [
        ("Social omsorg", 2, "Bord B"),
        ("Læring", 1, "Bord A"),
        ("Læring", 3, "Gruppe Rød"),
    ]


def test_summary_text_with_named_group_paragraphs(tiny_cfg):
    summary = (
        "Læring\n\nGruppe Rød: Trivsel i frikvarteret og leg.\n\nGruppe Blå: Lektiehjælp efter skole.\n\n"
        "Social omsorg\n\nGruppe Rød: Frivillige i ældreplejen.\n\nGruppe 4 talte om besøgsvenner.\n"
    )
    result = ingest([SourceFile("referat.txt", summary.encode())], tiny_cfg)
    assert result.rejects.empty
    assert _groups(result) == [
        ("Social omsorg", 4, ""),
        ("Social omsorg", 6, "Gruppe Rød"),
        ("Læring", 5, "Gruppe Blå"),
        ("Læring", 6, "Gruppe Rød"),
    ]


def test_a_sentence_opening_with_the_word_is_no_group_name(tiny_cfg):
    md = "---\nkerneområde: Læring\ngruppe: 1\n---\nBord Alle var enige om trivsel.\n"
    result = ingest([SourceFile("noter.md", md.encode())], tiny_cfg)
    assert _groups(result) == [("Læring", 1, "")]


@pytest.fixture(scope="module")
def named_analysis(danish_nlp):
    """A tiny seminar whose Læring groups have names (and one a number).

    ``(cfg, result, analysis, pages)``.
    """
    from pipeline.config import parse_config
    from tests.conftest import TINY_TOML
    from tests.helpers import analyse_rows

    cfg = parse_config(TINY_TOML)
    rows = [
        "kerneområde;gruppe;tekst",
        'Social omsorg;1;"Koordinering af frivillige er svær. Pårørende vil gerne hjælpe."',
        'Social omsorg;2;"Koordinering af frivillige kræver en fast kontaktperson."',
        'Læring;Bord B;"Mobning skal forebygges med fællesskab i klassen. Praktisk undervisning motiverer."',
        'Læring;Gruppe Rød;"Mobning skal forebygges tidligt. Trivsel i klassen kræver fællesskab."',
        'Læring;Bord A;"Mobning skal forebygges. Fællesskab i klassen giver trivsel."',
        'Læring;2;"Praktisk undervisning og trivsel hænger sammen."',
    ]
    result, analysis, pages = analyse_rows(rows, cfg, nlp=danish_nlp)
    return cfg, result, analysis, pages


def test_pages_and_workbook_name_the_groups_as_written(named_analysis):
    from openpyxl import load_workbook

    _, result, analysis, pages = named_analysis
    assert _groups(result)[2:] == [
        ("Læring", 2, ""),
        ("Læring", 3, "Bord A"),
        ("Læring", 4, "Bord B"),
        ("Læring", 5, "Gruppe Rød"),
    ]
    html, md = str(pages["laering.html"]), str(pages["laering.md"])
    for page in (html, md):
        for name in ("Bord A", "Bord B", "Gruppe Rød", "Gruppe 2"):
            assert name in page
        # an ordinal is never shown as if it were the group's number
        assert not re.search(r"[Gg]ruppe [345]\b|gr\. [345]\b", page)
    themes = analysis.themes[analysis.themes["core_area"] == "Læring"]
    top = themes.sort_values("n_groups", ascending=False).iloc[0]
    assert int(top.n_groups) >= 2 and int(top.n_groups_total) == 4
    names = {2: "gruppe 2", 3: "Bord A", 4: "Bord B", 5: "Gruppe Rød"}
    listed = [names[int(g)] for g in top.groups.split()]
    assert f"{top.n_groups} af 4 grupper ({', '.join(listed[:-1])} og {listed[-1]})" in html
    wb = load_workbook(io.BytesIO(pages["temaer.xlsx"]))
    notes_sheet = [[c.value for c in row] for row in wb["Noter"].iter_rows(min_row=2)]
    assert [r[1] for r in notes_sheet if r[0] == "Læring"] == [2, "Bord A", "Bord B", "Gruppe Rød"]
    themes_sheet = [[c.value for c in row] for row in wb["Temaer"].iter_rows(min_row=2)]
    row = next(r for r in themes_sheet if r[0] == "Læring" and r[2] == top.label)
    assert row[5] == ", ".join(n if n.startswith(("Bord", "Gruppe")) else n.split()[-1] for n in listed)


def test_a_group_name_goes_through_the_redactor(tiny_cfg):
    from dataclasses import replace

    from pipeline.config import PrivacyConfig

    cfg = replace(tiny_cfg, privacy=PrivacyConfig(names=("Hanne Jensen",)))
    csv = "kerneområde,gruppe,tekst\nLæring,Bord Hanne Jensen,Trivsel i frikvarteret.\n"
    docx = docx_bytes([("h", "Læring"), ("h", "Gruppe Hanne"), ("p", "Lektiehjælp efter skole.")])
    result = ingest([SourceFile("noter.csv", csv.encode()), SourceFile("noter.docx", docx)], cfg)
    assert result.rejects.empty
    assert sorted(result.notes.group_name) == ["Bord [navn]", "Gruppe [navn]"]
    assert "Hanne" not in str(result.manifest())


def test_lettered_groups_keep_i_and_v_as_letters(tiny_cfg):
    csv = "kerneområde,gruppe,tekst\n" + "".join(
        f"Læring,{g},Trivsel hos gruppe {g}.\n" for g in ("A", "I", "V", "Bord C")
    )
    result = ingest(
        [
            SourceFile("noter.csv", csv.encode()),
            SourceFile("bord-x.md", b"---\nkerneomr\xc3\xa5de: L\xc3\xa6ring\n---\nLektier.\n"),
        ],
        tiny_cfg,
    )
    assert result.rejects.empty
    assert list(result.notes.group_name) == ["A", "Bord C", "Bord X", "I", "V"]
    roman = "kerneområde,gruppe,tekst\nLæring,Gruppe I,Trivsel.\nLæring,V,Lektier.\n"
    assert sorted(ingest([SourceFile("noter.csv", roman.encode())], tiny_cfg).notes.group) == [1, 5]


def test_one_display_of_a_group():
    from pipeline.report.wording import group_label, group_names, groups_text

    names = group_names([2, 5, 6, 5], ["", "Bord A", "Gruppe Rød", "Bord A"])
    assert names == {5: "Bord A", 6: "Gruppe Rød"}
    assert (group_label(3), group_label(3, names, capital=True), group_label(5, names)) == (
        "gruppe 3",
        "Gruppe 3",
        "Bord A",
    )
    assert groups_text([1, 2, 4]) == "gruppe 1, 2 og 4" and groups_text([1, 2], short=True) == "gr. 1 og 2"
    assert groups_text([5, 6], names) == groups_text([5, 6], names, short=True) == "Bord A og Gruppe Rød"
    assert groups_text([2, 5], names) == "gruppe 2 og Bord A"


def test_notes_stored_before_groups_had_names_are_read_as_numbered(tmp_path, tiny_cfg):
    from pipeline.io.files import read_table
    from pipeline.schemas import Notes

    csv = "kerneområde,gruppe,tekst\nLæring,1,Trivsel i frikvarteret.\n"
    notes = ingest([SourceFile("noter.csv", csv.encode())], tiny_cfg).notes
    (tmp_path / "notes.csv").write_text(
        notes.drop(columns="group_name").to_csv(index=False), encoding="utf-8"
    )
    back = read_table(tmp_path / "notes.csv", Notes)
    assert list(back.columns) == list(notes.columns) and list(back.group_name) == [""]


def test_a_name_column_names_the_numbered_groups_and_keeps_their_numbers(tiny_cfg):
    csv = (
        "kerneområde,gruppe,parti,tekst\n"
        "Læring,1,A,Trivsel i frikvarteret.\n"
        "Læring,2,Ø,Lektiehjælp efter skole.\n"
        "Social omsorg,2,Ø,Frivillige i ældreplejen.\n"
        "Social omsorg,10,V,Pårørende som ressource.\n"
    )
    result = ingest([SourceFile("noter.csv", csv.encode())], tiny_cfg)
    assert result.rejects.empty
    assert sorted(_groups(result)) == [
        ("Læring", 1, "A"),
        ("Læring", 2, "Ø"),
        ("Social omsorg", 2, "Ø"),
        ("Social omsorg", 10, "V"),
    ]
    plain = csv.replace(",parti", "").replace(",A,", ",").replace(",Ø,", ",").replace(",V,", ",")
    unnamed = ingest([SourceFile("noter.csv", plain.encode())], tiny_cfg)
    assert list(unnamed.notes.note_id) == list(result.notes.note_id)  # a name changes no note's id


def test_a_name_column_that_disagrees_with_the_numbers_names_no_group(tiny_cfg):
    csv = (
        "kerneområde,gruppenavn,gruppe,tekst\n"
        "Læring,Bord A,1,Trivsel i frikvarteret.\n"
        "Social omsorg,Bord B,1,Frivillige i ældreplejen.\n"  # group 1 is "A" and "B": no name is true
        "Læring,Bord C,2,Lektiehjælp efter skole.\n"
        "Social omsorg,Bord C,3,Pårørende som ressource.\n"  # "C" names groups 2 and 3
        "Læring,Bord D,4,Bevægelse i timerne.\n"
        "Social omsorg,bord  d,4,Besøgsvenner.\n"  # one name written two ways: the first in natural order
    )
    result = ingest([SourceFile("noter.csv", csv.encode())], tiny_cfg)
    assert result.rejects.empty
    assert sorted(set(zip(result.notes.group, result.notes.group_name, strict=True))) == [
        (1, ""),
        (2, ""),
        (3, ""),
        (4, "Bord D"),
    ]


def test_a_redacted_name_in_the_name_column_leaves_the_group_its_number(tiny_cfg):
    from dataclasses import replace

    from pipeline.config import PrivacyConfig

    cfg = replace(tiny_cfg, privacy=PrivacyConfig(names=("Hanne Jensen",)))
    csv = (
        "kerneområde,gruppe,gruppenavn,tekst\n"
        "Læring,1,Hanne Jensen,Trivsel.\n"
        "Læring,2,Hanne Jensen,Lektier.\n"
    )
    result = ingest([SourceFile("noter.csv", csv.encode())], cfg)
    assert result.rejects.empty
    assert _groups(result) == [("Læring", 1, ""), ("Læring", 2, "")]
    assert "Hanne" not in str(result.manifest())
