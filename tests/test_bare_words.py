"""One-word phrases that name nobody and nothing in particular (pipeline.danish.bare_words)."""

from __future__ import annotations


from pipeline.danish.bare_words import is_bare_adjective, is_bare_noun
from pipeline.themes.singles import names_own_point


def test_bare_nouns_of_a_body_a_change_or_a_benefit():
    assert all(is_bare_noun(w) for w in ("folketing", "kommune", "udvikling", "gavn", "borger"))
    assert not any(is_bare_noun(w) for w in ("samarbejde", "glæde", "kompetenceudvikling"))


def test_an_adjective_or_participle_whose_noun_is_left_out_names_nothing():
    # "både jødiske, muslimske, ateister og kristne børn": the noun of the first two is "børn"
    assert is_bare_adjective("jødiske", "jødisk") and is_bare_adjective("Muslimske", "muslimsk")
    # "født og opvokset i": the lemmatiser took the participle back to its verb
    assert is_bare_adjective("opvokset", "opvokse")
    # used as nouns they name people or things: "de frivillige", "de ansatte", a disk, a collaboration
    for form, lemma in (("frivillige", "frivillig"), ("ansatte", "ansætte"), ("diske", "disk")):
        assert not is_bare_adjective(form, lemma), form
    assert not is_bare_adjective("samarbejdet", "samarbejde")


def test_a_one_word_phrase_of_a_bare_adjective_is_no_point():
    never = lambda w: False  # noqa: E731
    assert not names_own_point("jødisk", "", frozenset(), never, text="jødiske")
    assert not names_own_point("opvokse", "", frozenset(), never, text="opvokset")
    assert names_own_point("frivillig", "", frozenset(), never, text="frivillige")
    assert names_own_point("jødisk barn", "", frozenset(), never, text="jødiske børn")
