"""Danish language support: lemmatizer, compound splitter, sentence splitter, stop words.

Importing this package registers the spaCy components ``danish_lemmatizer``,
``danish_compounds`` and ``danish_sentences``.
"""

from .abbreviations import ABBREVIATIONS, add_to_tokenizer, tokenizer_exceptions
from .components import make_nlp
from .fixed_expressions import COMPLEX_PREPOSITIONS, fixed_nouns
from .frame_words import FRAME_NOUNS, GENERAL_NOUNS
from .lemmatizer import DanishLemmatizer, lemmatize_tokens, split_compound
from .segmentation import sentence_starts
from .stop_words import DOMAIN_STOP_WORDS, STOP_WORDS, is_stop

__all__ = [
    "ABBREVIATIONS",
    "COMPLEX_PREPOSITIONS",
    "DOMAIN_STOP_WORDS",
    "FRAME_NOUNS",
    "GENERAL_NOUNS",
    "STOP_WORDS",
    "DanishLemmatizer",
    "add_to_tokenizer",
    "fixed_nouns",
    "is_stop",
    "lemmatize_tokens",
    "make_nlp",
    "sentence_starts",
    "split_compound",
    "tokenizer_exceptions",
]
