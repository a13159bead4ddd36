"""A label keeps the capitals the groups always write: acronyms and proper nouns ("FN", "Danmark")."""

from __future__ import annotations

import pandas as pd

from pipeline.themes.points import label_text


def _units(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """Key phrases as (written words, their lemmas), every word a content word."""
    return pd.DataFrame(
        {
            "words": [w for w, _ in rows],
            "lemmas": [lem for _, lem in rows],
            "content_at": [" ".join(str(i) for i in range(len(w.split()))) for w, _ in rows],
        }
    )


def test_an_acronym_and_a_proper_noun_keep_their_capitals():
    units = _units([("procent af BNI", "procent af bni"), ("procent af BNI", "procent af bni")])
    assert label_text("procent af bni", units) == "Procent af BNI"
    units = _units([("IT-sikkerhed", "it-sikkerhed")])
    assert label_text("it-sikkerhed", units) == "IT-sikkerhed"


def test_a_word_written_in_lower_case_anywhere_is_a_common_word():
    units = _units([("Kvalitet", "kvalitet"), ("kvalitet", "kvalitet")])
    assert label_text("kvalitet", units) == "Kvalitet"
    units = _units(
        [
            ("Tydelig Kommunikation", "tydelig kommunikation"),
            ("tydelig kommunikation", "tydelig kommunikation"),
        ]
    )
    assert label_text("tydelig kommunikation", units) == "Tydelig kommunikation"


def test_a_one_group_claim_label_keeps_a_proper_noun_s_capital():
    from pipeline.themes.labels import claim_label

    assert claim_label("sundhedsudgifterne i Danmark", "sundhedsudgift danmark") == "Sundhedsudgift i Danmark"
