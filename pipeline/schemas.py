"""DataFrame schemas, declared once and checked between stages.

Column names live here; other modules refer to them through these models
(``Notes.text == "text"``) or the ``*_COLUMNS`` tuples.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

__all__ = [
    "ComparisonQuotes",
    "CrossThemes",
    "Curation",
    "Matches",
    "Notes",
    "Prevalence",
    "Rejects",
    "StatementTopics",
    "Statements",
    "Status",
    "Suggestions",
    "Terms",
    "Themes",
    "TopicInfo",
    "Units",
    "numbered_groups",
    "validate",
]


class _Table(pa.DataFrameModel):
    """Every stored table: exactly the declared columns, in order, converted to the declared types."""

    class Config:
        """Strict, ordered, coercing (so a CSV read as text gets its types back)."""

        strict = True
        ordered = True
        coerce = True


class Notes(_Table):
    """One row per group note: what one table said about one core area's question."""

    note_id: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-f]{12}$")
    year: Series[int] = pa.Field(ge=1900, le=2200)
    seminar: Series[str]
    core_area: Series[str] = pa.Field(str_length={"min_value": 1})
    theme: Series[str]
    question: Series[str]
    #: An ordinal: a numbered group keeps its number; a named group gets one after the year's numbers.
    group: Series[int] = pa.Field(ge=0)
    #: The group's name as written ("Bord A", "Gruppe Rød"); empty for a numbered group.
    group_name: Series[str]
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    source_file: Series[str]
    source_ref: Series[str]


class Rejects(_Table):
    """Notes that were read but left out of the analysis, each with the reason."""

    source_file: Series[str]
    source_ref: Series[str]
    core_area: Series[str]
    group: Series[str]
    text: Series[str]
    reason: Series[str] = pa.Field(str_length={"min_value": 1})


class Statements(_Table):
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


class StatementTopics(Statements):
    """Statements (or notes) with the topic each was assigned to."""

    topic: Series[int] = pa.Field(ge=-1)
    topic_label: Series[str]


class Themes(_Table):
    """One row per year, core area and sub-theme: which groups raised it, and the evidence.

    ``topic`` numbers the themes of one analysis (the same in every year of a comparison);
    ``theme_key`` is stable across runs (the theme's area and units, not its number).
    ``evidence`` lists the statements, ``units`` the key phrases the theme is made of;
    ``summary`` and ``quotes`` are JSON. ``restates_area``: raised by every group and holding
    most of the area's statements (not counted as recurring); ``restates_question``: most of
    its phrases only repeat the area's own question.
    """

    year: Series[int]
    core_area: Series[str]
    topic: Series[int] = pa.Field(ge=0)
    theme_key: Series[str]
    label: Series[str] = pa.Field(str_length={"min_value": 1})
    keywords: Series[str]
    n_statements: Series[int] = pa.Field(ge=1)
    n_units: Series[int] = pa.Field(ge=1)
    n_groups: Series[int] = pa.Field(ge=1)
    n_groups_total: Series[int] = pa.Field(ge=1)
    groups: Series[str]
    recurring: Series[bool]
    restates_area: Series[bool]
    restates_question: Series[bool]
    cross_theme: Series[int] = pa.Field(ge=-1)
    other_areas: Series[str]
    evidence: Series[str]
    units: Series[str]
    summary: Series[str]
    quotes: Series[str]
    curated: Series[bool] = pa.Field(default=False)
    memo: Series[str] = pa.Field(default="")
    codebook_key: Series[str] = pa.Field(default="")

    class Config:
        """As every table; columns added later are filled with their defaults when missing."""

        add_missing_columns = True

    @pa.dataframe_parser
    def _curation_defaults(cls, df: pd.DataFrame) -> pd.DataFrame:
        """Empty cells of the curation columns (a table built before curation) get their defaults."""
        defaults = {"curated": False, "memo": "", "codebook_key": ""}
        if not any(c in df and df[c].isna().any() for c in defaults):
            return df
        df = df.copy()
        for col, value in defaults.items():
            if col in df:
                df[col] = df[col].astype(object).where(df[col].notna(), value)
        return df


