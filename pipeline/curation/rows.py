"""The themes table again after curation: rows of changed themes described from their own key phrases.

A theme whose key phrases did not change keeps its row (quotes, summary, keywords); only its
name, memo and codebook columns are set. A theme whose key phrases changed (merged, split,
new, pinned to, or one that lost key phrases to another) is described again as the automatic
themes are: groups, statements, recurring, keywords and quotes from its own key phrases.
Quotes are ranked by the key phrases' words (the lexical part of the theme vectors), so no
model runs here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.preprocessing import normalize

from pipeline.schemas import Themes
from pipeline.themes.features import fit_lexical, lexical_documents
from pipeline.themes.describe import link_cross, order_themes, theme_rows
from pipeline.themes.summaries import distinct_summaries
from pipeline.themes.labels import label_forms
from pipeline.themes.records import ThemeParams
from pipeline.topics import surface_forms

__all__ = ["rebuild_themes"]


def _lexical_vectors(units: pd.DataFrame) -> np.ndarray:
    lexical = fit_lexical(units["lemmas"].tolist())
    if lexical is None:
        return np.zeros((len(units), 1))
    return normalize(
        lexical.transform(lexical_documents(units["lemmas"].tolist(), set(lexical.vocabulary_))).toarray()
    )


@dataclass(frozen=True)
class _Described:
    """What describing a theme again needs besides its key phrases.

    The statements and counts of the analysis, the areas' words, the theme stage's parameters.
    """

    statements: pd.DataFrame
    groups_total: dict
    statements_per_area: dict
    forms: dict
    area_words: dict[str, frozenset[str]]
    topic_words: dict[str, frozenset[str]]
    params: ThemeParams

    def rows(
        self, area: str, topic: int, part: pd.DataFrame, X: np.ndarray, old_label: str, name: str
    ) -> list[dict]:
        """Rows (one per year) of a theme made of the key phrases ``part`` (vectors ``X``).

        The label: the codebook's name, else the old label while the theme's phrases still give
        it, else a new one from them.
        """
        label = name or (old_label if old_label and old_label.lower() in label_forms(part) else None)
        return theme_rows(
            area,
            topic,
            part,
            X,
            self.statements,
            forms=self.forms,
            groups_total=self.groups_total,
            statements_per_area=self.statements_per_area,
            area_words=self.area_words.get(area, frozenset()),
            topic_words=self.topic_words.get(area, frozenset()),
            params=self.params,
            label=label,
        )


def rebuild_themes(
    themes: pd.DataFrame,
    auto_units: pd.DataFrame,
    units: pd.DataFrame,
    cross: pd.DataFrame,
    notes: pd.DataFrame,
    statements: pd.DataFrame,
    meta: dict[int, dict],
    params: ThemeParams,
    *,
    order: str,
    area_order: list[str],
    area_words: dict[str, frozenset[str]],
    topic_words: dict[str, frozenset[str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The themes and cross-cutting tables for the curated assignment in ``units``.

    Args:
        themes: The automatic themes table.
        auto_units: The key phrases with their automatic theme.
        units: The same key phrases with their curated theme.
        cross: The cross-cutting themes.
        notes: The notes (groups per area).
        statements: The statements (quotes and the words' written forms).
        meta: Per curated theme: ``name``, ``memo``, ``key`` (codebook entry), ``curated``, ``rank`` (file
            order).
        params: The theme stage's parameters the automatic themes were found with (quotes,
            keywords, whether a theme recurs): a changed theme is described as they were.
        order: ``groups`` or ``codebook`` (see :data:`pipeline.curation.codebook.ORDERS`).
        area_order: Core areas in report order.
        area_words: Per area, its own words (a theme restating the question).
        topic_words: Per area, the words of its name and theme (a theme restating the area).

    Returns:
        ``(themes, cross)``.
    """
    described = _Described(
        statements,
        groups_total=notes.groupby(["year", "core_area"])["group"].nunique().to_dict(),
        statements_per_area=statements.groupby(["year", "core_area"]).size().to_dict(),
        forms=surface_forms(statements),
        area_words=area_words,
        topic_words=topic_words or {},
        params=params,
    )
    X = _lexical_vectors(units)
    old_units = {int(t): set(p["unit_id"]) for t, p in auto_units[auto_units["theme"] >= 0].groupby("theme")}
    old_labels = dict(zip(themes["topic"], themes["label"], strict=False))
    rows = []
    in_theme = units[units["theme"] >= 0]
    for topic, part in in_theme.groupby("theme", sort=True):
        topic = int(topic)
        info = meta.get(topic, {})
        old = themes[themes["topic"] == topic]
        if len(old) and set(part["unit_id"]) == old_units.get(topic, set()):
            kept = old.to_dict("records")
            if info.get("name"):
                for r in kept:
                    r["label"] = info["name"]
            rows.extend(kept)
            continue
        area = part["core_area"].iloc[0]
        idx = np.flatnonzero((units["theme"] == topic).to_numpy())
        rows.extend(
            described.rows(area, topic, part, X[idx], old_labels.get(topic, ""), info.get("name", ""))
        )
    out = pd.DataFrame(
        rows, columns=[c for c in Themes.to_schema().columns if c not in ("curated", "memo", "codebook_key")]
    )
    of = [meta.get(int(t), {}) for t in out["topic"]]
    out["curated"] = [bool(m.get("curated", False)) for m in of]
    out["memo"] = [m.get("memo", "") for m in of]
    out["codebook_key"] = [m.get("key", "") for m in of]
    out = order_themes(link_cross(out, units), area_order)
    if order == "codebook":
        out = _codebook_order(out, meta, area_order)
    # no "kort sagt" sentence twice in an area, in the order the pages show
    return distinct_summaries(out, statements), _cross_themes_of(cross, units)


def _codebook_order(out: pd.DataFrame, meta: dict[int, dict], area_order: list[str]) -> pd.DataFrame:
    """The analyst's order: the codebook's themes in file order (parts after their theme).

    Then the rest as found.
    """
    big = (10**9, 0)
    out = out.assign(
        _rank=[
            meta.get(int(t), {}).get("rank", big) if meta.get(int(t), {}).get("key") else big
            for t in out["topic"]
        ]
    )
    out["_area"] = out["core_area"].map({a: i for i, a in enumerate(area_order)})
    out["_pos"] = range(len(out))
    return (
        out.sort_values(["year", "_area", "_rank", "_pos"], kind="stable")
        .drop(columns=["_rank", "_area", "_pos"])
        .reset_index(drop=True)
    )


def _cross_themes_of(cross: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """The cross-cutting table with each area's themes taken from the curated key phrases."""
    if cross.empty:
        return cross
    cross = cross.copy()
    areas_out = []
    for row in cross.itertuples():
        areas = json.loads(row.areas)
        part = units[units["cross_theme"] == row.cross_theme]
        for a in areas:
            a["themes"] = sorted(
                {int(t) for t in part.loc[part["core_area"] == a["core_area"], "theme"] if t >= 0}
            )
        areas_out.append(json.dumps(areas, ensure_ascii=False))
    cross["areas"] = areas_out
    return cross
