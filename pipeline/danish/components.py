"""spaCy components: ``danish_lemmatizer``, ``danish_compounds`` (and ``danish_sentences``).

Importing ``pipeline.danish`` registers them. ``make_nlp()`` builds the default pipeline::

    nlp = spacy.blank("da")                  # + our tokenizer exceptions
    nlp.add_pipe("danish_sentences")         # or "sentencizer"
    nlp.add_pipe("danish_lemmatizer")
    nlp.add_pipe("danish_compounds")         # optional: token._.compound_parts
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import segmentation  # noqa: F401  (registers "danish_sentences")
from .abbreviations import add_to_tokenizer
from .lemmatizer import DanishLemmatizer, Model, get_sources, split_compound


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
    get_sources().dict_lemma("hus")  # load simplemma's lexicon now, not on the first doc
    return lem


if not Token.has_extension("compound_parts"):
    Token.set_extension("compound_parts", default=None)


@Language.factory("danish_compounds", default_config={"min_length": 7}, assigns=["token._.compound_parts"])
def make_danish_compounds(nlp: Language, name: str, min_length: int):
    """Set ``token._.compound_parts`` (list of lemmas) on alphabetic tokens of ``min_length``+."""

    def danish_compounds(doc: Doc) -> Doc:
        for tok in doc:
            base = tok.lemma_ or tok.text
            if len(base) >= min_length and base.isalpha() and base.islower():
                tok._.compound_parts = split_compound(base)
            else:
                tok._.compound_parts = [base]
        return doc

    return danish_compounds


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
