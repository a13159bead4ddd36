"""Themes: the points several groups made within each core area, and the points that recur across areas.

* :mod:`~pipeline.themes.units`: key phrases below the sentence (noun phrases, their spans:
  :mod:`~pipeline.themes.spans`);
* :mod:`~pipeline.themes.features`: unit vectors (meaning and words);
* :mod:`~pipeline.themes.cluster`: the clusterer with a data-driven cut;
* :mod:`~pipeline.themes.saying`: when a group's words say a label (:func:`says`, :func:`same_point`);
* :mod:`~pipeline.themes.points`: the labels of points and the groups they fit;
* :mod:`~pipeline.themes.labels`: keywords and quoted clauses from a theme's own units;
* :mod:`~pipeline.themes.subthemes`: the points of one area's units;
* :mod:`~pipeline.themes.cross`: the points said in two or more areas;
* :mod:`~pipeline.themes.finder`: :class:`ThemeFinder` (``fit`` → ``themes_``), the whole stage;
* :mod:`~pipeline.themes.records`: :class:`ThemeParams` and the stage's records;
* :mod:`~pipeline.themes.words`: a general noun alone is no point;
* :mod:`~pipeline.themes.terms`: words several groups used.
"""

from pipeline.themes.cluster import PhraseCluster
from pipeline.themes.labels import keyword_ranking, label_phrase
from pipeline.themes.points import PointMatch, choose_point, same_point, says
from pipeline.themes.finder import ThemeFinder, find_themes
from pipeline.themes.records import ThemeParams
from pipeline.themes.subthemes import ThemeResult, embed_units
from pipeline.themes.terms import recurring_terms
from pipeline.themes.units import make_units

__all__ = [
    "PhraseCluster",
    "PointMatch",
    "ThemeFinder",
    "ThemeParams",
    "ThemeResult",
    "choose_point",
    "embed_units",
    "find_themes",
    "keyword_ranking",
    "label_phrase",
    "make_units",
    "recurring_terms",
    "same_point",
    "says",
]
