"""An area page's rows of its notes and words: each statement with the themes it is in.

Split from :mod:`pipeline.report.context` (which assembles the page): the notes at the bottom of
the page (:func:`note_rows`), the word table (:func:`term_rows`), and the one map of each
statement's themes both the notes and the question-word counts read (:func:`themes_of_statement`,
:mod:`pipeline.report.word_reach`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from pipeline.report.wording import da_place

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.flows.analysis import Analysis

__all__ = ["note_rows", "term_rows", "themes_of_statement"]


def themes_of_statement(area_units: pd.DataFrame, label_of: Mapping[int, str]) -> dict[str, list[dict]]:
    """Each statement's themes (``topic``, ``label``), once each, in the order of its key phrases.

    Args:
        area_units: The area's placed key phrases (``statement_id``, ``theme``).
        label_of: Each theme's label as the caller names it; "" for one it does not name.
    """
    out: dict[str, list[dict]] = {}
    for u in area_units.itertuples():
        entry = {"topic": int(u.theme), "label": str(label_of.get(int(u.theme), ""))}
        if entry not in out.setdefault(u.statement_id, []):
            out[u.statement_id].append(entry)
    return out


def note_rows(
    area_notes: pd.DataFrame, area_st: pd.DataFrame, area_units: pd.DataFrame, label_of: Mapping[int, str]
) -> list[dict]:
    """The area's notes as the page lists them: each statement with the themes its key phrases are in."""
    themes_of = themes_of_statement(area_units, label_of)
    rows = []
    for note in area_notes.itertuples():
        sentences = area_st[area_st["note_id"] == note.note_id]
        file = note.source_file.replace(chr(92), "/").rsplit("/", 1)[-1]
        rows.append(
            {
                "note_id": note.note_id,
                "group": int(note.group),
                "source": f"{file}, {da_place(note.source_ref)}",
                "statements": [
                    {"id": s.statement_id, "text": s.text, "themes": themes_of.get(s.statement_id, [])}
                    for s in sentences.itertuples()
                ],
            }
        )
    return rows


def term_rows(analysis: Analysis, area: str) -> list[dict]:
    """The area's recurring words with the groups and statements that used them."""
    return [
        {
            "surface": t.surface,
            "n_groups": t.n_groups,
            "groups": [int(g) for g in t.groups.split()],
            "statements": t.statement_ids.split(),
        }
        for t in analysis.terms[analysis.terms["core_area"] == area].itertuples()
    ]
