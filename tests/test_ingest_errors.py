"""Bad input: every message names the file and the place, and no note is lost silently."""

from __future__ import annotations

import pytest

from pipeline.errors import InputError
from pipeline.ingest import SourceFile, ingest, read_source
from tests.helpers import docx_bytes, xlsx_bytes


def _error(result, i=0):
    assert result.files[i].error, "expected the file to be reported as unreadable"
    return result.files[i].error


def test_missing_required_column_lists_found_columns_and_aliases(tiny_cfg):
    data = "område;gruppenavn;tekst\nSocial omsorg;1;Noget\n".encode()
    with pytest.raises(InputError) as info:
        read_source(SourceFile("noter.csv", data), tiny_cfg)
    msg = str(info.value)
    assert msg.startswith("noter.csv (header row):")
    assert "missing required column(s) group" in msg
    assert "'område', 'gruppenavn', 'tekst'" in msg
    assert "gruppe" in msg and "bord" in msg  # accepted aliases
    assert "[input.columns]" in msg  # the fix


def test_configured_column_name_is_accepted(tiny_cfg):
    from dataclasses import replace

    cfg = replace(tiny_cfg, input=replace(tiny_cfg.input, columns={"group": "Gruppenavn"}))
    data = "område;gruppenavn;tekst\nSocial omsorg;1;Noget om frivillige\n".encode()
    result = ingest([SourceFile("noter.csv", data)], cfg)
    assert list(result.notes.group) == [1]


@pytest.mark.parametrize("name", ["tom.csv", "tom.xlsx", "tom.docx", "tom.pdf", "tom.txt", "tom.md"])
def test_empty_file_is_named(tiny_cfg, name):
    result = ingest([SourceFile(name, b"")], tiny_cfg)
    assert _error(result).startswith(f"{name} (whole file): the file is empty")
    assert not result.ok


def test_header_only_csv(tiny_cfg):
    result = ingest([SourceFile("kun-overskrift.csv", "kerneområde,gruppe,tekst\n".encode())], tiny_cfg)
    assert "header row but no notes" in _error(result)


def test_empty_text_is_rejected_and_the_run_goes_on(tiny_cfg, tiny_csv_bytes):
    data = tiny_csv_bytes + "Læring;4;   \n".encode()
    result = ingest([SourceFile("noter.csv", data)], tiny_cfg)
    assert len(result.notes) == 6
    assert len(result.rejects) == 1
    reject = result.rejects.iloc[0]
    assert reject.source_file == "noter.csv" and reject.source_ref == "line 8" and reject.group == "4"
    assert reject.reason.startswith("empty text")
    manifest = result.manifest()
    assert manifest["notes_accepted"] == 6 and manifest["notes_rejected"] == 1
    assert manifest["rejected"][0]["reason"].startswith("empty text")


def test_duplicate_group_names_both_places(tiny_cfg, tiny_csv_bytes):
    data = tiny_csv_bytes + "Social omsorg;Gruppe 2;En anden tekst om frivillige.\n".encode()
    result = ingest([SourceFile("noter.csv", data)], tiny_cfg)
    assert len(result.notes) == 6
    reason = result.rejects.iloc[0].reason
    assert result.rejects.iloc[0].source_ref == "line 8"
    assert "duplicate" in reason and "group 2 in 'Social omsorg'" in reason and "noter.csv (line 3)" in reason


def test_same_notes_in_two_files_are_rejected_as_copies(tiny_cfg, tiny_csv_bytes):
    result = ingest([SourceFile("a.csv", tiny_csv_bytes), SourceFile("b.csv", tiny_csv_bytes)], tiny_cfg)
    assert len(result.notes) == 6 and len(result.rejects) == 6
    assert all("exact copy" in r and "a.csv" in r for r in result.rejects.reason)


def test_unknown_core_area_is_rejected_with_a_suggestion(tiny_cfg, tiny_csv_bytes):
    data = tiny_csv_bytes + "Social omsorgg;4;Noget om frivillige.\nSkole;4;Noget om trivsel.\n".encode()
    result = ingest([SourceFile("noter.csv", data)], tiny_cfg)
    assert len(result.rejects) == 1  # "Skole" is a configured alias of Læring
    reason = result.rejects.iloc[0].reason
    assert "unknown core area 'Social omsorgg'" in reason and "Did you mean 'Social omsorg'?" in reason
    assert "[[core_areas]]" in reason
    assert ("Læring", 4) in set(zip(result.notes.core_area, result.notes.group))


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_csv_in_legacy_encodings_keeps_danish_letters(tiny_cfg, encoding):
    text = "Kerneområde;Gruppe;Tekst\nLæring;1;Gruppe 1 ønskede større fællesskab for små børn.\n"
    result = ingest([SourceFile("noter.csv", text.encode(encoding))], tiny_cfg)
    assert list(result.notes.text) == ["Gruppe 1 ønskede større fællesskab for små børn."]
    assert result.files[0].details["encoding"] in {"cp1252", "latin-1"}


