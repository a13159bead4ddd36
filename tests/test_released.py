"""A phrase inside a theme that only restates the question makes its own point (issue 33, s6-01).

"Frivillige" under a question about frivillighed counts the groups that wrote the word; "koordinere
frivillige" in it says more, and that point must not be swallowed by the word.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.report.asked import listed_units
from pipeline.themes.records import FoundTheme
from pipeline.themes.released import question_action, release_restated, repeats_question, says_more
from pipeline.themes.singles import names_own_point, one_group_points

#: The question's own words in these fixtures (an area about frivillighed).
_QUESTION = frozenset({"frivillighed", "frivillig"})


def _restates(word: str) -> bool:
    return word in _QUESTION


def _units(rows: list[tuple[int, str, str, str]]) -> pd.DataFrame:
    """Units of one area: ``(group, text, lemmas, positions of the lemmas in the text)`` each."""
    return pd.DataFrame(
        [
            {
                "unit_id": f"u{i}",
                "year": 2024,
                "group": group,
                "statement_id": f"s{group}",
                "text": text,
                "lemmas": lemmas,
                "complement": "",
                "verbs": "",
                "stance": False,
                "words": text,
                "content_at": at,
                "theme": -1,
            }
            for i, (group, text, lemmas, at) in enumerate(rows)
        ]
    )


def _word_theme(part: pd.DataFrame, at: list[int]) -> FoundTheme:
    members = np.asarray(at, dtype=int)
    return FoundTheme(members, part.iloc[members], "Frivillige")


def _labels(themes: list[FoundTheme]) -> list[tuple[str, list[int]]]:
    return [(t.label, sorted({int(g) for g in t.units["group"]})) for t in themes]


def test_a_phrase_that_says_more_than_the_questions_word_is_released_the_word_alone_stays():
    part = _units(
        [
            (1, "frivillige", "frivillig", "0"),
            (1, "koordinering af frivillige", "koordinering frivillig", "0 2"),
            (2, "frivillighed", "frivillighed", "0"),
            (3, "frivillige", "frivillig", "0"),
        ]
    )
    points, joined = release_restated(part, [_word_theme(part, [0, 1, 2, 3])], [True], frozenset(), _restates)
    assert joined == []
    word = points[0]
    # the units table places group 1's coordination elsewhere; the row still counts every group
    assert list(word.members) == [0, 2, 3] and word.released == (1,)
    assert list(word.counted) == [0, 1, 2, 3] and list(word.units.index) == [0, 1, 2, 3]
    # with nothing else to say it, it is a theme of its one group
    assert _labels(one_group_points(part, points, frozenset(), _restates)) == [
        ("Koordinering af frivillige", [1])
    ]


def test_released_phrases_of_two_groups_that_say_the_same_are_one_point():
    part = _units(
        [
            (1, "koordinering af frivillige", "koordinering frivillig", "0 2"),
            (2, "frivillige", "frivillig", "0"),
            (3, "koordinering", "koordinering", "0"),
            (4, "frivillige", "frivillig", "0"),
        ]
    )
    points, joined = release_restated(part, [_word_theme(part, [0, 1, 3])], [True], frozenset(), _restates)
    # group 3's loose "koordinering" says the same as group 1's released phrase
    assert _labels(joined) == [("Koordinering", [1, 3])]
    assert list(points[0].members) == [1, 3] and points[0].released == (0,)


def test_what_two_released_phrases_share_only_in_the_questions_word_is_no_point():
    part = _units(
        [
            (1, "koordinering af frivillige", "koordinering frivillig", "0 2"),
            (2, "rekruttering af frivillige", "rekruttering frivillig", "0 2"),
        ]
    )
    points, joined = release_restated(part, [_word_theme(part, [0, 1])], [True], frozenset(), _restates)
    assert joined == [] and points[0].released == (0, 1)
    assert _labels(one_group_points(part, points, frozenset(), _restates)) == [
        ("Koordinering af frivillige", [1]),
        ("Rekruttering af frivillige", [2]),
    ]


def test_a_theme_that_says_a_point_keeps_its_units():
    part = _units(
        [
            (1, "koordinering af frivillige", "koordinering frivillig", "0 2"),
            (2, "frivillige", "frivillig", "0"),
        ]
    )
    theme = _word_theme(part, [0, 1])
    points, joined = release_restated(part, [theme], [False], frozenset(), _restates)
    assert points == [theme] and joined == []


def test_a_general_noun_added_to_the_questions_word_says_nothing_more():
    # "frivillighedsarbejde" is "frivilligt arbejde"; "frivillige organisationer" names no point
    assert repeats_question("frivillighedsarbejde", _restates)
    assert not repeats_question("frivillighedsmesse", _restates)
    part = _units(
        [
            (1, "frivillighedsarbejde", "frivillighedsarbejde", "0"),
            (2, "frivillige organisationer", "frivillig organisation", "0 1"),
            (3, "frivillighedsmesse", "frivillighedsmesse", "0"),
        ]
    )
    said = [says_more(u, frozenset(), _restates) for u in part.itertuples(index=False)]
    assert said == [False, False, True]


def test_the_questions_own_words_section_still_lists_a_released_phrase():
    units = _units(
        [(1, "frivillige", "frivillig", "0"), (3, "fysiske frivillige", "fysisk frivillig", "0 1")]
    )
    units["theme"] = [0, 7]  # the second was released to a point of its own
    themes = pd.DataFrame({"topic": [0, 7], "units": ["u0 u1", "u1"]})
    assert list(listed_units(units, themes, 0)["unit_id"]) == ["u0", "u1"]
    assert list(listed_units(units, themes.drop(columns="units"), 0)["unit_id"]) == ["u0"]


def test_the_2024_volunteers_coordination_is_a_point_of_its_own(analysis_2024):
    themes, units = analysis_2024.themes, analysis_2024.units
    social = themes[themes["core_area"] == "Social omsorg"]
    word = social[social["label"] == "Frivillige"].iloc[0]
    coordinate = units[units["text"] == "koordinere og integrere frivillige"].iloc[0]
    own = social[social["topic"] == coordinate["theme"]].iloc[0]
    assert own["label"] == "Koordinering af frivillige" and own["groups"] == "1"
    assert not own["restates_question"] and not own["restates_area"]
    # the word's theme still counts group 1, which wrote it, and lists the phrase
    assert "1" in word["groups"].split() and coordinate["unit_id"] in word["units"].split()


def test_the_noun_of_a_verb_the_question_asks_with_repeats_the_question():
    # "Skal straffen for vold og voldtægt skærpes?": "skærpe straffen" gives "skærpelse straf"
    words = frozenset({"straf", "vold", "voldtægt", "skærpe"})
    assert question_action("skærpelse", words)
    assert not question_action("fastsættelse", words) and not question_action("straf", words)


def test_what_the_questions_own_action_is_done_to_is_the_point():
    # "styrkelse af kvaliteten" under a question about "et styrket anbringelsesområde"
    def asked(word: str) -> bool:
        return word in {"styrke", "styrkelse", "anbringelsesområde"}

    assert names_own_point("styrkelse kvalitet", "kvalitet", frozenset(), asked)
    # the question's action done to the question's own thing is still no point
    assert not names_own_point("styrkelse anbringelsesområde", "anbringelsesområde", frozenset(), asked)
    # and a complement beside a word of the group's own stays only whom the point is for
    assert names_own_point("synlighed plejehjem", "plejehjem", frozenset({"plejehjem"}), asked)


def test_the_theme_stage_releases_a_phrase_of_the_questions_theme_that_says_more(danish_nlp):
    """Three groups write "frivillige" under a question about them; group 1 also their coordination."""
    from pipeline.config import parse_config
    from pipeline.flows import analyse_seminar
    from pipeline.ingest import SourceFile, ingest
    from tests.conftest import TINY_TOML

    notes = [
        (1, "Vi talte om frivillige. Koordinering af frivillige er svær."),
        (2, "Frivillige er vigtige for os."),
        (3, "De frivillige hjælper hver dag."),
    ]
    cfg = parse_config(TINY_TOML)
    data = "kerneområde;gruppe;tekst\n" + "".join(f'Social omsorg;{g};"{t}"\n' for g, t in notes)
    result = ingest([SourceFile("n.csv", data.encode())], cfg)
    analysis = analyse_seminar(result.notes, result.rejects, cfg, nlp=danish_nlp)
    themes, units = analysis.themes.set_index("label"), analysis.units
    coordination = units[units["text"] == "Koordinering af frivillige"].iloc[0]
    own = themes.loc["Koordinering af frivillige"]
    assert own["groups"] == "1" and coordination["theme"] == own["topic"]
    assert not own["restates_area"] and not own["restates_question"]
    word = themes.loc["Frivillige"]
    # the word's theme still counts all three groups and lists the phrase; the bare words stay in it
    assert word["groups"] == "1 2 3" and coordination["unit_id"] in word["units"].split()
    bare = units[units["lemmas"] == "frivillig"]
    assert len(bare) == 3 and set(bare["theme"]) == {word["topic"]}


def test_a_point_of_every_phrase_of_the_restating_theme_and_nothing_else_is_the_same_theme():
    """Both groups wrote "grove frivillige" under a question on frivillighed: released and joined
    they would be the restating theme twice over; the theme stays as it is, not listed twice."""
    part = _units(
        [
            (1, "grove frivillige", "grov frivillig", "0 1"),
            (2, "grove frivillige", "grov frivillig", "0 1"),
        ]
    )
    points, joined = release_restated(part, [_word_theme(part, [0, 1])], [True], frozenset(), _restates)
    assert joined == []
    assert list(points[0].members) == [0, 1] and points[0].released == ()
