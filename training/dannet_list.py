"""One DanNet word list built from the thesaurus: the shared body of the ``build_*`` scripts that read it.

A list is one lemma a line, sorted, under a comment line that says what it is: deterministic, so a
rebuild from the same thesaurus gives the same bytes.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "dannet-thesaurus" / "th_da_DK_dannet.dat"


def build(source: Path, out: Path, extract: Callable[[Iterable[str]], Iterable[str]], header: str) -> int:
    """Read the thesaurus at ``source``, write ``extract``'s words to ``out`` under ``header``; how many."""
    if not source.exists():
        raise SystemExit(f"{source} not found: pass --thesaurus with the DanNet thesaurus (.dat)")
    with source.open(encoding="utf-8", errors="replace") as fh:
        words = sorted(extract(fh))
    out.write_text(f"# {header}\n" + "".join(f"{w}\n" for w in words), encoding="utf-8")
    return len(words)


def main(
    argv: list[str] | None,
    *,
    description: str,
    table: Path,
    extract: Callable[[Iterable[str]], Iterable[str]],
    header: str,
    what: str,
) -> None:
    """Command line: ``--thesaurus`` the DanNet .dat file, ``--out`` the list."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--thesaurus", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=table)
    args = parser.parse_args(argv)
    print(f"{build(args.thesaurus, args.out, extract, header)} {what} -> {args.out}")
