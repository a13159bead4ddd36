"""The order the analyst reads suggestions in: best first, no side and no core area filling the list.

:func:`pick` takes the scored candidate pairs of :mod:`pipeline.curation.suggest` and gives the
``limit`` the analyst reads: one per id, at most two per side before any side's third, and each
core area its fair share of the first slots (:func:`spread`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "W_GROUPS",
    "W_LINK",
    "W_MUTUAL",
    "W_NEW",
    "W_SHARED",
    "W_TOGETHER",
    "Candidate",
    "Side",
    "pick",
    "spread",
    "suggestion_id",
]

#: Weights of the signals beside a pair's E5 similarity (a cosine of centred vectors, about -0.3 to
#: 1) or a point's share of the area's groups (:mod:`pipeline.curation.promote`).
W_MUTUAL, W_LINK, W_SHARED, W_TOGETHER, W_GROUPS, W_NEW = 0.1, 0.15, 0.1, 0.05, 0.05, 0.05

#: At most this many pairs per side before any side's further ones.
_PER_SIDE = 2


def suggestion_id(area: str, a_words: str, b_words: str) -> str:
    """The stable id of a suggestion: a hash of the area and the two sides' words, sorted (8 characters).

    Eight hex digits, except that an id of digits only ("70449264", one in 43) starts with a
    letter after ``f`` instead ("h0449264"): eight digits read as a Danish phone number, which
    the privacy filter of messages and published text rightly removes, so the analyst could not
    see or quote the id. The letter cannot occur in any other id, so no two ids meet.
    """
    text = "\x1f".join([area, *sorted([" ".join(a_words.split()), " ".join(b_words.split())])])
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return chr(ord("g") + int(digest[0])) + digest[1:] if digest.isdigit() else digest


@dataclass(frozen=True)
class Side:
    """One side of a suggestion: a theme (``topic`` ≥ 0) or a one-group key phrase (``unit``).

    Attributes:
        area: Its core area.
        label: As shown on the page (a theme's label, a key phrase's own words).
        words: Its lemmas (a theme: its label's lemmas): its identity across runs and years.
        topic: The theme's number, -1 for a key phrase.
        key: The theme's stable key, or the key phrase's id.
        unit_ids: The key phrases it is made of.
        groups: The groups it counts.
        quote: One statement of it, as the group wrote it.
    """

    area: str
    label: str
    words: str
    topic: int
    key: str
    unit_ids: tuple[str, ...]
    groups: frozenset[int]
    quote: str

    @property
    def kind(self) -> str:
        """``theme`` or ``phrase``."""
        return "theme" if self.topic >= 0 else "phrase"


@dataclass(frozen=True)
class Candidate:
    """A pair of sides that may be one point: ``first`` is the side that keeps its name.

    ``detail``: the row's fields that are not a pair's (a point of one theme: its kind, each
    group's own words, one quote per group; :mod:`pipeline.curation.promote`).
    """

    neg_score: float  # the score negated: candidates sort best first
    id: str
    first: Side
    second: Side
    reason: str
    detail: Mapping[str, str] | None = None


def pick(candidates: list[Candidate], limit: int) -> list[Candidate]:
    """The best ``limit`` candidates, one per id, a side's third and later pairs after the others.

    Each core area gets its fair share of the first slots (:func:`spread`).
    """
    candidates = sorted(candidates, key=lambda c: (c.neg_score, c.id))
    used: dict[tuple[str, str], int] = {}
    picked, deferred, seen = [], [], set()
    for cand in candidates:
        a, b = cand.first, cand.second
        if cand.id in seen:
            continue
        seen.add(cand.id)  # two sides of the same words (two groups' "frivillige"): one decision
        # a point (one theme kept as a point) has one side: it is charged once, not as two
        sides = {(a.area, a.key), (b.area, b.key)}
        if any(used.get(s, 0) >= _PER_SIDE for s in sides):
            deferred.append(cand)  # one side near many: its further pairs after the others
            continue
        for s in sides:
            used[s] = used.get(s, 0) + 1
        picked.append(cand)
    return (spread(picked, limit) + deferred)[:limit]


def spread(ranked: list[Candidate], limit: int) -> list[Candidate]:
    """``ranked`` (best first) with each core area's fair share of the first slots, then the rest by score.

    The analyst reads a list of ``limit`` from the top; ranked by score alone, an area whose
    phrases the embedder finds near each other fills it (2024: Beskæftigelse 9 of 25) and an
    area with its points in other words gets none. Round by round, each area's next best (the
    round in score order), for ``limit // (2 * areas)`` rounds (at least one): about half the list;
    then the rest by score.
    """
    by_area: dict[str, list[Candidate]] = {}
    for cand in ranked:
        by_area.setdefault(cand.first.area, []).append(cand)
    share = max(1, limit // (2 * max(1, len(by_area))))
    head: list[Candidate] = []
    for k in range(share):
        head += sorted((c[k] for c in by_area.values() if k < len(c)), key=lambda c: (c.neg_score, c.id))
    taken = {c.id for c in head}
    return head + [c for c in ranked if c.id not in taken]
