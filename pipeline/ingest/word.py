"""DOCX reader (python-docx).

Two layouts are understood, also mixed in one document:

* headings naming core areas, each followed by ``Gruppe N …`` paragraphs (a paragraph that is
  only ``Gruppe N`` or ``Gruppe N:`` takes the paragraphs below it as its text);
* tables with a header row (kerneområde, gruppe, tekst …), one row per group; a table without
  a core-area column belongs to the heading above it.
"""

from __future__ import annotations

import io
import re

from pipeline.config import SeminarConfig
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote
from pipeline.ingest._text import GROUP_LABEL, require_zip_package
from pipeline.ingest.tabular import map_columns, rows_to_notes

__all__ = ["read_docx_notes"]

_GROUP_PAR = re.compile(rf"^{GROUP_LABEL}(?:\s+(?P=num))?\s*[:.\-–]?\s*(?P<rest>.*)$", re.S)


def _is_heading(paragraph) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return style.lower().startswith(("heading", "overskrift", "title", "titel"))


def read_docx_notes(data: bytes, file: str, cfg: SeminarConfig) -> tuple[list[RawNote], dict]:
    """Read group notes from a Word document.

    Raises:
        InputError: The file is not a DOCX package, is damaged, or holds no group notes.
    """
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    require_zip_package(
        data,
        file,
        empty_fix="save the document again from Word.",
        problem="this is not a Word document (.docx): the file is not a zip package",
        fix="open it in Word and save as 'Word-dokument (*.docx)'; old .doc files must be converted.",
    )
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise InputError(
            file, "whole file", f"the Word document is damaged ({type(exc).__name__}: {exc})", "save it again from Word as .docx."
        ) from None

    notes: list[RawNote] = []
    area = ""
    current: dict | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            notes.append(
                RawNote(file, current["ref"], current["area"], str(current["group"]), "\n".join(current["text"]))
            )
        current = None

    n_par = n_table = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            n_par += 1
            text = block.text.strip()
            if not text:
                continue
            found = cfg.find_area(text)
            if found is not None or (_is_heading(block) and not _GROUP_PAR.match(text)):
                flush()
                if found is not None:
                    area = found.name
                elif not cfg.core_areas:
                    area = text
                continue
            match = _GROUP_PAR.match(text)
            if match:
                flush()
                rest = match.group("rest").strip()
                body = f"{match.group('label')} {match.group('num')} {rest}".strip() if rest else ""
                current = {"ref": f"paragraph {n_par}", "area": area, "group": match.group("num"), "text": [body] if body else []}
            elif current is not None:
                current["text"].append(text)
        elif isinstance(block, Table):
            flush()
            n_table += 1
            rows = [[cell.text.strip() for cell in row.cells] for row in block.rows]
            if not rows:
                continue
            headers = rows[0]
            place = f"table {n_table}, header row"
            try:
                mapping = map_columns(headers, cfg.input, file=file, place=place)
            except InputError as exc:
                if area and "core_area" in exc.problem and all(f not in exc.problem for f in ("group", "text")):
                    mapping = map_columns(headers + ["kerneområde"], cfg.input, file=file, place=place)
                else:
                    raise
            records = [dict(zip(headers, r, strict=False)) for r in rows[1:]]
            if "kerneområde" in mapping.values() and "kerneområde" not in headers:
                for r in records:
                    r["kerneområde"] = area
            table_no = n_table
            notes.extend(rows_to_notes(records, mapping, file=file, ref=lambda i, t=table_no: f"table {t}, row {i + 2}"))
    flush()
    if not notes:
        raise InputError(
            file,
            "whole document",
            "found no group notes: no 'Gruppe N' paragraphs under a core-area heading and no notes table",
            "write each note as a paragraph starting 'Gruppe N' under a heading with the core area, "
            "or add a table with the columns kerneområde, gruppe, tekst.",
        )
    return notes, {"paragraphs": n_par, "tables": n_table}
