"""Personal data out of the notes before anything else sees them.

Pure ``str -> str`` redaction of the personal data that Danish seminar notes sometimes hold. Every
text is first brought to one normalised form (:func:`normalise_text`: NFC, no soft hyphens, zero-width
or control characters) and matched in a folded copy (:func:`fold_for_matching`: look-alike letters of
other scripts, digits of other scripts, dashes and spaces folded), so nothing invisible hides a match.

* CPR numbers in every written form: ``DDMMÅÅ-LLLL``, ``DDMMÅÅLLLL``, with a space, dot, slash or
  dash (with spaces around it or not: ``150585 -1234``) before the serial number, the date written
  with separators (``12.03.79-1233``, ``12 03 79 1233``), two joined by a slash. The digits count as
  a CPR number only when their first six digits are a real date once the century is taken from the
  seventh digit (the CPR-kontoret rule below). The modulus-11 check is *not* used: CPR numbers issued
  since 1 October 2007 need not satisfy it. A written date of this century with a clock time
  (``mødet 12.03.25 1430``) is a date unless the text names a CPR number.
* e-mail addresses, also written ``navn (at) kommune.dk``;
* Danish phone numbers by context first, then by shape: after ``tlf.``, ``mobil``, ``ring``, ``+45``
  (also ``45 23 45 67 89``) any Danish grouping of eight digits is a phone number (``2045 2078``,
  ``20231105``, ``20 452 078``); after ``CVR-nr.``, ``SE-nr.``, ``konto``, ``sag``, ``post…``, ``§``, a
  budget word (``rammen er 45000000``) or before ``kr.``, ``%``, ``mio.`` it is kept. Without context
  the shape decides: pairs, fours, 3-2-3 and 4-2-2 (``7012 12 12``) are phone numbers; two years,
  ranges (``8700-8781``, ``1000-2000``), dates (``20240101``) and thousands groups (``12.345.678``)
  are not;
* names from a list in the configuration (``[privacy] names``), whole or in parts (first name,
  surname, either half of a double surname), in any letter case, in the genitive, and as the first
  part of a compound (``Vestergaard-modellen``). A listed name that is also a Danish word (``Per``,
  ``Bo``, ``Storm``) is taken only where it reads as a name: capitalised inside a sentence, followed
  by a surname or a verb of saying (``udgiften per borger`` stays).

The same filter is applied to every text that can reach an output, not only note text: the
configuration's own texts (:func:`redact_config`), input file names and sheet names, messages
(:func:`redact_message`), every cell and header of a ``seminar topics`` table (:func:`redact_frame`);
the published configuration holds the number of listed names, never the names
(:func:`public_config_dict`). Examples of what is redacted and kept: ``docs/bad-input.md``.

Each match is replaced by a placeholder (``[CPR]``, ``[e-mail]``, ``[telefon]``, ``[navn]``);
the caller gets the number of matches per kind, never the matched text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "Redactor",
    "cpr_birth_date",
    "describe_counts",
    "fold_for_matching",
    "is_cpr",
    "normalise_text",
    "public_config_dict",
    "redact",
    "redact_codebook",
    "redact_config",
    "redact_frame",
    "redact_message",
    "redactor_for",
]

#: Kinds of personal data, in the order they are looked for.
KINDS = ("email", "cpr", "phone", "name")
PLACEHOLDERS = {"email": "[e-mail]", "cpr": "[CPR]", "phone": "[telefon]", "name": "[navn]"}
_DANISH = {
    "email": ("e-mailadresse", "e-mailadresser"),
    "cpr": ("CPR-nummer", "CPR-numre"),
    "phone": ("telefonnummer", "telefonnumre"),
    "name": ("navn", "navne"),
}

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015"
# Characters that carry no letter of their own: Word's optional (soft) hyphen, zero-width spaces
# and joiners, direction marks, the byte-order mark, and control characters other than line breaks
# and tabs. They are removed before any check, so "Han\u00adne" and "0102\u200b031234" are found.
_INVISIBLE_RE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
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


# --- e-mail -------------------------------------------------------------------------------------
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:@|\s?[(\[{]\s?(?:at|snabel-?a)\s?[)\]}]\s?)[\w-]+(?:(?:\.|\s?[(\[{]\s?dot\s?[)\]}]\s?)[\w-]+)*"
    r"(?:\.|\s?[(\[{]\s?dot\s?[)\]}]\s?)[A-Za-z]{2,}(?![\w-])",
    re.I,
)
# --- numbers --------------------------------------------------------------------------------------
# Not part of a longer number: no digit, and no digit behind a . , - or : on either side. A slash
# separates two numbers ("010203-1234/150585-1234"), so it does not join them.
_NUM_BEFORE = r"(?<!\d)(?<!\d[.,:-])"
_NUM_AFTER = r"(?!\d)(?![.,:-]\d)"
# DDMMÅÅ-LLLL in every written form: the date together or with one separator used twice
# (12.03.79, 12 03 79, 12-03-79, 12/03/79), then nothing or a separator, with spaces around it or
# not ("150585 -1234"), before the serial number. Only a real date (century rule) makes it a CPR number.
_CPR_RE = re.compile(_NUM_BEFORE + r"(\d{2})([ ./-]?)(\d{2})\2(\d{2})(\s?[-./]\s?|\s|)(\d{4})" + _NUM_AFTER)
# Eight digits in the Danish groupings (12345678, 12 34 56 78, 1234 5678, 123 45 678, 7012 12 12,
# 20 452 078), each with one separator used throughout, after +45, 0045, (+45) or a bare "45 " in
# front of four pairs ("45 23 45 67 89").
_PHONE_RE = re.compile(
    r"(?:(?P<prefix>(?<![\w+])\(?(?:\+|00)45\)?[ .-]?|(?<![\w+])45[ .-](?=\d\d([ .-])\d\d\2\d\d\2\d\d(?!\d)))|"
    + _NUM_BEFORE + r"(?<!\d )(?<!\+))"
    r"(?P<number>\d{8}"
    r"|\d{4}(?P<s1>[ .-])\d{4}"
    r"|\d\d(?P<s2>[ .-])\d\d(?P=s2)\d\d(?P=s2)\d\d"
    r"|\d{3}(?P<s3>[ .-])\d\d(?P=s3)\d{3}"
    r"|\d{4}(?P<s4>[ .-])\d\d(?P=s4)\d\d"
    r"|\d\d(?P<s5>[ .-])\d{3}(?P=s5)\d{3})" + _NUM_AFTER
)
_AMOUNT_AFTER_RE = re.compile(
    r"^\s*(?:kr\b|kr\.|kroner|dkk|mio|mia|t\.\s?kr|%|procent|euro|€|borgere|personer|timer|elever|stk\b)", re.I
)
# What the words just before a number say it is. The nearest such word in the same sentence wins:
# "tlf." makes a phone number of "2045 2078"; "CVR-nr.", "rammen er" or "postnumrene" keep the number.
_CONTEXT_WORDS = {
    "phone": r"tlf|telefon(?:nummer|numre|nr|tid)?|mobil(?:nummer|numre|nr|tlf)?|mob|ring|ringe|ringer|ringede|ringes"
    r"|sms|fax|direkte|hotline|opkald|kontakt|kontaktnummer|kontakttelefon",
    "id": r"cvr\w*|se-?nr\w*|se-?nummer\w*|p-?nr\w*|p-?nummer\w*|ean\w*|konto\w*|reg\w*|sag\w*|j\.?\s?nr|journal\w*"
    r"|faktura\w*|ordre\w*|bilag\w*|post\w*|§+|stk|lov\w*|bekendtgørelse\w*|matr\w*|isbn|issn|version|id",
    "amount": r"ramme\w*|budget\w*|beløb\w*|udgift\w*|bevilg\w*|pulje\w*|tilskud\w*|bespar\w*|spar\w*|koste\w*|pris\w*"
    r"|omkostning\w*|investering\w*|finansier\w*|indtægt\w*|underskud\w*|overskud\w*|million\w*|mio|mia|kr|kroner"
    r"|dkk|takst\w*|løn\w*|gæld\w*|afdrag\w*|lån\w*|kassebeholdning\w*|anlæg\w*|drift\w*|ca|cirka|omkring|over|under",
    "date": r"dato|den|d|mødet|møde|kl|klokken|år|året|årene|periode\w*|uge",
}
_CONTEXT_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _CONTEXT_WORDS.items()) + r")(?![\w])", re.I
)
# A CPR number named as such.
_CPR_WORD_RE = re.compile(r"(?<![\w])(?:cpr\w*|person\s?n(?:umme)?r\w*|personnr|fødselsdato)", re.I)


# The label of a company's or a place's number directly before it: "P-nummer", "CVR-nr.", "EAN:".
_ID_LABEL_RE = re.compile(r"(?<![\w])(?:p|cvr|se|ean|gln)[- ]?(?:nr|nummer|no)?\.?:?\s*$", re.I)


def _in_address(text: str, start: int) -> bool:
    """Whether the number at ``start`` is part of a web address ("www.kommune.dk/2024/12345678")."""
    token = text[:start].rsplit(None, 1)[-1] if text[:start].strip() else ""
    return "/" in token and ("://" in token or token.lower().startswith("www."))


def _sentence_before(text: str, start: int, width: int = 60) -> str:
    """The text of the same sentence before ``start`` (at most ``width`` characters)."""
    window = text[max(0, start - width) : start]
    cut = max(window.rfind("\n"), window.rfind("!"), window.rfind("?"))
    for m in re.finditer(r"[.;]\s+(?=[A-ZÆØÅ])", window):
        cut = max(cut, m.start())
    return window[cut + 1 :]


def _context(text: str, start: int) -> str | None:
    """The kind the nearest context word before ``start`` gives a number: phone, id, amount, date."""
    before = _sentence_before(text, start)
    last = None
    for m in _CONTEXT_RE.finditer(before):
        last = m
    if last is None:
        return None
    # At most three words between the context word and the number ("rammen er 45000000",
    # "ring til Hanne på 2345 6789"); numbers and separators do not count ("tlf. 1234 5678 / 2345 6789").
    if len(re.findall(r"[^\W\d_]+", before[last.end() :])) > 3:
        return None
    return last.lastgroup


def cpr_birth_date(digits: str) -> dt.date | None:
    """The birth date of a ten-digit CPR number, or ``None`` when the digits are not one.

    The century follows from the seventh digit (CPR-kontoret): 0–3 → 1900s; 4 and 9 → 2000s
    for years 00–36, else 1900s; 5–8 → 2000s for years 00–57, else 1800s.
    """
    digits = re.sub(r"\D", "", fold_for_matching(digits))
    if len(digits) != 10:
        return None
    day, month, yy, seventh = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    if seventh <= 3:
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    try:
        return dt.date(century + yy, month, day)
    except ValueError:
        return None


def _is_time(digits: str) -> bool:
    return len(digits) == 4 and int(digits[:2]) <= 23 and int(digits[2:]) <= 59


def _is_cpr(text: str, match: re.Match) -> bool:
    """A date and serial number that make a CPR number; "mødet 12.03.25 1430" is a date and a time."""
    if cpr_birth_date("".join(match.group(1, 3, 4, 6))) is None:
        return False
    if _ID_LABEL_RE.search(text[max(0, match.start() - 16) : match.start()]) or _in_address(text, match.start()):
        return False  # "P-nummer 1003388394": ten digits of a production unit, not a person
    date_sep, serial_sep = match.group(2), match.group(5)
    if date_sep in (".", "/", "-") and serial_sep.isspace() and _is_time(match.group(6)) and int(match.group(4)) < 40:
        # A written date of this century, a space and a clock time ("12.03.25 1430"): as a CPR number
        # (a serial that reads as a time starts 0-2, so the person would be born 1900-1939) only
        # where the text says so.
        return bool(_CPR_WORD_RE.search(_sentence_before(text, match.start(), 30)))
    return True


def is_cpr(text: str) -> bool:
    """Whether ``text`` is a CPR number (in any written form) whose date exists."""
    text = fold_for_matching(normalise_text(text).strip())
    match = _CPR_RE.fullmatch(text)
    return match is not None and cpr_birth_date("".join(match.group(1, 3, 4, 6))) is not None


def _looks_like_amount(text: str, start: int, end: int) -> bool:
    return bool(_AMOUNT_AFTER_RE.match(text[end:]))


def _is_year(digits: str) -> bool:
    return 1900 <= int(digits) <= 2099


def _is_date(parts: list[str]) -> bool:
    """Whether the groups of an eight-digit number are a date (2024 02 26, 26.02.2024, 20240101, 26022024)."""
    joined = "".join(parts)
    candidates = []
    if [len(p) for p in parts] in ([8], [4, 2, 2]):
        candidates.append((joined[:4], joined[4:6], joined[6:8]))
    if [len(p) for p in parts] in ([8], [2, 2, 4]):
        candidates.append((joined[4:8], joined[2:4], joined[0:2]))
    for year, month, day in candidates:
        if not _is_year(year):
            continue
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
        return True
    return False


def _is_phone(text: str, match: re.Match) -> bool:
    """Whether a number of a Danish phone shape is a phone number.

    The context decides first (``tlf.``, ``+45`` make it one; ``CVR-nr.``, ``kr.``, a budget word,
    a postcode word keep it), then the shape (two years, a range, a date, thousands groups are not
    phone numbers). A round figure without context ("20000000") is taken as a phone number: the
    budget sentence that makes it an amount ("rammen er 45000000") says so.
    """
    number = match.group("number")
    if match.group("prefix") or match.start() != match.start("number"):
        return True
    if _in_address(text, match.start()):
        return False
    context = _context(text, match.start())
    if context == "phone":
        return True
    if context in ("id", "amount") or _looks_like_amount(text, match.start(), match.end()):
        return False
    parts = re.split(r"[ .-]", number)
    digits = "".join(parts)
    if digits[0] == "0":
        return False  # Danish numbers never start with 0
    if _is_date(parts) or (context == "date" and len(parts) == 2 and _is_time(parts[0]) and _is_time(parts[1])):
        return False
    if len(parts) == 2:
        first, second = int(parts[0]), int(parts[1])
        if (_is_year(parts[0]) and _is_year(parts[1])) or 1000 <= first < second <= 2099:
            return False  # "2024 2025", "2024-2025", "(1894-1895)": two years
        if first < second and first % 10 == 0 and second % 10 == 0 and number[4] != " ":
            return False  # "1000-2000", "1500–2500": a range of round figures
        if number[4] == "-" and first < second and second - first < 1000:
            return False  # "8700-8781": a range of postcodes or figures
    if [len(p) for p in parts] == [2, 3, 3]:
        return False  # "12 345 678", "12.345.678": thousands, a phone only after +45 or tlf.
    return True


# --- names ----------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _lower_case_words() -> frozenset[str]:
    """Danish words as written in lower case (treebank lexicon, stop words, names that are words).

    A listed name that is such a word is taken only where it reads as a name.
    """
    from pipeline.danish.name_words import COMMON_WORD_NAMES

    try:
        from pipeline.danish.lemmatizer import default_model
        from pipeline.danish.stop_words import STOP_WORDS

        return frozenset(w for w in default_model().lex if w.islower()) | frozenset(STOP_WORDS) | COMMON_WORD_NAMES
    except Exception:  # no lexicon: only the known ones are words
        return COMMON_WORD_NAMES


# Genitive: "Jensens", "Jensen's", and a bare apostrophe only after s, x or z ("Lars'").
_GENITIVE = r"(?:['\u2019]s|(?<=[sxzSXZ])['\u2019]|s)?"


def _name_variants(names: Iterable[str]) -> set[str]:
    """Whole names, their words and the parts of a double name ("Møller-Kjær": "Møller", "Kjær")."""
    variants: set[str] = set()
    for name in names:
        words = fold_for_matching(normalise_text(str(name))).split()
        if not words:
            continue
        variants.add(" ".join(words))
        parts = set(words) if len(words) > 1 else set()
        for word in words:
            if "-" in word:
                parts.update(word.split("-"))
        variants.update(p for p in parts if len(p) >= 2 and any(c.isalpha() for c in p))
    return variants


def _name_pattern(names: Iterable[str]) -> re.Pattern | None:
    """Listed names and their parts in any letter case, with a genitive ending.

    Also as the first part of a compound ("Vestergaard-modellen", "Vestergaardmodellen").
    """
    variants = _name_variants(names)
    if not variants:
        return None
    # Words of a whole name may stand without a space ("HanneJensen" once a zero-width space is gone).
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s*") for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?P<name>{alternatives}){_GENITIVE}(?P<rest>[^\W\d_]*)", re.IGNORECASE)


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|^\s*[-•*\u2013]\s+|[\"'«»„“(]\s*)$")


def _is_name(text: str, match: re.Match, words: frozenset[str]) -> bool:
    """Whether a match of a listed name reads as the name.

    A name that is not a Danish word always; one that is ("Per", "Bo", "Storm") only capitalised
    inside a sentence, or followed by a surname or a verb of saying; never written in lower case as
    the word ("udgiften per borger").
    """
    from pipeline.danish.name_words import SAYING_VERBS

    found, rest = match.group("name"), match.group("rest")
    if rest:  # a closed compound: only a long name that is no Danish word ("Vestergaardmodellen")
        return len(found) >= 5 and found.casefold() not in words and rest.islower() and len(rest) >= 3
    if len(found.split()) > 1 or found.casefold() not in words:
        return True
    after = text[match.end() :]
    next_word = re.match(r"\s+([^\W\d_][\w-]*)", after)
    if next_word and next_word.group(1).casefold() in SAYING_VERBS:
        return True
    if found.islower() or found.isupper():
        return False
    if not found[0].isupper():
        return False
    if next_word and next_word.group(1)[0].isupper() and next_word.group(1)[1:].islower():
        return True  # "Per Hansen": followed by a surname
    if re.match(r"\s+(?:og|eller)\s+[A-ZÆØÅ][a-zæøå]", after):
        return True  # "Bo og Per mente": one of two names
    return not _SENTENCE_START_RE.search(text[max(0, match.start() - 5) : match.start()])


@dataclass(frozen=True)
class Redactor:
    """Redacts the chosen kinds of personal data and counts what it removed.

    Every text is normalised first (:func:`normalise_text`), and matched in its folded form
    (:func:`fold_for_matching`), so soft hyphens, zero-width spaces, decomposed letters and
    look-alike letters hide nothing.

    Attributes:
        kinds: Kinds to redact (a subset of :data:`KINDS`).
        names: Person names to redact (kind ``"name"``).
    """

    kinds: tuple[str, ...] = KINDS
    names: tuple[str, ...] = ()
    _names_re: re.Pattern | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_names_re", _name_pattern(self.names) if "name" in self.kinds else None)

    def redact(self, text: str) -> tuple[str, Counter]:
        """Return ``text`` normalised, with personal data replaced by placeholders, and the count per kind."""
        counts: Counter = Counter()
        if not isinstance(text, str) or not text:
            return text, counts
        text = normalise_text(text)
        folded = fold_for_matching(text)
        spans: list[tuple[int, int, str]] = []

        def find(pattern: re.Pattern, kind: str, keep=None, group: str | int = 0) -> None:
            for match in pattern.finditer(folded):
                start, end = match.span(group)
                if any(s < end and start < e for s, e, _ in spans):
                    continue
                if keep is not None and not keep(folded, match):
                    continue
                spans.append((start, end, kind))

        if "email" in self.kinds:
            find(_EMAIL_RE, "email")
        if "cpr" in self.kinds:
            find(_CPR_RE, "cpr", _is_cpr)
        if "phone" in self.kinds:
            find(_PHONE_RE, "phone", _is_phone)
        if self._names_re is not None:
            words = _lower_case_words()
            for match in self._names_re.finditer(folded):
                start, end = match.start(), match.end() - len(match.group("rest"))
                if any(s < end and start < e for s, e, _ in spans) or not _is_name(folded, match, words):
                    continue
                spans.append((start, end, "name"))
        if not spans:
            return text, counts
        out, pos = [], 0
        for start, end, kind in sorted(spans):
            out += [text[pos:start], PLACEHOLDERS[kind]]
            counts[kind] += 1
            pos = end
        out.append(text[pos:])
        return "".join(out), counts


def redact(text: str, kinds: Iterable[str] = KINDS, names: Iterable[str] = ()) -> str:
    """Convenience: ``text`` with the given kinds of personal data replaced by placeholders."""
    return Redactor(tuple(kinds), tuple(names)).redact(text)[0]


def describe_counts(counts: dict[str, int]) -> str:
    """Danish summary of redaction counts: ``"2 CPR-numre, 1 e-mailadresse"``; ``"ingen"`` when none."""
    parts = []
    for kind in KINDS:
        n = int(counts.get(kind, 0))
        if n:
            one, many = _DANISH[kind]
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) or "ingen"


def _redact_cell(redactor: Redactor, value, header: str = ""):
    """A table cell of any type without personal data.

    Text is redacted; a number is redacted as it is written (an integral float without its ``.0``),
    read after its column's header (a "beløb" column holds amounts, a "tlf." column phone numbers),
    and becomes the placeholder text when it is personal data (a phone typed into a number column).
    """
    if isinstance(value, str):
        return redactor.redact(value)[0]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return value
    written = str(int(value)) if float(value).is_integer() else str(value)
    context = redactor.redact(f"{header}: ")[0] if header else ""
    redacted = redactor.redact(context + written)[0]
    if redacted == context + written:
        return value
    return redacted.removeprefix(context) if redacted.startswith(context) else redactor.redact(written)[0]


def redact_frame(df, privacy=None):
    """A copy of a table with personal data redacted in every cell of any type and in the headers.

    ``privacy``: a :class:`~pipeline.config.PrivacyConfig`; None means the defaults (redact everything).
    """
    if privacy is not None and not privacy.redact:
        return df
    redactor = Redactor(tuple(privacy.kinds), tuple(privacy.names)) if privacy is not None else Redactor()
    out = df.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        header = str(out.columns[i])
        new = col.map(lambda v, h=header: _redact_cell(redactor, v, h))
        if not new.equals(col):
            out.isetitem(i, new.astype(object) if new.map(type).nunique() > 1 else new)
    out.columns = [redactor.redact(c)[0] if isinstance(c, str) else _redact_cell(redactor, c) for c in out.columns]
    return out


def redactor_for(privacy) -> Redactor | None:
    """The :class:`Redactor` of a :class:`~pipeline.config.PrivacyConfig`; None when redaction is off."""
    if privacy is None:
        return Redactor()
    return Redactor(tuple(privacy.kinds), tuple(privacy.names)) if privacy.redact else None


#: The redactor of the configuration read last: terminal messages are redacted with it too.
_SESSION: list[Redactor | None] = [Redactor()]


def redact_config(cfg):
    """``cfg`` with personal data removed from every text of it that can reach an output.

    The seminar's name and municipality and each core area's name, theme, question and aliases
    are redacted (a core area's name is redacted in the notes the same way, so they still match).
    The names list itself stays in the configuration (the redactor needs it) but is never
    written out: see :func:`public_config_dict`.
    """
    from dataclasses import replace

    redactor = redactor_for(cfg.privacy)
    _SESSION[0] = redactor
    if redactor is None:
        return cfg

    def clean(value):
        if isinstance(value, str):
            return redactor.redact(value)[0]
        if isinstance(value, tuple):
            return tuple(clean(v) for v in value)
        return value

    areas = tuple(
        replace(
            a,
            name=clean(a.name),
            theme=clean(a.theme),
            question=clean(a.question),
            aliases=clean(a.aliases),
            committee=clean(a.committee),
        )
        for a in cfg.core_areas
    )
    return replace(cfg, name=clean(cfg.name), municipality=clean(cfg.municipality), core_areas=areas)


def redact_message(text: str) -> str:
    """A message for the terminal, the manifest or a report without personal data (the kinds and
    names of the configuration read last; every kind when none was read)."""
    redactor = _SESSION[0] or Redactor(KINDS)
    return redactor.redact(text)[0] if isinstance(text, str) else text


def public_config_dict(cfg) -> dict:
    """The configuration as plain data for the published ``seminar.config.toml``: the
    ``[privacy] names`` list is replaced by how many names it has (the names are personal data),
    and every other text (input file, sheet and column names, stop words, committees) is redacted."""
    from pipeline.config import config_to_dict

    data = config_to_dict(cfg)
    privacy = data.get("privacy", {})
    names = privacy.pop("names", [])
    privacy["names_not_published"] = len(names)
    redactor = redactor_for(cfg.privacy)
    if redactor is None:
        return data

    def clean(value):  # every text of it: file, sheet and column names, stop words, committees
        if isinstance(value, str):
            return redactor.redact(value)[0]
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return {k: (v if k == "privacy" else clean(v)) for k, v in data.items()}


def redact_codebook(codebook, privacy=None):
    """The analyst's codebook with personal data removed from what it publishes: theme names,
    memos and core-area names (redacted as in the configuration, so they still match)."""
    from dataclasses import replace

    redactor = redactor_for(privacy) if privacy is not None else _SESSION[0]
    if codebook is None or redactor is None:
        return codebook

    def clean(value: str) -> str:
        return redactor.redact(value)[0] if isinstance(value, str) else value

    entries = tuple(
        replace(
            e,
            area=clean(e.area),
            name=clean(e.name),
            memo=clean(e.memo),
            split=tuple(replace(p, name=clean(p.name), memo=clean(p.memo)) for p in e.split),
        )
        for e in codebook.entries
    )
    return replace(codebook, entries=entries)
