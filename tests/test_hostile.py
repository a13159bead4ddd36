"""Hostile but realistic input: nothing leaked, nothing lost, never "unexpected" (issue 23)."""

from __future__ import annotations

import pytest

from pipeline.ingest import SourceFile, ingest
from pipeline.ingest._text import cut_long_text, mask_markup, nlp_blocks


def test_markup_is_masked_with_the_same_length():
    text = 'Trivsel <script>alert(7)</script> og <b>frivillige</b> &amp; [link](javascript:alert(2)) her'
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert "alert" not in masked and "script" not in masked and "javascript" not in masked
    assert "Trivsel" in masked and "frivillige" in masked and "[link]" in masked and masked.endswith(" her")


def test_long_text_is_cut_at_sentence_ends_and_joins_back():
    text = "Frivillige hjælper i ældreplejen. " * 5000
    pieces = cut_long_text(text, limit=1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith(". ") for p in pieces[:-1])
    assert cut_long_text("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]
    assert [b for _, b in nlp_blocks(["a" * 5, "b"])] == ["a" * 5, "b"]


def test_markup_in_a_note_is_quoted_but_is_no_theme_word(tiny_cfg):
    from tests.helpers import analyse_rows

    rows = [
        "kerneområde;gruppe;tekst",
        'Læring;1;"<script>alert(7)</script> Trivsel i klassen kræver voksne. <script>alert(7)</script>"',
        'Læring;2;"<script>alert(7)</script> Trivsel i klassen og mobning. <script>alert(7)</script>"',
        'Læring;3;"<script>alert(7)</script> Trivsel og fællesskab i klassen. <script>alert(7)</script>"',
    ]
    _, analysis, _ = analyse_rows(rows, tiny_cfg)
    labels = " ".join(analysis.themes["label"].astype(str)).lower()
    assert "alert" not in labels and "script" not in labels
    assert "alert" not in " ".join(analysis.statements["content_lemmas"]).lower()
    assert any("<script>alert(7)</script>" in t for t in analysis.statements["text"])  # quoted as written
