"""DOCX reader (python-docx).

Two layouts are understood, also mixed in one document:

* headings naming core areas, each followed by ``Gruppe N …`` paragraphs (a paragraph that is
  only ``Gruppe N`` or ``Gruppe N:`` takes the paragraphs below it as its text);
* tables with a header row (kerneområde, gruppe, tekst …), one row per group; a table without
  a core-area column belongs to the heading above it.

The text is what Word shows: tracked insertions count, tracked deletions do not; paragraphs in
content controls (block and inline) and in text boxes are read where they stand. Every body
paragraph with text is a note, part of one, or listed in the file's details as skipped with the
reason (a heading, text outside any group note); a table that is no notes table (a programme) is
listed there too, and the document's other notes are still read.
"""

from __future__ import annotations

import io
import re

from pipeline.config import SeminarConfig
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote
from pipeline.ingest._text import GROUP_LABEL, GROUP_NAMED, require_zip_package
from pipeline.ingest.tabular import map_columns, rows_to_notes

__all__ = ["read_docx_notes"]

_GROUP_PAR = re.compile(rf"^{GROUP_LABEL}(?:\s+(?P=num))?\s*[:.\-–]?\s*(?P<rest>.*)$", re.S)
# A named group: a heading that is only the name ("Bord A"), or a paragraph "Gruppe Rød: …".
_NAMED_HEADING = re.compile(rf"^{GROUP_NAMED}\s*:?$")
_NAMED_PAR = re.compile(rf"^{GROUP_NAMED}\s*:\s*(?P<rest>\S.*)$", re.S)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Parts of a paragraph that Word does not show as its text: tracked deletions and moves away,
# the fallback copy of a drawing (its text is also in the drawing's text box), and text boxes
# (read as paragraphs of their own, after the paragraph that anchors them).
_HIDDEN = {
    _W + "del",
    _W + "moveFrom",
    _MC + "Fallback",
    _W + "txbxContent",
    _W + "delText",
    _W + "instrText",
}
_CHARS = {
    _W + "tab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
    _W + "softHyphen": "",
}


