"""DataFrame schemas, declared once and checked between stages.

Column names live here; other modules refer to them through these models
(``Notes.text == "text"``) or the ``*_COLUMNS`` tuples.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

__all__ = ["Notes", "Rejects", "StatementTopics", "Statements", "Themes", "validate"]


class Notes(pa.DataFrameModel):
    """One row per group note: what one table said about one core area's question."""

    note_id: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-f]{12}$")
    year: Series[int] = pa.Field(ge=1900, le=2200)
    seminar: Series[str]
    core_area: Series[str] = pa.Field(str_length={"min_value": 1})
    theme: Series[str]
    question: Series[str]
    group: Series[int] = pa.Field(ge=0)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    source_file: Series[str]
    source_ref: Series[str]

    class Config:
        strict = True
        ordered = True
        coerce = True


class Rejects(pa.DataFrameModel):
    """Notes that were read but left out of the analysis, each with the reason."""

    source_file: Series[str]
    source_ref: Series[str]
    core_area: Series[str]
    group: Series[str]
    text: Series[str]
    reason: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        ordered = True
        coerce = True


class Statements(pa.DataFrameModel):
    """One row per statement (sentence or bullet) of a note, with its Danish NLP analysis.

    ``tokens``, ``lemmas``, ``content_lemmas`` and ``compound_parts`` are space-separated strings so
    that the table round-trips through CSV and Parquet unchanged; ``tokens`` and ``lemmas`` align
    one to one (whitespace tokens are left out of both), and so do the Universal POS tags in
    ``pos`` (``X`` for every word when the pipeline has no tagger).
    """

    statement_id: Series[str] = pa.Field(unique=True)
    note_id: Series[str]
    year: Series[int]
    core_area: Series[str]
    group: Series[int]
    position: Series[int] = pa.Field(ge=0)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    tokens: Series[str]
    lemmas: Series[str]
    pos: Series[str]
    content_lemmas: Series[str]
    compound_parts: Series[str]

    class Config:
        strict = True
        ordered = True
        coerce = True


class StatementTopics(Statements):
    """Statements (or notes) with the topic each was assigned to."""

    topic: Series[int] = pa.Field(ge=-1)
    topic_label: Series[str]

    class Config:
        strict = True
        ordered = True
        coerce = True


class Themes(pa.DataFrameModel):
    """One row per (core area, topic): which groups raised the theme and the evidence."""

    year: Series[int]
    core_area: Series[str]
    topic: Series[int]
    label: Series[str]
    keywords: Series[str]
    n_statements: Series[int] = pa.Field(ge=1)
    n_groups: Series[int] = pa.Field(ge=1)
    n_groups_total: Series[int] = pa.Field(ge=1)
    groups: Series[str]
    recurring: Series[bool]
    other_areas: Series[str]
    evidence: Series[str]
    quotes: Series[str]

    class Config:
        strict = True
        ordered = True
        coerce = True


def validate(df: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Check ``df`` against ``model`` and return it with the declared column order and dtypes."""
    return model.validate(df, lazy=True)

