"""Small summaries for exploring notes in a notebook (tables in, tables out)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

__all__ = ["notes_overview", "statement_lengths", "top_lemmas"]


def notes_overview(notes: pd.DataFrame) -> pd.DataFrame:
    """Notes, groups and words per core area, in the configured order of the notes table."""
    words = notes["text"].str.split().str.len()
    out = (
        notes.assign(words=words)
        .groupby("core_area", sort=False)
        .agg(
            notes=("note_id", "size"),
            groups=("group", "nunique"),
            words=("words", "sum"),
            theme=("theme", "first"),
        )
        .reset_index()
    )
    return out


def statement_lengths(statements: pd.DataFrame) -> pd.DataFrame:
    """Words per statement with its core area and group (for a histogram or box plot)."""
    return statements.assign(words=statements["text"].str.split().str.len())[
        ["core_area", "group", "statement_id", "words"]
    ]


def top_lemmas(statements: pd.DataFrame, n: int = 10, by: str = "core_area") -> pd.DataFrame:
    """The ``n`` most frequent content lemmas per value of ``by``, with counts."""
    rows = []
    for key, part in statements.groupby(by, sort=False):
        counts = Counter(w for doc in part["content_lemmas"] for w in doc.split())
        for rank, (lemma, count) in enumerate(
            sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n], start=1
        ):
            rows.append({by: key, "rank": rank, "lemma": lemma, "count": count})
    return pd.DataFrame(rows, columns=[by, "rank", "lemma", "count"])
