"""Danish alphabetical order: æ, ø and å come after z (in that order), as in a Danish dictionary."""

from __future__ import annotations

import re

__all__ = ["natural_key", "sort_key"]

# Characters just after "z" in code-point order, so "æ" < "ø" < "å" sort after every other letter;
# the German/Swedish forms sort as their Danish letters.
_AFTER_Z = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})
_DIGITS = re.compile(r"(\d+)")


def sort_key(text: str) -> str:
    """A key that puts words in Danish alphabetical order, ignoring case.

    ``"Ø"`` sorts after ``"Z"``, before ``"Å"``.
    """
    return text.casefold().translate(_AFTER_Z)


def natural_key(text: str) -> tuple:
    """Danish alphabetical order with numbers by value.

    ``"S 2"`` before ``"S 10"``, ``"Bord Ø"`` before ``"Bord Å"``. Ties (names that differ only
    in case) are broken by the text itself, so the order is total.
    """
    parts = _DIGITS.split(sort_key(text))
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p), text
