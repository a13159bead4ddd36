"""One normalised form of every text before any personal-data check, and a folded copy to match in."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_for_matching", "normalise_text"]

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015"
# Characters that carry no letter of their own: Word's optional (soft) hyphen, zero-width spaces
# and joiners, direction marks, the byte-order mark, and control characters other than line breaks
# and tabs. They are removed before any check, so "Han\u00adne" and "0102\u200b031234" are found.
_INVISIBLE_RE = re.compile(
    r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
# Letters of other scripts that look like Latin ones ("Hanne" typed with Cyrillic H, a and e): folded for
# matching only; the text keeps them where nothing is found.
_CONFUSABLES = str.maketrans(
    "АВЕКМНОРСТХУЅІЈаеорсухіјѕԁһӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧαεικνοτυχ",
    "ABEKMHOPCTXYSIJaeopcyxijsdhlABEZHIKMNOPTYXaeikvotux",
)


def normalise_text(text: str) -> str:
    """The one normalised form of a text, before any personal-data check and any output.

    NFC (``Åse`` as A + ring becomes one letter), no soft hyphens, zero-width or direction marks,
    no control characters other than line breaks and tabs.
    """
    if not isinstance(text, str):
        return text
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))


def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch
    folded = ch.translate(_CONFUSABLES)
    if folded != ch:
        return folded
    if ch.isdecimal():
        return str(unicodedata.decimal(ch))
    if ch in _DASHES or ch == "\u2212":
        return "-"
    if ch.isspace():
        return " "
    nfkc = unicodedata.normalize("NFKC", ch)  # fullwidth and mathematical letters
    return nfkc if len(nfkc) == 1 else ch


def fold_for_matching(text: str) -> str:
    """``text`` with look-alike letters, digits of other scripts, dashes and spaces folded.

    One character for one, so a match in the folded text is a match in the text.
    """
    return "".join(_fold_char(ch) for ch in text)
