"""The words several groups used: words that name something, not answer particles, conjunctions or idioms."""

from __future__ import annotations

import pandas as pd

from pipeline.themes import ThemeParams, recurring_terms


def _statements(rows: list[tuple[int, str, str, str]]) -> pd.DataFrame:
    """Statements of one area: ``(group, tokens, lemmas, word classes)``; every lemma a content lemma."""
    return pd.DataFrame(
        [
            {
                "year": 2024,
                "core_area": "Kultur",
                "group": g,
                "statement_id": f"s{n}",
                "tokens": tokens,
                "lemmas": lemmas,
                "pos": pos,
                "content_lemmas": lemmas,
                "compound_parts": "",
            }
            for n, (g, tokens, lemmas, pos) in enumerate(rows)
        ]
    )


def test_only_words_that_name_something_are_counted():
    statements = _statements(
        [
            (1, "nej når i stedet for teater", "nej når i sted for teater", "INTJ SCONJ ADP NOUN ADP NOUN"),
            (2, "nej når i stedet for teater", "nej når i sted for teater", "INTJ SCONJ ADP NOUN ADP NOUN"),
            # "tidlig" read as an adverb before a participle once, an adjective once: it names something
            (1, "tidlig forebyggende indsats", "tidlig forebyggende indsats", "ADV VERB NOUN"),
            (2, "tidlig indsats", "tidlig indsats", "ADJ NOUN"),
        ]
    )
    terms = recurring_terms(statements, ThemeParams(min_groups=2))
    assert sorted(terms["term"]) == ["indsats", "teater", "tidlig"]
