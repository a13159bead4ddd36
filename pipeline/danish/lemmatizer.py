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
comparatives map to the positive (``ældre`` -> ``gammel``). Use ``overrides`` to change
single forms for a domain.

The learned data live in ``data/lemmatizer_da.json.gz``, built by
``bench/train_lemmatizer.py``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

DATA_PATH = Path(__file__).parent / "data" / "lemmatizer_da.json.gz"

# ---------------------------------------------------------------------------------------
# Shared feature extraction (used by training and by inference: keep them identical).
# ---------------------------------------------------------------------------------------


def edit_script(form: str, lemma: str) -> str:
    """The suffix rewrite turning ``form`` into ``lemma`` (both as given), as ``strip>add``."""
    if form.startswith(lemma):  # the common cases (huse -> hus, hus -> hus), without a loop
        return form[len(lemma):] + ">"
    if lemma.startswith(form):
        return ">" + lemma[len(form):]
    n = min(len(form), len(lemma))
    p = 0
    while p < n and form[p] == lemma[p]:
        p += 1
    return form[p:] + ">" + lemma[p:]


def apply_script(form: str, script: str) -> str | None:
    """Apply a ``strip>add`` script to ``form``; None when it does not fit."""
    strip, add = script.split(">", 1)
    if strip and not form.endswith(strip):
        return None
    base = form[: len(form) - len(strip)] if strip else form
    if not base and not add:
        return None
    return base + add


def has_alpha(s: str) -> bool:
    """True when the string has a letter."""
    return s.isalpha() or any(c.isalpha() for c in s)


def _count_bucket(n: int) -> str:
    if n <= 0:
        return "0"
    if n == 1:
        return "1"
    if n <= 3:
        return "2"
    if n <= 10:
        return "3"
    if n <= 50:
        return "4"
    return "5"


def _share_bucket(x: float) -> str:
    if x >= 0.9:
        return "a"
    if x >= 0.6:
        return "b"
    if x >= 0.3:
        return "c"
    if x > 0:
        return "d"
    return "0"


class _Sources:
    """Simplemma access with caches (imported lazily: it loads a large lexicon)."""

    def __init__(self) -> None:
        import simplemma
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

        factory = DefaultDictionaryFactory()
        self._dict = factory.get_dictionary("da")
        try:  # share the loaded lexicon with simplemma's rule-based strategy
            from simplemma.strategies.default import DefaultStrategy

            self._lemmatizer = simplemma.Lemmatizer(
                lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)
            )
        except (ImportError, TypeError):  # pragma: no cover - older simplemma
            self._lemmatizer = simplemma

    @lru_cache(maxsize=200_000)  # noqa: B019 - one instance per process
    def dict_lemma(self, word: str) -> str | None:
        v = self._dict.get(word)
        if v is None:
            return None
        return v.decode("utf-8") if isinstance(v, bytes) else v

    def known_form(self, word: str) -> bool:
        return self.dict_lemma(word) is not None

    @lru_cache(maxsize=200_000)  # noqa: B019
    def lemmatize(self, word: str) -> str:
        try:
            return self._lemmatizer.lemmatize(word, lang="da")
        except Exception:  # pragma: no cover - defensive: never fail a pipeline on a rare form
            return word


@lru_cache(maxsize=1)
def get_sources() -> _Sources:
    """The process-wide simplemma access object."""
    return _Sources()


