"""One-group points: what a group said once, beyond the question's own words, as a theme of that group.

A theme of several groups needs their words to meet; a point one group made is a theme of one
group. Notes are summaries, so a group usually makes its point in one key phrase ("økonomisk
støtte", "tvangsadoptioner"), and the clusterer and :func:`~pipeline.themes.points.choose_point`
keep only sets of two or more units. Without this step a group's point was shown only when the
group happened to write its words twice, and a group whose points were all its own was on no list
of its area's page at all. So every key phrase left in no theme that names a point of its own
becomes (with the group's other phrases that say the same) a theme of its group, which the page
lists under the themes raised by one group.

A phrase names no point of its own (:func:`names_own_point`) when, once the words that only
complement another noun ("børn og unge" in "fællesskaber for børn og unge"), the question's own
words, settings and the general, frame and measure nouns ("løsning", "behov", "tid") are left
out, nothing is left; or when it is one general noun of a thing alone ("hjælp", "område") or only
verbs ("håndtere"), a general noun of a person ("borgere") or an adjective alone ("bred"); a word
that only judges size or weight ("nødvendig") names nothing either. Such
phrases stay in no theme, as before. A phrase the page already lists as a group's own words for a
word several groups used about different things stays there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd

from pipeline.danish import (
    EVALUATIVE_WORDS,
    FRAME_NOUNS,
    GENERAL_NOUNS,
    MEASURE_NOUNS,
    opening_stance,
    related,
)
from pipeline.themes.naming import point_label
from pipeline.themes.points import says
from pipeline.themes.records import FoundTheme
from pipeline.themes.words import is_bare_general, own_words

__all__ = ["merge_one_phrase", "names_own_point", "one_group_points"]


def _says_nothing(word: str, empty: frozenset[str]) -> bool:
    """A word that names no point: a setting, a word spread evenly (or derived from one), a general noun.

    Or a word that only judges how big or important something is ("nødvendig", "stor").
    """
    return (
        word in empty
        or word in EVALUATIVE_WORDS
        or word in GENERAL_NOUNS
        or word in FRAME_NOUNS
        or word in MEASURE_NOUNS
        or any(related(word, e) for e in empty)
    )


def names_own_point(
    lemmas: str,
    complement: str,
    empty: frozenset[str],
    restates: Callable[[str], bool],
    verbs: frozenset[str] = frozenset(),
    text: str = "",
) -> bool:
    """Whether one key phrase says something of its own beyond the question's words.

    Args:
        lemmas: The phrase's lemmas.
        complement: Those of its lemmas that only complement another noun (the parse's
            ``complement``): "unge" of "fællesskaber for børn og unge" is whom the point is for.
        empty: Words that name no point on their own (settings, words spread evenly).
        restates: ``restates(lemma)``: whether a word only repeats the area's question.
        verbs: The phrase's verbs: a verb alone ("håndtere") says what is done, not to what.
        text: The phrase as written: a word the tagger took for a noun may be written as a verb
            or an adjective ("håndtere", "bred": :func:`_names_nothing`).

    Returns:
        True when a word is left that is none of those, and the phrase is not one general noun
        of a thing or a person alone, nor only verbs or an adjective.
    """
    own = own_words(lemmas, complement)
    if own and complement.split() and all(restates(w) for w in own.split()):
        # the question's own action ("styrkelse af kvaliteten" under "et styrket område"): what it
        # is done to is the point
        own = lemmas
    if (
        not own
        or is_bare_general(own)
        or all(w in verbs for w in own.split())
        or _names_nothing(lemmas, text)
    ):
        return False
    return any(not _says_nothing(w, empty) and not restates(w) for w in own.split())


def _names_nothing(lemmas: str, text: str) -> bool:
    """A phrase that names nothing alone: a stance; or one word, a person in general, a verb, an adjective.

    "borgere", "individ", "Folketinget", "udviklingen" (:func:`~pipeline.danish.bare_words.is_bare_noun`);
    "håndtere" (tagged a noun, a verb by the dictionary); "bred" of "en
    bred vifte" (:mod:`pipeline.danish.bare_words`).
    """
    from pipeline.danish.bare_words import is_bare_adjective, is_bare_noun, is_bare_verb

    written = text.split()
    if written and opening_stance(written) is not None:
        # a stance alone ("Hverken-eller", "Måske"): the page's stance line says it
        return True
    words = lemmas.split()
    if len(words) != 1:
        return False
    return (
        is_bare_noun(words[0])
        or is_bare_verb(words[0])
        or (len(written) == 1 and is_bare_adjective(written[0], words[0]))
    )


def _names_area(text: str, others: frozenset[str]) -> bool:
    """Whether a phrase is only another core area's name ("Social omsorg", "beskæftigelse")."""
    return " ".join(str(text).casefold().replace(",", " ").split()) in others


def _listed_apart(apart: list) -> set[tuple[int, int, str]]:
    """``(year, group, phrase)`` of every phrase a page lists under a word used about different things."""
    return {
        (int(y), int(g), " ".join(t.split()).lower())
        for a in apart
        for y, g, texts, _ in a.groups
        for t in texts
    }


