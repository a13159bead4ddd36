"""The comparison page's rows: per scope a table of counts per year, and each change with its evidence.

Every count links to the year's own page; every quote is a group's own words, linked to its statement.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipeline.compare import NOT_A_CHANGE, OVERALL, Comparison
from pipeline.config import slugify
from pipeline.report.blocks import (
    Block,
    Inlines,
    Link,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    inlines,
)
from pipeline.report.wording import da_list, group_label

__all__ = ["TREND_WORDS", "evidence_blocks", "scope_table", "step_word"]

#: What a status means in the trend column (over more than two years).
TREND_WORDS = {
    "ny": "ny",
    "voksende": "voksende",
    "vedvarende": "vedvarende",
    "aftagende": "aftagende",
    "forsvundet": "forsvundet",
    NOT_A_CHANGE: "–",
}


def _link(href: str, links: Mapping[int, str], year: int) -> str:
    """A year page's place (relative to the reports folder.

    ``2024/laering.html#emne-3``) as seen from the comparison page.
    """
    return f"{links[year]}/{href.split('/', 1)[1]}"


def _count_cell(prev: pd.Series, links: Mapping[int, str], unit: str) -> Inlines:
    """``"4 af 5"``: the groups that say the point, linking to its theme on the year's page when it has one.

    A count without a theme on the page (one group said it, or its words went to another theme) is
    not linked: there is no theme to open; its evidence is quoted under the point.
    """
    text = f"{prev['n_groups']} af {prev['n_groups_total']}"
    if not prev["topics"]:
        return (text,)
    hrefs = prev["href"].split()
    if len(hrefs) == 1:
        return (Link(text, _link(hrefs[0], links, int(prev["year"]))),)
    # merged themes: the count is their groups together; each theme links to its own place
    names = prev["theme_label"].split(" / ")
    return inlines(
        text,
        " (",
        *[
            x
            for i, (n, h) in enumerate(zip(names, hrefs, strict=False))
            for x in ((", " if i else ""), Link(n, _link(h, links, int(prev["year"]))))
        ],
        ")",
    )


def step_word(r) -> str:
    """The last step's status as the table shows it: "–" when no group raised the point in either year."""
    return "–" if r.base_groups == 0 and r.target_groups == 0 else r.status


def scope_table(
    scope: str,
    status: pd.DataFrame,
    prev: pd.DataFrame,
    years: tuple[int, ...],
    links: Mapping[int, str],
    unit: str,
) -> Table:
    """The scope's table: each point's groups per year, its status and (over several years) its trend."""
    header = (
        "Tema",
        *[str(y) for y in years],
        f"{years[-2]} → {years[-1]}",
        *(["Over alle år"] if len(years) > 2 else []),
    )
    rows = []
    for r in status.itertuples():
        cells = [(r.label,)]
        for y in years:
            cells.append(_count_cell(prev.loc[(r.point, y)], links, unit))
        cells.append((step_word(r),))
        if len(years) > 2:
            cells.append((TREND_WORDS[r.trend],))
        rows.append(tuple(cells))
    what = "gruppedrøftelser (en gruppe ved ét kerneområdes bord)" if scope == OVERALL else "grupper"
    return Table(
        header,
        tuple(rows),
        caption=(
            f"Antal {what}, hvis noter det år siger temaet. Et tal med link er temaet på årets egen side; "
            "et tal uden link har intet tema på årets side (fx kun én gruppe), og grupperne citeres under "
            "temaet."
        ),
    )


def evidence_blocks(
    r, comparison: Comparison, prev: pd.DataFrame, links: Mapping[int, str], unit: str
) -> list[Block]:
    """One point's status with its evidence from each year it was raised (the groups' own words)."""
    steps = [y for y in comparison.years if y in (r.base_year, r.target_year)]
    counts = " → ".join(
        f"{prev.loc[(r.point, y)]['n_groups']} af {prev.loc[(r.point, y)]['n_groups_total']} {unit} i {y}"
        for y in steps
    )
    blocks: list[Block] = [
        Paragraph(
            inlines(
                Strong(r.label),
                f": {counts}" + (f" (alle år: {r.counts})" if len(comparison.years) > 2 else "") + ".",
            )
        )
    ]
    why = [x for x in str(r.reason or "").split("; ") if x]
    # "2025: gruppe 5: „velfærdsteknologi“ | …": the zero years whose groups write the word inside another
    inside = dict(
        x.split(": ", 1) for x in str(getattr(r, "written_inside", "") or "").split(" | ") if ": " in x
    )
    if why:
        blocks.append(Paragraph((f"Hvorfor samme tema: {'; '.join(why)}.",), kind="meta"))
    quotes = comparison.quotes[(comparison.quotes["point"] == r.point)]
    for y in steps:
        mine = quotes[quotes["year"] == y]
        if not len(mine):
            # the count is read from the notes: no quote means no group's words say it (as its own
            # point: a word inside another word is named, so the zero is not read as silence)
            said = f"Ingen gruppe nævnte det i {y}."
            if str(y) in inside:
                said = (
                    f"Ingen gruppe nævnte det som eget punkt i {y}, men ordet står i et andet ord "
                    f"({inside[str(y)]})."
                )
            blocks.append(Paragraph((said,), kind="meta"))
        also = str(prev.loc[(r.point, y)]["also_groups"] or "").split()
        if also:
            names = comparison.group_names.get(y, {})
            who = da_list(
                [
                    f"{g.rsplit('#', 1)[0]}, {group_label(int(g.rsplit('#', 1)[1]), names)}"
                    if "#" in g
                    else group_label(int(g), names)
                    for g in also
                ]
            )
            blocks.append(
                Paragraph(
                    (f"{y}: også {who} skriver det; årets side tæller de ord under et andet tema.",),
                    kind="meta",
                )
            )
        for q in mine.itertuples():
            href = f"{links[y]}/{slugify(q.core_area)}.html#s-{q.statement_id}"
            group = group_label(q.group, comparison.group_names.get(y, {}))
            where = f"{y}, {q.core_area}, {group}" if r.core_area == OVERALL else f"{y}, {group}"
            blocks.append(Quote((q.text,), (Link(where, href),)))
    return [Section(tuple(blocks), kind="theme")]
