"""Present participles Danish uses as adjectives of their own keep their form as their lemma."""

from __future__ import annotations

from pipeline.danish.lemmatizer import lemmatize_tokens
from pipeline.danish.participles import is_participle_adjective, is_present_participle, participle_adjectives
from pipeline.danish.stop_words import is_stop

THESAURUS = [
    "lignende|1",
    "(tillægsord) som på væsentlige punkter minder om|lig (overbegreb)",
    "kommende|2",
    "(navneord) side af en persons væsen|egenskab (overbegreb)",
    "(tillægsord) vedr. tid |tidsmæssig (overbegreb)",
    "løbende|1",
    "(udsagnsord) bevæge sig hurtigt|bevæge sig (overbegreb)",
    "glimrende|1",
    "(tillægsord) meget god|god (overbegreb)",
    "lig|1",
    "(tillægsord) som ligner|ens (overbegreb)",
]


def test_the_dictionarys_adjective_entries_in_ende_are_read_by_their_first_sense():
    # "kommende" is first a noun sense, "løbende" a verb's, "lig" no participle
    assert participle_adjectives(THESAURUS) == frozenset({"lignende", "glimrende"})


def test_lignende_is_its_own_lemma_and_a_verbs_participle_is_the_verb():
    assert is_participle_adjective("Lignende") and not is_participle_adjective("manglende")
    lemmas = lemmatize_tokens("Kultur , sport og lignende tilbud og manglende midler".split())
    assert lemmas[4] == "lignende"  # not "ligne"
    assert is_stop(lemmas[4])  # so the stop list's "lignende" ("og lignende") now applies
    assert lemmas[7] == "mangle"  # a participle of its verb stays the verb


def test_the_participle_endings_are_one_rule_read_three_ways():
    from pipeline.danish.participles import (
        spelt_as_participle,
        spelt_as_past_participle,
        spelt_as_present_participle,
    )

    past = ["styrket", "målrettet", "differentierede", "tilpassete", "Bygget"]
    present = ["manglende", "boende", "Forebyggende"]
    other = ["skaber", "styrke", "vækst", "boer"]
    assert [spelt_as_past_participle(w) for w in past + present + other] == [True] * 5 + [False] * 7
    assert [spelt_as_present_participle(w) for w in past + present + other] == [False] * 5 + [True] * 3 + [
        False
    ] * 4
    # a participle of either kind, as the kind test reads the word after a noun
    assert [spelt_as_participle(w) for w in past + present + other] == [True] * 8 + [False] * 4
    # the present participle proper needs a stem: "ende" and "vende" are no participles
    assert is_present_participle("forebyggende") and not is_present_participle("vende")


def test_a_thing_is_one_noun_neither_action_nor_quality():
    from pipeline.danish.things import names_a_thing

    assert names_a_thing("teknologi") and names_a_thing("frikadelle")
    assert not names_a_thing("samarbejde")  # an action: a claim on its own
    assert not names_a_thing("fleksibilitet")  # a quality
    assert not names_a_thing("tidlig indsats")  # two words
