"""Denials of existence: "der er ikke modstrid", "der findes ingen løsning" say that a thing is not there.

A noun right after a negation is mostly what a group says it lacks or does not mean ("vi har
ikke et konkret forslag"), no point of its own. But an existential clause ("der er", "der
findes") with the negation says the thing does not exist, and that is the claim: "Der er ikke
modstrid mellem vækst og miljø" is the point "Ingen modstrid" (:func:`denies_existence`).
"""

from __future__ import annotations

__all__ = ["denies_existence"]

#: Lemmas of the verbs of an existential clause ("der er", "der findes", "der eksisterer").
_EXISTENTIAL = frozenset({"være", "finde", "findes", "eksistere"})
#: Words that may stand between the verb and the negation ("der er dog ikke", "der er altså ingen").
_BETWEEN = frozenset({"dog", "altså", "jo", "faktisk", "overhovedet", "slet", "i", "virkeligheden", "reelt"})


def denies_existence(tokens: list[str], lemmas: list[str], negation: int) -> bool:
    """Whether the negation at ``negation`` is an existential clause's: "der er ikke", "der findes ingen".

    >>> denies_existence("Der er ikke modstrid".split(), "der være ikke modstrid".split(), 2)
    True
    >>> denies_existence("Vi har ikke et forslag".split(), "vi have ikke en forslag".split(), 2)
    False
    """
    i = negation - 1
    while i >= 0 and tokens[i].lower() in _BETWEEN:
        i -= 1
    return i >= 1 and lemmas[i].lower() in _EXISTENTIAL and tokens[i - 1].lower() == "der"
