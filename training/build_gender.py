"""Build ``pipeline/danish/data/gender.tsv``: neuter and common nouns, and adjectives' neuter forms, from CDT.

Usage:
    python training/build_gender.py [--cdt ../shared/data/cdt-danish] [--out PATH]

Reads every ``*.conll`` file of the CDT treebank (its hand-checked morphology); the table is what
:func:`pipeline.danish.gender.is_neuter` and :func:`pipeline.danish.gender.neuter_form` read.
Deterministic: the same treebank gives the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.danish.gender import TABLE, count_gender, write_table  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--cdt`` the treebank folder, ``--out`` the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdt", type=Path, default=ROOT.parent / "shared" / "data" / "cdt-danish")
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    files = sorted(args.cdt.glob("*.conll"))
    if not files:
        raise SystemExit(f"no *.conll files in {args.cdt}: pass --cdt with the CDT treebank folder")
    gender, forms = count_gender(f.read_text(encoding="utf-8").splitlines() for f in files)
    write_table(gender, forms, args.out)
    print(f"{len(gender)} nouns, {len(forms)} adjectives -> {args.out}")


if __name__ == "__main__":
    main()