class Suggestions(_Table):
    """Pairs that may be one point, for the analyst to accept or reject (``suggestions.csv``), best first.

    ``kind``: ``merge`` (two themes, or two one-group key phrases into a new theme) or ``move``
    (a one-group key phrase into a theme) or ``point`` (a theme of only the question's words that
    two or more groups said more about: keep it as a point of those groups, ``theme_groups``;
    ``other`` what two or more groups said alike, or empty; no other side). ``theme``/``other``
    are the labels shown on the page; ``*_words`` their lemmas (how the decision is found again next
    run and next year), ``*_key`` the theme's key or the key phrase's id, ``*_units`` the key
    phrases of each side.
    """

    id: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-p][0-9a-f]{7}$")
    rank: Series[int] = pa.Field(ge=1)
    core_area: Series[str]
    kind: Series[str] = pa.Field(isin=["merge", "move", "point"])
    theme: Series[str]
    other: Series[str]
    reason: Series[str]
    theme_quote: Series[str]
    other_quote: Series[str]
    score: Series[float]
    theme_words: Series[str]
    other_words: Series[str]
    theme_key: Series[str]
    other_key: Series[str]
    theme_groups: Series[str]
    other_groups: Series[str]
    theme_units: Series[str]
    other_units: Series[str]


class Curation(_Table):
    """What the analyst's codebook changed, entry by entry, and what it could not (``curation.csv``).

    ``action`` is one of ``match`` (the entry found no theme), ``confirm``, ``rename``, ``memo``, ``merge``,
    ``split``, ``new``, ``pin``, ``exclude``, ``point`` (a question-word theme kept as a point);
    ``reason`` says in Danish what was done or why not.
    """

    entry: Series[str]
    line: Series[int] = pa.Field(
        ge=0, description="line of the entry in codebook.yaml (row in codebook.xlsx)"
    )
    core_area: Series[str]
    action: Series[str] = pa.Field(
        isin=["match", "confirm", "rename", "memo", "merge", "split", "new", "pin", "exclude", "point"]
    )
    applied: Series[bool]
    topic: Series[int] = pa.Field(ge=-1)
    reason: Series[str]


class Units(_Table):
    """The key phrases (noun phrases) of the statements that sub-themes are made of (``units.csv``)."""

    unit_id: Series[str] = pa.Field(unique=True, description="<statement_id>-u<n>")
    statement_id: Series[str] = pa.Field(description="the statement the phrase is part of")
    note_id: Series[str]
    year: Series[int]
    core_area: Series[str]
    group: Series[int]
    start: Series[int] = pa.Field(ge=0, description="first token of the phrase in the statement")
    end: Series[int] = pa.Field(ge=1, description="one past its last token")
    text: Series[str] = pa.Field(description="the words as the group wrote them")
    lemmas: Series[str] = pa.Field(description="content lemmas, space-separated")
    head: Series[str] = pa.Field(description="lemma of the last word")
    theme: Series[int] = pa.Field(ge=-1, description="the core area's theme, -1 for none")
    cross_theme: Series[int] = pa.Field(ge=-1, description="the cross-cutting theme, -1 for none")


class CrossThemes(_Table):
    """Points raised in two or more core areas (``cross_themes.csv``); ``areas`` is JSON per area."""

    cross_theme: Series[int] = pa.Field(ge=0)
    label: Series[str]
    keywords: Series[str]
    n_areas: Series[int] = pa.Field(ge=2)
    n_groups: Series[int] = pa.Field(ge=1)
    areas: Series[str]


class TopicInfo(_Table):
    """One row per topic of a fitted model (``topics.csv``)."""

    topic: Series[int] = pa.Field(ge=-1)
    n_docs: Series[int] = pa.Field(ge=0)
    label: Series[str]
    keywords: Series[str]
    keywords_surface: Series[str]


class Terms(_Table):
    """Words several groups used within a core area (``terms.csv``)."""

    year: Series[int]
    core_area: Series[str]
    term: Series[str]
    surface: Series[str]
    n_groups: Series[int] = pa.Field(ge=1)
    groups: Series[str]
    statement_ids: Series[str]


