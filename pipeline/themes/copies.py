"""Copies: a sentence a group wrote word for word under two core areas, and where it counts.

A note table is typed by hand, one cell per group and area, and a cell can carry a sentence
from another: in the DR set party 1's answer on development aid repeats, word for word, its
answer on the cigarette tax ("... af hensyn til folkesundheden ..."), then goes on about "afgiften
på cigaretter". Counted in both areas, that one sentence makes "Sundhed, 2 af 10" a point of
development aid that the group never made there. So a whole sentence of at least
:data:`MIN_WORDS` words that the same group also wrote under another area is a copy, and is
never silent: the run warns, the quality record keeps it (``copies``) and both area pages say it.

Where a copy counts: the statement holding it counts toward its own area's themes unless it
names the other area's own words (its name, theme or question) and none of its own area's; then
it is the other area's answer typed under the wrong heading, and it counts toward no theme
there (it stays among the group's notes, marked). A sentence that names neither or both areas'
words counts in both: a group may give one reason for two answers, and only the analyst can
tell; the warning asks them to look.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

__all__ = ["MIN_WORDS", "Copy", "counted_statements", "find_copies"]

#: Words a sentence must have to be a copy: shorter ones ("Det er vigtigt.") recur by chance.
MIN_WORDS = 6


@dataclass(frozen=True)
class Copy:
    """A statement of one area that holds a whole sentence the same group wrote under another.

    Attributes:
        year: The seminar's year.
        group: The group that wrote both.
        area: The area of the statement holding the repeated words.
        statement_id: That statement.
        other_area: The other area the group wrote them under.
        other_statement_id: The statement there.
        words: The repeated sentence, as written (the shorter of the two statements).
        counts: Whether the statement counts toward ``area``'s themes (module docstring).
        other_counts: Whether the other statement counts toward ``other_area``'s.
    """

    year: int
    group: int
    area: str
    statement_id: str
    other_area: str
    other_statement_id: str
    words: str
    counts: bool
    other_counts: bool

    def as_dict(self) -> dict:
        """For the quality record (``theme_quality.json``, ``copies``) and the area page."""
        return {
            "year": self.year,
            "group": self.group,
            "statement_id": self.statement_id,
            "other_area": self.other_area,
            "other_statement_id": self.other_statement_id,
            "words": self.words,
            "counts": self.counts,
            "other_counts": self.other_counts,
        }


def _words(tokens: str) -> tuple[str, ...]:
    """A statement's words, lowercase, without punctuation: what "word for word" compares."""
    return tuple(w for w in (t.casefold() for t in str(tokens).split()) if any(c.isalnum() for c in w))


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a contiguous run of ``longer``."""
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _counts(lemmas: set[str], own: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a statement counts in its own area: not when it names only the other area's words."""
    names_own, names_other = bool(lemmas & (own - other)), bool(lemmas & (other - own))
    return names_own or not names_other


def find_copies(statements: pd.DataFrame, area_words: Mapping[str, frozenset[str]]) -> list[Copy]:
    """Every statement holding a sentence its group also wrote under another area, both sides.

    Args:
        statements: The statements table (``statement_id``, ``year``, ``group``, ``core_area``,
            ``text``, ``tokens``, ``content_lemmas``).
        area_words: Per core area, the content lemmas of its name, theme and question.

    Returns:
        One :class:`Copy` per statement and other area, in the statements' order: for a pair,
        the statement in each area (the repeated words are the shorter statement's).
    """
    out: list[Copy] = []
    for (year, group), rows in statements.groupby(["year", "group"], sort=True):
        said = [
            (r.statement_id, r.core_area, r.text, _words(r.tokens), set(str(r.content_lemmas).split()))
            for r in rows.itertuples(index=False)
        ]
        for i, j in _pairs([(area, words) for _, area, _, words, _ in said]):
            (sid, area, text, words, lemmas), (osid, oarea, otext, owords, olemmas) = said[i], said[j]
            shown = otext if len(owords) <= len(words) else text
            own, other = area_words.get(area, frozenset()), area_words.get(oarea, frozenset())
            counts = (_counts(lemmas, own, other), _counts(olemmas, other, own))
            out.append(Copy(int(year), int(group), area, sid, oarea, osid, shown, *counts))
    return out


def _pairs(said: list[tuple[str, tuple[str, ...]]]) -> list[tuple[int, int]]:
    """``(i, j)`` for every two statements of one group, in different areas, one holding the other whole.

    Both orders, sorted: each side is listed once. A statement is looked up by its first
    :data:`MIN_WORDS` words among the runs of that length of the others (not every pair compared),
    so a group with thousands of statements costs their words, not their square.
    """
    runs: dict[tuple[str, ...], set[int]] = {}
    for k, (_, words) in enumerate(said):
        for i in range(len(words) - MIN_WORDS + 1):
            runs.setdefault(words[i : i + MIN_WORDS], set()).add(k)
    found = set()
    for k, (area, words) in enumerate(said):
        if len(words) < MIN_WORDS:
            continue
        for m in runs.get(words[:MIN_WORDS], ()):
            if said[m][0] != area and len(said[m][1]) >= len(words) and _holds(said[m][1], words):
                found |= {(k, m), (m, k)}
    return sorted(found)


def counted_statements(statements: pd.DataFrame, record: Mapping[str, Sequence[Mapping]]) -> pd.DataFrame:
    """The statements that count in their own area: all but the copies that do not (module docstring).

    A sentence typed under the wrong area is no theme's evidence there, nor a word the groups used
    there. ``record``: the quality record's ``copies`` (per area, :meth:`Copy.as_dict`), as the
    theme stage keeps it.
    """
    strays = {c["statement_id"] for copies in record.values() for c in copies if not c["counts"]}
    return statements[~statements["statement_id"].isin(strays)]
