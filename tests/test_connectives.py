"""Sentences that open with a word tying them to the sentence before do not stand alone."""

from __future__ import annotations

import pytest

from pipeline.danish.connectives import leans_back


@pytest.mark.parametrize(
    "text",
    [
        "Men der kan være eksempler, hvor de gør.",
        "Og kommunerne skal sikre bedre forhold.",
        "Derfor skal de nye sygehuse bygges med flere sengepladser.",
        "Tværtimod ønsker vi lavere skat.",
        "»Så vi skal støtte kulturen.",
    ],
)
def test_a_sentence_opening_with_a_linking_word_leans_back(text):
    assert leans_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vi har brug for et levende kulturliv.",
        "Det er vigtigt, at det er gratis for alle.",  # "det" opens a sentence of its own
        "Ja, afgiften skal sættes op.",
        "Mentorordninger hjælper.",  # a word beginning with a linking word is not one
        "",
    ],
)
def test_a_sentence_of_its_own_does_not(text):
    assert not leans_back(text)
