"""Report contexts: everything one page shows, built once from the analysis tables.

HTML, Markdown and DOCX render the same context (:mod:`pipeline.report.render`,
:mod:`pipeline.report.docx`), so the three formats list the same themes in the same order.
Every phrase a report shows is the groups' own text (labels, quotes, the synthesis's theme
names) or a template filled with counts from the notes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from pipeline.config import SeminarConfig, slugify
from pipeline.report.plots import (
    option_group_matrix,
    plot_group_theme_heatmap,
    plot_option_groups,
    plot_theme_sizes,
    theme_group_matrix,
)
from pipeline.report.method import curation_context, method_facts
from pipeline.report.synthesis import area_synthesis, lists_synthesis
from pipeline.report.area_rows import note_rows, term_rows
from pipeline.report.asked import listed_units, with_answers
from pipeline.report.evidence import statement_numbers
from pipeline.report.theme_runs import statuses_vary
from pipeline.report.word_reach import with_reach
from pipeline.report.answers import (
    area_theme_options,
    as_option,
    group_specifics,
    options_sentence,
    suggestions_named,
    year_entry,
)
from pipeline.report.cross_apart import cross_words_apart
from pipeline.report.words_apart import copies_of, words_apart_of
from pipeline.report.wording import (
    da_place,
    group_names,
    single_heading,
    theme_status,
)

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = [
    "AreaContext",
    "area_synthesis",
    "build_area_context",
    "build_index_context",
    "curation_context",
    "theme_dicts",
]


@dataclass(frozen=True)
class AreaContext:
    """Everything one core-area report shows."""

    cfg: SeminarConfig
    area: str
    slug: str
    theme: str
    question: str
    n_groups: int
    n_statements: int
    #: Groups from which a theme is recurring: the one threshold the page states in words.
    recurring_from: int
    recurring: list[dict]
    single: list[dict]
    single_heading: str
    synthesis: str
    terms: list[dict]
    notes: list[dict]
    figures: list[tuple[str, str, go.Figure]]  # (name, caption, figure)
    rejects: list[dict] = field(default_factory=list)
    method: dict = field(default_factory=dict)
    comparison_href: str = ""
    question_themes: list[dict] = field(default_factory=list)
    curation: dict = field(default_factory=dict)
    committee: str = ""
    suggestions: list[dict] = field(default_factory=list)  # the analyst's: never on a committee page
    #: The options the question gave, in its order: ``option``, ``groups``, ``statements``, and
    #: ``topic`` when a theme names only that option (its anchor); empty when it gave none.
    options: list[dict] = field(default_factory=list)
    options_figure: go.Figure | None = None
    #: The yes/no answers (``stance``, ``groups``, ``statements``), most groups first; else empty.
    stances: list[dict] = field(default_factory=list)
    #: The named groups' names as written, by ordinal (:func:`~pipeline.report.wording.group_label`).
    group_names: dict[int, str] = field(default_factory=dict)
    words_apart: list[dict] = field(default_factory=list)  # report.words_apart.words_apart_of
    copies: list[dict] = field(default_factory=list)  # report.words_apart.copies_of
    #: Each statement's group and number on the page (:func:`~pipeline.report.evidence.statement_numbers`
    #: of ``notes``): every list of statements on the page names them so.
    numbers: dict[str, tuple[int, int]] = field(init=False, repr=False, compare=False)
    #: Whether the page's themes differ in status (:func:`~pipeline.report.theme_runs.statuses_vary`).
    statuses_vary: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Derive :attr:`numbers` and :attr:`statuses_vary` once per page (frozen: set through object)."""
        # not again for every theme that lists its statements or says its status
        object.__setattr__(self, "numbers", statement_numbers(self.notes))
        themes = [*self.recurring, *self.question_themes, *self.single]
        object.__setattr__(self, "statuses_vary", statuses_vary(themes))


def theme_dicts(themes: pd.DataFrame, area_links: dict[int, dict[str, int]]) -> list[dict]:
    """The themes of one area as the templates use them.

    Args:
        themes: Rows of the themes table (one area, one year).
        area_links: Per cross-cutting theme, the theme number in each area it occurs in (for links).
    """
    out = []
    for row in themes.itertuples():
        others = []
        for name in (a for a in row.other_areas.split("; ") if a):
            target = area_links.get(int(row.cross_theme), {}).get(name)
            anchor = f"emne-{target}" if target is not None else f"tvaer-{row.cross_theme}"
            others.append(
                {
                    "name": name,
                    "slug": slugify(name),
                    "href": f"{slugify(name)}.html#{anchor}"
                    if target is not None
                    else f"index.html#{anchor}",
                }
            )
        out.append(
            {
                "topic": int(row.topic),
                "label": row.label,
                "keywords": [k for k in row.keywords.split("; ") if k],
                "n_groups": int(row.n_groups),
                "n_groups_total": int(row.n_groups_total),
                "n_statements": int(row.n_statements),
                "n_units": int(row.n_units),
                "groups": [int(g) for g in row.groups.split()],
                "other_areas": others,
                "evidence": row.evidence.split(),
                "summary": json.loads(row.summary),
                "quotes": json.loads(row.quotes),
                "restates_area": bool(row.restates_area),
                "restates_question": bool(row.restates_question),
                "curated": bool(getattr(row, "curated", False)),
                "status": theme_status(bool(getattr(row, "curated", False))),
                "memo": str(getattr(row, "memo", "") or ""),
            }
        )
    return out


