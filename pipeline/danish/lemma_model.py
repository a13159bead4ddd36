"""The learned data of the Danish lemmatizer: edit scripts, lexicon sources and the ranking model.

:class:`Model` holds what ``bench/train_lemmatizer.py`` learns from the treebank (saved in
``data/lemmatizer_da.json.gz``); :class:`~pipeline.danish.lemmatizer.DanishLemmatizer` uses it.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

__all__ = ["DATA_PATH", "Model", "apply_script", "default_model", "edit_script", "get_sources", "has_alpha"]

DATA_PATH = Path(__file__).parent / "data" / "lemmatizer_da.json.gz"

# ---------------------------------------------------------------------------------------
# Shared feature extraction (used by training and by inference: keep them identical).
# ---------------------------------------------------------------------------------------


def edit_script(form: str, lemma: str) -> str:
    """The suffix rewrite turning ``form`` into ``lemma`` (both as given), as ``strip>add``."""
    if form.startswith(lemma):  # the common cases (huse -> hus, hus -> hus), without a loop
        return form[len(lemma) :] + ">"
    if lemma.startswith(form):
        return ">" + lemma[len(form) :]
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

    @lru_cache(maxsize=200_000)  # the cache keeps its instance alive: fine, one per process
    def dict_lemma(self, word: str) -> str | None:
        v = self._dict.get(word)
        if v is None:
            return None
        return v.decode("utf-8") if isinstance(v, bytes) else v

    def known_form(self, word: str) -> bool:
        return self.dict_lemma(word) is not None

    @lru_cache(maxsize=200_000)
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
                    nested.setdefault(f[:i], {})[f[i + 1 :]] = v
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
        first = (
            "F" if i == 0 or (not has_alpha(words[i - 1]) and p1 in {'"', "-", "–", "(", "'", "»"}) else "f"
        )
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
    def static_features(
        form: str, lemma: str, tags: Iterable[str], ctx: tuple[str, ...], known: bool
    ) -> list[str]:
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
        return [
            e + ctx[5],
            e + ctx[6],
            e + ctx[7],
            e + ctx[8],
            fc + ctx[5],
            fc + ctx[6],
            fc + ctx[7],
            fc + ctx[8],
            fc + ctx[9],
            fc + ctx[10],
        ]

    @classmethod
    def features(
        cls, form: str, lemma: str, tags: Iterable[str], ctx: tuple[str, ...], known: bool
    ) -> list[str]:
        """All features of one (token, candidate) pair."""
        return cls.static_features(form, lemma, tags, ctx, known) + cls.dynamic_features(
            cls.dynamic_keys(form, lemma), ctx
        )


# Word classes whose tag can change a lemma (``DanishLemmatizer._apply_pos``).


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The packaged model, loaded once per process (shared by lemmatizers and the compound splitter)."""
    return Model.load()
