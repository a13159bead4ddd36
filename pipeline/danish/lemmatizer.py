"""A Danish lemmatizer that needs no POS tagger, plus a lexicon-driven compound splitter.

How a lemma is chosen for a token:

1. Tokens without letters (numbers, punctuation) keep their form.
2. A form seen in the training treebank (CDT; UD dev documents and sentences excluded) with
   exactly one lemma gets that lemma (the fast path: most running tokens).
3. Every other token (ambiguous or unseen) gets a short list of candidate lemmas: the
   treebank lemmas of the form, simplemma's Danish lexicon, the lemma of the longest known
   compound head (``plastikstykker`` -> ``plastik`` + ``stykke``), suffix edit scripts learned
   from the treebank, the form itself and case-kept / genitive-stripped variants for
   capitalised words. A ranking averaged perceptron, trained on the treebank with 5-fold
   jackknifing (so it also learns how to treat unseen forms), scores the candidates with
   features of the candidate (edit script, sources, counts) conjoined with the word's
   suffixes, casing and its neighbouring words (``de talte`` -> ``tale``, ``i går`` -> ``går``).

Lemma conventions follow Universal Dependencies Danish (DDT): adverbially used adjectives
keep their form (``helt``, ``godt``), proper nouns keep their case and lose the genitive
(``Kelds`` -> ``Keld``), abbreviations expand (``f.eks.`` -> ``for_eksempel``), and
comparatives map to the positive (``ældre`` -> ``gammel``), and a present participle the
dictionary holds as an adjective keeps its form (``lignende``, ``tilsvarende``:
:mod:`pipeline.danish.participles`). Use ``overrides`` to change single forms for a domain.

The learned data live in ``data/lemmatizer_da.json.gz``, built by
``bench/train_lemmatizer.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from pipeline.danish.compound_split import split_compound
from pipeline.danish.imperatives import imperative_verb
from pipeline.danish.lemma_model import Model, _Sources, default_model, edit_script, get_sources
from pipeline.danish.participles import is_participle_adjective

__all__ = ["DanishLemmatizer", "default_lemmatizer", "default_model", "lemmatize_tokens", "split_compound"]


_POS_LEMMA_CLASSES = frozenset({"ADJ", "ADV", "DET", "PRON", "NOUN", "VERB", "AUX", "ADP", "NUM", "X"})


class DanishLemmatizer:
    """Tagger-free Danish lemmatizer (see module docstring)."""

    def __init__(
        self,
        model: Model | None = None,
        overrides: dict[str, str] | None = None,
        adverbs_as_adjectives: bool = False,
        pos_lemmas: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.model = model if model is not None else default_model()
        # UPOS -> {lowercase form: lemma}: forms whose lemma the word class decides
        # (``de`` DET -> ``den``, PRON -> ``de``); used only when the doc has POS tags
        self.pos_lemmas = pos_lemmas or {}
        self.use_pos = pos_lemmas is not None
        self.overrides = dict(overrides or {})
        self.adverbs_as_adjectives = adverbs_as_adjectives
        self._src: _Sources | None = None
        self._cache: dict = {}
        self._tagw: dict[tuple, float] = {}
        self.model.nested  # build the scoring tables now, not on the first doc

    @property
    def src(self) -> _Sources:
        """The process-wide simplemma access object, fetched on first use."""
        if self._src is None:
            self._src = get_sources()
        return self._src

    def _static(self, form: str, ctx: tuple[str, ...]) -> list[tuple[str, float, dict | None, dict | None]]:
        """Candidates of ``form`` with their context-free score and their context features' weights.

        The weight tables of their context features; cached per form and shape.

        Computes the same sums as ``Model.static_features`` / ``dynamic_features`` (the
        features used in training), through ``Model.nested`` instead of feature strings.
        """
        sh = ctx[11]
        key = (form, sh)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        m = self.model
        w = m.weights
        nested = m.nested
        tagw = self._tagw
        cands = m.candidates(form, sh[-1] == "F", self.src)
        low = form.lower()
        kn = "k" if form in m.lex or low in m.low_lex else "u"
        c0, c1, c2, c3, c4 = ctx[0], ctx[1], ctx[2], ctx[3], ctx[4]
        out = []
        for lemma in sorted(cands):
            case = "K" if lemma[:1].isupper() else "L"
            score = 0.0
            es = nested.get("E" + edit_script(low, lemma.lower()) + case)
            if es is not None:
                for c in (c0, c1, c2, c3, c4, sh, kn):
                    v = es.get(c)
                    if v is not None:
                        score += v
            wk = "W" + low + ">" + lemma
            v = w.get(wk)
            if v is not None:
                score += v
            for t in cands[lemma]:
                tk = (t, kn, sh)
                v = tagw.get(tk)
                if v is None:
                    v = tagw[tk] = (
                        w.get("T" + t, 0.0) + w.get("T" + t + "|" + kn, 0.0) + w.get("T" + t + "|" + sh, 0.0)
                    )
                score += v
            ck = (case, sh, kn)
            v = tagw.get(ck)
            if v is None:
                v = tagw[ck] = w.get("C" + case + "|" + sh + "|" + kn, 0.0)
            score += v
            out.append((lemma, score, es, nested.get(wk)))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[key] = out
        return out

    def rank(self, words: Sequence[str], i: int) -> str:
        """Score the candidates of ``words[i]`` and return the best one."""
        ctx = self.model.context(words, i)
        p1, n1, p2, n2, n1s2, p1s2 = ctx[5], ctx[6], ctx[7], ctx[8], ctx[9], ctx[10]
        best, best_score = words[i], None
        for lemma, score, es, ws in self._static(words[i], ctx):
            if es is not None:
                for c in (p1, n1, p2, n2):
                    v = es.get(c)
                    if v is not None:
                        score += v
            if ws is not None:
                for c in (p1, n1, p2, n2, n1s2, p1s2):
                    v = ws.get(c)
                    if v is not None:
                        score += v
            if best_score is None or score > best_score:
                best, best_score = lemma, score
        return best

    def _adjective_of_adverb(self, lem: str) -> str:
        """``frivilligt`` -> ``frivillig`` when the lexicon knows the form as that adjective."""
        m = self.model
        for cand in (lem[:-1], lem[:-2] if lem.endswith("tt") else None):
            if not cand:
                continue
            e = m.low_lex.get(lem)
            if e is not None and any(lm == cand for lm, _ in e):
                return cand
            if self.src.dict_lemma(lem) == cand:
                return cand
        return lem

    def lemmatize_sentence(self, words: Sequence[str]) -> list[str]:
        """Lemmas of one sentence (words as tokenized)."""
        out: list[str] = []
        m = self.model
        fast = m.fast
        ov = self.overrides
        adv = self.adverbs_as_adjectives
        for i, form in enumerate(words):
            if ov:
                o = ov.get(form) or ov.get(form.lower())
                if o is not None:
                    out.append(o)
                    continue
            lem = fast.get(form)  # the common case of Model.fast_lemma, inlined
            if lem is None:
                lem = m.fast_lemma(form, i == 0)
                if lem is None:
                    lem = self.rank(words, i)
            if adv and len(lem) > 3 and lem[-1] == "t" and lem == form.lower():
                lem = self._adjective_of_adverb(lem)
            elif form[-4:] == "ende" and lem != form.lower() and is_participle_adjective(form):
                lem = form.lower()  # "lignende" is an adjective of its own, no form of "ligne"
            out.append(lem)
        return out

    def _apply_pos(self, doc, words: list[str], lemmas: list[str]) -> None:
        """Correct lemmas with the tagged word class. Overrides still win.

        * A verb's lemma is lowercase: a capitalised imperative is its infinitive
          (``Investér`` -> ``investere``, :func:`pipeline.danish.imperatives.imperative_verb`).
        * Forms whose lemma the class decides (``pos_lemmas``: ``de`` DET -> ``den``, PRON ->
          ``de``).
        * ``-t`` forms: an adverb keeps its form in the UD conventions (``muligt``,
          ``pragtfuldt``; the adjective with ``adverbs_as_adjectives``), an adjective loses
          the neuter ``-t`` when the lexicon knows the base (``rigtigt`` -> ``rigtig``;
          ``-et`` participles such as ``begavet`` are left alone).
        """
        from spacy.attrs import POS

        table = self.pos_lemmas
        ov = self.overrides
        strings = doc.vocab.strings
        adv_as_adj = self.adverbs_as_adjectives
        for i, p in enumerate(doc.to_array(POS).tolist()):
            if not p:
                continue
            upos = strings[p]
            if upos not in _POS_LEMMA_CLASSES:
                continue
            form = words[i]
            if ov and (form in ov or form.lower() in ov):
                continue
            low = form.lower()
            t = table.get(upos)
            lem = t.get(low) if t is not None else None
            if upos == "VERB" and not lemmas[i].islower() and lem is None:
                # a verb's lemma has no capital: a capitalised imperative the ranker kept or
                # mis-cased ("Investér", "invEster") is its infinitive
                lemmas[i] = imperative_verb(form) or lemmas[i].lower()
            elif lem is not None:
                lemmas[i] = self._adjective_of_adverb(lem) if adv_as_adj and upos == "ADV" else lem
            elif len(low) > 3 and low[-1] == "t" and low.isalpha():
                cur = lemmas[i]
                if upos == "ADV" and not adv_as_adj and low == cur.lower() + "t":
                    lemmas[i] = low
                elif upos == "ADJ" and cur == low and not low.endswith("et"):
                    lemmas[i] = self._adjective_of_adverb(low)

    def __call__(self, doc):
        """Set ``token.lemma_`` on a spaCy Doc (sentence-wise when sentences are set)."""
        import numpy
        from spacy.attrs import LEMMA, ORTH, SENT_START

        n = len(doc)
        if n == 0:
            return doc
        strings = doc.vocab.strings
        if doc.has_annotation("SENT_START"):
            arr = doc.to_array([ORTH, SENT_START]).tolist()
            words = [strings[o] for o, _ in arr]
            # the spans of doc.sents: a sentence starts at index 0 and where SENT_START == 1
            bounds = [0] + [i for i in range(1, n) if arr[i][1] == 1] + [n]
            spans = list(pairwise(bounds))
        else:
            words = [strings[o] for o in doc.to_array(ORTH).tolist()]
            spans = [(0, n)]
        lemmas = list(words)
        for start, end in spans:
            sent = words[start:end]
            if not any(w.isspace() for w in sent):
                lemmas[start:end] = self.lemmatize_sentence(sent)
            else:  # whitespace tokens keep their text and are left out of the context
                idx = [j for j in range(start, end) if not words[j].isspace()]
                for j, lem in zip(idx, self.lemmatize_sentence([words[j] for j in idx])):
                    lemmas[j] = lem
        if self.use_pos and doc.has_annotation("POS"):
            self._apply_pos(doc, words, lemmas)
        add = strings.add
        arr = numpy.fromiter((add(lem) for lem in lemmas), dtype="uint64", count=n).reshape(n, 1)
        doc.from_array([LEMMA], arr)
        return doc


@lru_cache(maxsize=1)
def default_lemmatizer() -> DanishLemmatizer:
    """A shared lemmatizer with the packaged data."""
    return DanishLemmatizer()


def lemmatize_tokens(words: list[str]) -> list[str]:
    """Lemmatize one sentence given as a list of tokens (no spaCy needed)."""
    return default_lemmatizer().lemmatize_sentence(words)
