"""Points: when a group's own words say what a theme's label says, and which label names a theme.

A theme's count ("k af n grupper") is true only if each counted group's own words say its
label. :func:`says` is that check: every content word of the label is said by the unit,

* as the same word, or a derivation of it (``koordinering`` / ``koordinere``,
  :func:`pipeline.danish.related`);
* as the head of one of the unit's compounds (label ``niveau``, unit ``serviceniveau``; a
  modifier is not enough: "ældrepleje" says nothing about "ældre");
* as the first part of a compound whose head names an action done to it
  (:func:`pipeline.danish.is_action_noun`) or is a general noun: "infrastrukturudvikling" is
  "udvikling af infrastruktur" and says "infrastruktur", "forebyggelsesindsats" says
  "forebyggelse";
* a compound word of the label only through all its parts: "serviceniveau" is not said by "det
  politiske niveau", "aflastningsfamilier" not by "plejefamilier"; and a label's modifier and
  head together by one compound of the unit ("frivillighedsarbejde" says "frivilligt arbejde");
* or (unless ``swaps=False``) as a DanNet synonym (``fleksibilitet`` / ``smidighed``), a general
  noun ("tiltag", "indsats", "løsning") by any other: its point lies in what modifies it ("tidlig
  forebyggende indsats" says "forebyggende tiltag"); a label is never a general noun alone.

"fysiske handicap" is not said by "psykiske handicap". :func:`same_point` asks it both ways.

:func:`choose_point` picks the label of a set of units: the phrase of its own units that the
most groups say (by :func:`says`), in base form (:func:`pipeline.danish.base_phrase`), never a
word that carries no point on its own (:func:`pointless_words`, :func:`setting_words`, general
and frame nouns), and returns which units say it: only those are counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from pipeline.danish import (
    ARTICLES,
    FRAME_NOUNS,
    GENERAL_NOUNS,
    MEASURE_NOUNS,
    base_phrase,
    is_action_noun,
    related,
    synonyms,
    written_case,
)
from pipeline.themes.labels import label_alternatives
from pipeline.themes.empty import empty_words, no_point_anywhere, pointless_words, setting_words
from pipeline.themes.units import unit_parts

__all__ = [
    "Point",
    "PointMatch",
    "choose_point",
    "empty_words",
    "label_lemmas",
    "label_text",
    "no_point_anywhere",
    "pointless_words",
    "same_point",
    "says",
    "setting_words",
    "unfit_groups",
    "why_said",
]

#: Nouns whose point lies in what modifies them: the general nouns and the nouns of a measure
#: that do not say which (:data:`pipeline.danish.MEASURE_NOUNS`); any one says another.
_SWAPPABLE: frozenset[str] = GENERAL_NOUNS | MEASURE_NOUNS


@lru_cache(maxsize=200_000)
def _word_said(
    word: str, unit_words: tuple[str, ...], verbs: frozenset[str], whole: bool = True, swaps: bool = True
) -> tuple[str, str | None] | None:
    """How a label word is said by the unit's words: (reason, the unit word), or None."""
    for u in unit_words:
        if u == word:
            return f"'{word}'", u
    for u in unit_words:
        if related(u, word, verbs):
            return f"'{word}' ~ '{u}' (derivation)", u
    if swaps and word in _SWAPPABLE:
        # "tiltag", "indsats", "løsning", "intervention": their point lies in what modifies them,
        # so one says another ("tidlig forebyggende indsats" says "forebyggende tiltag", "tidlig
        # intervention" says "tidlig indsats"): the modifier they share is the point
        for u in unit_words:
            if u in _SWAPPABLE:
                return f"'{word}' ~ '{u}' (general nouns)", u
    syn = synonyms(word) if swaps else frozenset()
    for u in unit_words:
        if u in syn or any(related(u, s, verbs) for s in syn):
            return f"'{word}' ~ '{u}' (synonym)", u
    if not whole:
        return None
    for u in unit_words:
        # the head of a compound: a "serviceniveau" is a "niveau"; "ældrepleje" is no "ældre"
        parts = unit_parts(u)
        if parts and (parts[-1] == word or related(parts[-1], word, verbs)):
            return f"'{word}' heads '{u}' (compound)", u
    for u in unit_words:
        # "infrastrukturudvikling" is "udvikling af infrastruktur": an action's object is said
        parts = unit_parts(u)
        if (
            len(parts) >= 2
            and (is_action_noun(parts[-1]) or parts[-1] in GENERAL_NOUNS)
            and (parts[-2] == word or related(parts[-2], word, verbs))
        ):
            return f"'{word}' is what '{u}' is about (compound: {parts[-2]} + {parts[-1]})", u
    # "b-alternativer" needs its "b": every part of a hyphenated word, however short
    parts = [p for p in word.split("-") if p] if "-" in word else unit_parts(word)
    if parts and all(_word_said(p, unit_words, verbs, False, swaps) for p in parts):
        return f"'{word}' = {' + '.join(repr(p) for p in parts)} (parts)", None
    return None


