import pytest
import spacy
from spacy.language import Language

from pipeline.evaluate import build_gold_doc, evaluate_nlp, group_documents, read_conllu

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
    sents = read_conllu(CONLLU + "\n" + "# sent_id = x\n1-2\tdens\t_\t_\t_\t_\t_\t_\t_\t_\n1\tden\tden\tDET\t_\t_\t0\troot\t_\t_\n2\ts\ts\tX\t_\t_\t1\tdep\t_\t_\n")
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
