"""CSV and XLSX readers: one row per note, Danish or English headers."""

from __future__ import annotations

import csv
import io
import re

from pipeline.config import InputConfig, normalize_name
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote
from pipeline.ingest._text import decode_bytes, require_zip_package, sniff_delimiter
from pipeline.outputs import restore_cell

__all__ = [
    "COLUMN_ALIASES",
    "REQUIRED_FIELDS",
    "map_columns",
    "read_csv_notes",
    "read_xlsx_notes",
    "rows_to_notes",
]

#: Accepted header names per canonical field (compared case- and whitespace-insensitively).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "tekst", "note", "noter", "notat", "opsamling", "referat", "besvarelse", "svar"),
    "group": ("group", "gruppe", "gruppenummer", "gruppe nr", "gruppe nr.", "bord", "bordnummer", "table"),
    "core_area": ("core_area", "core area", "kerneområde", "kerneomraade", "kerneområder", "område", "area"),
    "theme": ("theme", "tema", "emne", "fokus", "fokuspunkt"),
    "question": ("question", "spørgsmål", "spoergsmaal", "drøftelsesspørgsmål"),
    "year": ("year", "år", "aar", "årstal"),
    "seminar": ("seminar", "seminarnavn"),
}
REQUIRED_FIELDS = ("core_area", "group", "text")


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", normalize_name(name)).strip()


def _choose_delimiter(text: str, cfg: InputConfig) -> str:
    """The separator under which the header line names the most note columns.

    A comma inside a header of a ``;`` file ("tekst, noter") misleads a sniffer that counts
    characters; naming columns does not. Ties go to the sniffed separator.
    """
    import csv

    sniffed = sniff_delimiter(text)
    line = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n", 1)[0]

    def named(delimiter: str) -> int:
        try:
            keys = {_key(h) for h in next(csv.reader([line], delimiter=delimiter), [])}
        except csv.Error:
            return 0
        return sum(
            any(_key(a) in keys for a in ([cfg.columns[f]] if f in cfg.columns else []) + list(aliases))
            for f, aliases in COLUMN_ALIASES.items()
        )

    return max((sniffed, ";", "\t", ","), key=named)  # max keeps the first of equals: the sniffed one


def map_columns(headers: list[str], cfg: InputConfig, *, file: str, place: str) -> dict[str, str]:
    """Map the canonical fields to the headers of a table.

    Args:
        headers: Header row as found.
        cfg: Input configuration; ``cfg.columns`` adds user-specific header names.
        file: File name, for the error message.
        place: Where the header row is (``"header row"``, ``"sheet 'Ark1', row 1"``).

    Returns:
        ``{field: header}`` for every field that was found.

    Raises:
        InputError: A required field (core area, group, text) has no column.
    """
    by_key = {_key(h): h for h in headers if str(h).strip()}
    mapping: dict[str, str] = {}
    for fld, aliases in COLUMN_ALIASES.items():
        candidates = ([cfg.columns[fld]] if fld in cfg.columns else []) + list(aliases)
        for alias in candidates:
            if _key(alias) in by_key:
                mapping[fld] = by_key[_key(alias)]
                break
    missing = [f for f in REQUIRED_FIELDS if f not in mapping]
    if missing:
        if mapping:
            found = ", ".join(repr(_short(h)) for h in headers if str(h).strip()) or "(none)"
        else:  # nothing looks like a notes column: the file may be anything; its content is not quoted
            n = sum(1 for h in headers if str(h).strip())
            found = (
                f"{n} column(s), none named like a notes column (not quoted: this may not be a notes file)"
            )
        accepted = "; ".join(f"{f}: {', '.join(COLUMN_ALIASES[f])}" for f in missing)
        raise InputError(
            file,
            place,
            f"missing required column(s) {', '.join(missing)}. Columns found: {found}. Accepted names: "
            f"{accepted}.",
            "rename the column(s) in the file, or map your own names in the seminar TOML, e.g. "
            '[input.columns] text = "Min kolonne".',
        )
    return mapping


