"""Run the privacy filter over every output of a run: nothing it would redact may be left in one.

Usage (from the project root, after ``seminar run``)::

    PYTHONPATH=$PWD python bench/privacy_scan.py reports/2024 data/processed/2024

Every text file (CSV, JSON, HTML, Markdown, TOML, text) is read line by line, a DOCX paragraph by
paragraph and an XLSX cell by cell; each piece goes through :class:`pipeline.privacy.Redactor` with
every kind and no listed names. A piece the filter would change is a hit, printed with its file, its
place and the kinds found, and shown redacted (the scan never prints what it found). The exit status
is 1 when there is a hit. A hit is either a leak or a figure the filter would destroy were it in a
note: both are defects.
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from html import unescape
from pathlib import Path

TEXT_SUFFIXES = {".csv", ".tsv", ".json", ".html", ".htm", ".md", ".toml", ".txt", ".yaml", ".yml"}


def _xml_texts(xml: str, piece: str, run: str) -> Iterator[str]:
    """The text of each ``piece`` element (a paragraph, a cell), its ``run`` elements joined."""
    for block in re.findall(rf"<{piece}[ >].*?</{piece}>", xml, flags=re.S):
        yield unescape("".join(re.findall(rf"<{run}(?: [^>]*)?>([^<]*)</{run}>", block)))


def pieces(path: Path) -> Iterator[tuple[str, str]]:
    """``(place, text)`` of every piece of text in an output file."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            yield f"line {number}", unescape(line) if suffix in (".html", ".htm") else line
    elif suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if not name.endswith(".xml"):
                    continue
                xml = z.read(name).decode("utf-8", "replace")
                found = (
                    _xml_texts(xml, "w:p", "w:t")
                    if suffix == ".docx"
                    else [*_xml_texts(xml, "si", "t"), *_xml_texts(xml, "c", "v")]
                )
                for number, text in enumerate(found, 1):
                    yield f"{name} #{number}", text


def scan(paths: list[Path]) -> Counter:
    """Print every piece of the outputs under ``paths`` the filter would change; the counts per kind."""
    from pipeline.privacy import Redactor

    redactor = Redactor()
    total: Counter = Counter()
    files = sorted(
        p for root in paths for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file()
    )
    for path in files:
        for place, text in pieces(path):
            redacted, counts = redactor.redact(text)
            if counts:
                total.update(counts)
                kinds = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
                print(f"{path} ({place}): {kinds}: {redacted[:200]!r}")
    print(f"{len(files)} files scanned; hits: {dict(sorted(total.items())) or 'none'}")
    return total


def main(argv: list[str] | None = None) -> int:
    """Scan the outputs named on the command line; 1 when the filter finds anything in them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("paths", nargs="+", type=Path, help="output folders or files of a run")
    return 1 if scan(parser.parse_args(argv).paths) else 0


if __name__ == "__main__":
    sys.exit(main())
