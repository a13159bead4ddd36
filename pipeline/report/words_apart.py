"""Words several groups used about different things: the area page's section, written once.

A general noun of a thing ("plads", "virksomhed") that several groups wrote is no point of its
own: the theme stage takes such a theme apart (:mod:`pipeline.themes.words`) and records each
group's own phrases in ``theme_quality.json`` under ``words_apart``. The page lists them under
their own heading, so the reader sees that the groups shared a word, not a point: "Plads: plads
til offentlig vækst (gruppe 1); plads til skattelettelser (gruppe 2)".
"""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.report import blocks as pm
from pipeline.report.wording import groups_text

__all__ = ["WORDS_APART", "words_apart_blocks", "words_apart_of"]

#: The section's heading on the area page.
WORDS_APART = "Ord, som flere grupper brugte om forskellige ting"


def words_apart_of(quality: Mapping, area: str, year: int) -> list[dict]:
    """The area's words taken apart, for the seminar's year: ``{"word", "groups": [{"groups", "words"}]}``.

    Groups that wrote the same phrases are one entry (``groups`` in order); a word only one group
    of the year used is left out (it was not used by several).

    Args:
        quality: The theme stage's quality record (``words_apart``: per area, the recorded words).
        area: The core area.
        year: The seminar's year.
    """
    out = []
    for entry in quality.get("words_apart", {}).get(area, []):
        by_words: dict[tuple[str, ...], list[int]] = {}
        for g in entry.get("groups", []):
            if int(g.get("year", year)) == int(year):
                by_words.setdefault(tuple(g["words"]), []).append(int(g["group"]))
        if sum(len(gs) for gs in by_words.values()) >= 2:
            groups = [{"groups": sorted(gs), "words": list(w)} for w, gs in by_words.items()]
            out.append({"word": entry["word"], "groups": sorted(groups, key=lambda g: g["groups"])})
    return out


def words_apart_blocks(words: list[dict], names: Mapping[int, str]) -> list[pm.Block]:
    """The section: the heading, one sentence, and per word each group's own phrases (gruppe N).

    Args:
        words: From :func:`words_apart_of`.
        names: The named groups' names by ordinal.
    """
    if not words:
        return []
    items = tuple(
        pm.inlines(
            pm.Strong(w["word"][:1].upper() + w["word"][1:]),
            " \N{EN DASH} ",  # as the recurring themes list each group's own words
            "; ".join(f"{', '.join(g['words'])} ({groups_text(g['groups'], names)})" for g in w["groups"]),
        )
        for w in words
    )
    text = (
        "Grupperne brugte det samme ord, men om noget forskelligt; ordet alene er derfor ikke talt som et "
        "tema. Hver gruppes egne ord:"
    )
    return [pm.Heading(2, (WORDS_APART,)), pm.Paragraph((text,)), pm.BulletList(items)]