class Model:
    """Learned data: lexicon, suffix edit table and ranking weights."""

    def __init__(self, lex: dict, edits: dict, weights: dict, meta: dict | None = None) -> None:
        # lex: form (exact case) -> [[lemma, count], ...] sorted by count desc
        self.lex: dict[str, list] = lex
        self.edits: dict[str, list] = edits
        self.weights: dict[str, float] = weights
        self.meta = meta or {}
        low: dict[str, dict[str, int]] = {}
        for form, lemmas in lex.items():
            d = low.setdefault(form.lower(), {})
            for lem, c in lemmas:
                d[lem] = d.get(lem, 0) + c
        self.fast: dict[str, str] = {f: v[0][0] for f, v in lex.items() if len(v) == 1}
        self.low_lex: dict[str, list] = {
            k: sorted(v.items(), key=lambda x: (-x[1], x[0])) for k, v in low.items()
        }
        self._nested: dict[str, dict[str, float]] | None = None

    @property
    def nested(self) -> dict[str, dict[str, float]]:
        """The weights regrouped for fast scoring: ``prefix -> {suffix: weight}``.

        A feature ``"E<script>L|s2=er"`` is found as ``nested["E<script>L"]["s2=er"]``, so a
        candidate with no weight for its edit script (or word) costs one lookup, and the
        context strings (shared by all candidates of a token) are hashed once. Every ``|`` of
        a feature is a split point, so the regrouping is exact whatever the word contains.
        """
        if self._nested is None:
            nested: dict[str, dict[str, float]] = {}
            for f, v in self.weights.items():
                i = f.find("|")
                while i >= 0:
                    nested.setdefault(f[:i], {})[f[i + 1:]] = v
                    i = f.find("|", i + 1)
            self._nested = nested
        return self._nested

    @classmethod
    def load(cls, path: str | Path = DATA_PATH) -> Model:
        """Load the gzipped JSON data file."""
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            d = json.load(fh)
        return cls(d["lex"], d["edits"], d["weights"], d.get("meta"))

    def save(self, path: str | Path) -> None:
        """Write the gzipped JSON data file (deterministic bytes)."""
        payload = {"meta": self.meta, "lex": self.lex, "edits": self.edits, "weights": self.weights}
        raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(raw.encode("utf-8"))

    # -- candidate generation ---------------------------------------------------------
    def fast_lemma(self, form: str, first: bool) -> str | None:
        """The lemma when no decision is needed, else None."""
        r = self.fast.get(form)
        if r is not None:
            return r
        if form in self.lex:
            return None
        if not has_alpha(form):
            return form
        if first and form[:1].isupper():
            return self.fast.get(form.lower())
        return None

    def compound_head(self, low: str) -> tuple[str, str] | None:
        """(modifier, head lemma) for the longest known head of an unseen lowercase form."""
        n = len(low)
        for i in range(3, n - 2):
            head = low[i:]
            e = self.low_lex.get(head)
            if e is not None and e[0][1] >= 1 and has_alpha(head):
                mod = low[:i]
                if mod[-1] == "-" or has_alpha(mod):
                    return mod, e[0][0].lower() if not e[0][0][:1].isupper() else e[0][0]
        return None

    def candidates(self, form: str, first: bool, src: _Sources) -> dict[str, set[str]]:
        """Candidate lemmas of ``form``, each with the set of sources that proposed it."""
        low = form.lower()
        cands: dict[str, set[str]] = {}

        def add(lemma: str | None, tag: str) -> None:
            if lemma:
                cands.setdefault(lemma, set()).add(tag)

        def add_lexicon(entries, prefix: str) -> None:
            # Up to four lemmas seen with this form in training, tagged with count and share buckets.
            tot = sum(c for _, c in entries)
            for r, (lem, c) in enumerate(entries[:4]):
                add(lem, prefix)
                cands[lem].add(prefix + "c" + _count_bucket(c) + _share_bucket(c / tot))
                if r == 0:
                    cands[lem].add(prefix + "top")

        exact = self.lex.get(form)
        lowe = self.low_lex.get(low)
        if exact:
            add_lexicon(exact, "lex")
        if lowe and (not exact or low != form):
            add_lexicon(lowe, "llex")
        known = bool(exact or lowe)
        d = src.dict_lemma(form)
        if d is None and low != form:
            d = src.dict_lemma(low)
        if d is not None:
            add(d, "smd")
            if d != d.lower() and not form[:1].isupper():
                add(d.lower(), "smdl")
        else:
            add(src.lemmatize(form), "sml")
        if not known:
            ch = self.compound_head(low)
            if ch is not None:
                add(ch[0] + ch[1], "cmp")
            for k in (5, 4, 3, 2, 1):
                if len(low) > k:
                    row = self.edits.get(low[-k:])
                    if row:
                        for r, (script, _) in enumerate(row[:3]):
                            out = apply_script(low, script)
                            if out:
                                add(out, "ed" + str(r))
                        break
        add(low, "id")
        if form != low:
            add(form, "keep")
            if len(form) > 2 and form.endswith("s") and form[-2] not in "s'":
                add(form[:-1], "gen")
            if form.endswith("'s") or form.endswith("’s"):
                add(form[:-2], "gen")
        return cands

    # -- scoring ----------------------------------------------------------------------
    @staticmethod
    def context(words: Sequence[str], i: int) -> tuple[str, ...]:
        """Context features of position ``i`` (shared by all its candidates)."""
        w = words[i]
        low = w.lower()
        p1 = words[i - 1].lower() if i > 0 else "<s>"
        p2 = words[i - 2].lower() if i > 1 else "<s>"
        n1 = words[i + 1].lower() if i + 1 < len(words) else "</s>"
        n2 = words[i + 2].lower() if i + 2 < len(words) else "</s>"
        if w.isupper() and len(w) > 1:
            shape = "U"
        elif w[:1].isupper():
            shape = "T"
        else:
            shape = "l"
        first = "F" if i == 0 or not has_alpha(words[i - 1]) and p1 in {'"', "-", "–", "(", "'", "»"} else "f"
        return (
            "b",
            "s1=" + low[-1:],
            "s2=" + low[-2:],
            "s3=" + low[-3:],
            "s4=" + low[-4:],
            "p1=" + p1,
            "n1=" + n1,
            "p2=" + p2,
            "n2=" + n2,
            "n1s2=" + n1[-2:],
            "p1s2=" + p1[-2:],
            "sh=" + shape + first,
        )

    @staticmethod
    def static_features(form: str, lemma: str, tags: Iterable[str], ctx: tuple[str, ...], known: bool) -> list[str]:
        """Features of a (token, candidate) pair that do not depend on neighbouring words."""
        low = form.lower()
        case = "K" if lemma[:1].isupper() else "L"
        e = "E" + edit_script(low, lemma.lower()) + case
        kn = "k" if known else "u"
        sh = ctx[11]
        feats = [e + "|" + c for c in ctx[:5]]
        feats.append(e + "|" + sh)
        feats.append(e + "|" + kn)
        feats.append("W" + low + ">" + lemma)
        for t in sorted(tags):
            feats.append("T" + t)
            feats.append("T" + t + "|" + kn)
            feats.append("T" + t + "|" + sh)
        feats.append("C" + case + "|" + sh + "|" + kn)
        return feats

    @staticmethod
    def dynamic_keys(form: str, lemma: str) -> tuple[str, str]:
        """Prefixes of the context features of a (token, candidate) pair."""
        low = form.lower()
        case = "K" if lemma[:1].isupper() else "L"
        return "E" + edit_script(low, lemma.lower()) + case + "|", "W" + low + ">" + lemma + "|"

    @staticmethod
    def dynamic_features(keys: tuple[str, str], ctx: tuple[str, ...]) -> list[str]:
        """Features of a (token, candidate) pair that depend on neighbouring words."""
        e, fc = keys
        return [e + ctx[5], e + ctx[6], e + ctx[7], e + ctx[8],
                fc + ctx[5], fc + ctx[6], fc + ctx[7], fc + ctx[8], fc + ctx[9], fc + ctx[10]]

    @classmethod
    def features(cls, form: str, lemma: str, tags: Iterable[str], ctx: tuple[str, ...], known: bool) -> list[str]:
        """All features of one (token, candidate) pair."""
        return cls.static_features(form, lemma, tags, ctx, known) + cls.dynamic_features(
            cls.dynamic_keys(form, lemma), ctx
        )


