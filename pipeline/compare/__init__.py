"""Year-over-year comparison: which points are new, growing, persisting, shrinking or gone.

* :mod:`~pipeline.compare.status`: the status rule and its vocabulary;
* :mod:`~pipeline.compare.match`: which themes of different years are the same point
  (:func:`~pipeline.compare.match.says_same`, by the rule of :mod:`pipeline.themes.points`);
* :mod:`~pipeline.compare.yearly`: the comparison of the years' own pages
  (:func:`~pipeline.compare.yearly.compare_years_tables`);
* the page: :mod:`pipeline.report.compare_page`; the flow: :mod:`pipeline.flows.compare`.
"""

from pipeline.compare.match import PointEvidence, SamePoint, match_points, same_point, says_same, shared_words
from pipeline.compare.status import (
    NOT_A_CHANGE,
    OVERALL,
    STATUS_ORDER,
    CompareParams,
    STATUSES,
    StatusWords,
    reported,
    status_of,
)
from pipeline.compare.tables import Comparison, YearTables, trajectories
from pipeline.compare.yearly import compare_years_tables, cross_points, theme_points

__all__ = [
    "NOT_A_CHANGE",
    "OVERALL",
    "STATUSES",
    "STATUS_ORDER",
    "CompareParams",
    "Comparison",
    "PointEvidence",
    "SamePoint",
    "StatusWords",
    "YearTables",
    "compare_years_tables",
    "cross_points",
    "match_points",
    "reported",
    "same_point",
    "says_same",
    "shared_words",
    "status_of",
    "theme_points",
    "trajectories",
]
