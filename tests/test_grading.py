"""A grading adjective on the question's own noun restates the question ("grov vold" of "vold", issue 33)."""

from __future__ import annotations

import pandas as pd

from pipeline.danish.grading import is_grading


def _question_only(label: str, lemmas: list[str], area: set[str]) -> bool:
    from pipeline.themes.describe import _repeats_area
    from pipeline.themes.records import AreaFacts

    facts = AreaFacts(pd.DataFrame(), {}, {}, {}, frozenset(area), frozenset({"tryghed"}), None)
    return _repeats_area(label, pd.DataFrame({"lemmas": lemmas}), facts)[1]


def test_grading_words_are_a_lexicon_of_degree_not_of_kind():
    assert is_grading("grov") and is_grading("alvorlig") and is_grading("Hård")
    assert not is_grading("tidlig") and not is_grading("sårbar") and not is_grading("grøn")


def test_a_label_of_the_questions_noun_graded_restates_the_question():
    # "Skal straffen for indbrud skærpes?": "groft indbrud" is the question's noun at its severe end
    area = {"straf", "indbrud", "skærpe"}
    assert _question_only("grov indbrud", ["grov indbrud"], area)
    assert _question_only("alvorlig indbrud", ["alvorlig indbrud"], area)
    # a word of a kind says more than the question; a graded noun the question does not ask about is a point
    assert not _question_only("digital indbrud", ["digital indbrud"], area)
    assert not _question_only("grov hærværk", ["grov hærværk"], area)
