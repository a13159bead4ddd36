"""The analyst's codebook: a YAML file per seminar, read into frozen dataclasses with line numbers.

``data/raw/<year>/codebook.yaml`` holds one entry per theme the analyst curates. An entry
either *matches* an automatic theme (its ``match`` block holds the theme's evidence when the
codebook was written: the stable theme key, the lemma phrases and the statements) and then
renames, merges, splits, excludes, pins statements to it or adds a memo; or it is a *new*
theme, which has no ``match`` block and collects key phrases by ``seeds`` and ``pin``.

Reading (:mod:`pipeline.curation.codebook_yaml`) checks everything that can be checked without the
notes (types, unknown fields, ids, merge targets, two entries claiming one theme);
:func:`pipeline.curation.apply.check_codebook`
checks the rest against the analysis before anything is applied, so a bad codebook is one
:class:`CodebookError` naming the file, the line and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.errors import SeminarError

__all__ = [
    "ORDERS",
    "Codebook",
    "CodebookError",
    "Decision",
    "Entry",
    "SplitPart",
    "check_entries",
]

#: ``groups``: the automatic order (most groups first); ``codebook``: the order of the entries in the file.
ORDERS = ("groups", "codebook")
_ID = re.compile(r"^[A-Za-z0-9æøåÆØÅ][A-Za-z0-9æøåÆØÅ_.-]*$")


class CodebookError(SeminarError):
    """A codebook that cannot be applied: what is wrong, where (``line N``) and the fix."""


@dataclass(frozen=True)
class SplitPart:
    """One part split off a theme: the key phrases with a seed word or in a pinned statement."""

    name: str
    seeds: tuple[str, ...] = ()
    pin: tuple[str, ...] = ()
    memo: str = ""
    line: int = 0


@dataclass(frozen=True)
class Entry:
    """One codebook entry (see the module docstring).

    Attributes:
        id: The analyst's handle (unique); ``merge_into`` names another entry by it.
        area: The core area the theme belongs to.
        key: The automatic theme's stable key when the entry was written (``themes.theme_key``).
        phrases: The theme's key phrases (lemmas) when written: how it is found again.
        statements: The theme's statements when written: found again by them too.
        name: The analyst's name of the theme (empty: the automatic label).
        memo: The analyst's memo, shown under the theme.
        exclude: Leave the theme out (noise); its key phrases go to no theme.
        merge_into: The id of the entry this theme is merged into.
        split: Parts split off the theme.
        seeds: For a new theme: words whose key phrases it collects.
        pin: Statement ids (or key-phrase ids) placed in this theme.
        confirm: The analyst has read the theme and keeps it as it is (it counts as curated).
        point: The analyst keeps a theme of only the question's words as a point of the groups
            whose own words say more than the word (an accepted suggestion of kind ``point``,
            :mod:`pipeline.curation.promote`); it is counted among the recurring themes.
        point_groups: Those groups, read in this run from its notes (never from the codebook: in
            another year the same rule picks that year's groups); the theme's other groups wrote
            only the word and are not counted. Empty: every counted group.
        line: Line of the entry in the file (in a workbook: its row).
        place: Where the entry is, for messages, when a line number does not say it (a
            workbook's sheet and row); empty: ``line N``.
    """

    id: str
    area: str
    key: str = ""
    phrases: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    name: str = ""
    memo: str = ""
    exclude: bool = False
    merge_into: str = ""
    split: tuple[SplitPart, ...] = ()
    seeds: tuple[str, ...] = ()
    pin: tuple[str, ...] = ()
    confirm: bool = False
    line: int = 0
    place: str = ""
    point: bool = False
    point_groups: tuple[int, ...] = ()

    @property
    def where(self) -> str:
        """The entry's place in its file, for messages.

        ``line 12``, or a workbook's ``sheet Temaer, row 5``.
        """
        return self.place or f"line {self.line}"

    @property
    def is_new(self) -> bool:
        """A theme the model did not find: no evidence to match."""
        return not (self.key or self.phrases or self.statements)

    @property
    def changes(self) -> bool:
        """Whether the entry changes anything (an untouched entry from ``curate init`` does not)."""
        return bool(
            self.name
            or self.memo
            or self.confirm
            or self.exclude
            or self.merge_into
            or self.split
            or self.seeds
            or self.pin
            or self.point
            or self.is_new
        )


@dataclass(frozen=True)
class Decision:
    """An accepted or rejected suggestion (:mod:`pipeline.curation.suggest`).

    Attributes:
        id: The suggestion's stable id.
        area: Its core area.
        kind: ``merge``, ``move`` or ``point`` (a question-word theme kept as a point; no other side).
        accept: Accepted (a known same-point pair) or rejected (a known different pair).
        theme, other: The two sides' labels when decided.
        theme_words, other_words: The two sides' lemmas: how they are found again.
        theme_key, other_key: The theme's key or the key phrase's id when decided (the same notes).
        source: Where it was decided, for the method appendix ("kodebog 2024"); empty: this codebook.
        line: Its line (or row) in the codebook.
    """

    id: str
    area: str
    kind: str
    accept: bool
    theme: str
    other: str
    theme_words: str
    other_words: str
    theme_key: str = ""
    other_key: str = ""
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Codebook:
    """A seminar's codebook: its entries in file order and the order themes are shown in."""

    file: str
    entries: tuple[Entry, ...] = ()
    order: str = "groups"
    line_of_order: int = 0
    decisions: tuple[Decision, ...] = ()  # in file order

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return next((e for e in self.entries if e.id == entry_id), None)


def check_entries(entries: tuple[Entry, ...], file: str) -> None:
    """Ids unique, merges into existing entries of the same area, no two entries claiming one theme."""
    by_id: dict[str, Entry] = {}
    by_key: dict[tuple[str, str], Entry] = {}
    for e in entries:
        if e.id in by_id:
            raise CodebookError(
                file,
                f"two entries have the id {e.id!r} (the first: {by_id[e.id].where})",
                "give each entry its own id",
                e.where,
            )
        by_id[e.id] = e
        if e.key:
            first = by_key.get((e.area, e.key))
            if first is not None:
                raise CodebookError(
                    file,
                    f"the entries {first.id!r} ({first.where}) and {e.id!r} claim the same theme (key "
                    f"{e.key})",
                    "keep one entry per theme; to merge two themes use merge_into:",
                    e.where,
                )
            by_key[(e.area, e.key)] = e
    for e in entries:
        if not e.merge_into:
            continue
        target = by_id.get(e.merge_into)
        if target is None:
            raise CodebookError(
                file,
                f"{e.id!r} is merged into {e.merge_into!r}, which is no entry of the codebook",
                f"use the id of an entry in {e.area!r}: "
                f"{', '.join(x.id for x in entries if x.area == e.area and x.id != e.id) or '(none)'}",
                e.where,
            )
        if target.id == e.id or target.area != e.area:
            raise CodebookError(
                file,
                f"{e.id!r} cannot be merged into {target.id!r} (a theme of {target.area!r})"
                if target.id != e.id
                else f"{e.id!r} is merged into itself",
                "merge into another theme of the same core area",
                e.where,
            )
        if target.exclude or target.merge_into:
            raise CodebookError(
                file,
                f"{e.id!r} is merged into {target.id!r}, which is itself "
                f"{'excluded' if target.exclude else 'merged into ' + repr(target.merge_into)}",
                "merge into the theme that remains",
                e.where,
            )
