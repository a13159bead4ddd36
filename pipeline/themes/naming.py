"""A theme's label that every counted group's own words say, naming each wording when they differ.

A point may be joined across groups that say it in other words: a DanNet synonym
("fleksibilitet" / "smidigere processer") or one measure noun for another ("tidlig
intervention" / "tidlig forebyggende indsats", :mod:`pipeline.themes.points`). Labelled by one
group's wording alone, "3 af 5 pegede på fleksibilitet" would count a group that never wrote
it. So the label names the point in the words the most units use and, in parentheses
(:func:`~pipeline.themes.labels.with_alternatives`), the wording of each counted group whose own words
say it only that way: "Fleksibilitet (smidigere processer)". Every counted group then writes one of
the label's wordings, and the page's list of each group's own words shows which.
"""

from __future__ import annotations

import pandas as pd

from pipeline.themes.labels import with_alternatives
from pipeline.themes.points import label_text, says

__all__ = ["point_label"]


def _verbs(unit) -> frozenset[str]:
    return frozenset(str(getattr(unit, "verbs", "") or "").split())


def _other_wording(key: str, part: pd.DataFrame) -> str | None:
    """A group's own wording of a point it says only in other words, or None when it writes the point.

    The shortest ending of one of its phrases that says the point (the head and what modifies it:
    "tidlig forebyggende indsats", not "sammenhængende indsatser i familierne og …"), as written.
    """
    units = list(part.itertuples(index=False))
    if any(says(key, u.lemmas, _verbs(u), swaps=False) for u in units):
        return None
    best = None
    for pos, u in enumerate(units):
        words = str(u.lemmas).split()
        for i in range(len(words)):
            ending = " ".join(words[i:])
            if says(key, ending, _verbs(u)):
                rank = (len(words) - i, ending)
                if best is None or rank < best[0]:
                    best = (rank, ending, pos)
    if best is None:
        return None
    written = label_text(best[1], part.iloc[[best[2]]])
    return written[:1].lower() + written[1:]


def point_label(key: str, units: pd.DataFrame) -> str:
    """The label of a point (lemmas ``key``) said by ``units``: its wording, then each group's other wording.

    Args:
        key: The point's lemmas (what the units were counted for).
        units: The theme's units (``lemmas``, ``words``, ``content_at``, ``year``, ``group``; with
            ``verbs``).

    Returns:
        "Fleksibilitet" when every counted group writes it; "Fleksibilitet (smidigere processer)"
        when one group says it only through a synonym (the other wordings in the order of the
        groups, each once).
    """
    label = label_text(key, units)
    others: list[str] = []
    for _, part in units.groupby(["year", "group"], sort=True):
        other = _other_wording(key, part)
        if other is not None and other.lower() != label.lower() and other not in others:
            others.append(other)
    return with_alternatives(label, others)