def _cross_links(themes: pd.DataFrame) -> dict[int, dict[str, int]]:
    links: dict[int, dict[str, int]] = {}
    for row in themes[themes["cross_theme"] >= 0].itertuples():
        links.setdefault(int(row.cross_theme), {}).setdefault(row.core_area, int(row.topic))
    return links


def notes_group_names(notes: pd.DataFrame) -> dict[int, str]:
    """The named groups' names by ordinal in a notes table (none in notes stored before groups had names)."""
    return group_names(notes["group"], notes["group_name"]) if "group_name" in notes else {}


@dataclass(frozen=True)
class _ThemeLists:
    """An area's themes as the page shows them (those restating the area: once, in the synthesis)."""

    recurring: list[dict]
    single: list[dict]
    question: list[dict]
    restating: list[dict]


def _theme_lists(
    analysis: Analysis,
    area_themes: pd.DataFrame,
    area_units: pd.DataFrame,
    option_topics: dict,
    recurring_from: int,
) -> _ThemeLists:
    """Sort the area's themes into the page's lists (the ``recurring`` column decides the first)."""
    links = _cross_links(analysis.themes)
    recurring = theme_dicts(area_themes[area_themes["recurring"]], links)
    for t in recurring:
        # a question-word theme kept as a point lists each group's words it released, as before
        t["specifics"] = group_specifics(
            t["label"], listed_units(area_units, analysis.themes, t["topic"]), analysis.statements
        )
    # A theme that restates the area is named once in the synthesis, neither as a recurring
    # sub-theme nor under the heading of themes raised by too few groups.
    # A theme of several groups that only repeats the question's words is listed apart: the
    # groups answered the question, but the theme names no point of their own.
    # A theme that only names one of the question's given options is shown with the options.
    asked = (
        area_themes["restates_question"]
        & ~area_themes["restates_area"]
        & (area_themes["n_groups"] >= recurring_from)
    )
    option = area_themes["topic"].isin(list(option_topics))
    asked &= ~option
    alone = ~area_themes["recurring"] & ~area_themes["restates_area"] & ~asked & ~option
    # group by group: a reader finds what each group said on its own together
    single = sorted(theme_dicts(area_themes[alone], links), key=lambda t: t["groups"][:1])
    return _ThemeLists(
        recurring=recurring,
        single=single,
        question=with_reach(theme_dicts(area_themes[asked], links), analysis, area_themes, area_units),
        restating=theme_dicts(area_themes[area_themes["restates_area"]], links),
    )


def _figures(
    area_themes: pd.DataFrame, area_units: pd.DataFrame, groups: list[int], names: dict[int, str]
) -> list[tuple[str, str, go.Figure]]:
    """The area's charts: theme sizes, and which groups raised which recurring themes."""
    figures: list[tuple[str, str, go.Figure]] = []
    if not len(area_themes):
        return figures
    caption = "Hvor mange grupper rejste hvert tema (mørk: tilbagevendende)."
    figures.append(("temaer", caption, plot_theme_sizes(area_themes)))
    matrix = theme_group_matrix(area_units, area_themes[area_themes["recurring"]], groups)
    if len(matrix):
        caption = "Hvilke grupper rejste hvilke temaer (antal nøglefraser)."
        figures.append(("grupper-temaer", caption, plot_group_theme_heatmap(matrix, names)))
    return figures


