"""The shipped Danish UPOS tagger, tag-aware lemmas, the ``pos`` column and noun phrases."""

from __future__ import annotations

import json
import logging

import pytest

from pipeline.config import NlpConfig
from pipeline.danish.tagger import TAGGER_PATH, tagger_available
from pipeline.danish.phrases import noun_phrases
from pipeline.nlp import build_nlp, make_statements

needs_model = pytest.mark.skipif(not tagger_available(), reason="no tagger model in the package")


def spans(text: str, tags: str) -> list[str]:
    words = text.split()
    return [" ".join(words[a:b]) for a, b in noun_phrases(words, tags.split())]


# -- noun_phrases: exact output on hand-written tags ----------------------------------------


@pytest.mark.parametrize(
    "text, tags, expected",
    [
        ("medarbejdernes kompetencer skal styrkes", "NOUN NOUN AUX VERB", ["medarbejdernes kompetencer"]),
        (
            "fysisk og digital kontakt med borgerne",
            "ADJ CCONJ ADJ NOUN ADP NOUN",
            ["fysisk og digital kontakt", "borgerne"],
        ),
        ("en tidlig forebyggende indsats", "DET ADJ ADJ NOUN", ["tidlig forebyggende indsats"]),
        ("en tidlig forebyggende indsats", "DET ADJ VERB NOUN", ["tidlig forebyggende indsats"]),
        # a keyword list: the adjective has no noun, so it is not a candidate on its own
        ("Forebyggende , tiltag og anbringelser", "ADJ PUNCT NOUN CCONJ NOUN", ["tiltag", "anbringelser"]),
        ("Tilbyde og forstå", "VERB CCONJ VERB", []),
        ("borgernes egen indsats er vigtig", "NOUN ADJ NOUN AUX ADJ", ["borgernes egen indsats"]),
        ("indsatsen er tidlig og forebyggende", "NOUN AUX ADJ CCONJ ADJ", ["indsatsen"]),
        (
            "faglig , personlig og social udvikling",
            "ADJ PUNCT ADJ CCONJ ADJ NOUN",
            ["faglig , personlig og social udvikling"],
        ),
        ("Aarhus Kommunes nye strategi", "PROPN PROPN ADJ NOUN", ["Aarhus Kommunes nye strategi"]),
        ("de ansatte og lederne", "DET NOUN CCONJ NOUN", ["ansatte", "lederne"]),
        # a finite verb in -ende does not exist, but a past participle tagged VERB is not taken
        ("styrket samarbejde", "VERB NOUN", ["samarbejde"]),
        ("vi taler om det", "PRON VERB ADP PRON", []),
        # the noun of a complex preposition names nothing; a real collaboration stays
        (
            "opgraderinger på grund af teknologiens hurtige udvikling",
            "NOUN ADP NOUN ADP NOUN ADJ NOUN",
            ["opgraderinger", "teknologiens hurtige udvikling"],
        ),
        ("I forhold til borgerne", "ADP NOUN ADP NOUN", ["borgerne"]),
        ("i samarbejde med foreningerne", "ADP NOUN ADP NOUN", ["samarbejde", "foreningerne"]),
        ("", "", []),
    ],
)
def test_noun_phrases_exact(text, tags, expected):
    assert spans(text, tags) == expected


def test_noun_phrases_spans_are_token_indices():
    assert noun_phrases(
        ["en", "tidlig", "forebyggende", "indsats", "."], ["DET", "ADJ", "VERB", "NOUN", "PUNCT"]
    ) == [(1, 4)]


def test_noun_phrases_needs_one_tag_per_word():
    with pytest.raises(ValueError):
        noun_phrases(["to", "ord"], ["NOUN"])


# -- the shipped model ------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(NlpConfig(lemma_conventions="ud"))


@needs_model
def test_default_pipeline_has_the_tagger(nlp):
    # the parser reads the tags; the lemmatizer reads neither the parse nor needs it first
    assert nlp.pipe_names[:4] == ["danish_sentences", "danish_tagger", "parser", "danish_lemmatizer"]


