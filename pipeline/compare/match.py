"""Which points of different years are the same point: matched by what they say, not by their number.

Each year's themes come from that year's own analysis, so their numbers mean nothing across
years. A point (a core area's theme, or a cross-cutting theme) is known by its evidence: its
label and the key phrases the groups wrote (as lemmas).

Whether two points of different years are the same is decided in one place,
:func:`says_same`, by the rule of the theme stage (:mod:`pipeline.themes.points`): their
labels make the same point (:func:`pipeline.themes.points.same_point`: derivations,
compound heads, DanNet synonyms; "koordinering af frivillige" / "koordinere frivillige",
"fleksibilitet" / "smidighed", not "serviceniveau" / "det politiske niveau"), or each one's
label is said by a key phrase of the other (:func:`pipeline.themes.points.why_said`).

Among the points that are the same, the most alike is chosen by a score (:func:`same_point`) of
two signals, weighted equally as in the sub-theme stage (:mod:`pipeline.themes.features`):

* lexical: TF-IDF cosine of their key phrases' lemmas, the parts of their compounds and the
  words they derive from, with the IDF of all points of the scope, so a word every point
  uses weighs little;
* semantic: cosine of the mean E5 vectors of their key phrases, centred on the mean of all
  points of the scope (what every point of the area shares says nothing about which is which).

Matching is one to one, year after year (:func:`match_points`), by the Hungarian algorithm on
the scores of the pairs that are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from pipeline.themes import points as point_rule
from pipeline.themes.features import lexical_documents

__all__ = [
    "MatchedRow",
    "PointEvidence",
    "SamePoint",
    "match_points",
    "same_point",
    "says_same",
    "shared_words",
]

#: Share of the semantic signal in the score (the rest is lexical), as in the sub-theme stage.
SEMANTIC_WEIGHT = 0.5


@dataclass(frozen=True)
class PointEvidence:
    """What identifies a point of one year: its scope, its number on its year's pages, label, key phrases.

    Attributes:
        year: The seminar's year.
        scope: The core area, or :data:`~pipeline.compare.status.OVERALL` for a cross-cutting theme.
        key: The theme's number (``topic``) or the cross-cutting theme's (``cross_theme``) in that year.
        label: Its label on that year's page.
        phrases: The content lemmas of each of its key phrases (space-separated).
        label_lemmas: The lemmas of its label (the key phrase it is named after).
        verbs: The lemmas tagged as verbs in its statements ("koordinere" / "koordinering").
    """

    year: int
    scope: str
    key: int
    label: str
    phrases: tuple[str, ...]
    label_lemmas: str = ""
    verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SamePoint:
    """Pairwise scores of two lists of points: ``lexical``, ``semantic`` and their weighted ``score``."""

    lexical: np.ndarray
    semantic: np.ndarray
    score: np.ndarray


def _documents(points: Sequence[PointEvidence]) -> list[str]:
    return [" ".join(p.phrases) for p in points]


def same_point(
    a: Sequence[PointEvidence],
    b: Sequence[PointEvidence],
    *,
    context: Sequence[PointEvidence] = (),
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> SamePoint:
    """How much each point of ``a`` says the same as each point of ``b`` (the module docs).

    Args:
        a: Points (rows of the result).
        b: Points (columns).
        context: All points of the scope, over every year: the IDF of the lexical signal and
            the centre of the semantic one (``a`` and ``b`` when empty).
        embed: Texts → vectors (E5); None scores on the lexical signal alone.

    Returns:
        The :class:`SamePoint` matrices, ``len(a) x len(b)``, in [-1, 1].
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    context = list(context) or [*a, *b]
    shape = (len(a), len(b))
    if not len(a) or not len(b):
        empty = np.zeros(shape)
        return SamePoint(empty, empty, empty)
    vocabulary = {w for doc in _documents(context) for w in doc.split()}
    docs_ctx = lexical_documents(_documents(context), vocabulary)
    if any(d.strip() for d in docs_ctx):
        tfidf = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, lowercase=False).fit(docs_ctx)
        la = normalize(tfidf.transform(lexical_documents(_documents(a), vocabulary)).toarray())
        lb = normalize(tfidf.transform(lexical_documents(_documents(b), vocabulary)).toarray())
        lexical = la @ lb.T
    else:
        lexical = np.zeros(shape)
    if embed is None:
        return SamePoint(lexical, lexical, lexical)
    phrases = list(dict.fromkeys(ph or "_" for p in [*context, *a, *b] for ph in (p.phrases or ("_",))))
    vectors = dict(zip(phrases, normalize(np.asarray(embed(phrases), dtype=np.float64)), strict=True))

    def mean_vector(p: PointEvidence) -> np.ndarray:
        return np.mean([vectors[ph or "_"] for ph in (p.phrases or ("_",))], axis=0)

    centre = np.mean([mean_vector(p) for p in context], axis=0)
    sa = normalize(np.array([mean_vector(p) - centre for p in a]))
    sb = normalize(np.array([mean_vector(p) - centre for p in b]))
    semantic = sa @ sb.T
    return SamePoint(lexical, semantic, SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * lexical)


