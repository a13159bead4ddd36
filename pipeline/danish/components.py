"""spaCy components: ``danish_lemmatizer``, ``danish_compounds`` (and ``danish_sentences``).

Importing ``pipeline.danish`` registers them. ``make_nlp()`` builds the default pipeline::

    nlp = spacy.blank("da")                  # + our tokenizer exceptions
    nlp.add_pipe("danish_sentences")         # or "sentencizer"
    nlp.add_pipe("danish_lemmatizer")
    nlp.add_pipe("danish_compounds")         # optional: token._.compound_parts
"""

from __future__ import annotations

import gc

from spacy.attrs import IDX, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from . import segmentation  # noqa: F401  (registers "danish_sentences")
from .abbreviations import add_to_tokenizer
from .lemmatizer import DanishLemmatizer, Model, default_model, get_sources, split_compound


@Language.factory(
    "danish_lemmatizer",
    default_config={"overrides": {}, "data_path": None, "adverbs_as_adjectives": False},
    assigns=["token.lemma"],
)
def make_danish_lemmatizer(
    nlp: Language, name: str, overrides: dict, data_path: str | None, adverbs_as_adjectives: bool
):
    """Tagger-free Danish lemmatizer.

    ``overrides`` maps forms (or lowercase forms) to lemmas; ``adverbs_as_adjectives`` maps
    adverbially used ``-t`` adjectives to the adjective (``frivilligt`` -> ``frivillig``)
    instead of the UD convention (lemma = form).
    """
    model = Model.load(data_path) if data_path else None
    lem = DanishLemmatizer(model=model, overrides=overrides, adverbs_as_adjectives=adverbs_as_adjectives)
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
    """Set ``token._.compound_parts`` (list of lemmas) on alphabetic tokens of ``min_length``+."""
    if default_model.cache_info().currsize == 0:  # not loaded by a danish_lemmatizer before
        default_model()
        _warm_up()

    def danish_compounds(doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        default, method, getter, setter = Token.get_extension("compound_parts")
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
) -> Language:
    """Blank Danish spaCy pipeline with our tokenizer exceptions, sentences and lemmas.

    ``ud_conventions=True`` (the evaluated setting) follows UD Danish lemmas exactly. With
    ``False`` (for theme reports) ``frivilligt`` -> ``frivillig`` and ``ældre`` -> ``ældre``.
    """
    import spacy

    nlp = spacy.blank("da")
    add_to_tokenizer(nlp)
    if sentences:
        nlp.add_pipe(sentences)
    ov = {} if ud_conventions else dict(APP_OVERRIDES)
    ov.update(overrides or {})
    nlp.add_pipe(
        "danish_lemmatizer", config={"overrides": ov, "adverbs_as_adjectives": not ud_conventions}
    )
    if compounds:
        nlp.add_pipe("danish_compounds")
    return nlp
