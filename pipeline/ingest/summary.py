"""Reader for a seminar summary: a PDF, or its text, with ``Gruppe N …`` paragraphs per core area.

A PDF's text does not come in reading order. In Hedensted Kommune's 2024 summary the
group paragraphs of one core area are printed after the next area's heading, two groups
can share a line, a group paragraph runs straight on into the next page's body text, and
words are split across lines. The reader therefore does not trust page position:

1. Core-area headings (a line that is just a configured area name) and discussion markers
   (``Gruppedrøftelse om …`` / ``Indblik i gruppedrøftelser om …``) open one discussion per
   core area, in the order they appear.
2. ``Gruppe N`` paragraphs are collected in runs (a run restarts when the group number
   does not increase), and the k-th run belongs to the k-th discussion.
3. A paragraph ends at a blank line, at the next ``Gruppe N``, at a heading or marker, or
   where a sentence ends and the next line is body text of another block (it starts with
   the indent PDF extraction gives a new text block, or is much wider than the column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.config import CoreArea, SeminarConfig, normalize_name
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote, parse_group
from pipeline.ingest._text import GROUP_LABEL, GROUP_NAMED, GROUP_WORD, join_wrapped_lines, read_text_notes

__all__ = ["parse_summary_text", "read_pdf_notes", "read_summary_notes", "summary_options"]

# "Gruppe 5 5 fremhævede" is a typo for "Gruppe 5 fremhævede": the repeated number is dropped.
_GROUP_START = re.compile(rf"^{GROUP_LABEL}(?:\s+(?P=num))?(?=[\s:.,]|$)")
# A named group opens its paragraph with the name and a colon ("Gruppe Rød: …").
_NAMED_START = re.compile(rf"^{GROUP_NAMED}\s*:")
_MIDLINE_GROUP = re.compile(rf"(?<=[.!?])\s*(?={GROUP_WORD}\s*\d+\s)")
_MARKER = re.compile(
    r"^(?:Gruppedrøftelse(?:r)?|Indblik i gruppedrøftelser(?:ne)?)\s+(?:om|ved|ifm\.?)\s+(?P<theme>.+)$", re.I
)
_SENTENCE_END = re.compile(r"[.!?:;”\")]\s*$")
#: A bullet of a list ("•\t facilitetsplaner", "- kapacitet", "* infrastruktur").
_BULLET = re.compile(r"^[•▪◦·\-–*]\s*(?P<text>\S.*)$")


@dataclass
class _Line:
    number: int  # 1-based line number in the text
    raw: str
    page: int | None = None

    @property
    def text(self) -> str:
        return self.raw.strip()


@dataclass
class _Paragraph:
    group: int | str  # a number, or a name as written ("Gruppe Rød")
    lines: list[_Line] = field(default_factory=list)


@dataclass
class _Discussion:
    area: CoreArea
    theme: str
    line: int


def _split_lines(text: str, pages: list[int] | None) -> list[_Line]:
    out: list[_Line] = []
    for i, raw in enumerate(text.split("\n")):
        page = pages[i] if pages else None
        # Two group paragraphs sharing one line ("… børn og unge.Gruppe 2 drøftede …").
        parts = _MIDLINE_GROUP.split(raw)
        for j, part in enumerate(parts):
            out.append(_Line(i + 1, part if j == len(parts) - 1 else part.rstrip() + " ", page))
    return out


def _width(line: _Line) -> int:
    return len(line.text)


def _ends_paragraph(par: _Paragraph, nxt: _Line) -> bool:
    prev = par.lines[-1]
    if not _SENTENCE_END.search(prev.text):
        return False
    if nxt.raw[:1].isspace():
        return True
    widths = sorted(_width(line) for line in par.lines)
    column = widths[len(widths) // 2]
    return len(par.lines) >= 2 and _width(nxt) > 1.6 * max(column, 20)


def _match_area(text: str, cfg: SeminarConfig) -> CoreArea | None:
    return cfg.find_area(text) if text else None


def _area_for_theme(theme: str, cfg: SeminarConfig) -> CoreArea | None:
    key = normalize_name(theme)
    for area in cfg.core_areas:
        if area.theme and normalize_name(area.theme) == key:
            return area
    return None


@dataclass
class _Run:
    """Consecutive ``Gruppe N`` paragraphs of one discussion, and the core area named above them."""

    area: CoreArea | None
    paragraphs: list[_Paragraph] = field(default_factory=list)


@dataclass
class _SummaryScan:
    """One pass over a summary's lines: discussions opened, runs of group paragraphs collected."""

    cfg: SeminarConfig
    discussions: list[_Discussion] = field(default_factory=list)
    runs: list[_Run] = field(default_factory=list)
    current_area: CoreArea | None = None
    par: _Paragraph | None = None
    last_group: int = 0
    new_run_pending: bool = True
    blank_since_par: bool = False

    def close(self) -> None:
        """End the open paragraph (if any) and add it to the current run."""
        if self.par is not None:
            self.runs[-1].paragraphs.append(self.par)
        self.par = None

    def _new_run_if(self, restarts: bool) -> None:
        """Open a new run when one is pending (a heading or marker came) or the groups restart."""
        if self.new_run_pending or restarts:
            self.runs.append(_Run(self.current_area))
            self.new_run_pending = False

    def line(self, line: _Line) -> None:
        """Read one line: a paragraph end, a heading, a marker, a group's first line, or more text."""
        stripped = line.text
        if not stripped:
            self.blank_since_par = self.par is not None
            return
        if self.par is not None and self.blank_since_par:
            # A blank line inside an unfinished sentence is layout, not a paragraph end.
            if _SENTENCE_END.search(self.par.lines[-1].text) or not stripped[:1].islower():
                self.close()
        elif self.par is not None and _ends_paragraph(self.par, line):
            self.close()
        self.blank_since_par = False
        area = _match_area(stripped, self.cfg)
        marker = _MARKER.match(stripped)
        group = _GROUP_START.match(stripped)
        named = None if group else _NAMED_START.match(stripped)
        if area is not None:
            self.close()
            self.current_area = area
        elif marker:
            self._marker(marker, line)
        elif group:
            self.close()
            number = parse_group(group.group("num"))
            self._new_run_if(number <= self.last_group)
            self.last_group = number
            body = f"{group.group('label')} {number}{stripped[group.end() :]}"
            self.par = _Paragraph(
                number, [_Line(line.number, line.raw.replace(stripped, body, 1), line.page)]
            )
        elif named:
            self.close()
            # Names have no order: a name met again starts the next core area's run.
            name = named.group("name")
            self._new_run_if(bool(self.runs) and any(p.group == name for p in self.runs[-1].paragraphs))
            self.par = _Paragraph(name, [line])
        elif self.par is not None:
            self.par.lines.append(line)

    def _marker(self, marker: re.Match, line: _Line) -> None:
        """A discussion marker: opens the discussion of the area its theme names (or the current one)."""
        self.close()
        theme = marker.group("theme").rstrip(" ?:.")
        owner = _area_for_theme(theme, self.cfg) or self.current_area
        if owner is not None and all(d.area != owner for d in self.discussions):
            self.discussions.append(_Discussion(owner, theme, line.number))
        self.new_run_pending = True


