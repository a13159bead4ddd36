"""Year over year from each year's own analysis: the counts are the counts on that year's pages.

Every year is analysed on its own (with its codebook applied), as ``seminar run`` does for
its pages. Per core area the themes of the years are matched by what they say
(:mod:`pipeline.compare.match`), one to one; a compared point's count in a year is the count
of its theme on that year's page (``themes.csv``), so the comparison and the year pages tell
the same story. Two rows of one area that would carry the same label are merged, and the
reason is stated (a row then counts the groups of its themes together).

"Alle kerneområder" compares the cross-cutting themes of each year's overview page that are a
theme in at least two core areas (a point recurring across areas, not a word every area used),
counted in group discussions (a group at one area's table) as the overview counts them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from pipeline.compare.evidence import cross_points, theme_points
from pipeline.compare.match import (
    MatchedRow,
    PointEvidence,
    SamePoint,
    match_points,
    same_point,
    shared_words,
)
from pipeline.compare.records import Out, Years, add_families, group_order, sorted_status, status_record
from pipeline.compare.rows import given_options, merge_same_evidence, merge_same_labels, row_label
from pipeline.compare.said import groups_saying, written_inside, year_units
from pipeline.compare.status import OVERALL, CompareParams
from pipeline.compare.tables import (
    MATCH_COLUMNS,
    PREVALENCE_COLUMNS,
    QUOTE_COLUMNS,
    Comparison,
    YearTables,
)
from pipeline.config import SeminarConfig, slugify

log = logging.getLogger(__name__)

__all__ = [
    "compare_years_tables",
    "cross_points",
    "merge_same_evidence",
    "merge_same_labels",
    "recurring_from",
    "theme_points",
]


def _groups_of(t: YearTables, p: PointEvidence) -> tuple[list[str], int]:
    """The groups of a point on its year's page, and the number that page shows."""
    if p.scope == OVERALL:
        row = t.cross[t.cross["cross_theme"] == p.key].iloc[0]
        groups = [f"{a['core_area']}#{g}" for a in json.loads(row["areas"]) for g in a["groups"]]
        return groups, int(row["n_groups"])
    row = t.themes[t.themes["topic"] == p.key].iloc[0]
    return row["groups"].split(), int(row["n_groups"])


def _href(t: YearTables, p: PointEvidence) -> str:
    """Where the point is on its year's pages, relative to the reports folder."""
    if p.scope == OVERALL:
        return f"{t.year}/index.html#tvaer-{p.key}"
    row = t.themes[t.themes["topic"] == p.key].iloc[0]
    # a theme restating the area is named in the page's synthesis, without an anchor of its own
    return f"{t.year}/{slugify(p.scope)}.html" + ("" if bool(row["restates_area"]) else f"#emne-{p.key}")


def _curation(t: YearTables) -> tuple[int, int]:
    """(themes an analyst has curated, themes) on one year's pages."""
    per_theme = t.themes.drop_duplicates(["core_area", "topic"]) if len(t.themes) else t.themes
    done = int(per_theme["curated"].astype(bool).sum()) if "curated" in per_theme.columns else 0
    return done, len(per_theme)


def _totals(t: YearTables) -> dict[str, int]:
    totals = {a: int(n) for a, n in t.notes.groupby("core_area")["group"].nunique().items()}
    totals[OVERALL] = int(t.notes[["core_area", "group"]].drop_duplicates().shape[0])
    return totals


def _quotes(t: YearTables, p: PointEvidence, n: int) -> list[dict]:
    if p.scope == OVERALL:
        text = dict(zip(t.statements["statement_id"], t.statements["text"], strict=True))
        row = t.cross[t.cross["cross_theme"] == p.key].iloc[0]
        out, seen = [], set()
        for a in json.loads(row["areas"]):
            if not a["themes"]:
                continue
            in_area = t.units[(t.units["cross_theme"] == p.key) & (t.units["core_area"] == a["core_area"])]
            first = in_area.iloc[0]
            if first["statement_id"] not in seen:
                seen.add(first["statement_id"])
                out.append(
                    {
                        "core_area": a["core_area"],
                        "group": int(first["group"]),
                        "statement_id": first["statement_id"],
                        "text": text[first["statement_id"]],
                    }
                )
        return out[:n]
    row = t.themes[t.themes["topic"] == p.key].iloc[0]
    return [
        {"core_area": p.scope, "group": int(q["group"]), "statement_id": q["statement_id"], "text": q["text"]}
        for q in json.loads(row["quotes"])[:n]
    ]