def why_said(
    label: str, unit: str, verbs: frozenset[str] = frozenset(), swaps: bool = True
) -> tuple[str, ...] | None:
    """Reasons each content word of ``label`` (lemmas) is said by ``unit`` (lemmas); None if one is not.

    Each word of the unit says at most one word of the label ("individets styrker" does not say
    both "styrkelse" and "kvalitet"). ``verbs``: lemmas used as verbs (see
    :func:`pipeline.danish.related`). ``swaps=False``: only in the label's own words (no synonym,
    no measure noun for another).
    """
    left = list(dict.fromkeys(unit.split()))
    words = label.split()
    reasons = []
    # one compound can say a modifier and its head: "frivillighedsarbejde" says "frivilligt arbejde"
    for u in list(left):
        parts = unit_parts(u)
        for i in range(len(words) - 1) if len(parts) >= 2 else ():
            if _word_said(words[i], (parts[-2],), verbs, False, swaps) and _word_said(
                words[i + 1], (parts[-1],), verbs, False, swaps
            ):
                reasons.append(f"'{words[i]} {words[i + 1]}' = '{u}' (compound)")
                words = words[:i] + words[i + 2 :]
                left.remove(u)
                break
    for word in words:
        found = _word_said(word, tuple(left), verbs, True, swaps)
        if found is None:
            return None
        reason, used = found
        reasons.append(reason)
        if used is not None:
            left.remove(used)
    return tuple(reasons)


def says(label: str, unit: str, verbs: frozenset[str] = frozenset(), swaps: bool = True) -> bool:
    """Whether a unit's lemmas say every content word of a label's lemmas (see the module docs)."""
    return bool(label.split()) and why_said(label, unit, verbs, swaps) is not None


@dataclass(frozen=True)
class PointMatch:
    """Whether two claims are the same point, and why.

    Attributes:
        same: One says every content word of the other (:func:`says`, either way).
        reasons: How the words were matched (or which did not match).
    """

    same: bool
    reasons: tuple[str, ...]


def same_point(a: str, b: str, verbs: frozenset[str] = frozenset()) -> PointMatch:
    """Whether two claims or theme labels (lemma strings) make the same point.

    The same point when every content word of the one is said by the other, either way: "tydelig
    kommunikation" and "kommunikation", "koordinering af frivillige" and "koordinere frivillige",
    "fleksibilitet" and "smidighed". Not when only a word is shared and the rest differs
    ("politisk niveau" / "serviceniveau", "fysisk handicap" / "psykisk handicap"). ``verbs``:
    lemmas used as verbs in either (a verb's noun: "koordinere" / "koordinering").
    """
    forward, backward = why_said(a, b, verbs), why_said(b, a, verbs)
    if forward is not None:
        return PointMatch(True, forward)
    if backward is not None:
        return PointMatch(True, backward)
    missing = [w for w in a.split() if _word_said(w, tuple(b.split()), verbs) is None]
    return PointMatch(False, tuple(f"'{w}' not said" for w in missing))


@dataclass(frozen=True)
class Point:
    """A theme's point: its label's lemmas and the units that say it."""

    lemmas: str
    fits: np.ndarray
    excluded: bool


def _candidates(docs: list[str]) -> list[str]:
    """The label candidates: every ending of every unit's lemma phrase (the head and what modifies it)."""
    out = []
    for doc in docs:
        words = doc.split()
        out += [" ".join(words[i:]) for i in range(len(words))]
    return list(dict.fromkeys(out))


