"""Build the word lists taken from the DanNet thesaurus into ``pipeline/danish/data/``.

Usage:
    python training/build_dannet_lists.py [--thesaurus ../shared/data/dannet-thesaurus/th_da_DK_dannet.dat]

* ``place_nouns.txt``: the nouns that name a place: one of its broader words is a place word, or a
  broader word's broader word a concrete one (:func:`pipeline.danish.places.place_nouns`);
* ``participle_adjectives.txt``: the present participles with an adjective entry of their own
  ("lignende", "tilsvarende"), which keep their form as their lemma (:mod:`pipeline.danish.participles`).

Deterministic: one lemma a line, sorted, under a comment line; a rebuild from the same thesaurus
gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.danish import participles, places  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "dannet-thesaurus" / "th_da_DK_dannet.dat"

#: (list's file, what reads it from the thesaurus, its comment line)
LISTS: tuple[tuple[Path, Callable[[Iterable[str]], Iterable[str]], str], ...] = (
    (
        places.TABLE,
        places.place_nouns,
        "Danish nouns that name a place (from DanNet; see pipeline/danish/places.py)",
    ),
    (
        participles.TABLE,
        participles.participle_adjectives,
        "Present participles DanNet holds as adjectives (see pipeline/danish/participles.py)",
    ),
)


def build(source: Path, out: Path, extract: Callable[[Iterable[str]], Iterable[str]], header: str) -> int:
    """Read the thesaurus at ``source``, write ``extract``'s words to ``out`` under ``header``; how many."""
    with source.open(encoding="utf-8", errors="replace") as fh:
        words = sorted(extract(fh))
    out.write_text(f"# {header}\n" + "".join(f"{w}\n" for w in words), encoding="utf-8")
    return len(words)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--thesaurus`` the DanNet .dat file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thesaurus", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    if not args.thesaurus.exists():
        raise SystemExit(f"{args.thesaurus} not found: pass --thesaurus with the DanNet thesaurus (.dat)")
    for out, extract, header in LISTS:
        print(f"{build(args.thesaurus, out, extract, header)} words -> {out}")


if __name__ == "__main__":
    main()
