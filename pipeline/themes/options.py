"""Given options: which of the options a question listed each group took up.

A question can list what the groups were to weigh ("Hvad er det vigtigste at investere vores
ressourcer i med afsæt i: facilitetsplaner, kapacitet, infrastruktur, …"). That five of five
groups name "infrastruktur" is then the groups choosing among given options, not a point they
found: the area's page shows a chart of options by groups first, and a theme that only names an
option is not listed among the points the groups made. An option counts a group when one of
the group's key phrases says it (:func:`pipeline.themes.points.says`: "infrastrukturudvikling"
says "infrastruktur", "den grønne omstilling" says "grøn omstilling").
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.themes.points import says, why_said

__all__ = ["OptionCount", "option_counts", "option_of"]


@dataclass(frozen=True)
class OptionCount:
    """One given option and the groups that took it up.

    Attributes:
        option: The option as the configuration (or the summary) gives it.
        lemmas: Its content lemmas (what a group's phrase must say).
        groups: The groups (numbers) one of whose key phrases says it, ascending.
        statements: The statements those phrases are in (evidence), in the units' order.
    """

    option: str
    lemmas: str
    groups: tuple[int, ...]
    statements: tuple[str, ...]

    def as_dict(self) -> dict:
        """Plain data (for ``quality.json`` and the report context)."""
        return {
            "option": self.option,
            "lemmas": self.lemmas,
            "groups": list(self.groups),
            "statements": list(self.statements),
        }


def option_counts(units: pd.DataFrame, options: list[tuple[str, str]]) -> list[OptionCount]:
    """Which groups of one core area (and year) took up each given option.

    Args:
        units: The area's key phrases (``lemmas``, ``group``, ``statement_id`` and, when
            tagged, ``verbs``).
        options: ``(option as written, its content lemmas)`` in the question's order.

    Returns:
        One :class:`OptionCount` per option with lemmas, in the given order.
    """
    docs = units["lemmas"].tolist()
    verbs = (
        [frozenset(v.split()) for v in units["verbs"]]
        if "verbs" in units.columns
        else [frozenset()] * len(docs)
    )
    out = []
    for option, lemmas in options:
        if not lemmas.split():
            continue
        said = [i for i, (d, v) in enumerate(zip(docs, verbs, strict=True)) if says(lemmas, d, v)]
        part = units.iloc[said]
        out.append(
            OptionCount(
                option,
                lemmas,
                tuple(sorted({int(g) for g in part["group"]})),
                tuple(dict.fromkeys(part["statement_id"])),
            )
        )
    return out


def option_of(label_lemmas: str, options: list[tuple[str, str]]) -> str | None:
    """The given option a theme's label only names.

    The option says every word of the label ("Infrastruktur", "Kapacitet"), so the label adds
    nothing to it; None when the label says more ("Infrastruktur til byudvikling") or names no option.
    """
    for option, lemmas in options:
        if lemmas.split() and label_lemmas.split() and why_said(label_lemmas, lemmas) is not None:
            return option
    return None
