"""Danish general extenders and the specific part of a compound: what an option like
"lokalsamfundsprojekter og lignende" is about."""

from __future__ import annotations

import pytest

from pipeline.danish.compound_split import modifier_and_head
from pipeline.danish.extenders import strip_extender
from pipeline.danish.generality import specific_part


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lokalsamfundsprojekter og lignende", ("lokalsamfundsprojekter", True)),
        ("parker m.m.", ("parker", True)),
        ("veje, stier osv.", ("veje, stier", True)),
        ("Kultur og Lignende ", ("Kultur", True)),
        ("grøn omstilling", ("grøn omstilling", False)),
        ("forlignende", ("forlignende", False)),  # a word ending like one is no extender
        ("lignende tiltag", ("lignende tiltag", False)),  # only at the end
    ],
)
def test_a_general_extender_at_the_end_is_taken_off(text, expected):
    assert strip_extender(text) == expected


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("lokalsamfundsprojekt", ("lokalsamfund", "projekt")),  # the linking -s- off, the modifier whole
        ("facilitetsplan", ("facilitet", "plan")),
        ("it-kompetence", ("it", "kompetence")),
        ("kapacitet", None),
    ],
)
def test_a_compound_is_its_modifier_and_its_head(lemma, expected):
    assert modifier_and_head(lemma) == expected


def test_a_compound_with_a_general_head_is_about_its_modifier():
    # "plan" is a general noun: a traffic plan is about traffic; elderly care is about care
    assert specific_part("trafikplan") == "trafik"
    assert specific_part("ældrepleje") is None
    assert specific_part("kapacitet") is None


def test_an_extender_makes_the_head_an_example():
    # "projekt" is no general noun by use, but "lokalsamfundsprojekter og lignende" widens it
    assert specific_part("lokalsamfundsprojekt") is None
    assert specific_part("lokalsamfundsprojekt", extended=True) == "lokalsamfund"
    assert specific_part("kapacitet", extended=True) is None  # no compound: nothing to widen
