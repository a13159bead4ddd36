"""Words several groups used about different things: the area page's section, written once.

A general noun of a thing ("plads", "virksomhed") that several groups wrote is no point of its
own: the theme stage takes such a theme apart (:mod:`pipeline.themes.words`) and records each
group's own phrases in ``theme_quality.json`` under ``words_apart``. The page lists them under
their own heading, so the reader sees that the groups shared a word, not a point: "Plads: plads
til offentlig vækst (gruppe 1); plads til skattelettelser (gruppe 2)".

A sentence a group wrote word for word under two core areas (:mod:`pipeline.themes.copies`,
``copies`` in the quality record) is said on both pages too, under a heading of its own, with
whether it counts toward this area's themes: :func:`copies_of`, :func:`copies_blocks`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipeline.report import blocks as pm
from pipeline.report.wording import group_label, groups_text

__all__ = ["COPIES", "WORDS_APART", "copies_blocks", "copies_of", "words_apart_blocks", "words_apart_of"]

#: The section's heading on the area page.
WORDS_APART = "Ord, som flere grupper brugte om forskellige ting"
#: The heading of the sentences a group wrote under two areas.
COPIES = "Samme sætning under to kerneområder"


def _entries(groups: list[dict], year: int, text_of: Mapping[str, str]) -> list[dict]:
    """The year's groups as entries, those that wrote the same phrases together.

    A group whose phrases are the word alone shows the sentences it wrote them in (what it said
    about the word).
    """
    by_words: dict[tuple[str, ...], list[int]] = {}
    out = []
    for g in groups:
        if int(g.get("year", year)) != int(year):
            continue
        said = [(sid, text_of[sid]) for sid in g.get("statements", []) if sid in text_of]
        if said and all(len(w.split()) == 1 for w in g["words"]):
            out.append({"groups": [int(g["group"])], "words": [], "statements": said})
        else:
            by_words.setdefault(_widest(g["words"]), []).append(int(g["group"]))
    out += [{"groups": sorted(gs), "words": list(w), "statements": []} for w, gs in by_words.items()]
    return sorted(out, key=lambda e: e["groups"])


def _widest(words: list[str]) -> tuple[str, ...]:
    """A group's phrases without those another of its phrases holds whole.

    "forbinder ældre, ældre" says "ældre" twice; the wider phrase says what the group meant.

    >>> _widest(["omdanne plejehjem", "plejehjem", "plejehjemmene"])
    ('omdanne plejehjem', 'plejehjemmene')
    """
    padded = [f" {w.casefold()} " for w in words]
    return tuple(w for w, p in zip(words, padded, strict=True) if not any(p != o and p in o for o in padded))


def words_apart_of(
    quality: Mapping, area: str, year: int, statements: pd.DataFrame | None = None
) -> list[dict]:
    """The area's words taken apart, for the seminar's year: ``{"word", "groups": [entry]}``.

    Each entry is ``{"groups", "words", "statements"}``: groups that wrote the same phrases are
    one entry; a group whose phrases are the word alone ("virksomheder") has the sentences it
    wrote them in (``(statement_id, text)``) instead, so the reader sees what it meant. A word
    only one group of the year used is left out (it was not used by several).

    Args:
        quality: The theme stage's quality record (``words_apart``: per area, the recorded words).
        area: The core area.
        year: The seminar's year.
        statements: The area's statements (``statement_id``, ``text``); None shows the phrases only.
    """
    text_of = (
        {} if statements is None else dict(zip(statements["statement_id"], statements["text"], strict=True))
    )
    out = []
    for entry in quality.get("words_apart", {}).get(area, []):
        groups = _entries(entry.get("groups", []), year, text_of)
        if sum(len(g["groups"]) for g in groups) >= 2:
            # the heading is a word the groups wrote ("tiltag / løsning", not the "intervention" joining them)
            out.append({"word": entry.get("heading") or entry["word"], "groups": groups})
    return out


def _entry(entry: dict, names: Mapping[int, str]) -> pm.Inlines:
    """One entry: the group's phrases, or its sentences linked to the notes, then its groups."""
    if entry["statements"]:
        said: list = []
        for sid, text in entry["statements"]:
            said += ["; " if said else "", "»", pm.Link(text, f"#s-{sid}"), "«"]
        return pm.inlines(*said, f" ({groups_text(entry['groups'], names)})")
    return (f"{', '.join(entry['words'])} ({groups_text(entry['groups'], names)})",)


def words_apart_blocks(words: list[dict], names: Mapping[int, str]) -> list[pm.Block]:
    """The section: the heading, one sentence, and per word each group's own words (gruppe N).

    Args:
        words: From :func:`words_apart_of`.
        names: The named groups' names by ordinal.
    """
    if not words:
        return []
    items = []
    for w in words:
        runs: list = [pm.Strong(w["word"][:1].upper() + w["word"][1:]), " \N{EN DASH} "]
        for i, entry in enumerate(w["groups"]):
            runs += ["; " if i else "", *_entry(entry, names)]
        items.append(pm.inlines(*runs))
    # a heading of several words ("Tiltag / løsning"): the groups wrote words that stand for one another
    same = "det samme ord" + (
        " (eller ord, der står for hinanden)" if any(" / " in w["word"] for w in words) else ""
    )
    text = (
        f"Grupperne brugte {same}, men om noget forskelligt; ordet alene er derfor ikke talt som et "
        "tema. Hver gruppes egne ord:"
    )
    return [pm.Heading(2, (WORDS_APART,)), pm.Paragraph((text,)), pm.BulletList(tuple(items))]


def copies_of(quality: Mapping, area: str, year: int) -> list[dict]:
    """The area's statements that repeat a sentence their group wrote under another area, for the year.

    Each is the quality record's entry (:meth:`pipeline.themes.copies.Copy.as_dict`): ``group``,
    ``statement_id``, ``other_area``, ``words``, ``counts``.
    """
    return [c for c in quality.get("copies", {}).get(area, []) if int(c.get("year", year)) == int(year)]


def copies_blocks(copies: list[dict], names: Mapping[int, str]) -> list[pm.Block]:
    """The section: per copy its group, the sentence (linked to the notes), the other area, whether it counts.

    Args:
        copies: From :func:`copies_of`.
        names: The named groups' names by ordinal.
    """
    if not copies:
        return []
    items = []
    for c in copies:
        if not c["counts"]:
            counted = f"Her er den ikke talt med i temaerne: den nævner kun ord fra {c['other_area']}."
        elif not c.get("other_counts", True):
            counted = (
                f"Den er talt med her, ikke under {c['other_area']}: dér nævner den kun dette områdes ord."
            )
        else:
            counted = "Den er talt med i temaerne begge steder; tjek noterne."
        said = (
            group_label(c["group"], names, capital=True),
            f" skrev den samme sætning under {c['other_area']}: »",
        )
        items.append(pm.inlines(*said, pm.Link(c["words"], f"#s-{c['statement_id']}"), "«. ", counted))
    text = "Sætningen står ordret i gruppens noter til to kerneområder; måske en kopi ved en fejl."
    return [pm.Heading(2, (COPIES,)), pm.Paragraph((text,)), pm.BulletList(tuple(items))]
