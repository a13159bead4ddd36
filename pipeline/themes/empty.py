"""Words that name no point on their own: spread over every area, empty nouns, an area's setting.

The theme stage leaves them out of labels (:mod:`pipeline.themes.points`) and the analyst's
suggestions never offer them as a side (:mod:`pipeline.curation.suggest`).
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd

from pipeline.danish import SETTING_PREPOSITIONS

__all__ = ["empty_words", "no_point_anywhere", "pointless_words", "setting_words"]


def pointless_words(units: pd.DataFrame, statements: pd.DataFrame, min_areas: int = 6) -> frozenset[str]:
    """Words that carry no point: the units' words the statements spread over many core areas (questions).

    A word a discussion is about gathers in the areas where that is discussed; "Danmark",
    "alle", "store", "folk" turn up wherever anyone speaks. A word's spread is the effective
    number of areas it is used in: ``exp`` of the entropy of its rate per area (statements
    using it over the area's statements, so a large area does not count more). A word whose
    spread is at least a quarter of the areas belongs to no question in particular. Below
    ``min_areas`` areas a spread cannot tell a generic word from one that every area took up
    ("samarbejde" in four of five), and nothing is marked.
    """
    areas = statements["core_area"].nunique() if len(statements) else 0
    if areas < min_areas or units.empty:
        return frozenset()
    wanted = {w for doc in units["lemmas"] for w in doc.split()}
    sizes = statements.groupby("core_area").size()
    uses: dict[str, Counter] = {}
    for doc, area in zip(statements["lemmas"], statements["core_area"], strict=True):
        for w in set(doc.lower().split()) & wanted:
            uses.setdefault(w, Counter())[area] += 1
    out = set()
    for w, counts in uses.items():
        rates = np.array([counts[a] / sizes[a] for a in sorted(counts)])
        p = rates / rates.sum()
        if math.exp(-float((p * np.log(p)).sum())) >= areas / 4:
            out.add(w)
    return frozenset(out)


def setting_words(units: pd.DataFrame, statements: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Per core area, the nouns that are the setting of its discussion, not a point made in it.

    A lemma is a setting when two or more of the area's groups name it, and more than half of
    its units are that noun alone right after a placing preposition
    (:data:`pipeline.danish.SETTING_PREPOSITIONS`: "frivillige i ældreplejen") where it can be a
    setting (:func:`pipeline.danish.places.names_setting`: a place, or a known field in the
    definite form; not "kvaliteten i anbringelser").
    """
    from pipeline.danish.places import names_setting

    tokens = statements.set_index("statement_id")["tokens"].to_dict()
    bare: Counter = Counter()
    total: Counter = Counter()
    groups: dict[tuple[str, str], set] = {}
    for u in units.itertuples(index=False):
        words = u.lemmas.split()
        for w in words:
            total[(u.core_area, w)] += 1
            groups.setdefault((u.core_area, w), set()).add((u.year, u.group))
        if len(words) == 1:
            toks = tokens.get(u.statement_id, "").lower().split()
            before = toks[max(0, u.start - 2) : u.start]
            word = toks[u.start] if u.start < len(toks) else words[0]
            if (
                before[-1:]
                and (before[-1] in SETTING_PREPOSITIONS or " ".join(before) in SETTING_PREPOSITIONS)
                and names_setting(word, words[0])
            ):
                bare[(u.core_area, words[0])] += 1
    out: dict[str, set[str]] = {}
    for (area, w), n in bare.items():
        if len(groups[(area, w)]) >= 2 and n > total[(area, w)] / 2:
            out.setdefault(area, set()).add(w)
    return {a: frozenset(ws) for a, ws in out.items()}


def no_point_anywhere(units: pd.DataFrame, statements: pd.DataFrame) -> frozenset[str]:
    """Words that name no point on their own in any area.

    Those spread evenly over all areas (:func:`pointless_words`), and the nouns that name none
    ("problem", "mennesker", "måneder": ``EMPTY_NOUNS``, the parser's time words).
    """
    from pipeline.danish import EMPTY_NOUNS
    from pipeline.danish.noun_phrases import TEMPORAL_NOUNS

    return pointless_words(units, statements) | EMPTY_NOUNS | TEMPORAL_NOUNS


def empty_words(units: pd.DataFrame, statements: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Per core area, the words that name no point on their own.

    :func:`no_point_anywhere` and the area's settings (:func:`setting_words`).
    """
    anywhere = no_point_anywhere(units, statements)
    settings = setting_words(units, statements)
    return {area: anywhere | settings.get(area, frozenset()) for area in dict.fromkeys(units["core_area"])}
