"""Recurring themes: which topics several groups raised, per core area, with the evidence."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.schemas import Notes, StatementTopics, Themes, validate
from pipeline.topics import surface_forms

__all__ = ["find_themes", "recurring_terms"]


def _pick_quotes(rows: pd.DataFrame, embeddings: np.ndarray | None, n: int) -> pd.DataFrame:
    """Representative statements: closest to the theme's centre, at most one per group first."""
    if embeddings is not None and len(rows):
        vecs = embeddings[rows["_row"].to_numpy()]
        centre = vecs.mean(axis=0)
        rows = rows.assign(_score=-(vecs @ centre))
    else:
        rows = rows.assign(_score=0.0)
    rows = rows.sort_values(["_score", "group", "position"], kind="stable")
    first_per_group = rows.drop_duplicates("group")
    rest = rows.drop(first_per_group.index)
    return pd.concat([first_per_group, rest]).head(n)


def find_themes(
    statement_topics: pd.DataFrame,
    notes: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    embeddings: np.ndarray | None = None,
    topic_keywords: dict[int, str] | None = None,
) -> pd.DataFrame:
    """Build the themes table: one row per (year, core area, topic).

    Args:
        statement_topics: Statements with ``topic`` and ``topic_label``.
        notes: The ``notes`` table (to count the groups of each area).
        cfg: Configuration (``themes.min_groups``, ``themes.n_quotes``).
        embeddings: Statement vectors in the row order of ``statement_topics``, used to pick
            the most representative quotes.
        topic_keywords: Keywords per topic, ``"; "``-separated (from the topic model).

    Returns:
        The :class:`~pipeline.schemas.Themes` table, sorted per area by the number of groups
        that raised the theme. ``evidence`` lists every statement id behind the theme;
        ``quotes`` is JSON with the chosen statements, their group and note.
    """
    st = validate(statement_topics, StatementTopics).reset_index(drop=True)
    st["_row"] = np.arange(len(st))
    notes = validate(notes, Notes)
    groups_per_area = notes.groupby(["year", "core_area"])["group"].nunique().to_dict()
    areas_per_topic = st.groupby(["year", "topic"])["core_area"].agg(lambda s: sorted(set(s))).to_dict()
    area_order = {a.name: i for i, a in enumerate(cfg.core_areas)}
    rows = []
    for (year, area, topic), part in st.groupby(["year", "core_area", "topic"], sort=True):
        groups = sorted(set(int(g) for g in part["group"]))
        quotes = _pick_quotes(part, embeddings, cfg.themes.n_quotes)
        keywords = (topic_keywords or {}).get(int(topic), "")
        rows.append(
            {
                "year": int(year),
                "core_area": area,
                "topic": int(topic),
                "label": part["topic_label"].iloc[0],
                "keywords": keywords,
                "n_statements": len(part),
                "n_groups": len(groups),
                "n_groups_total": int(groups_per_area.get((year, area), len(groups))),
                "groups": " ".join(str(g) for g in groups),
                "recurring": len(groups) >= cfg.themes.min_groups,
                "other_areas": "; ".join(a for a in areas_per_topic[(year, topic)] if a != area),
                "evidence": " ".join(part["statement_id"]),
                "quotes": json.dumps(
                    [
                        {"statement_id": q.statement_id, "note_id": q.note_id, "group": int(q.group), "text": q.text}
                        for q in quotes.itertuples()
                    ],
                    ensure_ascii=False,
                ),
            }
        )
    themes = pd.DataFrame(rows, columns=list(Themes.to_schema().columns))
    if len(themes):
        themes["_area"] = themes["core_area"].map(area_order).fillna(len(area_order))
        themes = themes.sort_values(
            ["year", "_area", "core_area", "n_groups", "n_statements", "topic"],
            ascending=[True, True, True, False, False, True],
            kind="stable",
        ).drop(columns="_area")
    return validate(themes.reset_index(drop=True), Themes)


def recurring_terms(statements: pd.DataFrame, *, min_groups: int = 2, stop_words: frozenset[str] = frozenset(), top_n: int = 15) -> pd.DataFrame:
    """Words (lemmas) that several groups used within a core area.

    A finer lens than topics on seminar-sized notes: with two or three sentences per group
    and area, the sub-themes show as the words several groups chose ("kommunikation" by
    groups 3 and 5).

    Args:
        statements: The ``statements`` table (with ``tokens`` and ``lemmas``).
        min_groups: Keep terms used by at least this many groups of the area.
        stop_words: Lemmas never counted.
        top_n: Terms kept per area (most groups first, then most statements).

    Returns:
        ``year, core_area, term, surface, n_groups, groups, statement_ids`` sorted per area.
    """
    rows = []
    for (year, area), part in statements.groupby(["year", "core_area"], sort=False):
        uses: dict[str, dict] = {}
        forms = surface_forms(part)
        vocabulary = {w for doc in part["content_lemmas"] for w in doc.split()}
        for s in part.itertuples():
            # A compound counts for its parts ("infrastrukturudvikling" for "infrastruktur") only when
            # the part is a word of its own in the area: the splitter over-splits ("digitalis" + "ringe").
            terms = set(s.content_lemmas.split()) | (set(s.compound_parts.split()) & vocabulary)
            for term in terms - stop_words:
                if len(term) < 3:
                    continue
                use = uses.setdefault(term, {"groups": set(), "statements": []})
                use["groups"].add(int(s.group))
                use["statements"].append(s.statement_id)
        kept = [(t, u) for t, u in uses.items() if len(u["groups"]) >= min_groups]
        kept.sort(key=lambda tu: (-len(tu[1]["groups"]), -len(tu[1]["statements"]), tu[0]))
        for term, use in kept[:top_n]:
            counter = forms.get(term, {})
            surface = min(counter, key=lambda f: (-counter[f], f)) if counter else term
            rows.append(
                {
                    "year": int(year),
                    "core_area": area,
                    "term": term,
                    "surface": surface,
                    "n_groups": len(use["groups"]),
                    "groups": " ".join(str(g) for g in sorted(use["groups"])),
                    "statement_ids": " ".join(use["statements"]),
                }
            )
    return pd.DataFrame(rows, columns=["year", "core_area", "term", "surface", "n_groups", "groups", "statement_ids"])
