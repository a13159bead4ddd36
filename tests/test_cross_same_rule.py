"""Cross-cutting points by the area pages' rule: a group counts where its area's theme counts it."""

from __future__ import annotations

import numpy as np
import pandas as pd


def test_a_phrase_in_no_theme_of_its_area_counts_for_no_group_across_areas():
    from pipeline.themes.cross import _with_area_themes

    units = pd.DataFrame(
        {
            "lemmas": ["samarbejde", "samarbejde med virksomhed", "samarbejde", "samarbejde"],
            "verbs": [""] * 4,
            # Læring's "samarbejde" is in no theme there: its page shows no such point
            "theme": [0, 0, 1, -1],
            "core_area": ["Social omsorg", "Social omsorg", "Beskæftigelse", "Læring"],
        }
    )
    kept = _with_area_themes(units, np.array([0, 2, 3]), "samarbejde", set())
    assert kept.tolist() == [0, 1, 2]
    assert set(units.iloc[kept]["core_area"]) == {"Social omsorg", "Beskæftigelse"}


def test_no_cross_cutting_point_names_an_area_whose_themes_do_not_hold_it(analysis_2024):
    import json

    for row in analysis_2024.cross.itertuples():
        areas = json.loads(row.areas)
        assert all(a["themes"] for a in areas), (row.label, areas)
        assert row.n_areas == len(areas) >= 2


def test_a_shared_general_noun_alone_joins_no_two_areas(analysis_2024):
    """2024's "samarbejde": volunteers and politicians in one area, companies in another, no point across."""
    from pipeline.danish.generality import is_general_noun
    from pipeline.themes.points import label_lemmas

    assert "Samarbejde" not in set(analysis_2024.cross["label"])
    for label in analysis_2024.cross["label"]:
        lemmas = label_lemmas(label, {})
        assert len(lemmas.split()) > 1 or not is_general_noun(lemmas), label
    # the area themes stay: each area's groups answered one question
    labels = set(analysis_2024.themes.loc[analysis_2024.themes["recurring"], "label"])
    assert "Samarbejde" in labels
