"""The redactor on a hostile corpus of invented notes (tests/privacy_hostile.py): one test per rule,
the whole corpus, properties, and the path a note takes from a file to the outputs."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.privacy import PLACEHOLDERS, Redactor
from tests.privacy_hostile import GONE, KEPT

R = Redactor()


def _out(text: str) -> str:
    return R.redact(text)[0]


@pytest.mark.parametrize(("text", "expected"), GONE)
def test_hostile_corpus_personal_data_is_gone(text, expected):
    assert _out(text) == expected


@pytest.mark.parametrize("text", KEPT)
def test_hostile_corpus_figures_and_ids_are_kept(text):
    assert _out(text) == text


# --- one test per rule ------------------------------------------------------------------------------
def test_digits_glued_to_letters_are_no_phone_number_unless_a_phone_word_is_glued():
    for text in ("ec12345678ab", "id ec12345678", "x22345678", "22345678x", "Forslag 22345678ab"):
        assert _out(text) == text
    assert _out("tlf22345678") == "tlf[telefon]" and _out("mobil22345678") == "mobil[telefon]"


def test_ten_digits_inside_a_hex_id_are_no_cpr_number_but_next_to_other_letters_they_are():
    assert _out("note a0101901234b") == "note a0101901234b"
    assert _out("3f0101901234ab") == "3f0101901234ab"
    assert _out("x0101901234") == "x[CPR]"  # "x" is no hex digit: not an id


def test_a_payment_card_number_is_redacted_whole():
    for card in ("4571 1234 5678 9012", "4571-1234-5678-9012", "4571123456789012", "3714 496353 98431"):
        assert _out(f"kort {card} ok") == "kort [kontonummer] ok"


def test_an_account_number_after_kontonr_is_redacted_without_its_registration_number():
    assert _out("Reg. 1234 kontonr. 1234567890") == "Reg. 1234 kontonr. [kontonummer]"
    assert _out("Konto: 12345678") == "Konto: [kontonummer]"
    assert _out("hovedkonto 5.32.32") == "hovedkonto 5.32.32"


def test_an_e_mail_with_spaces_round_the_at_sign_or_spoken_out_is_redacted():
    assert _out("mette @ kommune.dk") == "[e-mail]"
    assert _out("mette at kommune dot dk") == "[e-mail]"
    assert _out("aftalte at borger.dk skal") == "aftalte at borger.dk skal"  # the word "at"


def test_the_given_names_list_holds_the_common_names_of_both_sexes():
    for name in ("Birgitte", "Ove", "Henning", "Gert", "Kjeld", "Tonny", "Aase", "Mohammed"):
        assert _out(f"Det sagde {name} i går") == "Det sagde [navn] i går", name


def test_a_lower_case_given_name_is_a_name_after_a_title_or_next_to_a_verb_of_saying():
    assert _out("borgmester kasper glyngø åbnede") == "borgmester [navn] åbnede"
    assert _out("Referent: kjeld") == "Referent: [navn]"
    assert _out("spurgte mette") == "spurgte [navn]"
    assert _out("mette hansen sagde") == "[navn] sagde"
    for text in ("en klar line", "jan. 2025", "mette er glad", "sagde hans mor"):
        assert _out(text) == text  # no cue, or a Danish word


def test_a_name_in_capitals_is_a_name():
    assert _out("MVH LARS") == "MVH [navn]"
    assert _out("METTE HANSEN SAGDE") == "[navn] SAGDE"
    assert _out("BØRN OG UNGE") == "BØRN OG UNGE"
    assert _out("IDA's rapport") == "IDA's rapport" and _out("MVH OLE HANSEN") == "MVH [navn]"


def test_a_title_of_address_takes_the_surname_without_a_space_or_a_capital():
    assert _out("hr.Hansen") == "hr.[navn]"
    assert _out("fru jensen kom") == "fru [navn] kom"
    assert _out("fru er ikke et navn") == "fru er ikke et navn"  # a Danish word after it


def test_a_surname_alone_is_known_by_its_ending_inside_a_sentence_or_before_a_verb_of_saying():
    assert _out("Tak til Sørensen for oplægget") == "Tak til [navn] for oplægget"
    assert _out("Jensen mente at") == "[navn] mente at"
    assert _out("Mødet med Vestergaard") == "Mødet med [navn]"
    assert _out("med Olsen og Møller-Jensen") == "med [navn] og [navn]"
    for text in ("Krisen er stor", "Rejsen til Assens", "Processen var lang", "om Konsekvensen af det"):
        assert _out(text) == text  # a noun's definite form ends in -sen too; a town


def test_an_underscore_separates_the_words_of_a_file_name():
    assert _out("Mette_Hansen_noter.docx") == "[navn]_noter.docx"
    assert _out("noter_Nørregade_12.csv") == "noter_[adresse].csv"


def test_a_placeholder_that_ends_a_glued_word_is_read_again_so_redacting_twice_changes_nothing():
    once = _out("fru tlf12345678")  # "tlf" glued to the number is read once the number is a placeholder
    assert _out(once) == once


def test_a_given_name_in_a_file_name_is_a_name_in_any_case_with_its_surname():
    assert _out("referat-mette-hansen.docx") == "referat-[navn].docx"
    assert _out("lars-ole-vestergaard.docx") == "[navn].docx"
    assert _out("jens-notater.md") == "[navn]-notater.md"  # "notater" is no surname
    for name in ("budget-2025-foraarsseminar-opsamling.txt", "group_notes.csv", "answers_2015.csv"):
        assert _out(name) == name


# --- properties --------------------------------------------------------------------------------------
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))
_PIECES = [t for t, _ in GONE] + KEPT + list(PLACEHOLDERS.values())
_WORDS = ["og", "sagde", "tlf.", "mobil", "kr.", "borgere", "Mette", "hans", "fru", "2024", ",", "\n", "_"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + _WORDS), min_size=1, max_size=8), st.sampled_from([" ", "", "\n"]))
def test_property_redaction_is_idempotent_and_never_nests_a_placeholder(pieces, sep):
    once = _out(sep.join(pieces))
    assert _out(once) == once
    # every bracket of the output opens a whole placeholder or stood in the text: none grows in one
    assert _PLACEHOLDER_RE.sub("", once).count("[") <= _PLACEHOLDER_RE.sub("", sep.join(pieces)).count("[")
    for placeholder in PLACEHOLDERS.values():
        assert placeholder[:-1] + "[" not in once and "[" + placeholder not in once


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_property_a_text_of_figures_only_is_left_unchanged(data):
    from tests.privacy_forms import kept_figures

    parts = data.draw(st.lists(st.one_of(kept_figures(), st.sampled_from(KEPT)), min_size=1, max_size=5))
    text = ". ".join(parts)
    assert _out(text) == text


# --- the path a note takes ---------------------------------------------------------------------------
def test_a_note_loses_personal_data_in_every_field_it_is_read_into(tiny_cfg):
    """Text, group name, core area and file name: everything that reaches notes.csv and the manifest."""
    from pipeline.config import PrivacyConfig
    from pipeline.ingest import SourceFile, ingest

    cfg = replace(tiny_cfg, privacy=PrivacyConfig())
    rows = [
        "kerneområde;gruppe;tekst",
        'Læring;Bord Birgitte;"Referent: kjeld. Mvh. Lars, tlf. 22 34 56 78, kort 4571 1234 5678 9012."',
        'Læring;2;"spurgte mette @ kommune.dk om budget 2025 på kr. 12.345.678"',
    ]
    result = ingest([SourceFile("Mette_Hansen_noter.csv", ("\n".join(rows) + "\n").encode())], cfg)
    dumped = (
        json.dumps(result.manifest(), ensure_ascii=False) + result.notes.to_csv() + result.rejects.to_csv()
    )
    for secret in ("Birgitte", "kjeld", "Lars", "22 34 56 78", "4571", "mette", "Mette", "Hansen"):
        assert secret not in dumped, secret
    assert "budget 2025 på kr. 12.345.678" in dumped
