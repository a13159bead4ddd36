"""Nothing lost between ingest and statements: every word of an accepted note is in one of its statements.

Properties over generated Danish notes (hyphens, digits, apostrophes, abbreviations, "§", "%",
emoji, bullets, blank lines), and tiny fixtures for the cases that were lost before.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import NlpConfig, parse_config
from pipeline.ingest import SourceFile, ingest, note_id
from pipeline.nlp import make_statements
from tests.conftest import TINY_TOML

CFG = parse_config(TINY_TOML)

#: Words as notes write them: plain, hyphenated, with digits or apostrophes, abbreviations, signs.
WORDS = [
    "frivillige",
    "Ældreplejen",
    "unge",
    "Ja",
    "nej",
    "Hverken-eller",
    "Nej-tak",
    "el-biler",
    "CO2-afgift",
    "It-sikkerhed",
    "Covid-19",
    "3F's",
    "SF'erne",
    "1990'erne",
    "bl.a.",
    "m.m.",
    "kr.",
    "A.",
    "fx",
    "§",
    "§ 3",
    "50 %",
    "100%",
    "2030",
    "👍",
    "😀",
    "…",
    "-",
    "–",
    "?",
    "!",
    ".",
    ",",
    ":",
    "ø",
]
#: What stands between words: spaces, sentence ends, line breaks, bullets and blank lines.
GAPS = [" ", " ", " ", ". ", "! ", "? ", "\n", "\n\n", "\n• ", "\n- ", "\n1. ", ": "]


@lru_cache(maxsize=1)
def _nlp():
    from pipeline.nlp import build_nlp

    return build_nlp(NlpConfig())


@st.composite
def note_texts(draw) -> str:
    """A note's text: words and gaps drawn from :data:`WORDS` and :data:`GAPS`."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
    gaps = draw(st.lists(st.sampled_from(GAPS), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True)).strip()


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _ingested(texts: list[str]):
    data = "kerneområde;gruppe;tekst\n" + "".join(
        f'Læring;{i + 1};"{t.replace(chr(34), chr(34) * 2)}"\n' for i, t in enumerate(texts)
    )
    return ingest([SourceFile("n.csv", data.encode("utf-8"))], CFG)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(note_texts(), min_size=1, max_size=3))
def test_every_letter_of_an_accepted_note_is_in_its_statements(texts):
    result = _ingested(texts)
    statements = make_statements(result.notes, _nlp(), CFG.nlp)
    # every accepted note gives statements, and no statement belongs to a note not accepted
    assert set(statements["note_id"]) == set(result.notes["note_id"])
    for note in result.notes.itertuples():
        own = statements[statements["note_id"] == note.note_id]
        # the letters in order: no sentence and no word with a letter left out, none added
        assert _letters("".join(own["text"])) == _letters(note.text)
        # every letter-bearing word of the note, as written, is in one of its statements
        for word in note.text.split():
            if any(ch.isalpha() for ch in word):
                assert any(word in s for s in own["text"]), (word, list(own["text"]))
        # and in the tokens that the theme stage reads
        tokens = " ".join(own["tokens"])
        assert _letters(tokens) == _letters(note.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(note_texts(), min_size=1, max_size=3))
def test_every_note_offered_is_accepted_or_rejected_with_a_reason(texts):
    result = _ingested(texts)
    assert len(result.notes) + len(result.rejects) == len(texts)
    assert result.rejects["reason"].str.strip().all()
    # only a note with no letter at all is rejected ("no words"): one with a word is accepted
    assert len(result.notes) == sum(1 for t in texts if any(ch.isalpha() for ch in t))
    assert result.rejects["reason"].str.startswith("no words").all()


def _notes_of(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "note_id": note_id(2025, "Afgifter", i, text),
                "year": 2025,
                "seminar": "Test",
                "core_area": "Afgifter",
                "theme": "",
                "question": "Afgift på cigaretter",
                "group": i,
                "text": text,
                "source_file": "t.csv",
                "source_ref": f"line {i + 1}",
            }
            for i, text in enumerate(texts, start=1)
        ]
    )


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Hverken-eller.", ["Hverken-eller."]),  # the DR answer that was lost: no all-letter word
        ("Ja.\nNej-tak.", ["Ja.", "Nej-tak."]),
        ("Afgiften skal op. 50 %. § 3.", ["Afgiften skal op.", "50 %.", "§ 3."]),
        ("• Ja\n• 👍\n• 2030", ["Ja", "👍", "2030"]),
        ("Ja.\nm.m.", ["Ja.", "m.m."]),
    ],
)
def test_a_sentence_without_an_all_letter_word_is_a_statement(danish_nlp, text, kept):
    statements = make_statements(_notes_of(text), danish_nlp, NlpConfig())
    assert list(statements["text"]) == kept
    assert list(statements["position"]) == list(range(len(kept)))


def test_hyphenated_words_and_words_with_digits_or_apostrophes_are_content_words(danish_nlp):
    text = "Hverken-eller. CO2-afgift på el-biler, 3F's forslag og SF'erne."
    statements = make_statements(_notes_of(text), danish_nlp, NlpConfig())
    content = " ".join(statements["content_lemmas"]).split()
    assert "hverken-eller" in content
    assert {"co2-afgift", "el-bil", "forslag"} <= set(content)
    assert any(w.startswith("3f") for w in content) and any(w.startswith("sf'") for w in content)


def test_abbreviations_are_kept_in_the_statement_but_are_no_content_words(danish_nlp):
    # "bl.a." stands for "blandt andet", "m.m." for "med mere": function words, with their reason
    statements = make_statements(_notes_of("Bl.a. afgifter m.m."), danish_nlp, NlpConfig())
    assert list(statements["tokens"]) == ["Bl.a. afgifter m.m."]
    assert statements["content_lemmas"].iloc[0].split() == ["afgift"]


def test_a_note_with_words_only_in_markup_is_rejected_with_a_reason(tiny_cfg):
    data = "kerneområde;gruppe;tekst\nLæring;1;[navn] <br>\nLæring;2;Trivsel.\n".encode()
    result = ingest([SourceFile("n.csv", data)], tiny_cfg)
    assert list(result.notes.group) == [2]
    assert result.rejects.iloc[0].reason.startswith("no words outside markup")


def test_markup_alone_in_a_sentence_is_no_statement_but_the_rest_of_the_note_is(danish_nlp):
    statements = make_statements(_notes_of("Ja.\n<br>\nNej."), danish_nlp, NlpConfig())
    assert list(statements["text"]) == ["Ja.", "Nej."]
