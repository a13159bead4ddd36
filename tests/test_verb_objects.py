"""A verb's object is the claim's object only where the parse says so: not a noun hung on the object,
not who an action is kept from, never after an s-passive."""

from __future__ import annotations

import pandas as pd

from pipeline.themes.claims import parse_statement
from pipeline.themes.units import make_units


def _parse(danish_nlp, text: str):
    doc = danish_nlp(text)
    words, pos, lemmas = [t.text for t in doc], [t.pos_ for t in doc], [t.lemma_ for t in doc]
    return words, parse_statement(words, pos, lemmas)


def _units(danish_nlp, text: str) -> pd.DataFrame:
    doc = danish_nlp(text)
    statements = pd.DataFrame(
        [
            {
                "statement_id": "000000000001-00",
                "note_id": "000000000001",
                "year": 2024,
                "core_area": "Kultur",
                "group": 1,
                "text": text,
                "tokens": " ".join(t.text for t in doc),
                "lemmas": " ".join(t.lemma_ for t in doc),
                "pos": " ".join(t.pos_ for t in doc),
            }
        ]
    )
    return make_units(statements)


def test_the_object_is_its_base_noun_phrase_not_a_noun_hung_on_it(danish_nlp):
    """ "sender et klart signal til kriminelle": the object is "et klart signal", not "kriminelle"."""
    words, parse = _parse(danish_nlp, "Vi sender et klart signal til kriminelle.")
    objects = {tuple(words[s:e]) for verbs, (s, e) in parse.verb_objects if words.index("sender") in verbs}
    assert objects == {("et", "klart", "signal")}
    units = _units(danish_nlp, "Vi sender et klart signal til kriminelle.")
    assert not any("sending" in u.split() and "kriminel" in u.split() for u in units["lemmas"])


def test_who_an_action_is_kept_from_is_no_object(danish_nlp):
    """ "forhindre unge mennesker i at ryge": not "forhindring af unge mennesker", the opposite claim."""
    words, parse = _parse(danish_nlp, "Vi vil forhindre unge mennesker i at ryge.")
    assert words.index("forhindre") in parse.no_object
    assert not any(words.index("forhindre") in verbs for verbs, _ in parse.verb_objects)
    units = _units(danish_nlp, "Vi vil forhindre unge mennesker i at ryge.")
    assert not any(u.startswith("forhindring") for u in units["lemmas"])
    # without the infinitive the object is the object: "forhindre ulykker"
    words, parse = _parse(danish_nlp, "Vi vil forhindre ulykker.")
    assert any(words.index("forhindre") in verbs for verbs, _ in parse.verb_objects)


def test_an_s_passive_takes_no_object(danish_nlp):
    """ "skal sænkes en smule" says how much, not what: no "sænkelse af smule" (what is lowered is
    the passive's subject, "bistanden": tests/test_passive_claims.py)."""
    units = _units(danish_nlp, "Bistanden skal sænkes en smule.")
    assert not any(u.startswith("sænkelse") and "smule" in u.split() for u in units["lemmas"])


def test_a_verb_after_a_phrase_is_not_its_verb(danish_nlp):
    """ "tager hensyn … og sikrer en grøn omstilling": "hensyn" is no object of "sikrer" (a key phrase
    with no text, start after end, came of it)."""
    units = _units(danish_nlp, "Det er vigtigt, at vi tager hensyn til miljøet og sikrer en grøn omstilling.")
    assert all(u.strip() for u in units["text"])
    assert (units["start"] < units["end"]).all()
    assert not any(u.split() == ["sikring", "hensyn"] for u in units["lemmas"])
