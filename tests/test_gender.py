"""Neuter nouns and adjectives' neuter forms: a label's adjective agrees with its noun."""

from __future__ import annotations

import pytest

from pipeline.danish.gender import count_gender, is_neuter, neuter_form, written_gender
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


@pytest.mark.parametrize(
    ("words", "lemmas", "shown"),
    [
        ("den offentlige velfærd", "den offentlig velfærd", "c"),  # the article
        ("et stærkt fællesskab", "en stærk fællesskab", "n"),
        ("velfærden", "velfærd", "c"),  # the definite ending
        ("fællesskabet", "fællesskab", "n"),
        ("plejen", "pleje", "c"),  # -n / -t after a lemma in -e
        ("arbejdet", "arbejde", "n"),
        ("offentlig velfærd", "offentlig velfærd", None),  # nothing shows it
        ("fællesskaber", "fællesskab", None),  # a plural shows none
        ("kommunens", "kommune", None),  # nor a genitive
    ],
)
def test_a_phrase_shows_its_nouns_gender_by_its_article_or_definite_ending(words, lemmas, shown):
    assert written_gender(words.split(), lemmas.split()) == shown


@pytest.mark.parametrize(
    ("written", "lemmas", "table_neuter", "label"),
    [
        ("den offentlige velfærd", "den offentlig velfærd", True, "offentlig velfærd"),
        ("det sociale samvær", "det social samvær", False, "socialt samvær"),
        ("sociale samværet", "social samvær", False, "socialt samvær"),
        ("den offentlige velfærd", "den offentlig velfærd", False, "offentlig velfærd"),
    ],
)
def test_the_groups_own_article_outranks_the_table(monkeypatch, written, lemmas, table_neuter, label):
    import pipeline.danish.inflection as inflection

    monkeypatch.setattr(inflection, "is_neuter", lambda _noun: table_neuter)
    assert base_phrase(written.split(), lemmas.split()) == label


def test_the_builder_lets_the_written_article_outvote_one_annotation():
    sentence = [
        "1\tDe\tden\tPD\tx\tgender=common/neuter|number=plur\t2\tsubj\t_\t_",
        "2\tkøbte\tkøbe\tVA\tx\tmood=indic\t0\tROOT\t_\t_",
        "3\ten\ten\tPI\tx\tgender=common|number=sing\t2\tdobj\t_\t_",
        "4\tbrugsret\tbrugsret\tNC\tx\tgender=neuter|number=sing|case=unmarked|def=indef\t3\tnobj\t_\t_",
        "",
        "1\tDet\tden\tPD\tx\tgender=neuter|number=sing\t3\tsubj\t_\t_",
        "2\tvar\tvære\tVA\tx\tmood=indic\t0\tROOT\t_\t_",
        "3\ten\ten\tPI\tx\tgender=common|number=sing\t2\tpred\t_\t_",
        "4\tSort\tsort\tAN\tx\tdegree=pos\t5\tmod\t_\t_",
        "5\tGuld\tguld\tNC\tx\tgender=neuter|number=sing|case=unmarked|def=indef\t3\tnobj\t_\t_",
    ]
    gender, _ = count_gender([sentence])
    # "en brugsret" says common against the token's neuter annotation; "en Sort Guld" is a name's article
    assert gender == {"brugsret": "c", "guld": "n"}


def test_definite_stems_shared_by_gender_and_definiteness():
    """One list of the stems a definite ending follows: the gender it shows and is_definite read it."""
    from pipeline.danish.gender import definite_stems, written_gender
    from pipeline.danish.inflection import is_definite

    assert definite_stems("pleje") == ["pleje", "plejee", "plej"]
    assert definite_stems("sted") == ["sted", "stedd"]
    assert written_gender(["plejen"], ["pleje"]) == "c" and is_definite("plejen", "pleje")
    assert written_gender(["hullet"], ["hul"]) == "n" and is_definite("hullet", "hul")
