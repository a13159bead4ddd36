"""Markdown and plain-text notes, typically one file per table (group).

A file may start with front matter (``---`` / ``key: value`` lines / ``---``) giving
``kerneområde``/``core_area``, ``gruppe``/``bord``/``group``, ``tema``, ``spørgsmål``, ``år``.
Headings (``#``) that name a core area, or ``Gruppe N``, set the area or group of the text
below them; a paragraph starting ``Gruppe N`` starts that group's note. A group may have a name
instead: a heading ``## Bord A`` or a paragraph ``Gruppe Rød: …``. Without a group anywhere, the
number or name in the file name (``bord-3.md``, ``gruppe_3.txt``, ``bord-a.md``) is used.
"""

from __future__ import annotations

import re

from pipeline.config import SeminarConfig, normalize_name
from pipeline.errors import InputError
from pipeline.ingest._notes import RawNote, parse_group, parse_group_name, unknown_area_reason
from pipeline.ingest._text import GROUP_ALIASES, GROUP_LABEL, GROUP_NAMED, read_text_notes

__all__ = ["parse_markdown_notes", "read_markdown_notes"]

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_GROUP_PAR = re.compile(rf"^\s*\**{GROUP_LABEL}\**\s*[:.\-–]?\s*(?P<rest>.*)$")
_FILE_GROUP = re.compile(rf"{GROUP_ALIASES}[\s_\-]*(\d+)(?!\d)", re.I)
# A named group: a whole heading ("## Bord A") or a paragraph opening "Gruppe Rød:" (the colon
# tells a name from a sentence that begins with the word).
_NAMED_HEADING = re.compile(rf"^\**{GROUP_NAMED}\**\s*:?$")
_NAMED_PAR = re.compile(rf"^\s*\**{GROUP_NAMED}\**\s*:\s*(?P<rest>\S.*)$")
# "bord-a.md", "gruppe_roed.txt": the word and a short name, the name's words joined by - or _.
_FILE_NAMED = re.compile(
    rf"^(?P<word>{GROUP_ALIASES})[\s_\-]+(?P<name>[^\W\d_][^\W_]{{0,20}}(?:[\s_\-][^\W_]{{1,20}}){{0,2}})$",
    re.I,
)


def _file_group(file: str) -> str:
    """The group a file's name gives: its number ("bord-3.md"), or a name ("bord-a.md" → "Bord A")."""
    base = file.rsplit("/", 1)[-1]
    number = _FILE_GROUP.search(base)
    if number:
        return number.group(1)
    named = _FILE_NAMED.match(base.rsplit(".", 1)[0])
    if not named:
        return ""
    words = [named.group("word").capitalize(), *re.split(r"[\s_\-]+", named.group("name"))]
    return " ".join(w[:1].upper() + w[1:] for w in words)


_KEYS = {
    "core_area": {"core_area", "core area", "kerneområde", "kerneomraade", "område"},
    "group": {"group", "gruppe", "bord", "table"},
    "theme": {"theme", "tema"},
    "question": {"question", "spørgsmål"},
    "year": {"year", "år", "aar"},
}


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, i + 1
        key, _, value = line.partition(":")
        for canonical, names in _KEYS.items():
            if normalize_name(key) in names:
                meta[canonical] = value.strip().strip("\"'")
    return {}, 0  # no closing fence: not front matter


def parse_markdown_notes(text: str, file: str, cfg: SeminarConfig) -> list[RawNote]:
    """Parse the notes in one Markdown or plain-text file."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, start = _front_matter(lines)
    area = meta.get("core_area", "")
    group = meta.get("group", "") or _file_group(file)
    notes: list[RawNote] = []
    current: dict | None = None
    # the last heading that named neither a core area nor a group: a note with no area below it says so
    stray: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal current
        if current is not None and "\n".join(current["text"]).strip():
            notes.append(
                RawNote(
                    file,
                    current["ref"],
                    current["area"],
                    current["group"],
                    "\n".join(current["text"]),
                    theme=meta.get("theme", ""),
                    question=meta.get("question", ""),
                    year=meta.get("year", ""),
                    problem=_stray_heading_problem(stray, cfg) if not current["area"] else "",
                )
            )
        current = None

    for number, line in enumerate(lines[start:], start=start + 1):
        heading = _HEADING.match(line)
        if heading:
            title = heading.group(2).strip()
            found = cfg.find_area(title)
            match = _GROUP_PAR.match(title)
            named = _NAMED_HEADING.match(title)
            if found is not None:
                flush()
                area, stray = found.name, None
            elif not (match or named):
                stray = (title, number)
            else:
                flush()
                group = match.group("num") if match else named.group("name")
                current = {"ref": f"line {number}", "area": area, "group": group, "text": []}
            continue
        match = _GROUP_PAR.match(line)
        named = None if match else _NAMED_PAR.match(line)
        if (match and match.group("rest")) or named:
            flush()
            group = match.group("num") if match else named.group("name")
            label = f"{match.group('label')} {group}" if match else group
            current = {
                "ref": f"line {number}",
                "area": area,
                "group": group,
                "text": [f"{label} {(match or named).group('rest')}"],
            }
            continue
        if not line.strip() and current is None:
            continue
        if current is None:
            current = {"ref": f"line {number}", "area": area, "group": group, "text": []}
        current["text"].append(line)
    flush()
    _check_found(notes, file, group)
    return notes


def _check_found(notes: list[RawNote], file: str, group: str) -> None:
    """Raise when a file gave no note, or a note without a group (``group``: the file's own group).

    Raises:
        InputError: No note text, or a note with no group number (the place of the first).
    """
    if not notes:
        raise InputError(
            file,
            "whole file",
            "found no note text",
            "write the note below a heading with the core area, with front matter 'gruppe: N', "
            "or name the file after the table, e.g. bord-3.md.",
        )
    missing_group = [n for n in notes if parse_group(n.group) is None and parse_group_name(n.group) is None]
    if missing_group and not group:
        raise InputError(
            file,
            missing_group[0].source_ref,
            "the note has no group number",
            "add front matter 'gruppe: 3', a heading '## Gruppe 3', or put the number in the file name "
            "(bord-3.md).",
        )


def _stray_heading_problem(stray: tuple[str, int] | None, cfg: SeminarConfig) -> str:
    """Why a note without a core area has none when a heading above it names no configured area (else "")."""
    if stray is None or not cfg.core_areas:
        return ""
    title, line = stray
    return f"no core area: the heading '{title}' (line {line}) above the note " + unknown_area_reason(
        title, cfg
    ).replace(f"unknown core area '{title}'", "is not a configured core area", 1)


def read_markdown_notes(data: bytes, file: str, cfg: SeminarConfig) -> tuple[list[RawNote], dict]:
    """Read a Markdown (or front-matter plain-text) notes file."""
    return read_text_notes(
        data,
        file,
        lambda text: parse_markdown_notes(text, file, cfg),
        empty_fix="write the group's note in it, or remove it from the folder.",
    )
