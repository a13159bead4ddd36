"""Themes: the points several groups made within each core area, and the points that recur across areas.

* :mod:`~pipeline.themes.units`: key phrases below the sentence (noun phrases);
* :mod:`~pipeline.themes.features`: unit vectors (meaning and words);
* :mod:`~pipeline.themes.cluster`: the clusterer with a data-driven cut;
* :mod:`~pipeline.themes.labels`: noun-phrase labels and keywords from a theme's own units;
* :mod:`~pipeline.themes.subthemes`: :func:`find_themes`, per area and across areas;
* :mod:`~pipeline.themes.terms`: words several groups used.
"""

from pipeline.themes.cluster import PhraseCluster
from pipeline.themes.labels import NounPhraseRepresentation, keyword_ranking, label_phrase
from pipeline.themes.subthemes import ThemeResult, embed_units, find_themes
from pipeline.themes.terms import recurring_terms
from pipeline.themes.units import make_units

__all__ = [
    "NounPhraseRepresentation",
    "PhraseCluster",
    "ThemeResult",
    "embed_units",
    "find_themes",
    "keyword_ranking",
    "label_phrase",
    "make_units",
    "recurring_terms",
]
