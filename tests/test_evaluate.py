import pytest
import spacy
from spacy.language import Language

from pipeline.danish.evaluate import build_gold_doc, evaluate_nlp, group_documents, read_conllu

CONLLU = """# newdoc id = d1
# sent_id = 1
# text = Vi talte om bl.a. huse.
1\tVi\tvi\tPRON\t_\t_\t2\tnsubj\t_\t_
2\ttalte\ttale\tVERB\t_\t_\t0\troot\t_\t_
3\tom\tom\tADP\t_\t_\t2\tcase\t_\t_
4\tbl.a.\tblandt_andet\tADV\t_\t_\t2\tadvmod\t_\t_
5\thuse\thus\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# sent_id = 2
# text = Det gik godt.
1\tDet\tdet\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tgik\tgå\tVERB\t_\t_\t0\troot\t_\t_
3\tgodt\tgodt\tADV\t_\t_\t2\tadvmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""

SPLIT = """# sent_id = 3
# text = Hold for børn/voksne.
1\tHold\thold\tNOUN\t_\t_\t0\troot\t_\t_
2\tfor\tfor\tADP\t_\t_\t3\tcase\t_\t_
3\tbørn/voksne\tbørn/voksne\tNOUN\t_\t_\t1\tnmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_
"""

if not Language.has_factory("test_lower_lemma"):

    @Language.component("test_lower_lemma")
    def _lower_lemma(doc):
        for t in doc:
            t.lemma_ = t.text.lower()
        return doc


@pytest.fixture
def nlp():
    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_lower_lemma")
    return nlp


def test_read_conllu():
    sents = read_conllu(
        CONLLU
        + "\n"
        + "# sent_id = x\n1-2\tdens\t_\t_\t_\t_\t_\t_\t_\t_\n"
        + "1\tden\tden\tDET\t_\t_\t0\troot\t_\t_\n2\ts\ts\tX\t_\t_\t1\tdep\t_\t_\n"
    )
    assert len(sents) == 3
    assert sents[0].newdoc and not sents[1].newdoc
    assert sents[0].words == ["Vi", "talte", "om", "bl.a.", "huse", "."]
    assert sents[0].tokens[4].space_after is False
    assert sents[1].tokens[1].lemma == "gå" and sents[1].tokens[1].upos == "VERB"
    assert [t.form for t in sents[2].tokens] == ["dens"] and sents[2].tokens[0].lemma is None
    doc = build_gold_doc(group_documents(sents[:2])[0])
    assert doc.text == "Vi talte om bl.a. huse. Det gik godt."
    assert doc.sents == [(0, 23), (24, 37)]


def test_group_documents_chunks_without_newdoc():
    sents = read_conllu(SPLIT * 1) * 25
    assert [len(d) for d in group_documents(sents, sents_per_doc=10)] == [10, 10, 5]


def test_evaluate_perfect_tokens(nlp):
    r = evaluate_nlp(nlp, CONLLU)
    assert r["token_f"] == 1.0
    assert r["sents_f"] == 1.0
    assert r["sent_starts_f"] == 1.0
    assert r["lemma_acc"] == pytest.approx(0.6)  # vi om . det godt . correct; talte bl.a. huse gik wrong
    assert r["lemma_acc_content"] == 0.0  # talte, huse, gik
    assert r["pos_acc"] is None
    assert r["n_sentences"] == 2 and r["n_tokens"] == 10
    assert r["words_per_second"] > 0


def test_evaluate_tokenization_errors(nlp):
    r = evaluate_nlp(nlp, SPLIT)
    # predicted: Hold for børn / voksne .  -> tp 3, fp 3, fn 1
    assert r["token_f"] == pytest.approx(2 * 0.5 * 0.75 / 1.25)
    # lemma pairs: 3 aligned and correct, 4 gold -> P 1, R 0.75
    assert r["lemma_acc"] == pytest.approx(2 * 0.75 / 1.75)
    assert r["sents_f"] == 1.0


# A CDT sentence in CoNLL-X: the multiword token "i_dag" and an unattached particle ("på").
CONLLX = (
    "1\tPigerne\tpige\tNC\tNCCPU==D\t_\t2\tsubj\t_\t_\n"
    "2\tgik\tgå\tVA\tVADA=----A-\t_\t0\tROOT\t_\t_\n"
    "3\tpå\tpå\tSP\tSP\t_\t0\tROOT\t_\t_\n"
    "4\tbanen\tbane\tNC\tNCCSU==D\t_\t3\tnobj\t_\t_\n"
    "5\ti_dag\ti_dag\tRG\tRGU\t_\t2\tmod\t_\t_\n"
    "6\t.\t.\tXP\tXP\t_\t2\tpnct\t_\t_\n"
    "\n"
)


def test_cdt_tree_splits_multiword_tokens_and_attaches_unattached_words():
    from pipeline.danish.treebank import cdt_tree, is_conllx, read_conllx

    assert is_conllx(CONLLX) and not is_conllx(CONLLU)
    t = cdt_tree(read_conllx(CONLLX)[0])
    assert t.words == ("Pigerne", "gik", "på", "banen", "i", "dag", ".")
    assert t.heads == (1, 1, 1, 2, 1, 4, 1)
    assert t.deps == ("subj", "ROOT", "mod", "nobj", "mod", "fixed", "pnct")
    assert t.scored == (True, True, False, True, True, True, True)


class _FixedParser:
    """Sets the given heads and relations (a stand-in for a parser), by sentence length."""

    def __init__(self, trees):
        self.trees = {len(t.words): t for t in trees}

    def __call__(self, doc):
        t = self.trees[len(doc)]
        heads = list(t.heads)
        heads[0] = 0  # one wrong head on the first word
        for tok, h, d in zip(doc, heads, t.deps):
            tok.head = doc[h]
            tok.dep_ = d
        return doc


def test_dependency_scores_exclude_punctuation_and_unattached_words():
    from pipeline.danish.evaluate_parse import conllx_trees, evaluate_dependencies

    trees = conllx_trees(CONLLX)
    nlp = spacy.blank("da")

    @Language.component("test_fixed_cdt_parser")
    def _parse(doc):
        return _FixedParser(trees)(doc)

    nlp.add_pipe("test_fixed_cdt_parser")
    # scored: Pigerne (wrong head), gik, banen, i, dag; not "på" (unattached), not "." (punctuation)
    assert evaluate_dependencies(nlp, trees) == {"uas": 0.8, "las": 0.8, "dep_words": 5}
    assert evaluate_dependencies(nlp, trees, punct=True)["dep_words"] == 6


def test_conllu_dependency_scores_need_the_same_scheme():
    from pipeline.danish.evaluate import read_conllu
    from pipeline.danish.evaluate_parse import conllu_trees, evaluate_dependencies

    trees = conllu_trees(read_conllu(CONLLU))
    assert trees[0].heads == (1, 1, 1, 1, 1, 1) and trees[0].deps[1] == "ROOT"
    assert trees[0].punct == (False, False, False, False, False, True)
    nlp = spacy.blank("da")

    @Language.component("test_fixed_ud_parser")
    def _parse(doc):
        return _FixedParser(trees)(doc)

    nlp.add_pipe("test_fixed_ud_parser")
    # sentence 1: 5 words, "Vi" wrong; sentence 2: 3 words, "Det" wrong
    scores = evaluate_dependencies(nlp, trees)
    assert scores["dep_words"] == 8 and scores["uas"] == pytest.approx(6 / 8)


def test_bundled_parser_is_not_scored_against_ud_relations():
    from pipeline.danish.parser import parser_available
    from pipeline.danish.evaluate import nlp_report
    from pipeline.nlp import build_nlp

    if not parser_available():
        pytest.skip("no parser model")
    from pipeline.config import NlpConfig

    nlp = build_nlp(NlpConfig())
    ud = nlp_report(nlp, CONLLU, "danish", "ud")
    assert ud["uas"] is None and "not comparable" in ud["dep_note"] and ud["pos_acc"] is not None
    cdt = nlp_report(nlp, CONLLX, "danish", "ud")
    assert cdt["dep_words"] == 5 and cdt["uas"] is not None and cdt["lemma_acc"] is None
