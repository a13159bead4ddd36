"""E-mail addresses, CPR numbers and Danish phone numbers, found by their form and their context."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.privacy.text import fold_for_matching, normalise_text

# --- e-mail -------------------------------------------------------------------------------------
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:\s?@\s?|\s?[(\[{]\s?(?:at|snabel-?a)\s?[)\]}]\s?)[\w-]+(?:(?:\.|\s?[(\[{]\s?dot\s?[)\]}]\s?)[\w-]+)*"
    r"(?:\.|\s?[(\[{]\s?dot\s?[)\]}]\s?)[A-Za-z]{2,}(?![\w-])",
    re.I,
)
# Spoken out without brackets ("mette at kommune dot dk"): the bare "at" is a Danish word, so only
# with a bare "dot" or "punktum" after it.
_EMAIL_SPOKEN_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s(?:at|snabel-?a)\s[\w-]+(?:\s(?:dot|punktum)\s[\w-]+)*"
    r"\s(?:dot|punktum)\s[A-Za-z]{2,}(?![\w-])",
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
    r"(?:(?P<prefix>(?<![\w+])\(?(?:\+|00)45\)?[ .-]?|(?<![\w+])45[ .-](?=\d\d([ "
    r".-])\d\d\2\d\d\2\d\d(?!\d)))|" + _NUM_BEFORE + r"(?<!\d )(?<!\+))"
    r"(?P<number>\d{8}"
    r"|\d{4}(?P<s1>[ .-])\d{4}"
    r"|\d\d(?P<s2>[ .-])\d\d(?P=s2)\d\d(?P=s2)\d\d"
    r"|\d{3}(?P<s3>[ .-])\d\d(?P=s3)\d{3}"
    r"|\d{4}(?P<s4>[ .-])\d\d(?P=s4)\d\d"
    r"|\d\d(?P<s5>[ .-])\d{3}(?P=s5)\d{3})" + _NUM_AFTER
)
_AMOUNT_AFTER_RE = re.compile(
    r"^\s*(?:kr\b|kr\.|kroner|dkk|mio|mia|t\.\s?kr|%|procent|euro|€|borgere|personer|timer|elever|stk\b)",
    re.I,
)
# What the words just before a number say it is. The nearest such word in the same sentence wins:
# "tlf." makes a phone number of "2045 2078"; "CVR-nr.", "rammen er" or "postnumrene" keep the number.
_CONTEXT_WORDS = {
    "phone": r"tlf|telefon(?:nummer|numre|nr|tid)?|mobil(?:nummer|numre|nr|tlf)?|mob"
    r"|ring|ringe|ringer|ringede|ringes"
    r"|sms|fax|direkte|hotline|opkald|kontakt|kontaktnummer|kontakttelefon",
    "id": r"cvr\w*|se-?nr\w*|se-?nummer\w*|p-?nr\w*|p-?nummer\w*|ean\w*|konto\w*|reg\w*|sag\w*"
    r"|j\.?\s?nr|journal\w*"
    r"|faktura\w*|ordre\w*|bilag\w*|post\w*|§+|stk|lov\w*|bekendtgørelse\w*|matr\w*|isbn|issn|version|id",
    "amount": r"ramme\w*|budget\w*|beløb\w*|udgift\w*|bevilg\w*|pulje\w*|tilskud\w*|bespar\w*|spar\w*"
    r"|koste\w*|pris\w*"
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


def _in_hex_id(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start:end`` are part of a hexadecimal id ("a0101901234b", a file's hash).

    The run's word holds only the digits and the letters a-f, at least one of them: a note's or a
    theme's id in an output, never a number a person wrote.
    """
    left = re.search(r"[0-9a-f]*$", text[:start]).group()
    right = re.match(r"[0-9a-f]*", text[end:]).group()
    outside = text[start - len(left) - 1 : start - len(left)] + text[end + len(right) : end + len(right) + 1]
    return bool(re.search(r"[a-f]", left + right)) and not re.search(r"\w", outside)


# A phone word written onto the number ("tlf12345678", "mobil22334455"): glued, and still a phone.
_PHONE_WORD_GLUED_RE = re.compile(r"(?:tlf|tel|telefon|mobil|mob|fax)$", re.I)


def _glued_to_letters(text: str, start: int, end: int) -> bool:
    """Whether a digit run touches a letter on either side ("ec12345678ab", "x12345678", "12345678x").

    Such a run is part of an id or a code, not a number written on its own: a phone number is
    written apart from the words around it, unless a phone word is glued to it ("tlf12345678").
    """
    glued = (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())
    return glued and not _PHONE_WORD_GLUED_RE.search(text[:start])


def _is_time(digits: str) -> bool:
    return len(digits) == 4 and int(digits[:2]) <= 23 and int(digits[2:]) <= 59


def _is_cpr(text: str, match: re.Match) -> bool:
    """A date and serial number that make a CPR number; "mødet 12.03.25 1430" is a date and a time."""
    if cpr_birth_date("".join(match.group(1, 3, 4, 6))) is None:
        return False
    if match.group().isdigit() and _in_hex_id(text, match.start(), match.end()):
        return False  # "a0101901234b": ten digits inside an id of an output
    if _ID_LABEL_RE.search(text[max(0, match.start() - 16) : match.start()]) or _in_address(
        text, match.start()
    ):
        return False  # "P-nummer 1003388394": ten digits of a production unit, not a person
    date_sep, serial_sep = match.group(2), match.group(5)
    if (
        date_sep in (".", "/", "-")
        and serial_sep.isspace()
        and _is_time(match.group(6))
        and int(match.group(4)) < 40
    ):
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
    if _glued_to_letters(text, match.start(), match.end()):
        return False  # "ec12345678ab": eight digits of an id
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
    if _is_date(parts) or (
        context == "date" and len(parts) == 2 and _is_time(parts[0]) and _is_time(parts[1])
    ):
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
