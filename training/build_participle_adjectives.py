"""Build ``pipeline/danish/data/participle_adjectives.txt``: the "-ende" words DanNet holds as adjectives.

Usage:
    python training/build_participle_adjectives.py
        [--thesaurus ../shared/data/dannet-thesaurus/th_da_DK_dannet.dat] [--out PATH]

A present participle with an adjective entry of its own in the dictionary ("lignende",
"tilsvarende") keeps its form as its lemma (:mod:`pipeline.danish.participles`). Deterministic:
one word a line, sorted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.danish.participles import TABLE, participle_adjectives  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "dannet-thesaurus" / "th_da_DK_dannet.dat"


def build(source: Path, out: Path = TABLE) -> int:
    """Read the thesaurus at ``source``, write the participle adjectives to ``out``; how many."""
    if not source.exists():
        raise SystemExit(f"{source} not found: pass --thesaurus with the DanNet thesaurus (.dat)")
    with source.open(encoding="utf-8", errors="replace") as fh:
        words = participle_adjectives(fh)
    out.write_text(
        "# Present participles DanNet holds as adjectives (see pipeline/danish/participles.py)\n"
        + "".join(f"{w}\n" for w in sorted(words)),
        encoding="utf-8",
    )
    return len(words)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--thesaurus`` the DanNet .dat file, ``--out`` the list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thesaurus", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    print(f"{build(args.thesaurus, args.out)} participle adjectives -> {args.out}")


if __name__ == "__main__":
    main()
