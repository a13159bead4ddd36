"""A passive's agent alone names a thing: the unit is what the group said it did ("påvirket af covid-19")."""

from __future__ import annotations

import pytest

from pipeline.danish.parser import parser_available
from pipeline.danish.phrases import agent_start
from pipeline.danish.tagger import tagger_available
from tests.helpers import parsed_statements

needs_models = pytest.mark.skipif(not (parser_available() and tagger_available()), reason="no model files")


@pytest.mark.parametrize(
    ("words", "tags", "lemmas", "start", "expected"),
    [
        # "blive" with a past participle, an adverb between
        (
            "det blev ikke påvirket af krisen",
            "PRON AUX ADV VERB ADP NOUN",
            "det blive ikke påvirke af krise",
            5,
            3,
        ),
        # "være" with a past participle
        ("planen er styret af økonomien", "NOUN AUX VERB ADP NOUN", "plan være styre af økonomi", 4, 2),
        # an s-passive
        ("skolerne rammes af nedskæringer", "NOUN VERB ADP NOUN", "skole ramme af nedskæring", 3, 1),
        # no passive: a noun's complement, an adjective's, an active verb's
        ("hjælp af frivillige", "NOUN ADP NOUN", "hjælp af frivillig", 2, 2),
        ("de blev trætte af møder", "PRON AUX ADJ ADP NOUN", "de blive træt af møde", 4, 4),
        ("vi købte af naboen", "PRON VERB ADP NOUN", "vi købe af nabo", 3, 3),
        # a participle with no auxiliary before it is an attributive or a finite past
        ("de lavede mad af rester", "PRON VERB NOUN ADP NOUN", "de lave mad af rest", 4, 4),
        ("at phrase start", "ADP NOUN", "af krise", 1, 1),
    ],
)
def test_agent_start(words, tags, lemmas, start, expected):
    assert agent_start(words.split(), tags.split(), lemmas.split(), start) == expected


@needs_models
def test_an_agent_s_unit_and_its_one_group_label_say_what_it_did():
    from pipeline.danish import make_nlp
    from pipeline.themes.naming import point_label
    from pipeline.themes.units import make_units

    statements = parsed_statements(
        make_nlp(ud_conventions=True),
        ["Gruppen talte om, hvordan foreningslivet blev ramt af nedlukningen under krisen."],
        "Kultur",
    )
    units = make_units(statements, frozenset({"gruppe", "tale", "blive"}))
    texts = list(units["text"])
    assert "ramt af nedlukningen" in texts and "nedlukningen" not in texts
    unit = units[units["text"] == "ramt af nedlukningen"]
    assert unit.iloc[0]["lemmas"] == "ramme nedlukning" and unit.iloc[0]["head"] == "nedlukning"
    assert point_label(unit.iloc[0]["lemmas"], unit) == "Ramt af nedlukning"
