"""The sub-theme stage's parts on hand-made input: units, labels, the clusterer, restating words."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.themes import PhraseCluster, label_phrase, make_units
from pipeline.themes.features import lexical_documents
from pipeline.themes.labels import unit_clause
from pipeline.themes.subthemes import focus_lemmas, restates


def _statement(words: str, lemmas: str, pos: str, group: int = 1, sid: str = "aaaaaaaaaaaa-00") -> dict:
    return {
        "statement_id": sid,
        "note_id": sid[:12],
        "year": 2024,
        "core_area": "Social omsorg",
        "group": group,
        "tokens": words,
        "lemmas": lemmas,
        "pos": pos,
    }


def test_experiences_with_something_frame_what_was_discussed():
    st = pd.DataFrame(
        [
            _statement(
                "Gruppe 1 diskuterede erfaringer med frivilligt arbejde og gode erfaringer .",
                "gruppe 1 diskutere erfaring med frivillig arbejde og god erfaring .",
                # the tagger's ADV for "frivilligt": the neuter adjective, repaired
                "NOUN NUM VERB NOUN ADP ADV NOUN CCONJ ADJ NOUN PUNCT",
            ),
        ]
    )
    texts = list(make_units(st, frozenset({"gruppe", "diskutere", "med", "og"}))["text"])
    # "erfaringer med X": the point is X; "gode erfaringer" on its own is the point
    assert texts == ["frivilligt arbejde", "gode erfaringer"]


def test_label_is_the_most_shared_phrase_as_written():
    units = pd.DataFrame(
        {
            "group": [3, 5, 4],
            "text": ["kommunikation", "tydelig kommunikation", "kommunikationen med borgerne"],
            "lemmas": ["kommunikation", "tydelig kommunikation", "kommunikation borger"],
        }
    )
    assert label_phrase(units) == "Kommunikation"
    # among phrases as shared, one that says more than the question comes first
    question = frozenset({"kommunikation", "tydelig"})
    units2 = pd.DataFrame(
        {
            "group": [1, 2],
            "text": ["pårørende", "pårørendes indsats"],
            "lemmas": ["pårørende", "pårørende indsats"],
        }
    )
    assert label_phrase(units2, lambda w: w in {"pårørende"} | question) == "Pårørende"


def test_clause_of_a_unit_ends_at_the_clause():
    tokens = (
        "Gruppe 5 understregede behovet for tydelig kommunikation og retningslinjer , samt en ændring ."
    ).split()
    assert unit_clause(tokens, 5) == "Tydelig kommunikation og retningslinjer"


def test_restating_words_and_derivations():
    area = frozenset({"frivillighed", "pårørende", "anbringelsesområde"})
    assert restates("frivillig", area) and restates("anbringelse", area) and restates("pårørende", area)
    assert not restates("kommunikation", area) and not restates("samarbejde", area)
    # a derivation repeats the word; a compound with a word of its own says more
    assert restates("digitalisering", frozenset({"digital"})) and restates(
        "kompetence", frozenset({"kompetence"})
    )
    assert not restates("kompetenceudvikling", frozenset({"kompetence"}))
    assert not restates("frivillighedsarbejde", frozenset({"frivillighed"}))


def test_units_are_clustered_on_what_they_say_beyond_the_area_topic():
    topic = frozenset({"frivillighed", "social", "omsorg"})
    assert focus_lemmas("ung frivillig", topic) == "ung"
    assert focus_lemmas("frivillig organisation", topic) == "organisation"
    # a phrase made only of the topic's words keeps them: it is what the area is about
    assert focus_lemmas("frivillig", topic) == "frivillig"
    assert focus_lemmas("frivillig initiativ", topic) == "frivillig initiativ"
    assert focus_lemmas("tydelig kommunikation", topic) == "tydelig kommunikation"


def test_lexical_documents_add_parts_and_stems_that_occur_as_words():
    docs = lexical_documents(["frivillighed", "frivillig organisation", "kompetenceudvikling", "kompetence"])
    assert docs == [
        "frivillighed frivillig",
        "frivillig organisation",
        "kompetenceudvikling kompetence",
        "kompetence",
    ]


def test_phrase_cluster_leaves_loose_units_out_and_is_deterministic():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 16))
    tight = np.vstack([c + 0.05 * rng.normal(size=(4, 16)) for c in centres])
    loose = rng.normal(size=(3, 16))
    X = np.vstack([tight, loose])
    first = PhraseCluster().fit(X).labels_
    again = PhraseCluster().fit(X).labels_
    assert np.array_equal(first, again)
    for c in range(3):  # each tight group is one cluster
        assert len(set(first[4 * c : 4 * c + 4])) == 1 and first[4 * c] >= 0
    assert len(set(first[:12])) == 3
    assert (first[12:] == -1).all()  # the loose units are in no theme


def test_one_word_label_in_the_definite_singular_is_named_by_the_word():
    """ "styrke ældreplejen" → the theme "Ældrepleje"; a plural the lemma cannot give stays."""
    import pandas as pd

    from pipeline.themes.labels import label_phrase

    def units(texts, lemmas):
        return pd.DataFrame({"text": texts, "lemmas": lemmas, "group": range(1, len(texts) + 1)})

    assert label_phrase(units(["ældreplejen", "ældreplejen"], ["ældrepleje", "ældrepleje"])) == "Ældrepleje"
    assert label_phrase(units(["arbejdet", "arbejdet"], ["arbejde", "arbejde"])) == "Arbejde"
    assert label_phrase(units(["risiciene", "risiciene"], ["risiko", "risiko"])) == "Risiciene"
    assert (
        label_phrase(units(["tydelig kommunikation"] * 2, ["tydelig kommunikation"] * 2))
        == "Tydelig kommunikation"
    )
    coordinated = "faglig , personlig og social udvikling"
    assert label_phrase(units([coordinated] * 2, ["faglig personlig social udvikling"] * 2)) == (
        "Faglig, personlig og social udvikling"
    )


def test_unit_clause_leaves_out_quotation_marks():
    from pipeline.themes.labels import unit_clause

    tokens = "en betegnelse end “ opgaveløsning ” for frivillighedsarbejde blandt pårørende .".split()
    assert unit_clause(tokens, 4) == "Opgaveløsning for frivillighedsarbejde blandt pårørende"
    assert (
        unit_clause(tokens, 0) == "En betegnelse end opgaveløsning for frivillighedsarbejde blandt pårørende"
    )


def test_unit_clause_of_a_unit_at_the_end_of_its_clause_starts_at_the_clause():
    from pipeline.themes.labels import unit_clause

    tokens = (
        "De udforskede balancen , samt udfordringerne ved at integrere frivillige i ældreplejen .".split()
    )
    assert unit_clause(tokens, 11, 12) == "Udfordringerne ved at integrere frivillige i ældreplejen"
    assert unit_clause(tokens, 2, 3) == "De udforskede balancen"
    assert unit_clause(tokens, 11) == "Ældreplejen"  # without the unit's end: from the unit on


def test_unit_clause_leaves_out_the_clause_subject_and_verb():
    """'Kort sagt' names the point, not who said it: a leading subject and verb are left out,
    unless only a one-word unit would remain; untagged words keep the clause as written."""
    from pipeline.themes.labels import unit_clause

    tokens = (
        "Gruppe 1 diskuterede forskellige tilgange til anbringelser og behovet for tidlig intervention ."
    ).split()
    pos = "NOUN NUM VERB ADJ NOUN ADP NOUN CCONJ NOUN ADP ADJ NOUN PUNCT".split()
    assert (
        unit_clause(tokens, 10, 12, pos)
        == "Forskellige tilgange til anbringelser og behovet for tidlig intervention"
    )
    assert unit_clause(tokens, 10, 12, ["X"] * len(tokens)) == (
        "Gruppe 1 diskuterede forskellige tilgange til anbringelser og behovet for tidlig intervention"
    )
    tokens = "De talte også om udfordringerne ved at integrere frivillige i ældreplejen .".split()
    pos = "PRON VERB ADV ADP NOUN ADP PART VERB NOUN ADP NOUN PUNCT".split()
    assert unit_clause(tokens, 10, 11, pos) == "Udfordringerne ved at integrere frivillige i ældreplejen"
    tokens = "selvom det kan skabe uens serviceniveau".split()
    assert unit_clause(tokens, 4, 6, "SCONJ PRON AUX VERB ADJ NOUN".split()) == "Uens serviceniveau"
    tokens = "De udforskede balancen , samt en ændring .".split()
    pos = "PRON VERB NOUN PUNCT CCONJ DET NOUN PUNCT".split()
    assert unit_clause(tokens, 2, 3, pos) == "De udforskede balancen"  # one word alone says less


def test_unit_clause_keeps_a_relative_clause_and_stops_before_a_joined_verb():
    from pipeline.themes.labels import unit_clause

    tokens = "støtte væksten og de udfordringer , der opstår , når borgere investerer .".split()
    assert unit_clause(tokens, 1) == "Væksten og de udfordringer, der opstår"
    tokens = (
        "De talte om udfordringerne ved at følge med den teknologiske udvikling og sikre kompetencer ."
    ).split()
    pos = "PRON VERB ADP NOUN ADP PART VERB ADP DET ADJ NOUN CCONJ VERB NOUN PUNCT".split()
    assert unit_clause(tokens, 9, 11, pos) == "Udfordringerne ved at følge med den teknologiske udvikling"
    assert unit_clause(tokens, 9, 11) == "Teknologiske udvikling og sikre kompetencer"  # untagged: as before
    tokens = "behovet for tidlig intervention og forebyggende tiltag .".split()
    pos = "NOUN ADP ADJ NOUN CCONJ VERB NOUN PUNCT".split()
    assert (
        unit_clause(tokens, 2, 4, pos) == "Tidlig intervention og forebyggende tiltag"
    )  # a participle, not a verb phrase


def _parsed_statement(nlp, text: str) -> pd.DataFrame:
    """One statement as the pipeline tags it (words, lemmas, word classes)."""
    doc = nlp(text)
    return pd.DataFrame(
        [
            {
                "statement_id": "aaaaaaaaaaaa-00",
                "note_id": "aaaaaaaaaaaa",
                "year": 2024,
                "core_area": "A",
                "group": 1,
                "tokens": " ".join(t.text for t in doc),
                "lemmas": " ".join((t.lemma_ or t.text).lower() for t in doc),
                "pos": " ".join(t.pos_ for t in doc),
            }
        ]
    )


def test_units_are_the_parse_s_noun_phrases_without_frame_nouns_settings_or_tag_repairs(danish_nlp):
    """Units come from the word classes and the parse (no tag repairs in the theme stage): modifiers
    the parse attaches stay with their noun, a frame noun is left out, a place is no unit."""
    from pipeline.nlp import stop_words
    from pipeline.config import NlpConfig

    stops = stop_words(NlpConfig())

    def texts(text):
        return list(make_units(_parsed_statement(danish_nlp, text), stops)["text"])

    assert texts(
        "De påpegede behovet for tydelig kommunikation og eksisterende samarbejder med det politiske niveau."
    ) == [
        "tydelig kommunikation",
        "eksisterende samarbejder",
        "det politiske niveau",
    ]
    assert texts("Fokus lå på balancen mellem forebyggende og indgribende tiltag.") == [
        "balancen",
        "forebyggende og indgribende tiltag",
    ]
    assert texts("De diskuterede erfaringer med frivilligt arbejde.") == [
        "frivilligt arbejde"
    ]  # the parse's modifier ("frivilligt")
    # "aktiviteter på plejehjemmene": the place is no unit; the verb's objects are claims of their own
    # (each coordinated object: "inddrage børn og unge" is also "inddragelse af unge")
    assert texts("De ville inddrage børn og unge i aktiviteter på plejehjemmene.") == [
        "børn",
        "unge",
        "inddrage børn",
        "inddrage børn og unge",
    ]
    # the noun of a complex preposition ("på grund af") is no unit, from the parse either
    assert not [
        t
        for t in texts("De talte om opgraderinger på grund af teknologiens hurtige udvikling.")
        if t.startswith("grund")
    ]
    # a modified frame noun is the point ("individuelle behov")
    assert "individuelle behov" in texts(
        "De talte om behovet for differentierede indsatser for at imødekomme individuelle behov."
    )