def shared_words(a: PointEvidence, b: PointEvidence, vocabulary: set[str] | None = None) -> list[str]:
    """The lemmas, compound parts and stems two points share (the page names them as a match's reason)."""
    docs = _documents([a, b])
    vocabulary = vocabulary if vocabulary is not None else {w for d in docs for w in d.split()}
    wa, wb = (lexical_documents([d], vocabulary)[0].split() for d in docs)
    return [w for w in dict.fromkeys(wa) if w in set(wb)]


@dataclass
class MatchedRow:
    """One compared point of a scope: per year, the points of that year it holds, and why several."""

    scope: str
    points: dict[int, list[PointEvidence]]
    reasons: list[str]


def _said_by(label: str, phrases: Sequence[str], verbs: frozenset[str]) -> tuple[str, ...] | None:
    """Why one of ``phrases`` says ``label`` (:func:`pipeline.themes.points.why_said`), or None."""
    for phrase in dict.fromkeys(phrases):
        reasons = point_rule.why_said(label, phrase, verbs)
        if reasons is not None:
            return reasons
    return None


@lru_cache(maxsize=100_000)
def says_same(
    a: PointEvidence, b: PointEvidence, known: frozenset[tuple[str, str, str]] = frozenset()
) -> point_rule.PointMatch:
    """Whether two points make the same point, and why: the one place this is decided (the module docs).

    The same when their labels do (:func:`pipeline.themes.points.same_point`), or when each
    one's label is said by a key phrase of the other. A shared word with the rest different
    is not enough ("serviceniveau" / "politisk niveau"); the score (:func:`same_point`) only
    chooses among the points that are the same. ``known``: the analyst's same-point pairs,
    ``(scope, words, words)`` (:func:`pipeline.curation.decisions.known_pairs` of the years'
    codebooks): a pair of them is the same whatever the words.

    Returns:
        :class:`pipeline.themes.points.PointMatch`; its reasons name how the words were matched.
    """
    if not a.label_lemmas.split() or not b.label_lemmas.split():
        return point_rule.PointMatch(False, ("no label lemmas",))
    if known:
        mine, theirs = {a.label_lemmas, *a.phrases}, {b.label_lemmas, *b.phrases}
        pair = next(((x, y) for x in sorted(mine) for y in sorted(theirs) if (a.scope, x, y) in known), None)
        if pair is not None:
            return point_rule.PointMatch(True, (f"kendt fra kodebogen: '{pair[0]}' = '{pair[1]}'",))
    verbs = a.verbs | b.verbs
    labels = point_rule.same_point(a.label_lemmas, b.label_lemmas, verbs)
    if labels.same:
        return point_rule.PointMatch(True, ("labels: " + ", ".join(labels.reasons),))
    a_in_b, b_in_a = _said_by(a.label_lemmas, b.phrases, verbs), _said_by(b.label_lemmas, a.phrases, verbs)
    if a_in_b is not None and b_in_a is not None:
        return point_rule.PointMatch(
            True,
            ("each label said by the other's key phrases: " + ", ".join(dict.fromkeys([*a_in_b, *b_in_a])),),
        )
    return labels


@dataclass(frozen=True)
class _Scores:
    """The score of a pair of points of one scope, and a row's closest point to a point."""

    same: SamePoint
    index: dict[int, int]
    known: frozenset[tuple[str, str, str]]

    def score(self, q: PointEvidence, p: PointEvidence) -> float:
        return float(self.same.score[self.index[id(q)], self.index[id(p)]])

    def is_same(self, q: PointEvidence, p: PointEvidence) -> bool:
        return says_same(q, p, self.known).same

    def closest(self, row: MatchedRow, p: PointEvidence) -> PointEvidence:
        others = [q for y, qs in sorted(row.points.items()) if y != p.year for q in qs]
        return max(others, key=lambda q: (self.is_same(q, p), self.score(q, p), -abs(q.year - p.year)))

    def decision(self, p: PointEvidence, q: PointEvidence, matched: bool) -> dict:
        reason = "; ".join(says_same(q, p, self.known).reasons)
        return {"point": p, "other": q, "score": self.score(q, p), "matched": matched, "reason": reason}


