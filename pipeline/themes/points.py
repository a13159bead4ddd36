"""Points: which label names a theme, and whether each counted group's own words say it.

A theme's count ("k af n grupper") is true only if each counted group's own words say its
label (:func:`says`, :mod:`pipeline.themes.saying`, re-exported here with :func:`why_said`,
:func:`same_point` and :class:`PointMatch`; :func:`unfit_groups` checks every theme).

:func:`choose_point` picks the label of a set of units: the phrase of its own units that the
most groups say (by :func:`says`), in base form (:func:`pipeline.danish.base_phrase`), never a
word that carries no point on its own (:func:`pointless_words`, :func:`setting_words`, general
and frame nouns), and returns which units say it: only those are counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.danish import (
    ARTICLES,
    FRAME_NOUNS,
    GENERAL_NOUNS,
    base_phrase,
    related,
    written_case,
)
from pipeline.themes.labels import label_alternatives
from pipeline.themes.empty import empty_words, no_point_anywhere, pointless_words, setting_words
from pipeline.themes.saying import PointMatch, same_point, says, why_said
from pipeline.themes.units import unit_verbs

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
    "word_lemmas",
]


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


def word_lemmas(statements: pd.DataFrame) -> dict[str, str]:
    """Lowercase word form → lemma over the statements (the first one seen).

    The ``lemma_of`` of :func:`label_lemmas`, read from the ``tokens`` and ``lemmas`` columns; the
    theme stage, the comparison and the suggestions all read labels with it.
    """
    out: dict[str, str] = {}
    for toks, lems in zip(statements["tokens"], statements["lemmas"], strict=True):
        for t, lem in zip(str(toks).lower().split(), str(lems).split(), strict=False):
            out.setdefault(t, lem)
    return out


def unfit_groups(themes: pd.DataFrame, units: pd.DataFrame, statements: pd.DataFrame) -> list[dict]:
    """The counted groups whose own words do not say their theme's label (empty when every "k af n" is true).

    For each row of ``themes`` (``label``, ``core_area``, ``units``: unit ids; a cross-cutting
    theme is checked as one such row per area) every counted group must have a unit that says
    the label (:func:`says`), its verbs read from the statement's tags.

    Returns:
        One dict per (theme, group) that does not fit: label, area, group and the group's units.
    """
    lemma_of = word_lemmas(statements)
    verbs_of: dict[str, frozenset[str]] = {}
    if "pos" in statements.columns:
        for s in statements.itertuples(index=False):
            verbs_of[s.statement_id] = frozenset(
                w for w, p in zip(s.lemmas.split(), s.pos.split(), strict=False) if p == "VERB"
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
    verbs = unit_verbs(units)
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