@needs_model
def test_model_is_small_and_carries_its_data():
    size = sum(p.stat().st_size for p in TAGGER_PATH.rglob("*") if p.is_file())
    assert size < 20e6
    from pipeline.danish.tagger import DanishTagger

    features = next(n for n in DanishTagger().model.walk() if n.name == "danish_features")
    assert features.attrs["tagdict"]["og"] == ["CCONJ"]  # the tag dictionary travels in the weights
    assert json.loads((TAGGER_PATH / "pos_lemmas.json").read_text(encoding="utf-8"))["PRON"]["de"] == "de"
    # the shipped config reads the AUX/VERB context, and no training-only path is left in it
    cfg = (TAGGER_PATH / "config.cfg").read_text(encoding="utf-8")
    assert "aux_context_rows = 1000" in cfg and "jackknife = null" in cfg and "tagdict = null" in cfg


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vi skal styrke medarbejdernes kompetencer .", "PRON AUX VERB NOUN NOUN PUNCT"),
        # existential "er" is a main verb in UD Danish
        ("Der er brug for en tidlig indsats i kommunen .", "PRON VERB NOUN ADP DET ADJ NOUN ADP NOUN PUNCT"),
        ("Det gik godt , og de var glade .", "PRON VERB ADV PUNCT CCONJ PRON AUX ADJ PUNCT"),
    ],
)
def test_known_analyses(nlp, text, expected):
    doc = nlp(text)
    assert " ".join(t.pos_ for t in doc) == expected


@needs_model
def test_tags_decide_lemmas(nlp):
    doc = nlp("De gamle huse står tomme , og de er solgt .")
    lemmas = [t.lemma_ for t in doc]
    assert lemmas[0] == "den"  # article
    assert lemmas[7] == "de"  # pronoun


@needs_model
def test_statements_have_aligned_pos(nlp):
    from tests.test_nlp import notes_of

    st = make_statements(
        notes_of("Medarbejdernes kompetencer skal styrkes.\n• fysisk og digital kontakt"), nlp, NlpConfig()
    )
    for row in st.itertuples():
        assert len(row.pos.split()) == len(row.tokens.split()) == len(row.lemmas.split())
    assert st.pos.iloc[0].split()[:2] == ["NOUN", "NOUN"]


def test_tagger_free_pipeline_fills_x():
    from tests.test_nlp import notes_of

    nlp = build_nlp(NlpConfig(pipeline="danish-notagger"))
    assert "danish_tagger" not in nlp.pipe_names
    st = make_statements(notes_of("Vi talte om frivillige."), nlp, NlpConfig())
    assert st.pos.iloc[0] == "X X X X X"


def test_missing_model_falls_back_and_logs(monkeypatch, caplog):
    import pipeline.danish.components as components

    monkeypatch.setattr(components, "tagger_available", lambda *a: False)
    with caplog.at_level(logging.WARNING, logger="pipeline.danish.components"):
        nlp = build_nlp(NlpConfig())
    assert "danish_tagger" not in nlp.pipe_names and "danish_lemmatizer" in nlp.pipe_names
    assert "tagger-free" in caplog.text