def test_misaligned_csv_row_is_rejected_with_its_line_and_the_file_goes_on(tiny_cfg):
    data = "kerneområde,gruppe,tekst\nLæring,1,en,to,tre\nLæring,2,Trivsel i skolen.\n".encode()
    result = ingest([SourceFile("skæv.csv", data)], tiny_cfg)
    assert result.files[0].error is None
    assert list(result.notes.group) == [2]
    assert list(result.rejects.source_ref) == ["line 2"]
    assert result.rejects.iloc[0].reason.startswith(
        "the row has 5 fields but the header has 3 (separator ',')"
    )


def test_docx_that_is_not_a_docx(tiny_cfg):
    result = ingest([SourceFile("noter.docx", "Gruppe 1 talte om frivillige".encode())], tiny_cfg)
    assert _error(result).startswith(
        "noter.docx (whole file): this is a text file (a CSV table or plain text), not a Word document"
    )


def test_broken_docx_package(tiny_cfg):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not a document")
    result = ingest([SourceFile("noter.docx", buf.getvalue())], tiny_cfg)
    assert _error(result).startswith("noter.docx (whole file): the Word document is damaged")


def test_pdf_that_is_not_a_pdf(tiny_cfg):
    result = ingest([SourceFile("opsamling.pdf", b"PK\x03\x04 this is a zip")], tiny_cfg)
    assert _error(result).startswith("opsamling.pdf (whole file): this is not a PDF")


