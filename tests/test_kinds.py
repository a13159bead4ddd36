"""Kinds of a thing: groups that each qualify a shared noun in their own way made no shared point."""

from __future__ import annotations

import pandas as pd

from pipeline.themes.kinds import AreaKinds, different_kinds, names_no_kind, outside, qualifiers
from pipeline.themes.whole_phrase import Sentence
from pipeline.themes.words import split_bare_words


def _sentence(rows: str) -> Sentence:
    """``"word/UPOS/lemma ..."`` as a :class:`Sentence`."""
    tokens, upos, lemmas = zip(*(r.split("/") for r in rows.split()), strict=True)
    return Sentence(tuple(tokens), tuple(upos), tuple(lemmas))


#: Invented notes: two groups on "teknologi" (a kind by compound, a kind by a participle phrase),
#: one on the bare word, one on school technology again, and one on staff in a place.
SAID = {
    "s1": _sentence(
        "De/PRON/de så/VERB/se potentialet/NOUN/potentiale i/ADP/i skoleteknologi/NOUN/skoleteknologi"
    ),
    "s2": _sentence(
        "Vi/PRON/vi mangler/VERB/mangle teknologi/NOUN/teknologi målrettet/VERB/målrette "
        "borgerne/NOUN/borger ./PUNCT/."
    ),
    "s3": _sentence("Teknologi/NOUN/teknologi er/AUX/være vigtig/ADJ/vigtig"),
    "s4": _sentence("Skolerne/NOUN/skole har/VERB/have brug/NOUN/brug for/ADP/for teknologi/NOUN/teknologi"),
    "s5": _sentence(
        "Vi/PRON/vi ansætter/VERB/ansætte personale/NOUN/personale på/ADP/på plejehjemmet/NOUN/plejehjem"
    ),
}


def _units(rows: list[tuple[int, str, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "year": 2024,
                "group": g,
                "lemmas": lem,
                "complement": "",
                "verbs": "",
                "statement_id": sid,
                "start": start,
                "end": end,
            }
            for g, lem, sid, start, end in rows
        ]
    )


PART = _units(
    [
        (1, "skoleteknologi", "s1", 4, 5),
        (2, "teknologi", "s2", 2, 3),
        (3, "teknologi", "s3", 0, 1),
        (4, "teknologi", "s4", 4, 5),
        (5, "personale", "s5", 2, 3),
    ]
)


def _nothing(_: str) -> bool:
    return False


def test_a_group_qualifies_a_noun_by_a_compounds_first_part_and_a_participle_phrase():
    rows = list(PART.itertuples())
    assert qualifiers(rows[0], "teknologi", SAID["s1"], _nothing) == {"skole"}
    assert qualifiers(rows[1], "teknologi", SAID["s2"], _nothing) == {"målrette", "borger"}
    assert qualifiers(rows[2], "teknologi", SAID["s3"], _nothing) == frozenset()  # a predicate, no kind
    # "på plejehjemmet" says where, not which staff
    assert qualifiers(rows[4], "personale", SAID["s5"], _nothing) == frozenset()


def test_a_qualifier_that_begins_one_of_the_areas_words_names_no_kind():
    assert names_no_kind("syg", frozenset({"sygehus"}), _nothing)
    assert not names_no_kind("sundhedsfaglig", frozenset({"sygehus"}), _nothing)
    assert names_no_kind("dagpenge", frozenset(), lambda w: w == "dagpenge")


def test_groups_that_each_name_their_own_kind_of_a_thing_made_no_shared_point():
    # school technology (1) and technology aimed at citizens (2): the word, two points
    assert different_kinds(PART, [0, 1], "teknologi", SAID, _nothing)
    # a group with the bare word may mean either: the theme stays whole
    assert not different_kinds(PART, [0, 1, 2], "teknologi", SAID, _nothing)
    # without the sentences no kind is read
    assert not different_kinds(PART, [0, 1], "teknologi", {}, _nothing)
    # a qualifier that only repeats the area's words names no kind
    assert not different_kinds(PART, [0, 1], "teknologi", SAID, lambda w: w == "skole")


def test_a_shared_qualifier_or_an_action_noun_keeps_the_theme_whole():
    part = _units([(1, "skoleteknologi", "s1", 4, 5), (2, "skoleteknologi", "s1", 4, 5)])
    assert not different_kinds(part, [0, 1], "teknologi", SAID, _nothing)
    # "samarbejde" alone asks for more collaboration, whatever kind each group named
    work = _units([(1, "tværfaglig samarbejde", "s3", 0, 1), (2, "samarbejde", "s2", 2, 3)])
    assert not different_kinds(work, [0, 1], "samarbejde", {"s3": SAID["s3"], "s2": SAID["s2"]}, _nothing)


def test_a_theme_of_different_kinds_is_taken_apart_into_its_groups_words():
    found = {"teknologi": [{0, 1}, False]}
    out = split_bare_words(PART, found, frozenset(), kinds=AreaKinds(SAID, _nothing))
    assert "teknologi" not in out
    assert split_bare_words(PART, found, frozenset()) == found  # without the test it stays


#: Invented notes: two parties on sausages banned in schools, one on people choosing what they eat.
FOOD = {
    "f1": _sentence("Vi/PRON/vi diskuterede/VERB/diskutere pølser/NOUN/pølse i/ADP/i skolerne/NOUN/skole"),
    "f2": _sentence(
        "En/DET/en skole/NOUN/skole ,/PUNCT/, hvor/ADV/hvor der/PRON/der ikke/ADV/ikke må/AUX/måtte "
        "serveres/VERB/servere pølser/NOUN/pølse"
    ),
    "f3": _sentence(
        "Folk/NOUN/folk vælger/VERB/vælge selv/ADV/selv ,/PUNCT/, om/SCONJ/om de/PRON/de "
        "spiser/VERB/spise pølser/NOUN/pølse"
    ),
    "f4": _sentence("Vi/PRON/vi vil/AUX/ville forbyde/VERB/forbyde pølser/NOUN/pølse"),
}
SAUSAGE = _units(
    [(1, "pølse", "f1", 2, 3), (2, "pølse", "f2", 8, 9), (3, "pølse", "f3", 6, 7), (4, "pølse", "f4", 3, 4)]
)


def test_a_group_whose_sentence_shares_nothing_with_the_others_is_outside_their_point():
    # 1 and 2 share "skole"; 3 speaks of people choosing: outside
    assert outside(SAUSAGE, [0, 1, 2], "pølse", FOOD, _nothing) == {2}
    # with two groups nothing tells which point is the theme's
    assert outside(SAUSAGE, [1, 2], "pølse", FOOD, _nothing) == set()
    # no two groups share a word: the noun stays their shared point
    assert outside(SAUSAGE, [2, 3, 0], "pølse", {k: FOOD[k] for k in ("f3", "f4", "f1")}, _nothing) == set()
    # a word that only repeats the area's names no shared context
    assert outside(SAUSAGE, [0, 1, 2], "pølse", FOOD, lambda w: w == "skole") == set()


def test_the_theme_keeps_only_the_groups_that_share_its_context():
    found = {"pølse": [{0, 1, 2}, False]}
    out = split_bare_words(SAUSAGE, found, frozenset(), kinds=AreaKinds(FOOD, _nothing))
    assert out == {"pølse": [{0, 1}, False]}
    # a theme shown apart whole (the question's own words) keeps every group
    whole = split_bare_words(
        SAUSAGE, found, frozenset(), whole=lambda k: True, kinds=AreaKinds(FOOD, _nothing)
    )
    assert whole == found
