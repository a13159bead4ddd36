"""Danish general extenders: "og lignende", "m.m.", "osv." at the end of a list item.

A question's option "lokalsamfundsprojekter og lignende" is the local-community projects *and
things like them*: the extender has no content of its own (its lemma "lignende" is no word a group
must say), and it widens the item before it, so a group that names what the item is about
("lokalsamfundets kulturliv") has named the option (see :func:`pipeline.danish.generality.specific_part`).
The extenders are data (``data/general_extenders.txt``).
"""

from __future__ import annotations

import re

from pipeline.danish.frame_words import read_lexicon

__all__ = ["GENERAL_EXTENDERS", "strip_extender"]

#: The extenders, lowercase (``data/general_extenders.txt``).
GENERAL_EXTENDERS: frozenset[str] = read_lexicon("general_extenders.txt")

# Longest first, so "og lign." is not read as a shorter extender; whole words at the end of the text.
_AT_END = re.compile(
    r"(?:^|(?<=[\s,]))(?:"
    + "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in sorted(GENERAL_EXTENDERS, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)


def strip_extender(text: str) -> tuple[str, bool]:
    """The text without a general extender at its end, and whether it had one.

    >>> strip_extender("lokalsamfundsprojekter og lignende")
    ('lokalsamfundsprojekter', True)
    >>> strip_extender("grøn omstilling")
    ('grøn omstilling', False)
    """
    match = _AT_END.search(text)
    if match is None:
        return text, False
    return text[: match.start()].rstrip(" ,\t\n"), True
