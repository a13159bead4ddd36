"""The statuses of a theme between two years, and the trend over several.

The status of a point between a base and a target year, from the number of groups ``b`` and
``t`` that raised it on each year's own page and their shares ``sb`` and ``st`` of the groups
of that year and scope (``m`` is ``recurring_from``, the fewest groups of a recurring point as
the compared years' theme stage stored it, ``theme_quality.json``; ``change`` and ``ratio`` are
in ``[compare]``):

* ``ny``: ``b = 0`` and ``t >= m``;
* ``forsvundet``: ``t = 0`` and ``b >= m``;
* ``enkeltstående``: fewer than ``m`` groups in both years (not a change to report);
* ``voksende``: ``st - sb >= change``, or ``st >= ratio · sb`` with ``t >= m``;
* ``aftagende``: ``sb - st >= change``, or ``sb >= ratio · st`` with ``b >= m``;
* ``vedvarende``: otherwise.

The absolute rule decides on a seminar of five groups a year (1 → 3 of 5 groups grows); the
relative rule decides on large inputs, where shares are small (10 of 47 texts → 1 of 35
shrinks, 1 → 8 grows). Over more than two years the trend is the same rule applied to the
first and the last year.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.config import SeminarConfig

__all__ = [
    "NOT_A_CHANGE",
    "OVERALL",
    "STATUSES",
    "STATUS_ORDER",
    "CompareParams",
    "StatusWords",
    "reported",
    "status_of",
]


@dataclass(frozen=True)
class CompareParams:
    """The comparison's parameters, built once (the rule in the module docs).

    Attributes:
        change: ``[compare] change``: a change in share that makes a point growing or shrinking.
        ratio: ``[compare] ratio``: or a share this many times larger or smaller.
        recurring_from: The groups a point needs to be new, gone or a change: the fewest groups of
            a recurring point, as the theme stage of the compared years stored it
            (``recurring_from`` in ``theme_quality.json``; the last year's), not read from a
            configuration.
        n_quotes: ``[compare] n_quotes``: quotes per point and year.
        word_families: ``[compare] word_families``: rows for recurring word families too.
    """

    change: float = 0.3
    ratio: float = 2.0
    recurring_from: int = 2
    n_quotes: int = 2
    word_families: bool = True

    @classmethod
    def from_config(cls, cfg: SeminarConfig, recurring_from: int) -> CompareParams:
        """The parameters of the last year's ``[compare]``, and the groups from which a point recurs.

        ``recurring_from`` is the compared years' stored fact (:attr:`YearTables.recurring_from
        <pipeline.compare.tables.YearTables.recurring_from>`), not a configuration value.
        """
        c = cfg.compare
        return cls(
            change=c.change,
            ratio=c.ratio,
            recurring_from=recurring_from,
            n_quotes=c.n_quotes,
            word_families=c.word_families,
        )


@dataclass(frozen=True)
class StatusWords:
    """How the reports name a status: a heading, a count in the singular and plural, a chart colour."""

    title: str
    singular: str
    plural: str
    colour: str


#: The status vocabulary, in report order.
STATUSES: dict[str, StatusWords] = {
    "ny": StatusWords("Nye temaer", "nyt tema", "nye temaer", "#2a9d3f"),
    "voksende": StatusWords("Voksende temaer", "voksende tema", "voksende temaer", "#1f6f8b"),
    "vedvarende": StatusWords("Vedvarende temaer", "vedvarende tema", "vedvarende temaer", "#7a8a94"),
    "aftagende": StatusWords("Aftagende temaer", "aftagende tema", "aftagende temaer", "#d08a2e"),
    "forsvundet": StatusWords("Forsvundne temaer", "forsvundet tema", "forsvundne temaer", "#c0392b"),
    "enkeltstående": StatusWords(
        "Enkeltstående temaer", "enkeltstående tema", "enkeltstående temaer", "#c5ccd1"
    ),
}
STATUS_ORDER = list(STATUSES)
#: The status of a theme that no year had enough groups for: not a change to report.
NOT_A_CHANGE = "enkeltstående"
#: The scope name of the cross-cutting themes.
OVERALL = "Alle kerneområder"


def reported(status: pd.DataFrame, scope: str | None = None) -> pd.DataFrame:
    """The rows of a status table that are changes to report, optionally in one scope (area, ``OVERALL``)."""
    keep = status["status"] != NOT_A_CHANGE
    if scope is not None:
        keep &= status["core_area"] == scope
    return status[keep]


def status_of(b: int, t: int, sb: float, st: float, params: CompareParams) -> str:
    """The status of one point in one scope between two years (the rule in the module docs)."""
    eps = 1e-9
    m = params.recurring_from
    if b == 0 and t >= m:
        return "ny"
    if t == 0 and b >= m:
        return "forsvundet"
    if max(b, t) < m or b == 0 or t == 0:
        return NOT_A_CHANGE
    if st - sb >= params.change - eps or (t >= m and st >= params.ratio * sb - eps):
        return "voksende"
    if sb - st >= params.change - eps or (b >= m and sb >= params.ratio * st - eps):
        return "aftagende"
    return "vedvarende"
