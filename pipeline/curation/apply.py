"""Apply a codebook to the themes of a run: checked completely first, then applied in a fixed order.

Order (a later step wins over an earlier one for the same key phrase): merges, splits, new
themes from seed words, pinned statements, exclusions. A theme the codebook confirms, names,
gives a memo, merges, splits or pins to is curated (``Kurateret`` in the reports); the rest
stay machine suggestions (``Maskinforslag``). Then every theme whose key phrases
changed is described again from its own key phrases (groups, statements, recurring, keywords,
quotes); a theme keeps its automatic label unless the analyst named it or the label's phrase
left it. Names, memos and the codebook entry of every theme are new columns of the themes table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from pipeline.curation.codebook import Codebook, CodebookError
from pipeline.curation.match import match_entries, theme_evidence
from pipeline.curation.rows import rebuild_themes
from pipeline.curation.steps import Steps
from pipeline.schemas import Curation, CrossThemes, Themes, validate
from pipeline.themes.records import ThemeParams

__all__ = ["CurationResult", "apply_codebook", "check_codebook"]

_STATEMENT_ID = re.compile(r"^([0-9a-f]{12})-\d+$")
_UNIT_ID = re.compile(r"^(([0-9a-f]{12})-\d+)-u\d+$")


@dataclass(frozen=True)
class CurationResult:
    """The curated tables, what was applied and what not (``log``, :class:`~pipeline.schemas.Curation`).

    And the agreement figures.
    """

    themes: pd.DataFrame
    units: pd.DataFrame
    cross: pd.DataFrame
    log: pd.DataFrame
    agreement: dict = field(default_factory=dict)
    file: str = ""


def check_codebook(
    codebook: Codebook, notes: pd.DataFrame, statements: pd.DataFrame, units: pd.DataFrame
) -> dict[str, str]:
    """Check the codebook against the analysis before anything is applied.

    Returns:
        Pinned id → why it cannot be placed although it is well formed (its note is no longer
        among the notes: the note was changed or removed), for the log.

    Raises:
        CodebookError: An entry names an unknown core area, or pins an id that is malformed,
            of a note that exists but has no such statement or key phrase, or of another area.
    """
    file = codebook.file
    areas = list(dict.fromkeys(notes["core_area"]))
    area_of_statement = dict(zip(statements["statement_id"], statements["core_area"], strict=True))
    unit_ids = set(units["unit_id"])
    note_ids = set(notes["note_id"])
    gone: dict[str, str] = {}
    for entry in codebook.entries:
        if entry.area not in areas:
            raise CodebookError(
                file,
                f"the core area {entry.area!r} of {entry.id!r} is not in the notes",
                f"write one of: {', '.join(areas)}",
                entry.where,
            )
        for pin, place in [(p, entry.where) for p in entry.pin] + [
            (p, f"line {part.line}") for part in entry.split for p in part.pin
        ]:
            unit = _UNIT_ID.match(pin)
            statement = unit.group(1) if unit else pin
            shape = _STATEMENT_ID.match(statement)
            if not shape:
                raise CodebookError(
                    file,
                    f"{pin!r} under pin: of {entry.id!r} is not a statement id",
                    "copy a statement id (such as 1a2b3c4d5e6f-02) from the report's notes or statements.csv",
                    place,
                )
            if shape.group(1) not in note_ids:
                gone[pin] = "noten med udsagnet findes ikke længere (ændret eller fjernet)"
                continue
            if statement not in area_of_statement:
                raise CodebookError(
                    file,
                    f"unknown statement id {statement!r} under pin: of {entry.id!r}",
                    "copy the statement id from the report's notes or statements.csv",
                    place,
                )
            if unit and pin not in unit_ids:
                raise CodebookError(
                    file,
                    f"unknown key-phrase id {pin!r} under pin: of {entry.id!r}",
                    f"pin the whole statement ({statement}) or a key phrase from units.csv",
                    place,
                )
            if area_of_statement[statement] != entry.area:
                raise CodebookError(
                    file,
                    f"{pin!r} is a statement of {area_of_statement[statement]!r}, but {entry.id!r} is a "
                    f"theme of {entry.area!r}",
                    "pin it to a theme of its own core area",
                    place,
                )
    return gone


def apply_codebook(
    codebook: Codebook,
    *,
    themes: pd.DataFrame,
    units: pd.DataFrame,
    cross: pd.DataFrame,
    notes: pd.DataFrame,
    statements: pd.DataFrame,
    params: ThemeParams,
    area_words: dict[str, frozenset[str]] | None = None,
    topic_words: dict[str, frozenset[str]] | None = None,
) -> CurationResult:
    """Apply the codebook to the automatic themes (checked with :func:`check_codebook` first).

    Args:
        codebook: The analyst's codebook.
        themes: The automatic themes.
        units: The key phrases with their automatic theme.
        cross: The cross-cutting themes.
        notes: The analysis' notes.
        statements: The analysis' statements.
        params: The theme stage's parameters the automatic themes were found with
            (:attr:`pipeline.flows.Analysis.params`): the core areas' order, quotes, keywords and
            whether a changed theme recurs.
        area_words: Per area, the lemmas of its own name, theme and question.
        topic_words: Per area, the lemmas of its name and theme (a changed theme made of
            them restates the area, as an automatic one does).

    Returns:
        The :class:`CurationResult`.

    Raises:
        CodebookError: The codebook does not fit the analysis (nothing is applied then).
    """
    gone = check_codebook(codebook, notes, statements, units)
    auto = units["theme"].to_numpy().copy()
    steps = Steps(
        codebook,
        units,
        labels=dict(zip(themes["topic"], themes["label"], strict=False)),
        assign=auto.copy(),
        next_id=int(max([-1, *themes["topic"].tolist()])) + 1,
        gone=gone,
    )
    steps.match(match_entries(codebook.entries, theme_evidence(themes, units)))
    # a later step wins over an earlier one for the same key phrase; new themes come before pins,
    # as a pin to a new theme needs its number
    steps.merge()
    steps.split()
    steps.new()
    steps.pin()
    steps.exclude()
    curated_units = units.assign(theme=steps.assign)
    new_themes, new_cross = rebuild_themes(
        themes,
        units,
        curated_units,
        cross,
        notes,
        statements,
        steps.meta,
        params,
        order=codebook.order,
        area_order=params.area_order(notes["core_area"]),
        area_words=area_words or {},
        topic_words=topic_words or {},
    )
    steps.mark_lost(set(new_themes["topic"]))
    agree = steps.agreement(auto)
    table = pd.DataFrame(steps.log, columns=list(Curation.to_schema().columns))
    return CurationResult(
        validate(new_themes, Themes),
        curated_units,
        validate(new_cross, CrossThemes),
        validate(table, Curation),
        agree,
        codebook.file,
    )
