"""The redactor: every kind of personal data in one pass over the normalised, folded text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.privacy.addresses import account_spans, address_spans
from pipeline.privacy.case_names import file_name_names, lower_case_names, upper_case_names
from pipeline.privacy.forms import _CPR_RE, _EMAIL_RE, _EMAIL_SPOKEN_RE, _PHONE_RE, _is_cpr, _is_phone
from pipeline.privacy.names import (
    _is_name,
    _lower_case_words,
    _name_pattern,
    honorific_names,
    surname_names,
    unlisted_names,
)
from pipeline.privacy.text import fold_for_matching, normalise_text

KINDS = ("email", "cpr", "phone", "name", "address", "account")
PLACEHOLDERS = {
    "email": "[e-mail]",
    "cpr": "[CPR]",
    "phone": "[telefon]",
    "name": "[navn]",
    "address": "[adresse]",
    "account": "[kontonummer]",
}
# Passes over a text until nothing more is found; each pass only shortens what the next one reads.
_MAX_PASSES = 4
_DANISH = {
    "email": ("e-mailadresse", "e-mailadresser"),
    "cpr": ("CPR-nummer", "CPR-numre"),
    "phone": ("telefonnummer", "telefonnumre"),
    "name": ("navn", "navne"),
    "address": ("adresse", "adresser"),
    "account": ("kontonummer", "kontonumre"),
}


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
        """Compile the listed names once."""
        object.__setattr__(self, "_names_re", _name_pattern(self.names) if "name" in self.kinds else None)

    def redact(self, text: str) -> tuple[str, Counter]:
        """Return ``text`` normalised, with personal data replaced by placeholders, and the count per kind.

        The redacted text is read again until nothing more is found (at most a few times): a placeholder
        can end a word that the personal data was glued to ("fru tlf12345678" is "fru tlf[telefon]"), and
        what the filter finds in its own output it would find in a published page. So redacting twice
        changes nothing.
        """
        counts: Counter = Counter()
        for _ in range(_MAX_PASSES):
            text, found = self._redact_once(text)
            if not found:
                break
            counts.update(found)
        return text, counts

    def _redact_once(self, text: str) -> tuple[str, Counter]:
        counts: Counter = Counter()
        if not isinstance(text, str) or not text:
            return text, counts
        text = normalise_text(text)
        folded = fold_for_matching(text)
        spans: list[tuple[int, int, str]] = []

        def add(found: list[tuple[int, int]], kind: str, replace: str = "") -> None:
            for start, end in found:
                # a wider span of another kind takes the place of the names inside it
                if replace:
                    spans[:] = [x for x in spans if not (x[2] == replace and start <= x[0] and x[1] <= end)]
                if not any(s < end and start < e for s, e, _ in spans):
                    spans.append((start, end, kind))

        def find(pattern: re.Pattern, kind: str, keep=None, group: str | int = 0) -> None:
            add([m.span(group) for m in pattern.finditer(folded) if keep is None or keep(folded, m)], kind)

        if "email" in self.kinds:
            find(_EMAIL_RE, "email")
            find(_EMAIL_SPOKEN_RE, "email")
        # an account before the CPR and phone forms: "1234-5678901234" holds digits of both
        if "account" in self.kinds:
            add(account_spans(folded), "account")
        if "cpr" in self.kinds:
            find(_CPR_RE, "cpr", _is_cpr)
        if "phone" in self.kinds:
            find(_PHONE_RE, "phone", _is_phone)
        # names and streets are read with an underscore as the space it stands for in a file name
        # or a column header ("Mette_Hansen_noter.docx"); one character for one, so spans still fit
        spaced = folded.replace("_", " ")
        if "name" in self.kinds:
            words = _lower_case_words()
            found = [
                (m.start(), m.end() - len(m.group("rest")))
                for m in (self._names_re.finditer(spaced) if self._names_re is not None else ())
                if _is_name(spaced, m, words)
            ]
            # the listed names first, then those no list holds
            found += honorific_names(spaced) + unlisted_names(spaced, words)
            found += surname_names(spaced, words)
            found += lower_case_names(spaced, words) + upper_case_names(spaced, words)
            add(found + file_name_names(folded, words), "name")
        # an address last: a street named after a person ("Lise Nørgaards Vej 3") is an address
        if "address" in self.kinds:
            add(address_spans(spaced), "address", replace="name")
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
