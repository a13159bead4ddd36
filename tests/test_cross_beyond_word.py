"""A cross-cutting point named by one general noun: one point only where groups say the same beyond it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.themes.kinds import AreaKinds
from pipeline.themes.whole_phrase import Sentence

# invented notes: two areas, each group's sentence with the noun "samarbejde" at position 2
_SAID = {
    "a1": ("Vi ønsker samarbejde med frivillige foreninger", "PRON VERB NOUN ADP ADJ NOUN"),
    "a2": ("Vi ønsker samarbejde med politikerne", "PRON VERB NOUN ADP NOUN"),
    "b1": ("Vi ønsker samarbejde med virksomhederne", "PRON VERB NOUN ADP NOUN"),
    "b2": ("Vi ønsker samarbejde med lokale foreninger", "PRON VERB NOUN ADP ADJ NOUN"),
    "b3": ("Vi ønsker større samarbejde", "PRON VERB ADJ NOUN"),
    "a3": ("Vi ønsker større samarbejde", "PRON VERB ADJ NOUN"),
    "a4": ("Vi ønsker velfærdsteknologi", "PRON VERB NOUN"),
    "b4": ("Vi ønsker velfærdsteknologi", "PRON VERB NOUN"),
}
_LEMMAS = {
    "Vi": "vi",
    "ønsker": "ønske",
    "samarbejde": "samarbejde",
    "med": "med",
    "frivillige": "frivillig",
    "foreninger": "forening",
    "politikerne": "politiker",
    "virksomhederne": "virksomhed",
    "lokale": "lokal",
    "større": "stor",
    "velfærdsteknologi": "velfærdsteknologi",
}


def _sentence(sid: str) -> Sentence:
    tokens, upos = _SAID[sid][0].split(), _SAID[sid][1].split()
    return Sentence(tuple(tokens), tuple(upos), tuple(_LEMMAS[t] for t in tokens))


def _kinds() -> dict[str, AreaKinds]:
    said = {sid: _sentence(sid) for sid in _SAID}
    return {area: AreaKinds(said, lambda w: False) for area in ("Omsorg", "Job")}


def _units(rows: list[tuple[str, int, str]]) -> pd.DataFrame:
    """``(area, group, statement_id)``: the unit is the statement's noun (and a grading word before it)."""
    out = []
    for area, group, sid in rows:
        s = _sentence(sid)
        start = 2
        end = 4 if s.upos[2] == "ADJ" else 3
        out.append(
            {
                "core_area": area,
                "year": 2024,
                "group": group,
                "statement_id": sid,
                "start": start,
                "end": end,
                "lemmas": " ".join(s.lemmas[start:end]),
            }
        )
    return pd.DataFrame(out)


def test_one_word_for_different_things_in_two_areas_is_no_cross_cutting_point():
    from pipeline.themes.cross import same_beyond_word

    # volunteers and politicians in one area, companies in the other: the word, not the point
    units = _units([("Omsorg", 1, "a1"), ("Omsorg", 2, "a2"), ("Job", 1, "b1")])
    assert same_beyond_word(units, np.arange(3), "samarbejde", _kinds()).tolist() == []


def test_the_groups_that_say_the_same_beyond_the_word_stay_one_point():
    from pipeline.themes.cross import same_beyond_word

    units = _units([("Omsorg", 1, "a1"), ("Omsorg", 2, "a2"), ("Job", 1, "b1"), ("Job", 2, "b2")])
    # "samarbejde med frivillige foreninger" and "samarbejde med lokale foreninger": both about associations
    assert same_beyond_word(units, np.arange(4), "samarbejde", _kinds()).tolist() == [0, 3]


def test_a_grading_word_says_nothing_beyond_the_word():
    from pipeline.themes.cross import same_beyond_word

    units = _units([("Omsorg", 1, "a3"), ("Job", 1, "b3")])
    assert same_beyond_word(units, np.arange(2), "samarbejde", _kinds()).tolist() == []


def test_a_specific_word_is_itself_the_point_across_areas():
    from pipeline.themes.cross import same_beyond_word

    units = _units([("Omsorg", 1, "a4"), ("Job", 1, "b4")])
    assert same_beyond_word(units, np.arange(2), "velfærdsteknologi", _kinds()).tolist() == [0, 1]
    # without the parse's kind tests every member stays, as before
    units = _units([("Omsorg", 1, "a1"), ("Job", 1, "b1")])
    assert same_beyond_word(units, np.arange(2), "samarbejde", {}).tolist() == [0, 1]


def _cross(units: pd.DataFrame, monkeypatch, **kw) -> pd.DataFrame:
    """``cross_cutting`` over invented units, every unit in one cluster (no embedding needed)."""
    from types import SimpleNamespace

    from pipeline.themes import cross

    monkeypatch.setattr(cross, "cluster_units", lambda u, *a: (np.zeros(len(u), dtype=int), 0.0, None))
    params = SimpleNamespace(top_n_words=3)
    table, _ = cross.cross_cutting(units, np.zeros((len(units), 1)), params, frozenset(), {}, None, **kw)
    return table


def _full(units: pd.DataFrame, themes: list[int]) -> pd.DataFrame:
    """The columns ``cross_cutting`` reads besides those :func:`_units` gives."""
    return units.assign(
        verbs="",
        words=units["lemmas"],
        content_at=[" ".join(str(i) for i in range(len(d.split()))) for d in units["lemmas"]],
        text=units["lemmas"],
        theme=themes,
        stance=False,
        unit_id=[f"u{i}" for i in range(len(units))],
    )


def test_the_whole_step_drops_a_word_two_areas_use_for_different_things(monkeypatch):
    units = _full(
        _units([("Omsorg", 1, "a1"), ("Omsorg", 2, "a2"), ("Job", 1, "b1"), ("Job", 2, "b2")]), [0] * 4
    )
    # the same invented notes without the parse: one point "samarbejde" in two areas, as before
    assert _cross(units, monkeypatch)["n_groups"].tolist() == [4]
    table = _cross(units, monkeypatch, kinds=_kinds())
    assert table["n_groups"].tolist() == [2] and table["label"].tolist() == ["Samarbejde"]


def test_no_cross_cutting_point_counts_a_group_through_a_theme_its_area_sets_aside(monkeypatch):
    """The question's own words are no point on the area page, so they count for no group across areas."""
    units = _full(_units([("Omsorg", 1, "a4"), ("Job", 1, "b4")]), [0, 1])
    assert _cross(units, monkeypatch, kinds=_kinds())["n_areas"].tolist() == [2]
    assert _cross(units, monkeypatch, kinds=_kinds(), asked=frozenset({1})).empty


def test_a_word_two_areas_use_for_different_things_is_listed_apart(monkeypatch):
    units = _full(_units([("Omsorg", 1, "a1"), ("Omsorg", 2, "a2"), ("Job", 1, "b1")]), [0] * 3)
    apart: list = []
    assert _cross(units, monkeypatch, kinds=_kinds(), apart=apart).empty
    assert apart == [
        {
            "word": "Samarbejde",
            "areas": [
                {"core_area": "Omsorg", "groups": [1, 2], "unit_ids": ["u0", "u1"]},
                {"core_area": "Job", "groups": [1], "unit_ids": ["u2"]},
            ],
        }
    ]
