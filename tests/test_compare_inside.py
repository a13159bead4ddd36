"""A zero beside a group that writes the label inside another word is no "ny" or "forsvundet"."""

from __future__ import annotations

from pipeline.compare.records import _not_gone
from pipeline.compare.said import YearUnits, written_inside


def _year(*phrases: tuple[int, str, str]) -> YearUnits:
    rows = tuple(("Økonomi", g, f"s{g}", lemmas, text, frozenset()) for g, lemmas, text in phrases)
    return YearUnits(2025, rows)


def test_a_word_written_as_a_compounds_part_is_found_with_the_group():
    year = _year((3, "robot", "robotter"), (5, "velfærdsteknologi", "velfærdsteknologi"))
    assert written_inside(year, "Økonomi", ["velfærd"]) == {"5": "velfærdsteknologi"}
    # the word on its own is a count, not this; a two-word label is not looked for inside words
    assert written_inside(_year((5, "velfærd", "velfærd")), "Økonomi", ["velfærd"]) == {}
    assert written_inside(year, "Økonomi", ["offentlig velfærd"]) == {}
    assert written_inside(year, "Læring", ["velfærd"]) == {}


def test_gone_becomes_a_decline_with_the_words_as_the_reason():
    inside = {2025: {"5": "velfærdsteknologi"}}
    status, why = _not_gone("forsvundet", 2025, inside)
    assert status == "aftagende" and "gruppe 5: „velfærdsteknologi“" in why and why.startswith("2025: ingen")
    assert _not_gone("ny", 2024, {2024: {"2": "byforskønnelse"}})[0] == "voksende"
    assert _not_gone("forsvundet", 2025, {}) == ("forsvundet", "")
    assert _not_gone("vedvarende", 2025, inside) == ("vedvarende", "")