class Prevalence(_Table):
    """Per compared point and year, its theme(s) on that year's page and the groups that say it.

    The comparison's ``prevalence.csv``. A year whose page has a theme for the point counts as
    that page does; a year without one counts the groups whose notes say the point
    (:mod:`pipeline.compare.said`), so a zero means no group said it.

    ``point`` numbers the rows of one comparison; ``topics`` are the theme numbers on the year's
    page (several when themes were merged, none when the point was not raised), ``href`` where
    they are on the year's pages (relative to the reports folder). ``core_area`` is ``"Alle
    kerneområder"`` for the cross-cutting themes, counted in group discussions.
    """

    point: Series[int] = pa.Field(ge=0)
    label: Series[str]
    core_area: Series[str]
    year: Series[int]
    topics: Series[str]
    theme_label: Series[str]
    n_groups: Series[int] = pa.Field(
        ge=0, description="its theme's count on that year's page; without one, the groups whose notes say it"
    )
    page_groups: Series[int] = pa.Field(
        ge=0, description="the count of its theme(s) on that year's page (0: no theme)"
    )
    also_groups: Series[str] = pa.Field(
        description="groups whose notes say it too but whose words the page counts under another theme"
    )
    n_groups_total: Series[int] = pa.Field(ge=0)
    share_groups: Series[float] = pa.Field(ge=0, le=1)
    groups: Series[str]
    href: Series[str]


class Status(_Table):
    """Per compared point: the status of the last step, the trend over all years, and why themes were joined.

    The comparison's ``status.csv``.
    """

    point: Series[int] = pa.Field(ge=0)
    label: Series[str]
    core_area: Series[str]
    base_year: Series[int]
    target_year: Series[int]
    base_groups: Series[int] = pa.Field(ge=0)
    target_groups: Series[int] = pa.Field(ge=0)
    base_share_groups: Series[float]
    target_share_groups: Series[float]
    delta_share_groups: Series[float]
    status: Series[str]
    first_year: Series[int]
    first_groups: Series[int] = pa.Field(ge=0)
    trend: Series[str]
    counts: Series[str]
    reason: Series[str]
    written_inside: Series[str] = pa.Field(
        description=(
            "per zero year whose groups write the label only inside another word, '<year>: gruppe <g>: "
            "„<word>“', years joined by ' | ' (why a 'ny' or 'forsvundet' is a change instead)"
        )
    )


class ComparisonQuotes(_Table):
    """The evidence per compared point and year: the groups' own words (``quotes.csv``)."""

    point: Series[int] = pa.Field(ge=0)
    scope: Series[str]
    year: Series[int]
    core_area: Series[str]
    group: Series[int]
    statement_id: Series[str]
    text: Series[str]


class Matches(_Table):
    """Per point of a later year, the most alike point of another year, the signals and whether joined.

    The comparison's ``matches.csv``.
    """

    scope: Series[str]
    year: Series[int]
    key: Series[int] = pa.Field(ge=0)
    label: Series[str]
    other_year: Series[int]
    other_key: Series[int] = pa.Field(ge=0)
    other_label: Series[str]
    lexical: Series[float]
    semantic: Series[float]
    score: Series[float]
    matched: Series[bool]
    reason: Series[str] = pa.Field(
        description="why the points are or are not the same (pipeline.compare.match.says_same)"
    )
    shared_words: Series[str]


def numbered_groups(notes: pd.DataFrame) -> pd.DataFrame:
    """``notes`` with an empty ``group_name`` column when it has none.

    Notes stored (or built by a caller) before groups could have names: every group there is numbered.
    """
    if "group_name" in notes or "group" not in notes:
        return notes
    notes = notes.copy()
    notes.insert(notes.columns.get_loc("group") + 1, "group_name", "")
    return notes


def validate(df: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Check ``df`` against ``model`` and return it with the declared column order and dtypes."""
    return model.validate(df, lazy=True)
