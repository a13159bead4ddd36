"""A verb says the noun of its action, short stems too: "ryge" says the label "rygning".

The check behind every "k af n grupper" (:func:`pipeline.themes.saying.says`,
:func:`pipeline.themes.points.unfit_groups`) and the rule it reads
(:func:`pipeline.danish.names_action`).
"""

from __future__ import annotations

import pandas as pd

from pipeline.danish import names_action
from pipeline.themes.points import unfit_groups
from pipeline.themes.saying import says, why_said


def test_a_verb_names_only_the_noun_of_its_action():
    assert names_action("rygning", "ryge") and names_action("søgning", "søge")
    assert names_action("koordinering", "koordinere")
    assert not names_action("rygsæk", "ryge") and not names_action("", "ryge")


def test_a_verb_says_its_action_noun_in_a_label():
    # four-letter verbs are below the stem length a derivation needs, so only the verb's noun says them
    assert says("rygning", "ung ryge", frozenset({"ryge"}))
    assert why_said("rygning", "ryge", frozenset({"ryge"})) == ("'rygning' ~ 'ryge' (the verb's action)",)
    assert says("søgning", "søge", frozenset({"søge"}))
    # either way round: a claim said with the verb, asked against the noun
    assert says("ryge", "rygning", frozenset({"ryge"}))


def test_a_word_not_used_as_a_verb_says_no_action_noun():
    assert not says("rygning", "ryge")  # not tagged as a verb where it was written
    assert not says("styrkelse", "styrke")  # the noun "styrke" (strength) is no verb


def test_unfit_groups_accepts_a_group_saying_the_label_with_its_verb():
    statements = pd.DataFrame(
        {
            "statement_id": ["s0", "s1"],
            "tokens": ["færre unge ryger", "færre unge ryster"],
            "lemmas": ["få ung ryge", "få ung ryste"],
            "pos": ["ADJ NOUN VERB", "ADJ NOUN VERB"],
        }
    )
    units = pd.DataFrame(
        {
            "unit_id": ["s0-u0", "s1-u0"],
            "statement_id": ["s0", "s1"],
            "group": [1, 2],
            "text": ["unge ryger", "unge ryster"],
            "lemmas": ["ung ryge", "ung ryste"],
        }
    )
    themes = pd.DataFrame({"label": ["Rygning"], "core_area": ["A"], "units": ["s0-u0 s1-u0"]})
    assert [b["group"] for b in unfit_groups(themes, units, statements)] == [2]
