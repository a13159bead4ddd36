"""A passive's subject is what its verb acts on: "ansøgninger bliver ikke behandlet" = "behandle ansøgninger".

Invented sentences parsed by the shipped tagger and parser (:func:`pipeline.danish.syntax.passive_subject`,
the claims the theme stage reads from it in :mod:`pipeline.themes.units`).
"""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.danish.parser import parser_available
from pipeline.danish.tagger import tagger_available
from tests.helpers import parsed_statements

pytestmark = pytest.mark.skipif(not (parser_available() and tagger_available()), reason="no model files")


@pytest.fixture(scope="module")
def nlp():
    from pipeline.danish import make_nlp

    return make_nlp(ud_conventions=False)


def _passive_subjects(nlp, text: str) -> dict[str, str]:
    from pipeline.danish.syntax import passive_subject

    doc = nlp(text)
    return {t.text: s.text for t in doc if (s := passive_subject(t)) is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "blive" with a participle; the subject's quantifier heads it in the parse
        ("Mange ansøgninger bliver ikke behandlet.", {"behandlet": "ansøgninger"}),
        # an s-passive under a modal
        ("Huslejen skal sænkes.", {"sænkes": "Huslejen"}),
        # in a relative clause the antecedent is the subject
        ("Borgerne, der blev visiteret, fik hjælp.", {"visiteret": "Borgerne"}),
        # "være" with a participle is the perfect of a verb that takes no object
        ("Prisen er steget.", {}),
        # a pronoun names nothing the sentence says
        ("De blev afvist.", {}),
    ],
)
def test_a_passive_verb_acts_on_its_subject(nlp, text, expected):
    assert _passive_subjects(nlp, text) == expected


def test_a_passive_verb_phrase_covers_its_subject(nlp):
    from pipeline.danish import noun_phrases, syntax

    doc = nlp("Mange ansøgninger bliver ikke behandlet.")
    verbs = [p for p in syntax.phrases(doc) if p.kind == noun_phrases.VERB]
    assert [(p.text, [a.text for a in p.arguments]) for p in verbs] == [
        ("Mange ansøgninger bliver ikke behandlet", ["Mange ansøgninger"])
    ]


def test_the_active_and_the_passive_make_the_same_claim(nlp):
    """Two groups, one active and one passive, share the unit "behandling af ansøgninger"."""
    from pipeline.themes.units import make_units

    statements = parsed_statements(
        nlp,
        [
            "Kommunen skal behandle ansøgningerne hurtigere.",
            "Mange ansøgninger bliver ikke behandlet.",
            "Ansøgningerne skal behandles.",
            "Nej, Ansøgningerne skal behandles først.",
        ],
        "Borgerservice",
    )
    units = make_units(statements, frozenset({"mange", "ikke", "skulle", "blive"}))
    claims = units[units["lemmas"] == "behandling ansøgning"]
    assert sorted(claims["group"]) == [1, 2, 3, 4]
    passive = claims[claims["group"] == 2].iloc[0]
    # the unit's text is the passive as written; its label words are the verb's noun and its object
    assert passive["text"] == "ansøgninger bliver ikke behandlet"
    assert passive["words"] == "behandling af ansøgninger" and passive["head"] == "ansøgning"
    # a common noun that opens the sentence (or the answer after "Nej,") is written in lower case
    # after the verb's noun
    assert claims[claims["group"] == 3].iloc[0]["words"] == "behandling af ansøgningerne"
    assert claims[claims["group"] == 4].iloc[0]["words"] == "behandling af ansøgningerne"


def test_the_noun_of_an_action_is_listed_where_the_ending_rule_finds_another_sense():
    """ "hæve" is "hævning" ("hævelse" is a swelling); the rule still names the rest."""
    from pipeline.danish.inflection import nominalise

    assert nominalise("hæve") == "hævning" and nominalise("sænke") == "sænkning"
    assert nominalise("forebygge") == "forebyggelse" and nominalise("koordinere") == "koordinering"


def test_the_noun_of_the_questions_own_verb_restates_the_question():
    """ "Skal huslejen sænkes?": "Sænkning af husleje" (from "huslejen skal sænkes") is the question again,
    "Melding af husleje" says more."""
    from pipeline.themes.describe import _repeats_area
    from pipeline.themes.records import AreaFacts

    facts = AreaFacts(pd.DataFrame(), {}, {}, {}, frozenset({"husleje", "sænke"}), frozenset({"bolig"}), None)

    def question_only(label: str) -> bool:
        return _repeats_area(label, pd.DataFrame({"lemmas": [label.lower().replace(" af ", " ")]}), facts)[1]

    assert question_only("Sænkning af husleje")
    assert not question_only("Hævning af husleje") and not question_only("Melding af husleje")


def test_a_passive_unit_s_label_is_among_the_forms_its_evidence_allows():
    from pipeline.themes.labels import _verb_named_by_noun

    # the verb after its object: the label names the verb's noun and the object as written
    assert _verb_named_by_noun("Mobning skal forebygges", "forebyggelse mobning") == "forebyggelse af mobning"
    assert _verb_named_by_noun("ansøgninger bliver behandlet", "behandling ansøgning") == (
        "behandling af ansøgninger"
    )
    # a last word that is no form of the noun's verb gives no label
    assert _verb_named_by_noun("Mobning skal stoppes", "forebyggelse mobning") is None
