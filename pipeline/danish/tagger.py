"""The bundled Danish UPOS tagger (``danish_tagger`` component).

The model is a spaCy ``tagger`` with its own small CNN tok2vec, trained on the CDT treebank
with its DDT tags mapped to Universal POS (``training/train_tagger.py``, ``make train-nlp``).
It lives in ``data/tagger`` inside the package. Besides spaCy's NORM/PREFIX/SUFFIX/SHAPE
features it reads lexical features (``lexical_features``: the tags training saw the word
with, simplemma's lemma and its inflection signature, the compound head) and, for forms of
*være*/*have*/*blive*, what follows them (``aux_context``), through the
``danish.TaggerEmbed.v1`` architecture registered here. The component writes ``token.pos_``
(and the same label to ``token.tag_``). It tags each sentence of a document on its own
(:func:`sentence_units`), as the network was trained. A clause-initial imperative the network
misread as a noun or a name is re-read as a verb (:mod:`pipeline.danish.imperatives`), and a
word misread as a preposition, a closed class, by its place (:mod:`pipeline.danish.prepositions`).

A tag dictionary used as a hard constraint at prediction time (only the tags training saw
for a word) was tried and gave nothing on held-out train documents: the network already
reads the same dictionary as a feature. So there is none.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

TAGGER_PATH = Path(__file__).parent / "data" / "tagger"
TAGDICT_FILE = "tagdict.json"


def tagger_available(path: str | Path = TAGGER_PATH) -> bool:
    """True when ``path`` holds a saved tagger pipeline (config and weights)."""
    p = Path(path)
    return (p / "config.cfg").is_file() and (p / "tagger" / "model").is_file()


@lru_cache(maxsize=4)
def _load(path: str):
    import spacy

    return spacy.load(path)


class DanishTagger:
    """Run the saved tagger network and set UPOS on tokens (see module docstring)."""

    def __init__(self, path: str | Path = TAGGER_PATH) -> None:
        """Load the saved pipeline at ``path`` (cached per path) and warm it up."""
        tnlp = _load(str(Path(path).resolve()))
        pipe = tnlp.get_pipe("tagger")
        self.model = pipe.model
        self.labels: tuple[str, ...] = tuple(pipe.labels)
        self.meta = dict(tnlp.meta)
        # Labels may be finer than UPOS ("NOUN|NCCSU==I"): their probabilities are added up
        # per UPOS, the part before "|".
        upos = sorted({t.split("|")[0] for t in self.labels})
        self.upos = tuple(upos)
        self._group = None
        if len(upos) < len(self.labels):
            self._group = numpy.zeros((len(self.labels), len(upos)), dtype="float32")
            for i, t in enumerate(self.labels):
                self._group[i, upos.index(t.split("|")[0])] = 1.0
        self._pos_ids = numpy.array([POS_IDS[t] for t in self.upos], dtype="uint64")
        self._space = POS_IDS["SPACE"]
        self._punct = self.upos.index("PUNCT")
        # the words training saw and their tags: an imperative is only re-read where they allow it
        features = [n for n in self.model.walk() if n.name == "danish_features"]
        self._known_tags: dict = features[0].attrs["tagdict"] if features else {}
        # One small prediction now, so that the first real batch does not pay for the
        # network's and simplemma's first use.
        self.set_annotations([Doc(tnlp.vocab, words=["Vi", "talte", "om", "det", "."])])

    def __call__(self, doc: Doc) -> Doc:
        """Tag one document."""
        self.set_annotations([doc])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        """Tag a stream of documents in batches (one network call per batch)."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self.set_annotations(batch)
                yield from batch
                batch = []
        if batch:
            self.set_annotations(batch)
            yield from batch

    def set_annotations(self, docs: list[Doc]) -> None:
        """Predict and write TAG and POS (whitespace tokens get POS ``SPACE``)."""
        todo = [d for d in docs if len(d)]
        if not todo:
            return
        units, owner = sentence_units(todo)
        per_doc: list[list[numpy.ndarray]] = [[] for _ in todo]
        for sc, i in zip(self.model.predict(units), owner, strict=True):
            per_doc[i].append(self.model.ops.to_numpy(sc))
        strings = todo[0].vocab.strings
        tag_ids = numpy.array([strings.add(t) for t in self.upos], dtype="uint64")
        for doc, parts in zip(todo, per_doc, strict=True):
            sc = parts[0] if len(parts) == 1 else numpy.concatenate(parts)
            if self._group is not None:
                e = numpy.exp(sc - sc.max(axis=1, keepdims=True))
                sc = e @ self._group  # unnormalised: the argmax is the same
            best = sc.argmax(axis=1)
            flags = doc.to_array([IS_SPACE, IS_PUNCT]).astype(bool)
            # Punctuation the treebank never shows (curly quotes, bullets, dashes of notes)
            # is still punctuation: Unicode says so, the network has never seen it.
            best[flags[:, 1]] = self._punct
            # the pieces tagged are the document's sentences, in order: their lengths give where
            # each starts, so the imperative pass need not walk the sentences again
            starts = numpy.cumsum([0] + [len(p) for p in parts[:-1]])
            self._reread_imperatives(doc, best, starts)
            self._reread_prepositions(doc, best)
            pos = self._pos_ids[best]
            pos[flags[:, 0]] = self._space
            doc.from_array([TAG, POS], numpy.stack([tag_ids[best], pos], axis=1))

    def _reread_imperatives(self, doc: Doc, best: numpy.ndarray, sentence_starts: numpy.ndarray) -> None:
        """Tag a clause-initial imperative the network read as a noun or name as VERB ("Invester i …").

        ``sentence_starts``: the token index each sentence starts at. See
        :mod:`pipeline.danish.imperatives`; the network saw few imperatives in news text.
        """
        from pipeline.danish.imperatives import imperative_starts

        tags = [self.upos[b] for b in best.tolist()]
        if "VERB" not in self.upos or not any(t in ("NOUN", "PROPN", "X") for t in tags):
            return
        starts = [False] * len(doc)
        for i in sentence_starts.tolist():
            starts[i] = True
        words = [t.text for t in doc]
        for i in imperative_starts(words, tags, starts, self._known_tags):
            best[i] = self.upos.index("VERB")

    def _reread_prepositions(self, doc: Doc, best: numpy.ndarray) -> None:
        """Tag a word the network read as ADP that is no Danish preposition as ADJ or ADV ("uens").

        See :mod:`pipeline.danish.prepositions`: the class is closed, the word after it gives its tag.
        """
        from pipeline.danish.prepositions import misread_prepositions

        if "ADP" not in self.upos:
            return
        adp = self.upos.index("ADP")
        if not (best == adp).any():
            return
        tags = [self.upos[b] for b in best.tolist()]
        for i, tag in misread_prepositions([t.text for t in doc], tags).items():
            if tag in self.upos:
                best[i] = self.upos.index(tag)


