"""Whether a label names a thing: one noun that is not an action or a quality.

A noun of an action or a quality ("samarbejde", "fleksibilitet") is a claim on its own: two
groups who write it both ask for more of it, whatever they join to it ("tværfagligt
samarbejde", "samarbejde med virksomheder"). A noun of a thing ("teknologi", "frikadeller") is
only what a claim is about: which thing, or what about it, is what each group says. The theme
stage tests only the latter for groups that each meant their own kind of it
(:mod:`pipeline.themes.kinds`).
"""

from __future__ import annotations

__all__ = ["names_a_thing"]


def names_a_thing(lemmas: str) -> bool:
    """Whether a label's lemmas are one noun of a thing (:func:`pipeline.danish.is_nominalisation` not).

    >>> names_a_thing("teknologi"), names_a_thing("samarbejde"), names_a_thing("sårbar unge")
    (True, False, False)
    """
    from pipeline.danish.inflection import is_nominalisation

    return len(lemmas.split()) == 1 and not is_nominalisation(lemmas)
