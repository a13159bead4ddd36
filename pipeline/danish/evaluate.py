"""Evaluate a spaCy pipeline against gold CoNLL-U (tokens, sentences, lemmas, POS).

The scores follow spaCy's ``Scorer`` conventions:

* ``token_f``: F-score of predicted token character spans against gold token spans. The raw
  text is rebuilt from the gold tokens (a space after every token unless ``SpaceAfter=No``),
  so the pipeline's tokenizer is really tested.
* ``sents_f``: F-score of sentence spans (character start/end of each sentence). Gold
  sentences are concatenated into documents (per ``# newdoc``, else per ``# newpar``, else in
  chunks of ``sents_per_doc`` sentences) so the sentence splitter is really tested.
  ``sent_starts_f`` is the F-score over sentence start positions only.
* ``lemma_acc`` / ``pos_acc``: like spaCy's ``score_token_attr``: the F-score of
  (gold token, value) pairs, where a predicted token only counts when it is aligned one to one
  (same character span) with a gold token. With perfect tokenization this is plain accuracy.
  ``lemma_acc_content`` is the same restricted to gold UPOS NOUN/VERB/ADJ, and
  ``lemma_acc_by_upos`` per gold UPOS (recall over the gold tokens of that class).
* ``pos_acc`` is ``None`` when the pipeline has no component that sets POS.
* ``uas`` / ``las``: unlabelled and labelled attachment scores of the dependency parser on the
  gold tokens, one gold sentence per document, tags predicted by the pipeline (its sentence
  splitter is left out), punctuation excluded (as the CoNLL-X 2006 shared task scored Danish):
  ``dep_words`` says how many words were scored. A CoNLL-X file is read as the Copenhagen
  Dependency Treebank writes it (:mod:`pipeline.danish.treebank`: multiword tokens split, words
  CDT left unattached not scored). The scores are ``None`` when the pipeline has no parser or
  when its relations are not the file's (the bundled parser gives CDT relations, a CoNLL-U
  file has UD's: ``dep_note`` says so). For a CoNLL-X file the token, sentence, lemma and POS
  scores are ``None`` (CDT's lemmas and tags follow other conventions than UD's).
* ``words_per_second``: gold tokens divided by the wall time of ``nlp.pipe`` over all docs;
  ``tokenizer_words_per_second`` the same for a bare ``spacy.blank(lang)`` tokenizer,
  measured just before in the same run (the floor the pipeline's components add to).

The functions take text, never paths.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

CONTENT_UPOS = frozenset({"NOUN", "VERB", "ADJ"})
POS_COMPONENTS = frozenset({"tagger", "morphologizer", "attribute_ruler"})


@dataclass
class Token:
    """One gold surface token (a CoNLL-U word line, or a multiword-token range line)."""

    form: str
    lemma: str | None = None
    upos: str | None = None
    space_after: bool = True
    head: int | None = None  # 0-based index of the head word in the sentence (itself for the root)
    deprel: str | None = None


@dataclass
class Sentence:
    """One CoNLL-U sentence with its comment metadata."""

    tokens: list[Token] = field(default_factory=list)
    sent_id: str | None = None
    text: str | None = None
    newdoc: bool = False
    newpar: bool = False

    @property
    def words(self) -> list[str]:
        """The token forms."""
        return [t.form for t in self.tokens]


def _none(value: str) -> str | None:
    return None if value == "_" else value


def read_conllu(text: str) -> list[Sentence]:
    """Parse CoNLL-U text into sentences of surface tokens.

    Empty nodes (``3.1``) are skipped. A multiword token (``1-2``) becomes one surface token
    without lemma/UPOS; its syntactic words are skipped.
    """
    sentences: list[Sentence] = []
    cur = Sentence()
    skip_until = 0

    def flush() -> None:
        nonlocal cur, skip_until
        if cur.tokens:
            sentences.append(cur)
        cur = Sentence()
        skip_until = 0

    for raw in text.splitlines():
        line = raw.rstrip("\r\n")
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            if cur.tokens:  # comment after tokens without blank line: new sentence
                flush()
            if body.startswith("newdoc"):
                cur.newdoc = True
                cur.newpar = True
            elif body.startswith("newpar"):
                cur.newpar = True
            elif body.startswith("sent_id") and "=" in body:
                cur.sent_id = body.split("=", 1)[1].strip()
            elif body.startswith("text") and "=" in body and body.split("=", 1)[0].strip() == "text":
                cur.text = body.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            raise ValueError(f"Malformed CoNLL-U line (expected 10 columns): {line!r}")
        tid = cols[0]
        misc = cols[9]
        space_after = "SpaceAfter=No" not in misc.split("|")
        if "." in tid:
            continue
        if "-" in tid:
            _, end = (int(x) for x in tid.split("-"))
            skip_until = end
            cur.tokens.append(Token(form=cols[1], space_after=space_after))
            continue
        if int(tid) <= skip_until:
            continue
        head = int(cols[6]) - 1 if cols[6].isdigit() else None
        cur.tokens.append(
            Token(
                form=cols[1],
                lemma=cols[2] if (cols[2] != "_" or cols[1] == "_") else None,
                upos=_none(cols[3]),
                space_after=space_after,
                head=(int(tid) - 1 if head == -1 else head),
                deprel=_none(cols[7]),
            )
        )
    flush()
    return sentences


@dataclass
class _GoldDoc:
    text: str
    tokens: list[tuple[int, int, Token]]  # (start_char, end_char, token)
    sents: list[tuple[int, int]]  # character spans


def group_documents(sentences: list[Sentence], sents_per_doc: int = 10) -> list[list[Sentence]]:
    """Group sentences into documents: by ``# newdoc``, else ``# newpar``, else fixed chunks."""
    if not sentences:
        return []
    if any(s.newdoc for s in sentences[1:]):
        key = "newdoc"
    elif any(s.newpar for s in sentences[1:]):
        key = "newpar"
    else:
        key = None
    docs: list[list[Sentence]] = []
    for i, s in enumerate(sentences):
        if not docs:
            docs.append([s])
        elif key is not None and getattr(s, key):
            docs.append([s])
        elif key is None and len(docs[-1]) >= sents_per_doc:
            docs.append([s])
        else:
            docs[-1].append(s)
    return docs


