"""Where a person lives and banks: street addresses and bank account numbers, found by their form.

A street address is a street name followed by a house number: a capitalised word ending in a
Danish street ending (:func:`~pipeline.danish.name_words.street_suffixes`: "Nørregade 12",
"Skolevej 5B") or a run of capitalised words whose last is such an ending ("Lise Nørgaards Vej 3",
"Store Torv 1"), with the floor and side and the postcode and town after it when written
("Nørregade 12, 2. tv, 8722 Hedensted"). A street named without a number ("på Nørregade") is a
place, not an address, and stays; so do a postcode and town alone ("8700 Horsens").

A bank account is an IBAN ("DK50 0040 0440 1162 43") or a registration and account number
("1234-5678901234", "1234 567890") that a word of accounts ("konto", "kontonr.", "reg.nr.") names
in the same sentence just before it.
"""

from __future__ import annotations

import re

__all__ = ["account_spans", "address_spans"]

_CAP = r"[A-ZÆØÅ][a-zæøåäöüé]+(?:-[A-ZÆØÅ][a-zæøåäöüé]+)*"
# the part after the house number: ", 2. tv", " st. th.", ", 1. sal", then ", 8722 Hedensted"
_FLOOR = r"(?:,?\s(?:st|kl|\d{1,2})\.?(?:\s?(?:tv|th|mf|sal|\d{1,3})\b)?)?"
_TOWN = rf"(?:,?\s\d{{4}}\s{_CAP}(?:\s{_CAP})?)?"


# a run of capitalised words (the street's name) and a house number not part of a longer figure
_ADDRESS_RE = re.compile(
    rf"(?<![\w-])(?P<street>{_CAP}(?:\s{_CAP}){{0,3}})\s(?P<number>\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}}[A-Za-z]?)?)(?![\w,.]\d|[\d%\w])"
    rf"{_FLOOR}{_TOWN}(?![\w])"
)


def _is_street(words: list[str]) -> bool:
    """Whether the last of these capitalised words ends a street name ("Nørregade", "Nørgaards Vej")."""
    from pipeline.danish.name_words import street_suffixes

    last = words[-1].casefold()
    ends = [s for s in street_suffixes() if last.endswith(s)]
    # one word must hold more than the ending: "Vejen 3" or "Plads 2" is no street
    return bool(ends) and (len(words) > 1 or any(len(last) > len(s) for s in ends))


def address_spans(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses with their house number (and floor, postcode and town when written)."""
    spans = []
    for match in _ADDRESS_RE.finditer(text):
        words = match.group("street").split()
        # "Nørregade" alone is the street ("I Nørregade 12"); a bare ending takes the words
        # before it ("Lise Nørgaards Vej 3", "Store Torv 1")
        if _is_street(words[-1:]):
            words = words[-1:]
        elif not _is_street(words):
            continue
        street = " ".join(words)
        spans.append((match.start("street") + len(match.group("street")) - len(street), match.end()))
    return spans


_IBAN_RE = re.compile(r"(?<![\w])(?:DK|dk)\d{2}(?:\s?\d{4}){3}\s?\d{2}(?![\w])")
_ACCOUNT_RE = re.compile(r"(?<![\w.,-])\d{4}(?:[ -]|\s-\s)\d{6,10}(?![\w]|[.,]\d)")
_ACCOUNT_WORD_RE = re.compile(
    r"(?<![\w])(?:konto\w*|reg\.?\s?nr\.?|reg\.?-?nummer|registreringsnummer)", re.I
)


# A payment card's number: 16 digits (Dankort, Visa, Mastercard) together or in fours with one
# separator, or 15 as 4-6-5 (American Express). No figure is written so: an amount has thousands
# dots, a date or a phone number fewer digits.
_CARD_RE = re.compile(
    r"(?<![\w.,-])(?:\d{4}(?P<s>[ -]?)\d{4}(?P=s)\d{4}(?P=s)\d{4}|\d{4}(?P<a>[ -]?)\d{6}(?P=a)\d{5})"
    r"(?![\w]|[.,-]?\d)"
)
# An account number named as one on its own, without its registration number ("kontonr. 1234567890",
# "Konto: 12345678"). A budget's account is written in groups with dots ("hovedkonto 5.32.32"), so a
# run of six to ten digits after the word is a bank's.
_ACCOUNT_NUMBER_RE = re.compile(
    r"(?<![\w])(?:kontonr|kontonummer|konto-?nr|konto)\.?:?\s*(?P<number>\d{6,10})(?![\w]|[.,]\d)", re.I
)


def account_spans(text: str) -> list[tuple[int, int]]:
    """Spans of bank accounts and cards.

    An IBAN, a payment card's number, a registration and account number after a word of accounts,
    or an account number after "konto" or "kontonr.".
    """
    spans = [m.span() for m in _IBAN_RE.finditer(text)]
    spans += [m.span() for m in _CARD_RE.finditer(text)]
    spans += [m.span("number") for m in _ACCOUNT_NUMBER_RE.finditer(text)]
    for match in _ACCOUNT_RE.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        before = re.split(r"[!?;]|\.\s+(?=[A-ZÆØÅ])", before)[-1]
        if _ACCOUNT_WORD_RE.search(before):
            spans.append(match.span())
    return sorted(spans)
