"""Which points of different years are the same point: matched by what they say, not by their number.

Each year's themes come from that year's own analysis, so their numbers mean nothing across
years. A point (a core area's theme, or a cross-cutting theme) is known by its evidence: the
key phrases the groups wrote (as lemmas). Two points are compared on two signals, weighted
equally as in the sub-theme stage (:mod:`pipeline.themes.features`):

* lexical: TF-IDF cosine of their key phrases' lemmas, the parts of their compounds and the
  words they derive from (``infrastrukturudvikling`` shares ``infrastruktur``,
  ``frivillighed`` shares ``frivillig``), with the IDF of all points of the scope, so a word
  every point uses weighs little;
* semantic: cosine of the mean E5 vectors of their key phrases, centred on the mean of all
  points of the scope (what every point of the area shares says nothing about which is which).

:func:`same_point` is the one place that scores this; when the claims/points machinery of the
theme stage offers its own "same point" function, this is where it is called.

Matching is one to one, year after year (:func:`match_points`), by the Hungarian algorithm on
the scores. The bar is the data's own (:func:`same_point_bar`): two points of different years
are the same when they are more alike than the points one year's analysis kept apart usually
are (the mean plus two standard deviations of the scores of distinct points of the same year).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.themes.features import lexical_documents

__all__ = ["MatchedRow", "PointEvidence", "SamePoint", "match_points", "same_point", "same_point_bar", "shared_words"]

#: Share of the semantic signal in the score (the rest is lexical), as in the sub-theme stage.
SEMANTIC_WEIGHT = 0.5


@dataclass(frozen=True)
class PointEvidence:
    """What identifies a point of one year: its scope, its number on that year's pages, its label and key phrases.

    Attributes:
        year: The seminar's year.
        scope: The core area, or :data:`~pipeline.compare.status.OVERALL` for a cross-cutting theme.
        key: The theme's number (``topic``) or the cross-cutting theme's (``cross_theme``) in that year.
        label: Its label on that year's page.
        phrases: The content lemmas of each of its key phrases (space-separated).
        label_lemmas: The lemmas of its label (the key phrase it is named after).
    """

    year: int
    scope: str
    key: int
    label: str
    phrases: tuple[str, ...]
    label_lemmas: str = ""


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
        The :class:`SamePoint` matrices, ``len(a) × len(b)``, in [-1, 1].
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
    """The lemmas, compound parts and stems two points share (what the page names as the reason of a match)."""
    docs = _documents([a, b])
    vocabulary = vocabulary if vocabulary is not None else {w for d in docs for w in d.split()}
    wa, wb = (lexical_documents([d], vocabulary)[0].split() for d in docs)
    return [w for w in dict.fromkeys(wa) if w in set(wb)]


def same_point_bar(scores_within_years: Sequence[float]) -> float:
    """The score from which two points of different years are the same: mean plus two standard
    deviations of the scores of distinct points of one year (points its analysis kept apart)."""
    values = np.asarray(scores_within_years, dtype=np.float64)
    if len(values) < 3:  # too few to tell: only a near-identical point matches
        return 0.9
    return float(values.mean() + 2 * values.std())


@dataclass
class MatchedRow:
    """One compared point of a scope: per year, the points of that year it holds, and why several."""

    scope: str
    points: dict[int, list[PointEvidence]]
    reasons: list[str]


def is_same(same: SamePoint, i: int, j: int, bar: float) -> bool:
    """Points ``i`` and ``j`` say the same: a score at the bar or above, and a word, part or stem in common
    (meaning alone, without a shared word, is too weak a sign at a seminar's size)."""
    return bool(same.score[i, j] >= bar and same.lexical[i, j] > 0)


def match_points(points: Sequence[PointEvidence], years: Sequence[int], same: SamePoint, bar: float) -> tuple[list[MatchedRow], list[dict]]:
    """Chain the points of one scope year after year: one to one, or merged with the reason stated.

    The points of each year are matched to the rows built from the earlier years (a row
    scores as its most alike point), best total score first (Hungarian algorithm), when they
    are the same (:func:`is_same`). A point left over whose most alike row already holds a
    point of its year, and is the same as that row, joins it: the row then holds two themes
    of that year (their groups are counted together), and the reason says so. Any other point
    starts a row of its own.

    Args:
        points: The scope's points of every year.
        years: The years, in order.
        same: ``same_point(points, points)``.
        bar: :func:`same_point_bar`.

    Returns:
        ``(rows, decisions)``: the rows, and per point of a later year its most alike point of
        another year (``matched``: in the same row), for the stored ``matches`` table.
    """
    from scipy.optimize import linear_sum_assignment

    index = {id(p): i for i, p in enumerate(points)}
    rows: list[MatchedRow] = []
    decisions: list[dict] = []

    def closest(row: MatchedRow, p: PointEvidence) -> PointEvidence:
        others = [q for y, qs in sorted(row.points.items()) if y != p.year for q in qs]
        return max(others, key=lambda q: (same.score[index[id(q)], index[id(p)]], -abs(q.year - p.year)))

    for year in years:
        mine = [p for p in points if p.year == year]
        earlier = [r for r in rows if year not in r.points]
        partner: dict[int, int] = {}
        if earlier and mine:
            S = np.array([[same.score[index[id(closest(r, p))], index[id(p)]] for p in mine] for r in earlier])
            for ri, pi in zip(*linear_sum_assignment(-S), strict=True):
                q = closest(earlier[ri], mine[pi])
                if is_same(same, index[id(q)], index[id(mine[pi])], bar):
                    partner[pi] = ri
        for pi, p in enumerate(mine):
            if pi in partner:
                earlier[partner[pi]].points[year] = [p]
            else:
                rows.append(MatchedRow(p.scope, {year: [p]}, []))
    # A point left alone whose most alike row holds a point of its year, and says the same as
    # that row's point of another year, joins the row (one year's analysis kept apart what the
    # other year's groups said as one point).
    matched = [r for r in rows if len(r.points) > 1]
    alone = [r for r in rows if len(r.points) == 1 and len(next(iter(r.points.values()))) == 1]
    for row in alone:
        (year, (p,)), = row.points.items()
        candidates = [r for r in matched if year in r.points]
        best = max(candidates, key=lambda r: same.score[index[id(closest(r, p))], index[id(p)]], default=None)
        if best is None:
            continue
        q = closest(best, p)
        # joined only when the other year's point also says what this one is named after
        # ("Unge" joins "Sårbare unge", not "De frivillige" through "unge frivillige")
        said = set(shared_words(p, q)) | set(lexical_documents([" ".join(q.phrases)], None)[0].split())
        if is_same(same, index[id(q)], index[id(p)], bar) and p.label_lemmas and set(p.label_lemmas.split()) <= said:
            kept = best.points[year][0]
            best.points[year].append(p)
            words = shared_words(p, q)
            best.reasons.append(
                f"{year}: „{p.label}“ og „{kept.label}“ er lagt sammen: begge siger det samme som {q.year}: „{q.label}“"
                + (f" (fælles ord: {', '.join(words[:4])})" if words else "")
            )
            rows.remove(row)
    for row in rows:
        for year, pts in row.points.items():
            for p in pts:
                if len(row.points) > 1 and year != min(row.points):
                    q = closest(row, p)
                    decisions.append({"point": p, "other": q, "score": float(same.score[index[id(q)], index[id(p)]]), "matched": True})
    for p in points:
        if any(p in r.points.get(p.year, []) and len(r.points) > 1 for r in rows):
            continue
        others = [q for q in points if q.year != p.year]
        if others and p.year != years[0]:
            q = max(others, key=lambda q: same.score[index[id(q)], index[id(p)]])
            decisions.append({"point": p, "other": q, "score": float(same.score[index[id(q)], index[id(p)]]), "matched": False})
    return rows, decisions
