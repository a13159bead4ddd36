"""Grading adjectives: words that say how much or how severe a thing is ("grov vold", "stor forskel").

A label of a question's own noun with such a word ("Grov vold" for "Skal straffen for vold og
voldtægt skærpes?") restates the question: the groups answered about its noun, at its severe
end. The words are a curated lexicon, ``data/grading_words.txt``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .frame_words import read_lexicon

__all__ = ["QUANTITY_COMPARATIVES", "is_grading"]

_DATA = Path(__file__).with_name("data") / "grading_words.txt"

#: Comparatives of quantity before a noun: the direction of a point ("mindre kontrol", "flere
#: ressourcer"). They are stop words, so a key phrase leaves them out; a one-group label keeps them.
QUANTITY_COMPARATIVES = frozenset({"mere", "flere", "mindre", "færre"})


@lru_cache(maxsize=1)
def _grading_words() -> frozenset[str]:
    """The lemmas of ``data/grading_words.txt``."""
    return read_lexicon(_DATA.name)


def is_grading(lemma: str) -> bool:
    """Whether an adjective's lemma only grades a thing's degree ("grov", "alvorlig"; not "tidlig")."""
    return lemma.lower() in _grading_words()
