"""Redact what must go, keep what must stay (issue 36): one normalised text, numbers and names by
context. Each row of the two tables below is also a row of the table in docs/bad-input.md."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.privacy import Redactor, normalise_text

NAMES = (
    "Hanne Jensen",
    "Per Olsen",
    "Bo Storm",
    "Lise Møller-Kjær",
    "Søren Vestergaard",
    "Tom Bonde",
    "Åse Dam",
)

#: (text, what it must become): personal data in the forms a note, a memo or a file name holds it.
REDACTED = [
    (
        "Han\u00adne Jen\u00adsen foreslog det",
        "[navn] foreslog det",
    ),  # soft hyphens (Word's optional hyphens)
    ("Borger 010203\u00ad1234 ringede", "Borger [CPR] ringede"),
    ("Hanne\u200b Jensen og 0102\u200b031234", "[navn] og [CPR]"),  # zero-width spaces
    ("Hanne\u2060Jensen er her", "[navn] er her"),  # a word joiner instead of the space
    ("A\u030ase mente noget andet", "[navn] mente noget andet"),  # decomposed Å (macOS)
    ("\u041danne J\u0435nsen (kyrillisk H og e)", "[navn] (kyrillisk H og e)"),  # look-alike letters
    ("Kjær foreslog en ny plan", "[navn] foreslog en ny plan"),  # part of a double surname
    ("Møller-Kjær og Møller mødtes", "[navn] og [navn] mødtes"),
    ("Vestergaard-modellen virker", "[navn]-modellen virker"),  # a surname inside a compound
    ("Vi bruger Vestergaardmodellen", "Vi bruger [navn]modellen"),
    ("Det sagde Per i går", "Det sagde [navn] i går"),  # capitalised mid-sentence
    ("Per sagde at det var godt", "[navn] sagde at det var godt"),  # a verb of saying
    ("Storm mente noget andet", "[navn] mente noget andet"),
    ("Per Hansen kom også", "[navn] [navn] kom også"),  # followed by a surname (one by its form)
    ("per olsen kom også", "[navn] kom også"),  # the whole name in lower case
    ("Borgeren 150585 -1234 ringede", "Borgeren [CPR] ringede"),
    ("CPR 010203-1234/150585-1234", "CPR [CPR]/[CPR]"),
    ("tlf. 2045 2078", "tlf. [telefon]"),  # would read as two years
    ("tlf. 20231105", "tlf. [telefon]"),  # would read as a date
    ("tlf. 2345 6789/2045 2078", "tlf. [telefon]/[telefon]"),
    ("Ring +45 20 452 078", "Ring [telefon]"),  # 2-3-3 after +45
    ("Ring 7012 12 12", "Ring [telefon]"),
    ("Ring 45 23 45 67 89", "Ring [telefon]"),  # the country code without +
    ("Skriv til hanne (at) kommune.dk", "Skriv til [e-mail]"),
    ("Skriv til hanne[at]kommune.dk", "Skriv til [e-mail]"),
    ("Tlf.\u00a02345\u00a06789", "Tlf.\u00a0[telefon]"),
    ("mobil 2\uff1045 2078", "mobil [telefon]"),  # a fullwidth digit
    ("Kontakt os på 20000000", "Kontakt os på [telefon]"),  # a round figure without a budget word
]

#: Figures and words that are not personal data and must stay exactly as written.
KEPT = [
    "udgiften per borger stiger",
    "Per borger bruges 300 kr.",
    "en tom stol og en dam i parken",
    "Storm og regn ødelagde taget",
    "bonden og hans bo",
    "rammen er 45000000",
    "budgettet er 12.345.678 kr.",
    "CVR-nr. 29189943",
    "SE-nr. 29189943",
    "postnumrene 8700-8781",
    "mødet 12.03.25 1430",
    "mødet 12.03.2025 kl. 14.30",
    "i årene 2024 2025",
    "§ 12345678 i loven",
    "12 % af 2000 borgere",
    "sag 24/12345 og journal 2024-123456",
    "Dato 20240101 og 2024-02-26",
    "P-nummer 1003388394",
    "Se www.kommune.dk/2024/12345678 for mere",
]


@pytest.mark.parametrize(("text", "expected"), REDACTED)
def test_personal_data_in_every_written_form_is_redacted(text, expected):
    assert Redactor(names=NAMES).redact(text)[0] == expected


@pytest.mark.parametrize("text", KEPT)
def test_figures_and_words_that_are_not_personal_data_are_kept(text):
    assert Redactor(names=NAMES).redact(text)[0] == text


def test_normalised_text_has_no_invisible_characters_and_is_nfc():
    assert normalise_text("A\u030ase\u00ad\u200b\u200e\x07 ok\n\tja") == "\u00c5se ok\n\tja"
    assert Redactor().redact("Hjem\u00admet")[0] == "Hjemmet"  # normalised even when nothing is found
    assert Redactor().redact("Han\u00adne")[0] == "[navn]"  # a soft hyphen hides no given name


def test_config_texts_are_normalised_and_redacted_where_published(tmp_path):
    """A committee, column names and stop words are published (pages, workbook, seminar.config.toml)."""
    from pipeline import io
    from tests.conftest import TINY_TOML

    toml = TINY_TOML.replace(
        'question = "Hvordan inddrager vi frivillige?"',
        'question = "Hvordan inddrager vi frivillige?"\ncommittee = "Udvalg v/ Han\u00adne Jensen, tlf. '
        '2045 2078"',
    )
    toml += (
        '\n[input]\ncolumns = { text = "Noter fra Hanne Jensen" }\n[nlp]\nextra_stop_words = ["jensen", '
        '"trivsel"]\n'
    )
    toml += '[privacy]\nnames = ["Hanne Jensen"]\n'
    path = tmp_path / "seminar.toml"
    path.write_text(toml, encoding="utf-8")
    cfg = io.read_config(path)
    assert cfg.core_areas[0].committee == "Udvalg v/ [navn], tlf. [telefon]"
    snapshot = io.write_config_snapshot(cfg, tmp_path / "out").read_text(encoding="utf-8")
    for secret in ("Hanne", "Jensen", "jensen", "2045"):
        assert secret not in snapshot, secret
    assert "trivsel" in snapshot and "Noter fra [navn]" in snapshot
    assert (
        cfg.input.columns["text"] == "Noter fra Hanne Jensen"
    )  # read as written: it names the file's header


def test_topics_redacts_cells_of_every_type_and_the_headers():
    import pandas as pd

    from pipeline.config import PrivacyConfig
    from pipeline.privacy import redact_frame

    df = pd.DataFrame({"Hanne Jensen": [22334455, 7], "svar": ["a", "b"], "beløb": [45000000.0, 1.5]})
    out = redact_frame(df, PrivacyConfig(names=("Hanne Jensen",)))
    assert list(out.columns) == ["[navn]", "svar", "beløb"]
    assert list(out["[navn]"]) == ["[telefon]", 7]
    assert list(out["beløb"]) == [45000000.0, 1.5]


def test_codebook_memo_with_soft_hyphens_is_redacted():
    from pipeline.config import PrivacyConfig
    from pipeline.curation.codebook import Codebook, Entry
    from pipeline.privacy import redact_codebook

    book = Codebook(
        file="c.yaml",
        entries=(Entry(id="t1", area="Læring", name="Trivsel", memo="Spørg Han\u00adne Jen\u00adsen"),),
    )
    assert redact_codebook(book, PrivacyConfig(names=("Hanne Jensen",))).entries[0].memo == "Spørg [navn]"


def _docs_rows() -> list[tuple[str, str]]:
    import re
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "bad-input.md").read_text(encoding="utf-8")
    section = text.split("## Redacted and kept: examples", 1)[1]
    rows = re.findall(r"^\| `([^`]*)` \| (?:`([^`]*)`|kept as written) \|$", section, re.M)

    def unescape(s: str) -> str:
        return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), s)

    return [(unescape(a), unescape(b) if b else unescape(a)) for a, b in rows]


def test_the_table_in_the_docs_is_the_table_tested():
    assert _docs_rows() == REDACTED + [(k, k) for k in KEPT]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_property_no_personal_data_form_survives_and_every_figure_stays(data):
    """Both directions at once: every generated name, CPR, phone and e-mail form is gone, and every
    amount, date, CVR number, postcode and range is still there exactly as written."""
    from tests.privacy_forms import cpr_numbers, emails, kept_figures, name_mentions, names, phone_numbers

    listed = data.draw(st.lists(names(), min_size=1, max_size=3))
    redactor = Redactor(names=tuple(f"{f} {s}" for f, s in listed))
    parts, leaks, kept = [], [], []
    for _ in range(data.draw(st.integers(1, 6))):
        kind = data.draw(st.sampled_from(("name", "cpr", "phone", "email", "kept")))
        if kind == "kept":
            figure = data.draw(kept_figures())
            kept.append(figure)
            parts.append(figure + ".")
            continue
        if kind == "name":
            strategy = name_mentions(data.draw(st.sampled_from(listed)))
        else:
            strategy = {"cpr": cpr_numbers(), "phone": phone_numbers(), "email": emails}[kind]
        written, forms = data.draw(strategy)
        leaks += forms
        parts.append(f"Vi talte med {written} om det.")
    text, _ = redactor.redact(" ".join(parts))
    for form in leaks:
        assert form.lower() not in text.lower(), (form, text)
    for figure in kept:
        assert figure in text, (figure, text)
