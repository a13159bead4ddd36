"""Hostile but realistic input: nothing leaked, nothing lost, never "unexpected" (issue 23)."""

from __future__ import annotations

import pytest

from pipeline.ingest import SourceFile, ingest


def test_markup_is_masked_with_the_same_length():
    from pipeline.ingest._text import mask_markup

    text = 'Trivsel <script>alert(7)</script> og <b>frivillige</b> &amp; [link](javascript:alert(2)) her'
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert "alert" not in masked and "script" not in masked and "javascript" not in masked
    assert "Trivsel" in masked and "frivillige" in masked and "[link]" in masked and masked.endswith(" her")


def test_long_text_is_cut_at_sentence_ends_and_joins_back():
    from pipeline.ingest._text import cut_long_text, nlp_blocks

    text = "Frivillige hjælper i ældreplejen. " * 5000
    pieces = cut_long_text(text, limit=1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith(". ") for p in pieces[:-1])
    assert cut_long_text("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]
    assert [b for _, b in nlp_blocks(["a" * 5, "b"])] == ["a" * 5, "b"]


def test_markup_in_a_note_is_quoted_but_is_no_theme_word(tiny_cfg):
    from tests.helpers import analyse_rows

    rows = [
        "kerneområde;gruppe;tekst",
        'Læring;1;"<script>alert(7)</script> Trivsel i klassen kræver voksne. <script>alert(7)</script>"',
        'Læring;2;"<script>alert(7)</script> Trivsel i klassen og mobning. <script>alert(7)</script>"',
        'Læring;3;"<script>alert(7)</script> Trivsel og fællesskab i klassen. <script>alert(7)</script>"',
    ]
    _, analysis, _ = analyse_rows(rows, tiny_cfg)
    labels = " ".join(analysis.themes["label"].astype(str)).lower()
    assert "alert" not in labels and "script" not in labels
    assert "alert" not in " ".join(analysis.statements["content_lemmas"]).lower()
    assert any("<script>alert(7)</script>" in t for t in analysis.statements["text"])  # quoted as written


def _xlsx(build) -> bytes:
    import io

    from openpyxl import Workbook

    wb = Workbook()
    build(wb.active)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_header_under_title_rows_is_found(tiny_cfg):
    def build(ws):
        ws.append(["Budgetseminar 2025"])
        ws.append(["Opsamling fra grupperne"])
        ws.append(["Kerneområde", "Gruppe", "Tekst"])
        ws.append(["Læring", 1, "Trivsel i klassen."])

    result = ingest([SourceFile("n.xlsx", _xlsx(build))], tiny_cfg)
    assert list(result.notes.text) == ["Trivsel i klassen."]
    assert result.notes.source_ref[0] == "sheet 'Sheet', row 4"
    assert result.files[0].details["header_row"] == 3


def test_xlsx_header_row_can_be_configured_and_is_named_when_not_found(tiny_cfg):
    from dataclasses import replace

    def build(ws):
        for i in range(25):
            ws.append([f"titel {i}"])
        ws.append(["Kerneområde", "Gruppe", "Tekst"])
        ws.append(["Læring", 1, "Trivsel i klassen."])

    data = _xlsx(build)
    error = ingest([SourceFile("n.xlsx", data)], tiny_cfg).files[0].error
    assert "no row names the note columns" in error and "[input] header_row" in error and "rename the column" in error
    cfg = replace(tiny_cfg, input=replace(tiny_cfg.input, header_row=26))
    assert list(ingest([SourceFile("n.xlsx", data)], cfg).notes.group) == [1]


def test_xlsx_vertically_merged_core_area_belongs_to_every_row(tiny_cfg):
    def build(ws):
        ws.append(["Kerneområde", "Gruppe", "Tekst"])
        for g in range(1, 6):
            ws.append(["Læring" if g == 1 else None, g, f"Trivsel og fællesskab {g}."])
        ws.merge_cells("A2:A6")

    result = ingest([SourceFile("n.xlsx", _xlsx(build))], tiny_cfg)
    assert len(result.notes) == 5 and set(result.notes.core_area) == {"Læring"} and result.rejects.empty


def test_xlsx_formulas_without_saved_values_say_open_and_save_in_excel(tiny_cfg):
    def build(ws):
        ws.append(["Kerneområde", "Gruppe", "Tekst"])
        ws.append(["Læring", 1, "Trivsel i klassen."])
        ws.append(["Læring", "=B2+1", '=CONCATENATE("Trivsel ", "og mobning")'])

    result = ingest([SourceFile("n.xlsx", _xlsx(build))], tiny_cfg)
    assert len(result.notes) == 1
    reason = result.rejects.reason[0]
    assert "B3, C3" in reason and "formula without a saved value" in reason and "open the workbook in Excel and save it" in reason


def test_more_than_999_groups_states_the_limit(tiny_cfg):
    data = "kerneområde;gruppe;tekst\nLæring;1000;Trivsel i klassen.\n".encode()
    reason = ingest([SourceFile("n.csv", data)], tiny_cfg).rejects.reason[0]
    assert "1000" in reason and "999" in reason


def test_columns_of_a_file_that_is_no_notes_file_are_not_quoted(tiny_cfg):
    data = b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    result = ingest([SourceFile("noter.csv", data)], tiny_cfg)
    assert "root" not in result.files[0].error and "not quoted" in result.files[0].error
    assert "root:x" not in str(result.manifest()) and "root:x" not in str(result.method_lines())


def test_password_protected_pdf_says_so(tiny_cfg):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 5, "Gruppe 1 talte om trivsel")
    pdf.set_encryption(owner_password="ejer", user_password="bruger")
    error = ingest([SourceFile("noter.pdf", bytes(pdf.output()))], tiny_cfg).files[0].error
    assert "protected with a password" in error and "damaged" not in error
