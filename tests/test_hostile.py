"""Hostile but realistic input: nothing leaked, nothing lost, never "unexpected" (issue 23)."""

from __future__ import annotations

import pytest

from pipeline.ingest import SourceFile, ingest


def test_markup_is_masked_with_the_same_length():
    from pipeline.ingest._text import mask_markup

    text = "Trivsel <script>alert(7)</script> og <b>frivillige</b> &amp; [link](javascript:alert(2)) her"
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
    assert (
        "no row names the note columns" in error
        and "[input] header_row" in error
        and "rename the column" in error
    )
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
    assert (
        "B3, C3" in reason
        and "formula without a saved value" in reason
        and "open the workbook in Excel and save it" in reason
    )


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


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with_xml(*body_xml: str, heading: str = "Læring") -> bytes:
    """A Word document with a core-area heading and the given raw body elements (w:p, w:sdt …) after it."""
    import io

    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_heading(heading, level=1)
    body = doc.element.body
    for xml in body_xml:
        body.insert(
            len(body) - 1,
            parse_xml(xml.replace("<w:p>", f"<w:p {_W_NS}>", 1).replace("<w:sdt>", f"<w:sdt {_W_NS}>", 1)),
        )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_docx_track_changes_keep_insertions_and_drop_deletions(tiny_cfg):
    par = (
        "<w:p>"
        + _run("Gruppe 1 talte om ")
        + '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
        + _run("trivsel og ")
        + "</w:ins>"
        + (
            '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>mobning og '
            "</w:delText></w:r></w:del>"
        )
        + _run("fællesskab.")
        + "</w:p>"
    )
    result = ingest([SourceFile("n.docx", _docx_with_xml(par))], tiny_cfg)
    assert list(result.notes.text) == ["Gruppe 1 talte om trivsel og fællesskab."]


def test_docx_content_controls_block_and_inline_are_read(tiny_cfg):
    block = (
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p>"
        + _run("Gruppe 2 drøftede trivsel i klassen.")
        + "</w:p></w:sdtContent></w:sdt>"
    )
    inline = (
        "<w:p>"
        + _run("Gruppe 3 ")
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + _run("fokuserede på praktisk undervisning.")
        + "</w:sdtContent></w:sdt></w:p>"
    )
    placeholder = (
        "<w:p>"
        + _run("Gruppe 4 ")
        + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + _run("Klik her for at skrive tekst.")
        + "</w:sdtContent></w:sdt></w:p>"
    )
    result = ingest([SourceFile("n.docx", _docx_with_xml(block, inline, placeholder))], tiny_cfg)
    assert dict(zip(result.notes.group, result.notes.text)) == {
        2: "Gruppe 2 drøftede trivsel i klassen.",
        3: "Gruppe 3 fokuserede på praktisk undervisning.",
    }
    assert list(result.rejects.group) == ["4"] and result.rejects.reason[0].startswith("empty text")


