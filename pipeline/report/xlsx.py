"""Excel sheets for people, with fixed bytes.

The helpers that ``temaer.xlsx`` (:mod:`pipeline.report.workbook`) and the Excel codebook
(:mod:`pipeline.curation.excel`) share. Nothing here writes files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pipeline.names import shorten

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["add_rows", "new_sheet", "workbook_bytes"]

#: The time stamp written into every workbook (the package's files and its properties).
_STAMP = dt.datetime(2000, 1, 1)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters Excel cannot store


def new_sheet(
    wb: Workbook, title: str, header: Sequence[str], widths: Sequence[float], *, first: bool = False
) -> Worksheet:
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
                lines = max(
                    lines,
                    sum(
                        math.ceil(max(len(part), 1) / max(widths[cell.column] - 2, 1))
                        for part in text.split("\n")
                    ),
                )
            else:
                cell.alignment = centre if isinstance(cell.value, int) else top
        if lines > 1:  # spreadsheet programs do not grow a row for wrapped text by themselves
            ws.row_dimensions[ws.max_row].height = 15 * lines
    ws.auto_filter.ref = ws.dimensions


def workbook_bytes(wb: Workbook, title: str) -> bytes:
    """The workbook as XLSX bytes that are the same for the same content.

    Fixed properties and time stamps.
    """
    props = wb.properties
    props.creator = props.lastModifiedBy = "seminar-themes"
    props.title = shorten(title, 255)
    props.created = props.modified = _STAMP
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time into 'modified'
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2000-01-01T00:00:00Z\g<2>",
                    data,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()
