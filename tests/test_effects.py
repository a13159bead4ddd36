"""Verbs of loss and gain: two groups that say one noun is lost and gained made opposite points (issue 33)."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.danish.effects import effect_words
from pipeline.themes.words import opposite_attitudes, split_bare_words


@pytest.fixture(scope="module")
def parsed(danish_nlp):
    """``parsed(text, noun)``: the token ``noun`` of ``text`` in the bundled CDT parse."""
    from spacy.tokens import Doc

    from pipeline.themes.claims import _parser

    nlp = _parser()

    def of(text: str, noun: str):
        tagged = danish_nlp(text)
        doc = Doc(
            nlp.vocab,
            words=[t.text for t in tagged],
            pos=[t.pos_ for t in tagged],
            lemmas=[t.lemma_ for t in tagged],
            sent_starts=[True] + [False] * (len(tagged) - 1),
        )
        doc = nlp.get_pipe("parser")(doc)
        return next(t for t in doc if t.text == noun)

    return of


def test_effect_words_are_a_lexicon_of_loss_and_gain():
    words = effect_words()
    assert words["koste"] == -1 and words["nedlægge"] == -1 and words["miste"] == -1
    assert words["skabe"] == 1 and words["give"] == 1
    assert "bruge" not in words and "flytte" not in words  # they may bring a change, they do not say one


def test_the_parse_says_whether_a_thing_is_lost_or_gained(parsed):
    from pipeline.danish.effects import effect

    assert effect(parsed("Vi mister arbejdspladser.", "arbejdspladser")) == -1
    assert effect(parsed("Kommunen nedlægger to skoler.", "skoler")) == -1
    assert effect(parsed("Grøn omstilling skaber mange nye arbejdspladser.", "arbejdspladser")) == 1
    # an existential clause whose "i" points back to the thing spoken of: it holds them
    assert effect(parsed("Det er der mange arbejdspladser i.", "arbejdspladser")) == 1
    assert effect(parsed("Der er mange penge i det.", "penge")) == 1
    # ... not a place that holds them
    assert effect(parsed("Der er mange ældre borgere i kommunen.", "borgere")) == 0
    assert effect(parsed("Vi har mange arbejdspladser.", "arbejdspladser")) == 0


def test_a_negated_requirement_keeps_the_sign_a_negated_statement_says_nothing(parsed):
    from pipeline.danish.effects import effect

    # what must not happen names the loss as the risk
    sentence = "Det er afgørende, at den nye naturpark ikke koster arbejdspladser i byen."
    assert effect(parsed(sentence, "arbejdspladser")) == -1
    assert effect(parsed("Vi skal ikke miste flere arbejdspladser.", "arbejdspladser")) == -1
    # a denial takes neither side
    assert effect(parsed("Det koster ikke arbejdspladser.", "arbejdspladser")) == 0
    assert effect(parsed("Det giver ikke flere arbejdspladser.", "arbejdspladser")) == 0


def test_a_sentence_with_no_word_of_attitude_takes_the_side_of_its_verb_of_loss_or_gain(parsed):
    from pipeline.danish.attitudes import attitude

    assert attitude(parsed("Grøn omstilling skaber arbejdspladser.", "arbejdspladser")) == 1
    assert attitude(parsed("Vi mister arbejdspladser.", "arbejdspladser")) == -1
    assert attitude(parsed("Vi er imod arbejdspladser i naturen.", "arbejdspladser")) == -1  # the word first


def test_groups_saying_a_noun_is_lost_and_gained_made_no_shared_point(danish_nlp):
    """Through the parse stage: "koste arbejdspladser" and "arbejdspladser i det" are no point."""
    from pipeline.themes.claims import parse_statement

    def unit(group: int, text: str) -> dict:
        tagged = danish_nlp(text)
        words = [t.text for t in tagged]
        parse = parse_statement(words, [t.pos_ for t in tagged], [t.lemma_ for t in tagged])
        at = words.index("arbejdspladser")
        sign = dict(parse.attitudes).get(at, 0)
        return {"year": 2015, "group": group, "lemmas": "arbejdsplads", "attitude": sign, "verbs": ""}

    part = pd.DataFrame(
        [
            unit(4, "Det er afgørende, at den nye naturpark ikke koster arbejdspladser i byen."),
            unit(9, "Vi bygger flere vindmøller, og det er der mange arbejdspladser i."),
        ]
    ).assign(statement_id=["s4", "s9"], text="arbejdspladser")
    assert part["attitude"].tolist() == [-1, 1]
    assert opposite_attitudes(part, [0, 1], "arbejdsplads")
    assert "arbejdsplads" not in split_bare_words(part, {"arbejdsplads": [{0, 1}, False]}, frozenset())
