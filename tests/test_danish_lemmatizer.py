import pytest

from pipeline.danish import (
    ABBREVIATIONS,
    STOP_WORDS,
    is_stop,
    lemmatize_tokens,
    make_nlp,
    split_compound,
    tokenizer_exceptions,
)


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.fixture(scope="module")
def app_nlp():
    return make_nlp(ud_conventions=False, compounds=True)


def lemmas(nlp, text):
    return {t.text: t.lemma_ for t in nlp(text)}


def test_talte_is_tale_not_taelle():
    assert lemmatize_tokens(["De", "talte", "om", "frivillighed"])[1] == "tale"
    assert lemmatize_tokens(["Vi", "talte", "om", "trivsel", "."])[1] == "tale"


def test_closed_class_and_context():
    out = lemmatize_tokens(["Han", "talte", "med", "dem", "i", "går", "."])
    assert out == ["han", "tale", "med", "de", "i", "går", "."]


def test_aeldre_follows_ud_by_default_and_app_override(nlp, app_nlp):
    # UD Danish (and CDT) lemmatize the comparative to the positive: ældre -> gammel.
    assert lemmas(nlp, "De ældre borgere har brug for hjælp.")["ældre"] == "gammel"
    # For theme reports "ældre" (the elderly) is kept as its own lemma.
    assert lemmas(app_nlp, "De ældre borgere har brug for hjælp.")["ældre"] == "ældre"


def test_frivillig_family_meets(app_nlp):
    got = lemmas(app_nlp, "Vi talte om frivillighedsinitiativer, frivillige og frivilligt arbejde.")
    assert got["frivillige"] == "frivillig"
    assert got["frivilligt"] == "frivillig"
    assert got["frivillighedsinitiativer"] == "frivillighedsinitiativ"
    assert split_compound("frivillighedsinitiativer") == ["frivillighed", "initiativ"]


def test_unseen_forms_and_proper_nouns():
    out = lemmatize_tokens(["Borgerne", "i", "Nakskov", "ønsker", "flere", "daginstitutioner", "."])
    assert out == ["borger", "i", "Nakskov", "ønske", "mange", "daginstitution", "."]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("frivillighedsarbejde", ["frivillighed", "arbejde"]),
        ("ældreplejen", ["ældre", "pleje"]),
        ("borgerinddragelse", ["borger", "inddragelse"]),
        ("velfærdsteknologi", ["velfærd", "teknologi"]),
        ("ældreplejecenter", ["ældre", "pleje", "center"]),
        ("medarbejder", ["medarbejder"]),
        ("forvaltning", ["forvaltning"]),
        ("hus", ["hus"]),
    ],
)
def test_split_compound(word, parts):
    assert split_compound(word) == parts


def test_compound_extension(app_nlp):
    doc = app_nlp("Gruppen drøftede ældreplejen.")
    assert doc[2]._.compound_parts == ["ældre", "pleje"]


def test_abbreviations_stay_single_tokens(nlp):
    doc = nlp("Vi talte bl.a. om ift. borgerne, fx ældre mv. og evt. nye tiltag ifm. budgettet. Det koster 20 kr..")
    texts = [t.text for t in doc]
    for abbr in ["bl.a.", "ift.", "fx", "mv.", "evt.", "ifm."]:
        assert abbr in texts
    assert texts[-2:] == ["kr.", "."]
    assert len(list(doc.sents)) == 2
    exc = tokenizer_exceptions()
    assert "f.eks." in exc and "ifm." in exc and "Ifm." in exc and "kr.." in exc
    assert "mhp." in ABBREVIATIONS


def test_sentences_bullets_and_lines(nlp):
    doc = nlp("Gruppen drøftede trivsel\n• Mere frivillighed\n- Ældreplejen skal styrkes\n1. Budget\nDe sagde. \"Vi vil mere.\" - Ja.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Gruppen drøftede trivsel",
        "• Mere frivillighed",
        "- Ældreplejen skal styrkes",
        "1. Budget",
        "De sagde.",
        '"Vi vil mere."',
        "- Ja.",
    ]


def test_hard_wrapped_line_continues(nlp):
    doc = nlp("Gruppen drøftede trivsel og\nfrivillighed i kommunen.")
    assert len(list(doc.sents)) == 1


def test_stop_words_are_lemmas():
    for w in ["drøfte", "fremhæve", "tale", "herunder", "samt", "bl.a.", "og", "det"]:
        assert is_stop(w), w
    assert "frivillig" not in STOP_WORDS and "behov" in STOP_WORDS  # behov frames the genre
    assert "frivillighed" not in STOP_WORDS
