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
    doc = nlp(
        "Vi talte bl.a. om ift. borgerne, fx ældre mv. og evt. nye tiltag ifm. budgettet. Det koster 20 kr.."
    )
    texts = [t.text for t in doc]
    for abbr in ["bl.a.", "ift.", "fx", "mv.", "evt.", "ifm."]:
        assert abbr in texts
    assert texts[-2:] == ["kr.", "."]
    assert len(list(doc.sents)) == 2
    exc = tokenizer_exceptions()
    assert "f.eks." in exc and "ifm." in exc and "Ifm." in exc and "kr.." in exc
    assert "mhp." in ABBREVIATIONS


def test_sentences_bullets_and_lines(nlp):
    doc = nlp(
        'Gruppen drøftede trivsel\n• Mere frivillighed\n- Ældreplejen skal styrkes\n1. Budget\nDe sagde. "Vi '
        'vil mere." - Ja.'
    )
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


# ---------------------------------------------------------------------------------------
# Training data hygiene: UD dev sentences must not be trained on (bench/train_lemmatizer.py)
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def trainer():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "train_lemmatizer.py"
    spec = importlib.util.spec_from_file_location("train_lemmatizer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _cdt_line(i, form, lemma, cpos="NC", feats="_"):
    return f"{i}\t{form}\t{lemma}\t{cpos}\t{cpos}\t{feats}\t0\tROOT\t_\t_"


def _write_tiny_treebanks(tmp_path):
    cdt = tmp_path / "cdt"
    cdt.mkdir()
    (cdt / "ud_split.tsv").write_text("doc_id\tud_split\n0001\ttrain\n0002\tdev\n", encoding="utf-8")
    train_doc = [
        # occurs in UD dev, with the multiword expression joined and other casing/spacing
        [
            ("Han", "han", "PP"),
            ("kom", "komme", "VA"),
            ("i_går", "i_går", "RG"),
            ("hjem", "hjem", "RG"),
            (".", ".", "XP"),
        ],
        # a fragment of a longer UD dev sentence (sentence boundaries differ)
        [("Kyllingerne", "kylling"), ("her", "her", "RG"), ("har", "have", "VA")],
        # a near duplicate: a typo corrected in UD
        [
            ("Der", "der", "U"),
            ("var", "være", "VA"),
            ("mange", "mange", "PI"),
            ("flotte", "flot", "AN"),
            ("heste", "hest"),
            ("på", "på", "SP"),
            ("marken", "mark"),
            ("i", "i", "SP"),
            ("går", "gå", "VA"),
            ("aftes", "aften"),
            (".", ".", "XP"),
        ],
        # not in UD dev: kept
        [
            ("Bilerne", "bil"),
            ("kører", "køre", "VA"),
            ("hurtigt", "hurtig", "AN", "transcat=adverbial"),
            (".", ".", "XP"),
        ],
    ]
    lines = []
    for sent in train_doc:
        for i, tok in enumerate(sent, 1):
            form, lemma, *rest = tok
            lines.append(_cdt_line(i, form, lemma, *(rest or ["NC"])))
        lines.append("")
    (cdt / "0001-da.conll").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (cdt / "0002-da.conll").write_text(_cdt_line(1, "Hemmeligt", "hemmelig", "AN") + "\n\n", encoding="utf-8")
    dev = tmp_path / "dev.conllu"
    dev.write_text(
        "# sent_id = dev-1\n# text = han kom i går hjem.\n"
        "1\than\than\tPRON\t_\t_\t0\troot\t_\t_\n2\tkom\tkomme\tVERB\t_\t_\t1\tdep\t_\t_\n"
        "3\ti\ti\tADP\t_\t_\t1\tdep\t_\t_\n4\tgår\tgår\tNOUN\t_\t_\t1\tdep\t_\t_\n"
        "5\thjem\thjem\tADV\t_\t_\t1\tdep\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n"
        "# sent_id = dev-2\n"
        "1\tKyllingerne\tkylling\tNOUN\t_\t_\t0\troot\t_\t_\n2\ther\ther\tADV\t_\t_\t1\tdep\t_\t_\n"
        "3\thar\thave\tVERB\t_\t_\t1\tdep\t_\t_\n4\tmeget\tmeget\tADV\t_\t_\t1\tdep\t_\t_\n"
        "5\tmere\tmere\tADJ\t_\t_\t1\tdep\t_\t_\n6\tplads\tplads\tNOUN\t_\t_\t1\tdep\t_\t_\n\n"
        "# sent_id = dev-3\n"
        "1-2\tDerr\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tDe\tde\tPRON\t_\t_\t0\troot\t_\t_\n2\tr\tr\tX\t_\t_\t1\tdep\t_\t_\n"
        + "".join(
            f"{i}\t{w}\t{w}\tX\t_\t_\t1\tdep\t_\t_\n"
            for i, w in enumerate(
                ["var", "mange", "flotte", "heste", "på", "marken", "i", "går", "aftes", "."], 3
            )
        )
        + "\n",
        encoding="utf-8",
    )
    return cdt, dev


def test_sentence_key_normalises_mwe_case_and_space(trainer):
    key = trainer.sentence_key
    assert key(["Han", "kom", "i_går", "hjem", "."]) == key(["han", "kom", "i", "går", "hjem."])
    assert key(["i_går"]) == key(["I går"]) == "igår"
    assert key(["Han", "kom"]) != key(["Han", "kom", "ikke"])


def test_held_out_matching(trainer):
    sent = "Saften fortyndes med vand og får en mild smag af hyldeblomst .".split()
    held = trainer.HeldOut([sent])
    assert held.leaks_into([w.lower() for w in sent]) == "exact"
    assert held.leaks_into(sent[:4]) == "contained"
    assert held.leaks_into([*sent[:5], "fik", *sent[6:]]) == "near"
    assert held.leaks_into(["Vi", "drikker", "vand", "."]) is None
    assert held.leaks_into(["vand"]) is None  # short keys only match exactly


def test_training_excludes_ud_dev_sentences(trainer, tmp_path):
    cdt, dev = _write_tiny_treebanks(tmp_path)
    held = trainer.HeldOut(trainer.read_conllu_sentences(dev))
    assert len(held) == 3
    stats = __import__("collections").Counter()
    docs = trainer.read_cdt(cdt, held, stats)
    assert list(docs) == ["0001"]  # the dev document is skipped
    kept = docs["0001"]
    assert [[f for f, _, _ in s] for s in kept] == [["Bilerne", "kører", "hurtigt", "."]]
    assert kept[0][2][1] == "hurtigt"  # adverbial adjective: lemma = form (UD convention)
    assert stats["sents_exact"] == 1 and stats["sents_contained"] == 1 and stats["sents_near"] == 1
    assert stats["tokens_excluded"] == 6 + 3 + 11 and stats["tokens_kept"] == 4
    # without the held-out set everything in train documents is read
    assert len(trainer.read_cdt(cdt)["0001"]) == 4


def test_training_end_to_end_is_deterministic_and_leak_free(trainer, tmp_path):
    import gzip
    import json

    cdt, dev = _write_tiny_treebanks(tmp_path)
    outs = []
    for name in ("a.json.gz", "b.json.gz"):
        out = tmp_path / name
        args = ["--cdt", str(cdt), "--dev-conllu", str(dev), "--out", str(out), "--epochs", "2"]
        assert trainer.main(args) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    data = json.loads(gzip.decompress(outs[0]))
    assert set(data["lex"]) == {"Bilerne", "kører", "hurtigt", "."}
    assert data["meta"]["n_sents_excluded"] == 3


def test_an_abbreviation_before_a_name_ends_no_sentence(nlp):
    doc = nlp("Lønnen aftales i overenskomsterne ml. Danske Regioner og lægerne. Det er rimeligt.")
    assert "ml." in [t.text for t in doc]
    assert len(list(doc.sents)) == 2


def test_a_latin_verb_names_its_act_with_ation():
    from pipeline.danish.inflection import nominalise

    assert nominalise("integrere") == "integration"
    assert nominalise("kommunikere") == "kommunikation"
