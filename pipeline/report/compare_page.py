"""The comparison page ("Hvad er nyt i år") as blocks: every Danish heading and sentence of it, written once.

:func:`comparison_page` turns the comparison tables (:class:`~pipeline.compare.Comparison`) into a
:class:`~pipeline.report.blocks.Page`; :func:`comparison_pages` renders it as HTML, Markdown and
DOCX with the same content. Every count on it is the count on the year's own page, and links to
that page; every quote is a group's own words and links to its statement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from pipeline.compare import NOT_A_CHANGE, OVERALL, STATUSES, Comparison, trajectories
from pipeline.config import SeminarConfig, slugify
from pipeline.report.plots import plot_theme_years, plot_trajectories
from pipeline.report.blocks import (
    Block,
    Figure,
    Heading,
    Link,
    Note,
    Page,
    Paragraph,
    Strong,
    Table,
    unlink_missing,
)
from pipeline.report.compare_rows import evidence_blocks, scope_table, step_word
from pipeline.report.wording import da_decimal, da_list, number_word

__all__ = ["PAGE_NAME", "comparison_page", "comparison_pages", "status_count"]

#: The file name (without suffix) of the comparison page.
PAGE_NAME = "hvad-er-nyt"
#: Panels of the small-multiples chart of the points that moved most (over more than two years).
MAX_PANELS = 16


def status_count(status: str, n: int) -> str:
    """``"1 nyt tema"``, ``"3 nye temaer"``."""
    words = STATUSES[status]
    return f"{n} {words.singular if n == 1 else words.plural}"


def _summary(rows: pd.DataFrame, recurring_from: int) -> str:
    counts = {
        s: int((rows["status"] == s).sum())
        for s in STATUSES
        if s != NOT_A_CHANGE and (rows["status"] == s).any()
    }
    if not counts:
        return f"Ingen ændringer i temaer, som mindst {number_word(recurring_from)} grupper rejste."
    text = da_list([status_count(s, n) for s, n in counts.items()])
    return text[:1].upper() + text[1:] + "."


def _rule(cfg: SeminarConfig, base: int, target: int, m: int) -> str:
    """The rule of the statuses in words; ``m``: groups from which a theme is recurring."""
    return (
        f"Et tema er nyt, når mindst {m} grupper rejste det i {target} og ingen i {base}; forsvundet i det "
        "omvendte tilfælde; "
        "voksende eller aftagende, når andelen af grupper, der rejste det, ændrede sig med mindst "
        f"{round(cfg.compare.change * 100)} procentpoint, "
        f"eller når den blev mindst {da_decimal(cfg.compare.ratio, 1)} gange så stor (eller så lille) og "
        f"mindst {m} grupper rejste det det år; "
        f"ellers vedvarende. Temaer, som færre end {m} grupper rejste i begge år, er kun med i tabellerne "
        "(enkeltstående)."
    )


def _curation_note(comparison: Comparison) -> Note:
    """Whether an analyst has checked the years' themes.

    Said once at the top (the committee's page carries no how-to).
    """
    done = {y: d for y, (d, _) in comparison.curation.items()}
    if not any(done.values()):
        return Note(
            (
                Strong("Maskinforslag:"),
                " temaerne i alle årene er fundet af metoden alene; en analytiker har endnu ikke bekræftet "
                "dem.",
            ),
            kind="status",
        )
    parts = [f"{y}: {d} af {n} temaer kurateret" for y, (d, n) in sorted(comparison.curation.items())]
    return Note(
        (
            Strong("Kuratering:"),
            " " + "; ".join(parts) + "; resten er maskinforslag, fundet af metoden alene.",
        ),
        kind="status",
    )


def _head(
    comparison: Comparison, cfg: SeminarConfig, links: Mapping[int, str], recurring_from: int
) -> list[Block]:
    """The top of the page: links to each year's pages, the title, the sources and the method in words."""
    years, base, target = comparison.years, comparison.base, comparison.target
    span = f"{years[0]}–{years[-1]}" if len(years) > 2 else f"{base} → {target}"
    title = f"Hvad er nyt i år: {span}"
    blocks: list[Block] = [
        Paragraph(
            tuple(
                x
                for i, y in enumerate(reversed(years))
                for x in ((" · " if i else ""), Link(f"{y}: alle kerneområder", f"{links[y]}/index.html"))
            ),
            kind="pages",
        ),
        Heading(1, (title,)),
        Note(
            (
                "Sammenligningen bygger på hvert års egne sider: ",
                *[
                    x
                    for i, y in enumerate(years)
                    for x in (
                        ("; " if i else ""),
                        Link(f"{y}", f"{links[y]}/index.html"),
                        f": {comparison.seminars.get(y, '')}",
                    )
                ],
                ".",
            ),
            kind="info",
        ),
        Paragraph(
            (
                "Et temas antal grupper i et år er antallet af grupper, hvis noter det år siger temaet "
                "efter samme regel som årets egne sider "
                "(temaets ord, en afledning, et sammensat ords led eller et synonym), også når året intet "
                "tema har for det; "
                f"0 betyder, at ingen gruppe skrev det. "
                "Temaer fra forskellige år er parret, når de siger det samme: samme ord, en afledning, et "
                "sammensat ords led "
                "eller et synonym (se „Parring af temaer“); betydningen af fraserne (E5) vælger kun blandt "
                "dem; et tema parres med højst ét tema fra et andet år, medmindre det ene års analyse "
                "delte noget op, som det andet års grupper sagde samlet — så er de lagt sammen, og grunden "
                "står ved temaet. "
                f"Under „{OVERALL}“ står de tværgående temaer fra hvert års oversigt, der er et tema i "
                "mindst to kerneområder, "
                f"talt i gruppedrøftelser (en gruppe ved ét kerneområdes bord). ",
                _rule(cfg, base, target, recurring_from),
                *(
                    (
                        f" Status gælder det sidste skridt, {base} → {target}; „over alle år“ er samme "
                        f"regel anvendt på {years[0]} og {target}.",
                    )
                    if len(years) > 2
                    else ()
                ),
            )
        ),
    ]
    return blocks


def _scope(
    scope: str, comparison: Comparison, prev: pd.DataFrame, links: Mapping[int, str], recurring_from: int
) -> list[Block]:
    """One scope (all areas, or one core area): its summary, table, charts and changes with evidence."""
    years, base, target = comparison.years, comparison.base, comparison.target
    blocks: list[Block] = []
    rows = comparison.status[comparison.status["core_area"] == scope]
    unit = "gruppedrøftelser" if scope == OVERALL else "grupper"
    blocks += [
        Heading(2, (scope,), anchor=slugify(scope)),
        Paragraph((_summary(rows, recurring_from),), kind="summary"),
    ]
    if len(years) > 2:
        # over several years: the points that moved most first (each count per year, true zeros included)
        paths = trajectories(comparison, scope)
        order = list(dict.fromkeys(paths["point"]))
        rows = rows.set_index("point", drop=False).loc[[p for p in order if p in set(rows["point"])]]
    blocks.append(scope_table(scope, rows, prev, years, links, unit))
    if len(years) > 2:
        moved = paths[paths["swing"] > 0]
        moved = moved[moved["point"].isin(list(dict.fromkeys(moved["point"]))[:MAX_PANELS])]
        if len(moved):
            blocks.append(
                Figure(
                    f"forloeb-{slugify(scope)}",
                    f"Forløb {years[0]}–{years[-1]}: antal {unit}, hvis noter siger temaet, pr. år; de "
                    "temaer, der ændrede sig mest, først.",
                    plot_trajectories(moved, f"{scope}: forløb pr. tema"),
                )
            )
    shown = rows[(rows["status"] != NOT_A_CHANGE) | (len(years) > 2) & (rows["trend"] != NOT_A_CHANGE)]
    if len(shown):
        chart = pd.DataFrame(
            [
                {
                    "label": f"{r.label} ({step_word(r)})" if step_word(r) != "–" else r.label,
                    "year": y,
                    "n_groups": int(prev.loc[(r.point, y)]["n_groups"]),
                    "n_groups_total": int(prev.loc[(r.point, y)]["n_groups_total"]),
                }
                for r in shown.itertuples()
                for y in years
            ]
        )
        blocks.append(
            Figure(
                f"compare-{slugify(scope)}",
                f"Antal {unit}, der rejste hvert tema, pr. år (status {base} → {target} i parentes).",
                plot_theme_years(chart, f"{scope}: {unit} pr. tema og år"),
            )
        )
    for status in STATUSES:
        if status == NOT_A_CHANGE:
            continue
        mine = rows[rows["status"] == status]
        if not len(mine):
            continue
        blocks.append(
            Heading(3, (status_count(status, len(mine))[:1].upper() + status_count(status, len(mine))[1:],))
        )
        for r in mine.itertuples():
            blocks += evidence_blocks(r, comparison, prev, links, unit)
    return blocks


def _pairing(comparison: Comparison) -> list[Block]:
    """How the themes of the years were paired: for each theme the most similar one and whether they were."""
    blocks: list[Block] = []
    if not (comparison.matches["matched"].any() or len(comparison.matches)):
        return blocks
    blocks.append(Heading(2, ("Parring af temaer",), anchor="parring"))
    blocks.append(
        Paragraph(
            (
                "For hvert tema i et senere år: det mest lignende tema fra et andet år, og om de blev "
                "parret. To temaer er samme pointe, når deres navne siger det samme "
                "(samme ord, en afledning, et sammensat ords led eller et synonym fra DanNet: „koordinering "
                "af frivillige“ og „koordinere frivillige“, men ikke „serviceniveau“ og „det politiske "
                "niveau“), "
                "eller når hvert temas navn siges af det andet temas nøglefraser. Lighed (gennemsnittet af "
                "ordlighed og betydningslighed) vælger blandt dem, der er samme pointe.",
            )
        )
    )
    blocks.append(
        Table(
            ("Område", "Tema", "Mest lignende", "Lighed", "Parret", "Fælles ord"),
            tuple(
                (
                    (m.scope,),
                    (f"{m.year}: {m.label}",),
                    (f"{m.other_year}: {m.other_label}",),
                    (da_decimal(m.score, 2),),
                    ("ja" if m.matched else "nej",),
                    (m.shared_words.replace(" ", ", "),),
                )
                for m in comparison.matches.itertuples()
            ),
        )
    )
    return blocks


def comparison_page(
    comparison: Comparison, cfg: SeminarConfig, *, links: Mapping[int, str], folder_name: str = ""
) -> Page:
    """The comparison page: sources, method, then per scope (all areas first) a table.

    A chart and the changes.

    Each change comes with its evidence.

    Args:
        comparison: The comparison tables.
        cfg: The last year's configuration (thresholds).
        links: Per year, the folder of its pages relative to this page (``../2024``).
        folder_name: Where the tables are stored (named in the footer).
    """
    years, base, target = comparison.years, comparison.base, comparison.target
    span = f"{years[0]}–{years[-1]}" if len(years) > 2 else f"{base} → {target}"
    title = f"Hvad er nyt i år: {span}"
    # the statuses were decided in the comparison tables; the page states the threshold they were
    # decided with (the compared years' stored one, :func:`pipeline.compare.yearly.recurring_from`)
    recurring_from = comparison.params.recurring_from
    blocks = _head(comparison, cfg, links, recurring_from)
    blocks.append(_curation_note(comparison))
    prev = comparison.prevalence.set_index(["point", "year"], drop=False)
    for scope in dict.fromkeys(comparison.status["core_area"]):
        blocks += _scope(scope, comparison, prev, links, recurring_from)
    blocks += _pairing(comparison)
    footer = (
        f"Genereret af seminar-themes. Tabellerne ligger i data/processed/{folder_name}/."
        if folder_name
        else "Genereret af seminar-themes."
    )
    blocks.append(Paragraph((footer,), kind="footer"))
    return unlink_missing(
        Page(f"{title} – {cfg.municipality}".rstrip(" –"), "da", tuple(blocks), date=cfg.date)
    )


def comparison_pages(
    comparison: Comparison,
    cfg: SeminarConfig,
    *,
    links: Mapping[int, str],
    render_png: Callable | None = None,
    folder_name: str = "",
) -> dict[str, str | bytes]:
    """The comparison page as HTML, Markdown and DOCX (the same blocks).

    And the Plotly bundle the HTML loads.
    """
    from pipeline.report import (
        PLOTLY_JS,
        figure_images,
        plotly_bundle,
        render_docx,
        render_html,
        render_markdown,
    )

    page = comparison_page(comparison, cfg, links=links, folder_name=folder_name)
    return {
        f"{PAGE_NAME}.html": render_html(page),
        f"{PAGE_NAME}.md": render_markdown(page),
        f"{PAGE_NAME}.docx": render_docx(page, figure_images(page, render_png)),
        PLOTLY_JS: plotly_bundle(),
    }
