"""An action a phase verb starts, continues or stops is a claim of its own: "begynder at ryge" is "rygning".

Invented sentences parsed by the shipped tagger and parser (:func:`pipeline.danish.syntax.phase_action`,
the units :mod:`pipeline.themes.units` makes of it).
"""

from __future__ import annotations

import pytest

from pipeline.danish.parser import parser_available
from pipeline.danish.tagger import tagger_available
from tests.helpers import parsed_statements

pytestmark = pytest.mark.skipif(not (parser_available() and tagger_available()), reason="no model files")


@pytest.fixture(scope="module")
def nlp():
    from pipeline.danish import make_nlp

    return make_nlp(ud_conventions=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De unge fortsætter med at cykle.", ["cykle"]),
        ("Mange holder op med at cykle.", ["cykle"]),
        ("Borgerne skal blive ved med at motionere.", ["motionere"]),
        # under a control verb ("få flere til at …") as well
        ("Vi vil have flere til at begynde at cykle.", ["cykle"]),
        # an infinitive with an object is a verb with its object already
        ("Vi begynder at bruge teknologi.", []),
        # no phase verb: "glæde sig til", "holde af"
        ("Vi glæder os til at cykle.", []),
        ("De holder meget af at cykle.", []),
        # a copula's action is what it says of its subject
        ("Det begynder at blive svært.", []),
    ],
)
def test_the_action_a_phase_verb_starts_or_stops(nlp, text, expected):
    from pipeline.danish.syntax import phase_action

    assert [t.text for t in nlp(text) if phase_action(t)] == expected


def test_starting_and_stopping_an_action_are_claims_about_it(nlp):
    """Three groups, three phase verbs: each has the unit "cykling"."""
    from pipeline.themes.units import make_units

    texts = [
        "Alt for mange unge begynder at cykle.",
        "Vi vil forhindre børn i at starte med at cykle.",
        "Det får flere til at holde op med at cykle.",
    ]
    units = make_units(parsed_statements(nlp, texts, "Trafik"))
    claims = units[units["lemmas"] == "cykling"]
    assert sorted(claims["group"]) == [1, 2, 3]
    assert set(claims["text"]) == {"cykle"} and set(claims["words"]) == {"cykling"}
