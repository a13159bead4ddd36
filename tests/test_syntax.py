"""The Danish syntax iterator (pipeline.danish.syntax, pipeline.danish.noun_phrases).

Hand-made sentences parsed by the shipped tagger and parser. Each test checks the phrases the
iterator reads off the parse."""

import pytest

from pipeline.danish import noun_phrases, syntax
from pipeline.danish.parser import parser_available
from pipeline.danish.tagger import tagger_available

pytestmark = pytest.mark.skipif(not (parser_available() and tagger_available()), reason="no model files")


@pytest.fixture(scope="module")
def nlp():
    from pipeline.danish import make_nlp

    return make_nlp(ud_conventions=False)


def _find(phrases, kind, text):
    found = [p for p in phrases if p.kind == kind and p.text == text]
    assert found, f"no {kind} phrase {text!r} in {[(p.kind, p.text) for p in phrases]}"
    return found[0]


def test_frame_noun_complement(nlp):
    doc = nlp("Der er behov for klarhed omkring opgaverne.")
    p = _find(syntax.phrases(doc), noun_phrases.NOUN, "klarhed omkring opgaverne")
    assert p.role == noun_phrases.FRAME_OBJECT
    assert doc[p.frame].text == "behov" and p.governor == p.frame
    assert p.lemma == "klarhed"


def test_coordinated_verbs_share_their_object(nlp):
    # the parser hangs the coordination on the auxiliary here ("skal -coord-> og -conj-> integrere")
    doc = nlp("Kommunen skal koordinere og integrere de frivillige.")
    p = _find(syntax.phrases(doc), noun_phrases.VERB, "koordinere og integrere de frivillige")
    assert [doc[i].text for i in p.heads] == ["koordinere", "integrere"]
    assert [(a.text, a.role) for a in p.arguments] == [("de frivillige", noun_phrases.OBJECT)]
    assert p.role == noun_phrases.CLAUSE and not p.negated
    # an adjective used as a noun after its determiner is a noun phrase of its own
    assert _find(syntax.phrases(doc), noun_phrases.NOUN, "de frivillige").role == noun_phrases.OBJECT
    assert "de frivillige" in [c.text for c in doc.noun_chunks]


def test_predicative_adjective_with_its_subject(nlp):
    doc = nlp("Straffene er for milde.")
    p = _find(syntax.phrases(doc), noun_phrases.PREDICATIVE, "for milde")
    assert p.lemma == "mild" and p.role == noun_phrases.PREDICATE and not p.negated
    assert [(a.text, a.role) for a in p.arguments] == [("Straffene", noun_phrases.SUBJECT)]


def test_relative_clause_stays_out_of_its_antecedent(nlp):
    doc = nlp("Frivillige, som hjælper ældre borgere, er vigtige.")
    phrases = syntax.phrases(doc)
    pred = _find(phrases, noun_phrases.PREDICATIVE, "vigtige")
    assert [a.text for a in pred.arguments] == ["Frivillige"]
    verb = _find(phrases, noun_phrases.VERB, "hjælper ældre borgere")
    assert verb.role == noun_phrases.RELATIVE and doc[verb.governor].text == "Frivillige"


def test_place_and_time_of_prepositional_phrases(nlp):
    doc = nlp("Der var mange aktiviteter på plejehjemmene i weekenden.")
    phrases = syntax.phrases(doc)
    assert _find(phrases, noun_phrases.NOUN, "plejehjemmene").role == noun_phrases.LOCATIVE
    assert _find(phrases, noun_phrases.NOUN, "weekenden").role == noun_phrases.TEMPORAL


def test_doc_noun_chunks_are_base_phrases(nlp):
    doc = nlp("Mange ældre borgere savner kommunens tilbud om hjælp.")
    chunks = [c.text for c in doc.noun_chunks]
    assert "kommunens tilbud" in chunks and "hjælp" in chunks
    assert all(a.end <= b.start for a, b in zip(list(doc.noun_chunks), list(doc.noun_chunks)[1:]))


def test_phrases_need_a_parse():
    import spacy
    from spacy.tokens import Doc

    with pytest.raises(ValueError, match="dependency parse"):
        syntax.phrases(Doc(spacy.blank("da").vocab, words=["Mere", "samarbejde"]))
