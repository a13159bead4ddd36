"""Danish prepositions, a closed class: a word the tagger calls a preposition that is none.

Prepositions are a closed class: Danish has a few dozen, and the treebank the tagger learnt
from holds nearly all of them (``data/prepositions.txt``). The network still calls an unseen
word ADP now and then where its neighbours look like a preposition's ("det kan skabe <uens>
serviceniveau": "uens" is an adjective, *uneven*). Such a word is read by its place instead
(:func:`open_class_tag`), as spaCy's attribute ruler corrects a statistical tagger after it:
before a noun phrase's word it modifies that noun (ADJ), elsewhere it is an adverb (ADV). The
tagger applies this once, after its network (:class:`pipeline.danish.tagger.DanishTagger`), so the
lemmatizer, the parser and the theme stage all read the corrected tag.
"""

from __future__ import annotations

from collections.abc import Sequence

from .frame_words import read_lexicon

__all__ = ["PREPOSITIONS", "is_preposition", "misread_prepositions", "open_class_tag"]

#: The Danish prepositions, lowercase (``data/prepositions.txt``).
PREPOSITIONS: frozenset[str] = read_lexicon("prepositions.txt")

#: Word classes a word that modifies the noun after it stands before ("uens <serviceniveau>",
#: "uens <høj> kvalitet").
_NOMINAL_NEXT = frozenset({"NOUN", "PROPN", "ADJ"})


def is_preposition(word: str) -> bool:
    """Whether a word form is a Danish preposition.

    >>> is_preposition("På"), is_preposition("uens")
    (True, False)
    """
    return word.lower() in PREPOSITIONS


def open_class_tag(next_tag: str | None) -> str:
    """The tag of a word misread as a preposition, from the word after it (None at a sentence's end).

    >>> open_class_tag("NOUN"), open_class_tag("PUNCT"), open_class_tag(None)
    ('ADJ', 'ADV', 'ADV')
    """
    return "ADJ" if next_tag in _NOMINAL_NEXT else "ADV"


def misread_prepositions(words: Sequence[str], tags: Sequence[str]) -> dict[int, str]:
    """The words tagged ADP that are no preposition, each with the tag its place gives it.

    Only words of letters are read again: a number, a symbol or an abbreviation the list does not
    hold keeps the network's tag.

    Args:
        words: A document's or sentence's words.
        tags: Their UPOS tags, as the network gave them.

    Returns:
        ``{position: tag}`` for each word to re-tag.

    >>> misread_prepositions(["det", "skaber", "uens", "serviceniveau"], ["PRON", "VERB", "ADP", "NOUN"])
    {2: 'ADJ'}
    >>> misread_prepositions(["tid", "til", "leg"], ["NOUN", "ADP", "NOUN"])
    {}
    """
    return {
        i: open_class_tag(tags[i + 1] if i + 1 < len(tags) else None)
        for i, (word, tag) in enumerate(zip(words, tags, strict=True))
        if tag == "ADP" and word.isalpha() and not is_preposition(word)
    }
