"""CSV reader and the column mapping every table reader shares: one row per note, Danish or English headers.

The XLSX reader is :mod:`pipeline.ingest.workbook`.
"""

from __future__ import annotations

import csv
import io
import re

from pipeline.config import InputConfig, normalize_name
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote
from pipeline.ingest._text import decode_bytes, sniff_delimiter

__all__ = [
    "COLUMN_ALIASES",
    "REQUIRED_FIELDS",
    "map_columns",
    "read_csv_notes",
    "rows_to_notes",
]

#: Accepted header names per canonical field (compared case- and whitespace-insensitively).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "tekst", "note", "noter", "notat", "opsamling", "referat", "besvarelse", "svar"),
    "group": ("group", "gruppe", "gruppenummer", "gruppe nr", "gruppe nr.", "bord", "bordnummer", "table"),
    # The name a numbered group goes by on the pages ("Bord A", a party's letter); never a person's name
    # column ("navn", "referent"): a name that is redacted is dropped and the group keeps its number.
    "group_name": ("group_name", "group name", "gruppenavn", "bordnavn", "party", "parti"),
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
                group_name=values.get("group_name", ""),
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
    from pipeline.io.outputs import restore_cell  # here: pipeline.io reads notes through this package

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
