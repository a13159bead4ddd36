"""Where a question's word stands beyond its own theme: the groups whose use of it sits in another theme.

A theme that only repeats the question's word ("Unge") counts the groups whose key phrases the
method placed in it; the page's word table counts every group that wrote the word. Where another
group's "unge" sits in a more specific theme ("Sårbare unge"), the two counts differ (2 and 4),
and a reader sees a contradiction. :func:`word_reach` says where the other groups' uses are, so
the count can say so where it stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from pipeline.report import blocks as pm
from pipeline.report.area_rows import themes_of_statement
from pipeline.report.wording import groups_text

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.flows.analysis import Analysis

__all__ = ["reach_inlines", "with_reach", "word_count", "word_reach"]


def word_reach(
    theme: dict,
    terms: list[dict],
    group_of: Mapping[str, int],
    themes_of: Mapping[str, list[dict]],
) -> dict | None:
    """The groups that wrote a question-word theme's word, and where the uses outside the theme sit.

    Args:
        theme: The theme (a page dict: ``label``, ``topic``, ``groups``).
        terms: The area's word-table rows (``term``, ``surface``, ``groups``, ``statements``).
        group_of: Each statement's group.
        themes_of: Each statement's themes (``topic``, ``label``).

    Returns:
        ``{"groups": [...], "elsewhere": [{"topic", "label", "groups"}], "unplaced": [...]}``, or
        None when the word table has no row of the label or counts no group the theme does not.
    """
    label = str(theme["label"]).casefold()
    row = next((t for t in terms if label in {str(t["surface"]).casefold(), str(t["term"]).casefold()}), None)
    if row is None:
        return None
    own = set(theme["groups"])
    others = [g for g in row["groups"] if g not in own]
    if not others:
        return None
    words = {label, str(row["surface"]).casefold(), str(row["term"]).casefold()}
    elsewhere: dict[int, dict] = {}
    placed: set[int] = set()
    for sid in row["statements"]:
        group = group_of.get(sid)
        if group not in others:
            continue
        for th in themes_of.get(sid, []):
            # a more specific theme of the word: its label says the word ("Sårbare unge")
            if th["topic"] != theme["topic"] and words & set(str(th["label"]).casefold().split()):
                entry = elsewhere.setdefault(th["topic"], {**th, "groups": []})
                if group not in entry["groups"]:
                    entry["groups"].append(group)
                placed.add(group)
    return {
        "groups": sorted(set(row["groups"]) | own),
        "elsewhere": [{**e, "groups": sorted(e["groups"])} for e in elsewhere.values()],
        "unplaced": sorted(set(others) - placed),
    }


def word_count(theme: dict) -> int:
    """How many groups wrote the theme's word: the word table's count where it counts more groups."""
    reach = theme.get("reach")
    return len(reach["groups"]) if reach else int(theme["n_groups"])


def reach_inlines(theme: dict, names: Mapping[int, str]) -> pm.Inlines:
    """After a question-word theme's count: the other groups that wrote the word, and in which theme.

    "; ordet brugte også gruppe 1 og 4, i temaet Sårbare unge" (the theme a link), or nothing.
    """
    reach = theme.get("reach")
    if not reach:
        return ()
    parts: list[pm.Inlines] = [
        (f"{groups_text(e['groups'], names)}, i temaet ", pm.Link(e["label"], f"#emne-{e['topic']}"))
        for e in sorted(reach["elsewhere"], key=lambda e: e["groups"])
    ]
    if reach["unplaced"]:
        parts.append((groups_text(reach["unplaced"], names),))
    out: list[pm.Inline] = ["; ordet brugte også "]
    for i, part in enumerate(parts):
        out += [(", " if i < len(parts) - 1 else " og ")] * bool(i) + list(part)
    return tuple(out)


def with_reach(
    themes: list[dict], analysis: Analysis, area_themes: pd.DataFrame, area_units: pd.DataFrame
) -> list[dict]:
    """The question-word themes of one area, each with its ``reach`` (:func:`word_reach`; None if none).

    Args:
        themes: The area's question-word themes (page dicts).
        analysis: The analysis (its terms and statements tables).
        area_themes: The area's rows of the themes table (their area, topics and labels).
        area_units: The area's placed key phrases (each statement's themes).
    """
    terms = analysis.terms[analysis.terms["core_area"].isin(area_themes["core_area"])]
    statements = analysis.statements
    labels = dict(zip(area_themes["topic"], area_themes["label"], strict=True))
    rows = [
        {
            "term": t.term,
            "surface": t.surface,
            "groups": [int(g) for g in str(t.groups).split()],
            "statements": str(t.statement_ids).split(),
        }
        for t in terms.itertuples()
    ]
    group_of = dict(zip(statements["statement_id"], statements["group"].astype(int), strict=True))
    themes_of = themes_of_statement(area_units, labels)
    return [{**t, "reach": word_reach(t, rows, group_of, themes_of)} for t in themes]
