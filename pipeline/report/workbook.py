"""``temaer.xlsx``: the themes, their quotes and every note offered, as an Excel workbook for the analyst.

The CSV tables in ``data/processed/`` stay as they are for tools; this workbook is for people:
Danish headers, one value per cell (no JSON), bold header row, column widths, an autofilter and
a frozen header row. The bytes are fixed for the same analysis (workbook properties and the
timestamps inside the package are set, not taken from the clock), so an unchanged run writes
an identical file. Nothing here writes files.

:func:`new_sheet`, :func:`add_rows` and :func:`workbook_bytes` are shared with the Excel
codebook (:mod:`pipeline.curation.excel`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.report.wording import da_place, single_heading, theme_status

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from pipeline.flows import Analysis

__all__ = [
    "THEMES_WORKBOOK",
    "add_rows",
    "build_themes_workbook",
    "new_sheet",
    "theme_kind",
    "workbook_bytes",
]

#: The workbook's file name in ``reports/<year>/``.
THEMES_WORKBOOK = "temaer.xlsx"
#: The time stamp written into every workbook (the package's files and its properties).
_STAMP = dt.datetime(2000, 1, 1)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters Excel cannot store


def theme_kind(row, min_groups: int) -> str:
    """What a theme is on its area's page: recurring, the area's own topic, the question's words, or raised by too few groups.

    The same rules as the area page (:func:`pipeline.report.context.build_area_context`).
    """
    if bool(row["restates_area"]):
        return "Kerneområdets eget emne"
    if bool(row["restates_question"]) and int(row["n_groups"]) >= min_groups:
        return "Spørgsmålets egne ord"
    if bool(row["recurring"]):
        return "Tilbagevendende"
    return single_heading(min_groups).replace("Temaer rejst", "Rejst")


def new_sheet(wb: Workbook, title: str, header: Sequence[str], widths: Sequence[float], *, first: bool = False) -> Worksheet:
    """A sheet with a bold, frozen header row and column widths (characters)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(list(header))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "A2"
    # printed: landscape, as wide as the paper, the header row on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"
    return ws


def add_rows(ws: Worksheet, rows: Iterable[Sequence], *, wrap: Sequence[int] = ()) -> None:
    """Append rows (text kept as text, never read as a formula), then set the autofilter over them.

    Args:
        ws: A sheet from :func:`new_sheet`.
        rows: The values of each row.
        wrap: 1-based columns whose text wraps (long texts such as quotes).
    """
    import math

    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    top, centre = Alignment(vertical="top"), Alignment(vertical="top", horizontal="center")
    wrapped = Alignment(vertical="top", wrap_text=True)
    widths = {i: ws.column_dimensions[get_column_letter(i)].width or 10 for i in wrap}
    for values in rows:
        ws.append([_ILLEGAL.sub(" ", v) if isinstance(v, str) else v for v in values])
        lines = 1
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # '=SUM(...)' in a note is text, not a formula
            if cell.column in wrap:
                cell.alignment = wrapped
                text = str(cell.value or "")
                lines = max(lines, sum(math.ceil(max(len(part), 1) / max(widths[cell.column] - 2, 1)) for part in text.split("\n")))
            else:
                cell.alignment = centre if isinstance(cell.value, int) else top
        if lines > 1:  # spreadsheet programs do not grow a row for wrapped text by themselves
            ws.row_dimensions[ws.max_row].height = 15 * lines
    ws.auto_filter.ref = ws.dimensions


def workbook_bytes(wb: Workbook, title: str) -> bytes:
    """The workbook as XLSX bytes that are the same for the same content (fixed properties and time stamps)."""
    props = wb.properties
    props.creator = props.lastModifiedBy = "seminar-themes"
    props.title = title
    props.created = props.modified = _STAMP
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time into 'modified'
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def _source(file: str, ref: str) -> str:
    return f"{str(file).replace(chr(92), '/').rsplit('/', 1)[-1]}, {da_place(ref)}"


def build_themes_workbook(analysis: Analysis, cfg: SeminarConfig) -> bytes:
    """``temaer.xlsx``: sheets *Temaer*, *Citater* and *Noter* of one seminar's analysis.

    * Temaer: one row per theme, in report order: core area, committee, theme, how many
      groups of how many raised it (k, n), which, what kind of theme it is on the page,
      status (Maskinforslag or Kurateret), *kort sagt* (a group's own words) and the memo.
    * Citater: the quotes of every theme with the group, the statement id and where in the
      input the note is.
    * Noter: every note offered, accepted or rejected with the reason.

    Args:
        analysis: The seminar's analysis (:func:`pipeline.flows.analyse_seminar`).
        cfg: Its configuration (committees, thresholds).

    Returns:
        The XLSX bytes.
    """
    from openpyxl import Workbook

    wb = Workbook()
    committee = {a.name: a.committee for a in cfg.core_areas}
    themes = analysis.themes
    ws = new_sheet(
        wb,
        "Temaer",
        ["Kerneområde", "Udvalg", "Tema", "Grupper (k)", "I alt (n)", "Hvilke grupper", "Art", "Status", "Kort sagt", "Kort sagt af gruppe", "Memo"],
        [26, 22, 30, 12, 10, 15, 24, 15, 70, 19, 40],
        first=True,
    )
    rows = []
    for row in themes.to_dict("records"):
        summary = json.loads(row["summary"]) if row["summary"] else {}
        rows.append(
            [
                row["core_area"],
                committee.get(row["core_area"], ""),
                row["label"],
                int(row["n_groups"]),
                int(row["n_groups_total"]),
                ", ".join(row["groups"].split()),
                theme_kind(row, cfg.themes.min_groups),
                theme_status(bool(row["curated"])),
                summary.get("text", ""),
                int(summary["group"]) if summary.get("group") is not None else None,
                str(row["memo"] or ""),
            ]
        )
    add_rows(ws, rows, wrap=(3, 9, 11))

    source_of = {n.note_id: _source(n.source_file, n.source_ref) for n in analysis.notes.itertuples()}
    ws = new_sheet(wb, "Citater", ["Kerneområde", "Tema", "Gruppe", "Citat", "Udsagns-id", "Kilde"], [26, 30, 8, 90, 17, 40])
    rows = []
    for row in themes.to_dict("records"):
        for quote in json.loads(row["quotes"]):
            note = quote.get("note_id") or quote["statement_id"].rsplit("-", 1)[0]
            rows.append([row["core_area"], row["label"], int(quote["group"]), quote["text"], quote["statement_id"], source_of.get(note, "")])
    add_rows(ws, rows, wrap=(2, 4))

    ws = new_sheet(wb, "Noter", ["Kerneområde", "Gruppe", "Status", "Årsag", "Tekst", "Kilde", "Note-id"], [26, 8, 16, 40, 90, 40, 15])
    rows = [[n.core_area, int(n.group), "Med i analysen", "", n.text, source_of[n.note_id], n.note_id] for n in analysis.notes.itertuples()]
    rows += [
        [r.core_area, int(r.group) if str(r.group).strip().isdigit() else str(r.group), "Afvist", r.reason, r.text, _source(r.source_file, r.source_ref), ""]
        for r in analysis.rejects.itertuples()
    ]
    add_rows(ws, rows, wrap=(4, 5))
    return workbook_bytes(wb, f"Temaer – {cfg.name} {cfg.year}")


def themes_frame(data: bytes, sheet: str = "Temaer") -> pd.DataFrame:
    """A sheet of a workbook as a table of texts (for tests and notebooks)."""
    return pd.read_excel(io.BytesIO(data), sheet_name=sheet, dtype=str).fillna("")
