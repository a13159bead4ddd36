"""How general a Danish noun is: the share of a reference corpus's documents that use it.

A noun that turns up in documents about anything ("plads", "system", "lov", "hus", "samarbejde")
names no point on its own: two groups who both write it may mean different things ("plads til
vækst" / "plads til alle"). A rare or domain noun ("demens", "cyberangreb", "grænsehandel") does
name one. The measure is the noun's *document frequency* in the Copenhagen Dependency Treebank
(CDT: 469 documents of news and other prose, lemmatised by hand), shipped as
``data/noun_documents.tsv`` (``lemma<TAB>documents``; the first line ``#documents<TAB>N``), built
by ``training/build_noun_generality.py`` from ``../shared/data/cdt-danish``. A noun is general
when at least :data:`GENERAL_SHARE` of the documents use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

__all__ = [
    "GENERAL_SHARE",
    "TABLE",
    "count_noun_documents",
    "is_general_noun",
    "noun_share",
    "specific_part",
    "write_table",
]

TABLE = Path(__file__).parent / "data" / "noun_documents.tsv"

#: A noun used in at least this share of the reference documents is general (1 in 67 documents;
#: in CDT at least 8 of 469 documents). A round share, not fitted to a word: it makes general
#: "plads", "lov", "hus", "system", "samarbejde" and leaves specific "energi" and "mad" (6 documents),
#: "kvalitet" (5), "velfærd" (1), "demens" (0).
GENERAL_SHARE = 0.015

#: Nouns used in fewer documents than this are left out of the shipped table (they are specific).
MIN_DOCUMENTS = 2


def count_noun_documents(documents: Iterable[Iterable[str]]) -> tuple[int, Counter]:
    """The number of documents and, per common-noun lemma, how many of them use it.

    Args:
        documents: Per document, its lines in CDT's CoNLL format (id, form, lemma, tag, ...);
            a common noun has the tag ``NC``. Lemmas are lowercased.

    Returns:
        ``(documents, Counter lemma → documents using it)``.
    """
    counts: Counter = Counter()
    n = 0
    for lines in documents:
        n += 1
        seen = set()
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 3 and cols[3] == "NC" and cols[2] not in ("", "_"):
                seen.add(cols[2].lower())
        counts.update(seen)
    return n, counts


def write_table(n_documents: int, counts: Counter, path: Path = TABLE) -> None:
    """Write the table: the number of documents, then ``lemma<TAB>documents`` most used first."""
    rows = sorted(((w, c) for w, c in counts.items() if c >= MIN_DOCUMENTS), key=lambda wc: (-wc[1], wc[0]))
    text = f"#documents\t{n_documents}\n" + "".join(f"{w}\t{c}\n" for w, c in rows)
    path.write_text(text, encoding="utf-8")


@lru_cache(maxsize=1)
def _table() -> tuple[int, dict[str, int]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    n = int(lines[0].split("\t")[1])
    return n, {w: int(c) for w, c in (line.split("\t") for line in lines[1:] if line)}


def noun_share(lemma: str) -> float:
    """The share of the reference documents that use the noun (0.0 for one it does not list)."""
    n, counts = _table()
    return counts.get(lemma.lower(), 0) / n if n else 0.0


def is_general_noun(lemma: str) -> bool:
    """Whether a noun lemma is general: used in at least :data:`GENERAL_SHARE` of the reference documents.

    >>> is_general_noun("plads"), is_general_noun("demens")
    (True, False)
    """
    return noun_share(lemma) >= GENERAL_SHARE


def _names_no_point(head: str) -> bool:
    """A compound head whose point lies in its modifier: general by use, or a general or empty noun."""
    from pipeline.danish.frame_words import EMPTY_NOUNS, GENERAL_NOUNS, MEASURE_NOUNS

    return is_general_noun(head) or head in GENERAL_NOUNS | MEASURE_NOUNS | EMPTY_NOUNS


def specific_part(lemma: str, extended: bool = False) -> str | None:
    """What a compound noun is about when its head names no point of its own: its modifier.

    "trafikplan" is a plan (a general noun) *for traffic*: naming the traffic names the point, so
    the specific part is "trafik". ``extended``: the noun was followed by a general extender
    ("lokalsamfundsprojekter og lignende", :func:`pipeline.danish.extenders.strip_extender`), which
    says the head is only an example: "lokalsamfund" is the specific part whatever the head.
    None for a word that is no compound, or whose head carries a point of its own
    ("ældrepleje" is care, not the elderly).

    >>> specific_part("trafikplan"), specific_part("ældrepleje")
    ('trafik', None)
    """
    from pipeline.danish.compound_split import modifier_and_head

    split = modifier_and_head(lemma)
    if split is None:
        return None
    modifier, head = split
    return modifier if extended or _names_no_point(head) else None
