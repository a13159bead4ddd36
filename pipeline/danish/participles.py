"""Present participles that are adjectives of their own: "lignende", "tilsvarende", "glimrende".

A present participle ("-ende") is a form of its verb ("de manglende midler": "mangle"), except
where Danish has made it an adjective with a meaning of its own: "lignende" is *similar*, not
a form of "ligne" (to resemble), and "og lignende" says nothing about resembling. UD Danish
lemmatises such an adjective as itself ("tilsvarende", "glimrende", "indlysende"), the verb's
participle as the verb. Which participles are adjectives is the dictionary's word, not the
treebank's (CDT tags "lignende" as a participle of "ligne"): DanNet holds them as adjective
entries ("(tillægsord)"). The list is shipped as ``data/participle_adjectives.txt``, built by
``training/build_dannet_lists.py``. Licence of DanNet: see ``data/DANNET-LICENSE.txt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

__all__ = [
    "PAST_PARTICIPLE_ENDINGS",
    "PRESENT_PARTICIPLE_ENDING",
    "TABLE",
    "is_participle_adjective",
    "is_present_participle",
    "participle_adjectives",
    "spelt_as_participle",
    "spelt_as_past_participle",
    "spelt_as_present_participle",
]

TABLE = Path(__file__).parent / "data" / "participle_adjectives.txt"

#: The ending of a present participle ("forebyggende", "manglende").
PRESENT_PARTICIPLE_ENDING = "ende"
#: Endings of a past participle's forms ("differentierede", "styrket", "målrettet", "tilpasset"),
#: which a finite past tense shares ("diskuterede"): the spelling alone does not tell them apart.
PAST_PARTICIPLE_ENDINGS = ("ede", "ete", "te", "et")
_ENDING = PRESENT_PARTICIPLE_ENDING


def spelt_as_present_participle(word: str) -> bool:
    """Whether a word form ends as a present participle does ("-ende"), of any length.

    >>> spelt_as_present_participle("Boende"), spelt_as_present_participle("boet")
    (True, False)
    """
    return word.lower().endswith(PRESENT_PARTICIPLE_ENDING)


def spelt_as_past_participle(word: str) -> bool:
    """Whether a word form ends as a past participle's forms do ("styrket", "målrettede").

    >>> [spelt_as_past_participle(w) for w in ("Styrket", "målrettede", "styrke")]
    [True, True, False]
    """
    return word.lower().endswith(PAST_PARTICIPLE_ENDINGS)


def spelt_as_participle(word: str) -> bool:
    """Whether a word form ends as a past or a present participle does ("tilpasset", "manglende").

    >>> spelt_as_participle("tilpasset"), spelt_as_participle("manglende"), spelt_as_participle("skaber")
    (True, True, False)
    """
    return spelt_as_past_participle(word) or spelt_as_present_participle(word)


def is_present_participle(word: str) -> bool:
    """Whether a word form reads as a present participle: "-ende" after a stem ("forebyggende").

    More than five letters, so that "ende" and "vende" are not one. The tagger calls such a word
    VERB; it modifies a noun ("forebyggende tiltag") rather than taking an object.

    >>> is_present_participle("Forebyggende"), is_present_participle("vende")
    (True, False)
    """
    return len(word) > 5 and spelt_as_present_participle(word)


def participle_adjectives(lines: Iterable[str]) -> frozenset[str]:
    """The one-word "-ende" entries whose first sense is an adjective, from the DanNet thesaurus.

    MyThes lines: an entry line is ``word|senses``; each sense line after it starts with its
    word class in brackets ("(tillægsord)" for an adjective). The first sense is the word's main
    reading: "kommende" is first a noun sense in DanNet's grouping and an adjective only after,
    and UD lemmatises it as the verb's participle ("den kommende uge": "komme").
    """
    out = set()
    head = None
    for line in lines:
        if not line.startswith("(") and "|" in line:
            head = line.split("|")[0].strip().lower()
            continue
        if head and line.startswith("(tillægsord)") and head.endswith(_ENDING) and head.isalpha():
            out.add(head)
        head = None  # only the first sense line counts
    return frozenset(out)


@cache
def _table() -> frozenset[str]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.strip().lower()) and not w.startswith("#"))


def is_participle_adjective(form: str) -> bool:
    """Whether a word form is a present participle Danish uses as an adjective of its own ("lignende").

    >>> is_participle_adjective("Lignende"), is_participle_adjective("manglende")
    (True, False)
    """
    low = form.lower()
    return low.endswith(_ENDING) and low in _table()
