"""The package's shape that is not code size: each report heading is written in one place.

Import cycles, module and function lengths and the top level are checked in ``test_code_shape.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"


@pytest.mark.parametrize(
    "heading",
    [
        "Tilbagevendende temaer",
        "Sammenfatning",
        "Kort sagt",
        "Spørgsmålets egne ord",
        "Rejst af",
        "Gruppernes noter",
    ],
)
def test_a_report_heading_is_written_in_one_place(heading):
    files = [
        p.relative_to(PACKAGE).as_posix()
        for p in sorted(PACKAGE.rglob("*"))
        if p.is_file() and p.suffix in {".py", ".j2"} and heading in p.read_text(encoding="utf-8")
    ]
    assert len(files) == 1, files
