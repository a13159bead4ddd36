"""Units freed from a theme that only restates the question: what a group said beyond the asked word.

A theme such as "Frivillige" under a question about frivillighed counts the groups that wrote the
question's word, and tells the committee nothing. Some of its key phrases say more than the word:
"koordinere og integrere frivillige" (gruppe 1) is about coordinating the volunteers, a point the
group made. Left inside the restating theme such a phrase was in no point of its own, no
one-group theme and no suggestion. So every key phrase of a restating theme whose own words go
beyond the question's (:func:`~pipeline.themes.singles.names_own_point`, the test the one-group
points use) is released:

* joined with the released or loose phrases of other groups that say the same
  (:func:`~pipeline.themes.points.cover_points`, the rule of every point of several groups), when
  what they share is more than the question's words;
* else left to :func:`~pipeline.themes.singles.one_group_points`, which makes it a theme of its
  group (and so a side the suggestion loop can propose).

The restating theme keeps counting the groups that wrote the question's word: its row still
lists the released phrases (its ``units``, evidence and "k af n"), so the page's "Spørgsmålets
egne ord" shows each group's own words about the word as before; the units table puts each
released phrase in the point it makes (one theme per phrase, so nothing is counted twice as a
point).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pandas as pd

from pipeline.danish import FRAME_NOUNS, GENERAL_NOUNS, MEASURE_NOUNS
from pipeline.danish.generality import is_general_noun
from pipeline.danish.inflection import nominalise
from pipeline.themes.naming import point_label
from pipeline.themes.points import cover_points
from pipeline.themes.records import AreaFacts, FoundTheme
from pipeline.themes.singles import names_own_point
from pipeline.themes.units import unit_parts

__all__ = ["only_restates", "question_action", "release_restated", "repeats_question", "says_more"]


def only_restates(theme: FoundTheme, facts: AreaFacts) -> bool:
    """Whether a theme only names its area's topic or repeats its question (the rows' flags)."""
    from pipeline.themes.describe import _repeats_area

    topic_only, question_only = _repeats_area(theme.label, theme.units, facts)
    return topic_only or question_only


def says_more(unit, empty: frozenset[str], restates: Callable[[str], bool]) -> bool:
    """Whether a key phrase's own words go beyond the question's words (and name a point).

    Args:
        unit: A row of the units table (``lemmas``, ``verbs``; ``complement`` when parsed).
        empty: Words that name no point on their own (settings, words spread evenly).
        restates: ``restates(lemma)``: whether a word only repeats the area's question.
    """
    return names_own_point(
        str(unit.lemmas),
        str(getattr(unit, "complement", "") or ""),
        empty,
        lambda w: repeats_question(w, restates),
        frozenset(str(unit.verbs).split()),
    )


def repeats_question(lemma: str, restates: Callable[[str], bool]) -> bool:
    """Whether a word adds nothing to the question's words: one of them, or a general noun beside one.

    The rule the theme's flag follows (a label of the question's words and general nouns restates
    it, :mod:`pipeline.themes.describe`): "frivillige organisationer" and "frivilligt arbejde"
    under a question about frivillighed say no more than the word, and neither does the compound
    "frivillighedsarbejde" (:func:`pipeline.themes.describe.restates` reads each compound part, so
    it keeps such a compound as a word of its own).
    """
    if restates(lemma) or _nothing_added(lemma):
        return True
    parts = unit_parts(lemma)
    head = parts[-1] if len(parts) >= 2 else ""
    return bool(head) and _nothing_added(head) and all(restates(p) for p in parts[:-1])


def _nothing_added(word: str) -> bool:
    """A general, frame or measure noun: what it adds to another word names no point."""
    return word in GENERAL_NOUNS or word in FRAME_NOUNS or word in MEASURE_NOUNS or is_general_noun(word)


@lru_cache(maxsize=256)
def _actions(area_words: frozenset[str]) -> frozenset[str]:
    """The nouns of the actions the area's words name as verbs ("skærpe" → "skærpelse")."""
    return frozenset(n for n in (nominalise(w) for w in area_words) if n)


