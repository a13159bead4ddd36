"""Personal data out of the notes before anything else sees them.

Pure ``str -> str`` redaction of the personal data that Danish seminar notes sometimes hold:

* CPR numbers in every common written form: ``DDMMÅÅ-LLLL``, ``DDMMÅÅLLLL``, with a space, dot or
  slash before the serial number, or the date written with separators (``12.03.79-1233``,
  ``12 03 79 1233``). The digits count as a CPR number only when their first six digits are a
  real date once the century is taken from the seventh digit (the CPR-kontoret rule below);
  that date check keeps ordinary numbers out. The modulus-11 check is *not* used: CPR numbers
  issued since 1 October 2007 need not satisfy it, so a mod-11 test would let valid numbers through.
* e-mail addresses;
* Danish phone numbers: eight digits together, in pairs, in fours or as 3-2-3, with spaces,
  dashes or dots (``12345678``, ``12 34 56 78``, ``12-34-56-78``, ``1234 5678``, ``1234-5678``),
  optionally after ``+45``, ``0045`` or ``(+45)``. A number that starts with 0 is not taken
  (Danish numbers never do), nor one followed by ``kr.``, ``%``, ``mio.`` and the like, two
  years (``2024 2025``, ``2024-2025``), a range of round figures (``1000-2000``) or a compact
  date (``20240101``);
* names from a list in the configuration (``[privacy] names``), whole or in parts (first name,
  surname), in any letter case and in the genitive (``Hanne Jensens``, ``Bo's``, ``Lars'``);
  only a lower-case word that is also a Danish word (``bo``, ``skov``) is left as the word.

The same filter is applied to every text that can reach an output, not only note text: the
configuration's own texts (:func:`redact_config`), input file names and sheet names, messages
(:func:`redact_message`); the published configuration holds the number of listed names, never
the names (:func:`public_config_dict`).

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
from functools import lru_cache

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "Redactor",
    "cpr_birth_date",
    "describe_counts",
    "is_cpr",
    "redact",
    "public_config_dict",
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

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Not part of a longer number: no digit, and no digit behind a . , / - or : on either side.
_NUM_BEFORE = r"(?<!\d)(?<![\d][.,/:-])"
_NUM_AFTER = r"(?!\d)(?![.,/:-]\d)"
_DASHES = "\u2010\u2011\u2012\u2013\u2014"
# DDMMÅÅ-LLLL in every common written form: the date written together or with one separator
# used twice (12.03.79, 12 03 79, 12-03-79, 12/03/79), then nothing, a dash, a slash, a dot or
# a space before the serial number. Only a real date (century rule) makes it a CPR number.
_CPR_RE = re.compile(
    _NUM_BEFORE + r"(\d{2})([ \u00a0./-]?)(\d{2})\2(\d{2})(?:[- \u00a0./" + _DASHES + r"]|\s[-" + _DASHES + r"]\s)?(\d{4})" + _NUM_AFTER
)
# Eight digits in pairs or fours (12345678, 12 34 56 78, 12-34-56-78, 12.34.56.78, 1234 5678,
# 1234-5678) or 3-2-3 (123 45 678), optionally after +45, 0045 or (+45).
_PHONE_RE = re.compile(
    r"(?:(?<![\w+])\(?(?:\+|00)45\)?[ \u00a0.-]?|" + _NUM_BEFORE + r")"
    r"(?<!\+)([1-9]\d(?P<sep>[ \u00a0.-]?)\d\d(?P=sep)\d\d(?P=sep)\d\d"
    r"|[1-9]\d{3}[- \u00a0." + _DASHES + r"]\d{4}"
    r"|[1-9]\d\d(?P<sep3>[ \u00a0.-])\d\d(?P=sep3)\d{3})" + _NUM_AFTER
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
    match = _CPR_RE.fullmatch(text.strip())
    return match is not None and cpr_birth_date("".join(match.group(1, 3, 4, 5))) is not None


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
    halves = re.split(r"[^\d]+", number)
    if len(halves) == 2:
        first, second = int(halves[0]), int(halves[1])
        if (_is_year(halves[0]) and _is_year(halves[1])) or 1000 <= first < second <= 2099:
            return False  # "2024 2025", "2024-2025", "(1894-1895)": two years
        if first < second and first % 10 == 0 and second % 10 == 0 and not number[4:5].isspace():
            return False  # "1000-2000", "1500–2500": a range of round figures
    return not (len(halves) == 1 and _is_compact_date(digits))


@lru_cache(maxsize=1)
def _lower_case_words() -> frozenset[str]:
    """Danish words as written in lower case (treebank lexicon and stop words): a listed name that
    is also such a word (``Bo``/``bo``, ``Skov``/``skov``) is taken in lower case only as the word."""
    try:
        from pipeline.danish.lemmatizer import default_model
        from pipeline.danish.stop_words import STOP_WORDS

        return frozenset(w for w in default_model().lex if w.islower()) | frozenset(STOP_WORDS)
    except Exception:  # no lexicon: every lower-case match is a name (the safe side)
        return frozenset()


# Genitive: "Jensens", "Jensen's", and a bare apostrophe only after s, x or z ("Lars'").
_GENITIVE = r"(?:['\u2019]s|(?<=[sxzSXZ])['\u2019]|s)?"


def _name_pattern(names: Iterable[str]) -> re.Pattern | None:
    """Whole names and their parts (first name, surname), any letter case, with a genitive ending."""
    variants: set[str] = set()
    for name in names:
        words = str(name).split()
        if not words:
            continue
        variants.add(" ".join(words))
        if len(words) > 1:
            variants.update(w for w in words if len(w) >= 2 and any(c.isalpha() for c in w))
    if not variants:
        return None
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives}){_GENITIVE}(?![\w-])", re.IGNORECASE)


def _is_name(text: str, match: re.Match) -> bool:
    found = match.group(0)
    if not found.islower() or len(found.split()) > 1:
        return True
    word = re.sub(r"['\u2019]s?$", "", found)
    # "bo", "skov": a Danish word in lower case is the word, not the name Bo or Skov.
    return word not in _lower_case_words() and not (word.endswith("s") and word[:-1] in _lower_case_words())


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
            text = sub(_CPR_RE, "cpr", text, keep=lambda t, m: cpr_birth_date("".join(m.group(1, 3, 4, 5))) is not None)
        if "phone" in self.kinds:
            text = sub(_PHONE_RE, "phone", text, keep=_is_phone)
        if self._names_re is not None:
            text = sub(self._names_re, "name", text, keep=_is_name)
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
        replace(a, name=clean(a.name), theme=clean(a.theme), question=clean(a.question), aliases=clean(a.aliases))
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
    and the input file and sheet names are redacted."""
    from pipeline.config import config_to_dict

    data = config_to_dict(cfg)
    privacy = data.get("privacy", {})
    names = privacy.pop("names", [])
    privacy["names_not_published"] = len(names)
    redactor = redactor_for(cfg.privacy)
    if redactor is not None:  # input file and sheet names are read as written, but published redacted
        section = data.get("input", {})
        for key in ("files", "sheet"):
            if isinstance(section.get(key), str):
                section[key] = redactor.redact(section[key])[0]
            elif isinstance(section.get(key), list):
                section[key] = [redactor.redact(v)[0] for v in section[key]]
    return data


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
