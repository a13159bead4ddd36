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
from dataclasses import dataclass, field

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
    """Paragraphs (``"p"``) and tables (``"tbl"``) in reading order.

    Content controls and text boxes opened.
    """
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


def _open_document(data: bytes, file: str):
    """The python-docx document of ``data``.

    Raises:
        InputError: The file is not a DOCX package or is damaged.
    """
    from docx import Document

    require_zip_package(
        data,
        file,
        expected=".docx",
        empty_fix="save the document again from Word.",
    )
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise InputError(
            file,
            "whole file",
            # the type only: the exception's text names Python objects (and their addresses)
            f"the Word document is damaged ({type(exc).__name__})",
            "save it again from Word as .docx.",
        ) from None


@dataclass
class _NoteOpen:
    """The group note being read: where it starts, its area and group, its paragraphs so far."""

    ref: str
    area: str
    group: str
    text: list[str]


@dataclass
class _DocxReader:
    """One pass over a document's blocks in reading order: the notes found and what was skipped."""

    file: str
    cfg: SeminarConfig
    styles: dict[str, str]
    notes: list[RawNote] = field(default_factory=list)
    area: str = ""
    current: _NoteOpen | None = None
    skipped: list[dict[str, str]] = field(default_factory=list)
    n_par: int = 0
    n_table: int = 0
    table_errors: list[InputError] = field(default_factory=list)

    def flush(self) -> None:
        """End the open note (if any) and keep it."""
        if self.current is not None:
            c = self.current
            self.notes.append(RawNote(self.file, c.ref, c.area, str(c.group), "\n".join(c.text)))
        self.current = None

    def _start(self, place: str, group: str, body: str) -> None:
        """Open a new note of ``group`` at ``place``; ``body`` is its first paragraph (or empty)."""
        self.flush()
        self.current = _NoteOpen(place, self.area, group, [body] if body else [])

    def paragraph(self, element) -> None:
        """A paragraph: a core-area heading, the start of a group note, part of one, or skipped."""
        self.n_par += 1
        text = _visible_text(element).strip()
        if not text:
            return
        place = f"paragraph {self.n_par}"
        heading = _is_heading(_style_name(element, self.styles))
        found = self.cfg.find_area(text)
        named = _NAMED_HEADING.match(text) if heading else _NAMED_PAR.match(text)
        if found is not None or (heading and not _GROUP_PAR.match(text) and not named):
            self.flush()
            if found is not None:
                self.area = found.name
                self.skipped.append({"place": place, "reason": "core-area heading"})
            elif not self.cfg.core_areas:
                self.area = text
                self.skipped.append({"place": place, "reason": "core-area heading"})
            else:
                self.skipped.append({"place": place, "reason": "a heading that names no core area"})
            return
        match = _GROUP_PAR.match(text)
        if match:
            rest = match.group("rest").strip()
            body = f"{match.group('label')} {match.group('num')} {rest}".strip() if rest else ""
            self._start(place, match.group("num"), body)
        elif named:
            rest = named.groupdict().get("rest") or ""
            body = f"{named.group('name')} {rest.strip()}" if rest.strip() else ""
            self._start(place, named.group("name"), body)
        elif self.current is not None:
            self.current.text.append(text)
        else:
            reason = "text outside any group note (no 'Gruppe N' paragraph above it)"
            self.skipped.append({"place": place, "reason": reason})

    def _mapping(self, headers: list[str], place: str) -> dict:
        """The table's columns mapped; a table without a core-area column takes the heading above it."""
        try:
            return map_columns(headers, self.cfg.input, file=self.file, place=place)
        except InputError as exc:
            if (
                self.area
                and "core_area" in exc.problem
                and all(f not in exc.problem for f in ("group", "text"))
            ):
                return map_columns([*headers, "kerneområde"], self.cfg.input, file=self.file, place=place)
            raise

    def table(self, element, document) -> None:
        """A table: its rows as notes when it is a notes table, else listed as skipped."""
        from docx.table import Table

        self.flush()
        self.n_table += 1
        table = Table(element, document)
        rows = [[_cell_text(cell._tc) for cell in row.cells] for row in table.rows]
        if not rows:
            return
        headers = rows[0]
        try:
            mapping = self._mapping(headers, f"table {self.n_table}, header row")
        except InputError as exc:  # a table that is no notes table (a programme, a participant list)
            self.table_errors.append(exc)
            reason = f"not a notes table: {exc.problem}"
            self.skipped.append({"place": f"table {self.n_table}", "reason": reason})
            return
        records = [dict(zip(headers, r, strict=False)) for r in rows[1:]]
        if "kerneområde" in mapping.values() and "kerneområde" not in headers:
            for r in records:
                r["kerneområde"] = self.area
        table_no = self.n_table
        self.notes.extend(
            rows_to_notes(
                records, mapping, file=self.file, ref=lambda i, t=table_no: f"table {t}, row {i + 2}"
            )
        )


def read_docx_notes(data: bytes, file: str, cfg: SeminarConfig) -> tuple[list[RawNote], dict]:
    """Read group notes from a Word document.

    Raises:
        InputError: The file is not a DOCX package, is damaged, or holds no group notes.
    """
    document = _open_document(data, file)
    reader = _DocxReader(file, cfg, {st.style_id: st.name or "" for st in document.styles})
    for kind, element in _blocks(document.element.body):
        if kind == "p":
            reader.paragraph(element)
        else:
            reader.table(element, document)
    reader.flush()
    if not reader.notes and reader.table_errors:
        # the document's only notes may be in that table: say what is wrong with it
        raise reader.table_errors[0]
    if not reader.notes:
        raise InputError(
            file,
            "whole document",
            "found no group notes: no 'Gruppe N' paragraphs under a core-area heading and no notes table",
            "write each note as a paragraph starting 'Gruppe N' under a heading with the core area, "
            "or add a table with the columns kerneområde, gruppe, tekst.",
        )
    skipped = {"skipped": reader.skipped} if reader.skipped else {}
    return reader.notes, {"paragraphs": reader.n_par, "tables": reader.n_table, **skipped}