def recurring_from(tables: Mapping[int, YearTables]) -> int:
    """The fewest groups of a recurring point in the comparison: the last year's, stored by its theme stage.

    The statuses judge the last step against the last year's threshold, as its own pages do; a
    year whose pages were made with another threshold is named in a warning (its pages count
    the same groups, only their headings split them elsewhere).
    """
    years = sorted(tables)
    last = tables[years[-1]].recurring_from
    other = {y: tables[y].recurring_from for y in years if tables[y].recurring_from != last}
    if other:
        log.warning(
            "the years' themes recur from different numbers of groups (%s); the comparison uses %d, %d's",
            ", ".join(f"{y}: {m}" for y, m in other.items()),
            last,
            years[-1],
        )
    return last


def compare_years_tables(
    tables: Mapping[int, YearTables],
    cfg: SeminarConfig,
    *,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    area_order: list[str] | None = None,
    known: frozenset[tuple[str, str, str]] = frozenset(),
) -> Comparison:
    """Compare the pages of two or more years: which points are new, growing, persisting, shrinking or gone.

    Args:
        tables: Per year, the tables of its own pages (:class:`YearTables`).
        cfg: The last year's configuration (``[compare]``), read once into
            :class:`~pipeline.compare.status.CompareParams` with the years' stored
            ``recurring_from`` (:func:`recurring_from`).
        embed: Texts → vectors for the semantic signal of :func:`~pipeline.compare.match.same_point`
            (E5); None matches on the lexical signal alone.
        area_order: Core areas in report order (default: the last year's configuration, then the rest).
        known: The analyst's same-point pairs (:func:`pipeline.curation.decisions.known_pairs` of
            the years' codebooks): a point joined in one year's codebook is one row.

    Returns:
        The :class:`Comparison`; its last step is the last two years.

    Raises:
        ValueError: Fewer than two years.
    """
    years = tuple(sorted(tables))
    if len(years) < 2:
        raise ValueError("a comparison needs at least two years")
    order = list(area_order or [a.name for a in cfg.core_areas])
    for y in years:
        order += [a for a in dict.fromkeys(tables[y].notes["core_area"]) if a not in order]
    points: dict[str, list[PointEvidence]] = {}
    for y in years:
        for p in [*cross_points(tables[y]), *theme_points(tables[y])]:
            points.setdefault(p.scope, []).append(p)
    scores = {scope: (pts, same_point(pts, pts, context=pts, embed=embed)) for scope, pts in points.items()}
    params = CompareParams.from_config(cfg, recurring_from(tables))
    ctx = Years(
        tables,
        years,
        params,
        {y: year_units(y, tables[y].units, tables[y].statements) for y in years},
        {
            y: dict(zip(tables[y].statements["statement_id"], tables[y].statements["text"], strict=True))
            for y in years
        },
        {y: _totals(tables[y]) for y in years},
    )
    out = Out()
    for scope in [OVERALL, *order]:
        if scope not in scores:
            continue
        pts, sp = scores[scope]
        rows, decisions = match_points(pts, years, sp, known)
        out.matches += _match_records(scope, pts, sp, decisions)
        rows = merge_same_evidence(merge_same_labels(rows, tables), tables, given_options(cfg, scope))
        first = len(out.status)
        for row in rows:
            _add_row(ctx, out, row, scope, len(out.status))
        if ctx.params.word_families and scope != OVERALL:
            labels = [" ".join(p.label_lemmas for pts in r.points.values() for p in pts) for r in rows]
            add_families(ctx, out, scope, first, labels)
    return Comparison(
        years,
        years[-2],
        years[-1],
        pd.DataFrame(out.prevalence, columns=PREVALENCE_COLUMNS),
        sorted_status(out.status, [OVERALL, *order]),
        pd.DataFrame(out.quotes, columns=QUOTE_COLUMNS),
        pd.DataFrame(out.matches, columns=MATCH_COLUMNS),
        {y: tables[y].seminar for y in years},
        {y: _curation(tables[y]) for y in years},
        {y: _group_names(tables[y].notes) for y in years},
        params,
    )


