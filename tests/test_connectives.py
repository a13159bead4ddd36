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


@pytest.mark.parametrize(
    ("tokens", "upos"),
    [
        # an adding adverb in the first field: the sentence adds to one before it
        ("De talte også om samarbejde med virksomheder .", ""),
        ("Det er dog vigtigt , at alle kan være med .", ""),
        ("Derfor mener vi desuden , at afgiften skal op .", ""),
        # a third-person pronoun as subject or fronted object names what the sentence before named
        ("De nævnte behovet for nye skoler .", "PRON VERB NOUN ADP ADJ NOUN PUNCT"),
        ("Den er vi begyndt at rokke ved .", "PRON AUX PRON VERB PART VERB ADP PUNCT"),
        ("Det er et stort problem .", "PRON AUX DET ADJ NOUN PUNCT"),
        # a linking adverbial of several words weighs it against the one before
        ("Til gengæld har vi et kæmpe problem med anmeldelser .", ""),
        ("På den anden side koster det penge .", ""),
    ],
)
def test_a_sentence_adding_to_or_pointing_back_at_the_one_before_leans_back(tokens, upos):
    assert leans_back(tokens, upos)


@pytest.mark.parametrize(
    ("tokens", "upos"),
    [
        # an article before its noun or adjective points nowhere
        ("De fleste kommuner har en plan .", "DET ADJ NOUN VERB DET NOUN PUNCT"),
        ("Den nye skole skal bygges .", "DET ADJ NOUN AUX VERB PUNCT"),
        # a formal "det" holds the place of the clause after it
        ("Det er vigtigt , at alle kan være med .", "PRON AUX ADJ PUNCT SCONJ PRON AUX AUX ADV PUNCT"),
        # "vi" is the writers themselves; "også" late in the sentence belongs to its own clause
        ("Vi vil have flere cykelstier , som også skolerne kan bruge .", ""),
        # without tags a pronoun is not told from an article
        ("De nævnte behovet for nye skoler .", ""),
    ],
)
def test_a_sentence_whose_opener_points_nowhere_stands_alone(tokens, upos):
    assert not leans_back(tokens, upos)
