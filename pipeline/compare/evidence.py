"""The points of one year's pages as the comparison reads them.

Each theme, and each cross-cutting theme that is a theme in two or more areas, with its label's
lemmas, key phrases and verbs.
"""

from __future__ import annotations

import json

import pandas as pd

from pipeline.compare.match import PointEvidence
from pipeline.compare.status import OVERALL
from pipeline.compare.tables import YearTables

__all__ = ["cross_points", "theme_points"]


def _label_lemmas(lemma_of: dict[str, str], label: str) -> str:
    """The content lemmas of a label as its year's page shows it, read as the theme stage reads them.

    By :func:`pipeline.themes.points.label_lemmas`, word forms → lemmas (``lemma_of``) from that
    year's statements (:attr:`~pipeline.compare.tables.YearTables.lemma_of`). A label that names
    other wordings in parentheses ("Fleksibilitet (smidigere processer)") is its main wording: the
    others are among the point's key phrases.
    """
    from pipeline.themes.labels import label_alternatives
    from pipeline.themes.points import label_lemmas

    return label_lemmas(label_alternatives(label)[0], lemma_of)


def _verbs(t: YearTables, part: pd.DataFrame) -> frozenset[str]:
    """The lemmas tagged as verbs in the statements of a point's key phrases (as the themes read them)."""
    statements = t.statements[t.statements["statement_id"].isin(set(part["statement_id"]))]
    if "pos" not in statements.columns:
        return frozenset()
    return frozenset(
        lem
        for lems, pos in zip(statements["lemmas"], statements["pos"], strict=True)
        for lem, tag in zip(lems.split(), pos.split(), strict=False)
        if tag == "VERB"
    )


def _points(t: YearTables, column: str, rows: list[tuple[str, int, str]]) -> list[PointEvidence]:
    """One point per ``(scope, key, label)`` row, its key phrases the units whose ``column`` is ``key``."""
    members = t.units[t.units[column] >= 0]
    parts = {int(k): part for k, part in members.groupby(column, sort=True)}
    empty = members.iloc[0:0]
    lemma_of = t.lemma_of  # once for all the year's labels
    return [
        PointEvidence(
            t.year,
            scope,
            key,
            label,
            tuple(part["lemmas"]),
            _label_lemmas(lemma_of, label),
            _verbs(t, part),
        )
        for scope, key, label in rows
        for part in [parts.get(key, empty)]
    ]


def theme_points(t: YearTables) -> list[PointEvidence]:
    """The themes of one year's core-area pages as points (their key phrases as lemmas)."""
    rows = [(r.core_area, int(r.topic), r.label) for r in t.themes.drop_duplicates("topic").itertuples()]
    return _points(t, "theme", rows)


def _recurs_across_areas(areas_json: str) -> bool:
    return sum(1 for a in json.loads(areas_json) if a["themes"]) >= 2


def cross_points(t: YearTables) -> list[PointEvidence]:
    """The cross-cutting themes of one year's overview page that are a theme in two or more core areas."""
    rows = [
        (OVERALL, int(r.cross_theme), r.label) for r in t.cross.itertuples() if _recurs_across_areas(r.areas)
    ]
    return _points(t, "cross_theme", rows)
