"""Person names written in lower case or in capitals, where no capital letter tells them from words.

A capitalised given name is found by :func:`pipeline.privacy.names.unlisted_names`. Notes typed fast
("spurgte mette", "borgmester kasper glyngø") or shouted in a signature ("MVH LARS") hide that capital:

* in lower case, a common given name that is no Danish word is a name where the words around it say
  a person stands there: a title or role before it (``data/person_titles.txt``: "borgmester",
  "Referent:"), a title of address ("fru", "hr."), or a verb of saying before or after it ("spurgte
  mette", "mette sagde"). After a title of address any word that is no Danish word is the surname
  ("fru jensen"). The lower-case words after the given name that are no Danish words are its surnames
  ("kasper glyngø"). A given name alone in lower case without such a word stays: "line", "frank"
  and "jan." are words too, and the lexicon does not know every word;
* in capitals, a run of words that starts with a common given name that is no Danish word ("METTE
  HANSEN", "MVH LARS": "LARS"), with the capitalised words after it that are no Danish words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.privacy.names import _given

__all__ = ["lower_case_names", "upper_case_names"]

_LOWER = r"[a-zæøåäöüé]+(?:-[a-zæøåäöüé]+)*"
_UPPER = r"[A-ZÆØÅÄÖÜÉ]{2,}(?:-[A-ZÆØÅÄÖÜÉ]{2,})*"
_LOWER_RE = re.compile(rf"(?<![\w-]){_LOWER}(?![\w-])")
# The word just before a name, with the full stop of an abbreviation or a label's colon after it
# ("hr. jensen", "Referent: kjeld", "spurgte mette").
_WORD_BEFORE_RE = re.compile(r"(?<![\w-])([^\W\d_]+)\.?:?[ \t]+$")
_NEXT_RE = re.compile(r"[ \t]+([^\W\d_][\w-]*)")
_MAX_SURNAMES = 2


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words before a lower-case name: titles of address, titles and roles, verbs of saying."""
    from pipeline.danish.name_words import HONORIFICS, SAYING_VERBS, person_titles

    return frozenset(HONORIFICS), person_titles(), frozenset(SAYING_VERBS)


def _is_given(word: str, words: frozenset[str]) -> bool:
    """Whether a word is a common given name that is no Danish word ("mette", not "hans" or "per")."""
    return word.casefold() not in words and _given(word)


def _surnames_end(text: str, end: int, pattern: str, words: frozenset[str]) -> int:
    """The end of the surnames after a given name: following words of ``pattern`` that are no words."""
    saying = _cues()[2]
    for _ in range(_MAX_SURNAMES):
        m = re.match(rf"[ \t]+({pattern})(?![\w-])", text[end:])
        if m is None or m.group(1).casefold() in words or m.group(1).casefold() in saying:
            break
        end += m.end()
    return end


def lower_case_names(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of names written in lower case where a title or a verb of saying stands next to them.

    Args:
        text: The normalised, folded text.
        words: Danish words as written in lower case (:func:`pipeline.privacy.names._lower_case_words`).

    Returns:
        ``(start, end)`` of each name, in order.
    """
    honorifics, titles, saying = _cues()
    spans: list[tuple[int, int]] = []
    for match in _LOWER_RE.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        word = match.group()
        before = _WORD_BEFORE_RE.search(text[max(0, match.start() - 40) : match.start()])
        cue = before.group(1).casefold() if before else ""
        if cue in honorifics and word.casefold() not in words:
            pass  # "fru jensen": the title of address names the person whatever the word
        elif not _is_given(word, words):
            continue
        end = _surnames_end(text, match.end(), _LOWER, words)
        after = _NEXT_RE.match(text[end:])
        if cue in honorifics or cue in titles or cue in saying or (after and after.group(1) in saying):
            spans.append((match.start(), end))
    return spans


_UPPER_RE = re.compile(rf"(?<![\w-]){_UPPER}(?![\w-])")


def upper_case_names(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of names written in capitals: a given name that is no Danish word and its surnames.

    Args:
        text: The normalised, folded text.
        words: Danish words as written in lower case.

    Returns:
        ``(start, end)`` of each name, in order.
    """
    spans: list[tuple[int, int]] = []
    for match in _UPPER_RE.finditer(text):
        if (spans and match.start() < spans[-1][1]) or not _is_given(match.group(), words):
            continue
        spans.append((match.start(), _surnames_end(text, match.end(), _UPPER, words)))
    return spans
