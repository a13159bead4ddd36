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
* in a file's name, whatever its case, a common given name that is no Danish word, with the given
  names and surnames (known by their ending: "-sen", "-gaard") after it ("referat-mette-hansen.docx");
* in capitals, a run of words that starts with a common given name that is no Danish word ("METTE
  HANSEN", "MVH LARS": "LARS"), with the capitalised words after it that are no Danish words; one of
  three letters or fewer only with a surname ("IDA" and "KIM" are acronyms too).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.privacy.names import is_given_name

__all__ = ["file_name_names", "lower_case_names", "upper_case_names"]

_LOWER = r"[a-zæøåäöüé]+(?:-[a-zæøåäöüé]+)*"
_UPPER = r"[A-ZÆØÅÄÖÜÉ]{2,}(?:-[A-ZÆØÅÄÖÜÉ]{2,})*"
_LOWER_RE = re.compile(rf"(?<![\w-]){_LOWER}(?![\w-])")
# The word just before a name, with the full stop of an abbreviation or a label's colon after it
# ("hr. jensen", "Referent: kjeld", "spurgte mette").
_WORD_BEFORE_RE = re.compile(r"(?<![\w-])([^\W\d_]+)\.?:?[ \t]+$")
_NEXT_RE = re.compile(r"[ \t]+([^\W\d_][\w-]*)")
_MAX_SURNAMES = 2
_MAX_ACRONYM = 3


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words before a lower-case name: titles of address, titles and roles, verbs of saying."""
    from pipeline.danish.name_words import HONORIFICS, SAYING_VERBS, person_titles

    return frozenset(HONORIFICS), person_titles(), frozenset(SAYING_VERBS)


def _is_given(word: str, words: frozenset[str]) -> bool:
    """Whether a word is a common given name that is no Danish word ("mette", not "hans" or "per")."""
    return word.casefold() not in words and is_given_name(word)


# A surname after a given name, in the case the given name was written in.
_NEXT_LOWER_RE = re.compile(rf"[ \t]+({_LOWER})(?![\w-])")
_NEXT_UPPER_RE = re.compile(rf"[ \t]+({_UPPER})(?![\w-])")


def _surnames_end(text: str, end: int, next_re: re.Pattern, words: frozenset[str]) -> int:
    """The end of the surnames after a given name: following words ``next_re`` matches that are no words."""
    saying = _cues()[2]
    for _ in range(_MAX_SURNAMES):
        m = next_re.match(text, end)
        if m is None or m.group(1).casefold() in words or m.group(1).casefold() in saying:
            break
        end = m.end()
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
        if word.casefold() in words:
            continue
        given = _is_given(word, words)
        near = text[max(0, match.start() - 8) : match.start()].casefold()
        if not given and not any(h in near for h in honorifics):
            continue  # most words: the cheap tests first
        before = _WORD_BEFORE_RE.search(text[max(0, match.start() - 40) : match.start()])
        cue = before.group(1).casefold() if before else ""
        if not given and cue not in honorifics:
            continue  # "fru jensen": after a title of address any word that is no Danish word
        end = _surnames_end(text, match.end(), _NEXT_LOWER_RE, words)
        after = _NEXT_RE.match(text, end)
        if cue in honorifics or cue in titles or cue in saying or (after and after.group(1) in saying):
            spans.append((match.start(), end))
    return spans


# A file's name: its words joined by hyphens, underscores or dots, case lost ("referat-mette-hansen.docx").
_FILE_NAME_RE = re.compile(
    r"(?<![\w.-])[\w.-]+\.(?:csv|tsv|txt|md|markdown|xlsx|xlsm|xls|docx|doc|pdf|odt|ods|toml|json|html)(?![\w])",
    re.I,
)
_FILE_PART_RE = re.compile(r"[^\W\d_]+")


def _file_surname(part: str, words: frozenset[str]) -> bool:
    """Whether a word after a given name in a file's name is a name: another given name or a surname.

    The lexicon does not know every word ("noter", "notater"), so a surname is known by its form.
    """
    from pipeline.privacy.names import is_surname

    return _is_given(part, words) or is_surname(part, words)


def file_name_names(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of names in a file's name, in any case: a given name that is no Danish word and its surnames.

    In a file's name the words are joined by hyphens or underscores and often lower-cased, so neither a
    capital letter nor a title tells a name; being a file's name does ("referat-mette-hansen.docx").

    Args:
        text: The normalised, folded text.
        words: Danish words as written in lower case.

    Returns:
        ``(start, end)`` of each name, in order.
    """
    spans: list[tuple[int, int]] = []
    for file in _FILE_NAME_RE.finditer(text):
        stem = file.group().rsplit(".", 1)[0]
        parts = list(_FILE_PART_RE.finditer(stem))
        i = 0
        while i < len(parts):
            if not _is_given(parts[i].group(), words):
                i += 1
                continue
            last = i
            while (
                last + 1 < len(parts)
                and last - i < _MAX_SURNAMES
                and parts[last + 1].start() - parts[last].end() == 1
                and _file_surname(parts[last + 1].group(), words)
            ):
                last += 1
            spans.append((file.start() + parts[i].start(), file.start() + parts[last].end()))
            i = last + 1
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
        end = _surnames_end(text, match.end(), _NEXT_UPPER_RE, words)
        # a short one alone is as often an acronym ("IDA", "KIM"): a name only with its surname
        if len(match.group()) > _MAX_ACRONYM or end > match.end():
            spans.append((match.start(), end))
    return spans
