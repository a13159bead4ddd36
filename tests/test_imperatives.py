"""A clause-initial imperative the tagger misread as a noun or a name is a verb ("Invester i …")."""

from __future__ import annotations

import pytest

from pipeline.danish.imperatives import imperative_starts, imperative_verb


@pytest.mark.parametrize(
    ("word", "infinitive"),
    [("Invester", "investere"), ("Investér", "investere"), ("Støt", "støtte"), ("Prioriter", "prioritere")],
)
def test_an_imperative_is_the_stem_the_dictionary_takes_to_its_infinitive(word, infinitive):
    assert imperative_verb(word) == infinitive


@pytest.mark.parametrize("word", ["Plan", "Tid", "Hjælp", "Kultur", "Borger"])
def test_a_noun_the_dictionary_reads_as_itself_is_no_imperative(word):
    assert imperative_verb(word) is None


def _starts(text: str, tags: str, known: dict | None = None) -> list[int]:
    words = text.split()
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    return imperative_starts(words, tags.split(), starts, known or {})


def test_only_a_misread_clause_opener_without_a_finite_verb_of_its_own_is_re_read():
    # the imperative; after a colon; a subordinate clause's verb does not count
    assert _starts(
        "Invester i sygepersonale , så det udvikler sig", "PROPN ADP NOUN PUNCT SCONJ PRON VERB PRON"
    ) == [0]
    assert _starts("Forslag : Prioriter forebyggelse", "NOUN PUNCT NOUN NOUN") == [2]
    # a subject: its finite verb follows in the clause ("og" does not end it)
    assert _starts("Dans og musik er vigtigt", "PROPN CCONJ NOUN AUX ADJ") == []
    # a word training saw only as a noun; one the tagger already read right; not at a start
    assert _starts("Invester i skolen", "NOUN ADP NOUN", {"invester": ["NOUN"]}) == []
    assert _starts("Invester i skolen", "VERB ADP NOUN") == []
    assert _starts("Vi Invester i skolen", "PRON NOUN ADP NOUN") == []


def test_the_tagger_reads_an_imperative_as_a_verb_with_its_infinitive(danish_nlp):
    doc = danish_nlp(
        "Nej. Invester i sygepersonale på ældrehjem. Investér i skolerne. Dans og musik er vigtigt."
    )
    got = {t.text: (t.pos_, t.lemma_) for t in doc}
    assert got["Invester"] == ("VERB", "investere")
    assert got["Investér"] == ("VERB", "investere")
    assert got["Dans"][0] != "VERB"
