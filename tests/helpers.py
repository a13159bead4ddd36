"""Builders for small input files in the formats analysts send (made at test time, not stored)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass


def ws_free(text: str) -> str:
    """Text with all whitespace removed: equal texts differ at most in spaces and line breaks."""
    return re.sub(r"\s+", "", text)


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes(blocks: list[tuple[str, object]]) -> bytes:
    """``("h", text)`` heading, ``("p", text)`` paragraph, ``("t", rows)`` table."""
    from docx import Document

    doc = Document()
    for kind, value in blocks:
        if kind == "h":
            doc.add_heading(value, level=1)
        elif kind == "p":
            doc.add_paragraph(value)
        else:
            rows = value
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = str(cell)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


PDF_SAFE = str.maketrans({"“": '"', "”": '"', "–": "-", "•": "-", "\t": " ", "\u00ad": "", "\ufffd": ""})


def pdf_bytes_from_text(text: str) -> bytes:
    """Lay the lines of ``text`` out on A4 pages, one PDF line per text line (blank lines kept as gaps)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    for line in text.translate(PDF_SAFE).split("\n"):
        line = line.strip()
        pdf.cell(0, 4.5, line if line else "", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def tiny_png() -> bytes:
    """A valid 2×2 grey PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def analyse_rows(rows: list[str], cfg, name: str = "noter.csv", nlp=None):
    """CSV lines (header first) as one notes file, run as ``seminar run`` does (nothing written, no
    suggestions, no charts): ``(ingest_result, analysis, pages)``."""
    from pipeline.flows import run_seminar
    from pipeline.ingest import SourceFile

    source = SourceFile(name, ("\n".join(rows) + "\n").encode("utf-8"))
    run = run_seminar(cfg, sources=[source], nlp=nlp, suggest=False)
    return run.ingest, run.analysis, run.pages


def seminar(args, cwd, timeout: int = 600):
    """Run the ``seminar`` command as a user would (``python -m pipeline``) and capture its output."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@dataclass(frozen=True)
class Ran:
    """What a ``seminar`` command ended with: exit code and the text it wrote (as ``subprocess.run``)."""

    returncode: int
    stdout: str
    stderr: str


# Python's own warning filters in a fresh ``python -m pipeline``: these categories are not shown there.
_HIDDEN_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


def seminar_main(args, cwd) -> Ran:
    """Run the ``seminar`` command in this process, as ``python -m pipeline`` would, and capture its output.

    For tests of what the command does, not of the process boundary (``seminar`` starts one): the
    same entry point (:func:`pipeline.cli.main`) with ``sys.argv``, the working directory, a
    non-terminal stdout and stderr, the logging the command sets up and the warnings a fresh
    interpreter shows; what the command leaves behind in the process (its global options, the
    session's redactor, the logging handler) is put back afterwards. An exception that escapes the
    command fails the test, as its traceback would show in a subprocess.
    """
    import contextlib
    import logging
    import os
    import sys
    import warnings

    from pipeline.cli import main
    from pipeline.cli.console import Settings
    from pipeline.privacy import published

    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    saved = (os.getcwd(), sys.argv, root.handlers[:], root.level, Settings.debug, Settings.quiet)
    session = published._SESSION[0]
    root.handlers[
        :
    ] = []  # the command's logging.basicConfig then installs its own handler, as in a new process
    code = 0
    try:
        os.chdir(cwd)
        sys.argv = ["seminar", *map(str, args)]
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            warnings.catch_warnings(record=True) as caught,
        ):
            warnings.simplefilter("default")
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                if isinstance(exc.code, str):
                    err.write(exc.code + "\n")
        for w in caught:
            if not issubclass(w.category, _HIDDEN_WARNINGS):
                err.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line))
    finally:
        os.chdir(saved[0])
        sys.argv = saved[1]
        root.handlers[:] = saved[2]
        root.setLevel(saved[3])
        Settings.debug, Settings.quiet = saved[4], saved[5]
        published._SESSION[0] = session
    return Ran(code, out.getvalue(), err.getvalue())


def parsed_statements(nlp, texts: list[str], area: str = "Kultur"):
    """One statement per text (group 1, 2, …) with its tokens, lemmas and tags: the unit stage's input."""
    import pandas as pd

    rows = []
    for n, text in enumerate(texts, start=1):
        doc = nlp(text)
        rows.append(
            {
                "statement_id": f"{n:012x}-00",
                "note_id": f"{n:012x}",
                "year": 2024,
                "core_area": area,
                "group": n,
                "text": text,
                "tokens": " ".join(t.text for t in doc),
                "lemmas": " ".join(t.lemma_ for t in doc),
                "pos": " ".join(t.pos_ for t in doc),
            }
        )
    return pd.DataFrame(rows)


def decision_of(row, accept: bool = True, source: str = ""):
    """The analyst's decision on one row of ``suggestions.csv``, as a codebook holds it."""
    from pipeline.curation.codebook import Decision

    return Decision(
        row["id"],
        row["core_area"],
        row["kind"],
        accept,
        row["theme"],
        row["other"],
        row["theme_words"],
        row["other_words"],
        row["theme_key"],
        row["other_key"],
        source,
    )


def page_ctx(**fields):
    """A stand-in for an area page's context: the given fields, and what the page derives from them once.

    The lists default to empty; ``numbers`` and ``statuses_vary`` are derived as
    :class:`pipeline.report.context.AreaContext` derives them, so a section renders as on a page.
    """
    from types import SimpleNamespace

    from pipeline.report.evidence import statement_numbers
    from pipeline.report.theme_runs import statuses_vary

    ctx = {"group_names": {}, "recurring": [], "question_themes": [], "single": [], "notes": []} | fields
    themes = [*ctx["recurring"], *ctx["question_themes"], *ctx["single"]]
    return SimpleNamespace(
        **ctx, numbers=statement_numbers(ctx["notes"]), statuses_vary=statuses_vary(themes)
    )
