"""``overblik``: one page for the whole seminar, for the committees and the technical budget proposal.

Per core area (with its committee, when configured) the points most groups raised, each as one
sentence ("4 af 5 grupper pegede på …") with a short quote in a group's own words and the group,
and a link to the area's page; then the points that recur across core areas; and how many
themes an analyst has curated (once at the top; per point only when some are and some are not).
It is the committee's page: it carries no instructions for the analyst (those are on the area
pages' method appendix and in the workbook). Everything is extractive: a point's name is the theme's label
(the groups' own phrase, or the analyst's name for it), the counts are the groups whose notes
hold the theme, and the quote is the theme's *kort sagt*, one whole sentence of a counted
group's note as written (never a clause cut out of it). Sections are written once here; the
HTML, Markdown and DOCX renderers show them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig, slugify
from pipeline.report import blocks as pm
from pipeline.report.answers import options_sentence, year_entry
from pipeline.report.asked import answer_inlines, with_answers
from pipeline.report.context import notes_group_names
from pipeline.report.theme_runs import curation_note
from pipeline.report.wording import (
    count,
    da_list,
    group_label,
    groups_text,
    lower_first,
    number_word,
    theme_status,
)

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = ["MAX_CROSS", "MAX_POINTS", "OVERVIEW", "overview_page", "top_points"]

#: The overview's file name (without the ending) in ``reports/<year>/``.
OVERVIEW = "overblik"
#: Points per core area in the overview (the issue: 2–4 sentences).
MAX_POINTS = 4
#: Cross-cutting points shown; the index page lists them all.
MAX_CROSS = 6


def top_points(themes: pd.DataFrame, n: int = MAX_POINTS) -> pd.DataFrame:
    """An area's points for the overview.

    Its recurring themes (the ``recurring`` column) that are points of their own.

    A theme that restates the area's topic or only repeats its question is left out (it tells a
    committee nothing); the rest by how many groups raised them (ties in report order).
    """
    own = themes[themes["recurring"] & ~themes["restates_area"] & ~themes["restates_question"]]
    return own.sort_values("n_groups", ascending=False, kind="stable").head(n)


def _quote(row, names: dict[int, str]) -> pm.Inlines:
    """The theme's *kort sagt* (a group's own words), linked to its statement on the area's page.

    And the group; or nothing.
    """
    summary = json.loads(row.summary) if row.summary else {}
    if not summary.get("text"):
        return ()
    href = f"{slugify(row.core_area)}.html#s-{summary['statement_id']}"
    return (", fx »", pm.Link(summary["text"], href), f"« ({group_label(summary['group'], names)})")


def _point(row, per_point: bool, names: dict[int, str]) -> pm.Inlines:
    """One point as a sentence.

    Its status (Maskinforslag or Kurateret) only when some themes are curated and some not.
    """
    groups = [int(g) for g in str(row.groups).split()]
    return pm.inlines(
        f"{row.n_groups} af {row.n_groups_total} grupper pegede på ",
        pm.Strong(lower_first(row.label)),
        f" ({groups_text(groups, names)})",
        _quote(row, names),
        ".",
        (" ", pm.Emph(f"({theme_status(bool(row.curated))})")) if per_point else (),
    )


def _area_section(
    area: str,
    themes: pd.DataFrame,
    analysis: Analysis,
    cfg: SeminarConfig,
    per_point: bool,
    recurring_from: int,
) -> list[pm.Block]:
    slug = slugify(area)
    area_cfg = cfg.area(area)
    notes = analysis.notes[analysis.notes["core_area"] == area]
    n_groups = int(notes["group"].nunique())
    points = top_points(themes)
    about: list = []
    if area_cfg.committee:
        about += ["Udvalg: ", pm.Strong(area_cfg.committee), " · "]
    theme = str(notes["theme"].iloc[0]) if len(notes) and str(notes["theme"].iloc[0]) else area_cfg.theme
    about += [f"Gruppedrøftelse om {theme} · " if theme else "", count(n_groups, "gruppe", "grupper")]
    blocks: list[pm.Block] = [
        pm.Heading(2, (area,), anchor=slug),
        pm.Paragraph(pm.inlines(*about), kind="meta"),
    ]
    stances = year_entry(analysis.quality.get("stances", {}).get(area, {}), cfg.year)
    if stances:  # a yes/no question: how the groups answered, before their points
        blocks.append(
            pm.Paragraph(
                (" · ".join(f"{st['stance']}: {len(st['groups'])} af {n_groups}" for st in stances),),
                kind="meta",
            )
        )
    given = year_entry(analysis.quality.get("options", {}).get(area, {}), cfg.year)
    if given:  # the question's own options first: chosen among, not found
        ranked = [r for _, r in sorted(enumerate(given), key=lambda ir: (-len(ir[1]["groups"]), ir[0]))]
        blocks.append(pm.Paragraph((options_sentence(ranked, n_groups).strip(),)))
    if len(points):
        blocks.append(
            pm.BulletList(tuple(_point(r, per_point, notes_group_names(notes)) for r in points.itertuples()))
        )
    else:
        blocks.append(
            pm.Paragraph((f"Intet punkt blev rejst af mindst {number_word(recurring_from)} grupper.",))
        )
        options = frozenset(int(t) for t in analysis.quality.get("option_themes", {}).get(area, {}))
        blocks += _without_points(themes, recurring_from, n_groups, options, (analysis, area))
    rest = len(themes[themes["recurring"] & ~themes["restates_area"] & ~themes["restates_question"]]) - len(
        points
    )
    more = (
        f" – {count(rest, 'punkt mere', 'punkter mere')}, citater og gruppernes noter"
        if rest > 0
        else " – citater og gruppernes noter"
    )
    # the Word file's name is the link text: in the DOCX, where links are plain text, it says which file to
    # open
    blocks.append(
        pm.Paragraph(
            (
                pm.Link(f"Hele rapporten for {area}", f"{slug}.html"),
                more,
                " (Word: ",
                pm.Link(f"{slug}.docx", f"{slug}.docx"),
                ").",
            ),
            kind="more",
        )
    )
    return [pm.Section(tuple(blocks), kind="overview-area", anchor=f"omraade-{slug}")]


def _without_points(
    themes: pd.DataFrame,
    recurring_from: int,
    n_groups: int,
    options: frozenset[int],
    where: tuple[Analysis, str] | None = None,
) -> list[pm.Block]:
    """What an area without points says.

    The question's own subject several groups took up (with how many, and, ``where`` the
    analysis and area are given, what each group said about it: the word alone tells nothing),
    then what single groups raised: never "enkelte grupper" for what all of them said. Themes
    that name a given option are in the options sentence already.
    """
    own = themes[~themes["restates_area"] & ~themes["topic"].isin(list(options))]
    asked = own[own["restates_question"] & (own["n_groups"] >= recurring_from)]
    singles = own[(own["n_groups"] < recurring_from) & ~own["restates_question"]]
    blocks: list[pm.Block] = []
    if len(asked):
        said = [f"{lower_first(r.label)} ({r.n_groups} af {n_groups})" for r in asked.head(3).itertuples()]
        blocks.append(pm.Paragraph((f"Grupperne talte om spørgsmålets eget emne: {da_list(said)}.",)))
        blocks += _answers(asked.head(3), *where) if where is not None else []
    if len(singles):
        blocks.append(
            pm.Paragraph(
                (f"Enkelte grupper pegede på {da_list([lower_first(t) for t in singles['label'].head(4)])}.",)
            )
        )
    return blocks


def _answers(asked: pd.DataFrame, analysis: Analysis, area: str) -> list[pm.Block]:
    """Each counted group's words about the question's word (:func:`pipeline.report.asked.with_answers`)."""
    names = notes_group_names(analysis.notes[analysis.notes["core_area"] == area])
    themes = with_answers(
        [{"label": r.label, "topic": int(r.topic)} for r in asked.itertuples()], analysis, area
    )
    items = tuple(
        pm.inlines(pm.Strong(t["label"]), ":", answer_inlines(t, names)) for t in themes if t["specifics"]
    )
    return [pm.BulletList(items)] if items else []


def _cross(analysis: Analysis) -> list[pm.Block]:
    blocks: list[pm.Block] = [pm.Heading(2, ("Punkter på tværs af kerneområderne",), anchor="tvaers")]
    cross = analysis.cross
    if cross.empty:
        return [*blocks, pm.Paragraph(("Ingen punkter gik igen på tværs af kerneområderne.",))]
    cross = cross.sort_values(["n_areas", "n_groups"], ascending=False, kind="stable")
    items = []
    names = notes_group_names(analysis.notes)
    for row in cross.head(MAX_CROSS).itertuples():
        areas = json.loads(row.areas)
        where = []
        for i, a in enumerate(areas):
            where += [
                "; " if i else "",
                pm.Link(a["core_area"], f"{slugify(a['core_area'])}.html"),
                f" ({groups_text(a['groups'], names)})",
            ]
        items.append(
            pm.inlines(
                pm.Strong(row.label),
                f": {row.n_groups} gruppenoter i {row.n_areas} kerneområder – ",
                *where,
                ".",
            )
        )
    blocks += [
        pm.Paragraph(
            ("Punkter, som grupperne rejste i flere kerneområder, med de grupper, der rejste dem.",)
        ),
        pm.BulletList(tuple(items)),
    ]
    if len(cross) > MAX_CROSS:
        blocks.append(
            pm.Paragraph(
                (pm.Link(f"Alle {len(cross)} tværgående punkter", "index.html"), " står på forsiden."),
            )
        )
    return blocks


def _per_point(themes: pd.DataFrame) -> bool:
    """Whether each point names its status.

    Only when some themes are curated and some are not (else the page says it once).
    """
    curated = themes.drop_duplicates(["core_area", "topic"])["curated"].astype(bool)
    return bool(curated.any() and not curated.all())


def _curation_line(themes: pd.DataFrame) -> pm.Note:
    """How far an analyst has checked the points, said once (the committee's page.

    The how-to is on the analyst's pages).
    """
    per_theme = themes.drop_duplicates(["core_area", "topic"])
    return curation_note(int(per_theme["curated"].sum()), len(per_theme), ("punkt", "punkter"))


def overview_page(analysis: Analysis, cfg: SeminarConfig, *, recurring_from: int) -> pm.Page:
    """The seminar's overview as blocks (:mod:`pipeline.report.blocks`).

    Args:
        analysis: The seminar's analysis (curated when there is a codebook).
        cfg: Its configuration (committees).
        recurring_from: Groups from which a theme is recurring, as the page states it.

    Returns:
        The :class:`~pipeline.report.blocks.Page` ``overblik``.
    """
    notes, themes = analysis.notes, analysis.themes
    areas = list(dict.fromkeys(notes["core_area"]))
    place = f"{cfg.municipality} · {cfg.date.strftime('%d.%m.%Y')}" if cfg.date else cfg.municipality
    title = f"Overblik: {cfg.name} {cfg.year}"
    intro = (
        f"{count(len(notes), 'gruppenote', 'gruppenoter')} fra "
        f"{count(len(areas), 'kerneområde', 'kerneområder')}. "
        "For hvert kerneområde vises de punkter, som flest grupper pegede på (mindst "
        f"{number_word(recurring_from)}), "
        "hver med et citat fra en af gruppernes noter. En gruppe tælles kun med, når dens egen note siger "
        "punktet, og citaterne er uddrag af noterne, ikke omskrivninger."
    )
    blocks: list[pm.Block] = [
        pm.Section((pm.Paragraph((place,)), pm.Heading(1, (title,))), kind="top"),
        pm.Paragraph(
            (
                pm.Link("Alle kerneområder", "index.html"),
                " · ",
                pm.Link("Word-udgave", f"{OVERVIEW}.docx"),
                " · ",
                pm.Link("Markdown-udgave", f"{OVERVIEW}.md"),
                " · ",
                pm.Link("Excel", "temaer.xlsx"),
            ),
            kind="pages",
        ),
        pm.Paragraph((intro,)),
        _curation_line(themes),
    ]
    per_point = _per_point(themes)
    for area in areas:
        blocks += _area_section(
            area, themes[themes["core_area"] == area], analysis, cfg, per_point, recurring_from
        )
    blocks += _cross(analysis)
    blocks.append(
        pm.Paragraph(
            (
                "Genereret af seminar-themes fra gruppernes noter. Konfigurationen ligger i "
                "seminar.config.toml ved siden af rapporten.",
            ),
            kind="footer",
        )
    )
    return pm.unlink_missing(
        pm.Page(
            f"Overblik – {cfg.name} {cfg.year}", "da", tuple(blocks), date=cfg.date or dt.date(cfg.year, 1, 1)
        )
    )
