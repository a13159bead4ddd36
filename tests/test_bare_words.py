"""One-word phrases that name nobody and nothing in particular (pipeline.danish.bare_words)."""

from __future__ import annotations


from pipeline.danish.bare_words import is_bare_noun


def test_bare_nouns_of_a_body_a_change_or_a_benefit():
    assert all(is_bare_noun(w) for w in ("folketing", "kommune", "udvikling", "gavn", "borger"))
    assert not any(is_bare_noun(w) for w in ("samarbejde", "glæde", "kompetenceudvikling"))
