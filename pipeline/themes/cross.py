"""Cross-cutting themes: the same point said in two or more core areas.

Clusters over the units of all areas (the clusterer of :mod:`pipeline.themes.subthemes`), each
narrowed to the units that say its point (:func:`~pipeline.themes.points.choose_point`).

A general noun said in two areas is one word, not yet one point: "samarbejde mellem frivillige
organisationer og det politiske niveau" (Social omsorg) and "samarbejde med virksomheder"
(Beskæftigelse) share "samarbejde" and nothing else. Within an area the groups answer one
question, so "more collaboration" is their shared point there (:mod:`pipeline.themes.kinds` leaves
such a word whole); across areas they answer different questions, so a point named by one general
noun counts only the groups whose own words qualify it as a group of another area does
(:func:`same_beyond_word`, the within-area kind test's qualifiers, :func:`pipeline.themes.kinds.qualifiers`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.danish import EVALUATIVE_WORDS
from pipeline.danish.grading import is_grading
from pipeline.danish.generality import is_general_noun
from pipeline.schemas import CrossThemes
from pipeline.themes.kinds import AreaKinds, qualifiers_related, qualifiers
from pipeline.themes.labels import keyword_ranking
from pipeline.themes.points import choose_point, label_text, says
from pipeline.themes.records import ThemeParams
from pipeline.themes.subthemes import cluster_units
from pipeline.themes.words import is_bare_general

__all__ = ["cross_cutting", "same_beyond_word"]


@dataclass(frozen=True)
class CrossPoint:
    """A point said in two or more areas: its units (positions in all units), label and label lemmas."""

    members: np.ndarray
    units: pd.DataFrame
    label: str
    lemmas: str = ""

    @property
    def order(self) -> tuple:
        """Most areas first, then most (area, group) pairs, then the label."""
        pairs = set(zip(self.units["core_area"], self.units["group"], strict=True))
        return (-self.units["core_area"].nunique(), -len(pairs), self.label)


def _in_two_areas(part: pd.DataFrame) -> bool:
    """The same point in two or more areas: a theme (not a word used in passing) in at least two."""
    return part.loc[part["theme"] >= 0, "core_area"].nunique() >= 2


def same_beyond_word(
    units: pd.DataFrame, members: np.ndarray, lemmas: str, kinds: Mapping[str, AreaKinds]
) -> np.ndarray:
    """The members whose group says the same as a group of another area beyond a point's general noun.

    A point named by one general noun (:func:`~pipeline.danish.generality.is_general_noun`:
    "samarbejde") is kept for a group (an area's, a year's) whose own words qualify the noun
    (:func:`~pipeline.themes.kinds.qualifiers`: "samarbejde med virksomheder", "tværfagligt
    samarbejde") as a group of another area's do (a shared word, compound part or derivation). A
    word that only grades or judges ("større", "godt") names nothing beyond "more of it", and a
    group that wrote the noun alone says nothing beyond it: neither counts across areas. A point
    of several words, or of a specific noun ("velfærdsteknologi", "kommunikation": the word is
    itself the point), keeps every member; so does a run without the parse (no ``kinds``).

    Args:
        units: The units of all areas (``core_area``, ``year``, ``group``, ``lemmas``,
            ``statement_id``, ``start``, ``end``).
        members: The point's positions in ``units``.
        lemmas: The point's label lemmas.
        kinds: Each area's kind tests (:func:`pipeline.themes.kinds.area_kinds`).
    """
    if not kinds or len(lemmas.split()) != 1 or not is_general_noun(lemmas):
        return members
    part = units.iloc[members]
    keys = list(zip(part["core_area"], part["year"], part["group"], strict=True))
    own: dict[tuple, frozenset[str]] = {}
    for key, u in zip(keys, part.itertuples(index=False), strict=True):
        k = kinds.get(key[0])
        said = qualifiers(u, lemmas, k.said.get(str(u.statement_id)), k.no_kind) if k else frozenset()
        own[key] = own.get(key, frozenset()) | {
            w for w in said if w not in EVALUATIVE_WORDS and not is_grading(w)
        }
    kept = {g for g in own for h in own if g[0] != h[0] and qualifiers_related(own[g], own[h])}
    return members[np.asarray([key in kept for key in keys], dtype=bool)]


def _word_across(part: pd.DataFrame, label: str) -> dict:
    """A word groups of several areas used about different things: per area its groups and key phrases."""
    return {
        "word": label,
        "areas": [
            {
                "core_area": area,
                "groups": sorted({int(g) for g in a_part["group"]}),
                "unit_ids": [str(u) for u in a_part["unit_id"]],
            }
            for area, a_part in part.groupby("core_area", sort=False)
        ],
    }


def _cross_points(
    units: pd.DataFrame,
    labels: np.ndarray,
    pointless: frozenset[str],
    kinds: Mapping[str, AreaKinds],
    apart: list | None = None,
) -> list[CrossPoint]:
    """Each cluster's point, narrowed to the units that say it, where those are in themes of two areas.

    A point named by one general noun that two areas' groups use about different things goes to
    ``apart`` when given (:func:`_word_across`), what the index page lists apart from the points.
    """
    out = []
    for label in sorted(set(labels) - {-1}):
        idx = np.flatnonzero(labels == label)
        point = choose_point(units.iloc[idx], empty=pointless)
        if point is None or point.excluded or is_bare_general(point.lemmas):
            continue  # a general noun alone ("samarbejde") is no point in one area or across them
        members = idx[point.fits]
        part = units.iloc[members]
        if _in_two_areas(part):
            out.append(CrossPoint(members, part, label_text(point.lemmas, part), point.lemmas))
    out.sort(key=lambda c: c.order)
    # every key phrase of the area themes a point joins that says the point counts, as on the area
    # pages: the groups listed per area are those the area's own theme counts for it
    claimed: set[int] = set()
    joined = []
    for c in out:
        members = _with_area_themes(units, c.members, c.lemmas, claimed)
        # one general noun in two areas is one point only where the groups say the same beyond it
        said = same_beyond_word(units, members, c.lemmas, kinds)
        part = units.iloc[said]
        if apart is not None and not _in_two_areas(part) and _in_two_areas(units.iloc[members]):
            apart.append(_word_across(units.iloc[members], c.label))
        members = said
        if _in_two_areas(part):
            claimed.update(int(i) for i in members)
            joined.append(CrossPoint(members, part, c.label))
    return joined


def _cross_row(cross_id: int, point: CrossPoint, forms, top_n: int) -> dict:
    """The ``cross_themes`` row of one cross-cutting point."""
    part = point.units
    areas = [
        {
            "core_area": area,
            "groups": sorted({int(g) for g in a_part["group"]}),
            "statement_ids": list(dict.fromkeys(a_part["statement_id"])),
            "themes": sorted({int(t) for t in a_part["theme"] if t >= 0}),
            "units": a_part["text"].tolist(),
        }
        for area, a_part in part.groupby("core_area", sort=False)
    ]
    return {
        "cross_theme": cross_id,
        "label": point.label,
        "keywords": "; ".join(w for w, _ in keyword_ranking(part, forms, top_n)),
        "n_areas": part["core_area"].nunique(),
        "n_groups": len(set(zip(part["core_area"], part["group"], strict=True))),
        "areas": json.dumps(areas, ensure_ascii=False),
    }


def cross_cutting(
    units: pd.DataFrame,
    raw: np.ndarray,
    params: ThemeParams,
    stop_words: frozenset[str],
    forms,
    lexical,
    pointless: frozenset[str] = frozenset(),
    asked: frozenset[int] = frozenset(),
    kinds: Mapping[str, AreaKinds] | None = None,
    apart: list | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same point in two or more areas.

    Clusters over the units of all areas, each narrowed to the units that say its point
    (:func:`choose_point`), kept when those are in a theme of each of two or more areas; a point
    that names nothing on its own (a general noun alone, a word spread evenly over the areas) is
    no cross-cutting theme, and the key phrases of a theme that only repeats its area's question
    or the area (``asked``: their topics) count for no group across areas either. A point named by
    one general noun counts only the groups that say the same beyond it as a group of another area
    (:func:`same_beyond_word`, with ``kinds``: each area's kind tests); one that no two areas'
    groups say alike goes to ``apart`` when given (``{"word", "areas": [{"core_area", "groups",
    "unit_ids"}]}``): a word used in several areas about different things, no point.

    Returns:
        The ``cross_themes`` table and the units with ``cross_theme`` (``-1``: none).
    """
    labels = (
        cluster_units(units, raw, params, stop_words, lexical)[0]
        if units["core_area"].nunique() > 1
        else np.full(len(units), -1)
    )
    labels[units["stance"].to_numpy(dtype=bool)] = -1  # "Ja" in two areas answers two questions
    labels[units["theme"].isin(list(asked)).to_numpy()] = -1  # the question's own words, set aside
    cross_of = np.full(len(units), -1, dtype=int)
    rows = []
    for cross_id, point in enumerate(_cross_points(units, labels, pointless, kinds or {}, apart)):
        cross_of[point.members] = cross_id
        rows.append(_cross_row(cross_id, point, forms, params.top_n_words))
    cross = pd.DataFrame(rows, columns=list(CrossThemes.to_schema().columns))
    return cross, units.assign(cross_theme=cross_of)


def _with_area_themes(units: pd.DataFrame, members: np.ndarray, lemmas: str, claimed: set[int]) -> np.ndarray:
    """A cross-cutting point's units and the units of the area themes it joins that say it too.

    A cluster over all areas can leave out a phrase its area's theme holds ("bedre tværfagligt
    samarbejde" beside "samarbejde"), so the cross-area section would list fewer groups than the
    area's page counts. Each added unit says the point (:func:`~pipeline.themes.points.says`);
    one an earlier (larger) cross-cutting point took stays there. A phrase in no theme of its
    area is left out: its area's page counts it for no point, so across areas it counts for no
    group and names no area either (the same rule as on the area pages).
    """
    themes = {int(t) for t in units["theme"].iloc[members] if t >= 0}
    taken = set(int(i) for i in members)
    extra = [
        int(i)
        for i in np.flatnonzero(units["theme"].isin(themes).to_numpy())
        if int(i) not in taken
        and int(i) not in claimed
        and says(lemmas, units["lemmas"].iat[i], frozenset(str(units["verbs"].iat[i]).split()))
    ]
    kept = [i for i in members if int(i) not in claimed and int(units["theme"].iat[int(i)]) >= 0]
    return np.asarray(sorted(set(kept) | set(extra)), dtype=int)
