"""Builders for small input files in the formats analysts send (made at test time, not stored)."""

from __future__ import annotations

import io
import re


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
