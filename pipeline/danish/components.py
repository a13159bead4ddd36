"""The Danish spaCy components and the default pipeline.

The components: ``danish_lemmatizer``, ``danish_compounds`` (and ``danish_sentences``,
``danish_tagger``). Importing ``pipeline.danish`` registers them. ``make_nlp()`` builds the default pipeline::

    nlp = spacy.blank("da")                  # + our tokenizer exceptions
    nlp.add_pipe("danish_sentences")         # or "sentencizer"
    nlp.add_pipe("danish_tagger")            # UPOS; left out when the model files are missing
    nlp.add_pipe("parser", source=...)       # CDT dependencies (pipeline.danish.parser)
    nlp.add_pipe("danish_lemmatizer")        # uses the tags where they help
    nlp.add_pipe("danish_compounds")         # optional: token._.compound_parts
"""

from __future__ import annotations

import gc
import json
import logging

from spacy.attrs import IDX, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from . import segmentation  # noqa: F401  (registers "danish_sentences")
from .abbreviations import add_to_tokenizer
from .lemma_model import Model, get_sources
from .lemmatizer import DanishLemmatizer, default_model, split_compound
from .parser import PARSER_PATH, add_parser, parser_available
from .noun_phrases import use_noun_chunks
from .tagger import TAGGER_PATH, tagger_available

log = logging.getLogger(__name__)
POS_LEMMAS_FILE = "pos_lemmas.json"


@Language.factory(
    "danish_lemmatizer",
    default_config={
        "overrides": {},
        "data_path": None,
        "adverbs_as_adjectives": False,
        "pos_lemmas_path": None,
    },
    assigns=["token.lemma"],
)
def make_danish_lemmatizer(
    nlp: Language,
    name: str,
    overrides: dict,
    data_path: str | None,
    adverbs_as_adjectives: bool,
    pos_lemmas_path: str | None,
):
    """Danish lemmatizer (tagger-free; uses ``token.pos_`` where a tagger ran before it).

    ``overrides`` maps forms (or lowercase forms) to lemmas; ``adverbs_as_adjectives`` maps
    adverbially used ``-t`` adjectives to the adjective (``frivilligt`` -> ``frivillig``)
    instead of the UD convention (lemma = form). ``pos_lemmas_path``: the JSON table
    ``UPOS -> {lowercase form: lemma}`` learned with the tagger (``training/train_tagger.py``);
    None takes the one shipped with the tagger when a tagger runs before this component.
    """
    model = Model.load(data_path) if data_path else None
    pos_lemmas = None
    if pos_lemmas_path is None and "danish_tagger" in nlp.pipe_names:
        default = TAGGER_PATH / POS_LEMMAS_FILE
        pos_lemmas_path = str(default) if default.is_file() else None
    if pos_lemmas_path:
        with open(pos_lemmas_path, encoding="utf-8") as fh:
            pos_lemmas = json.load(fh)
    lem = DanishLemmatizer(
        model=model, overrides=overrides, adverbs_as_adjectives=adverbs_as_adjectives, pos_lemmas=pos_lemmas
    )
    _warm_up()
    return lem


def _warm_up() -> None:
    """Load simplemma's lexicon and rules now, then collect garbage once.

    Without the collection, the objects allocated while loading make the first documents pay
    for a full (generation 2) garbage collection over all of spaCy and the lexicons (~0.1 s).
    """
    src = get_sources()
    src.dict_lemma("hus")
    src.lemmatize("hus-bil")
    gc.collect()


if not Token.has_extension("compound_parts"):
    Token.set_extension("compound_parts", default=None)


@Language.factory("danish_compounds", default_config={"min_length": 7}, assigns=["token._.compound_parts"])
def make_danish_compounds(nlp: Language, name: str, min_length: int):
    """Set ``token._.compound_parts`` (list of lemmas) on alphabetic tokens of ``min_length``+.

    A compound written with a hyphen ("IT-kompetencer") is split at its hyphens, whatever its length.
    """
    if default_model.cache_info().currsize == 0:  # not loaded by a danish_lemmatizer before
        default_model()
        _warm_up()

    def danish_compounds(doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        _default, _method, getter, setter = Token.get_extension("compound_parts")
        if getter is not None or setter is not None:  # redefined elsewhere: use the slow path
            for tok in doc:
                tok._.compound_parts = _parts(tok.lemma_ or tok.text, min_length)
            return doc
        # Same storage as ``tok._.compound_parts = ...`` (spaCy keys token extension values
        # by character offset in doc.user_data), without an Underscore object per token.
        strings = doc.vocab.strings
        user_data = doc.user_data
        for lemma, orth, idx in doc.to_array([LEMMA, ORTH, IDX]).tolist():
            user_data[("._.", "compound_parts", idx, None)] = _parts(strings[lemma or orth], min_length)
        return doc

    return danish_compounds


def _parts(base: str, min_length: int) -> list[str]:
    pieces = base.casefold().split("-")  # "IT-kompetence": an abbreviation is a piece too
    if len(pieces) > 1 and all(p.isalpha() for p in pieces):
        # a compound written with a hyphen ("it-kompetence", "el-bil"): the writer split it, the
        # last piece is its head, whatever its length
        return pieces
    if len(base) >= min_length and base.isalpha() and base.islower():
        return split_compound(base)
    return [base]


# Theme-report lemma choices that differ from UD: "ældre" (the elderly) is a theme of its own.
APP_OVERRIDES = {"ældre": "ældre", "ældres": "ældre"}


def make_nlp(
    sentences: str = "danish_sentences",
    compounds: bool = False,
    ud_conventions: bool = True,
    overrides: dict | None = None,
    tagger: bool = True,
    parser: bool = True,
) -> Language:
    """Blank Danish spaCy pipeline with our tokenizer exceptions, sentences, POS and lemmas.

    ``ud_conventions=True`` (the evaluated setting) follows UD Danish lemmas exactly. With
    ``False`` (for theme reports) ``frivilligt`` -> ``frivillig`` and ``ældre`` -> ``ældre``.
    ``tagger=True`` adds the shipped UPOS tagger (``danish_tagger``) when its model files are
    in the package; without them (or with ``tagger=False``) the pipeline is tagger-free and
    ``token.pos_`` stays empty. ``parser=True`` adds the shipped dependency parser after the
    tagger (``token.dep_``/``token.head``, CDT relations; ``doc.noun_chunks`` from
    :mod:`pipeline.danish.noun_phrases`) when the tagger runs and the parser's model files are there.
    """
    import spacy

    nlp = spacy.blank("da")
    add_to_tokenizer(nlp)
    if sentences:
        nlp.add_pipe(sentences)
    if tagger:
        if tagger_available():
            nlp.add_pipe("danish_tagger")
        else:
            log.warning("NLP: no tagger model in %s; using the tagger-free Danish pipeline", TAGGER_PATH)
    if parser and "danish_tagger" in nlp.pipe_names:
        if parser_available():
            add_parser(nlp)
            use_noun_chunks(nlp)
        else:
            log.warning("NLP: no parser model in %s; the pipeline does not parse", PARSER_PATH)
    ov = {} if ud_conventions else dict(APP_OVERRIDES)
    ov.update(overrides or {})
    nlp.add_pipe("danish_lemmatizer", config={"overrides": ov, "adverbs_as_adjectives": not ud_conventions})
    if compounds:
        nlp.add_pipe("danish_compounds")
    return nlp
