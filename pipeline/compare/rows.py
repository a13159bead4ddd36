"""The rows of a comparison: rows of one label or of the same statements merged, a row's name.

Pure: matched rows and the years' tables in, rows and names out.
"""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.compare.match import MatchedRow, PointEvidence
from pipeline.compare.status import OVERALL
from pipeline.compare.tables import YearTables
from pipeline.config import SeminarConfig

__all__ = ["given_options", "merge_same_evidence", "merge_same_labels", "row_label"]


def merge_same_labels(
    rows: list[MatchedRow], tables: Mapping[int, YearTables] | None = None
) -> list[MatchedRow]:
    """Rows of one scope whose labels would be the same become one row, with the reason stated."""
    out: list[MatchedRow] = []
    by_label: dict[str, MatchedRow] = {}
    for row in rows:
        name = row_label(row, tables).casefold()
        if name in by_label:
            kept = by_label[name]
            for year, pts in row.points.items():
                kept.points.setdefault(year, []).extend(pts)
            kept.reasons.append(
                "lagt sammen med et andet tema af samme navn "
                f"({', '.join(str(y) for y in sorted(row.points))})"
            )
            continue
        by_label[name] = row
        out.append(row)
    return out


def _statements_of(t: YearTables, p: PointEvidence) -> frozenset[str]:
    """The statements a point of one year's page rests on (its key phrases' statements)."""
    column = "cross_theme" if p.scope == OVERALL else "theme"
    return frozenset(t.units.loc[t.units[column] == p.key, "statement_id"])


def given_options(cfg: SeminarConfig, scope: str) -> frozenset[str]:
    """The options a core area's question gave (``options`` in the configuration), lowercased."""
    for area in cfg.core_areas:
        if area.name == scope:
            return frozenset(str(o).casefold() for o in getattr(area, "options", ()) or ())
    return frozenset()


def merge_same_evidence(
    rows: list[MatchedRow], tables: Mapping[int, YearTables], options: frozenset[str] = frozenset()
) -> list[MatchedRow]:
    """Rows of one scope whose themes of one year rest on the very same statements become one row.

    Two themes built from the same statements are one point said twice (the theme stage named
    it two ways: "Cyberangreb" / "It-sikkerhed"), so they are counted and shown once. Themes
    that are two of the options the question gave stay apart: the groups weighed them against
    each other in the same sentences.
    """
    owner = list(range(len(rows)))

    def find(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    def is_option(row: MatchedRow) -> bool:
        return bool(options) and all(
            p.label.casefold() in options for pts in row.points.values() for p in pts
        )

    seen: dict[tuple[int, frozenset[str]], int] = {}
    for i, row in enumerate(rows):
        for year, pts in sorted(row.points.items()):
            for p in pts:
                key = (year, _statements_of(tables[year], p))
                if not key[1]:
                    continue
                j = seen.setdefault(key, i)
                if j != i and not (is_option(row) and is_option(rows[j])):
                    owner[find(i)] = find(j)
    out: dict[int, MatchedRow] = {}
    for i, row in enumerate(rows):
        root = find(i)
        if root not in out:
            out[root] = row
            continue
        kept = out[root]
        names = [p.label for r in (kept, row) for _, pts in sorted(r.points.items()) for p in pts]
        for year, pts in row.points.items():
            kept.points.setdefault(year, []).extend(p for p in pts if p not in kept.points.get(year, []))
        kept.reasons += row.reasons
        kept.reasons.append(
            f"„{'“ og „'.join(dict.fromkeys(names))}“ er lagt sammen: de bygger på de samme udsagn"
        )
    return list(out.values())


def _base_label(label: str, lemma_of: Mapping[str, str]) -> str:
    """A label in base form and whole (:func:`pipeline.danish.inflection.base_label`)."""
    from pipeline.danish.inflection import base_label

    return base_label(label, lemma_of)


def row_label(row: MatchedRow, tables: Mapping[int, YearTables] | None = None) -> str:
    """The row's name: its last year's theme labels in base form; the analyst's (curated) names if any."""
    year = max(row.points)
    mine = row.points[year]
    if tables is not None and year in tables:
        t = tables[year]
        lemma_of = t.lemma_of
        if "curated" in t.themes.columns and t.themes["curated"].astype(bool).any():
            curated = set(t.themes.loc[t.themes["curated"].astype(bool), "topic"].astype(int))
            mine = [p for p in mine if p.scope != OVERALL and p.key in curated] or mine
    else:
        lemma_of = {}
    return " / ".join(dict.fromkeys(_base_label(p.label, lemma_of) for p in mine))
