"""``temaer.xlsx``: the themes, their quotes and every note offered, as an Excel workbook for the analyst.

The CSV tables in ``data/processed/`` stay as they are for tools; this workbook is for people:
Danish headers, one value per cell (no JSON), bold header row, column widths, an autofilter and
a frozen header row. The bytes are fixed for the same analysis (workbook properties and the
timestamps inside the package are set, not taken from the clock), so an unchanged run writes
an identical file. Nothing here writes files.

The sheet helpers it shares with the Excel codebook are :mod:`pipeline.report.xlsx`.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.report.context import notes_group_names
from pipeline.report.wording import (
    GIVEN_OPTIONS,
    IN_SHORT,
    QUESTION_WORDS,
    da_place,
    single_heading,
    theme_status,
)
from pipeline.report.xlsx import add_rows, new_sheet, workbook_bytes

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = [
    "THEMES_WORKBOOK",
    "build_themes_workbook",
    "theme_kind",
]

#: The workbook's file name in ``reports/<year>/``.
THEMES_WORKBOOK = "temaer.xlsx"


def theme_kind(row, recurring_from: int, option: bool = False) -> str:
    """What a theme is on its area's page.

    Recurring, the area's own topic, one of the question's given options (``option``: the
    page lists it there), the question's words, or raised by too few groups.

    The same rules as the area page (:func:`pipeline.report.context.build_area_context`).
    """
    if option:
        return GIVEN_OPTIONS
    if bool(row["restates_area"]):
        return "Kerneområdets eget emne"
    # a theme that repeats the question is never recurring: shown apart when as many groups raised it
    if bool(row["restates_question"]) and int(row["n_groups"]) >= recurring_from:
        return QUESTION_WORDS
    if bool(row["recurring"]):
        return "Tilbagevendende"
    return single_heading(recurring_from).replace("Temaer rejst", "Rejst")


def _source(file: str, ref: str) -> str:
    return f"{str(file).replace(chr(92), '/').rsplit('/', 1)[-1]}, {da_place(ref)}"


def _themes_sheet(wb, analysis: Analysis, cfg: SeminarConfig, group_cell, recurring_from: int) -> None:
    """Sheet *Temaer*: one row per theme in report order, with its kind on the page and its status."""
    committee = {a.name: a.committee for a in cfg.core_areas}
    headers = [
        "Kerneområde",
        "Udvalg",
        "Tema",
        "Grupper (k)",
        "I alt (n)",
        "Hvilke grupper",
        "Art",
        "Status",
        IN_SHORT,
        f"{IN_SHORT} af gruppe",
        "Memo",
    ]
    ws = new_sheet(wb, "Temaer", headers, [26, 22, 30, 12, 10, 15, 24, 15, 70, 19, 40], first=True)
    rows = []
    options = analysis.quality.get("option_themes", {})  # per area, the themes that name a given option
    for row in analysis.themes.to_dict("records"):
        summary = json.loads(row["summary"]) if row["summary"] else {}
        rows.append(
            [
                row["core_area"],
                committee.get(row["core_area"], ""),
                row["label"],
                int(row["n_groups"]),
                int(row["n_groups_total"]),
                ", ".join(str(group_cell(g)) for g in row["groups"].split()),
                theme_kind(row, recurring_from, str(int(row["topic"])) in options.get(row["core_area"], {})),
                theme_status(bool(row["curated"])),
                summary.get("text", ""),
                group_cell(summary["group"]) if summary.get("group") is not None else None,
                str(row["memo"] or ""),
            ]
        )
    add_rows(ws, rows, wrap=(3, 9, 11))


def _quotes_sheet(wb, analysis: Analysis, group_cell, source_of: dict[str, str]) -> None:
    """Sheet *Citater*: every theme's quotes with the group, the statement id and the note's place."""
    headers = ["Kerneområde", "Tema", "Gruppe", "Citat", "Udsagns-id", "Kilde"]
    ws = new_sheet(wb, "Citater", headers, [26, 30, 8, 90, 17, 40])
    rows = []
    for row in analysis.themes.to_dict("records"):
        for quote in json.loads(row["quotes"]):
            note = quote.get("note_id") or quote["statement_id"].rsplit("-", 1)[0]
            rows.append(
                [
                    row["core_area"],
                    row["label"],
                    group_cell(quote["group"]),
                    quote["text"],
                    quote["statement_id"],
                    source_of.get(note, ""),
                ]
            )
    add_rows(ws, rows, wrap=(2, 4))


def _notes_sheet(wb, analysis: Analysis, group_cell, source_of: dict[str, str]) -> None:
    """Sheet *Noter*: every note offered, accepted or rejected with the reason."""
    headers = ["Kerneområde", "Gruppe", "Status", "Årsag", "Tekst", "Kilde", "Note-id"]
    ws = new_sheet(wb, "Noter", headers, [26, 8, 16, 40, 90, 40, 15])
    rows = [
        [n.core_area, group_cell(n.group), "Med i analysen", "", n.text, source_of[n.note_id], n.note_id]
        for n in analysis.notes.itertuples()
    ]
    rows += [
        [
            r.core_area,
            int(r.group) if str(r.group).strip().isdigit() else str(r.group),
            "Afvist",
            r.reason,
            r.text,
            _source(r.source_file, r.source_ref),
            "",
        ]
        for r in analysis.rejects.itertuples()
    ]
    add_rows(ws, rows, wrap=(4, 5))


def _suggestions_sheet(wb, suggestions: pd.DataFrame) -> None:
    """Sheet *Forslag*, the analyst's: pairs the machine thinks may be one point.

    Decided with ``seminar curate accept`` / ``reject``.
    """
    headers = [
        "Id",
        "Kerneområde",
        "Slags",
        "Tema",
        "Andet",
        "Hvorfor",
        "Citat (tema)",
        "Citat (andet)",
        "Beslutning",
    ]
    ws = new_sheet(wb, "Forslag", headers, [10, 26, 9, 30, 30, 44, 60, 60, 12])
    kinds = {"merge": "Læg sammen", "move": "Flyt", "point": "Punkt"}
    rows = [
        [
            r.id,
            r.core_area,
            kinds.get(r.kind, r.kind),
            r.theme,
            r.other,
            r.reason,
            r.theme_quote,
            r.other_quote,
            "",
        ]
        for r in suggestions.itertuples()
    ]
    add_rows(ws, rows, wrap=(4, 5, 6, 7, 8))


def build_themes_workbook(analysis: Analysis, cfg: SeminarConfig, *, recurring_from: int) -> bytes:
    """``temaer.xlsx``: sheets *Temaer*, *Citater*, *Noter* and (with suggestions) *Forslag* of one seminar.

    * Temaer: one row per theme, in report order: core area, committee, theme, how many
      groups of how many raised it (k, n), which, what kind of theme it is on the page,
      status (Maskinforslag or Kurateret), *kort sagt* (a group's own words) and the memo.
    * Citater: the quotes of every theme with the group, the statement id and where in the
      input the note is.
    * Noter: every note offered, accepted or rejected with the reason.

    Args:
        analysis: The seminar's analysis (:func:`pipeline.flows.analyse_seminar`).
        cfg: Its configuration (committees).
        recurring_from: Groups from which a theme is recurring (the kind of a theme that
            repeats the question).

    Returns:
        The XLSX bytes.
    """
    from openpyxl import Workbook

    wb = Workbook()
    names = notes_group_names(analysis.notes)

    def group_cell(group) -> int | str:  # a number stays a number cell (sorting, filters); a name as written
        return names.get(int(group)) or int(group)

    source_of = {n.note_id: _source(n.source_file, n.source_ref) for n in analysis.notes.itertuples()}
    _themes_sheet(wb, analysis, cfg, group_cell, recurring_from)
    _quotes_sheet(wb, analysis, group_cell, source_of)
    _notes_sheet(wb, analysis, group_cell, source_of)
    suggestions = getattr(analysis, "suggestions", None)
    if suggestions is not None:
        _suggestions_sheet(wb, suggestions)
    return workbook_bytes(wb, f"Temaer – {cfg.name} {cfg.year}")


def themes_frame(data: bytes, sheet: str = "Temaer") -> pd.DataFrame:
    """A sheet of a workbook as a table of texts (for tests and notebooks)."""
    return pd.read_excel(io.BytesIO(data), sheet_name=sheet, dtype=str).fillna("")