def _places(part: pd.DataFrame) -> list[tuple[str, int, int]]:
    """Each unit's statement and word span (``("", i, i)`` where the table has none)."""
    if not {"statement_id", "start", "end"} <= set(part.columns):
        return [("", i, i) for i in range(len(part))]
    return [
        (str(s), int(a), int(b))
        for s, a, b in zip(part["statement_id"], part["start"], part["end"], strict=True)
    ]


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    """Whether two units share words of one statement: one phrase is one theme.

    "lægens studiegæld", "afskriv lægens studiegæld" and "lægens studiegæld efter en årrække"
    of one sentence were three themes of one group, each a part of the one point it made.
    """
    return bool(a[0]) and a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _held(part: pd.DataFrame, points: list[FoundTheme], at: list) -> dict[tuple[int, int], list]:
    """Per ``(year, group)``: the places of the units of the themes of that group alone.

    A phrase sharing words with one of them is part of that theme's phrase: "lægens studiegæld"
    of "afskriv lægens studiegæld efter en årrække efter norsk forbillede", where the whole
    phrase and "norsk forbillede" were a theme of the group already, was a second theme of it.
    """
    out: dict[tuple[int, int], list] = {}
    for p in points:
        rows = {(int(y), int(g)) for y, g in zip(part["year"].iloc[p.members], part["group"].iloc[p.members])}
        if len(rows) == 1 and not p.no_point and not p.released:
            out.setdefault(rows.pop(), []).extend(at[int(i)] for i in p.members)
    return out


def one_group_points(
    part: pd.DataFrame,
    points: list[FoundTheme],
    empty: frozenset[str],
    restates: Callable[[str], bool],
    apart: list | None = None,
    others: frozenset[str] = frozenset(),
) -> list[FoundTheme]:
    """The themes of one group each: the key phrases in no theme that name a point of their own.

    A group's phrases that say the same (:func:`~pipeline.themes.points.says`, either way) or
    share words of one sentence (:func:`_overlap`) are one theme; phrases of different groups
    never are (what two groups say alike was a theme of several groups already, or the clusterer
    judged it apart).

    Args:
        part: One area's units (``lemmas``, ``complement``, ``verbs``, ``stance``, ``text``,
            ``year``, ``group``; ``statement_id``, ``start``, ``end`` where known).
        points: The area's themes found so far (their units are taken).
        empty: Words that name no point on their own.
        restates: ``restates(lemma)``: whether a word only repeats the area's question.
        apart: The words several groups used about different things
            (:class:`~pipeline.themes.words.WordApart`); their phrases are listed there already.
        others: The other core areas' names (lowercase): a phrase that only names one ("social
            omsorg" in Læring) points to that area, it makes no point of its own.

    Returns:
        The new themes, in the order of their first unit.
    """
    taken = {int(i) for p in points for i in p.members}
    listed = _listed_apart(apart or [])
    complement = part["complement"] if "complement" in part.columns else pd.Series([""] * len(part))
    found: dict[tuple[int, int], list[tuple[str, list[int]]]] = {}
    at = _places(part)
    held = _held(part, points, at)
    for i, (doc, comp, verbs, stance, text, year, group) in enumerate(
        zip(
            part["lemmas"],
            complement,
            part["verbs"],
            part["stance"],
            part["text"],
            part["year"],
            part["group"],
            strict=True,
        )
    ):
        if i in taken or stance or (int(year), int(group), " ".join(str(text).split()).lower()) in listed:
            continue
        if any(_overlap(at[i], h) for h in held.get((int(year), int(group)), ())):
            continue  # a part of the phrase of a theme of this group: one phrase is one theme
        v = frozenset(str(verbs).split())
        if not names_own_point(str(doc), str(comp or ""), empty, restates, v, str(text)) or _names_area(
            text, others
        ):
            continue
        own = found.setdefault((int(year), int(group)), [])
        same = next(
            (
                e
                for e in own
                if says(e[0], doc, v) or says(doc, e[0], v) or any(_overlap(at[i], at[j]) for j in e[1])
            ),
            None,
        )
        if same is None:
            own.append((doc, [i]))
        else:
            same[1].append(i)
    out = [(members, key) for own in found.values() for key, members in own]
    out.sort(key=lambda m: m[0][0])
    themes = []
    for members, key in out:
        at = np.asarray(members, dtype=int)
        themes.append(FoundTheme(at, part.iloc[at], point_label(key, part.iloc[at])))
    return themes


def merge_one_phrase(part: pd.DataFrame, points: list, singles: list) -> tuple[list, list]:
    """One group's one-group themes whose units share words of one sentence, as one theme.

    After their phrases are widened (:mod:`pipeline.themes.whole_phrase`) two themes of a group
    may hold parts of one phrase: "Lægens studiegæld" and "Lægens studiegæld efter en årrække
    efter norsk forbillede" of one sentence were two themes of one point. They are one theme, with
    the longer label (the one saying more of the group's words).

    Returns:
        The themes and the one-group themes among them, a merged theme in place of its first.
    """
    at = _places(part)
    merged: dict[int, FoundTheme] = {}  # id of the first theme -> the theme it grew into
    gone: set[int] = set()  # ids of themes merged into an earlier one
    for n, t in enumerate(singles):
        key = set(zip(part["year"].iloc[t.members], part["group"].iloc[t.members]))
        for first in singles[:n]:
            if id(first) in gone or len(key) != 1:
                continue
            held = merged.get(id(first), first)
            if key == set(zip(part["year"].iloc[held.members], part["group"].iloc[held.members])) and any(
                _overlap(at[int(i)], at[int(j)]) for i in t.members for j in held.members
            ):
                members = np.union1d(held.members, t.members).astype(int)
                label = max((held.label, t.label), key=lambda x: len(x.split()))
                merged[id(first)] = replace(held, members=members, units=part.iloc[members], label=label)
                gone.add(id(t))
                break
    out = [merged.get(id(p), p) for p in points if id(p) not in gone]
    return out, [merged.get(id(p), p) for p in singles if id(p) not in gone]
