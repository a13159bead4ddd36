"""What a core area's page shows beside its themes.

The question's given options, the stance line, each group's own words.

Built from the analysis's quality record (``options`` and ``stances`` per area and year, from
:mod:`pipeline.themes.options` and :mod:`pipeline.themes.stances`) and the theme's units; used
by the area pages and the overview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.report.wording import da_list

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = ["area_theme_options", "group_specifics", "options_sentence", "year_entry"]


def group_specifics(label: str, units: pd.DataFrame) -> list[dict]:
    """What each group said about a theme named by a bare word: its own more specific phrases.

    "Samarbejde" alone hides that one group meant "samarbejde med virksomheder" and two others
    "tværfagligt samarbejde"; the page lists each group's own words beside the label, the groups
    that wrote the same phrase together. Empty for a label of two or more words (it already says
    what about what) or when no group wrote more than the bare word.

    Args:
        label: The theme's label.
        units: The theme's key phrases (``text``, ``group``, ``lemmas``).

    Returns:
        ``{"text": phrase as written, "groups": [...]}`` in the order of the first group.
    """
    if len(label.split()) > 1 or units.empty:
        return []
    by_text: dict[str, set[int]] = {}
    for g, part in units.groupby("group", sort=True):
        longer = part[part["lemmas"].str.split().str.len() > 1]
        if longer.empty:
            continue
        # the group's longest phrase says the most ("større synlighed af plejehjemmene")
        text = " ".join(str(min(longer["text"], key=lambda t: (-len(t.split()), t))).split())
        by_text.setdefault(text[:1].lower() + text[1:], set()).add(int(g))
    if not by_text:
        return []
    return [
        {"text": t, "groups": sorted(gs)}
        for t, gs in sorted(by_text.items(), key=lambda kv: (min(kv[1]), kv[0]))
    ]


def options_sentence(options: list[dict], n_groups: int) -> str:
    """The options the most groups chose, said first (``options`` ranked as the page shows them).

    >>> options_sentence([{"option": "infrastruktur", "groups": [1, 2, 3]}, {"option": "kapacitet", "groups":
    [1]}], 3)
    'Af spørgsmålets givne muligheder valgte flest grupper infrastruktur (3 af 3). '
    """
    chosen = [o for o in options if o["groups"]]
    if not chosen:
        return "Ingen gruppe nævnte en af spørgsmålets givne muligheder. " if options else ""
    top = len(chosen[0]["groups"])
    named = [
        f"{o['option']} ({len(o['groups'])} af {n_groups})" for o in chosen if len(o["groups"]) >= top - 1
    ][:3]
    return f"Af spørgsmålets givne muligheder valgte flest grupper {da_list(named)}. "


def year_entry(by_year: dict[str, list[dict]], year: int) -> list[dict]:
    """The entry of a seminar's year in a per-year quality record (keys are years as text)."""
    return list(by_year.get(str(year)) or (next(iter(by_year.values())) if len(by_year) == 1 else []))


def area_theme_options(
    analysis: Analysis, cfg: SeminarConfig, area: str, option_topics: dict[int, str]
) -> list[dict]:
    """The area's given options for the seminar's year (``quality["options"]``).

    Each with the theme that names only it (``topic``, or -1).
    """
    rows = year_entry(analysis.quality.get("options", {}).get(area, {}), cfg.year)
    topic_of = {o: t for t, o in option_topics.items()}
    # the options the most groups took up first (the question's order among equals)
    ranked = sorted(enumerate(rows), key=lambda ir: (-len(ir[1]["groups"]), ir[0]))
    return [{**r, "topic": int(topic_of.get(r["option"], -1))} for _, r in ranked]