def choose_point(units: pd.DataFrame, *, empty: frozenset[str] = frozenset(), restates=None) -> Point | None:
    """The point of a set of units: the candidate phrase the most groups say, and which units say it.

    Args:
        units: The units (``lemmas``, ``year``, ``group``).
        empty: Words that name no point on their own (settings, words spread evenly); a label
            made only of them, of general nouns ("løsning") and frame nouns is taken only when
            no other is said by any unit.
        restates: ``restates(lemma)``: whether a word only repeats the area's own question; a
            label made only of such words comes after one as widely said that says more.

    Returns:
        The :class:`Point`, or None when the units have no words.
    """
    docs = units["lemmas"].tolist()
    verbs = (
        frozenset(w for v in units["verbs"] for w in v.split()) if "verbs" in units.columns else frozenset()
    )
    keys = list(zip(units["year"], units["group"], strict=True))
    best = None
    for cand in _candidates(docs):
        words = cand.split()
        fits = np.array([says(cand, d, verbs) for d in docs], dtype=bool)
        n_groups = len({k for k, f in zip(keys, fits, strict=True) if f})
        # a derivation of such a word names nothing either ("borgerlig" of "borger")
        excluded = all(
            w in empty or w in GENERAL_NOUNS or w in FRAME_NOUNS or any(related(w, e) for e in empty)
            for w in words
        )
        only_question = bool(restates) and all(restates(w) for w in words)
        key = (excluded, -n_groups, only_question, -min(len(words), 2), len(words), -int(fits.sum()), cand)
        if best is None or key < best[0]:
            best = (key, Point(cand, fits, excluded))
    return best[1] if best else None


def label_text(lemmas: str, units: pd.DataFrame) -> str:
    """The label as the groups wrote it, in base form and with a capital.

    The commonest wording among the units of the words from the label's first to its last
    lemma, the words between kept ("styrkelse af kvaliteten"), and an article before it
    ("det politiske niveau"), then made base form (:func:`pipeline.danish.base_phrase`).
    """
    target = lemmas.split()
    n = len(target)
    wordings: Counter = Counter()
    for doc, span, at in zip(units["lemmas"], units["words"], units["content_at"], strict=True):
        words, tokens, pos = doc.split(), span.split(), [int(i) for i in at.split()]
        if len(words) != len(pos):
            continue
        for i in range(len(words) - n + 1):
            if words[i : i + n] == target:
                first, last = pos[i], pos[i + n - 1]
                if first > 0 and tokens[first - 1].lower() in ARTICLES:
                    first -= 1
                written = tuple(t.lower().replace("_", " ") for t in tokens[first : last + 1])
                where = dict(zip(pos[i : i + n], target, strict=True))
                between = tuple(where.get(j, "_") for j in range(first, last + 1))
                wordings[(written, between)] += 1
    if not wordings:
        phrase = lemmas
    else:
        (written, lems), _ = min(wordings.items(), key=lambda kv: (-kv[1], kv[0]))
        phrase = base_phrase(list(written), list(lems))
    return written_case(phrase, (t.replace("_", " ") for span in units["words"] for t in span.split()))


def label_lemmas(label: str, lemma_of: dict[str, str]) -> str:
    """The content lemmas of a label as shown ("Styrkelse af kvalitet" → "styrkelse kvalitet").

    ``lemma_of``: lowercase word form → lemma, from the statements; a word not among them (a
    base form the notes did not use) is its own lemma. Stop words and articles are left out.
    """
    from pipeline.danish import STOP_WORDS

    words = [w for w in re.findall(r"[\w-]+", label.lower()) if w]
    lemmas = [lemma_of.get(w, w) for w in words]
    return " ".join(lem for lem in lemmas if len(lem) > 1 and lem not in STOP_WORDS and lem not in ARTICLES)