def build_gold_doc(sentences: list[Sentence]) -> _GoldDoc:
    """Rebuild the raw text of a document from its gold tokens, with character offsets."""
    parts: list[str] = []
    pos = 0
    toks: list[tuple[int, int, Token]] = []
    sents: list[tuple[int, int]] = []
    for si, sent in enumerate(sentences):
        if si > 0:
            parts.append(" ")
            pos += 1
        s_start = pos
        for ti, tok in enumerate(sent.tokens):
            parts.append(tok.form)
            toks.append((pos, pos + len(tok.form), tok))
            pos += len(tok.form)
            if tok.space_after and ti < len(sent.tokens) - 1:
                parts.append(" ")
                pos += 1
        sents.append((s_start, toks[-1][1]))
    return _GoldDoc(text="".join(parts), tokens=toks, sents=sents)


class _PRF:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def score_set(self, pred: set, gold: set) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def fscore(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _has_pos(nlp: Any) -> bool:
    return any(name in POS_COMPONENTS or "tagger" in name or "morpholog" in name for name in nlp.pipe_names)


def _tokenizer_seconds(nlp: Any, texts: list[str], batch_size: int) -> float:
    """Seconds the bare tokenizer of a fresh blank pipeline takes on ``texts``.

    Its own cold caches, so that neither this run nor the pipeline's warms the other's.
    """
    import spacy

    bare = spacy.blank(nlp.lang).tokenizer
    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def _sentence_spans(doc) -> set[tuple[int, int]]:
    """The predicted sentences as character spans from their first to their last word."""
    spans = set()
    if doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            words = [t for t in sent if not t.text.isspace()]
            if words:
                spans.add((words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans


def evaluate_nlp(nlp: Any, conllu_text: str, sents_per_doc: int = 10, batch_size: int = 64) -> dict:
    """Run ``nlp`` on text rebuilt from gold CoNLL-U and score it (see module docstring)."""
    sentences = read_conllu(conllu_text)
    gold_docs = [build_gold_doc(g) for g in group_documents(sentences, sents_per_doc)]
    texts = [g.text for g in gold_docs]
    n_tokens = sum(len(g.tokens) for g in gold_docs)

    tok_elapsed = _tokenizer_seconds(nlp, texts, batch_size)

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    elapsed = time.perf_counter() - t0

    has_pos = _has_pos(nlp)
    tok_prf, sent_prf, start_prf = _PRF(), _PRF(), _PRF()
    lemma_prf, content_prf, pos_prf = _PRF(), _PRF(), _PRF()
    by_upos: dict[str, list[int]] = {}  # gold UPOS -> [correct lemmas, gold tokens]
    for gold, doc in zip(gold_docs, docs):
        pred_spans: dict[tuple[int, int], Any] = {}
        for t in doc:
            if t.text.isspace():
                continue
            pred_spans[(t.idx, t.idx + len(t.text))] = t
        gold_spans = {(s, e): tok for s, e, tok in gold.tokens}
        tok_prf.score_set(set(pred_spans), set(gold_spans))

        pred_sents = _sentence_spans(doc)
        sent_prf.score_set(pred_sents, set(gold.sents))
        start_prf.score_set({s for s, _ in pred_sents}, {s for s, _ in gold.sents})

        g_lem, p_lem, g_con, p_con, g_pos, p_pos = set(), set(), set(), set(), set(), set()
        for span, tok in gold_spans.items():
            if tok.lemma is not None:
                g_lem.add((span, tok.lemma))
                if tok.upos is not None:
                    c = by_upos.setdefault(tok.upos, [0, 0])
                    c[1] += 1
                    p = pred_spans.get(span)
                    c[0] += p is not None and p.lemma_ == tok.lemma
                if tok.upos in CONTENT_UPOS:
                    g_con.add((span, tok.lemma))
            if tok.upos is not None:
                g_pos.add((span, tok.upos))
        for span, t in pred_spans.items():
            gtok = gold_spans.get(span)
            if gtok is None:
                continue
            if gtok.lemma is not None:
                p_lem.add((span, t.lemma_))
                if gtok.upos in CONTENT_UPOS:
                    p_con.add((span, t.lemma_))
            if has_pos and gtok.upos is not None:
                p_pos.add((span, t.pos_))
        lemma_prf.score_set(p_lem, g_lem)
        content_prf.score_set(p_con, g_con)
        pos_prf.score_set(p_pos, g_pos)

    return {
        "token_f": tok_prf.fscore,
        "sents_f": sent_prf.fscore,
        "sent_starts_f": start_prf.fscore,
        "lemma_acc": lemma_prf.fscore,
        "lemma_acc_content": content_prf.fscore,
        "pos_acc": pos_prf.fscore if has_pos else None,
        "lemma_acc_by_upos": {u: round(ok / n, 4) for u, (ok, n) in sorted(by_upos.items())},
        "words_per_second": n_tokens / elapsed if elapsed > 0 else float("inf"),
        "tokenizer_words_per_second": n_tokens / tok_elapsed if tok_elapsed > 0 else float("inf"),
        "n_sentences": len(sentences),
        "n_tokens": n_tokens,
        "n_docs": len(gold_docs),
    }


def nlp_report(nlp: Any, conllu_text: str, pipeline_name: str, conventions: str) -> dict:
    """What ``seminar eval-nlp`` prints: the pipeline, its components and :func:`evaluate_nlp`'s scores.

    The scores are rounded. Long-lived objects (the lexicon, imported modules) are frozen out of the
    garbage collector first, so that its passes do not count in the words per second.
    """
    import gc

    from pipeline.danish.treebank import is_conllx
    from pipeline.danish.evaluate_parse import conllu_trees, dependency_scores, evaluate_conllx

    gc.collect()
    gc.freeze()
    if is_conllx(conllu_text):
        scores = evaluate_conllx(nlp, conllu_text)
    else:
        scores = evaluate_nlp(nlp, conllu_text)
        scores.update(dependency_scores(nlp, conllu_trees(read_conllu(conllu_text)), "ud"))
    result = {
        "pipeline": pipeline_name,
        "components": nlp.pipe_names,
        "lemma_conventions": conventions,
        **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()},
    }
    result["words_per_second"] = round(scores["words_per_second"])
    if scores["tokenizer_words_per_second"] is not None:
        result["tokenizer_words_per_second"] = round(scores["tokenizer_words_per_second"])
    return result
