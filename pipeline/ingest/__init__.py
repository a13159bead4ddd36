"""Ingest: read seminar notes from CSV, XLSX, DOCX, PDF, summary text and Markdown.

Readers are pure: they take the bytes of a file (read by :mod:`pipeline.io`) and return raw
notes; :func:`ingest` dispatches on the file ending, turns unreadable files into a report
line instead of an exception, and resolves all raw notes into the ``notes`` table and the
``rejects`` table (every note read ends up in exactly one of them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote, note_id, parse_group, resolve_notes
from pipeline.ingest._text import clean_text, decode_bytes, join_wrapped_lines, sniff_delimiter
from pipeline.ingest.markdown import read_markdown_notes
from pipeline.ingest.summary import parse_summary_text, read_pdf_notes, read_summary_notes
from pipeline.ingest.tabular import COLUMN_ALIASES, read_csv_notes, read_xlsx_notes
from pipeline.ingest.word import read_docx_notes

__all__ = [
    "COLUMN_ALIASES",
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


@dataclass(frozen=True)
class SourceFile:
    """The bytes of one input file and the name to report it by."""

    name: str
    data: bytes

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

    def manifest(self) -> dict[str, Any]:
        """A JSON-serialisable account of the run: files read, notes accepted and rejected."""
        return {
            "files": [
                {
                    "source_file": f.source_file,
                    "format": f.format,
                    "notes_found": f.notes_found,
                    "error": f.error,
                    **({"details": f.details} if f.details else {}),
                }
                for f in self.files
            ],
            "notes_accepted": len(self.notes),
            "notes_rejected": len(self.rejects),
            "accepted": [
                {"note_id": r.note_id, "core_area": r.core_area, "group": int(r.group), "source_file": r.source_file, "source_ref": r.source_ref}
                for r in self.notes.itertuples()
            ],
            "rejected": self.rejects.to_dict("records"),
        }


def _has_front_matter(data: bytes) -> bool:
    return data.lstrip()[:3] == b"---"


def read_source(source: SourceFile, cfg: SeminarConfig) -> tuple[str, list[RawNote], dict]:
    """Read one file into raw notes.

    Returns:
        ``(format, raw_notes, details)``.

    Raises:
        InputError: The file cannot be read as notes; the message says where and how to fix it.
    """
    suffix = source.suffix
    name, data = source.name, source.data
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
    if suffix == ".txt":
        try:
            return ("summary-text", *read_summary_notes(data, name, cfg))
        except InputError as exc:
            if "no group notes" not in exc.problem:
                raise
            return ("text", *read_markdown_notes(data, name, cfg))
    if suffix in (".xls", ".doc"):
        raise InputError(
            name, "whole file", f"the old binary format {suffix} is not supported", f"save it as {suffix}x from Office."
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
    raw_notes: list[RawNote] = []
    reports: list[FileReport] = []
    for source in sources:
        try:
            fmt, notes, details = read_source(source, cfg)
        except InputError as exc:
            reports.append(FileReport(source.name, source.suffix.lstrip("."), 0, error=str(exc)))
            continue
        raw_notes.extend(notes)
        reports.append(FileReport(source.name, fmt, len(notes), details=details))
    notes_df, rejects_df = resolve_notes(raw_notes, cfg)
    return IngestResult(notes_df, rejects_df, tuple(reports))
