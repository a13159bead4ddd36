"""Prepositions are a closed class: a word the tagger calls ADP that is none is read by its place."""

from __future__ import annotations

import pytest

from pipeline.danish.prepositions import PREPOSITIONS, is_preposition, misread_prepositions, open_class_tag
from pipeline.danish.tagger import tagger_available

needs_model = pytest.mark.skipif(not tagger_available(), reason="no tagger model in the package")


def test_the_closed_class_holds_the_common_and_the_rare_prepositions():
    for word in ("i", "på", "til", "af", "for", "med", "end", "som", "vedrørende", "pga.", "ift."):
        assert is_preposition(word), word
    for word in ("uens", "ulige", "god", "hurtigt", "op"):
        assert not is_preposition(word), word
    assert all(w == w.lower() for w in PREPOSITIONS)


@pytest.mark.parametrize(
    "words, tags, expected",
    [
        # before the noun it modifies: an adjective
        ("det kan skabe uens vilkår", "PRON AUX VERB ADP NOUN", {3: "ADJ"}),
        ("uens høj kvalitet", "ADP ADJ NOUN", {0: "ADJ"}),
        # standing alone: an adverb
        ("priserne er uens .", "NOUN AUX ADP PUNCT", {2: "ADV"}),
        ("priserne er uens", "NOUN AUX ADP", {2: "ADV"}),
        # real prepositions, numbers and abbreviations keep the tag
        ("tid til leg", "NOUN ADP NOUN", {}),
        ("10 à 20", "NUM ADP NUM", {}),
        ("ca. 20", "ADP NUM", {}),
        ("Til borgerne", "ADP NOUN", {}),
    ],
)
def test_misread_prepositions(words, tags, expected):
    assert misread_prepositions(words.split(), tags.split()) == expected


def test_open_class_tag_reads_the_next_word():
    assert [open_class_tag(t) for t in ("NOUN", "PROPN", "ADJ", "VERB", "PUNCT", None)] == [
        "ADJ",
        "ADJ",
        "ADJ",
        "ADV",
        "ADV",
        "ADV",
    ]


@needs_model
@pytest.mark.parametrize(
    "text, word, tag",
    [
        # the network alone calls "uens" ADP in both (a word it never saw, where a preposition could stand)
        ("Nye regler kan skabe uens kvalitet .", "uens", "ADJ"),
        ("Forskellige regler giver uens kvalitet .", "uens", "ADJ"),
    ],
)
def test_the_tagger_reads_a_misread_preposition_by_its_place(text, word, tag):
    from pipeline.config import NlpConfig
    from pipeline.nlp import build_nlp

    doc = build_nlp(NlpConfig(lemma_conventions="ud"))(text)
    assert {t.text: t.pos_ for t in doc}[word] == tag
    assert [t.pos_ for t in doc if t.text == "."] == ["PUNCT"]