def unfit_groups(themes: pd.DataFrame, units: pd.DataFrame, statements: pd.DataFrame) -> list[dict]:
    """The counted groups whose own words do not say their theme's label (empty when every "k af n" is true).

    For each row of ``themes`` (``label``, ``core_area``, ``units``: unit ids; a cross-cutting
    theme is checked as one such row per area) every counted group must have a unit that says
    the label (:func:`says`), its verbs read from the statement's tags.

    Returns:
        One dict per (theme, group) that does not fit: label, area, group and the group's units.
    """
    lemma_of: dict[str, str] = {}
    verbs_of: dict[str, frozenset[str]] = {}
    has_pos = "pos" in statements.columns
    for s in statements.itertuples(index=False):
        toks, lems = s.tokens.lower().split(), s.lemmas.split()
        for t, lem in zip(toks, lems, strict=False):
            lemma_of.setdefault(t, lem)
        if has_pos:
            verbs_of[s.statement_id] = frozenset(
                w for w, p in zip(lems, s.pos.split(), strict=False) if p == "VERB"
            )
    by_id = units.set_index("unit_id")
    out = []
    for t in themes.itertuples(index=False):
        # a label naming two wordings ("Fleksibilitet (smidige processer)") fits a group saying either
        targets = [label_lemmas(a, lemma_of) for a in label_alternatives(t.label)]
        own = by_id.loc[t.units.split()]
        for group, part in own.groupby("group"):
            if not any(
                says(a, u.lemmas, verbs_of.get(u.statement_id, frozenset()))
                for u in part.itertuples()
                for a in targets
            ):
                out.append(
                    {
                        "label": t.label,
                        "core_area": t.core_area,
                        "group": int(group),
                        "units": list(part["text"]),
                    }
                )
    return out


#: How many groups more a single word must be said by to come before a phrase of two or more words.
_SPECIFIC = 1


def cover_points(
    units: pd.DataFrame, *, empty: frozenset[str] = frozenset(), restates=None
) -> list[tuple[str, np.ndarray]]:
    """The points two or more groups say, most groups first, each unit counted for one point.

    Every ending of every unit's lemma phrase is a candidate (as in :func:`choose_point`);
    the candidate said (:func:`says`) by the units of the most groups is taken, with those
    units, then the next among the units left, until no candidate is said by two groups. A
    candidate made only of the question's own words (``restates``) comes after all that say
    more ("unge frivillige" is about the young, not the area's volunteers). Ties: a two-word
    phrase, the shorter, more units, more units in its very words, the alphabetically first:
    the result does not depend on the units' order.

    Returns:
        ``(label lemmas, positions of its units)`` per point.
    """
    docs = units["lemmas"].tolist()
    verbs = (
        [frozenset(v.split()) for v in units["verbs"]]
        if "verbs" in units.columns
        else [frozenset()] * len(docs)
    )
    keys = np.array([hash((y, g)) for y, g in zip(units["year"], units["group"], strict=True)])
    # a genitive that opens a phrase is what it is about: "lokalsamfundets trivsel" and
    # "lokalsamfundets kulturliv" share "lokalsamfund" (a bare label; the page lists each group's words)
    about = [a for a in units["about"] if a] if "about" in units.columns else []
    cands = [
        c
        for c in dict.fromkeys([*_candidates(docs), *about])
        if not all(
            w in empty or w in GENERAL_NOUNS or w in FRAME_NOUNS or any(related(w, e) for e in empty)
            for w in c.split()
        )
    ]
    fits = {
        c: np.array([says(c, d, v) for d, v in zip(docs, verbs, strict=True)], dtype=bool)
        for c in sorted(cands)
    }
    free = np.ones(len(docs), dtype=bool)
    out = []
    while True:
        best = None
        for c, f in fits.items():
            live = f & free
            n_groups = len(set(keys[live]))
            if n_groups < 2:
                continue
            words = c.split()
            only_question = bool(restates) and all(restates(w) for w in words)
            # the wording most units use literally names the point ("tiltag" over "indsats")
            literal = sum(set(words) <= set(docs[i].split()) for i in np.flatnonzero(live))
            # what about what before the bare noun: a phrase one group fewer say is taken before
            # a single word ("teknologisk udvikling" 2/5 before "teknologi" 3/5, whose groups
            # said different things about it); the word's other units stay for a later point
            said = n_groups + (len(words) >= 2 and _SPECIFIC)
            key = (only_question, -said, -min(len(words), 2), len(words), -int(live.sum()), -literal, c)
            if best is None or key < best[0]:
                best = (key, c, live)
        if best is None:
            return out
        _, c, live = best
        out.append((c, np.flatnonzero(live)))
        free &= ~live
