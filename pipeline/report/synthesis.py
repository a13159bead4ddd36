"""An area's synthesis: the extractive sentences at the top of its page, in the groups' own words."""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.report.wording import da_list, groups_text, lower_first, question_words_source

__all__ = ["area_synthesis", "lists_synthesis"]


def area_synthesis(
    recurring: list[dict],
    single: list[dict],
    n_groups: int,
    restating: list[dict] | None = None,
    question: list[dict] | None = None,
    names: Mapping[int, str] | None = None,
    area_words: tuple[str, ...] = (),
    topic: str = "",
) -> str:
    """An extractive synthesis of an area.

    The recurring sub-themes in the groups' words (at most six, most groups first), each with how
    many groups raised it and which (``names``: the named groups' names), so "2 af 5 grupper … på
    samarbejde og kommunikation" is never read as the same two groups saying both.

    Themes that only repeat the question's words (``question``, with their counts) are named after
    the sub-themes, once. The area's own topic (``restating``: those of the words of ``area_words``,
    the area's name and topic, that two or more groups used) is named only where nothing else is:
    beside points it says nothing. Restating themes of other words name no point ("danmark",
    "alle") and are left out: the summary is the committee's. The question's words are said to
    come from where the page's list of them says (:func:`~pipeline.report.wording.question_words_source`:
    the question and, when the area has one, its ``topic``).

    >>> area_synthesis([{"label": "Kapacitet", "n_groups": 4, "n_groups_total": 5}], [], 5)
    '4 af 5 grupper pegede på kapacitet.'
    """
    question = question or []
    # the method counts points said in the same words: where it finds none, it says so of itself,
    # not of the groups (two groups may have made one point in other words)
    if not recurring:
        tail = _restating_sentence(restating or [], area_words)  # the topic only where no point is
        if question:
            return (
                f"Grupperne brugte ord fra {question_words_source(topic)}: "
                f"{da_list([lower_first(t['label']) for t in question[:3]])}; metoden fandt ikke andre "
                "punkter, som flere grupper rejste med de samme ord." + tail
            )
        if single:
            return (
                "Metoden fandt ingen punkter, som flere grupper rejste med de samme ord. Enkelte grupper "
                f"pegede på {da_list([lower_first(t['label']) for t in single[:4]])}." + tail
            )
        return (
            ("Noterne gav ingen temaer ud over gruppedrøftelsens eget emne." + tail)
            if tail
            else "Noterne gav ingen temaer."
        )
    ordered = sorted(recurring, key=lambda t: -int(t["n_groups"]))[:6]
    if len(ordered) == 1:
        (t,) = ordered
        text = f"{t['n_groups']} af {n_groups} grupper pegede på {_named(t, names)}."
    else:
        # each point with its own count: "2 af 5 grupper hver på a og b" read as one pair of groups
        named = [_named(t, names, f"{t['n_groups']} af {n_groups}") for t in ordered]
        # "flere grupper", not "grupperne": two of five groups are not the groups as a whole
        text = f"Flere grupper pegede på {da_list(named)}."
    if question:
        # with their counts: "kompetencer (3 af 5 grupper)" says how much of the answer was about them
        text += (
            f" Flere grupper brugte også ord fra {question_words_source(topic)}: {_counted(question[:3])}."
        )
    return text


def lists_synthesis(lists, n_groups: int, names: Mapping[int, str] | None, area_cfg) -> str:
    """:func:`area_synthesis` of an area page's theme lists, the area's name and topic as its own words."""
    words = (str(area_cfg.name), str(area_cfg.theme or ""))
    return area_synthesis(
        lists.recurring,
        lists.single,
        n_groups,
        lists.restating,
        lists.question,
        names,
        words,
        topic=str(area_cfg.theme or ""),
    )


def _named(theme: dict, names: Mapping[int, str] | None, count: str = "") -> str:
    """A point as the synthesis names it: its label, with its count and groups when given."""
    label = lower_first(theme["label"])
    groups = groups_text(theme["groups"], names) if theme.get("groups") else ""
    inner = f"{count} grupper: {groups}" if count and groups else f"{count} grupper" if count else groups
    if not inner:
        return label
    if label.endswith(")"):  # a label naming another wording: one parenthesis, not two side by side
        return f"{label[:-1]}; {inner})"
    return f"{label} ({inner})"


def _restating_sentence(restating: list[dict], area_words: tuple[str, ...] = ()) -> str:
    """The themes two or more groups raised that restate the area's topic (its name's or topic's words).

    >>> _restating_sentence([{"label": "Frivillige", "n_groups": 4, "n_groups_total": 5}], ("frivillighed",))
    ' Gruppedrøftelsens emne gik igen: frivillige (4 af 5 grupper).'
    >>> _restating_sentence([{"label": "Danmark", "n_groups": 3, "n_groups_total": 10}], ("EU",))
    ''
    """
    from pipeline.danish import related

    words = [w for text in area_words for w in str(text).casefold().replace(",", " ").split()]

    def own(theme: dict) -> bool:
        return any(related(w, a) for w in str(theme["label"]).casefold().split() for a in words)

    topic = [t for t in restating if int(t["n_groups"]) >= 2 and own(t)]
    # words that name no point ("danmark", "alle") are left out: a committee's summary says points
    return f" Gruppedrøftelsens emne gik igen: {_counted(topic)}." if topic else ""


def _counted(themes: list[dict]) -> str:
    """Labels with their counts, as a Danish list: ``frivillige (4 af 5 grupper) og unge (2 af 5 …)``.

    A question word's count is the groups that wrote it (:func:`~pipeline.report.word_reach.word_count`):
    the sentence says the groups used the word, as the page's word table counts them.
    """
    from pipeline.report.word_reach import word_count

    return da_list(
        [f"{lower_first(t['label'])} ({word_count(t)} af {t['n_groups_total']} grupper)" for t in themes]
    )
