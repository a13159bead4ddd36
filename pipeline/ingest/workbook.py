"""XLSX reader: the sheet with the notes, its header row found, one row per note.

The columns are mapped as in every table (:func:`pipeline.ingest.tabular.map_columns`).
"""

from __future__ import annotations

import io

from pipeline.config import InputConfig
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote
from pipeline.ingest._text import require_zip_package
from pipeline.ingest.tabular import map_columns, rows_to_notes

__all__ = ["HEADER_SEARCH_ROWS", "read_xlsx_notes"]


#: How many top rows of a sheet are searched for the header row (title rows stand above it).
HEADER_SEARCH_ROWS = 20


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet_rows(ws, formulas) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """The sheet as rows of text, and the (row, column) of formula cells that have no saved value.

    Merged cells are filled with their value (a merged core area belongs to every row it spans).
    """
    rows = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            row = rows[r]
            row.extend([""] * (merged.max_col - len(row)))
            for c in range(merged.min_col - 1, merged.max_col):
                row[c] = value
    unsaved: set[tuple[int, int]] = set()
    if formulas is not None:
        for r, row in enumerate(formulas.iter_rows(values_only=True)):
            for c, v in enumerate(row):
                if (
                    isinstance(v, str)
                    and v.startswith("=")
                    and r < len(rows)
                    and c < len(rows[r])
                    and not rows[r][c]
                ):
                    unsaved.add((r, c))
    return rows, unsaved


def _find_header(
    rows: list[list[str]], cfg: InputConfig, file: str, sheet: str
) -> tuple[int, dict[str, str]]:
    """Index and column mapping of the header row.

    The configured one, else the first top row naming the note columns.

    Raises:
        InputError: No row of the top :data:`HEADER_SEARCH_ROWS` (or the configured row) names them.
    """
    if cfg.header_row is not None:
        i = cfg.header_row - 1
        if i >= len(rows):
            raise InputError(
                file,
                f"sheet '{sheet}'",
                f"[input] header_row = {cfg.header_row}, but the sheet has {len(rows)} rows",
                "set [input] header_row to the row that holds the column names.",
            )
        return i, map_columns(
            rows[i], cfg, file=file, place=f"sheet '{sheet}', row {i + 1} ([input] header_row)"
        )
    first = next((i for i, row in enumerate(rows) if any(v.strip() for v in row)), 0)
    for i in range(first, min(len(rows), first + HEADER_SEARCH_ROWS)):
        try:
            return i, map_columns(rows[i], cfg, file=file, place="")
        except InputError:
            continue
    try:
        map_columns(rows[first], cfg, file=file, place=f"sheet '{sheet}', row {first + 1}")
    except InputError as exc:
        raise InputError(
            file,
            f"sheet '{sheet}', rows {first + 1}-{first + HEADER_SEARCH_ROWS}",
            f"no row names the note columns. {exc.problem}",
            exc.fix
            + " If the column names stand lower in the sheet, point at that row: [input] header_row = 5.",
        ) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _load_sheets(data: bytes, file: str) -> dict[str, tuple[list[list[str]], set]]:
    """Every sheet of the workbook by name: its rows as text and the formula cells with no saved value.

    Raises:
        InputError: The file is not a workbook or cannot be read.
    """
    from openpyxl import load_workbook

    require_zip_package(
        data,
        file,
        expected=".xlsx",
        empty_fix="save the workbook again from Excel.",
    )
    try:
        values_wb = load_workbook(io.BytesIO(data), data_only=True)
        formulas_wb = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many types for corrupt packages
        raise InputError(
            file,
            "whole file",
            f"the workbook cannot be read ({type(exc).__name__})",
            "save it again from Excel as .xlsx.",
        ) from None
    return {ws.title: _sheet_rows(ws, formulas_wb[ws.title]) for ws in values_wb.worksheets}


def _has_text(rows: list[list[str]]) -> bool:
    return any(any(v.strip() for v in row) for row in rows)


def _choose_sheet(sheets: dict[str, tuple[list[list[str]], set]], cfg: InputConfig, file: str) -> str:
    """The sheet to read: the configured one, the only one, or the one sheet with note columns.

    Raises:
        InputError: The configured sheet is missing, or not exactly one sheet could hold the notes.
    """
    names = list(sheets)
    if cfg.sheet is not None:
        if cfg.sheet not in sheets:
            raise InputError(
                file,
                f"sheet '{cfg.sheet}'",
                f"the configured sheet does not exist; the workbook has: {', '.join(names)}",
                "set [input] sheet to one of these names in the seminar TOML.",
            )
        return cfg.sheet
    if len(names) == 1:
        return names[0]
    usable = []
    for name, (rows, _) in sheets.items():
        if not _has_text(rows):
            continue
        try:
            _find_header(rows, cfg, file, name)
            usable.append(name)
        except InputError:
            pass
    if len(usable) != 1:
        raise InputError(
            file,
            "whole workbook",
            f"the workbook has several sheets ({', '.join(repr(n) for n in names)}) and "
            + ("none" if not usable else f"{len(usable)}")
            + " of them look like a notes table",
            'name the sheet to read in the seminar TOML: [input] sheet = "Noter".',
        )
    return usable[0]


def _unsaved_problem(row: int, cells: list[int]) -> str:
    """Why a note is rejected when its cells hold formulas without saved values (``""`` if none do)."""
    if not cells:
        return ""
    where = ", ".join(_column_letter(c) + str(row + 1) for c in cells)
    return (
        f"cell(s) {where} hold a formula without a saved value; "
        "open the workbook in Excel and save it (Excel stores the values), then run again."
    )


def read_xlsx_notes(data: bytes, file: str, cfg: InputConfig) -> tuple[list[RawNote], dict]:
    """Read an XLSX workbook: the configured sheet, the only sheet, or the one sheet with note columns.

    The header row is the configured ``[input] header_row`` or the first of the top rows that names
    the note columns (title rows above it are skipped). Merged cells count for every row they span.
    A formula cell without a saved value (a workbook written by a program that does not calculate)
    makes its note a reject that says to open and save the workbook in Excel.

    Raises:
        InputError: The file is not a workbook, the configured sheet is missing, or several
            sheets could hold the notes (the message lists them).
    """
    sheets = _load_sheets(data, file)
    chosen = _choose_sheet(sheets, cfg, file)
    rows, unsaved = sheets[chosen]
    if not _has_text(rows):
        raise InputError(
            file, f"sheet '{chosen}'", "the sheet is empty", "put the notes in this sheet, one row per group."
        )
    header_i, mapping = _find_header(rows, cfg, file, chosen)
    headers = [v.strip() for v in rows[header_i]]
    columns = {h: c for c, h in enumerate(headers)}
    records, problems = [], []
    for r, values in enumerate(rows[header_i + 1 :], start=header_i + 1):
        records.append(dict(zip(headers, values, strict=False)))
        missing = sorted({columns[h] for h in mapping.values() if (r, columns[h]) in unsaved})
        problems.append(_unsaved_problem(r, missing))
    if not any(any(str(v).strip() for v in rec.values()) for rec in records):
        raise InputError(
            file,
            f"sheet '{chosen}'",
            "the sheet has a header row but no notes",
            "add one row per group note.",
        )
    notes = rows_to_notes(
        records,
        mapping,
        file=file,
        ref=lambda i: f"sheet '{chosen}', row {header_i + i + 2}",
        problems=problems,
    )
    return notes, {"sheet": chosen, **({"header_row": header_i + 1} if header_i else {})}


def _column_letter(c: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(c + 1)
