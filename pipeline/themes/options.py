"""Given options: which of the options a question listed each group took up.

A question can list what the groups were to weigh ("Hvad er det vigtigste at investere vores
ressourcer i med afsæt i: facilitetsplaner, kapacitet, infrastruktur, …"). That five of five
groups name "infrastruktur" is then the groups choosing among given options, not a point they
found: the area's page shows a chart of options by groups first, and a theme that only names an
option is not listed among the points the groups made. An option counts a group when one of
the group's key phrases says it (:func:`pipeline.themes.points.says`: "infrastrukturudvikling"
says "infrastruktur", "den grønne omstilling" says "grøn omstilling"), or says the option's
specific part: the modifier of a compound whose head names no point of its own, or that a general
extender widens ("lokalsamfundsprojekter og lignende" is named by "lokalsamfundets trivsel",
:func:`pipeline.danish.generality.specific_part`), unless that part can be read as another option
("facilitetsplaner" is not named by "rekreative faciliteter" when that is an option too).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.danish.extenders import strip_extender
from pipeline.danish.generality import specific_part
from pipeline.themes.points import says, why_said
from pipeline.themes.units import unit_verbs

__all__ = ["OptionCount", "named_by", "option_counts", "option_of"]


@dataclass(frozen=True)
class OptionCount:
    """One given option and the groups that took it up.

    Attributes:
        option: The option as the configuration (or the summary) gives it.
        lemmas: Its content lemmas (what a group's phrase must say).
        specific: Its specific part (:func:`named_by`), which a phrase may say instead; "" if none.
        groups: The groups (numbers) one of whose key phrases says it, ascending.
        statements: The statements those phrases are in (evidence), in the units' order.
    """

    option: str
    lemmas: str
    groups: tuple[int, ...]
    statements: tuple[str, ...]
    specific: str = ""

    def as_dict(self) -> dict:
        """Plain data (for ``quality.json`` and the report context)."""
        return {
            "option": self.option,
            "lemmas": self.lemmas,
            "specific": self.specific,
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
    verbs = unit_verbs(units)
    out = []
    for (option, lemmas), forms in zip(options, named_by(options), strict=True):
        if not forms:
            continue
        said = [
            i
            for i, (d, v) in enumerate(zip(docs, verbs, strict=True))
            if any(says(form, d, v) for form in forms)
        ]
        part = units.iloc[said]
        out.append(
            OptionCount(
                option,
                lemmas,
                tuple(sorted({int(g) for g in part["group"]})),
                tuple(dict.fromkeys(part["statement_id"])),
                specific=forms[1] if len(forms) > 1 else "",
            )
        )
    return out


def named_by(options: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """Per option, the lemma strings that name it: its lemmas, then its specific part when it has one.

    The specific part is the option with its last word replaced by what that compound is about
    (:func:`pipeline.danish.generality.specific_part`; widened by "og lignende" or headed by a
    general noun): "lokalsamfundsprojekter og lignende" → "lokalsamfund". It names the option only
    when it cannot be read as another option: no word of another option says it or is said by it.
    An option without lemmas is named by nothing (``()``).
    """
    parts = []
    for option, lemmas in options:
        words = lemmas.split()
        part = specific_part(words[-1], strip_extender(option)[1]) if words else None
        parts.append(" ".join([*words[:-1], part]) if part else None)
    out = []
    for i, (_, lemmas) in enumerate(options):
        own = parts[i]
        others = [
            w for j, (_, o) in enumerate(options) if j != i for w in (o + " " + (parts[j] or "")).split()
        ]
        if own is not None and any(says(own, w) or says(w, own) for w in others):
            own = None  # "facilitet" could be the "rekreative faciliteter" as well as the "facilitetsplaner"
        out.append(tuple(f for f in (lemmas, own) if f and f.split()) if lemmas.split() else ())
    return out


def option_of(label_lemmas: str, options: list[tuple[str, str]]) -> str | None:
    """The given option a theme's label only names.

    The option, or its specific part (:func:`named_by`), says every word of the label
    ("Infrastruktur", "Kapacitet"; "Lokalsamfund" for "lokalsamfundsprojekter og lignende"), or is
    the label's specific part ("Infrastrukturområde"), so the label adds nothing to it; None when
    the label says more ("Infrastruktur til byudvikling") or names no option.
    """
    words = label_lemmas.split()
    if not words:
        return None
    # a label whose last word has a general head is about its modifier: "Infrastrukturområdet"
    # names "infrastruktur" and nothing more (the same rule as the option's own specific part);
    # then the modifier must be the whole option, both ways ("facilitetsplan" is about
    # "facilitet", which is not all of "rekreative faciliteter")
    part = specific_part(words[-1])
    about = " ".join([*words[:-1], part]) if part else None
    for (option, _), forms in zip(options, named_by(options), strict=True):
        if any(why_said(label_lemmas, form) is not None for form in forms):
            return option
        if about and any(why_said(about, f) is not None and why_said(f, about) is not None for f in forms):
            return option
    return None
