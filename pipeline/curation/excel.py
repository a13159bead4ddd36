"""The codebook as an Excel workbook (``codebook.xlsx``), for analysts who curate in a spreadsheet.

The workbook holds what the YAML codebook holds and is read into the same
:class:`~pipeline.curation.codebook.Codebook`, so ``seminar run`` applies either the same way:

* sheet *Themes*: one row per theme: its id, core area, automatic label, groups and evidence
  (for reading), and the cells the analyst fills in: ``name``, ``confirm``, ``exclude``,
  ``merge into``, ``memo`` (and ``seeds`` for a new theme: a row without a match key). The
  ``match`` columns hold the theme's evidence when written; the theme is found again by them.
* sheet *Key phrases*: every key phrase with its theme (empty: in no theme); an entry id under ``move to
  theme``
  pins the phrase to that theme (the YAML ``pin:``).

Reading checks every cell first and gives one :class:`CodebookError` naming the sheet, row,
column and the fix; nothing is applied then. ``confirm`` and ``exclude`` take yes/no (also
ja/nej, true/false, x); ``exclude`` and ``merge into`` have drop-down lists. Splitting a theme
is the YAML codebook's; in the workbook, add a new theme row and move its key phrases to it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.curation.codebook import Codebook
from pipeline.curation.excel_read import PHRASES_SHEET, THEMES_SHEET, parse_codebook_xlsx
from pipeline.curation.template import starting_entries

__all__ = ["PHRASES_SHEET", "THEMES_SHEET", "codebook_workbook", "parse_codebook_xlsx"]

HELP_SHEET = "How to"


@dataclass(frozen=True)
class _Column:
    header: str
    width: float
    editable: bool = False


THEME_COLUMNS = (
    _Column("id", 24),
    _Column("core area", 24),
    _Column("automatic label", 24),
    _Column("groups", 16),
    _Column("evidence", 60),
    _Column("name", 26, True),
    _Column("confirm", 10, True),
    _Column("exclude", 10, True),
    _Column("merge into", 22, True),
    _Column("memo", 40, True),
    _Column("seeds", 20, True),
    _Column("match key", 14),
    _Column("match phrases", 30),
    _Column("match statements", 30),
)
PHRASE_COLUMNS = (
    _Column("key phrase id", 20),
    _Column("core area", 24),
    _Column("theme", 24),
    _Column("group", 8),
    _Column("key phrase", 28),
    _Column("statement", 70),
    _Column("move to theme", 22, True),
)
_HELP = """\
Codebook of {title}: the analyst's curation of the themes, applied by every `seminar run`.

Sheet Themes, one row per theme. Fill in only the white columns:
  name        your name for the theme, shown in the reports instead of the automatic label
  confirm     yes: you have read the theme and keep it as it is
  exclude     yes: the theme is noise; its key phrases go to no theme
  merge into  the id of another theme of the same core area that this theme becomes part of
  memo        your note on the theme, shown under it in the reports
  seeds       only for a new theme (a row you add with id, core area and name, and no match key):
              words whose key phrases it collects, separated by commas
A theme is shown as "Maskinforslag" (machine suggestion) until its row confirms, names, merges
or moves key phrases to it; then as "Kurateret".
Leave the grey columns as they are: the match columns are how the theme is found again when the
notes or the program change.

Sheet Key phrases: to move a key phrase to another theme of its core area, write that theme's id
under "move to theme".

Sheet Forslag: pairs the machine thinks may be one point. Write accept in the decision column to
join the two sides (the next run merges the themes or moves the key phrase, and names the theme
from both sides' words), reject to have the pair never proposed again (also in later years).
A suggestion of kind point is one theme of only the question's words that two or more groups
wrote their own words about: accept keeps it as a point of those groups (counted among the
recurring themes); a group that wrote only the word is named in the reason and not counted.

Keep either codebook.xlsx or codebook.yaml beside seminar.toml, not both. A mistake stops the
run with the sheet, row and column; nothing is applied half-way. Splitting a theme by words is
done in codebook.yaml; here, add a new theme and move its key phrases to it.
"""


def _grey_fixed(ws, columns: tuple[_Column, ...]) -> None:
    """Grey the cells the analyst leaves as they are (every column that is not editable)."""
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    grey = PatternFill("solid", fgColor="EEEEEE")
    for i, col in enumerate(columns, start=1):
        if not col.editable:
            for cell in ws[get_column_letter(i)][1:]:
                cell.fill = grey


def _drop_down(formula: str, title: str, error: str):
    """A cell's drop-down list (``formula``: a quoted list or a cell range) that refuses anything else."""
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorTitle=title, error=error
    )


def _pick_a_theme(ids: str):
    """A drop-down list of the theme ids in ``ids`` (a cell range of the sheet *Themes*)."""
    return _drop_down(f"={ids}", "Theme id", "Pick the id of a theme in the Themes sheet.")


