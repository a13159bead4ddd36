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
    found, rest = match.group("name"), match.group("rest")
    if rest:  # a closed compound: only a long name that is no Danish word ("Vestergaardmodellen")
        return len(found) >= 5 and found.casefold() not in words and rest.islower() and len(rest) >= 3
    if len(found.split()) > 1 or found.casefold() not in words:
        return True
    return _word_reads_as_name(text, match.start(), match.end(), found)


# The word after a name ("Per Hansen", "Jensen mente"), matched where the name ends.
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_][\w-]*)")
_ONE_OF_TWO_RE = re.compile(r"\s+(?:og|eller)\s+[A-ZÆØÅ][a-zæøå]")


def _inside_sentence(text: str, start: int) -> bool:
    """Whether a word starting at ``start`` stands inside a sentence, not at its start."""
    return not _SENTENCE_START_RE.search(text[max(0, start - 5) : start])


def _word_reads_as_name(text: str, start: int, end: int, found: str) -> bool:
    """Whether a name that is also a Danish word ("Per", "Bo") reads as the name where it stands."""
    from pipeline.danish.name_words import SAYING_VERBS

    next_word = _NEXT_WORD_RE.match(text, end)
    if next_word and next_word.group(1).casefold() in SAYING_VERBS:
        return True
    if found.islower() or found.isupper():
        return False
    if not found[0].isupper():
        return False
    if next_word and next_word.group(1)[0].isupper() and next_word.group(1)[1:].islower():
        return True  # "Per Hansen": followed by a surname
    if _ONE_OF_TWO_RE.match(text, end):
        return True  # "Bo og Per mente": one of two names
    return _inside_sentence(text, start)


# A capitalised word, also a hyphenated double one ("Poul-Erik", "Møller-Kjær").
_TITLE = r"[A-ZÆØÅ][a-zæøåäöüé]+(?:-[A-ZÆØÅ][a-zæøåäöüé]+)*"
_TITLE_RUN_RE = re.compile(rf"(?<![\w-])(?P<run>{_TITLE}(?:[ \t]+{_TITLE})*)(?![\w-])")
_GENITIVE_END_RE = re.compile(r"(?:['\u2019]s|(?<=[sxz])['\u2019]|s)$")
_SURNAME_RE = re.compile(rf"(?<![\w-]){_TITLE}(?![\w-])")


def is_given_name(word: str) -> bool:
    """Whether a capitalised word is a common given name, also in the genitive ("Mettes", "Lars'")."""
    from pipeline.danish.name_words import given_names

    names = given_names()
    low = word.casefold()
    bare = _GENITIVE_END_RE.sub("", low)
    return any(w in names for w in (low, bare, low.split("-")[0], bare.split("-")[0]))


def unlisted_names(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of person names no configuration lists: a common given name and the surnames after it.

    A run of capitalised words that starts with a given name (:func:`~pipeline.danish.name_words.given_names`)
    is a name with its surnames ("Kristian Thulesen Dahl", "Lars Løkke"). A given name alone is a name
    when it is no Danish word ("Hanne fortalte"); one that is a word ("Per", "Karl", "Mark") only where it
    reads as a name (:func:`_word_reads_as_name`). Only capitalised words count: "karensdag" and
    "udgiften per borger" stay. Words after the first that are not a given name are taken as surnames
    only when capitalised and in the same run, so a sentence start after a full stop is never joined.

    Args:
        text: The normalised, folded text.
        words: Danish words as written in lower case (:func:`_lower_case_words`).

    Returns:
        ``(start, end)`` of each name, in order.
    """
    spans = []
    for match in _TITLE_RUN_RE.finditer(text):
        run = match.group("run")
        offset = match.start()
        # the name starts at the run's first given name ("Borgmester Hanne Jensen": "Hanne Jensen")
        for m in re.finditer(r"\S+", run):
            if not is_given_name(m.group()):
                continue
            start, end = offset + m.start(), offset + len(run)
            alone = end == offset + m.end()
            if (
                alone
                and m.group().casefold() in words
                and not _word_reads_as_name(text, start, end, m.group())
            ):
                break
            spans.append((start, end))
            break
    return spans


def is_surname(word: str, words: frozenset[str]) -> bool:
    """Whether a word is a Danish surname by its form, and no Danish word.

    A given name and "-sen" ("Hansen", "Sørensen", "Larsen"), or a surname ending ("-søn", "-gaard").
    """
    from pipeline.danish.name_words import PATRONYMIC_STEMS, SURNAME_ENDINGS, given_names

    low = word.casefold()
    if low in words:
        return False
    if low.endswith("sen") and len(low) > 4:
        stems = (low[:-3], low[:-2])  # "søren" + "sen", "hans" + "en"
        return any(s in given_names() or s in PATRONYMIC_STEMS for s in stems)
    return low.endswith(SURNAME_ENDINGS) and len(low) > 5


def surname_names(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of a surname alone, known by its ending ("Tak til Sørensen", "Jensen mente").

    A capitalised word of a surname's form (:func:`is_surname`: "Sørensen", "Vestergaard") is a name
    inside a sentence, where a noun has no capital; at a sentence's start only before a verb of saying.
    """
    from pipeline.danish.name_words import SAYING_VERBS

    spans = []
    for match in _SURNAME_RE.finditer(text):
        # no genitive: "Assens" is a town, not the genitive of a name "Assen"
        if not is_surname(match.group().rsplit("-", 1)[-1], words):  # "Møller-Jensen": its last part
            continue
        next_word = _NEXT_WORD_RE.match(text, match.end())
        inside = _inside_sentence(text, match.start())
        if inside or (next_word and next_word.group(1).casefold() in SAYING_VERBS):
            spans.append(match.span())
    return spans


def honorific_names(text: str) -> list[tuple[int, int]]:
    """Spans of surnames after a title ("fru Jensen", "Hr. Hansen", "frk. Nielsen"): the title stays.

    A title (:data:`~pipeline.danish.name_words.HONORIFICS`) is written only before a person's
    name, so the capitalised words after it are the name whatever they are ("fru Bonde").
    """
    return [m.span("name") for m in _honorific_re().finditer(text)]


@lru_cache(maxsize=1)
def _honorific_re() -> re.Pattern:
    from pipeline.danish.name_words import HONORIFICS

    titles = "|".join(sorted(HONORIFICS, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?i:{titles})(?:\.[ \t]*|[ \t]+)(?P<name>{_TITLE}(?:[ \t]+{_TITLE})*)(?![\w-])"
    )
