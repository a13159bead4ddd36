"""Danish synonyms from DanNet: which words name the same thing ("fleksibilitet" / "smidighed").

The table ``data/synonyms_da.tsv.gz`` is processed from the DanNet 2.2 thesaurus in MyThes
format (``../shared/data/dannet-thesaurus/``; licence notice in ``data/DANNET-LICENSE.txt``):
one-word synonyms, kept only when each word is listed in the other's first (main) sense:
a word's side senses join it to words it rarely means ("styrke" is listed with "kvalitet" in
a side sense, so "individets styrker" is not "kvaliteten"). Words marked as hypernym or
hyponym are left out: "tiltag" is a kind of "foranstaltning", not the same point. Rebuild it
with ``python -m pipeline.danish.thesaurus SRC.dat OUT.tsv.gz``.

Thesauri cover few words of a discussion ("partnerskab", "skræddersyet" are missing), so a
synonym is one signal among several (:mod:`pipeline.themes.points`).
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["build_table", "synonyms"]

TABLE = Path(__file__).parent / "data" / "synonyms_da.tsv.gz"


def _word(text: str) -> str | None:
    w = text.strip().lower()
    return w if w and " " not in w and all(ch.isalpha() or ch == "-" for ch in w) and len(w) > 2 else None


def build_table(lines) -> dict[str, set[str]]:
    """Mutual main-sense one-word synonyms from MyThes lines (the first line names the encoding)."""
    first: dict[str, set[str]] = {}
    head, first_sense = None, False
    for line in lines:
        line = line.rstrip("\n")
        if not line.startswith("(") and "|" in line:
            head, first_sense = _word(line.split("|")[0]), True
            continue
        if head is None or not line.startswith("("):
            continue
        if first_sense:  # the first sense of each entry (a word has an entry per word class)
            for field in line.split("|")[1:]:
                if "(" in field:  # (overbegreb) / (underbegreb): a broader or narrower word
                    continue
                other = _word(field)
                if other and other != head:
                    first.setdefault(head, set()).add(other)
        first_sense = False
    table: dict[str, set[str]] = {}
    for word, others in first.items():
        for other in others:
            if word in first.get(other, ()):
                table.setdefault(word, set()).add(other)
    return table


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    if not TABLE.exists():
        return {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
        return {
            word: frozenset(rest.split())
            for word, _, rest in (line.rstrip("\n").partition("\t") for line in fh)
        }


def synonyms(lemma: str) -> frozenset[str]:
    """The DanNet synonyms of a lemma (empty when it has none or is not in the table)."""
    return _table().get(lemma.lower(), frozenset())


def main(argv: list[str]) -> int:
    src, out = Path(argv[0]), Path(argv[1])
    with src.open(encoding="utf-8") as fh:
        table = build_table(fh)
    with gzip.GzipFile(out, "wb", mtime=0) as gz:
        gz.write("".join(f"{w}\t{' '.join(sorted(s))}\n" for w, s in sorted(table.items())).encode("utf-8"))
    print(f"{len(table)} words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
