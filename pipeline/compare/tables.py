"""The comparison's records, each point's trajectory over the years.

One year's tables as the comparison reads them and the comparison's tables (their columns declared once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from pipeline.compare.status import CompareParams

__all__ = [
    "MATCH_COLUMNS",
    "PREVALENCE_COLUMNS",
    "QUOTE_COLUMNS",
    "STATUS_COLUMNS",
    "Comparison",
    "YearTables",
    "trajectories",
]


@dataclass(frozen=True)
class YearTables:
    """The tables of one year's pages that a comparison reads.

    Attributes:
        year: The seminar's year.
        seminar: How the year's pages name the seminar (municipality, seminar, date); it carries
            the marker of invented data when the configuration has one.
        notes: Accepted notes (groups per core area).
        statements: Statements (quote texts).
        themes: The themes table of the year's pages.
        units: Key phrases with their theme and cross-cutting theme.
        cross: The cross-cutting themes of the year's overview page.
        recurring_from: The fewest groups of a point that recurs on the year's pages, as its theme
            stage decided and stored it (``recurring_from`` in ``theme_quality.json``).
    """

    year: int
    seminar: str
    notes: pd.DataFrame
    statements: pd.DataFrame
    themes: pd.DataFrame
    units: pd.DataFrame
    cross: pd.DataFrame
    recurring_from: int

    @cached_property
    def lemma_of(self) -> dict[str, str]:
        """Word form → lemma over the year's statements (:func:`pipeline.themes.points.word_lemmas`).

        Read once per year, when first asked for, by every label of the year the comparison reads.
        A frozen dataclass without slots keeps it in the instance's ``__dict__``, outside its fields.
        """
        from pipeline.themes.points import word_lemmas

        return word_lemmas(self.statements)


@dataclass(frozen=True)
class Comparison:
    """Tables of a comparison of two or more years.

    Attributes:
        years: The years compared, in order.
        base: The year before the last (the last step is ``base`` → ``target``).
        target: The last year.
        prevalence: One row per compared point and year: its theme(s) on that year's page and their count.
        status: One row per compared point: the status of the last step, the trend over all years,
            why themes were matched.
        quotes: The evidence per point and year (the groups' own words).
        matches: Per theme of a later year, the most alike point of the earlier years, its score and
            whether it was matched.
        seminars: Per year, how its pages name the seminar.
        curation: Per year, (themes an analyst has curated, themes) on its pages.
        group_names: Per year, the names of its named groups by ordinal.
        params: The parameters the statuses were decided with (the page states their threshold).
    """

    years: tuple[int, ...]
    base: int
    target: int
    prevalence: pd.DataFrame
    status: pd.DataFrame
    quotes: pd.DataFrame
    matches: pd.DataFrame
    seminars: dict[int, str] = field(default_factory=dict)
    curation: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: Per year, the named groups' names by ordinal (:func:`pipeline.report.wording.group_label`).
    group_names: dict[int, dict[int, str]] = field(default_factory=dict)
    params: CompareParams = field(default_factory=CompareParams)


PREVALENCE_COLUMNS = [
    "point",
    "label",
    "core_area",
    "year",
    "topics",
    "theme_label",
    "n_groups",
    "page_groups",
    "also_groups",
    "n_groups_total",
    "share_groups",
    "groups",
    "href",
]
STATUS_COLUMNS = [
    "point",
    "label",
    "core_area",
    "base_year",
    "target_year",
    "base_groups",
    "target_groups",
    "base_share_groups",
    "target_share_groups",
    "delta_share_groups",
    "status",
    "first_year",
    "first_groups",
    "trend",
    "counts",
    "reason",
    "written_inside",
]
QUOTE_COLUMNS = ["point", "scope", "year", "core_area", "group", "statement_id", "text"]
MATCH_COLUMNS = [
    "scope",
    "year",
    "key",
    "label",
    "other_year",
    "other_key",
    "other_label",
    "lexical",
    "semantic",
    "score",
    "matched",
    "reason",
    "shared_words",
]


def trajectories(comparison: Comparison, scope: str | None = None) -> pd.DataFrame:
    """Each point's count per year, the points sorted by how much they moved.

    ``swing`` is the largest minus the smallest share of groups over the years (a point that rose
    and fell again moved as much as one that only rose); ``change`` the last year's share minus
    the first's; ``peak_year`` the first year of its largest share. Points by swing (largest
    first), then change, then label; the years in order.

    Args:
        comparison: The comparison (two or more years).
        scope: One core area or :data:`~pipeline.compare.status.OVERALL`; None: every scope.

    Returns:
        One row per point and year: ``point, label, core_area, year, n_groups, n_groups_total,
        share_groups, swing, change, peak_year``.
    """
    columns = [
        "point",
        "label",
        "core_area",
        "year",
        "n_groups",
        "n_groups_total",
        "share_groups",
        "swing",
        "change",
        "peak_year",
    ]
    prev = comparison.prevalence
    if scope is not None:
        prev = prev[prev["core_area"] == scope]
    if prev.empty:
        return pd.DataFrame(columns=columns)
    prev = prev.sort_values(["point", "year"])
    stats = []
    for point, part in prev.groupby("point", sort=True):
        shares = part["share_groups"].astype(float).tolist()
        peak = int(part["year"].iloc[int(np.argmax(shares))])
        stats.append(
            {
                "point": point,
                "swing": round(max(shares) - min(shares), 4),
                "change": round(shares[-1] - shares[0], 4),
                "peak_year": peak,
            }
        )
    out = prev.merge(pd.DataFrame(stats), on="point")
    order = (
        out.drop_duplicates("point")
        .sort_values(["swing", "change", "label"], ascending=[False, False, True], kind="stable")["point"]
        .tolist()
    )
    rank = {p: i for i, p in enumerate(order)}
    out = (
        out.assign(_rank=out["point"].map(rank))
        .sort_values(["_rank", "year"], kind="stable")
        .drop(columns="_rank")
    )
    return out[columns].reset_index(drop=True)
