"""Ingest: read seminar notes from CSV, XLSX, DOCX, PDF, summary text and Markdown.

Readers are pure: they take the bytes of a file (read by :mod:`pipeline.io`) and return raw
notes; :func:`ingest` dispatches on the file ending, turns unreadable files into a report
line instead of an exception, and resolves all raw notes into the ``notes`` table and the
``rejects`` table (every note read ends up in exactly one of them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields, replace
from typing import Any

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote, note_id, parse_group, resolve_notes
from pipeline.ingest._text import clean_text, decode_bytes, join_wrapped_lines, sniff_delimiter
from pipeline.ingest.markdown import read_markdown_notes
from pipeline.ingest.summary import parse_summary_text, read_pdf_notes, read_summary_notes
from pipeline.ingest.tabular import COLUMN_ALIASES, read_csv_notes
from pipeline.ingest.workbook import read_xlsx_notes
from pipeline.ingest.word import read_docx_notes

__all__ = [
    "COLUMN_ALIASES",
    "SAVE_AS",
    "SUPPORTED_SUFFIXES",
    "FileReport",
    "IngestResult",
    "RawNote",
    "SourceFile",
    "clean_text",
    "decode_bytes",
    "ingest",
    "join_wrapped_lines",
    "note_id",
    "parse_group",
    "parse_summary_text",
    "read_source",
    "sniff_delimiter",
]

SUPPORTED_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".docx", ".pdf", ".txt", ".md", ".markdown")
#: Endings of text files: their content is checked to be text before it is read as notes.
_TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".md", ".markdown")
#: Formats of notes that are not read, and the format to save them in: a folder's files in these
#: formats are listed in the manifest with that fix rather than passed over in silence.
SAVE_AS = {
    ".doc": ".docx",
    ".odt": ".docx",
    ".rtf": ".docx",
    ".pages": ".docx",
    ".xls": ".xlsx",
    ".ods": ".xlsx",
    ".numbers": ".xlsx",
}


@dataclass(frozen=True)
class SourceFile:
    """The bytes of one input file and the name to report it by."""

    name: str
    data: bytes
    # : Why the file is not read at all (e.g. a link leading out of the seminar's folder); set by the I/O
    # module.
    refused: str = ""

    @property
    def suffix(self) -> str:
        """Lower-case file ending, e.g. ``".csv"``."""
        base = self.name.rsplit("/", 1)[-1]
        return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


@dataclass(frozen=True)
class FileReport:
    """What happened to one input file."""

    source_file: str
    format: str
    notes_found: int
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    #: Personal data removed from this file's notes, per kind (see :mod:`pipeline.privacy`).
    redacted: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class IngestResult:
    """Notes accepted, notes rejected with reasons, and a report per file."""

    notes: pd.DataFrame
    rejects: pd.DataFrame
    files: tuple[FileReport, ...]

    @property
    def ok(self) -> bool:
        """Whether anything usable was read."""
        return len(self.notes) > 0

    @property
    def options(self) -> dict[str, tuple[str, ...]]:
        """The options each core area's question listed.

        As the input files give them (the first file that does).
        """
        out: dict[str, tuple[str, ...]] = {}
        for f in self.files:
            for area, options in f.details.get("options", {}).items():
                out.setdefault(area, tuple(options))
        return out

    def configured(self, cfg: SeminarConfig) -> SeminarConfig:
        """``cfg`` with the options the files listed given to the core areas that configure none.

        What ``seminar run`` analyses with (:func:`pipeline.config.with_options`).
        """
        from pipeline.config import with_options

        return with_options(cfg, self.options)

    @property
    def redacted(self) -> dict[str, int]:
        """Personal data removed from all files, per kind."""
        total: Counter = Counter()
        for f in self.files:
            total.update(f.redacted)
        return {k: total[k] for k in sorted(total) if total[k]}

    def file_counts(self) -> list[dict[str, Any]]:
        """Per file: notes offered (non-blank rows or blocks read), accepted and rejected.

        Offered = accepted + rejected for every file; a file that cannot be read offers none.
        """
        accepted = self.notes["source_file"].value_counts().to_dict() if len(self.notes) else {}
        rejected = self.rejects["source_file"].value_counts().to_dict() if len(self.rejects) else {}
        offered: Counter = Counter()
        for f in self.files:
            offered[f.source_file] += f.notes_found
        seen: set[str] = set()
        out = []
        for f in self.files:
            # The same file given twice: its notes are counted once, at its first entry.
            first = f.source_file not in seen
            seen.add(f.source_file)
            name = f.source_file
            out.append(
                {
                    "notes_offered": offered[name] if first else 0,
                    "notes_accepted": int(accepted.get(name, 0)) if first else 0,
                    "notes_rejected": int(rejected.get(name, 0)) if first else 0,
                }
            )
        return out

    def method_lines(self, cfg: SeminarConfig | None = None) -> dict[str, str]:
        """Lines for the reports' method appendix.

        Personal data removed, files that could not be read, configured core areas without notes.
        """
        from pipeline.privacy import describe_counts

        lines = {"Personoplysninger fjernet": describe_counts(self.redacted)}
        if cfg is not None:
            present = set(self.notes["core_area"])
            empty = [a.name for a in cfg.core_areas if a.name not in present]
            if empty:
                lines["Kerneområder uden noter"] = ", ".join(empty)
        unreadable = [f for f in self.files if f.error]
        if unreadable:
            lines["Filer der ikke kunne læses"] = "; ".join(f.error.replace("\n", " ") for f in unreadable)
        return lines

    def manifest(self) -> dict[str, Any]:
        """A JSON-serialisable account of the run: files read, notes accepted and rejected."""
        return {
            "files": [
                {
                    "source_file": f.source_file,
                    "format": f.format,
                    "notes_found": f.notes_found,
                    **counts,
                    "error": f.error,
                    "readable": f.error is None,
                    **({"details": f.details} if f.details else {}),
                    **({"redacted": dict(sorted(f.redacted.items()))} if f.redacted else {}),
                }
                for f, counts in zip(self.files, self.file_counts(), strict=True)
            ],
            "files_read": sum(1 for f in self.files if f.error is None),
            "files_unreadable": sum(1 for f in self.files if f.error is not None),
            "notes_offered": sum(c["notes_offered"] for c in self.file_counts()),
            "notes_accepted": len(self.notes),
            "notes_rejected": len(self.rejects),
            "redacted": self.redacted,
            "accepted": [
                {
                    "note_id": r.note_id,
                    "core_area": r.core_area,
                    "group": int(r.group),
                    **({"group_name": r.group_name} if r.group_name else {}),
                    "source_file": r.source_file,
                    "source_ref": r.source_ref,
                }
                for r in self.notes.itertuples()
            ],
            "rejected": self.rejects.to_dict("records"),
        }


def _has_front_matter(data: bytes) -> bool:
    return data.lstrip()[:3] == b"---"


def _is_tab_table(data: bytes, cfg: SeminarConfig) -> bool:
    from pipeline.ingest.tabular import map_columns

    text, _ = decode_bytes(data[:65536])
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "\t" not in first:
        return False
    try:
        map_columns([h.strip() for h in first.split("\t")], cfg.input, file="", place="")
    except InputError:
        return False
    return True


def read_source(source: SourceFile, cfg: SeminarConfig) -> tuple[str, list[RawNote], dict]:
    """Read one file into raw notes.

    Returns:
        ``(format, raw_notes, details)``.

    Raises:
        InputError: The file cannot be read as notes; the message says where and how to fix it.
    """
    from pipeline.ingest._package import wrong_content

    suffix = source.suffix
    name, data = source.name, source.data
    if suffix in _TEXT_SUFFIXES and (wrong := wrong_content(data, suffix, decode_bytes(data)[0][:4096])):
        raise InputError(name, "whole file", *wrong)
    if suffix in (".csv", ".tsv"):
        return ("csv", *read_csv_notes(data, name, cfg.input))
    if suffix in (".xlsx", ".xlsm"):
        return ("xlsx", *read_xlsx_notes(data, name, cfg.input))
    if suffix == ".docx":
        return ("docx", *read_docx_notes(data, name, cfg))
    if suffix == ".pdf":
        return ("pdf", *read_pdf_notes(data, name, cfg))
    if suffix in (".md", ".markdown") or (suffix == ".txt" and _has_front_matter(data)):
        return ("markdown", *read_markdown_notes(data, name, cfg))
    if suffix == ".txt" and _is_tab_table(data, cfg):  # Excel's "Unicode text (*.txt)" export
        return ("csv", *read_csv_notes(data, name, cfg.input))
    if suffix == ".txt":
        try:
            return ("summary-text", *read_summary_notes(data, name, cfg))
        except InputError as exc:
            if "no group notes" not in exc.problem:
                raise
            return ("text", *read_markdown_notes(data, name, cfg))
    if suffix in SAVE_AS:
        raise InputError(
            name,
            "whole file",
            f"the {suffix} format is not read",
            f"open it in Word, Excel or LibreOffice and save it as {SAVE_AS[suffix]} (File > Save As), then "
            "run again.",
        )
    raise InputError(
        name,
        "whole file",
        f"unsupported file type '{suffix or '(none)'}'",
        f"use one of: {', '.join(SUPPORTED_SUFFIXES)}.",
    )


def ingest(sources: list[SourceFile], cfg: SeminarConfig) -> IngestResult:
    """Read all input files and build the ``notes`` and ``rejects`` tables.

    A file that cannot be read is reported (with the reason) and skipped; the other files
    are still read. Notes are checked against the configuration: empty text, unknown core
    areas, bad group numbers and duplicate groups go to ``rejects`` with a reason.

    Args:
        sources: Input files, in the order given.
        cfg: Seminar configuration.

    Returns:
        The ingest result; ``result.ok`` is false when no note could be used.
    """
    from pipeline.privacy import redactor_for

    redactor = redactor_for(cfg.privacy)
    raw_notes: list[RawNote] = []
    reports: list[FileReport] = []
    for source in sources:
        if redactor:  # a file name is published too (notes.csv, manifest, appendix, terminal)
            source = replace(source, name=redactor.redact(source.name)[0])
        try:
            if source.refused:
                raise InputError(
                    source.name,
                    "whole file",
                    source.refused,
                    "copy the file into the seminar's folder, or give its path directly.",
                )
            fmt, notes, details = read_source(source, cfg)
        except InputError as exc:
            error = redactor.redact(str(exc))[0] if redactor else str(exc)
            reports.append(FileReport(source.name, source.suffix.lstrip("."), 0, error=error))
            continue
        except Exception as exc:  # a reader bug must not lose the other files
            reports.append(
                FileReport(
                    source.name,
                    source.suffix.lstrip("."),
                    0,
                    error=(
                        f"{source.name} (whole file): cannot be read ({type(exc).__name__}). Fix: save it "
                        "again, e.g. as CSV (UTF-8), and report the problem."
                    ),
                )
            )
            continue
        counts: Counter = Counter()
        if redactor:
            notes = [_redact_note(note, redactor, counts) for note in notes]
            details = _redact_details(details, redactor)
        raw_notes.extend(notes)
        reports.append(
            FileReport(
                source.name, fmt, len(notes), details=details, redacted={k: v for k, v in counts.items() if v}
            )
        )
    notes_df, rejects_df = resolve_notes(raw_notes, cfg)
    return IngestResult(notes_df, rejects_df, tuple(reports))


# Every field, the place too: a sheet's name is written into it ("sheet 'Hanne', row 2").
_TEXT_FIELDS = tuple(f.name for f in fields(RawNote) if f.name != "source_file")


def _redact_details(value, redactor):
    """A file's details with personal data removed from every text in them, nested ones too.

    The headers of a column mapping, the reasons and places of skipped paragraphs and tables.
    """
    if isinstance(value, str):
        return redactor.redact(value)[0]
    if isinstance(value, dict):
        return {_redact_details(k, redactor): _redact_details(v, redactor) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_redact_details(v, redactor) for v in value)
    return value


def _redact_note(note: RawNote, redactor, counts: Counter) -> RawNote:
    """The note with personal data replaced in every field a reader took from the file."""
    changes = {}
    for name in _TEXT_FIELDS:
        value = getattr(note, name)
        new, found = redactor.redact(value)
        if found:
            changes[name] = new
            if name != "source_ref":  # a sheet's name is repeated in every row's place: not counted
                counts.update(found)
    return replace(note, **changes) if changes else note