def _short(header: object, limit: int = 40) -> str:
    text = " ".join(str(header).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rows_to_notes(
    rows: list[dict[str, str]], mapping: dict[str, str], *, file: str, ref, problems: list[str] | None = None
) -> list[RawNote]:
    """Turn mapped table rows into raw notes; ``ref(i)`` gives the place of row ``i``.

    ``problems[i]``, when not empty, says why row ``i`` cannot be a note (it is then rejected).
    """
    notes = []
    for i, row in enumerate(rows):
        values = {fld: str(row.get(col, "") or "").strip() for fld, col in mapping.items()}
        problem = problems[i] if problems else ""
        if not any(values.values()) and not problem:
            continue  # a fully blank row is layout, not a note
        notes.append(
            RawNote(
                source_file=file,
                source_ref=ref(i),
                core_area=values.get("core_area", ""),
                group=values.get("group", ""),
                text=values.get("text", ""),
                theme=values.get("theme", ""),
                question=values.get("question", ""),
                year=values.get("year", ""),
                seminar=values.get("seminar", ""),
                problem=problem,
            )
        )
    return notes


# A note may be long (a whole summary pasted into one cell): lift the csv module's 128 KiB field cap.
csv.field_size_limit(2**31 - 1)


def _csv_records(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str]]]:
    """Non-blank rows with the line they start on, and rows the csv module cannot parse.

    A row that cannot be parsed is skipped (and reported) instead of ending the file.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    broken: list[tuple[int, str]] = []
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            broken.append((start, str(exc)))
            if reader.line_num < start:  # no progress: give up on the rest rather than loop
                break
            start = reader.line_num + 1
            continue
        if any(cell.strip() for cell in row):
            records.append((start, [restore_cell(cell) for cell in row]))
        start = reader.line_num + 1
    return records, broken


def read_csv_notes(data: bytes, file: str, cfg: InputConfig) -> tuple[list[RawNote], dict]:
    """Read a CSV file (comma, semicolon or tab separated; UTF-8, UTF-16, cp1252 or latin-1).

    A row that cannot be read (too many fields, broken quoting) becomes a rejected note with its
    line number; the rest of the file is still read. Cells the tool itself neutralised against
    formula injection (``'=...``) are read back as written.

    Returns:
        The raw notes and facts for the manifest (encoding, delimiter).
    """
    if not data.strip():
        raise InputError(
            file, "whole file", "the file is empty", "export the notes again; the file has no bytes."
        )
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise InputError(
            file, "whole file", "the file is empty", "export the notes again; the file has no text."
        )
    delimiter = _choose_delimiter(text, cfg)
    records, broken = _csv_records(text, delimiter)
    if not records:
        raise InputError(
            file, "whole file", "the file has no header row", "add a header row: kerneområde, gruppe, tekst."
        )
    (header_line, headers), body = records[0], records[1:]
    headers = [h.strip() for h in headers]
    mapping = map_columns(
        headers,
        cfg,
        file=file,
        place="header row" if header_line == 1 else f"header row (line {header_line})",
    )
    if not body and not broken:
        raise InputError(
            file, "whole file", "the file has a header row but no notes", "add one row per group note."
        )
    rows, refs, problems = [], [], []
    for line_num, row in body:
        rows.append(dict(zip(headers, row, strict=False)))
        refs.append(f"line {line_num}")
        problem = ""
        if len(row) > len(headers) and any(cell.strip() for cell in row[len(headers) :]):
            problem = (
                f"the row has {len(row)} fields but the header has {len(headers)} (separator '{delimiter}'); "
                "put quotes around texts that contain the separator, or save the sheet again as CSV."
            )
        problems.append(problem)
    notes = rows_to_notes(rows, mapping, file=file, ref=lambda i: refs[i], problems=problems)
    for line_num, message in broken:
        notes.append(
            RawNote(
                source_file=file,
                source_ref=f"line {line_num}",
                core_area="",
                group="",
                text="",
                problem=(
                    f"the row cannot be parsed as CSV ({message}); check the quotes on that line, or save "
                    "the sheet again as CSV."
                ),
            )
        )
    return notes, {"encoding": encoding, "delimiter": delimiter}


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
        empty_fix="save the workbook again from Excel.",
        problem="this is not an Excel workbook (.xlsx): the file is not a zip package",
        fix="open it in Excel and save as 'Excel-projektmappe (*.xlsx)'; old .xls files must be converted.",
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