def match_points(
    points: Sequence[PointEvidence],
    years: Sequence[int],
    same: SamePoint,
    known: frozenset[tuple[str, str, str]] = frozenset(),
) -> tuple[list[MatchedRow], list[dict]]:
    """Chain the points of one scope year after year: one to one, or merged with the reason stated.

    The points of each year are matched to the rows built from the earlier years, among the
    pairs that are the same (:func:`says_same`, with a row's point of another year that is
    the same, else its most alike), best total score first (Hungarian algorithm). A point
    left over that is the same as a row's point of another year, where that row already
    holds a point of its year, joins the most alike such row: the row then holds two themes
    of that year (their groups are counted together), and the reason says so. Any other point
    starts a row of its own.

    Args:
        points: The scope's points of every year.
        years: The years, in order.
        same: ``same_point(points, points)``: the score that chooses among the same.
        known: The analyst's same-point pairs from the years' codebooks (see :func:`says_same`).

    Returns:
        ``(rows, decisions)``: the rows, and per point of a later year its most alike point of
        another year (``matched``: in the same row), for the stored ``matches`` table.
    """
    scores = _Scores(same, {id(p): i for i, p in enumerate(points)}, known)
    rows: list[MatchedRow] = []
    for year in years:
        _match_year(rows, [p for p in points if p.year == year], year, scores)
    _join_alone(rows, scores)
    return rows, _decisions(rows, points, years, scores)


def _match_year(rows: list[MatchedRow], mine: list[PointEvidence], year: int, scores: _Scores) -> None:
    """Match one year's points to the rows of the earlier years (Hungarian); the rest start rows."""
    from scipy.optimize import linear_sum_assignment

    earlier = [r for r in rows if year not in r.points]
    partner: dict[int, int] = {}
    if earlier and mine:
        # a pair that is not the same weighs far below any that is: the most pairs that are the
        # same, then the best score
        S = np.array(
            [
                [
                    scores.score(q, p) - (0 if scores.is_same(q, p) else 1e6)
                    for p in mine
                    for q in [scores.closest(r, p)]
                ]
                for r in earlier
            ]
        )
        for ri, pi in zip(*linear_sum_assignment(-S), strict=True):
            if scores.is_same(scores.closest(earlier[ri], mine[pi]), mine[pi]):
                partner[pi] = ri
    for pi, p in enumerate(mine):
        if pi in partner:
            earlier[partner[pi]].points[year] = [p]
        else:
            rows.append(MatchedRow(p.scope, {year: [p]}, []))


def _join_alone(rows: list[MatchedRow], scores: _Scores) -> None:
    """A point left alone that says the same as a matched row's point of another year joins that row.

    Only a row that holds a point of its year: one year's analysis kept apart what the other
    year's groups said as one point. It joins the most alike such row, with the reason stated.
    """
    matched = [r for r in rows if len(r.points) > 1]
    alone = [r for r in rows if len(r.points) == 1 and len(next(iter(r.points.values()))) == 1]
    for row in alone:
        ((year, (p,)),) = row.points.items()
        candidates = [r for r in matched if year in r.points and scores.is_same(scores.closest(r, p), p)]
        best = max(candidates, key=lambda r: scores.score(scores.closest(r, p), p), default=None)
        if best is None:
            continue
        q = scores.closest(best, p)
        kept = best.points[year][0]
        best.points[year].append(p)
        words = shared_words(p, q)
        best.reasons.append(
            f"{year}: „{p.label}“ og „{kept.label}“ er lagt sammen: begge siger det samme som "
            f"{q.year}: „{q.label}“" + (f" (fælles ord: {', '.join(words[:4])})" if words else "")
        )
        rows.remove(row)


def _decisions(
    rows: list[MatchedRow], points: Sequence[PointEvidence], years: Sequence[int], scores: _Scores
) -> list[dict]:
    """Per point of a later year its most alike point of another year, and whether they share a row."""
    decisions = [
        scores.decision(p, scores.closest(row, p), True)
        for row in rows
        for year, pts in row.points.items()
        for p in pts
        if len(row.points) > 1 and year != min(row.points)
    ]
    for p in points:
        if any(p in r.points.get(p.year, []) and len(r.points) > 1 for r in rows):
            continue
        others = [q for q in points if q.year != p.year]
        if others and p.year != years[0]:
            q = max(others, key=lambda q: (scores.is_same(q, p), scores.score(q, p)))
            decisions.append(scores.decision(p, q, False))
    return decisions
