"""Which groups of one year say a point: counted from that year's notes, not from its having a theme.

A count of zero read off the absence of a recurring theme is false whenever a group said the
point but its words went to another theme, or no second group said it. So each compared point
is looked up in the notes of every year by the rule the year pages count with
(:func:`pipeline.themes.points.says`: the label's words, their derivations, a compound's head
or parts, DanNet synonyms): a group says it when one of its key phrases (the ``units`` of that
year and scope) says one of the point's labels, or failing that one of its sentences does (its
content words taken together; the quote is then the sentence).

Pure: tables in, groups and their evidence out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from pipeline.compare.status import OVERALL
from pipeline.themes.points import says

__all__ = ["Said", "YearUnits", "groups_saying", "written_inside", "year_units"]


@dataclass(frozen=True)
class Said:
    """One group's evidence that it said a point: the statement and the key phrase that say it."""

    group: str
    core_area: str
    statement_id: str
    phrase: str


@dataclass(frozen=True)
class YearUnits:
    """One year's key phrases, read once: per phrase its scope, group, lemmas, its statement's verbs."""

    year: int
    rows: tuple[
        tuple[str, int, str, str, str, frozenset[str]], ...
    ]  # core_area, group, statement_id, lemmas, text, verbs


def year_units(year: int, units: pd.DataFrame, statements: pd.DataFrame) -> YearUnits:
    """The key phrases of one year with their statement's verbs (as the theme stage reads them)."""
    verbs: dict[str, frozenset[str]] = {}
    if "pos" in statements.columns:
        for sid, lems, pos in zip(
            statements["statement_id"], statements["lemmas"], statements["pos"], strict=True
        ):
            verbs[sid] = frozenset(
                lem for lem, tag in zip(lems.split(), pos.split(), strict=False) if tag == "VERB"
            )
    order = units.sort_values(["core_area", "group", "statement_id", "start"], kind="stable")
    rows = tuple(
        (
            str(u.core_area),
            int(u.group),
            str(u.statement_id),
            str(u.lemmas),
            str(u.text),
            verbs.get(u.statement_id, frozenset()),
        )
        for u in order.itertuples(index=False)
    )
    # then each statement's content words as a whole: a group whose sentence says the point
    # across its phrases ("sårbare unge og borgere" says "sårbare borgere") said it that year,
    # so a zero is written only when no sentence of the year says it
    if "content_lemmas" in statements.columns:
        said = statements.sort_values(["core_area", "group", "statement_id"], kind="stable")
        rows += tuple(
            (
                str(s.core_area),
                int(s.group),
                str(s.statement_id),
                str(s.content_lemmas),
                str(s.text),
                verbs.get(s.statement_id, frozenset()),
            )
            for s in said.itertuples(index=False)
            if isinstance(s.content_lemmas, str) and s.content_lemmas
        )
    return YearUnits(year, rows)


def group_key(scope: str, core_area: str, group: int) -> str:
    """How a group is named in a scope: its number in a core area, ``area#number`` across areas."""
    return f"{core_area}#{group}" if scope == OVERALL else str(group)


def groups_saying(year: YearUnits, scope: str, labels: Iterable[str]) -> dict[str, Said]:
    """The groups of one year and scope whose key phrases say one of ``labels``, with the first evidence.

    Args:
        year: The year's key phrases (:func:`year_units`).
        scope: A core area, or :data:`~pipeline.compare.status.OVERALL` (every area; groups are
            group discussions).
        labels: The point's labels as lemmas (one per theme the point holds in any year).

    Returns:
        Group key (:func:`group_key`) → its first phrase that says a label, in group order.
    """
    wanted: Sequence[str] = [lab for lab in dict.fromkeys(labels) if lab.split()]
    out: dict[str, Said] = {}
    for key, (area, _group, sid, lemmas, text, verbs) in _scope_rows(year, scope):
        if key not in out and any(says(lab, lemmas, verbs) for lab in wanted):
            out[key] = Said(key, area, sid, text)
    return out


def _scope_rows(year: YearUnits, scope: str):
    """``(group key, row)`` of each of the year's rows in ``scope``, in the rows' order."""
    for row in year.rows:
        if scope == OVERALL or row[0] == scope:
            yield group_key(scope, row[0], row[1]), row


def written_inside(year: YearUnits, scope: str, labels: Iterable[str]) -> dict[str, str]:
    """The groups of one year and scope that write a one-word label only inside another word.

    By the pages' rule a compound's modifier is not its point ("velfærdsteknologi" is about
    technology, so it does not say "Velfærd"); but a comparison that calls "Velfærd" gone while a
    group writes "velfærdsteknologi" states what a reader sees is false. So a zero that such a
    word sits beside is no "ny" or "forsvundet" (:func:`pipeline.compare.records.status_record`).

    Returns:
        Group key → the first word (a lemma) of its key phrases that holds a label as a part.
    """
    from pipeline.danish.word_families import family_keys

    wanted = {lab for lab in labels if len(lab.split()) == 1}
    out: dict[str, str] = {}
    if not wanted:
        return out
    for key, row in _scope_rows(year, scope):
        if key in out:
            continue
        inside = [lem for lem in row[3].split() if lem not in wanted and wanted & family_keys(lem)]
        if inside:
            out[key] = inside[0]
    return out
