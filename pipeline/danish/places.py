"""Danish nouns that name a place: where a placing preposition gives a setting, not a point.

"aktiviteter på plejehjemmene" places activities in a building; "kvaliteten i anbringelser"
does not: an "anbringelse" is an act, and the phrase says what the quality is of. A noun names a
place when DanNet calls it a kind of a place: one of its broader words ("(overbegreb)" in the
DanNet thesaurus, ``../shared/data/dannet-thesaurus``) is a place word (:data:`PLACE_ROOTS`:
"sted", "bygning", "institution", "område" …), or a broader word's broader word is one of the
concrete ones (:data:`CONCRETE_ROOTS`: "kommune" → "distrikt" → "område"). "sted" is not followed a
second step: DanNet's "placering" is a "sted", but an "anbringelse" (a placing) is no place.
The list is shipped as ``data/place_nouns.txt``, built by ``training/build_dannet_lists.py``; a
compound is a place when its head is ("ældrecenter" as "center"). Licence of DanNet: see
``data/DANNET-LICENSE.txt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

__all__ = ["CONCRETE_ROOTS", "PLACE_ROOTS", "TABLE", "is_place_noun", "names_setting", "place_nouns"]

TABLE = Path(__file__).parent / "data" / "place_nouns.txt"

#: A noun whose broader word is one of these names a place.
PLACE_ROOTS = frozenset({"sted", "bygning", "institution", "område", "lokalitet", "lokale"})
#: Two steps up only these count ("sted" would make a "placering" of an "anbringelse").
CONCRETE_ROOTS = frozenset({"bygning", "institution", "område", "lokalitet"})


def _broader(lines: Iterable[str]) -> dict[str, set[str]]:
    """Noun → its one-word broader words over all its senses, from MyThes lines of the DanNet thesaurus."""
    out: dict[str, set[str]] = {}
    head = None
    for line in lines:
        line = line.rstrip("\n")
        if not line.startswith("(") and "|" in line:
            head = line.split("|")[0].strip().lower()
            continue
        if head is None or not line.startswith("(navneord)"):
            continue
        for field in line.split("|")[1:]:
            if field.endswith("(overbegreb)"):
                word = field[: -len("(overbegreb)")].split("(")[0].strip().lower()
                if word and " " not in word:
                    out.setdefault(head, set()).add(word)
    return out


def place_nouns(lines: Iterable[str]) -> frozenset[str]:
    """The nouns that name a place (see the module docs), from the DanNet thesaurus in MyThes format."""
    broader = _broader(lines)
    out = set()
    for noun, up in broader.items():
        if up & PLACE_ROOTS or any(broader.get(b, set()) & CONCRETE_ROOTS for b in up):
            out.add(noun)
    return frozenset(out)


@lru_cache(maxsize=1)
def _table() -> frozenset[str]:
    if not TABLE.exists():
        return frozenset()
    return frozenset(w for w in TABLE.read_text(encoding="utf-8").split() if w)


def is_place_noun(lemma: str) -> bool:
    """Whether a noun lemma names a place ("plejehjem", "kommune", "ældrecenter"; not "anbringelse")."""
    from pipeline.danish.lemmatizer import split_compound

    word = lemma.lower()
    if word in _table():
        return True
    parts = split_compound(word)
    return len(parts) > 1 and parts[-1] in _table()


def names_setting(word: str, lemma: str) -> bool:
    """Whether a noun after a placing preposition can be where something happens.

    A noun that names a place ("på plejehjem", "i kommunen"), or one in the definite form: "i
    ældreplejen", "i familierne" refer to the known field or circle the discussion is set in. An
    indefinite noun that names no place says what something is of or made of: "kvaliteten i
    anbringelser" is the quality of placements, not a quality found somewhere.
    """
    from pipeline.danish.inflection import is_definite

    return is_place_noun(lemma) or is_definite(word, lemma)
