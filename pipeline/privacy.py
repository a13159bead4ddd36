"""Personal data out of the notes before anything else sees them.

Pure ``str -> str`` redaction of the personal data that Danish seminar notes sometimes hold:

* CPR numbers (``DDMMÅÅ-LLLL`` or ``DDMMÅÅLLLL``). A ten-digit number counts as a CPR number only
  when its first six digits are a real date once the century is taken from the seventh digit
  (the CPR-kontoret rule below). The modulus-11 check is *not* used: CPR numbers issued since
  1 October 2007 need not satisfy it, so a mod-11 test would let valid numbers through.
* e-mail addresses;
* Danish phone numbers: eight digits written together or in pairs/fours (``12345678``,
  ``12 34 56 78``, ``1234 5678``), optionally after ``+45`` or ``0045``. A number that starts
  with 0 is not taken (Danish numbers never do), nor one followed by ``kr.``, ``%``, ``mio.``
  and the like, two years (``2024 2025``) or a compact date (``20240101``);
* names from a list in the configuration (``[privacy] names``), matched as whole words with
  the first letter as written (so the name ``Bo`` does not hide the verb ``bo``), also in
  capitals and in the genitive (``Bos``, ``Bo's``).

Each match is replaced by a placeholder (``[CPR]``, ``[e-mail]``, ``[telefon]``, ``[navn]``);
the caller gets the number of matches per kind, never the matched text.

Things that look like numbers but are not personal data are left alone: amounts
(``1.200.000 kr.``, ``12000000 kr.``), years and year ranges (``2024-2025``, ``2024 2025``),
dates (``01.02.2024``, ``20240101``), percentages and case or account numbers of other shapes
(``sag 24/12345``, ``1234-5678901``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "Redactor",
    "cpr_birth_date",
    "describe_counts",
    "is_cpr",
    "redact",
    "redact_frame",
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

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Not part of a longer number: no digit, and no digit behind a . , / - or : on either side.
_NUM_BEFORE = r"(?<!\d)(?<![\d][.,/:-])"
_NUM_AFTER = r"(?!\d)(?![.,/:-]\d)"
_CPR_RE = re.compile(_NUM_BEFORE + r"(\d{6})[-‐‑– ]?(\d{4})" + _NUM_AFTER)
_PHONE_RE = re.compile(
    r"(?:(?<![\w+])(?:\+|00)45[ \u00a0]?|" + _NUM_BEFORE + r")"
    r"(?<!\+)([1-9]\d(?:[ \u00a0]?\d\d){3}|[1-9]\d{3}[ \u00a0]\d{4})" + _NUM_AFTER
)
_AMOUNT_AFTER_RE = re.compile(r"^\s*(?:kr\b|kr\.|kroner|dkk|mio|mia|t\.\s?kr|%|procent|euro|€|borgere|personer|timer)", re.I)
_AMOUNT_BEFORE_RE = re.compile(r"(?:kr\.?|dkk|€|budget\w*|beløb\w*)\s*$", re.I)


def cpr_birth_date(digits: str) -> dt.date | None:
    """The birth date of a ten-digit CPR number, or ``None`` when the digits are not one.

    The century follows from the seventh digit (CPR-kontoret): 0–3 → 1900s; 4 and 9 → 2000s
    for years 00–36, else 1900s; 5–8 → 2000s for years 00–57, else 1800s.
    """
    digits = re.sub(r"\D", "", digits)
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


def is_cpr(text: str) -> bool:
    """Whether ``text`` is a CPR number (with or without the dash) whose date exists."""
    return bool(re.fullmatch(r"\d{6}[-‐‑– ]?\d{4}", text.strip())) and cpr_birth_date(text) is not None


def _looks_like_amount(text: str, start: int, end: int) -> bool:
    return bool(_AMOUNT_AFTER_RE.match(text[end:]) or _AMOUNT_BEFORE_RE.search(text[max(0, start - 12) : start]))


def _is_year(digits: str) -> bool:
    return 1900 <= int(digits) <= 2099


def _is_compact_date(digits: str) -> bool:
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return _is_year(digits[:4])


def _is_phone(text: str, match: re.Match) -> bool:
    number = match.group(1)
    digits = re.sub(r"\D", "", number)
    has_prefix = match.start() != match.start(1)
    if has_prefix:
        return True
    if _looks_like_amount(text, match.start(1), match.end(1)):
        return False
    halves = number.split()
    if len(halves) == 2 and _is_year(halves[0]) and _is_year(halves[1]):
        return False  # "2024 2025": two years
    return not (len(halves) == 1 and _is_compact_date(digits))


def _name_pattern(names: Iterable[str]) -> re.Pattern | None:
    variants: set[str] = set()
    for name in names:
        name = " ".join(str(name).split())
        if not name:
            continue
        variants.update({name, name.upper(), name[:1].upper() + name[1:]})
    if not variants:
        return None
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:'s|'|s)?(?![\w-])")


@dataclass(frozen=True)
class Redactor:
    """Redacts the chosen kinds of personal data and counts what it removed.

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
        """Return ``text`` with personal data replaced by placeholders, and the count per kind."""
        counts: Counter = Counter()
        if not isinstance(text, str) or not text:
            return text, counts

        def sub(pattern: re.Pattern, kind: str, text: str, keep=None) -> str:
            def repl(match: re.Match) -> str:
                if keep is not None and not keep(text, match):
                    return match.group(0)
                counts[kind] += 1
                return PLACEHOLDERS[kind]

            return pattern.sub(repl, text)

        if "email" in self.kinds:
            text = sub(_EMAIL_RE, "email", text)
        if "cpr" in self.kinds:
            text = sub(_CPR_RE, "cpr", text, keep=lambda t, m: cpr_birth_date(m.group(1) + m.group(2)) is not None)
        if "phone" in self.kinds:
            text = sub(_PHONE_RE, "phone", text, keep=_is_phone)
        if self._names_re is not None:
            text = sub(self._names_re, "name", text)
        return text, counts


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


def redact_frame(df, privacy=None):
    """A copy of a table with personal data redacted in every text column (``privacy``: a
    :class:`~pipeline.config.PrivacyConfig`; None means the defaults: redact everything)."""
    if privacy is not None and not privacy.redact:
        return df
    redactor = Redactor(tuple(privacy.kinds), tuple(privacy.names)) if privacy is not None else Redactor()
    out = df.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if col.dtype == object or str(col.dtype).startswith(("str", "string")):
            out.isetitem(i, col.map(lambda v: redactor.redact(v)[0] if isinstance(v, str) else v))
    return out
