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
    assert (status, why) == ("aftagende", "2025: gruppe 5: „velfærdsteknologi“")
    assert _not_gone("ny", 2024, {2024: {"2": "byforskønnelse"}})[0] == "voksende"
    assert _not_gone("forsvundet", 2025, {}) == ("forsvundet", "")
    assert _not_gone("vedvarende", 2025, inside) == ("vedvarende", "")


def test_the_page_names_the_word_inside_another_word_from_the_status_column():
    from types import SimpleNamespace

    import pandas as pd

    from pipeline.compare.tables import QUOTE_COLUMNS, Comparison
    from pipeline.report.compare_rows import evidence_blocks
    from pipeline.report.blocks import Page
    from pipeline.report.markdown import render_markdown

    prev = pd.DataFrame(
        [
            {"point": 0, "year": 2024, "n_groups": 2, "n_groups_total": 5, "also_groups": ""},
            {"point": 0, "year": 2025, "n_groups": 0, "n_groups_total": 5, "also_groups": ""},
        ]
    ).set_index(["point", "year"])
    empty = pd.DataFrame()
    comparison = Comparison(
        (2024, 2025), 2024, 2025, empty, empty, pd.DataFrame(columns=QUOTE_COLUMNS), empty
    )

    def render(blocks):
        return render_markdown(Page("t", "da", tuple(blocks)))

    row = SimpleNamespace(
        point=0,
        label="Velfærd",
        core_area="Økonomi",
        base_year=2024,
        target_year=2025,
        counts="2 → 0",
        reason="",
        written_inside="2025: gruppe 5: „velfærdsteknologi“",
    )
    text = render(evidence_blocks(row, comparison, prev, {2024: "../2024", 2025: "../2025"}, "grupper"))
    assert "Ingen gruppe nævnte det som eget punkt i 2025, men ordet står i et andet ord" in text
    assert "(gruppe 5: „velfærdsteknologi“)" in text and "Hvorfor samme tema" not in text
    row.written_inside = ""
    text = render(evidence_blocks(row, comparison, prev, {2024: "../2024", 2025: "../2025"}, "grupper"))
    assert "Ingen gruppe nævnte det i 2025." in text
