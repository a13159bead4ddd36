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
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from pipeline.compare.evidence import cross_points, theme_points
from pipeline.compare.match import MatchedRow, PointEvidence, match_points, same_point, shared_words
from pipeline.compare.said import groups_saying, year_units
from pipeline.compare.status import OVERALL, STATUS_ORDER, status_of
from pipeline.compare.tables import (
    MATCH_COLUMNS,
    PREVALENCE_COLUMNS,
    QUOTE_COLUMNS,
    STATUS_COLUMNS,
    Comparison,
    YearTables,
    trajectories,
)
from pipeline.config import SeminarConfig, slugify

__all__ = [
    "Comparison",
    "YearTables",
    "compare_years_tables",
    "cross_points",
    "merge_same_evidence",
    "merge_same_labels",
    "theme_points",
    "trajectories",
]


def merge_same_labels(
    rows: list[MatchedRow], tables: Mapping[int, YearTables] | None = None
) -> list[MatchedRow]:
    """Rows of one scope whose labels would be the same become one row, with the reason stated."""
    out: list[MatchedRow] = []
    by_label: dict[str, MatchedRow] = {}
    for row in rows:
        name = _row_label(row, tables).casefold()
        if name in by_label:
            kept = by_label[name]
            for year, pts in row.points.items():
                kept.points.setdefault(year, []).extend(pts)
            kept.reasons.append(
                f"lagt sammen med et andet tema af samme navn ({', '.join(str(y) for y in sorted(row.points))})"
            )
            continue
        by_label[name] = row
        out.append(row)
    return out


def _statements_of(t: YearTables, p: PointEvidence) -> frozenset[str]:
    """The statements a point of one year's page rests on (its key phrases' statements)."""
    column = "cross_theme" if p.scope == OVERALL else "theme"
    return frozenset(t.units.loc[t.units[column] == p.key, "statement_id"])


def _given_options(cfg: SeminarConfig, scope: str) -> frozenset[str]:
    """The options a core area's question gave (``options`` in the configuration, when it has them), lowercased."""
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


def _lemma_map(t: YearTables) -> dict[str, str]:
    lemma_of: dict[str, str] = {}
    for toks, lems in zip(t.statements["tokens"], t.statements["lemmas"], strict=True):
        for tok, lem in zip(toks.lower().split(), lems.split(), strict=False):
            lemma_of.setdefault(tok, lem)
    return lemma_of


