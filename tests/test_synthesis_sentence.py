"""The synthesis at the top of an area page: which groups raised which point, never one set of groups."""

from __future__ import annotations

from pipeline.report.synthesis import area_synthesis


def _t(label: str, groups: list[int]) -> dict:
    return {"label": label, "n_groups": len(groups), "n_groups_total": 5, "groups": groups}


def test_points_raised_by_as_many_groups_each_name_their_own_count_and_groups():
    text = area_synthesis([_t("Samarbejde", [3, 4]), _t("Kommunikation", [3, 5])], [], 5)
    # never "2 af 5 grupper hver på …": each point says its own count and groups
    assert text == (
        "Flere grupper pegede på samarbejde (2 af 5 grupper: gruppe 3 og 4) "
        "og kommunikation (2 af 5 grupper: gruppe 3 og 5)."
    )


def test_one_point_per_count_has_no_each_and_named_groups_keep_their_names():
    text = area_synthesis(
        [_t("Fleksibilitet", [2, 3, 4]), _t("Sårbare unge", [1, 4])], [], 5, names={4: "Bord A"}
    )
    assert text == (
        "Flere grupper pegede på fleksibilitet (3 af 5 grupper: gruppe 2, gruppe 3 og Bord A) "
        "og sårbare unge (2 af 5 grupper: gruppe 1 og Bord A)."
    )


def test_a_label_naming_another_wording_and_its_groups_share_one_parenthesis():
    text = area_synthesis([_t("Fleksibilitet (smidigere processer)", [2, 3, 4])], [], 5)
    assert text == "3 af 5 grupper pegede på fleksibilitet (smidigere processer; gruppe 2, 3 og 4)."


def test_restating_words_are_the_area_s_topic_only_when_they_are_its_words_and_only_when_they_recur():
    restating = [_t("Frivillige", [1, 2, 3, 5]), _t("Danmark", [1, 3]), _t("Børn", [2])]
    text = area_synthesis([], [], 5, restating, area_words=("Social omsorg", "frivillighed"))
    assert text.endswith(" Gruppedrøftelsens emne gik igen: frivillige (4 af 5 grupper).")
    # beside points the topic says nothing: the committee's summary names the points only
    with_points = area_synthesis(
        [_t("Samarbejde", [3, 4])], [], 5, restating, area_words=("Social omsorg", "frivillighed")
    )
    assert with_points == "2 af 5 grupper pegede på samarbejde (gruppe 3 og 4)."
    assert "børn" not in text  # one group: it did not recur
    # a word naming no point is no part of the committee's summary ("danmark", lower-cased at that)
    assert "danmark" not in text.casefold() and "uden at sige et punkt" not in text


def test_the_question_s_own_words_are_named_with_how_many_groups_used_them():
    question = [_t("Kompetencer", [1, 3, 5]), _t("Risiko", [1, 5])]
    text = area_synthesis([_t("Teknologi", [3, 5])], [], 5, question=question)
    assert text.endswith(
        " Flere grupper brugte også ord fra spørgsmålet: "
        "kompetencer (3 af 5 grupper) og risiko (2 af 5 grupper)."
    )


def test_the_question_s_words_come_from_the_topic_too_as_the_page_s_list_of_them_says():
    # "frivillighed" is the area's topic, not the question's word: the sentence names both sources
    question = [_t("Frivillighed", [1, 2, 3, 4]), _t("Pårørende", [2, 5])]
    text = area_synthesis([_t("Telefonkæder", [2, 3])], [], 5, question=question, topic="frivillighed")
    assert text.endswith(
        " Flere grupper brugte også ord fra spørgsmålet og fra emnet (frivillighed): "
        "frivillighed (4 af 5 grupper) og pårørende (2 af 5 grupper)."
    )
    alone = area_synthesis([], [], 5, question=question, topic="frivillighed")
    assert alone.startswith(
        "Grupperne brugte ord fra spørgsmålet og fra emnet (frivillighed): frivillighed og pårørende; "
    )
    assert "spørgsmålets egne ord" not in text + alone
