"""The 2024 seminar, read from the summary as published and from the hand-typed table."""

from __future__ import annotations

from pipeline.ingest import SourceFile, ingest
from tests.conftest import RAW_2024
from tests.helpers import PDF_SAFE, pdf_bytes_from_text, ws_free

SUMMARY = "budget-2025-foraarsseminar-opsamling.txt"


def _compare(notes, ground_truth, translate=None):
    keys = [(r.core_area, int(r.group)) for r in notes.itertuples()]
    assert sorted(keys) == sorted(ground_truth)
    differ = []
    for r in notes.itertuples():
        expected = ground_truth[(r.core_area, int(r.group))]
        if translate:
            expected = expected.translate(translate)
        if ws_free(r.text) != ws_free(expected):
            differ.append((r.core_area, int(r.group)))
    return differ


def test_summary_text_yields_the_25_ground_truth_notes(cfg_2024, seed_text, ground_truth):
    result = ingest([SourceFile(SUMMARY, seed_text.encode("utf-8"))], cfg_2024)
    assert len(result.notes) == 25 and len(result.rejects) == 0
    # The one difference: the PDF text lost the "r" of "forholdet" ("fo\nholdet").
    assert _compare(result.notes, ground_truth) == [("Læring", 2)]
    texts = dict(zip(zip(result.notes.core_area, result.notes.group), result.notes.text, strict=True))
    assert "foholdet" in texts[("Læring", 2)]
    # Layout traps of the seed: hyphenated and soft-hyphen breaks, the doubled group number,
    # a group paragraph running on into the next area's introduction.
    assert "støtte til pårørende." in texts[("Social omsorg", 1)]
    assert "grundlæggende arbejdsfærdigheder" in texts[("Beskæftigelse", 1)]
    assert texts[("Økonomi, Personale og IT", 5)].startswith("Gruppe 5 fremhævede")
    assert texts[("Social omsorg", 5)].endswith("frivillighedens betydning.")
    assert texts[("Læring", 1)].endswith("for børn og unge.")
    assert texts[("Læring", 2)].startswith("Gruppe 2 drøftede udfordringerne ved anbringelser")
    assert set(result.notes.theme) == {a.theme for a in cfg_2024.core_areas}


def test_summary_source_refs_point_at_the_lines(cfg_2024, seed_text):
    result = ingest([SourceFile(SUMMARY, seed_text.encode("utf-8"))], cfg_2024)
    lines = seed_text.split("\n")
    for r in result.notes.itertuples():
        number = int(r.source_ref.removeprefix("line "))
        assert f"Gruppe {r.group}" in lines[number - 1]


def test_pdf_of_the_summary_yields_the_same_notes(cfg_2024, seed_text, ground_truth):
    result = ingest([SourceFile("opsamling.pdf", pdf_bytes_from_text(seed_text))], cfg_2024)
    assert result.files[0].error is None, result.files[0].error
    assert len(result.notes) == 25
    differ = _compare(result.notes, ground_truth, translate=PDF_SAFE)
    # Text extracted from a PDF has no trailing spaces, so "ind" + "gribende" cannot be told
    # from two words, and "forholdet" lost its "r" in the source.
    assert set(differ) <= {("Læring", 2), ("Læring", 3)}
    assert all(r.source_ref.startswith("page ") for r in result.notes.itertuples())


def test_ground_truth_csv_reads_unchanged(cfg_2024, ground_truth):
    data = (RAW_2024 / "group_notes.csv").read_bytes()
    result = ingest([SourceFile("group_notes.csv", data)], cfg_2024)
    assert len(result.notes) == 25 and len(result.rejects) == 0
    for r in result.notes.itertuples():
        assert r.text == ground_truth[(r.core_area, int(r.group))]
    assert set(result.notes.seminar) == {"Forårsseminar 2024-02-26"}


def test_note_ids_are_stable_and_content_derived(cfg_2024):
    data = (RAW_2024 / "group_notes.csv").read_bytes()
    header, *rows = data.decode("utf-8").strip().split("\n")
    shuffled = "\n".join([header, *reversed(rows)]).encode("utf-8")
    a = ingest([SourceFile("a.csv", data)], cfg_2024).notes
    b = ingest([SourceFile("b.csv", shuffled)], cfg_2024).notes
    assert list(a.note_id) == list(b.note_id)
    assert a.note_id.str.fullmatch(r"[0-9a-f]{12}").all() and a.note_id.is_unique
    edited = data.decode("utf-8").replace("dagcentre.", "dagcentre og daghjem.").encode("utf-8")
    c = ingest([SourceFile("c.csv", edited)], cfg_2024).notes
    assert (a.note_id != c.note_id).sum() == 1


def _two_column_pdf(blocks_left: list[str], blocks_right: list[str]) -> bytes:
    """A page in the summary's layout: heading and marker across the page, group notes in two columns."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.cell(0, 8, "Social omsorg", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, "Indblik i gruppedrøftelser om frivillighed", new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 6
    for left, right in zip(blocks_left, blocks_right, strict=True):
        pdf.set_xy(10, y)
        pdf.multi_cell(85, 5, left)
        bottom = pdf.get_y()
        pdf.set_xy(110, y)
        pdf.multi_cell(85, 5, right)
        y = max(bottom, pdf.get_y()) + 8
    return bytes(pdf.output())


def test_pdf_with_group_notes_in_two_columns(cfg_2024):
    notes = {
        1: (
            "Gruppe 1 diskuterede frivilligt arbejde i ældreplejen og behovet for at koordinere de "
            "frivillige bedre."
        ),
        2: "Gruppe 2 delte eksempler på telefonkæder, der forbinder ældre med hinanden, og på partnerskaber.",
        3: "Gruppe 3 fokuserede på kommunikation mellem frivillige organisationer og det politiske niveau.",
        4: "Gruppe 4 påpegede mulighederne for at udnytte teknologi og inddrage unge frivillige.",
    }
    data = _two_column_pdf([notes[1], notes[3]], [notes[2], notes[4]])
    result = ingest([SourceFile("kolonner.pdf", data)], cfg_2024)
    assert result.files[0].error is None, result.files[0].error
    got = {int(r.group): r.text for r in result.notes.itertuples()}
    assert set(result.notes.core_area) == {"Social omsorg"}
    assert got == notes