class _SentenceView:
    """One sentence of a document as the tagger's feature layer reads it.

    Its rows of the document's arrays (``to_array``), its length, vocabulary and tokens.

    ``Span.as_doc`` copied each sentence into a new document (with its vectors and every
    attribute array): 40 % of the tagger's time on many short statements. The features are
    lexeme attributes, so a sentence's rows of the document's arrays are the same values.
    """

    __slots__ = ("_arrays", "doc", "end", "start", "vocab")

    def __init__(self, doc: Doc, start: int, end: int, arrays: dict) -> None:
        self.doc, self.start, self.end, self.vocab = doc, start, end, doc.vocab
        self._arrays = arrays  # shared by the sentences of one document: attrs -> array

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self):
        return iter(self.doc[self.start : self.end])

    @property
    def text(self) -> str:
        return self.doc[self.start : self.end].text

    def to_array(self, attrs):
        key = tuple(attrs) if isinstance(attrs, list) else attrs
        whole = self._arrays.get(key)
        if whole is None:
            whole = self._arrays[key] = self.doc.to_array(attrs)
        return whole[self.start : self.end]


def sentence_units(docs: list[Doc]) -> tuple[list, list[int]]:
    """The pieces the network tags, and for each piece the index of its document.

    A piece is each sentence of a document that has sentence boundaries (a view of its rows,
    :class:`_SentenceView`), else the whole document. Pieces of one document are in order and
    cover it.

    The network was trained on single sentences; on held-out train documents, tagging run-on
    documents instead of their (predicted) sentences lost 0.07 points on average.
    """
    units: list = []
    owner: list[int] = []
    for i, doc in enumerate(docs):
        sents = list(doc.sents) if len(doc) > 1 and doc.has_annotation("SENT_START") else []
        if len(sents) > 1:
            arrays: dict = {}
            units.extend(_SentenceView(doc, s.start, s.end, arrays) for s in sents)
            owner.extend([i] * len(sents))
        else:
            units.append(doc)
            owner.append(i)
    return units, owner


@Language.factory("danish_tagger", default_config={"path": None}, assigns=["token.pos", "token.tag"])
def make_danish_tagger(nlp: Language, name: str, path: str | None) -> DanishTagger:
    """The bundled UPOS tagger (``path`` None: the model shipped in the package)."""
    return DanishTagger(path or TAGGER_PATH)


# The input features and the embedding layer live in tagger_features; importing it registers
# danish.TaggerEmbed.v1 (the saved model's config names it). Re-exported for training and tests
# (the private helpers tests read are imported from tagger_features directly).
from .tagger_features import (  # noqa: E402
    N_LEXICAL,
    NO_VECTOR,
    UNKNOWN_CLASS,
    aux_context,
    build_paradigms,
    compound_head,
    jackknife_key,
    lexical_features,
    static_row,
)

__all__ = [
    "NO_VECTOR",
    "N_LEXICAL",
    "TAGDICT_FILE",
    "TAGGER_PATH",
    "UNKNOWN_CLASS",
    "DanishTagger",
    "aux_context",
    "build_paradigms",
    "compound_head",
    "jackknife_key",
    "lexical_features",
    "sentence_units",
    "static_row",
    "tagger_available",
]
