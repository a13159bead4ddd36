"""The spans of a statement's key phrases, read with the Danish word lists they need."""

from __future__ import annotations

from pipeline.danish import FRAME_PREPOSITIONS
from pipeline.danish.participles import is_present_participle
from pipeline.themes.spans import kept_frames


def test_a_frame_noun_carries_the_point_unless_a_preposition_opens_its_complement():
    """ "individuelle behov" is the point; "individuelle behov for støtte" says that support matters."""
    assert {"for", "af", "på", "mellem"} <= FRAME_PREPOSITIONS and "og" not in FRAME_PREPOSITIONS
    words = "individuelle behov".split()
    assert kept_frames(words, ["individuel", "behov"], ["ADJ", "NOUN"], frozenset()) == {1}
    words = "individuelle behov for støtte".split()
    lemmas, upos = ["individuel", "behov", "for", "støtte"], ["ADJ", "NOUN", "ADP", "NOUN"]
    assert kept_frames(words, lemmas, upos, frozenset()) == frozenset()


def test_a_present_participle_is_an_ende_form_after_a_stem():
    assert is_present_participle("forebyggende") and is_present_participle("Indgribende")
    assert not is_present_participle("vende") and not is_present_participle("ende")
    assert not is_present_participle("forebyggelse")


def test_an_adjective_of_a_fixed_expression_is_no_noun():
    """ "først og fremmest" is "above all", "til stede" is "present": neither names a thing."""
    from pipeline.themes.spans import phrase_spans

    words = "vi ønsker først og fremmest kristne bederum".split()
    upos = "PRON VERB ADV CCONJ ADJ ADJ NOUN".split()
    lemmas = "vi ønske først og fremmest kristen bederum".split()
    assert phrase_spans(words, lemmas, upos, frozenset({"vi", "og"})) == [(5, 7)]
    words = "vi vil være til stede i verdens brændpunkter".split()
    upos = "PRON AUX AUX ADP ADJ ADP NOUN NOUN".split()
    lemmas = "vi ville være til stede i verden brændpunkt".split()
    assert phrase_spans(words, lemmas, upos, frozenset({"vi", "ville", "være", "til", "i"})) == [(6, 8)]
    # an adjective used as a noun outside an idiom is one: "støtte til de frivillige"
    words = "støtte til de frivillige".split()
    spans = phrase_spans(words, "støtte til den frivillig".split(), "NOUN ADP DET ADJ".split(), frozenset())
    assert (3, 4) in spans
