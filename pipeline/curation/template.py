"""The starting codebook that ``seminar curate init`` writes: one entry per automatic theme, with comments.

With last year's codebook (``--from``), an entry of last year that matches a theme of this
year by its key phrases carries its name, memo, exclusion, merge and split over (statement ids
are of last year's notes, so pins are left behind); new themes keep their seed words; the rest
are listed as comments.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from pipeline.config import slugify
from pipeline.curation.codebook import Codebook, Entry
from pipeline.curation.match import match_entries, theme_evidence

__all__ = ["StartingEntry", "codebook_text", "starting_entries"]

HEADER = """\
# Codebook of {title}: the analyst's curation of the themes.
#
# `seminar run` applies this file after the themes are found, on every run, in this order:
# merges, splits, new themes, pinned statements, exclusions. Themes are found again by their
# evidence (match: below), not by their number, so the file survives re-runs and changes to
# the notes; an entry that finds no theme is listed in the report's method appendix, never
# dropped silently. A mistake in the file stops the run with the line and the fix; nothing
# is applied half-way.
#
# Fields of an entry (only id, area and match are needed; an empty field changes nothing):
#   id          your handle for the theme (letters, digits, - and _); merge_into names it
#   area        the core area, as in seminar.toml
#   label       the automatic label when this file was written (for you; not used)
#   name        your name for the theme, shown in the reports instead of the label
#   memo        your note on the theme, shown under it in the reports (use | for several lines)
#   confirm     true: you have read the theme and keep it as it is. A theme is shown as
#               "Maskinforslag" (machine suggestion) until its entry confirms, names, merges,
#               splits or pins it; then as "Kurateret"
#   exclude     true: the theme is noise; its key phrases go to no theme
#   merge_into  the id of another theme of the same area that this theme becomes part of
#   split       parts to take out of the theme, each with a name and the words of its key
#               phrases (seeds) and/or statement ids (pin); the rest stays in the theme:
#                 split:
#                 - name: Digitale kompetencer
#                   seeds: [kompetence, kompetenceudvikling]
#   pin         statement ids (from the report's notes or statements.csv), or key-phrase ids
#               (units.csv), placed in this theme
#   match       the theme's evidence when written (stable key, key phrases as lemmas,
#               statements); leave it as it is
#
# A theme the model did not find: an entry without match, with a name and the words whose
# key phrases it collects (seeds) and/or pinned statements:
#   - id: trafiksikkerhed
#     area: Vækst, Teknik og Fællesskab
#     name: Trafiksikkerhed
#     seeds: [trafik, cykelsti]
#
# order: groups shows the themes by how many groups raised them (as found);
# order: codebook shows each area's themes in the order of the entries below.
"""


def _q(value) -> str:
    """A YAML scalar or flow list (JSON is valid YAML and quotes everything that needs it)."""
    return json.dumps(value, ensure_ascii=False)


def _entry_lines(entry_id: str, row, evidence, carried: Entry | None, merge_into: str) -> list[str]:
    groups = f"{row.n_groups} of {row.n_groups_total} groups ({row.groups})"
    lines = [f"- id: {_q(entry_id)}", f"  area: {_q(row.core_area)}", f"  label: {_q(row.label)}  # {groups}"]
    if carried is not None:
        lines.append(f"  # carried over from last year's entry {carried.id!r}")
    lines += [
        f"  name: {_q(carried.name if carried else '')}",
        f"  memo: {_q(carried.memo if carried else '')}",
        "  confirm: false",
        f"  exclude: {'true' if carried is not None and carried.exclude else 'false'}",
        f"  merge_into: {_q(merge_into)}",
    ]
    parts = [p for p in (carried.split if carried else ()) if p.seeds]
    if parts:
        lines.append("  split:")
        for p in parts:
            lines += [f"  - name: {_q(p.name)}", f"    seeds: {_q(list(p.seeds))}"] + (
                [f"    memo: {_q(p.memo)}"] if p.memo else []
            )
    else:
        lines.append("  split: []")
    lines += [
        "  pin: []",
        "  match:",
        f"    key: {_q(evidence.key)}",
        f"    phrases: {_q(sorted(evidence.phrases))}",
        f"    statements: {_q(sorted(evidence.statements))}",
    ]
    return lines


@dataclass(frozen=True)
class StartingEntry:
    """One theme's entry in a starting codebook (YAML or workbook)."""

    id: str
    row: object  # the theme's first row of the themes table (itertuples)
    evidence: object  # its :class:`~pipeline.curation.match.ThemeEvidence`
    carried: Entry | None  # last year's entry carried over, or None
    merge_into: str