# Word classes whose tag can change a lemma (``DanishLemmatizer._apply_pos``).
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
        self.model.nested  # noqa: B018 - build the scoring tables now, not on the first doc

    @property
    def src(self) -> _Sources:
        if self._src is None:
            self._src = get_sources()
        return self._src

    def _static(self, form: str, ctx: tuple[str, ...]) -> list[tuple[str, float, dict | None, dict | None]]:
        """Candidates of ``form`` with their context-free score and the weight tables of their
        context features (cached per form and shape).

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
                    v = tagw[tk] = (w.get("T" + t, 0.0) + w.get("T" + t + "|" + kn, 0.0)
                                    + w.get("T" + t + "|" + sh, 0.0))
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
            out.append(lem)
        return out

    def _apply_pos(self, doc, words: list[str], lemmas: list[str]) -> None:
        """Correct lemmas with the tagged word class. Overrides still win.

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
            if lem is not None:
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
            spans = list(zip(bounds, bounds[1:]))
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
def default_model() -> Model:
    """The packaged model, loaded once per process (shared by lemmatizers and the splitter)."""
    return Model.load()


@lru_cache(maxsize=1)
def default_lemmatizer() -> DanishLemmatizer:
    """A shared lemmatizer with the packaged data."""
    return DanishLemmatizer()


