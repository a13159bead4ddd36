"""Build ``pipeline/danish/data/place_nouns.txt``: the DanNet nouns that name a place.

Usage:
    python training/build_place_nouns.py [--thesaurus ../shared/data/dannet-thesaurus/th_da_DK_dannet.dat]
        [--out PATH]

A noun names a place when one of its broader words is a place word, or a broader word's broader
word a concrete one (:func:`pipeline.danish.places.place_nouns`). Deterministic: one lemma a
line, sorted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.danish.places import TABLE, place_nouns  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "dannet-thesaurus" / "th_da_DK_dannet.dat"


def build(source: Path, out: Path = TABLE) -> int:
    """Read the thesaurus at ``source``, write the place nouns to ``out``; how many."""
    if not source.exists():
        raise SystemExit(f"{source} not found: pass --thesaurus with the DanNet thesaurus (.dat)")
    with source.open(encoding="utf-8", errors="replace") as fh:
        nouns = place_nouns(fh)
    out.write_text(
        "# Danish nouns that name a place (from DanNet; see pipeline/danish/places.py)\n"
        + "".join(f"{w}\n" for w in sorted(nouns)),
        encoding="utf-8",
    )
    return len(nouns)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--thesaurus`` the DanNet .dat file, ``--out`` the list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thesaurus", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    print(f"{build(args.thesaurus, args.out)} place nouns -> {args.out}")


if __name__ == "__main__":
    main()