def starting_entries(
    themes: pd.DataFrame, units: pd.DataFrame, previous: Codebook | None = None
) -> tuple[list[StartingEntry], list[Entry], list[Entry]]:
    """The entries of a starting codebook.

    One per automatic theme, with last year's entry carried over where it matches.

    Returns:
        ``(entries, new_themes, left)``: one :class:`StartingEntry` per theme in table order;
        last year's new themes with seed words (carried over as they are); last year's entries
        that match no theme of this year (listed, not carried).
    """
    evidence = {e.topic: e for e in theme_evidence(themes, units)}
    carried: dict[int, Entry] = {}
    if previous is not None:
        for m in match_entries(previous.entries, list(evidence.values())).values():
            if m.topic >= 0:
                carried[m.topic] = m.entry
    used: set[str] = {e.id for e in carried.values()}
    ids: dict[int, str] = {}
    for row in themes.drop_duplicates("topic").itertuples():
        if int(row.topic) in carried:
            ids[int(row.topic)] = carried[int(row.topic)].id
            continue
        base = slugify(row.label)[:40].strip("-") or "tema"
        entry_id, n = base, 2
        if entry_id in used:  # the same label in two areas: the area's first word tells them apart
            base = entry_id = f"{slugify(row.core_area).split('-')[0]}-{base}"
        while entry_id in used:
            entry_id, n = f"{base}-{n}", n + 1
        used.add(entry_id)
        ids[int(row.topic)] = entry_id
    carried_ids = {e.id for e in carried.values()}
    out = []
    for row in themes.drop_duplicates("topic").itertuples():
        entry = carried.get(int(row.topic))
        merge = entry.merge_into if entry is not None and entry.merge_into in carried_ids else ""
        out.append(StartingEntry(ids[int(row.topic)], row, evidence[int(row.topic)], entry, merge))
    if previous is None:
        return out, [], []
    new = [e for e in previous.entries if e.is_new and e.seeds]
    left = [e for e in previous.entries if not e.is_new and e.id not in carried_ids]
    left += [e for e in previous.entries if e.is_new and not e.seeds]
    return out, new, left


def codebook_text(
    themes: pd.DataFrame,
    units: pd.DataFrame,
    title: str,
    previous: Codebook | None = None,
    previous_name: str = "",
) -> str:
    """The text of a starting codebook for the automatic themes (``themes``, ``units``.

    One analysis, no codebook applied).

    Args:
        themes: The automatic themes table.
        units: The key phrases with their automatic theme.
        title: The seminar, for the header.
        previous: Last year's codebook to carry over, or None.
        previous_name: Its file, for the comments.

    Returns:
        YAML text with comments.
    """
    entries, new, left = starting_entries(themes, units, previous)
    lines = [HEADER.format(title=title).rstrip("\n"), "", "order: groups", "themes:"]
    for e in entries:
        lines += _entry_lines(e.id, e.row, e.evidence, e.carried, e.merge_into)
    for entry in new:
        lines += [
            f"- id: {_q(entry.id)}",
            f"  area: {_q(entry.area)}",
            f"  # new theme carried over from {previous_name or 'last year'}",
        ]
        lines += [
            f"  name: {_q(entry.name)}",
            f"  memo: {_q(entry.memo)}",
            f"  seeds: {_q(list(entry.seeds))}",
        ]
    if left:
        lines += [
            "",
            f"# Entries of {previous_name or 'last year'} that match no theme of this year (not carried "
            "over):",
        ]
        lines += [f"#   {e.id} ({e.area}){': ' + e.name if e.name else ''}" for e in left]
    return "\n".join(lines) + "\n"
