"""The comparison's records as they are built: the years every row reads, a row's status, word-family rows.

Pure: the years' tables and counts in, table rows out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd

from pipeline.compare.match import MatchedRow, shared_words
from pipeline.compare.said import YearUnits
from pipeline.compare.status import STATUS_ORDER, CompareParams, status_of
from pipeline.compare.tables import STATUS_COLUMNS, YearTables
from pipeline.compare.words import Taken, proper_names, word_families

__all__ = [
    "Out",
    "Years",
    "add_families",
    "group_order",
    "sorted_status",
    "status_record",
    "word_prevalence",
]


@dataclass(frozen=True)
class Years:
    """What every row of a comparison reads: the years' tables, their key phrases, texts and totals."""

    tables: Mapping[int, YearTables]
    years: tuple[int, ...]
    params: CompareParams
    units: dict[int, YearUnits]
    texts: dict[int, dict[str, str]]
    totals: dict[int, dict[str, int]]


@dataclass
class Out:
    """The comparison's records as they are built, point by point."""

    prevalence: list[dict] = field(default_factory=list)
    status: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    matches: list[dict] = field(default_factory=list)


def group_order(g: str) -> tuple[str, int]:
    """How groups sort: by core area (across areas), then by number."""
    return (g.rsplit("#", 1)[0] if "#" in g else "", int(g.rsplit("#", 1)[-1]))


def _not_gone(status: str, zero_year: int, inside: dict[int, dict[str, str]]) -> tuple[str, str]:
    """A "ny" or "forsvundet" whose zero year has a group writing the label inside another word.

    The status becomes the change it is ("voksende", "aftagende"); the second value is the
    ``written_inside`` entry of that year ("2025: gruppe 5: „velfærdsteknologi“"), or "".
    """
    words = inside.get(zero_year, {})
    if status not in ("ny", "forsvundet") or not words:
        return status, ""
    shown = ", ".join(
        f"gruppe {g.rsplit('#', 1)[-1]}: „{w}“"
        for g, w in sorted(words.items(), key=lambda gw: group_order(gw[0]))
    )
    return (
        "voksende" if status == "ny" else "aftagende",
        f"{zero_year}: {shown}",
    )


def status_record(
    ctx: Years,
    row: MatchedRow,
    point_id: int,
    label: str,
    scope: str,
    counts: dict[int, tuple[int, float]],
    inside: dict[int, dict[str, str]] | None = None,
) -> dict:
    """A point's status over the last step and its trend over all years, with why its themes were matched."""
    inside = inside or {}
    years = ctx.years
    base, target = years[-2], years[-1]
    (b, sb), (t, st), (f, sf) = counts[base], counts[target], counts[years[0]]
    reasons = list(row.reasons)
    matched_years = sorted(row.points)
    for earlier, later in pairwise(matched_years):
        p, q = row.points[later][0], row.points[earlier][0]
        words = shared_words(p, q)
        if p.label != q.label or not words:
            # says_same decided the pair; without a shared word it was a synonym or a derivation
            how = (
                f" (fælles ord: {', '.join(words[:4])})"
                if words
                else " (samme pointe: synonym eller afledning)"
            )
            reasons.append(f"{later}: „{p.label}“ er parret med {earlier}: „{q.label}“{how}")
    status, why = _not_gone(status_of(b, t, sb, st, ctx.params), target if t == 0 else base, inside)
    trend, why_trend = _not_gone(status_of(f, t, sf, st, ctx.params), target if t == 0 else years[0], inside)
    written_inside = [w for w in dict.fromkeys((why, why_trend)) if w]
    return {
        "point": point_id,
        "label": label,
        "core_area": scope,
        "base_year": base,
        "target_year": target,
        "base_groups": b,
        "target_groups": t,
        "base_share_groups": sb,
        "target_share_groups": st,
        "delta_share_groups": round(st - sb, 4),
        "status": status,
        "first_year": years[0],
        "first_groups": f,
        "trend": trend,
        "counts": " → ".join(str(counts[y][0]) for y in years),
        "reason": "; ".join(reasons),
        "written_inside": " | ".join(written_inside),
    }


def word_prevalence(point: int, label: str, scope: str, year: int, n: int, total: int) -> dict:
    """A prevalence row of a point that has no theme on the year's page (found by its words).

    Args:
        point: The point's id.
        label: The point's label.
        scope: Its core area.
        year: The year of the row.
        n: Groups that said it that year.
        total: Groups of the scope that year.

    Returns:
        The row (:data:`pipeline.compare.tables.PREVALENCE_COLUMNS`), its ``groups`` empty.
    """
    return {
        "point": point,
        "label": label,
        "core_area": scope,
        "year": year,
        "topics": "",
        "theme_label": "",
        "n_groups": n,
        "page_groups": 0,
        "also_groups": "",
        "n_groups_total": total,
        "share_groups": round(n / total, 4) if total else 0.0,
        "groups": "",
        "href": "",
    }


def add_families(ctx: Years, out: Out, scope: str, first: int, labels: list[str]) -> None:
    """The scope's recurring word families that no row holds yet (:mod:`pipeline.compare.words`)."""
    groups: dict[int, dict[int, frozenset[str]]] = {}
    for r in out.prevalence:
        if r["point"] >= first:
            groups.setdefault(r["point"], {})[r["year"]] = frozenset(
                f"{r['groups']} {r['also_groups']}".split()
            )
    taken = [Taken(frozenset(words.split()), groups[first + i]) for i, words in enumerate(labels)]
    names = proper_names(ctx.tables)
    for fam in word_families(ctx.tables, scope, ctx.params.recurring_from, taken, names):
        point_id = len(out.status)
        counts: dict[int, tuple[int, float]] = {}
        for y in ctx.years:
            said = fam.said[y]
            total = ctx.totals[y].get(scope, 0)
            row = word_prevalence(point_id, fam.label, scope, y, len(said), total)
            row["groups"] = " ".join(sorted(said, key=group_order))
            counts[y] = (row["n_groups"], row["share_groups"])
            out.prevalence.append(row)
            out.quotes += [
                {
                    "point": point_id,
                    "scope": scope,
                    "year": y,
                    "core_area": e.core_area,
                    "group": int(g),
                    "statement_id": e.statement_id,
                    "text": ctx.texts[y][e.statement_id],
                }
                for g, e in list(said.items())[: ctx.params.n_quotes]
            ]
        words = ", ".join(fam.words[:6])
        reason = (
            f"ordfamilie: grupper, der skriver et ord med „{fam.key}“ ({words}); "
            "temaernes rækker tæller dem ikke alle"
        )
        row = MatchedRow(scope, {}, [reason])
        out.status.append(status_record(ctx, row, point_id, fam.label, scope, counts))


def sorted_status(status: list[dict], scopes: list[str]) -> pd.DataFrame:
    """The status table in report order: scope, status, then the most groups first, then the label."""
    status_df = pd.DataFrame(status, columns=STATUS_COLUMNS)
    if not len(status_df):
        return status_df
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    scope_rank = {s: i for i, s in enumerate(scopes)}
    return status_df.sort_values(
        ["core_area", "status", "target_groups", "base_groups", "label"],
        key=lambda c: (
            c.map(scope_rank)
            if c.name == "core_area"
            else (c.map(rank) if c.name == "status" else (-c if c.dtype.kind in "if" else c))
        ),
        kind="stable",
    ).reset_index(drop=True)
