"""Word families: the words of a text that share a word, as a whole word or a compound's part.

A family is named by one word (its key) and holds every word that is the key or has it as a
part, at any depth of the compound and on either side of a hyphen: the family "asyl" holds
"asyl", "asylansøger", "asylcenter", "specialasylcenter"; "flygtning" holds "kvoteflygtning"
and "flygtningepres". Unlike the points rule (:func:`pipeline.themes.points.says`), a modifier
counts here: a family says which words a text uses, not what its point is.

Two more rules join words that are spelled apart:

* the lexicon :data:`SAME_NAMES` (``data/same_names.txt``): words that name one thing
  ("corona" and "covid-19" are one disease); curated, true synonyms only;
* a country adjective in ``-(i)sk`` and the country's name written in the same texts
  (:func:`adjective_name`: "russisk" / "Rusland", "ukrainsk" / "Ukraine", "tysk" / "Tyskland").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["SAME_NAMES", "adjective_name", "family_keys", "same_name"]

_DATA = Path(__file__).with_name("data") / "same_names.txt"


def _read_same_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        for w in words:
            out[w.casefold()] = words[0].casefold()
    return out


#: Word → the first word of its line in ``data/same_names.txt`` (the name of the set).
SAME_NAMES: dict[str, str] = _read_same_names()


def same_name(word: str) -> str:
    """The name of the set ``word`` belongs to in :data:`SAME_NAMES`, else the word itself."""
    return SAME_NAMES.get(word.casefold(), word.casefold())


def _hyphen_parts(word: str) -> list[str]:
    """The parts of a hyphenated word, a number kept with the word before it ("covid-19-test")."""
    out: list[str] = []
    for part in word.split("-"):
        if not part:
            continue
        if part.isdigit() and out:
            out[-1] += "-" + part
        else:
            out.append(part)
    return out


@lru_cache(maxsize=100_000)
def family_keys(lemma: str, min_length: int = 4) -> frozenset[str]:
    """The families a lemma belongs to: the word itself and each part of it, at any depth.

    Each key goes through :func:`same_name` ("coronakrise" → "covid-19", "krise"). Parts shorter
    than ``min_length`` letters are no family ("it" in "it-sikkerhed" is too short to say anything
    on its own; a number is no family).

    Args:
        lemma: One lemma (lowercase).
        min_length: The shortest part that names a family.

    Returns:
        The family keys.
    """
    from pipeline.danish.lemmatizer import split_compound

    keys: set[str] = set()
    todo = [lemma.casefold()]
    while todo:
        word = todo.pop()
        if word in keys:
            continue
        if len(word.replace("-", "")) >= min_length and not word.replace("-", "").isdigit():
            keys.add(word)
        parts = _hyphen_parts(word) if "-" in word and word not in SAME_NAMES else split_compound(word)
        if len(parts) > 1:
            todo += [p for p in parts if p != word]
    return frozenset(same_name(k) for k in keys)


def adjective_name(adjective: str, names: frozenset[str]) -> str | None:
    """The name among ``names`` that a country adjective in ``-(i)sk`` is formed from, if any.

    "russisk" → "rusland", "ukrainsk" → "ukraine", "tysk" → "tyskland", "italiensk" → "italien":
    the adjective without ``-isk``/``-sk`` (a doubled last consonant single: "russ" → "rus"), with
    ``-land``, ``-e`` or nothing after it, or the adjective with ``-land``. Only a proper name
    counts (``names``, lowercased: written with a capital letter inside a sentence and never in
    lower case), so "politisk" is not joined with the common noun "politi".

    Args:
        adjective: A lemma (lowercase).
        names: Lowercased proper names written in the same texts.

    Returns:
        The name, or None.
    """
    if not adjective.endswith("sk") or len(adjective) < 4:
        return None
    stems = {adjective[:-2]}
    if adjective.endswith("isk"):
        stems.add(adjective[:-3])
    stems |= {s[:-1] for s in stems if len(s) > 2 and s[-1] == s[-2]}
    candidates = [adjective + "land", *(s + end for s in sorted(stems) for end in ("land", "e", ""))]
    return next((c for c in candidates if len(c) >= 4 and c in names), None)