def test_truncated_pdf(tiny_cfg, seed_text):
    from tests.helpers import pdf_bytes_from_text

    data = pdf_bytes_from_text("Gruppe 1 talte om frivillige.")
    result = ingest([SourceFile("opsamling.pdf", data[: len(data) // 3])], tiny_cfg)
    assert _error(result).startswith("opsamling.pdf (whole file)")


def test_xlsx_that_is_not_a_workbook(tiny_cfg):
    result = ingest([SourceFile("noter.xlsx", "kerneområde;gruppe;tekst".encode())], tiny_cfg)
    assert _error(result).startswith(
        "noter.xlsx (whole file): this is a text file (a CSV table or plain text), not an Excel workbook"
    )


NOTES_SHEET = [
    ["Kerneområde", "Bord", "Note"],
    ["Læring", 1, "Gruppe 1 talte om trivsel."],
    ["Læring", 2, "Gruppe 2 talte om mobning."],
]


def test_xlsx_with_several_sheets_and_no_choice_lists_them(tiny_cfg):
    data = xlsx_bytes({"Noter": NOTES_SHEET, "Kopi": NOTES_SHEET})
    result = ingest([SourceFile("noter.xlsx", data)], tiny_cfg)
    msg = _error(result)
    assert "several sheets ('Noter', 'Kopi')" in msg and '[input] sheet = "Noter"' in msg


def test_xlsx_picks_the_configured_sheet(tiny_cfg):
    from dataclasses import replace

    data = xlsx_bytes({"Forside": [["Budgetseminar"]], "Noter": NOTES_SHEET, "Kopi": NOTES_SHEET})
    cfg = replace(tiny_cfg, input=replace(tiny_cfg.input, sheet="Kopi"))
    result = ingest([SourceFile("noter.xlsx", data)], cfg)
    assert list(result.notes.group) == [1, 2]
    assert result.notes.source_ref.tolist() == ["sheet 'Kopi', row 2", "sheet 'Kopi', row 3"]
    cfg_missing = replace(tiny_cfg, input=replace(tiny_cfg.input, sheet="Ark9"))
    msg = _error(ingest([SourceFile("noter.xlsx", data)], cfg_missing))
    assert "sheet 'Ark9'" in msg and "Forside, Noter, Kopi" in msg


def test_xlsx_finds_the_one_sheet_that_holds_notes(tiny_cfg):
    data = xlsx_bytes({"Forside": [["Budgetseminar 2025"]], "Noter": NOTES_SHEET})
    result = ingest([SourceFile("noter.xlsx", data)], tiny_cfg)
    assert result.files[0].details == {"sheet": "Noter"}
    assert list(result.notes.text) == ["Gruppe 1 talte om trivsel.", "Gruppe 2 talte om mobning."]


def test_unsupported_and_old_formats(tiny_cfg):
    result = ingest(
        [
            SourceFile("noter.doc", b"x"),
            SourceFile("noter.odt", b"x"),
            SourceFile("n.rtf", b"x"),
            SourceFile("n.png", b"x"),
        ],
        tiny_cfg,
    )
    for i in range(3):  # Word's older and other formats: the format to save them in
        assert "save it as .docx" in _error(result, i)
    assert "unsupported file type '.png'" in _error(result, 3)


def test_a_bad_file_does_not_stop_the_others(tiny_cfg, tiny_csv_bytes):
    result = ingest([SourceFile("tom.csv", b""), SourceFile("noter.csv", tiny_csv_bytes)], tiny_cfg)
    assert result.ok and len(result.notes) == 6
    assert result.manifest()["files"][0]["error"].startswith("tom.csv")


def test_docx_with_headings_and_group_paragraphs(tiny_cfg):
    data = docx_bytes(
        [
            ("h", "Social omsorg"),
            ("p", "Gruppe 1 talte om frivillige i ældreplejen."),
            ("p", "Gruppe 2:"),
            ("p", "• koordinering af frivillige"),
            ("p", "• pårørende som ressource"),
            ("h", "Læring"),
            ("p", "Gruppe 1 drøftede trivsel."),
        ]
    )
    result = ingest([SourceFile("noter.docx", data)], tiny_cfg)
    got = list(zip(result.notes.core_area, result.notes.group, result.notes.text, strict=True))
    assert got == [
        ("Social omsorg", 1, "Gruppe 1 talte om frivillige i ældreplejen."),
        ("Social omsorg", 2, "• koordinering af frivillige\n• pårørende som ressource"),
        ("Læring", 1, "Gruppe 1 drøftede trivsel."),
    ]
    assert result.notes.source_ref.iloc[0] == "paragraph 2"


def test_docx_with_a_table_per_area(tiny_cfg):
    data = docx_bytes(
        [
            ("h", "Læring"),
            ("t", [["Gruppe", "Tekst"], ["1", "Trivsel i klassen."], ["2", "Praktisk undervisning."]]),
            ("t", [["Kerneområde", "Gruppe", "Tekst"], ["Social omsorg", "3", "Frivillige på plejehjem."]]),
        ]
    )
    result = ingest([SourceFile("noter.docx", data)], tiny_cfg)
    got = list(zip(result.notes.core_area, result.notes.group, result.notes.source_ref, strict=True))
    assert got == [
        ("Social omsorg", 3, "table 2, row 2"),
        ("Læring", 1, "table 1, row 2"),
        ("Læring", 2, "table 1, row 3"),
    ]


def test_markdown_files_one_per_table(tiny_cfg):
    bord1 = (
        "# Social omsorg\n\nVi talte om frivillige.\n\n- koordinering\n- unge frivillige\n\n# "
        "Læring\n\nTrivsel og mobning.\n"
    )
    bord2 = "---\ngruppe: 2\n---\n## Læring\nPraktisk undervisning.\n"
    result = ingest(
        [SourceFile("noter/bord-1.md", bord1.encode()), SourceFile("noter/andet.md", bord2.encode())],
        tiny_cfg,
    )
    got = list(zip(result.notes.core_area, result.notes.group, result.notes.text, strict=True))
    assert got == [
        ("Social omsorg", 1, "Vi talte om frivillige.\n\n- koordinering\n- unge frivillige"),
        ("Læring", 1, "Trivsel og mobning."),
        ("Læring", 2, "Praktisk undervisning."),
    ]


def test_markdown_without_group_says_how_to_give_one(tiny_cfg):
    result = ingest([SourceFile("noter.md", "# Læring\nTrivsel.\n".encode())], tiny_cfg)
    assert _error(result).startswith("noter.md (line 2): the note has no group number")


def test_summary_text_without_group_paragraphs(tiny_cfg):
    result = ingest([SourceFile("andet.txt", "Et referat uden grupper.\n".encode())], tiny_cfg)
    assert "andet.txt" in _error(result) and "no group number" in _error(result)
