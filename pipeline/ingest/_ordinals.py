"""Named groups: one spelling per name, ordinals after the numbered groups, in natural order."""

from __future__ import annotations

__all__ = ["group_sort_key", "keep_consistent_names", "name_key", "number_named_groups"]


def group_sort_key(name: str) -> tuple:
    """Natural order of group names.

    "S 2" before "S 10", letters in Danish order ("Bord A" < "bord b" < "Bord Ø" < "Bord Å").
    """
    from pipeline.danish.collation import (
        natural_key,
    )  # the package registers spaCy components: only when names are sorted

    return natural_key(name)


def name_key(name: str) -> str:
    """What makes two spellings of a group's name the same name: case and spacing aside."""
    return " ".join(name.casefold().split())


def _first_spellings(rows: list[dict]) -> dict[str, str]:
    """Each name's spelling: the first in natural order among those differing only in case or spacing."""
    written: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: group_sort_key(r["group_name"])):
        written.setdefault(name_key(row["group_name"]), row["group_name"])
    return written


def _years(accepted: list[dict]) -> list[list[dict]]:
    """The accepted rows of each year."""
    return [[row for row in accepted if row["year"] == year] for year in {row["year"] for row in accepted}]


def keep_consistent_names(accepted: list[dict]) -> None:
    """Drop a numbered group's column name where the file does not give one number one name in a year.

    A group is the same group in every core area of the year: if group 3 is "A" in one area and "B" in
    another, or "A" names groups 1 and 3, no name is true of the group, so the pages say "gruppe 3".
    The first spelling in natural order is kept for names that differ only in case or spacing. A
    numbered group has its ``group`` already; a group named only gets it from :func:`number_named_groups`.
    """
    for rows in _years(accepted):
        numbered = [row for row in rows if row["group"] is not None and row["group_name"]]
        names: dict[int, set[str]] = {}
        numbers: dict[str, set[int]] = {}
        for row in numbered:
            names.setdefault(row["group"], set()).add(name_key(row["group_name"]))
            numbers.setdefault(name_key(row["group_name"]), set()).add(row["group"])
        written = _first_spellings(numbered)
        for row in numbered:
            key = name_key(row["group_name"])
            one = len(names[row["group"]]) == 1 and len(numbers[key]) == 1
            row["group_name"] = written[key] if one else ""


def number_named_groups(accepted: list[dict]) -> None:
    """Give each named group of a year an ordinal after the year's numbered groups, in natural order.

    The same name (any case or spacing) is the same group in every core area of the year and is
    written one way (the first in natural order). The ordinals depend only on the set of groups,
    never on the order the files were read.
    """
    for rows in _years(accepted):
        named = [row for row in rows if row["group"] is None]
        if not named:
            continue
        written = _first_spellings(named)
        start = max((row["group"] for row in rows if row["group"] is not None), default=0)
        order = sorted(written.values(), key=group_sort_key)
        ordinal = {name_key(n): start + i for i, n in enumerate(order, start=1)}
        for row in named:
            key = name_key(row["group_name"])
            row["group"], row["group_name"] = ordinal[key], written[key]
