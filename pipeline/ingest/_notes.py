"""From raw notes found by the readers to the validated ``notes`` table and its rejects."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field

import pandas as pd

from pipeline.config import SeminarConfig, normalize_name, slugify
from pipeline.ingest._ordinals import group_sort_key, keep_consistent_names, name_key, number_named_groups
from pipeline.ingest._text import GROUP_ALIASES, clean_text, mask_markup
from pipeline.schemas import Notes, Rejects, validate

__all__ = [
    "RawNote",
    "group_sort_key",
    "note_id",
    "parse_group",
    "parse_group_name",
    "resolve_notes",
    "unknown_area_reason",
]

#: Highest group number (three digits).
MAX_GROUP = 999
_GROUP_RE = re.compile(rf"^(?:{GROUP_ALIASES}|gr\.?)?\s*(?:nr\.?|no\.?)?\s*(\d+)(?:\.0+)?$", re.I)
# A Roman numeral in capitals ("III", "Gruppe IV"): a lower-case "x" or "i" is no group.
_ROMAN_RE = re.compile(rf"^(?:(?i:{GROUP_ALIASES}|gr\.?)\s*)?(?:(?i:nr\.?)\s*)?([IVXL]{{1,6}})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int | None:
    """The value of a Roman numeral up to 89 written the usual way ("III", "IV", "XII"), else None."""
    values = [_ROMAN[c] for c in numeral.upper()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 and _to_roman(total) == numeral.upper() else None


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


@dataclass(frozen=True)
class RawNote:
    """A note as a reader found it, before it is checked against the configuration."""

    source_file: str
    source_ref: str
    core_area: str
    group: str
    text: str
    theme: str = ""
    question: str = ""
    year: str = ""
    seminar: str = ""
    #: Set by a reader when the row could not be read as a note (it then goes to the rejects).
    problem: str = ""
    #: The name a numbered group goes by ("Bord A", a party's letter), from its own column; "" if none.
    group_name: str = ""


def parse_group(value: str) -> int | None:
    """Parse ``"3"``, ``"Gruppe 3"``, ``"Bord 3"``, ``"Gr. 3"``, ``"Gruppe III"`` or ``"3.0"`` into 3.

    ``None`` if it is not a group. Any number of digits is read ("Gruppe 101" is 101); the limit
    :data:`MAX_GROUP` is checked with the note.
    """
    text = " ".join(str(value).split())
    match = _GROUP_RE.match(text)
    if match:
        return int(match.group(1))
    roman = _ROMAN_RE.match(text)
    return _roman(roman.group(1)) if roman else None


#: Longest group name kept (a longer cell is text in the wrong column, not a name).
MAX_GROUP_NAME = 40
# A name starts with a letter or digit; on its own (no "Bord"/"Gruppe" before it) with a capital
# or a digit, so a stray "x" or "?" in the group column is still rejected.
# "[" and "]": a name the redactor replaced ("Bord [navn]") is still the group's name.
_NAME_RE = re.compile(rf"^(?:(?i:{GROUP_ALIASES})\s+)?(?P<first>[^\W_]|\[)[\w .\-/&'\u2019\[\]]*$")
_ROMAN_ONLY = re.compile(r"^[IVXLivxl]+$")


def parse_group_name(value: str, *, letter: bool = False) -> str | None:
    """A group's name as written ("Bord A", "Gruppe Rød", "S 24"), for a group that has no number.

    ``None`` for a number (:func:`parse_group` reads it), an empty cell, a lower-case word on its
    own ("x"), a malformed Roman numeral ("IIII") or a text longer than :data:`MAX_GROUP_NAME`.
    With ``letter`` (the groups are lettered), one capital letter is a name even when it is also a
    Roman numeral ("I", "Bord V").
    """
    text = " ".join(str(value).split())
    if letter and _ONE_LETTER.match(text):
        return text
    if not text or len(text) > MAX_GROUP_NAME or parse_group(text) is not None:
        return None
    match = _NAME_RE.match(text)
    if match is None or _ROMAN_ONLY.match(text):
        return None
    bare = match.start("first") == 0
    if bare and not (match.group("first").isupper() or match.group("first").isdigit()):
        return None
    if not bare and _ROMAN_ONLY.match(text[match.start("first") :]):
        return None
    return text


# A group named by one capital letter ("A", "Bord C"); "I", "V", "X" and "L" are also Roman numerals.
_ONE_LETTER = re.compile(rf"^(?:(?i:{GROUP_ALIASES})\s+)?[A-ZÆØÅ]$")


def _letter_named(raw_notes: list[RawNote]) -> bool:
    """Whether the groups are lettered: some group is one capital letter that is no Roman numeral ("Bord A").

    Then "I" and "V" are the ninth and 22nd tables, not groups 1 and 5 (DR's parties I and V, "Bord I" among A
    to J).
    """
    return any(
        _ONE_LETTER.match(" ".join(str(r.group).split())) and parse_group(r.group) is None for r in raw_notes
    )


def note_id(year: int, core_area: str, group: int | str, text: str) -> str:
    """A stable id from the note's position (year, core area, group) and its content.

    A named group enters by its name, not its ordinal, so adding a group elsewhere changes no id.
    """
    key = f"{year}\x1f{normalize_name(core_area)}\x1f{group}\x1f{' '.join(text.split())}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _reject(raw: RawNote, reason: str) -> dict[str, str]:
    return {
        "source_file": raw.source_file,
        "source_ref": raw.source_ref,
        "core_area": raw.core_area,
        "group": raw.group,
        "text": raw.text,
        "reason": reason,
    }


def unknown_area_reason(name: str, cfg: SeminarConfig) -> str:
    """Why ``name`` is no core area of the configuration: the configured names, the closest, the fix."""
    names = [a.name for a in cfg.core_areas]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return (
        f"unknown core area '{name}'; the configuration has: {', '.join(names)}.{hint} "
        "Fix the name in the input or add it (or an alias) under [[core_areas]] in the seminar TOML."
    )


def _no_area_reason(cfg: SeminarConfig) -> str:
    """Why a note without any core area is rejected, with the areas it could have."""
    names = ", ".join(a.name for a in cfg.core_areas)
    return (
        "no core area: give the note a core area (kerneområde)"
        + (f"; the configuration has: {names}" if names else "")
        + ". In a table fill in the kerneområde column; in a document put the area's name as a heading "
        "above its group notes (a heading with another name can be added as an alias under [[core_areas]])."
    )


def _content_problem(raw: RawNote, text: str) -> str:
    """Why a note cannot be read as a note (a reader's problem, no text, no words), or ``""``."""
    if raw.problem:
        return raw.problem
    if not text:
        return "empty text: the note has no words; fill it in or delete the row."
    if not any(ch.isalpha() for ch in text):
        return "no words: the text has only numbers, symbols or punctuation; write out the note."
    if not any(ch.isalpha() for ch in mask_markup(text)):
        # the language pipeline reads markup as spaces: such a note would give no statement at all
        return (
            "no words outside markup: the text has only tags, links or placeholders for removed "
            "personal data; write out what the group said."
        )
    return ""


@dataclass(frozen=True)
class _Group:
    """A note's group: a number, a name (then ``number`` is None until the names are numbered), or both.

    Both when the file numbers the groups and names them in a column of their own (a party's letter).
    """

    number: int | None
    name: str | None

    @property
    def key(self) -> int | str:
        """What makes two notes' groups the same group: the number where the file gives one."""
        return self.number if self.number is not None else name_key(self.name or "")


def _group_of(raw: RawNote, lettered: bool) -> _Group | str:
    """The note's group, or why it is not one."""
    group = parse_group(raw.group)
    if lettered and _ONE_LETTER.match(" ".join(str(raw.group).split())):
        group = None
    group_name = parse_group_name(raw.group, letter=lettered) if group is None else None
    if group is not None and group > MAX_GROUP:
        return (
            f"group '{raw.group}' is over the limit: groups are numbered 1 to {MAX_GROUP}; "
            "number the groups within each seminar."
        )
    if group is None and group_name is None:
        return (
            f"group '{raw.group}' is not a group number or name; "
            "write it as 3, 'Gruppe 3' or a short name such as 'Bord A'."
        )
    if group is not None:
        return _Group(group, _column_name(raw.group_name))
    return _Group(group, group_name)


def _column_name(value: str) -> str | None:
    """The name a numbered group goes by, from the file's group-name column; None if it gives none.

    A name the privacy filter replaced ("[navn]") names no group: the group keeps its number.
    """
    name = parse_group_name(value, letter=True)
    return None if name is None or "[" in name else name


def _year_of(raw: RawNote, cfg: SeminarConfig) -> int | str:
    """The note's year (the seminar's when the note gives none), or why it is not the seminar's year."""
    year_text = str(raw.year).strip()
    try:
        year = int(float(year_text)) if year_text else cfg.year
    except (ValueError, OverflowError):
        year = None
    if year is None or not 1900 <= year <= 2200:
        return f"year '{raw.year}' is not a year; write it as 2024."
    if year != cfg.year:  # last year's file given by mistake: its notes would count in this year's themes
        return (
            f"year {year} is not the seminar's year {cfg.year} ([seminar] year in the seminar TOML); "
            f"give this file to the {year} seminar's TOML, or correct the year in the file."
        )
    return year


@dataclass
class _Resolver:
    """Checks raw notes one by one, remembering the groups and area file names already taken."""

    cfg: SeminarConfig
    lettered: bool
    seen: dict[tuple[int, str, int | str], RawNote] = field(default_factory=dict)
    area_slugs: dict[str, str] = field(default_factory=dict)

    def _slug_problem(self, name: str) -> str:
        """Without configured areas the name becomes a report file name: why it cannot, or ``""``."""
        slug = slugify(name)
        if slug and slug != "index" and self.area_slugs.setdefault(slug, name) == name:
            return ""
        other = self.area_slugs.get(slug)
        why = (
            f"gives the same report file name ({slug}.html) as '{other}'"
            if slug and slug != "index"
            else "cannot be used as a report file name"
        )
        return f"core area '{name}' {why}; write the area name the same way in every row, or rename it."

    def _duplicate(self, raw: RawNote, key: tuple[int, str, int | str], group: _Group) -> str:
        """Why the note repeats a group already read (naming where), or ``""``."""
        if key not in self.seen:
            return ""
        first = self.seen[key]
        year, name = key[0], key[1]
        same = " ".join(first.text.split()) == " ".join(raw.text.split())
        what = "an exact copy of" if same else "a second note for the same group as"
        shown = group.number if group.name is None else repr(group.name)
        return (
            f"duplicate: {what} group {shown} in '{name}' ({year}) "
            f"already read from {first.source_file} ({first.source_ref}). Keep one note per group and "
            f"core area (merge the texts), or correct the group {'number' if group.name is None else 'name'}."
        )

    def resolve(self, raw: RawNote) -> dict | str:
        """The note as a row of the ``notes`` table, or the reason it is rejected."""
        text = clean_text(raw.text)
        if problem := _content_problem(raw, text):
            return problem
        area_name = " ".join(str(raw.core_area).split())
        if not area_name:
            return _no_area_reason(self.cfg)
        area = self.cfg.find_area(area_name)
        if area is None and self.cfg.core_areas:
            return unknown_area_reason(area_name, self.cfg)
        group = _group_of(raw, self.lettered)
        if isinstance(group, str):
            return group
        year = _year_of(raw, self.cfg)
        if isinstance(year, str):
            return year
        name = area.name if area else area_name
        if area is None and (problem := self._slug_problem(name)):
            return problem
        key = (year, name, group.key)
        if problem := self._duplicate(raw, key, group):
            return problem
        self.seen[key] = raw
        return {
            "note_id": note_id(year, name, group.key, text),
            "year": year,
            "seminar": raw.seminar.strip() or self.cfg.seminar_label,
            "core_area": name,
            "theme": raw.theme.strip() or (area.theme if area else ""),
            "question": raw.question.strip() or (area.question if area else ""),
            "group": group.number,
            "group_name": group.name or "",
            "text": text,
            "source_file": raw.source_file,
            "source_ref": raw.source_ref,
        }


def resolve_notes(raw_notes: list[RawNote], cfg: SeminarConfig) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check raw notes against the configuration and build the ``notes`` and ``rejects`` tables.

    Every raw note ends up in exactly one of the two tables.

    Args:
        raw_notes: Notes in the order the readers found them.
        cfg: The seminar configuration (core areas, year, seminar name).

    Returns:
        ``(notes, rejects)``: notes validated against :class:`~pipeline.schemas.Notes`, sorted by
        year, configured core-area order and group; rejects against
        :class:`~pipeline.schemas.Rejects` with a reason for each.
    """
    accepted: list[dict] = []
    rejects: list[dict] = []
    resolver = _Resolver(cfg, _letter_named(raw_notes))
    for raw in raw_notes:
        row = resolver.resolve(raw)
        if isinstance(row, str):
            rejects.append(_reject(raw, row))
        else:
            accepted.append(row)
    keep_consistent_names(accepted)
    number_named_groups(accepted)
    area_order = {a.name: i for i, a in enumerate(cfg.core_areas)}
    notes = pd.DataFrame(accepted, columns=list(Notes.to_schema().columns))
    if len(notes):
        notes["_order"] = notes["core_area"].map(area_order).fillna(len(area_order))
        notes = notes.sort_values(["year", "_order", "core_area", "group"], kind="stable").drop(
            columns="_order"
        )
    notes = validate(notes.reset_index(drop=True), Notes)
    rejects_df = validate(pd.DataFrame(rejects, columns=list(Rejects.to_schema().columns)), Rejects)
    return notes, rejects_df