def build_area_context(
    analysis: Analysis, cfg: SeminarConfig, area: str, *, recurring_from: int, method: dict | None = None
) -> AreaContext:
    """Collect everything one core area's report shows from the analysis tables.

    Args:
        analysis: The seminar's analysis (:func:`pipeline.flows.analyse_seminar`).
        cfg: Its configuration.
        area: The core area's name.
        recurring_from: Groups from which a theme is recurring (the ``recurring`` column says
            which are); the page states it, and the question's own words are listed apart
            when as many groups used them.
        method: The method facts (:func:`method_facts`), when already built for other pages.

    Returns:
        The :class:`AreaContext`.
    """
    method = method if method is not None else method_facts(analysis, cfg, recurring_from=recurring_from)
    area_cfg = cfg.area(area)
    area_notes = analysis.notes[analysis.notes["core_area"] == area]
    area_st = analysis.statements[analysis.statements["core_area"] == area]
    area_themes = analysis.themes[analysis.themes["core_area"] == area]
    area_units = analysis.units[(analysis.units["core_area"] == area) & (analysis.units["theme"] >= 0)]
    option_topics = {int(t): o for t, o in analysis.quality.get("option_themes", {}).get(area, {}).items()}
    # a statement in a theme naming a given option is tagged with the option as the options table names it
    label_of = {
        **dict(zip(area_themes["topic"], area_themes["label"], strict=True)),
        **{t: as_option(o) for t, o in option_topics.items()},
    }
    given = area_theme_options(analysis, cfg, area, option_topics)
    lists = _theme_lists(analysis, area_themes, area_units, option_topics, recurring_from)
    n_groups = int(area_notes["group"].nunique())
    names = notes_group_names(area_notes)
    groups = sorted(int(g) for g in area_notes["group"].unique())
    return AreaContext(
        cfg=cfg,
        area=area,
        slug=slugify(area),
        theme=str(area_notes["theme"].iloc[0]) if len(area_notes) else area_cfg.theme,
        question=str(area_notes["question"].iloc[0]) if len(area_notes) else area_cfg.question,
        n_groups=n_groups,
        n_statements=len(area_st),
        recurring_from=recurring_from,
        recurring=lists.recurring,
        single=lists.single,
        single_heading=single_heading(recurring_from),
        synthesis=options_sentence(given, n_groups) + lists_synthesis(lists, n_groups, names, area_cfg),
        question_themes=with_answers(lists.question, analysis, area),
        terms=term_rows(analysis, area),
        notes=note_rows(area_notes, area_st, area_units, label_of),
        # the options have their own chart (Figur 1): not again as themes the groups raised
        figures=_figures(
            area_themes[~area_themes["topic"].isin(list(option_topics))], area_units, groups, names
        ),
        rejects=[
            {**r, "source_ref": da_place(r["source_ref"])}
            for r in analysis.rejects.to_dict("records")
            if r["core_area"] == area
        ],
        method=method,
        curation=curation_context(analysis, area),
        committee=area_cfg.committee,
        suggestions=suggestions_named(analysis, area, area_themes, option_topics),
        options=given,
        options_figure=plot_option_groups(option_group_matrix(given, groups), names) if given else None,
        stances=year_entry(analysis.quality.get("stances", {}).get(area, {}), cfg.year),
        group_names=names,
        words_apart=words_apart_of(analysis.quality, area, cfg.year, area_st),
        copies=copies_of(analysis.quality, area, cfg.year),
    )


def build_index_context(
    analysis: Analysis, cfg: SeminarConfig, *, recurring_from: int, method: dict | None = None
) -> dict:
    """Collect the data of the index page.

    Areas with counts and the cross-cutting themes with evidence per area.

    ``recurring_from`` (groups from which a theme is recurring) goes into the method facts when
    ``method`` is not given.
    """
    notes, themes = analysis.notes, analysis.themes
    method = method if method is not None else method_facts(analysis, cfg, recurring_from=recurring_from)
    areas = []
    for area in dict.fromkeys(notes["core_area"]):
        t = themes[themes["core_area"] == area]
        areas.append(
            {
                "name": area,
                "slug": slugify(area),
                "n_groups": int(notes.loc[notes["core_area"] == area, "group"].nunique()),
                "n_statements": int((analysis.statements["core_area"] == area).sum()),
                "n_recurring": int(t["recurring"].sum()),
                "top": list(t[t["recurring"]]["label"].head(3)),
            }
        )
    links = _cross_links(themes)
    cross = []
    for row in analysis.cross.itertuples():
        per_area = []
        for a in json.loads(row.areas):
            target = links.get(int(row.cross_theme), {}).get(a["core_area"])
            per_area.append(
                {
                    "name": a["core_area"],
                    "slug": slugify(a["core_area"]),
                    "href": f"{slugify(a['core_area'])}.html"
                    + (f"#emne-{target}" if target is not None else ""),
                    "groups": a["groups"],
                    "phrases": list(dict.fromkeys(a["units"]))[:4],
                }
            )
        cross.append(
            {
                "id": int(row.cross_theme),
                "label": row.label,
                "n_areas": int(row.n_areas),
                "n_groups": int(row.n_groups),
                "areas": per_area,
            }
        )
    return {
        "cfg": cfg,
        "areas": areas,
        "cross": cross,
        "cross_apart": cross_words_apart(analysis),
        "n_notes": len(notes),
        "group_names": notes_group_names(notes),
        "n_rejects": len(analysis.rejects),
        "rejects": [
            {**r, "source_ref": da_place(r["source_ref"])} for r in analysis.rejects.to_dict("records")
        ],
        "method": method,
    }