def _themes_sheet(wb, entries: list, new: list) -> str:
    """The sheet *Themes*: a row per automatic theme and per new theme carried over; returns the id range."""
    from openpyxl.utils import get_column_letter

    from pipeline.report.xlsx import add_rows, new_sheet

    headers, widths = [c.header for c in THEME_COLUMNS], [c.width for c in THEME_COLUMNS]
    ws = new_sheet(wb, THEMES_SHEET, headers, widths, first=True)
    rows = []
    for e in entries:
        c, r = e.carried, e.row
        rows.append(
            [
                e.id,
                r.core_area,
                r.label,
                f"{r.n_groups} of {r.n_groups_total}: {', '.join(r.groups.split())}",
                " ".join(r.evidence.split()),
                c.name if c else "",
                "no",
                "yes" if c is not None and c.exclude else "no",
                e.merge_into,
                c.memo if c else "",
                "",
                e.evidence.key,
                " | ".join(sorted(e.evidence.phrases)),
                " ".join(sorted(e.evidence.statements)),
            ]
        )
    rows += [
        [e.id, e.area, "", "", "", e.name, "no", "no", "", e.memo, ", ".join(e.seeds), "", "", ""]
        for e in new
    ]
    add_rows(ws, rows, wrap=(5, 10))
    n_rows = ws.max_row
    _grey_fixed(ws, THEME_COLUMNS)
    ids = f"'{THEMES_SHEET}'!$A$2:$A${max(n_rows, 2) + 200}"  # room for new theme rows
    yes_no = _drop_down('"yes,no"', "yes or no", "Write yes or no.")
    merge = _pick_a_theme(ids)
    letters = {c.header: get_column_letter(i) for i, c in enumerate(THEME_COLUMNS, start=1)}
    last = max(n_rows, 2) + 200
    for dv in (yes_no, merge):
        ws.add_data_validation(dv)
    yes_no.add(f"{letters['confirm']}2:{letters['confirm']}{last}")
    yes_no.add(f"{letters['exclude']}2:{letters['exclude']}{last}")
    merge.add(f"{letters['merge into']}2:{letters['merge into']}{last}")
    return ids


def _phrases_sheet(wb, entries: list, units: pd.DataFrame, statements: pd.DataFrame | None, ids: str) -> None:
    """The sheet *Key phrases*: every key phrase (also those in no theme) with a column to move it."""
    from pipeline.report.xlsx import add_rows, new_sheet

    headers, widths = [c.header for c in PHRASE_COLUMNS], [c.width for c in PHRASE_COLUMNS]
    ws = new_sheet(wb, PHRASES_SHEET, headers, widths)
    id_of = {int(e.row.topic): e.id for e in entries}
    text_of = (
        dict(zip(statements["statement_id"], statements["text"], strict=True))
        if statements is not None
        else {}
    )
    add_rows(  # the theme cell is empty for a key phrase the method left in no theme
        ws,
        [
            [
                u.unit_id,
                u.core_area,
                id_of.get(int(u.theme), ""),
                int(u.group),
                u.text,
                text_of.get(u.statement_id, ""),
                "",
            ]
            for u in units.itertuples()
        ],
        wrap=(6,),
    )
    _grey_fixed(ws, PHRASE_COLUMNS)
    move = _pick_a_theme(ids)
    ws.add_data_validation(move)
    move.add(f"G2:G{max(ws.max_row, 2)}")


def _decision_sheet(wb, suggestions: pd.DataFrame) -> None:
    """The sheet *Forslag*: the run's suggestions, with a drop-down to accept or reject each."""
    from pipeline.curation.record import suggestions_sheet

    suggestions_sheet(wb, suggestions.astype(str).to_dict("records"))
    dv = _drop_down('"accept,reject"', "accept or reject", "Write accept or reject.")
    wb["Forslag"].add_data_validation(dv)
    dv.add(f"B2:B{max(wb['Forslag'].max_row, 2)}")


def codebook_workbook(
    themes: pd.DataFrame,
    units: pd.DataFrame,
    title: str,
    previous: Codebook | None = None,
    statements: pd.DataFrame | None = None,
    suggestions: pd.DataFrame | None = None,
) -> bytes:
    """A starting codebook as a workbook: one row per automatic theme.

    Last year's entries are carried over as in :func:`~pipeline.curation.template.codebook_text`.

    Args:
        themes: The automatic themes table.
        units: The key phrases with their automatic theme.
        title: The seminar, for the help sheet.
        previous: Last year's codebook to carry over, or None.
        statements: The statements, so the key-phrase sheet shows each phrase's sentence.
        suggestions: The run's suggestions (:mod:`pipeline.curation.suggest`): a sheet ``Forslag``
            with a column to accept or reject each.

    Returns:
        The XLSX bytes.
    """
    from openpyxl import Workbook

    from pipeline.report.xlsx import workbook_bytes

    entries, new, _ = starting_entries(themes, units, previous)
    wb = Workbook()
    ids = _themes_sheet(wb, entries, new)
    _phrases_sheet(wb, entries, units, statements, ids)
    if suggestions is not None:
        _decision_sheet(wb, suggestions)
    help_ws = wb.create_sheet(HELP_SHEET)
    help_ws.column_dimensions["A"].width = 110
    for line in _HELP.format(title=title).splitlines():
        help_ws.append([line])
    return workbook_bytes(wb, f"Codebook – {title}")