@needs_model
def test_eval_nlp_json_reports_pos_acc(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    conllu = (
        "# text = Vi talte om huse.\n"
        "1\tVi\tvi\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
        "2\ttalte\ttale\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\tom\tom\tADP\t_\t_\t4\tcase\t_\t_\n"
        "4\thuse\thus\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
    )
    path = tmp_path / "g.conllu"
    path.write_text(conllu, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval-nlp", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output.strip().splitlines()[-1])
    assert scores["pos_acc"] == 1.0
    assert scores["tokenizer_words_per_second"] > 0
    assert "danish_tagger" in scores["components"]


@needs_model
def test_punctuation_the_treebank_never_shows_is_punct(nlp):
    doc = nlp("end “ opgaveløsning ” • koordinering")
    assert [t.pos_ for t in doc] == ["ADP", "PUNCT", "NOUN", "PUNCT", "PUNCT", "NOUN"]


def test_static_vector_rows_fall_back_to_lemma_and_compound_head():
    """The optional static-vector input (``static_dims``): form, lemma, then compound head."""
    from pipeline.danish.tagger import NO_VECTOR, static_row
    from pipeline.danish.tagger_features import _static_table

    vocab, table = _static_table(16)
    assert table.shape == (len(vocab) + 1, 16) and not table[-1].any()  # zero row for none
    assert static_row("kommunen", vocab) >= 0
    assert static_row("ældreplejen", vocab) >= 0  # unknown compound: the head of its lemma
    assert static_row(",", vocab) == NO_VECTOR


def test_aux_context_names_what_follows_the_verb():
    """The AUX/VERB context input (``aux_context_rows``) skips adverbs and pronouns."""
    from pipeline.danish.tagger import aux_context
    from pipeline.danish.tagger_features import _word_info

    tagdict = {"ikke": ["ADV"], "set": ["VERB"], "en": ["DET"], "bil": ["NOUN"], "har": ["AUX", "VERB"]}
    words = "har ikke set , har en bil".split()
    ctx = aux_context([_word_info(w, tagdict) for w in words], [w == "," for w in words])
    assert ctx == ["have>VERB", "-", "-", "-", "have>NOUN", "-", "-"]


def test_jackknifed_features_only_while_training():
    """A training sentence reads its fold's dictionary; prediction reads the full one."""
    import spacy
    from spacy.strings import get_string_id

    from pipeline.danish.tagger import N_LEXICAL, jackknife_key
    from pipeline.danish.tagger_features import _make_feature_extractor

    full = {"bil": ["NOUN"]}
    jackknife = {"sentences": {jackknife_key(["en", "bil"]): 0}, "tagdicts": [{}]}
    extract = _make_feature_extractor(["NORM"], full, None, N_LEXICAL, jackknife=jackknife)
    nlp = spacy.blank("da")
    seen, other = nlp.make_doc("en bil"), nlp.make_doc("min bil")

    def ambiguity_class(doc, is_train):
        feats, _ = extract([doc], is_train=is_train)
        return int(feats[0][1, 1])  # word "bil", first lexical column

    assert ambiguity_class(seen, False) == get_string_id("ANOUN")
    assert ambiguity_class(seen, True) == get_string_id("A?")  # its fold never saw "bil"
    assert ambiguity_class(other, True) == get_string_id("ANOUN")  # not a training sentence


def test_sentence_units_split_documents_with_sentences():
    """The network tags sentences, as it was trained: a document with sentence boundaries
    becomes one piece per sentence, in order, covering it; one without stays whole."""
    import spacy

    from pipeline.danish.tagger import sentence_units

    nlp = spacy.blank("da")
    two = nlp.make_doc("Vi talte om det . Det var godt .")
    for t in two:
        t.is_sent_start = t.i in (0, 5)
    plain = nlp.make_doc("uden grænser")
    units, owner = sentence_units([two, plain])
    assert [u.text.strip() for u in units] == ["Vi talte om det .", "Det var godt .", "uden grænser"]
    assert owner == [0, 0, 1]
    assert units[2] is plain
    # a sentence is read as its own document would be, without copying it into one
    for unit, sent in zip(units[:2], two.sents, strict=True):
        for attrs in (["NORM", "PREFIX", "SUFFIX", "SHAPE"], "ORTH"):
            assert (unit.to_array(attrs) == sent.as_doc().to_array(attrs)).all()
        assert len(unit) == len(sent) and [t.text for t in unit] == [t.text for t in sent]


@needs_model
def test_a_document_is_tagged_as_its_sentences(nlp):
    """Tags of a two-sentence note equal the tags of each sentence on its own. Tagged as one
    run-on sequence, the full stop before "Som" made it a relative pronoun."""
    doc = nlp("Det er vigtigt. Som borger skal man kunne få hjælp.")
    assert len(list(doc.sents)) == 2
    alone = [t.pos_ for s in doc.sents for t in nlp(s.text)]
    assert [t.pos_ for t in doc] == alone
    assert doc[4].text == "Som" and doc[4].pos_ == "ADP"
