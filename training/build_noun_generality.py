"""Build ``pipeline/danish/data/noun_documents.tsv``: in how many CDT documents each common noun occurs.

Usage:
    python training/build_noun_generality.py [--cdt ../shared/data/cdt-danish] [--out PATH]

Every ``*.conll`` file of the CDT treebank is one document; a noun's count is the number of
documents whose hand-checked lemmas include it (tag ``NC``). The table is what
:func:`pipeline.danish.generality.is_general_noun` reads. Deterministic: the same treebank gives
the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.danish.generality import TABLE, count_noun_documents, write_table  # noqa: E402


def build(cdt: Path, out: Path = TABLE) -> int:
    """Count the documents of ``cdt`` (a folder of ``*.conll``), write the table to ``out``; the documents."""
    files = sorted(cdt.glob("*.conll"))
    if not files:
        raise SystemExit(f"no *.conll files in {cdt}: pass --cdt with the CDT treebank folder")
    n, counts = count_noun_documents(f.read_text(encoding="utf-8").splitlines() for f in files)
    write_table(n, counts, out)
    return n


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--cdt`` the treebank folder, ``--out`` the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdt", type=Path, default=ROOT.parent / "shared" / "data" / "cdt-danish")
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    n = build(args.cdt, args.out)
    print(f"{n} documents -> {args.out}")


if __name__ == "__main__":
    main()