def test_docx_text_box_is_read_once(tiny_cfg):
    ns = (
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = "<w:txbxContent><w:p>" + _run("Gruppe 5 talte om mobning i skolen.") + "</w:p></w:txbxContent>"
    par = (
        f"<w:p><w:r><mc:AlternateContent {ns}><mc:Choice "
        f'Requires="wps"><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></mc:Choice>'
        f"<mc:Fallback><v:shape><v:textbox>{box}</v:textbox></v:shape></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    result = ingest([SourceFile("n.docx", _docx_with_xml(par))], tiny_cfg)
    assert list(result.notes.text) == ["Gruppe 5 talte om mobning i skolen."]


def test_docx_every_paragraph_is_a_note_part_of_one_or_listed_as_skipped(tiny_cfg):
    from tests.helpers import docx_bytes

    data = docx_bytes(
        [
            ("p", "Referat af budgetseminaret"),
            ("h", "Læring"),
            ("p", "Gruppe 1: talte om trivsel."),
            ("p", "Og om mobning."),
            ("h", "Bilag"),
            ("p", "Deltagerliste"),
        ]
    )
    result = ingest([SourceFile("n.docx", data)], tiny_cfg)
    assert list(result.notes.text) == ["Gruppe 1 talte om trivsel. Og om mobning."]
    skipped = result.files[0].details["skipped"]
    assert skipped == [
        {"place": "paragraph 1", "reason": "text outside any group note (no 'Gruppe N' paragraph above it)"},
        {"place": "paragraph 2", "reason": "core-area heading"},
        {"place": "paragraph 5", "reason": "a heading that names no core area"},
        {"place": "paragraph 6", "reason": "text outside any group note (no 'Gruppe N' paragraph above it)"},
    ]


def test_codebook_memo_and_name_are_redacted(tmp_path):
    from pipeline import io
    from tests.conftest import TINY_TOML

    (tmp_path / "seminar.toml").write_text(
        TINY_TOML + '\n[privacy]\nnames = ["Hanne Jensen"]\n', encoding="utf-8"
    )
    (tmp_path / "codebook.yaml").write_text(
        "themes:\n"
        "  - id: frivillige\n"
        "    area: Social omsorg\n"
        "    name: Frivillige ifølge Hanne Jensen\n"
        "    memo: |\n"
        "      Spørg hanne jensen (tlf. 22-33-44-55, CPR 12.03.79-1233) om tallene.\n"
        "    match:\n"
        "      key: frivillig\n",
        encoding="utf-8",
    )
    cfg = io.read_config(tmp_path / "seminar.toml")
    entry = io.read_codebook(cfg).entries[0]
    assert entry.name == "Frivillige ifølge [navn]"
    assert entry.memo == "Spørg [navn] (tlf. [telefon], CPR [CPR]) om tallene."


def _main(monkeypatch, capsys, *args) -> tuple[int, str]:
    """Run the ``seminar`` entry point in this process (so a stage can be made to fail)."""
    import sys

    from pipeline import cli

    monkeypatch.setattr(sys, "argv", ["seminar", *map(str, args)])
    with pytest.raises(SystemExit) as info:
        cli.main()
    return info.value.code, capsys.readouterr().err


def test_an_output_folder_that_cannot_be_written_is_one_message(
    tmp_path, monkeypatch, capsys, tiny_csv_bytes
):
    from pipeline.io import catalog
    from tests.conftest import TINY_TOML

    (tmp_path / "seminar.toml").write_text(TINY_TOML, encoding="utf-8")
    (tmp_path / "noter.csv").write_bytes(tiny_csv_bytes)
    monkeypatch.chdir(tmp_path)

    def denied(df, path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(catalog, "write_table", denied)  # the module that writes the ingest's outputs
    code, err = _main(
        monkeypatch, capsys, "ingest", "noter.csv", "--config", "seminar.toml", "--out", "ud/notes.csv"
    )
    assert code == 1
    assert "unexpected" not in err and "Traceback" not in err
    assert (
        "error: ud/notes.csv: Permission denied (PermissionError); the previous outputs are unchanged." in err
    )
    assert "Fix: make the folder writable" in err


def test_terminal_errors_carry_no_personal_data(tmp_path, monkeypatch, capsys):
    code, err = _main(
        monkeypatch, capsys, "ingest", "noter-0102031234.csv", "--config", tmp_path / "jens@kommune.dk.toml"
    )
    assert code == 1 and "0102031234" not in err and "jens@kommune.dk" not in err and "[e-mail]" in err


@pytest.mark.skipif(not hasattr(__import__("os"), "symlink"), reason="symlinks")
def test_links_out_of_the_seminar_folder_are_refused_and_not_quoted(tmp_path, tiny_cfg, tiny_csv_bytes):
    import os

    from pipeline import io

    seminar, elsewhere = tmp_path / "seminar", tmp_path / "andet"
    seminar.mkdir()
    elsewhere.mkdir()
    (elsewhere / "hemmelig.csv").write_bytes(tiny_csv_bytes)
    (elsewhere / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (seminar / "noter.csv").write_bytes(tiny_csv_bytes)
    os.symlink(elsewhere / "hemmelig.csv", seminar / "link.csv")
    os.symlink(elsewhere / "passwd", seminar / "system.csv")
    os.symlink(seminar / "noter.csv", seminar / "inde.csv")  # a link inside the folder is fine
    sources = io.collect_sources([seminar])
    result = ingest(sources, tiny_cfg)
    errors = {f.source_file.rsplit("/", 1)[-1]: f.error for f in result.files}
    assert errors["noter.csv"] is None and errors["inde.csv"] is None
    for name in ("link.csv", "system.csv"):
        assert errors[name].startswith(
            f"{seminar / name} (whole file): the file is a link to a file outside the folder"
        )
    published = str(result.manifest()) + str(result.method_lines())
    assert "root:x" not in published and "hemmelig" not in published
    # from the configuration: files are read only from inside the seminar's folder
    (seminar / "seminar.toml").write_text(
        '[seminar]\nname = "x"\nyear = 2025\n[input]\nfiles = ["link.csv", "noter.csv"]\n', encoding="utf-8"
    )
    cfg = io.read_config(seminar / "seminar.toml")
    assert [bool(s.refused) for s in io.config_sources(cfg)] == [True, False]


def test_topics_on_texts_without_content_words_is_one_message(tmp_path):
    from tests.helpers import seminar_main

    (tmp_path / "svar.csv").write_text("text\nog men eller\nhvis og så\n", encoding="utf-8")
    proc = seminar_main(["topics", "svar.csv", "--out", "ud.csv"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (
        "no text has a word to find topics in" in proc.stderr
        and "unexpected" not in proc.stderr
        and "Traceback" not in proc.stderr
    )
    assert not (tmp_path / "ud.csv").exists()


def test_a_note_longer_than_spacys_limit_is_cut_not_an_exception(monkeypatch, tiny_cfg):
    """spaCy refuses a text over ``nlp.max_length`` (E088); the blocks it gets are cut below it."""
    import pipeline.ingest._text as text_module
    from pipeline.config import NlpConfig
    from pipeline.nlp import build_nlp, make_statements

    nlp = build_nlp(NlpConfig())
    monkeypatch.setattr(nlp, "max_length", 3000)  # the real limit is 1,000,000; the mechanism is the same
    monkeypatch.setattr(text_module, "MAX_BLOCK_CHARS", 1000)
    sentence = "Frivillige hjælper de ældre med indkøb og samvær. "
    note = sentence * 200  # 10,000 characters in one paragraph
    notes = ingest(
        [SourceFile("n.csv", f'kerneområde;gruppe;tekst\nSocial omsorg;1;"{note}"\n'.encode())], tiny_cfg
    ).notes
    statements = make_statements(notes, nlp, NlpConfig(), n_process=1)
    assert len(statements) == 200 and set(statements["text"]) == {sentence.strip()}


def test_placeholders_of_removed_personal_data_are_no_theme_words(tiny_cfg):
    from pipeline.ingest._text import mask_markup
    from pipeline.privacy import PLACEHOLDERS

    for placeholder in PLACEHOLDERS.values():
        assert mask_markup(f"Ring til {placeholder} i dag").split() == ["Ring", "til", "i", "dag"]


def test_an_office_file_that_unpacks_to_too_much_is_refused_unread(tiny_cfg, monkeypatch):
    import pipeline.ingest._text as text_module
    from tests.helpers import docx_bytes, xlsx_bytes

    monkeypatch.setattr(text_module, "MAX_UNPACKED_BYTES", 1000)
    for name, data in (
        ("n.xlsx", xlsx_bytes({"Ark1": [["kerneområde", "gruppe", "tekst"]]})),
        ("n.docx", docx_bytes([("p", "Gruppe 1 trivsel")])),
    ):
        error = ingest([SourceFile(name, data)], tiny_cfg).files[0].error
        assert (
            error.startswith(f"{name} (whole file): the file unpacks to")
            and "MB a notes file can have" in error
        )
