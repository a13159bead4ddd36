"""Danish wording of the reports.

Lists, number words, headings that depend on the configuration, Markdown escaping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = [
    "ANALYST_PART",
    "CURATED",
    "GIVEN_OPTIONS",
    "IN_SHORT",
    "MACHINE",
    "QUESTION_WORDS",
    "RECURRING",
    "count",
    "da_decimal",
    "da_list",
    "da_place",
    "escape_markdown",
    "group_label",
    "group_names",
    "groups_text",
    "lower_first",
    "number_word",
    "question_words_source",
    "single_heading",
    "theme_status",
]

#: Names used both on the area pages (:mod:`pipeline.report.pages`) and in the workbook: a theme's
#: one-line summary from the notes, and the themes that only repeat the question's words.
IN_SHORT = "Kort sagt"
#: The heading of an area's recurring themes, and the index column that counts them.
RECURRING = "Tilbagevendende temaer"
#: The heading of an area page's part for the analyst (word counts, suggestions, method), after the points.
ANALYST_PART = "Til analytikeren"
QUESTION_WORDS = "Spørgsmålets egne ord"
#: The heading of the options a question gave, and the workbook's kind of a theme that names one.
GIVEN_OPTIONS = "Spørgsmålets givne muligheder"

#: A theme's status on every page and in the workbook: found by the method and not yet read by
#: an analyst, or confirmed, named, merged, split or pinned to in the analyst's codebook.
MACHINE, CURATED = "Maskinforslag", "Kurateret"


def theme_status(curated: bool) -> str:
    """``"Kurateret"`` for a theme the codebook confirmed or changed, else ``"Maskinforslag"``."""
    return CURATED if curated else MACHINE


_NUMBER_WORDS = {
    1: "én",
    2: "to",
    3: "tre",
    4: "fire",
    5: "fem",
    6: "seks",
    7: "syv",
    8: "otte",
    9: "ni",
    10: "ti",
    11: "elleve",
    12: "tolv",
}


def da_list(items) -> str:
    """Join items as a Danish list: ``"a, b og c"``."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def group_names(groups: Iterable[int], names: Iterable[str]) -> dict[int, str]:
    """The names of the named groups by their ordinal.

    From the notes' ``group`` and ``group_name`` columns.
    """
    return {int(g): str(n) for g, n in zip(groups, names, strict=True) if isinstance(n, str) and n}


def group_label(group: int, names: Mapping[int, str] | None = None, *, capital: bool = False) -> str:
    """A group as every page, table and message names it.

    ``"gruppe 3"``, or its name as written (``"Bord A"``).

    >>> group_label(3), group_label(3, capital=True), group_label(7, {7: "Bord A"})
    ('gruppe 3', 'Gruppe 3', 'Bord A')
    """
    name = (names or {}).get(int(group))
    return name if name else f"{'G' if capital else 'g'}ruppe {int(group)}"


def groups_text(groups: Iterable[int], names: Mapping[int, str] | None = None, *, short: bool = False) -> str:
    """Groups as a Danish list: ``"gruppe 1, 2 og 4"`` (``"gr. 1, 2 og 4"`` in a table); named groups by name.

    >>> groups_text([1, 2, 4]), groups_text([1, 2], short=True)
    ('gruppe 1, 2 og 4', 'gr. 1 og 2')
    >>> groups_text([2, 5, 6], {5: "Bord A", 6: "Gruppe Rød"})
    'gruppe 2, Bord A og Gruppe Rød'
    """
    groups = [int(g) for g in groups]
    if not any((names or {}).get(g) for g in groups):
        return f"{'gr.' if short else 'gruppe'} {da_list(groups)}"
    return da_list(group_label(g, names) for g in groups)


def count(n: int, singular: str, plural: str) -> str:
    """A count with the noun in the right number: ``count(1, "gruppe", "grupper")`` → ``"1 gruppe"``."""
    return f"{n} {singular if n == 1 else plural}"


def da_decimal(value: float, digits: int = 2) -> str:
    """A number as Danish text: decimal comma, thousands separated by a dot (``1234.5`` → ``"1.234,50"``)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


_PLACE_WORDS = {
    "line": "linje",
    "lines": "linje",
    "page": "side",
    "row": "række",
    "sheet": "ark",
    "paragraph": "afsnit",
    "table": "tabel",
    "whole file": "hele filen",
    "cell": "celle",
}
_PLACE_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _PLACE_WORDS), key=len, reverse=True)) + r")\b"
)


def da_place(place: str) -> str:
    """A place in an input file as the readers write it, in Danish.

    ``"page 2, line 14"`` → ``"side 2, linje 14"``.
    """
    return _PLACE_RE.sub(lambda m: _PLACE_WORDS[m.group(1)], str(place))


def lower_first(text: str) -> str:
    """A label inside a sentence.

    First letter in lower case, unless the word is an abbreviation (``IT-sikkerhed``).
    """
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def question_words_source(topic: str | None) -> str:
    """Where the words of the themes that only repeat the question come from, after "ord fra".

    The area's topic ("frivillighed") is given as its question is, and its words are listed with
    the question's: the page's intro to those themes and the synthesis both name the source so.

    >>> question_words_source("frivillighed"), question_words_source("")
    ('spørgsmålet og fra emnet (frivillighed)', 'spørgsmålet')
    """
    return f"spørgsmålet og fra emnet ({topic})" if topic else "spørgsmålet"


def number_word(n: int) -> str:
    """A small count as a Danish word (``3`` → ``"tre"``); larger counts stay digits."""
    return _NUMBER_WORDS.get(int(n), str(n))


def single_heading(recurring_from: int) -> str:
    """The heading over the themes that fewer than ``recurring_from`` groups raised (not recurring).

    >>> single_heading(2)
    'Temaer rejst af én gruppe'
    >>> single_heading(3)
    'Temaer rejst af færre end tre grupper'
    """
    if recurring_from <= 2:
        return "Temaer rejst af én gruppe"
    return f"Temaer rejst af færre end {number_word(recurring_from)} grupper"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])", re.M)


def escape_markdown(text: str) -> str:
    """Escape note text for Markdown: no markup, no raw HTML (``<script>`` shows as text)."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)

    def _line_start(m: re.Match) -> str:
        mark = m.group(2)
        return m.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return _MD_LINE_START.sub(_line_start, text)