def question_action(lemma: str, area_words: frozenset[str]) -> bool:
    """Whether a lemma is the noun of a verb the question asks with ("skærpelse" of "skal straffen skærpes?").

    The key phrases give a verb and its object as the verb's noun ("skærpe straffen" → "skærpelse
    straf"): that repeats the question's verb, it adds no point.
    """
    return lemma in _actions(area_words)


def _freed(part: pd.DataFrame, theme: FoundTheme, empty, restates) -> np.ndarray:
    """The positions of a restating theme's units that say more than the question's words."""
    rows = part.iloc[theme.members]
    keep = [says_more(u, empty, restates) for u in rows.itertuples(index=False)]
    return theme.members[np.asarray(keep, dtype=bool)] if len(keep) else theme.members[:0]


def _joined(
    part: pd.DataFrame, free: np.ndarray, loose: np.ndarray, empty, restates
) -> list[tuple[str, np.ndarray]]:
    """Points of two or more groups among the freed and loose units that hold a freed unit.

    A point whose words only repeat the question ("frivillig" shared by two freed phrases) is the
    restating theme again, not a point: such a point is dropped and its units stay free.
    """
    pool = np.union1d(free, loose).astype(int)
    if len(pool) < 2:
        return []
    out = []
    for key, at in cover_points(part.iloc[pool], empty=empty, restates=restates):
        members = pool[at]
        if not np.isin(members, free).any():
            continue
        if not names_own_point(key, "", empty, lambda w: repeats_question(w, restates)):
            continue
        out.append((key, members))
    return out


def release_restated(
    part: pd.DataFrame,
    points: list[FoundTheme],
    restating: list[bool],
    empty: frozenset[str],
    restates: Callable[[str], bool],
) -> tuple[list[FoundTheme], list[FoundTheme]]:
    """Free the units of restating themes that say more than the question's words.

    Args:
        part: One area's units (``lemmas``, ``verbs``, ``stance``, ``year``, ``group``, ``words``,
            ``content_at``; ``complement`` when parsed).
        points: The area's themes found so far.
        restating: Per theme, whether it only restates the area or its question (and names
            none of the question's given options).
        empty: Words that name no point on their own.
        restates: ``restates(lemma)``: whether a word only repeats the area's question.

    Returns:
        ``(points, joined)``: the themes, each restating one keeping its freed units as
        ``released`` (counted in its row, placed elsewhere in the units table), and the new
        themes of several groups the freed units make. Freed units in neither stay in no
        theme, for :func:`~pipeline.themes.singles.one_group_points`.
    """
    freed = {i: _freed(part, p, empty, restates) for i, p in enumerate(points) if restating[i]}
    free = np.asarray(sorted({int(x) for f in freed.values() for x in f}), dtype=int)
    if not len(free):
        return points, []
    taken = {int(x) for p in points for x in p.members} - set(free.tolist())
    stance = part["stance"].to_numpy(dtype=bool)
    loose = np.asarray([i for i in range(len(part)) if i not in taken and not stance[i]], dtype=int)
    joined = []
    for key, members in _joined(part, free, np.setdiff1d(loose, free), empty, restates):
        same = [i for i in freed if set(map(int, points[i].members)) == set(map(int, members))]
        if same:
            # every phrase of the restating theme, and nothing else: the same theme, and the
            # judgement that it only restates the question stands ("grov vold" of "vold")
            for i in same:
                freed[i] = np.asarray([], dtype=int)
            continue
        joined.append(FoundTheme(members, part.iloc[members], point_label(key, part.iloc[members])))
    out = []
    for i, p in enumerate(points):
        if i not in freed or not len(freed[i]):
            out.append(p)
            continue
        kept = np.setdiff1d(p.members, freed[i]).astype(int)
        p = replace(p, members=kept, released=tuple(int(x) for x in freed[i]))
        out.append(replace(p, units=part.iloc[p.counted]))
    return out, joined