def _row_label(row: MatchedRow, tables: Mapping[int, YearTables] | None = None) -> str:
    """The row's name: its last year's theme labels in base form; the analyst's (curated) names alone when it has one."""
    year = max(row.points)
    mine = row.points[year]
    if tables is not None and year in tables:
        t = tables[year]
        lemma_of = _lemma_map(t)
        if "curated" in t.themes.columns and t.themes["curated"].astype(bool).any():
            curated = set(t.themes.loc[t.themes["curated"].astype(bool), "topic"].astype(int))
            mine = [p for p in mine if p.scope != OVERALL and p.key in curated] or mine
    else:
        lemma_of = {}
    return " / ".join(dict.fromkeys(_base_label(p.label, lemma_of) for p in mine))


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
        cfg: The last year's configuration (``[themes] min_groups``, ``[compare]``).
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
    base, target = years[-2], years[-1]
    order = list(area_order or [a.name for a in cfg.core_areas])
    for y in years:
        order += [a for a in dict.fromkeys(tables[y].notes["core_area"]) if a not in order]
    points: dict[str, list[PointEvidence]] = {}
    for y in years:
        for p in [*cross_points(tables[y]), *theme_points(tables[y])]:
            points.setdefault(p.scope, []).append(p)
    scores = {scope: (pts, same_point(pts, pts, context=pts, embed=embed)) for scope, pts in points.items()}
    totals = {y: _totals(tables[y]) for y in years}
    units = {y: year_units(y, tables[y].units, tables[y].statements) for y in years}
    texts = {
        y: dict(zip(tables[y].statements["statement_id"], tables[y].statements["text"], strict=True))
        for y in years
    }
    prevalence, status, quotes, matches = [], [], [], []
    point_id = 0
    for scope in [OVERALL, *order]:
        if scope not in scores:
            continue
        pts, sp = scores[scope]
        rows, decisions = match_points(pts, years, sp, known)
        at = {id(p): i for i, p in enumerate(pts)}
        for d in decisions:
            p, q = d["point"], d["other"]
            i, j = at[id(p)], at[id(q)]
            matches.append(
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
        rows = merge_same_evidence(merge_same_labels(rows, tables), tables, _given_options(cfg, scope))
        for row in rows:
            label = _row_label(row, tables)
            labels = [p.label_lemmas for y in sorted(row.points) for p in row.points[y]]
            counts = {}
            for y in years:
                mine = row.points.get(y, [])
                groups: list[str] = []
                shown = 0
                for p in mine:
                    g, shown = _groups_of(tables[y], p)
                    groups += [x for x in g if x not in groups]
                page = shown if len(mine) == 1 else len(groups)  # one theme: the number its page shows
                # the notes decide, not the page's themes: a group whose words say the point counts
                said = groups_saying(units[y], scope, labels)
                extra = [g for g in said if g not in groups]
                # with a theme on the page, its count (every counted group says it; the page shows the same
                # number); the groups whose words the page counted under another theme are named beside it
                n = page if mine else len(extra)
                also, extra = (extra, []) if mine else ([], extra)
                total = totals[y].get(scope, 0)
                counts[y] = (n, round(n / total, 4) if total else 0.0)
                prevalence.append(
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
                        "groups": " ".join(
                            sorted(
                                groups + extra,
                                key=lambda g: (
                                    g.rsplit("#", 1)[0] if "#" in g else "",
                                    int(g.rsplit("#", 1)[-1]),
                                ),
                            )
                        ),
                        "href": " ".join(_href(tables[y], p) for p in mine),
                    }
                )
                quoted: list[dict] = []
                for p in mine:
                    quoted += [
                        q
                        for q in _quotes(tables[y], p, cfg.compare.n_quotes)
                        if q["statement_id"] not in {x["statement_id"] for x in quoted}
                    ]
                # the groups no theme of the page counts: their own words, as evidence of the count
                text = texts[y]
                for g in extra[: cfg.compare.n_quotes]:
                    e = said[g]
                    quoted.append(
                        {
                            "core_area": e.core_area,
                            "group": int(g.rsplit("#", 1)[-1]),
                            "statement_id": e.statement_id,
                            "text": text[e.statement_id],
                        }
                    )
                for q in quoted:
                    quotes.append({"point": point_id, "scope": scope, "year": y, **q})
            (b, sb), (t, st) = counts[base], counts[target]
            (f, sf) = counts[years[0]]
            reasons = list(row.reasons)
            matched_years = sorted(row.points)
            for earlier, later in zip(matched_years, matched_years[1:], strict=False):
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
            status.append(
                {
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
                    "status": status_of(b, t, sb, st, cfg.compare, cfg.themes.min_groups),
                    "first_year": years[0],
                    "first_groups": f,
                    "trend": status_of(f, t, sf, st, cfg.compare, cfg.themes.min_groups),
                    "counts": " → ".join(str(counts[y][0]) for y in years),
                    "reason": "; ".join(reasons),
                }
            )
            point_id += 1
    status_df = pd.DataFrame(status, columns=STATUS_COLUMNS)
    if len(status_df):
        rank = {s: i for i, s in enumerate(STATUS_ORDER)}
        scope_rank = {s: i for i, s in enumerate([OVERALL, *order])}
        status_df = status_df.sort_values(
            ["core_area", "status", "target_groups", "base_groups", "label"],
            key=lambda c: (
                c.map(scope_rank)
                if c.name == "core_area"
                else (c.map(rank) if c.name == "status" else (-c if c.dtype.kind in "if" else c))
            ),
            kind="stable",
        ).reset_index(drop=True)
    return Comparison(
        years,
        base,
        target,
        pd.DataFrame(prevalence, columns=PREVALENCE_COLUMNS),
        status_df,
        pd.DataFrame(quotes, columns=QUOTE_COLUMNS),
        pd.DataFrame(matches, columns=MATCH_COLUMNS),
        {y: tables[y].seminar for y in years},
        {y: _curation(tables[y]) for y in years},
        {y: _group_names(tables[y].notes) for y in years},
    )


def _group_names(notes: pd.DataFrame) -> dict[int, str]:
    """The year's named groups by ordinal (notes stored before groups had names have none)."""
    if "group_name" not in notes:
        return {}
    return {int(g): str(n) for g, n in zip(notes["group"], notes["group_name"], strict=True) if n}
