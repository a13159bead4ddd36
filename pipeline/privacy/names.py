"""Listed person names, found in any case, inflection and part, where they read as names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.privacy.text import fold_for_matching, normalise_text


@lru_cache(maxsize=1)
def _lower_case_words() -> frozenset[str]:
    """Danish words as written in lower case (treebank lexicon, stop words, names that are words).

    A listed name that is such a word is taken only where it reads as a name.
    """
    from pipeline.danish.name_words import COMMON_WORD_NAMES

    try:
        from pipeline.danish.lemmatizer import default_model
        from pipeline.danish.stop_words import STOP_WORDS

        return (
            frozenset(w for w in default_model().lex if w.islower())
            | frozenset(STOP_WORDS)
            | COMMON_WORD_NAMES
        )
    except Exception:  # no lexicon: only the known ones are words
        return COMMON_WORD_NAMES


# Genitive: "Jensens", "Jensen's", and a bare apostrophe only after s, x or z ("Lars'").
_GENITIVE = r"(?:['\u2019]s|(?<=[sxzSXZ])['\u2019]|s)?"


def _name_variants(names: Iterable[str]) -> set[str]:
    """Whole names, their words and the parts of a double name ("Møller-Kjær": "Møller", "Kjær")."""
    variants: set[str] = set()
    for name in names:
        words = fold_for_matching(normalise_text(str(name))).split()
        if not words:
            continue
        variants.add(" ".join(words))
        parts = set(words) if len(words) > 1 else set()
        for word in words:
            if "-" in word:
                parts.update(word.split("-"))
        variants.update(p for p in parts if len(p) >= 2 and any(c.isalpha() for c in p))
    return variants


def _name_pattern(names: Iterable[str]) -> re.Pattern | None:
    """Listed names and their parts in any letter case, with a genitive ending.

    Also as the first part of a compound ("Vestergaard-modellen", "Vestergaardmodellen").
    """
    variants = _name_variants(names)
    if not variants:
        return None
    # Words of a whole name may stand without a space ("HanneJensen" once a zero-width space is gone).
    alternatives = "|".join(
        re.escape(v).replace(r"\ ", r"\s*") for v in sorted(variants, key=len, reverse=True)
    )
    return re.compile(rf"(?<![^\W\d_])(?P<name>{alternatives}){_GENITIVE}(?P<rest>[^\W\d_]*)", re.IGNORECASE)


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|^\s*[-•*\u2013]\s+|[\"'«»„“(]\s*)$")


def _is_name(text: str, match: re.Match, words: frozenset[str]) -> bool:
    """Whether a match of a listed name reads as the name.

    A name that is not a Danish word always; one that is ("Per", "Bo", "Storm") only capitalised
    inside a sentence, or followed by a surname or a verb of saying; never written in lower case as
    the word ("udgiften per borger").
    """
    from pipeline.danish.name_words import SAYING_VERBS

    found, rest = match.group("name"), match.group("rest")
    if rest:  # a closed compound: only a long name that is no Danish word ("Vestergaardmodellen")
        return len(found) >= 5 and found.casefold() not in words and rest.islower() and len(rest) >= 3
    if len(found.split()) > 1 or found.casefold() not in words:
        return True
    after = text[match.end() :]
    next_word = re.match(r"\s+([^\W\d_][\w-]*)", after)
    if next_word and next_word.group(1).casefold() in SAYING_VERBS:
        return True
    if found.islower() or found.isupper():
        return False
    if not found[0].isupper():
        return False
    if next_word and next_word.group(1)[0].isupper() and next_word.group(1)[1:].islower():
        return True  # "Per Hansen": followed by a surname
    if re.match(r"\s+(?:og|eller)\s+[A-ZÆØÅ][a-zæøå]", after):
        return True  # "Bo og Per mente": one of two names
    return not _SENTENCE_START_RE.search(text[max(0, match.start() - 5) : match.start()])