def _is_placeholder(element) -> bool:
    """A content control that shows its placeholder prompt ("Klik her for at skrive tekst"), not text."""
    return element.tag == _W + "sdt" and element.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def _visible_text(element) -> str:
    """The text of a paragraph as Word shows it (insertions kept, deletions dropped)."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = child.tag
            if tag in _HIDDEN or _is_placeholder(child):
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag in _CHARS:
                parts.append(_CHARS[tag])
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _text_boxes(paragraph) -> list:
    """Text-box contents anchored in a paragraph (the DrawingML copy only, not its VML fallback)."""
    boxes = []

    def walk(node) -> None:
        for child in node:
            if child.tag == _MC + "Fallback":
                continue
            if child.tag == _W + "txbxContent":
                boxes.append(child)
            else:
                walk(child)

    walk(paragraph)
    return boxes


def _blocks(parent):
    """Paragraphs (``"p"``) and tables (``"tbl"``) in reading order, content controls and text boxes opened."""
    for child in parent:
        tag = child.tag
        if tag == _W + "p":
            yield "p", child
            for box in _text_boxes(child):
                yield from _blocks(box)
        elif tag == _W + "tbl":
            yield "tbl", child
        elif tag in (
            _W + "sdt",
            _W + "customXml",
            _W + "sdtContent",
            _W + "ins",
            _W + "moveTo",
        ) and not _is_placeholder(child):
            yield from _blocks(child.find(_W + "sdtContent") if tag == _W + "sdt" else child)


def _cell_text(tc) -> str:
    return "\n".join(_visible_text(p) for kind, p in _blocks(tc) if kind == "p").strip()


def _style_name(p, styles: dict[str, str]) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return styles.get(style.get(_W + "val"), "") if style is not None else ""


def _is_heading(style_name: str) -> bool:
    return style_name.lower().startswith(("heading", "overskrift", "title", "titel"))


def read_docx_notes(data: bytes, file: str, cfg: SeminarConfig) -> tuple[list[RawNote], dict]:
    """Read group notes from a Word document.

    Raises:
        InputError: The file is not a DOCX package, is damaged, or holds no group notes.
    """
    from docx import Document
    from docx.table import Table

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
            file,
            "whole file",
            f"the Word document is damaged ({type(exc).__name__}: {exc})",
            "save it again from Word as .docx.",
        ) from None

    notes: list[RawNote] = []
    area = ""
    current: dict | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            notes.append(
                RawNote(
                    file, current["ref"], current["area"], str(current["group"]), "\n".join(current["text"])
                )
            )
        current = None

    styles = {st.style_id: st.name or "" for st in document.styles}
    skipped: list[dict[str, str]] = []
    n_par = n_table = 0
    table_errors: list[InputError] = []
    for kind, element in _blocks(document.element.body):
        if kind == "p":
            n_par += 1
            text = _visible_text(element).strip()
            if not text:
                continue
            place = f"paragraph {n_par}"
            heading = _is_heading(_style_name(element, styles))
            found = cfg.find_area(text)
            named = _NAMED_HEADING.match(text) if heading else _NAMED_PAR.match(text)
            if found is not None or (heading and not _GROUP_PAR.match(text) and not named):
                flush()
                if found is not None:
                    area = found.name
                    skipped.append({"place": place, "reason": "core-area heading"})
                elif not cfg.core_areas:
                    area = text
                    skipped.append({"place": place, "reason": "core-area heading"})
                else:
                    skipped.append({"place": place, "reason": "a heading that names no core area"})
                continue
            match = _GROUP_PAR.match(text)
            if match:
                flush()
                rest = match.group("rest").strip()
                body = f"{match.group('label')} {match.group('num')} {rest}".strip() if rest else ""
                current = {
                    "ref": place,
                    "area": area,
                    "group": match.group("num"),
                    "text": [body] if body else [],
                }
            elif named:
                flush()
                rest = named.groupdict().get("rest") or ""
                body = f"{named.group('name')} {rest.strip()}" if rest.strip() else ""
                current = {
                    "ref": place,
                    "area": area,
                    "group": named.group("name"),
                    "text": [body] if body else [],
                }
            elif current is not None:
                current["text"].append(text)
            else:
                skipped.append(
                    {
                        "place": place,
                        "reason": "text outside any group note (no 'Gruppe N' paragraph above it)",
                    }
                )
        else:
            flush()
            n_table += 1
            table = Table(element, document)
            rows = [[_cell_text(cell._tc) for cell in row.cells] for row in table.rows]
            if not rows:
                continue
            headers = rows[0]
            place = f"table {n_table}, header row"
            try:
                try:
                    mapping = map_columns(headers, cfg.input, file=file, place=place)
                except InputError as exc:
                    if (
                        area
                        and "core_area" in exc.problem
                        and all(f not in exc.problem for f in ("group", "text"))
                    ):
                        mapping = map_columns(headers + ["kerneområde"], cfg.input, file=file, place=place)
                    else:
                        raise
            except InputError as exc:  # a table that is no notes table (a programme, a participant list)
                table_errors.append(exc)
                skipped.append({"place": f"table {n_table}", "reason": f"not a notes table: {exc.problem}"})
                continue
            records = [dict(zip(headers, r, strict=False)) for r in rows[1:]]
            if "kerneområde" in mapping.values() and "kerneområde" not in headers:
                for r in records:
                    r["kerneområde"] = area
            table_no = n_table
            notes.extend(
                rows_to_notes(
                    records, mapping, file=file, ref=lambda i, t=table_no: f"table {t}, row {i + 2}"
                )
            )
    flush()
    if not notes and table_errors:
        raise table_errors[0]  # the document's only notes may be in that table: say what is wrong with it
    if not notes:
        raise InputError(
            file,
            "whole document",
            "found no group notes: no 'Gruppe N' paragraphs under a core-area heading and no notes table",
            "write each note as a paragraph starting 'Gruppe N' under a heading with the core area, "
            "or add a table with the columns kerneområde, gruppe, tekst.",
        )
    return notes, {"paragraphs": n_par, "tables": n_table, **({"skipped": skipped} if skipped else {})}