def _paragraph_note(p: _Paragraph, file: str, area: CoreArea | None, theme: str) -> RawNote:
    """One group paragraph as a raw note of ``area``, its wrapped lines joined."""
    body = join_wrapped_lines([line.raw for line in p.lines]).strip()
    if body and not _SENTENCE_END.search(body):
        # The layout cut the paragraph off before its full stop (page break).
        body += "."
    first = p.lines[0]
    where = f"page {first.page}, line {first.number}" if first.page else f"line {first.number}"
    return RawNote(
        source_file=file,
        source_ref=where,
        core_area=area.name if area else "",
        group=str(p.group),
        text=body,
        theme=(area.theme if area and area.theme else theme),
        question=area.question if area else "",
    )


def parse_summary_text(
    text: str, file: str, cfg: SeminarConfig, *, pages: list[int] | None = None
) -> list[RawNote]:
    """Find the group notes in the text of a seminar summary.

    Args:
        text: The whole text (as extracted from the PDF).
        file: File name for ``source_file`` and messages.
        cfg: Configuration; its core areas (names, aliases, themes) locate the discussions.
        pages: Page number of every line of ``text`` when it came from a PDF.

    Returns:
        One raw note per ``Gruppe N`` paragraph, with the core area it was assigned to
        (empty when it could not be told; :func:`resolve_notes` then rejects it with a reason).

    Raises:
        InputError: No ``Gruppe N`` paragraph was found.
    """
    scan = _SummaryScan(cfg)
    for line in _split_lines(text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"), pages):
        scan.line(line)
    scan.close()
    if not any(run.paragraphs for run in scan.runs):
        raise InputError(
            file,
            "whole file",
            "found no group notes: no paragraph starts with 'Gruppe N' (or 'Bord N')",
            "check that this is the seminar summary; for tables of notes use CSV, XLSX or DOCX.",
        )
    notes: list[RawNote] = []
    for k, run in enumerate(scan.runs):
        # the k-th run of group paragraphs belongs to the k-th discussion
        area = scan.discussions[k].area if k < len(scan.discussions) else run.area
        theme = scan.discussions[k].theme if k < len(scan.discussions) else ""
        notes += [_paragraph_note(p, file, area, theme) for p in run.paragraphs]
    return notes


def summary_options(text: str, cfg: SeminarConfig) -> dict[str, tuple[str, ...]]:
    """The options a discussion's question gave, per core area: the bullet list under the question.

    A list counts when it stands between a discussion's opening marker ("Gruppedrøftelse om …",
    whose paragraph asks the question) and the first group paragraph or "Indblik i
    gruppedrøftelser" marker; a list elsewhere (an area's strategic headings, a process's
    milestones) is not the question's. A bullet that wraps goes on until a blank line or the
    next bullet. "lokalsamfundsprojekter og lignende" stays as written.

    Returns:
        Core-area name → its options in the document's order (areas without a list left out).
    """
    out: dict[str, list[str]] = {}
    current: CoreArea | None = None
    owner: CoreArea | None = None  # the area whose question is open (after its marker)
    bullet: list[str] | None = None

    def close() -> None:
        nonlocal bullet
        if bullet and owner is not None:
            option = " ".join(" ".join(bullet).split()).rstrip(" .,;")
            if option and option.lower() not in {o.lower() for o in out.get(owner.name, [])}:
                out.setdefault(owner.name, []).append(option)
        bullet = None

    for line in _split_lines(text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"), None):
        stripped = line.text
        if not stripped:
            close()
            continue
        area, marker = _match_area(stripped, cfg), _MARKER.match(stripped)
        if area is not None:
            close()
            current, owner = area, None
            continue
        if marker:
            close()
            opening = not stripped.lower().startswith("indblik")
            theme = marker.group("theme").rstrip(" ?:.")
            owner = (_area_for_theme(theme, cfg) or current) if opening else None
            continue
        if _GROUP_START.match(stripped) or _NAMED_START.match(stripped):
            close()
            owner = None
            continue
        item = _BULLET.match(stripped)
        if item:
            close()
            bullet = [item.group("text")] if owner is not None else None
        elif bullet is not None:
            bullet.append(stripped)
    close()
    return {area: tuple(options) for area, options in out.items()}


def read_summary_notes(data: bytes, file: str, cfg: SeminarConfig) -> tuple[list[RawNote], dict]:
    """Read a seminar summary given as plain text (e.g. text extracted from the PDF).

    The details carry ``options``: the options each discussion's question listed
    (:func:`summary_options`), when the text has such a list.
    """
    notes, details = read_text_notes(
        data,
        file,
        lambda text: parse_summary_text(text, file, cfg),
        empty_fix="extract the summary's text again.",
    )
    from pipeline.ingest._text import decode_bytes

    options = summary_options(decode_bytes(data)[0], cfg)
    return notes, {**details, **({"options": {a: list(o) for a, o in options.items()}} if options else {})}


def _page_lines(page) -> list[str]:
    """Text lines of a PDF page, text block by text block, with an empty line after each block.

    Reading whole lines across the page would merge the two columns of a summary laid out in
    columns, so the page's layout is analysed into text blocks (pdfminer's layout analysis,
    through pdfplumber) and each block's lines are kept together; block ends become the
    paragraph breaks that the parser relies on.
    """
    from pdfminer.layout import LTTextBox

    lines: list[str] = []
    for element in page.layout:
        if isinstance(element, LTTextBox):
            lines.extend(element.get_text().rstrip("\n").split("\n"))
            lines.append("")
    return lines


def read_pdf_notes(data: bytes, file: str, cfg: SeminarConfig) -> tuple[list[RawNote], dict]:
    """Read a seminar summary PDF with pdfplumber and parse its text.

    Raises:
        InputError: The file is not a PDF, is damaged, or has no extractable text (a scan).
    """
    import io

    import pdfplumber

    if not data.strip():
        raise InputError(file, "whole file", "the file is empty", "save or download the PDF again.")
    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(
            file,
            "whole file",
            "this is not a PDF: it does not start with the PDF signature '%PDF-'",
            "check the file; if it is a Word document, give it the .docx ending.",
        )
    texts: list[str] = []
    pages: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data), laparams={}) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                page_lines = _page_lines(page)
                texts.extend(page_lines)
                pages.extend([number] * len(page_lines))
    except Exception as exc:  # pdfminer raises PDFSyntaxError and several other types for broken files
        causes = {type(exc).__name__, type(exc.__context__).__name__, *(type(a).__name__ for a in exc.args)}
        if {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"} & causes:
            raise InputError(
                file,
                "whole file",
                "the PDF is protected with a password",
                "open it with the password and save or print it as a PDF without one (or export the notes "
                "as CSV/XLSX).",
            ) from None
        raise InputError(
            file,
            "whole file",
            f"the PDF is damaged and cannot be read ({type(exc).__name__})",
            "download or export the PDF again.",
        ) from None
    if not "".join(texts).strip():
        raise InputError(
            file,
            "whole file",
            "the PDF has no text layer (it is probably a scan)",
            "run OCR on it first, or type the notes into a CSV/XLSX file.",
        )
    return parse_summary_text("\n".join(texts), file, cfg, pages=pages), {"pages": max(pages)}
