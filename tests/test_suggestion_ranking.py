"""The order suggestions are read in: no side and no core area fills the list (tiny candidates)."""

from __future__ import annotations

from pipeline.curation.ranking import Candidate, pick, spread
from pipeline.curation.suggest import Side


def _side(area: str, label: str, group: int) -> Side:
    return Side(area, label, label, -1, f"{area}:{label}", (label,), frozenset([group]), "")


def _cand(area: str, a: str, b: str, score: float) -> Candidate:
    return Candidate(-score, f"{area}:{a}+{b}", _side(area, a, 1), _side(area, b, 2), "")


CANDIDATES = [
    _cand("Beskæftigelse", "virksomheder", "arbejdsgivere", 0.9),
    _cand("Beskæftigelse", "unge", "kommende generationer", 0.8),
    _cand("Beskæftigelse", "fleksjob", "skånejob", 0.7),
    _cand("Beskæftigelse", "mentorer", "støttepersoner", 0.6),
    _cand("Læring", "trivsel", "velvære", 0.3),
    _cand("Læring", "forældre", "familier", 0.2),
    _cand("Social omsorg", "frivillige", "foreninger", 0.1),
]


def test_each_core_area_gets_its_fair_share_of_the_first_slots_then_the_rest_by_score():
    """Ranked by score alone the first three would all be Beskæftigelse's; each area's best first."""
    top = pick(CANDIDATES, 3)
    assert [c.first.area for c in top] == ["Beskæftigelse", "Læring", "Social omsorg"]
    # about half the list in rounds of each area's next best (12 // (2 * 3) = 2), each round in
    # score order, then the rest by score
    assert [c.first.label for c in pick(CANDIDATES, 12)] == [
        "virksomheder", "trivsel", "frivillige", "unge", "forældre", "fleksjob", "mentorer",
    ]  # fmt: skip
    assert [c.first.label for c in pick(CANDIDATES, 6)][3:] == ["unge", "fleksjob", "mentorer"]


def test_one_area_alone_is_read_by_score():
    one = [c for c in CANDIDATES if c.first.area == "Beskæftigelse"]
    assert spread(one, 3) == one


def test_a_point_has_one_side_and_is_charged_once_against_the_per_side_budget():
    """A point ("Pårørende" kept as a point) is one theme: with one pair of that theme beside it, the
    theme has had two suggestions, not three; its second pair is read in score order."""
    theme = _side("Social omsorg", "pårørende", 1)
    point = Candidate(-0.9, "point", theme, theme, "")
    pair = Candidate(-0.8, "pair", theme, _side("Social omsorg", "familier", 2), "")
    third = Candidate(-0.75, "third", theme, _side("Social omsorg", "netværk", 3), "")
    other = _cand("Social omsorg", "frivillige", "foreninger", 0.7)
    assert [c.id for c in pick([point, pair, third, other], 4)] == ["point", "pair", other.id, "third"]
