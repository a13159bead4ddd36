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
from functools import cached_property

import numpy as np
import pandas as pd
from sklearn.preprocessing import normalize

from pipeline.schemas import Themes
from pipeline.themes.features import fit_lexical, lexical_documents
from pipeline.themes.describe import link_cross, order_themes, point_label, restates, theme_rows
from pipeline.themes.summaries import distinct_summaries
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


#: What the labeller reads of a key phrase besides the units table (:func:`pipeline.themes.units.make_units`).
_WRITTEN = ["words", "content_at", "verbs", "about"]


class _Written:
    """The key phrases' written words and each area's words that name no point, made once when needed.

    The units table keeps neither, so a theme the codebook changed is named as the theme stage
    names its own (:func:`~pipeline.themes.describe.point_label`) from the key phrases made again
    from the statements, with the stop words they were made with (the same phrases, the same ids).
    """

    def __init__(self, statements: pd.DataFrame, stop_words: frozenset[str]) -> None:
        self.statements = statements
        self.stop_words = stop_words

    @cached_property
    def _units(self) -> pd.DataFrame:
        from pipeline.themes.units import make_units

        made = make_units(self.statements, self.stop_words)
        return made[made["lemmas"].str.len() > 0]

    @cached_property
    def empty(self) -> dict[str, frozenset[str]]:
        """Per area, the words that name no point on their own (as the theme stage finds them)."""
        from pipeline.themes.empty import empty_words

        return empty_words(self._units, self.statements)

    def of(self, part: pd.DataFrame) -> pd.DataFrame:
        """``part`` with the written columns; a phrase not made again (a stance: "Ja") as its text."""
        table = self._units.set_index("unit_id")[_WRITTEN]
        out = part.drop(columns=_WRITTEN, errors="ignore").join(table, on="unit_id")
        missing = out["words"].isna()
        out.loc[missing, "words"] = out.loc[missing, "text"]
        return out.fillna({c: "" for c in _WRITTEN})


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
    written: _Written

    def rows(self, area: str, topic: int, part: pd.DataFrame, X: np.ndarray, name: str) -> list[dict]:
        """Rows (one per year) of a theme made of the key phrases ``part`` (vectors ``X``).

        The label: the codebook's name, else the one the theme stage would give these key
        phrases (:func:`~pipeline.themes.describe.point_label`, the one labeller).
        """
        words = self.area_words.get(area, frozenset())
        label = name or point_label(
            self.written.of(part),
            empty=self.written.empty.get(area, frozenset()),
            restates=lambda w: restates(w, words),
        )
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
        written=_Written(statements, params.stop_words()),
    )
    X = _lexical_vectors(units)
    old_units = {int(t): set(p["unit_id"]) for t, p in auto_units[auto_units["theme"] >= 0].groupby("theme")}
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
        at, name = _described_from(units, topic, old, info)
        rows.extend(described.rows(part["core_area"].iloc[0], topic, units[at], X[np.flatnonzero(at)], name))
    out = pd.DataFrame(
        rows, columns=[c for c in Themes.to_schema().columns if c not in ("curated", "memo", "codebook_key")]
    )
    of = [meta.get(int(t), {}) for t in out["topic"]]
    out["curated"] = [bool(m.get("curated", False)) for m in of]
    out["memo"] = [m.get("memo", "") for m in of]
    out["codebook_key"] = [m.get("key", "") for m in of]
    out = _kept_as_points(out, [bool(m.get("point")) for m in of], params)
    out = order_themes(link_cross(out, units), area_order)
    if order == "codebook":
        out = _codebook_order(out, meta, area_order)
    # no "kort sagt" sentence twice in an area, in the order the pages show
    return distinct_summaries(out, statements), _cross_themes_of(cross, units)


def _described_from(units: pd.DataFrame, topic: int, old: pd.DataFrame, info: dict) -> tuple[np.ndarray, str]:
    """The key phrases a changed theme is described from, and its label when decided (empty: the labeller's).

    Its own key phrases; a theme kept as a point of some of its groups (``point_groups``) also the
    ones of those groups it listed and released to points of their own (each group's own words
    about the word), under its own label.
    """
    at = (units["theme"] == topic).to_numpy()
    groups = info.get("point_groups")
    if not groups or old.empty:
        return at, info.get("name", "")
    listed = {u for cell in old["units"] for u in str(cell).split()}
    at = at | (units["unit_id"].isin(listed) & units["group"].astype(int).isin(groups)).to_numpy()
    return at, info.get("name") or str(old["label"].iloc[0])


def _kept_as_points(out: pd.DataFrame, point: list[bool], params: ThemeParams) -> pd.DataFrame:
    """A theme of only the question's words the analyst kept as a point recurs as any point of as many groups.

    Its label and groups stay its own (each counted group wrote its own words about the word).
    """
    if not any(point):
        return out
    out = out.copy()
    at = pd.Series(point, index=out.index)
    # kept as a point: no longer a theme of only the question's words, so it recurs as any other point
    out.loc[at, "restates_question"] = False
    out.loc[at, "recurring"] = [
        params.recurs_as_point(int(n), restates_area=bool(r), restates_question=False)
        for n, r in zip(out.loc[at, "n_groups"], out.loc[at, "restates_area"], strict=True)
    ]
    return out


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
