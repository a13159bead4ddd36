"""A point one group made once, beyond the question's words, is a theme of that group (issue 33)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.themes.records import FoundTheme
from pipeline.themes.singles import names_own_point, one_group_points
from pipeline.themes.words import WordApart

#: The question's own words in these fixtures ("familiebaserede og forebyggende tiltag").
_QUESTION = frozenset({"familiebasere", "forebygge", "tiltag", "anbringelse"})


def _asks(word: str) -> bool:
    return word in _QUESTION


def _units(rows: list[tuple[int, str, str, str]]) -> pd.DataFrame:
    """Units of one area: ``(group, text, lemmas, complement)`` each, one statement per group."""
    out = []
    for group, text, lemmas, complement in rows:
        n = len(lemmas.split())
        out.append(
            {
                "year": 2024,
                "group": group,
                "statement_id": f"s{group}",
                "text": text,
                "lemmas": lemmas,
                "complement": complement,
                "verbs": "",
                "stance": False,
                "words": text,
                "content_at": " ".join(str(i) for i in range(len(text.split()) - n, len(text.split()))),
            }
        )
    return pd.DataFrame(out)


def _labels(themes: list[FoundTheme]) -> list[tuple[str, list[int]]]:
    return [(t.label, sorted(int(g) for g in t.units["group"])) for t in themes]


def test_a_point_one_group_made_in_one_phrase_is_a_theme_of_that_group():
    part = _units(
        [
            (3, "økonomisk støtte", "økonomisk støtte", ""),
            (4, "tvangsadoptioner", "tvangsadoption", ""),
        ]
    )
    assert _labels(one_group_points(part, [], frozenset(), _asks)) == [
        ("Økonomisk støtte", [3]),
        ("Tvangsadoptioner", [4]),
    ]


def test_a_phrase_of_only_the_questions_own_words_stays_in_no_theme():
    assert not names_own_point("familiebasere tiltag", "", frozenset(), _asks)
    assert not names_own_point("forebygge tiltag", "", frozenset(), _asks)
    # a word beyond them is a point of the group's own: "indgribende" of "forebyggende og indgribende tiltag"
    assert names_own_point("forebygge indgribe tiltag", "", frozenset(), _asks)


def test_a_measure_or_general_noun_alone_stays_in_no_theme():
    for bare in ("løsning", "indsats", "hjælp", "behov"):
        assert not names_own_point(bare, "", frozenset(), _asks), bare
    # and with the question's words it names no point either: "familiebaserede løsninger"
    assert not names_own_point("familiebasere løsning", "", frozenset(), _asks)
    assert names_own_point("aflastningsfamilie", "", frozenset(), _asks)


def test_a_setting_alone_stays_in_no_theme():
    assert not names_own_point("plejehjem", "", frozenset({"plejehjem"}), _asks)
    assert names_own_point("telefonkæde plejehjem", "", frozenset({"plejehjem"}), _asks)


def test_words_that_only_complement_another_noun_are_no_point_of_their_own():
    # "sociale fællesskaber for børn og unge": the point is the fellowships, the young are whom it is for
    assert not names_own_point("ung", "ung", frozenset(), _asks)
    assert names_own_point("ung", "", frozenset(), _asks)


def test_a_groups_phrases_that_say_the_same_are_one_theme_other_groups_never_joined():
    part = _units(
        [
            (1, "sociale fællesskaber", "social fællesskab", ""),
            (1, "fællesskaber", "fællesskab", ""),
            (2, "sociale fællesskaber", "social fællesskab", ""),
        ]
    )
    assert _labels(one_group_points(part, [], frozenset(), _asks)) == [
        ("Sociale fællesskaber", [1, 1]),
        ("Sociale fællesskaber", [2]),
    ]


def test_phrases_in_a_theme_stances_and_phrases_listed_apart_are_left_where_they_are():
    part = _units(
        [
            (1, "tidlig intervention", "tidlig intervention", ""),
            (2, "enklere jura", "enkel jura", ""),
            (3, "sammenhængende indsatser", "sammenhængende indsats", ""),
            (4, "Ja", "ja", ""),
        ]
    )
    part.loc[3, "stance"] = True
    taken = [FoundTheme(np.array([0]), part.iloc[[0]], "Tidlig intervention")]
    apart = [WordApart("indsats", ((2024, 3, ("sammenhængende indsatser",), ("s3",)),))]
    assert _labels(one_group_points(part, taken, frozenset(), _asks, apart)) == [("Enklere jura", [2])]


def test_the_2024_pages_show_every_groups_own_point_and_no_cross_theme_rests_on_one(analysis_2024):
    themes, quality = analysis_2024.themes, analysis_2024.quality
    learning = themes[themes["core_area"] == "Læring"]
    own = learning[~learning["restates_question"] & ~learning["restates_area"]]
    assert {int(g) for cell in own["groups"] for g in str(cell).split()} == {1, 2, 3, 4, 5}
    assert "Økonomisk støtte til forebyggende arbejde" in set(
        learning.loc[learning["n_groups"] == 1, "label"]
    )
    singles = {t for ids in quality["one_group_points"].values() for t in ids}
    import json

    for areas in analysis_2024.cross["areas"]:
        for entry in json.loads(areas) if isinstance(areas, str) else areas:
            assert not set(entry["themes"]) <= singles, entry


def test_a_verb_alone_stays_in_no_theme():
    assert not names_own_point("håndtere", "", frozenset(), _asks, frozenset({"håndtere"}))
    assert names_own_point("håndtere skolevægring", "", frozenset(), _asks, frozenset({"håndtere"}))


def test_a_word_that_only_judges_size_or_weight_names_no_point():
    assert not names_own_point("nødvendig løsning", "", frozenset(), _asks)
    assert names_own_point("nødvendig aflastning", "", frozenset(), _asks)


def test_a_phrase_that_only_names_another_core_area_is_no_point_of_its_own():
    part = _units(
        [
            (5, "social omsorg", "social omsorg", ""),
            (5, "Beskæftigelse", "beskæftigelse", ""),
            (5, "helhedsorienteret syn", "helhedsorienteret syn", ""),
        ]
    )
    others = frozenset({"social omsorg", "beskæftigelse", "økonomi personale og it"})
    assert _labels(one_group_points(part, [], frozenset(), _asks, others=others)) == [
        ("Helhedsorienteret syn", [5])
    ]
    assert len(one_group_points(part, [], frozenset(), _asks)) == 3  # without the names each is a theme


def test_the_page_lists_what_one_group_said_group_by_group(analysis_2024, cfg_2024):
    from pipeline.report.context import build_area_context

    ctx = build_area_context(analysis_2024, cfg_2024, "Social omsorg", recurring_from=2)
    firsts = [t["groups"][0] for t in ctx.single]
    assert len(ctx.single) > 10 and firsts == sorted(firsts)
    # within a group, the report's order (the themes table's) is kept
    themes = analysis_2024.themes
    order = list(themes.loc[themes["core_area"] == "Social omsorg", "label"])
    for g in set(firsts):
        mine = [order.index(t["label"]) for t in ctx.single if t["groups"][0] == g]
        assert mine == sorted(mine)


def test_a_word_saying_only_that_something_might_be_names_no_point():
    """ "potentielle løsninger": which solutions is the point (data/evaluative_words.txt)."""
    assert not names_own_point("potentiel løsning", "", frozenset(), _asks)
    assert not names_own_point("eventuel løsning", "", frozenset(), _asks)
    # with a word of its own it stays a point
    assert names_own_point("potentiel aflastningsfamilie", "", frozenset(), _asks)


def test_a_public_body_a_change_or_a_benefit_alone_names_no_point():
    """ "Folketinget", "udviklingen", "gavn" written alone say who or that, not what."""
    for lemma, text in (("folketing", "Folketinget"), ("region", "regioner"), ("udvikling", "udviklingen")):
        assert not names_own_point(lemma, "", frozenset(), _asks, text=text), lemma
    assert not names_own_point("gavn", "", frozenset(), _asks, text="gavn")
    # in a phrase they stay: "teknologisk udvikling", "kommunens jordbesiddelser"
    assert names_own_point("teknologisk udvikling", "", frozenset(), _asks, text="teknologisk udvikling")
    assert names_own_point("kommune jordbesiddelse", "", frozenset(), _asks, text="kommunens jordbesiddelser")
    # a nominalised action is a claim by itself, and "glæde" grows into its point when kept
    assert names_own_point("samarbejde", "", frozenset(), _asks, text="samarbejde")
    assert names_own_point("glæde", "", frozenset(), _asks, text="glæde")
