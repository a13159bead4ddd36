"""A past participle the tagger reads as a verb still modifies its noun: "differentierede tilgange"."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.danish.phrases import noun_phrases


@pytest.mark.parametrize(
    ("text", "tags", "phrases"),
    [
        # after a preposition or a determiner and before a noun: a modifier
        (
            "behovet for differentierede tilgange",
            "NOUN ADP VERB NOUN",
            ["behovet", "differentierede tilgange"],
        ),
        ("et styrket samarbejde", "DET VERB NOUN", ["styrket samarbejde"]),
        # after a noun, or "de" that is as often the subject "they", it is the finite verb
        ("De udforskede balancen", "DET VERB NOUN", ["balancen"]),
        # "tilgange" alone
        ("Gruppen diskuterede tilgange", "NOUN VERB NOUN", ["Gruppen", "tilgange"]),
        # before no noun it is predicative
        ("for differentierede", "ADP VERB", []),
    ],
)
def test_a_past_participle_modifies_a_noun_only_where_no_finite_verb_can_stand(text, tags, phrases):
    words = text.split()
    assert [" ".join(words[s:e]) for s, e in noun_phrases(words, tags.split())] == phrases


def test_a_general_noun_with_its_participle_is_a_unit_of_its_own():
    from pipeline.themes.units import make_units

    text = "De diskuterede behovet for differentierede tilgange til ældrepleje ."
    statements = pd.DataFrame(
        [
            {
                "statement_id": "000000000001-00",
                "note_id": "000000000001",
                "year": 2024,
                "core_area": "Social omsorg",
                "group": 4,
                "text": text,
                "tokens": text,
                "pos": "PRON VERB NOUN ADP VERB NOUN ADP NOUN PUNCT",
                "lemmas": "de diskutere behov for differentiere tilgang til ældrepleje .",
            }
        ]
    )
    units = make_units(statements, frozenset({"de", "for", "til", "diskutere"}))
    assert "differentierede tilgange" in set(units["text"])
    assert "differentiere tilgang" in set(units["lemmas"])


def test_a_participle_inside_a_unit_is_not_a_verb_acting_on_it():
    from pipeline.themes.units import make_units

    # the parse reads "differentierede" as a verb with the object "indsatser"
    text = (
        "Gruppe 5 adresserede udfordringerne ved at inkludere de mest sårbare borgere på "
        "arbejdsmarkedet og behovet for differentierede indsatser for forskellige grupper af unge ."
    )
    pos = (
        "NOUN NUM VERB NOUN ADP PART VERB DET ADV ADJ NOUN ADP NOUN CCONJ NOUN "
        "ADP VERB NOUN ADP ADJ NOUN ADP ADJ PUNCT"
    )
    lemmas = (
        "gruppe 5 adressere udfordring ved at inkludere den mest sårbar borger på arbejdsmarked og "
        "behov for differentiere indsats for forskellig gruppe af ung ."
    )
    statements = pd.DataFrame(
        [
            {
                "statement_id": "000000000005-00",
                "note_id": "000000000005",
                "year": 2024,
                "core_area": "Beskæftigelse",
                "group": 5,
                "text": text,
                "tokens": text,
                "pos": pos,
                "lemmas": lemmas,
            }
        ]
    )
    units = make_units(statements, frozenset({"gruppe", "ved", "at", "den", "mest", "på", "og", "for", "af"}))
    assert "differentierede indsatser" in set(units["text"])
    # no "differentiering af differentierede indsatser": the participle is the unit's own word
    assert not any(lem.startswith("differentiering") for lem in units["lemmas"])
