"""Danish language support: lemmatizer, compound splitter, sentence splitter, stop words.

Importing this package registers the spaCy components ``danish_lemmatizer``,
``danish_compounds`` and ``danish_sentences``.
"""

from .abbreviations import ABBREVIATIONS, add_to_tokenizer, tokenizer_exceptions
from .answers import (
    STANCES,
    AnswerStance,
    answer_stance,
    echoed_stance,
    is_two_sided_question,
    is_yes_no_question,
    opening_stance,
)
from .casing import written_case
from .components import make_nlp
from .fixed_expressions import COMPLEX_PREPOSITIONS, fixed_nouns
from .frame_words import (
    EMPTY_NOUNS,
    EVALUATIVE_WORDS,
    FRAME_NOUNS,
    FRAME_PREPOSITIONS,
    GENERAL_NOUNS,
    MEASURE_NOUNS,
    SETTING_PREPOSITIONS,
    is_setting,
)
from .inflection import (
    ACTION_ENDINGS,
    ARTICLES,
    base_phrase,
    derives,
    is_action_noun,
    is_definite,
    is_genitive,
    is_nominalisation,
    names_action,
    nominalise,
    prefix_derives,
    related,
)
from .thesaurus import synonyms
from .lemmatizer import DanishLemmatizer, lemmatize_tokens, split_compound
from .segmentation import sentence_starts
from .stop_words import DOMAIN_STOP_WORDS, STOP_WORDS, is_stop
from .noun_phrases import Phrase, noun_chunks
from .syntax import phrases

__all__ = [
    "ABBREVIATIONS",
    "ACTION_ENDINGS",
    "ARTICLES",
    "COMPLEX_PREPOSITIONS",
    "DOMAIN_STOP_WORDS",
    "EMPTY_NOUNS",
    "EVALUATIVE_WORDS",
    "FRAME_NOUNS",
    "FRAME_PREPOSITIONS",
    "GENERAL_NOUNS",
    "MEASURE_NOUNS",
    "SETTING_PREPOSITIONS",
    "STANCES",
    "STOP_WORDS",
    "AnswerStance",
    "DanishLemmatizer",
    "Phrase",
    "add_to_tokenizer",
    "answer_stance",
    "base_phrase",
    "derives",
    "echoed_stance",
    "fixed_nouns",
    "is_action_noun",
    "is_definite",
    "is_genitive",
    "is_nominalisation",
    "is_setting",
    "is_stop",
    "is_two_sided_question",
    "is_yes_no_question",
    "lemmatize_tokens",
    "make_nlp",
    "names_action",
    "nominalise",
    "noun_chunks",
    "opening_stance",
    "phrases",
    "prefix_derives",
    "related",
    "sentence_starts",
    "split_compound",
    "synonyms",
    "tokenizer_exceptions",
    "written_case",
]