def _match_records(scope: str, pts: list[PointEvidence], sp: SamePoint, decisions: list[dict]) -> list[dict]:
    """The stored ``matches`` rows of one scope: each decision with its lexical and semantic scores."""
    at = {id(p): i for i, p in enumerate(pts)}
    out = []
    for d in decisions:
        p, q = d["point"], d["other"]
        i, j = at[id(p)], at[id(q)]
        out.append(
            {
                "scope": scope,
                "year": p.year,
                "key": p.key,
                "label": p.label,
                "other_year": q.year,
                "other_key": q.key,
                "other_label": q.label,
                "lexical": round(float(sp.lexical[i, j]), 4),
                "semantic": round(float(sp.semantic[i, j]), 4),
                "score": round(d["score"], 4),
                "matched": bool(d["matched"]),
                "reason": d["reason"],
                "shared_words": " ".join(shared_words(p, q)),
            }
        )
    return out


def _add_row(ctx: Years, out: Out, row: MatchedRow, scope: str, point_id: int) -> None:
    """One compared point: its count, groups and evidence per year, then its status."""
    label = row_label(row, ctx.tables)
    labels = [p.label_lemmas for y in sorted(row.points) for p in row.points[y]]
    counts: dict[int, tuple[int, float]] = {}
    inside: dict[int, dict[str, str]] = {}
    for y in ctx.years:
        t = ctx.tables[y]
        mine = row.points.get(y, [])
        groups: list[str] = []
        shown = 0
        for p in mine:
            g, shown = _groups_of(t, p)
            groups += [x for x in g if x not in groups]
        page = shown if len(mine) == 1 else len(groups)  # one theme: the number its page shows
        # the notes decide, not the page's themes: a group whose words say the point counts
        said = groups_saying(ctx.units[y], scope, labels)
        extra = [g for g in said if g not in groups]
        # with a theme on the page, its count (every counted group says it; the page shows the same
        # number); the groups whose words the page counted under another theme are named beside it
        n = page if mine else len(extra)
        also, extra = (extra, []) if mine else ([], extra)
        total = ctx.totals[y].get(scope, 0)
        counts[y] = (n, round(n / total, 4) if total else 0.0)
        if n == 0:
            inside[y] = written_inside(ctx.units[y], scope, labels)
        out.prevalence.append(
            {
                "point": point_id,
                "label": label,
                "core_area": scope,
                "year": y,
                "topics": " ".join(str(p.key) for p in mine),
                "theme_label": " / ".join(p.label for p in mine),
                "n_groups": n,
                "page_groups": page,
                "also_groups": " ".join(also),
                "n_groups_total": total,
                "share_groups": counts[y][1],
                "groups": " ".join(sorted(groups + extra, key=group_order)),
                "href": " ".join(_href(t, p) for p in mine),
            }
        )
        quoted = _year_quotes(ctx, mine, y, extra, said)
        out.quotes += [{"point": point_id, "scope": scope, "year": y, **q} for q in quoted]
    out.status.append(status_record(ctx, row, point_id, label, scope, counts, inside))


def _year_quotes(ctx: Years, mine: list[PointEvidence], y: int, extra: list[str], said: dict) -> list[dict]:
    """A point's evidence in one year: its themes' quotes, then the words of the groups no theme counts."""
    quoted: list[dict] = []
    for p in mine:
        quoted += [
            q
            for q in _quotes(ctx.tables[y], p, ctx.params.n_quotes)
            if q["statement_id"] not in {x["statement_id"] for x in quoted}
        ]
    text = ctx.texts[y]
    for g in extra[: ctx.params.n_quotes]:
        e = said[g]
        quoted.append(
            {
                "core_area": e.core_area,
                "group": int(g.rsplit("#", 1)[-1]),
                "statement_id": e.statement_id,
                "text": text[e.statement_id],
            }
        )
    return quoted


def _group_names(notes: pd.DataFrame) -> dict[int, str]:
    """The year's named groups by ordinal (notes stored before groups had names have none)."""
    if "group_name" not in notes:
        return {}
    return {int(g): str(n) for g, n in zip(notes["group"], notes["group_name"], strict=True) if n}