def lemmatize_tokens(words: list[str]) -> list[str]:
    """Lemmatize one sentence given as a list of tokens (no spaCy needed)."""
    return default_lemmatizer().lemmatize_sentence(words)


# ---------------------------------------------------------------------------------------
# Compound splitting
# ---------------------------------------------------------------------------------------

# Modifiers that are particles/prefixes: splitting on them gives lexicalised derivations
# (medarbejder, udvikling, forvaltning), not compounds.
_BAD_MODIFIERS = frozenset(
    "af an be bi for fore fra gen ind med mis mod ned om op over på sam til u ud under ur van "
    "efter ene imod igennem hen her der hvor selv sam all alle mel ver".split()
)
_MIN_PART = 3


def _lemma_of_part(part: str, model: Model, src: _Sources) -> str | None:
    """Lemma of a compound head if the part is a known word form, else None."""
    e = model.low_lex.get(part)
    if e is not None and has_alpha(part):
        lem = e[0][0]
        return lem if not lem[:1].isupper() else None
    d = src.dict_lemma(part)
    if d is not None and d[:1].islower():
        return d
    return None


def _is_modifier(part: str, model: Model, src: _Sources) -> str | None:
    """The lemma to use for a modifier part (tries linking -s-/-e- removal), else None."""
    if part in _BAD_MODIFIERS:
        return None
    options = []
    if len(part) > _MIN_PART and part[-1] in "se":
        options.append(part[:-1])
    options.append(part)
    for p in options:
        if p in _BAD_MODIFIERS or len(p) < _MIN_PART:
            continue
        e = model.low_lex.get(p)
        lem = e[0][0] if e is not None else src.dict_lemma(p)
        if lem is None or lem[:1].isupper():
            continue
        # a truncated stem (arbejd, plej) stands for its lemma; other forms stay (ældre, børn)
        if lem != p and lem.startswith(p) and len(lem) - len(p) <= 1:
            return lem
        return p
    return None


@lru_cache(maxsize=100_000)
def _split(low: str, depth: int) -> tuple[str, ...] | None:
    model = default_model()
    src = get_sources()
    n = len(low)
    best: tuple[float, tuple[str, ...]] | None = None
    for i in range(_MIN_PART, n - _MIN_PART + 1):
        mod, head = low[:i], low[i:]
        if mod.endswith("-"):
            mod = mod[:-1]
        if len(head) < _MIN_PART + 1 or len(mod) < _MIN_PART:
            continue
        head_lemma = _lemma_of_part(head, model, src)
        if head_lemma is None or head_lemma in _BAD_MODIFIERS:
            continue
        mod_lemma = _is_modifier(mod, model, src)
        if mod_lemma is None:
            continue
        # prefer balanced splits with long parts
        score = min(len(mod_lemma), len(head)) + 0.01 * len(head)
        parts: tuple[str, ...] = (mod_lemma, head_lemma)
        if depth < 2:
            sub = _split(mod_lemma, depth + 1)
            if sub is not None and min(len(x) for x in sub) >= _MIN_PART + 1:
                parts = (*sub, head_lemma)
        if best is None or score > best[0]:
            best = (score, parts)
    return best[1] if best is not None else None


def split_compound(word: str) -> list[str]:
    """Split a Danish compound into lemmatized parts (``ældreplejen`` -> ``[ældre, pleje]``).

    Driven by the treebank vocabulary and simplemma's Danish lexicon; linking ``-s-``/``-e-``
    are removed. Returns ``[word]`` when there is no confident split.
    """
    if len(word) < 2 * _MIN_PART + 1 or not word.isalpha() and "-" not in word:
        return [word]
    parts = _split(word.lower(), 0)
    return list(parts) if parts else [word]
