"""The bundled tagger's input features and its embedding layer (``danish.TaggerEmbed.v1``).

Registered for spaCy's config system when this module is imported (by
:mod:`pipeline.danish.tagger`); training and prediction both read them, so the same code
computes the features in both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import IS_PUNCT, ORTH


UNKNOWN_CLASS = "?"


def _amb(tagdict: dict[str, list[str]], word: str | None) -> str:
    tags = tagdict.get(word) if word else None
    return "|".join(tags) if tags else UNKNOWN_CLASS


def compound_head(low: str, tagdict: dict[str, list[str]]) -> str | None:
    """The longest ending of ``low`` (3+ letters, after 3+ letters) that the dictionary knows."""
    for i in range(3, len(low) - 2):
        if low[i:] in tagdict:
            return low[i:]
    return None


N_PARADIGM_SCRIPTS = 24


def build_paradigms() -> dict[str, str]:
    """Lemma -> inflection signature, from simplemma's Danish lexicon (not the treebank).

    The signature says which of the lexicon's most frequent lemma -> form edits the lemma
    has (``>r``, ``e>ede``, ``>erne``, ``>t`` ...) as a hex bit string: verbs, nouns and
    adjectives inflect differently, so an unseen word whose lemma the lexicon knows gets a
    hint of its class.
    """
    from collections import Counter, defaultdict

    from .lemma_model import edit_script, get_sources

    scripts_of: dict[str, set[str]] = defaultdict(set)
    freq: Counter = Counter()
    for form, lemma in get_sources()._dict.items():
        lemma = lemma.decode("utf-8") if isinstance(lemma, bytes) else lemma
        if not (form.isalpha() and lemma.isalpha()) or form != form.lower() or lemma != lemma.lower():
            continue
        sc = edit_script(lemma, form)
        scripts_of[lemma].add(sc)
        freq[sc] += 1
    top = [sc for sc, _ in sorted(freq.items(), key=lambda x: (-x[1], x[0]))[:N_PARADIGM_SCRIPTS]]
    bit = {sc: 1 << i for i, sc in enumerate(top)}
    out = {}
    for lemma, scs in scripts_of.items():
        v = sum(bit.get(sc, 0) for sc in scs)
        if v:
            out[lemma] = format(v, "x")
    return out


def lexical_features(
    word: str, tagdict: dict[str, list[str]], paradigms: dict[str, str] | None = None
) -> tuple[str, ...]:
    """Extra features of one word beside spaCy's NORM/PREFIX/SUFFIX/SHAPE.

    * the word's ambiguity class: the tags training saw it with (``ADP|ADV``), ``?`` when
      unseen. The dictionary leaves out words seen once, so that training meets unseen words;
    * how simplemma's Danish lexicon (the lemmatizer's second source, independent of the
      treebank) relates the word to its lemma, as a suffix edit (``ende>e`` for a present
      participle, ``erne>`` for a definite plural noun), or ``-`` when it does not know it;
    * the ambiguity class of that lemma (an unseen plural of a known noun);
    * for a word the dictionary does not know, the ambiguity class of its longest known
      ending (the head of a compound: ``ældreplejen`` -> ``plejen``);
    * the last four and five letters (spaCy's SUFFIX has three; Danish endings are longer:
      ``-ende``, ``-ning``, ``-else``);
    * with ``paradigms`` (see :func:`build_paradigms`), the inflection signature of the
      simplemma lemma.
    """
    from .lemma_model import edit_script, get_sources

    low = word.lower()
    amb = _amb(tagdict, low)
    lem = get_sources().dict_lemma(low) if low.isalpha() else None
    lem = lem.lower() if lem else None
    lex = edit_script(low, lem)[-8:] if lem else "-"
    lem_amb = _amb(tagdict, lem) if lem and lem != low else "="
    head_amb = "=" if amb != UNKNOWN_CLASS else _amb(tagdict, compound_head(low, tagdict))
    feats = ("A" + amb, "L" + lex, "M" + lem_amb, "H" + head_amb, "4" + low[-4:], "5" + low[-5:])
    if paradigms is None:
        return feats
    return (*feats, "P" + (paradigms.get(lem or low) or "?"))


N_LEXICAL = 6  # without the paradigm feature; 7 with it

# Static word vectors (pipeline/topics/data/static_da.npz) as a fixed, untrained tagger
# input (experiment, issue 11): the row of the word's vector, ``NO_VECTOR`` when none.
NO_VECTOR = -1


@lru_cache(maxsize=2)
def _static_table(dims: int) -> tuple[dict[str, int], numpy.ndarray]:
    """The shipped static vectors cut to their first ``dims`` columns, with a zero row last."""
    from pipeline.topics.static import load_static_vectors

    vocab, vectors, _ = load_static_vectors()
    table = numpy.zeros((len(vectors) + 1, dims), dtype="float32")
    table[:-1] = vectors[:, :dims]
    return vocab, table


def static_row(word: str, vocab: dict[str, int]) -> int:
    """Row of ``word``'s static vector, else ``NO_VECTOR``.

    Its lowercase form, else simplemma's lemma, else the longest known tail of 4+ letters
    after 3+ letters (a compound's head).
    """
    from .lemma_model import get_sources

    low = word.lower()
    hit = vocab.get(low)
    if hit is None and low.isalpha():
        from pipeline.topics.static import head_row

        lem = (get_sources().dict_lemma(low) or "").lower()
        hit = vocab.get(lem) if lem else None
        for w in (lem, low) if lem and lem != low else (low,):
            if hit is not None:
                break
            found = head_row(w, vocab)
            hit = found if found >= 0 else None
    return NO_VECTOR if hit is None else hit


# ``være``/``have``/``blive``: AUX or VERB depends on what follows (shipped since 2026-12-02).
_AUX_CONTEXT_LEMMAS = frozenset({"være", "have", "blive"})
# Words passed over when looking for what follows the verb: adverbs, pronouns, articles.
_SKIP_CLASSES = frozenset({"ADV", "PRON", "DET", "NUM", "PART"})
AUX_CONTEXT_SPAN = 6


def _word_info(word: str, tagdict: dict[str, list[str]]) -> tuple[str | None, str, bool]:
    """(aux lemma or None, ambiguity class, passed over) of one word, for :func:`aux_context`."""
    from .lemma_model import get_sources

    low = word.lower()
    lem = get_sources().dict_lemma(low) if low.isalpha() else None
    aux = (
        lem.lower()
        if lem and lem.lower() in _AUX_CONTEXT_LEMMAS
        else (low if low in _AUX_CONTEXT_LEMMAS else None)
    )
    tags = tagdict.get(low)
    if tags:
        amb = "|".join(tags)
    else:
        from .lemma_model import edit_script

        amb = "?" + (edit_script(low, lem.lower())[-6:] if lem else low[-2:])
    skip = bool(tags) and set(tags) <= _SKIP_CLASSES
    return aux, amb, skip


def aux_context(infos: list[tuple[str | None, str, bool]], stops: list[bool]) -> list[str]:
    """Per word, what follows a form of ``være``/``have``/``blive`` (``-`` for other words).

    The lemma and the ambiguity class of the first following word (within
    ``AUX_CONTEXT_SPAN``, before punctuation) that is not an adverb, pronoun or article
    (``have>VERB``: an auxiliary before a participle; ``have>NOUN`` a main verb).
    """
    out = []
    n = len(infos)
    for i, (aux, _, _) in enumerate(infos):
        if aux is None:
            out.append("-")
            continue
        nxt = "."
        for j in range(i + 1, min(n, i + 1 + AUX_CONTEXT_SPAN)):
            if stops[j]:
                break
            if not infos[j][2]:
                nxt = infos[j][1]
                break
        out.append(f"{aux}>{nxt}")
    return out


def jackknife_key(words: list[str]) -> str:
    """The key of a training sentence in a jackknife file (its words joined by spaces)."""
    return " ".join(words)


def _make_feature_extractor(
    attrs: list[str],
    tagdict: dict | None,
    paradigms: dict | None,
    n_lexical: int,
    static_vocab: dict[str, int] | None = None,
    n_static: int = 0,
    with_aux: bool = False,
    jackknife: dict | None = None,
):
    from spacy.attrs import intify_attr
    from spacy.strings import get_string_id
    from thinc.api import Model

    attr_ids = [intify_attr(a) for a in attrs]

    # Jackknifing (training only): a training sentence reads its lexical features from the
    # dictionary of the other train folds, so that the network meets words as rare and as
    # ambiguous as at prediction time instead of a dictionary that always holds the gold tag.
    jk_of: dict[str, int] = dict(jackknife["sentences"]) if jackknife else {}
    jk_dicts: list[dict] = list(jackknife["tagdicts"]) if jackknife else []
    caches: dict[int, tuple[dict, dict]] = {}
    owner: list = [None]

    def forward(model, docs, is_train):
        main_td = model.attrs["tagdict"]
        pd = model.attrs["paradigms"] if n_lexical > N_LEXICAL else None
        if owner[0] is not main_td:  # the dictionary was replaced (loaded from disk): recompute
            caches.clear()
            owner[0] = main_td
        out = []
        for doc in docs:
            k = jk_of.get(jackknife_key([t.text for t in doc]), -1) if is_train and jk_of else -1
            td = jk_dicts[k] if k >= 0 else main_td
            cache, info_cache = caches.setdefault(k, ({}, {}))
            base = doc.to_array(attr_ids)
            if base.ndim == 1:
                base = base.reshape(-1, 1)
            strings = doc.vocab.strings
            rows = []
            orths = doc.to_array(ORTH).tolist()
            for orth in orths:
                row = cache.get(orth)
                if row is None:
                    word = strings[orth]
                    row = [get_string_id(f) for f in lexical_features(word, td, pd)]
                    if static_vocab is not None:
                        r = static_row(word, static_vocab)
                        row.append(n_static if r == NO_VECTOR else r)
                    cache[orth] = row
                rows.append(row)
            extra = numpy.array(rows, dtype="uint64").reshape(
                len(doc), n_lexical + (static_vocab is not None)
            )
            if with_aux:
                infos = []
                for orth in orths:
                    inf = info_cache.get(orth)
                    if inf is None:
                        inf = info_cache[orth] = _word_info(strings[orth], td)
                    infos.append(inf)
                stops = doc.to_array(IS_PUNCT).astype(bool).tolist()
                ctx = [get_string_id("X" + f) for f in aux_context(infos, stops)]
                extra = numpy.hstack([extra, numpy.array(ctx, dtype="uint64").reshape(-1, 1)])
            out.append(model.ops.asarray2i(numpy.hstack([base.astype("uint64"), extra]), dtype="uint64"))
        return out, lambda dY: []

    attrs = {"tagdict": dict(tagdict or {})}
    if n_lexical > N_LEXICAL:
        attrs["paradigms"] = dict(paradigms or {})
    return Model("danish_features", forward, attrs=attrs)


def _static_lookup(table: numpy.ndarray, column: int):
    """A layer without parameters: the rows of ``table`` named by column ``column`` of the ids."""
    from thinc.api import Model

    def forward(model, ids, is_train):
        vecs = model.ops.asarray2f(table[model.ops.to_numpy(ids[:, column]).astype("int64")])

        def backprop(dY):
            return model.ops.xp.zeros_like(ids)  # no gradient for the ids

        return vecs, backprop

    return Model("static_vectors", forward, dims={"nO": table.shape[1], "nI": None})


@dataclass(frozen=True)
class _EmbeddingTables:
    """The embedding layers of the tagger's input, side by side.

    Attributes:
        layers: One layer per feature column (hash tables, static vectors, auxiliary context).
        width: Their output widths summed (the mixing layer's input width).
        static_vocab: Word -> row of the static vectors, or None without them.
        n_static: Index of the static table's zero row, else 0.
    """

    layers: list
    width: int
    static_vocab: dict[str, int] | None = None
    n_static: int = 0


def _embedding_tables(
    widths: list[int], rows: list[int], n_columns: int, static_dims: int, aux_rows: int, aux_width: int
) -> _EmbeddingTables:
    """One hash table per feature column, then the static vectors (column ``n_columns``) and context."""
    from thinc.api import HashEmbed

    layers = [
        HashEmbed(w, n, column=i, seed=8 + i, dropout=0.0)
        for i, (w, n) in enumerate(zip(widths, rows, strict=True))
    ]
    static_vocab, n_static, n_in = None, 0, sum(widths)
    if static_dims:
        static_vocab, table = _static_table(static_dims)
        layers.append(_static_lookup(table, n_columns))
        n_static, n_in = len(table) - 1, n_in + static_dims
    if aux_rows:
        column = n_columns + bool(static_dims)
        layers.append(HashEmbed(aux_width, aux_rows, column=column, seed=30, dropout=0.0))
        n_in += aux_width
    return _EmbeddingTables(layers, n_in, static_vocab, n_static)


def _register() -> None:
    from spacy.util import registry

    @registry.architectures("danish.TaggerEmbed.v1")
    def tagger_embed(
        width: int,
        attrs: list[str],
        rows: list[int],
        lexical_rows: list[int],
        tagdict_path: str | None = None,
        table_widths: list[int] | None = None,
        static_dims: int = 0,
        aux_context_rows: int = 0,
        aux_context_width: int = 16,
        jackknife_path: str | None = None,
    ):
        """MultiHashEmbed with the :func:`lexical_features` columns added.

        ``tagdict_path`` (a JSON ``word -> [tags]``) is read when training; a saved model
        carries the dictionary in its weights file, so loading needs no path.
        ``table_widths``: one width per table (``attrs`` then the lexical columns), so that
        small tables (shape, ambiguity class) cost less in the layer that mixes them; by
        default every table is ``width`` wide.
        ``static_dims`` > 0: also the first ``static_dims`` columns of the project's static
        word vectors (:func:`static_row`), fixed, read from the package when the model is
        built (not stored in the weights).
        ``aux_context_rows`` > 0: also a table for :func:`aux_context` (what follows a form
        of ``være``/``have``/``blive``), ``aux_context_width`` wide.
        ``jackknife_path`` (training only, a JSON ``{"sentences": {key: fold}, "tagdicts":
        [dict per fold]}``): each training sentence reads the dictionary built without its
        fold; prediction always reads the full dictionary.
        """
        from thinc.api import Maxout, chain, concatenate, list2ragged, ragged2list, with_array

        tagdict = json.loads(Path(tagdict_path).read_text(encoding="utf-8")) if tagdict_path else {}
        jackknife = json.loads(Path(jackknife_path).read_text(encoding="utf-8")) if jackknife_path else None
        all_rows = list(rows) + list(lexical_rows)
        n_lexical = len(lexical_rows)
        if n_lexical not in (N_LEXICAL, N_LEXICAL + 1):
            raise ValueError(
                f"lexical_rows needs {N_LEXICAL} values ({N_LEXICAL + 1} with the paradigm feature)"
            )
        # built from simplemma when training; a saved model carries it in its weights
        paradigms = build_paradigms() if tagdict_path and n_lexical > N_LEXICAL else None
        widths = list(table_widths) if table_widths else [width] * len(all_rows)
        if len(widths) != len(all_rows):
            raise ValueError("table_widths needs one value per table")
        tables = _embedding_tables(
            widths, all_rows, len(attrs) + n_lexical, static_dims, aux_context_rows, aux_context_width
        )
        return chain(
            _make_feature_extractor(
                attrs,
                tagdict,
                paradigms,
                n_lexical,
                tables.static_vocab,
                tables.n_static,
                bool(aux_context_rows),
                jackknife,
            ),
            list2ragged(),
            with_array(concatenate(*tables.layers)),
            with_array(Maxout(width, tables.width, nP=3, dropout=0.0, normalize=True)),
            ragged2list(),
        )


_register()
