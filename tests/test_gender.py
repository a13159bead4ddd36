"""Neuter nouns and adjectives' neuter forms: a label's adjective agrees with its noun."""

from __future__ import annotations

import pytest

from pipeline.danish.gender import count_gender, is_neuter, neuter_form
from pipeline.danish.inflection import base_phrase

CDT = [
    "1\tet\ten\tPI\tx\tgender=neuter|number=sing\t2\tdet\t_\t_",
    "2\tsamvær\tsamvær\tNC\tx\tgender=neuter|number=sing|case=unmarked|def=indef\t0\tROOT\t_\t_",
    "3\tsamværet\tsamvær\tNC\tx\tgender=neuter|number=sing|case=unmarked|def=def\t0\tROOT\t_\t_",
    "4\tindsats\tindsats\tNC\tx\tgender=common|number=sing|case=unmarked|def=indef\t0\tROOT\t_\t_",
    "5\tsocialt\tsocial\tAN\tx\tdegree=pos|gender=neuter|number=sing|case=unmarked|def=indef\t2\tmod\t_\t_",
    "6\tsociale\tsocial\tAN\tx\tdegree=pos|gender=common/neuter|number=plur|def=def/indef\t2\tmod\t_\t_",
]


def test_the_treebank_gives_each_nouns_gender_and_each_adjectives_neuter_form():
    gender, forms = count_gender([CDT])
    assert gender == {"samvær": "n", "indsats": "c"}
    assert forms == {"social": "socialt"}


@pytest.mark.parametrize(
    ("written", "lemmas", "label"),
    [
        ("det sociale samvær", "det social samvær", "socialt samvær"),  # neuter noun: -t
        ("det nødvendige bidrag", "det nødvendig bidrag", "nødvendigt bidrag"),
        ("det politiske niveau", "det politisk niveau", "politisk niveau"),  # -sk takes no -t
        ("den tidlige indsats", "den tidlig indsats", "tidlig indsats"),  # common noun: the lemma
        ("de sociale fællesskaber", "de social fællesskab", "sociale fællesskaber"),  # a plural stays
    ],
)
def test_a_labels_adjective_agrees_with_its_noun(written, lemmas, label):
    assert base_phrase(written.split(), lemmas.split()) == label


def test_a_compound_takes_its_heads_gender_and_the_rule_covers_unseen_adjectives():
    assert is_neuter("samvær") and not is_neuter("indsats")
    assert is_neuter("ældresamvær")  # head "samvær"
    assert neuter_form("regional") == "regionalt" and neuter_form("moderne") == "moderne"
    assert neuter_form("nordisk") == "nordisk" and neuter_form("fælles") == "fælles"
