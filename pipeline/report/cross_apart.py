"""Words groups used in several core areas about different things: the index page lists them apart.

"Samarbejde mellem frivillige organisationer og det politiske niveau" (Social omsorg) and
"samarbejde med virksomheder" (Beskæftigelse) share a word, not a point: the theme stage leaves
such a word out of the cross-cutting points (:func:`pipeline.themes.cross.same_beyond_word`) and
records it in ``theme_quality.json`` under ``cross_words_apart``. The index lists it under its own
heading with each area's groups and their own words (:func:`pipeline.report.answers.group_specifics`,
as the area pages show them), so the reader sees the shared word and that it counts as no point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from pipeline.config import slugify
from pipeline.report import blocks as pm
from pipeline.report.answers import group_specifics
from pipeline.report.wording import groups_text

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = ["CROSS_WORDS_APART", "cross_apart_blocks", "cross_words_apart"]

#: The list's heading on the index page.
CROSS_WORDS_APART = "Ord, som grupperne brugte i flere kerneområder om forskellige ting"


def cross_words_apart(analysis: Analysis) -> list[dict]:
    """The recorded words: ``{"word", "areas": [{"name", "href", "said": [(words, groups)]}]}``.

    Each area's groups with their own words (the phrase with what it stands with), groups that
    wrote the same phrase together; a group that wrote the word alone is listed with it as written.
    """
    units = analysis.units
    out = []
    for entry in analysis.quality.get("cross_words_apart", []):
        areas = []
        for a in entry["areas"]:
            part = units[units["unit_id"].astype(str).isin(set(a["unit_ids"]))]
            said = [
                (s["text"], s["groups"])
                for s in group_specifics(entry["word"], part, analysis.statements, whole=True)
            ]
            if not said:  # every group wrote the word alone, in the same words
                said = [(" ".join(str(part["text"].iloc[0]).split()), list(a["groups"]))]
            href = f"{slugify(a['core_area'])}.html"
            areas.append({"name": a["core_area"], "href": href, "said": said})
        out.append({"word": entry["word"], "areas": areas})
    return out


def cross_apart_blocks(words: list[dict], names: Mapping[int, str] | None) -> list[pm.Block]:
    """The list: a heading, one sentence, and per word each area (linked) with its groups' own words.

    Args:
        words: From :func:`cross_words_apart`.
        names: The named groups' names by ordinal.
    """
    if not words:
        return []
    items = []
    for w in words:
        runs: list = [pm.Strong(w["word"]), " \N{EN DASH} "]
        for i, a in enumerate(w["areas"]):
            said = "; ".join(f"{text} ({groups_text(groups, names)})" for text, groups in a["said"])
            runs += [". " if i else "", pm.Link(a["name"], a["href"]), f": {said}"]
        items.append(pm.inlines(*runs, "."))
    text = (
        "Grupperne brugte det samme ord i flere kerneområder, men om noget forskelligt; ordet er derfor "
        "ikke talt som et tværgående punkt. Hver gruppes egne ord:"
    )
    return [pm.Heading(3, (CROSS_WORDS_APART,)), pm.Paragraph((text,)), pm.BulletList(tuple(items))]
