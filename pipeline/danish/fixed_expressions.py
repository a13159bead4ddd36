"""Danish complex prepositions: preposition, noun, preposition working as one preposition.

"på grund af", "i forhold til", "ved hjælp af": the noun in the middle names nothing a group
talked about (UD marks it ``fixed``), so it is never part of a noun phrase, a key phrase or a
keyword ("opgraderinger på grund af teknologiens hurtige udvikling" is about upgrades and
technology, not about a "grund"). Only expressions whose noun has lost its own meaning are
listed: "i samarbejde med" stays out, a collaboration is a point of its own. Checked against
the lowercase word forms.
"""

from __future__ import annotations

COMPLEX_PREPOSITIONS: frozenset[tuple[str, str, str]] = frozenset(
    tuple(line.split())  # type: ignore[misc]
    for line in """
    på grund af
    på baggrund af
    på trods af
    til trods for
    på vegne af
    på bekostning af
    på tværs af
    i forhold til
    i henhold til
    med hensyn til
    med henblik på
    i stedet for
    ved hjælp af
    ved siden af
    i løbet af
    i tilfælde af
    i kraft af
    i lyset af
    i form af
    i retning af
    i anledning af
    som følge af
    i takt med
    """.strip().splitlines()
)


def fixed_nouns(words: list[str]) -> set[int]:
    """Indices of the middle words of the complex prepositions in ``words``."""
    low = [w.lower() for w in words]
    return {i for i in range(1, len(low) - 1) if (low[i - 1], low[i], low[i + 1]) in COMPLEX_PREPOSITIONS}
