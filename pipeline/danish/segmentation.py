"""Rule-based Danish sentence splitting for edited text and for meeting notes.

The ``danish_sentences`` component replaces spaCy's ``sentencizer``. Differences:

* An opening quote or dialogue dash after a full stop starts the next sentence
  (``... plads. "Vi ...``, ``... dig. - Hvad ...``); a closing quote (no space before it)
  stays with the sentence it closes (``... sagde han."``).
* A full stop, ``!`` or ``?`` followed by a lowercase word does not end the sentence
  (ordinals ``det 43. minut``, ``"Skyd den!" foreslår han``).
* Line breaks: a blank line always ends a sentence; a single line break ends one unless the
  next line continues in lowercase after a line without final punctuation (hard-wrapped
  text).
* Bullets at the start of a line (``•``, ``-``, ``–``, ``*``, ``·``, ``▪``, ``1.``, ``2)``,
  ``a)``) start a new sentence.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

TERMINALS = frozenset(
    {".", "!", "?", "…", "...", "..", "!!", "??", "?!", "!?", "!!!", "???", "....", "?.", "!."}
)
CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]", "}", "«", "›"})
OPENERS = frozenset({'"', "'", "“", "„", "«", "»", "(", "[", "-", "–", "—", "‘"})
BULLETS = frozenset({"•", "-", "–", "—", "*", "·", "▪", "◦", "●", "■", "‣", "○", "➢", "→", ">"})
# Words that are capitalised mid-sentence only at a sentence start (not names).
_FUNCTION_WORDS = frozenset(
    """
    men og eller så da når hvis hvor hvorfor hvordan hvad hvem hvilken hvilke som der her
    det den de denne dette disse jeg vi han hun du man er var har havde kan skal vil
    må bliver blev efter med til på for fra om af ved under over ikke også nu derfor
    derefter desuden samtidig mens selv selvom fordi at
    """.split()
)
_NUMBERED = re.compile(r"^(\d{1,2}|[a-zA-Z])[.)]$")


def _is_terminal(text: str) -> bool:
    return text in TERMINALS or (len(text) > 1 and text[0] in ".!?…" and all(c in ".!?…" for c in text))


def _starts_lower(text: str) -> bool:
    for c in text:
        if c.isalpha():
            return c.islower()
        if c.isdigit():
            return False
    return False


def sentence_starts(doc: Doc) -> list[bool]:
    """Sentence-start flags for every token of ``doc``."""
    n = len(doc)
    starts = [False] * n
    if n == 0:
        return starts
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, SPACY]).tolist()
    texts = [strings[o] for o, _ in arr]
    wss = [" " if sp else "" for _, sp in arr]  # spaCy's whitespace_ is one space or nothing

    def newline_before(i: int, j: int) -> int:
        """0: none, 1: single line break, 2: blank line, between word j and token i."""
        if j < 0:
            return 2
        if j == i - 1:  # adjacent tokens: the trailing whitespace is a space at most
            return 0
        nl = sum(wss[k].count("\n") for k in range(j, i))
        nl += sum(texts[k].count("\n") for k in range(j + 1, i))
        return min(nl, 2)

    def prev_word(i: int) -> int:
        j = i - 1
        while j >= 0 and texts[j].isspace():
            j -= 1
        return j

    first_word = next((i for i in range(n) if not texts[i].isspace()), None)
    if first_word is None:
        starts[0] = True
        return starts
    starts[first_word] = True

    pending = False  # a terminal was seen; the next sentence starts at the next opener/word
    for i in range(first_word + 1, n):
        t = texts[i]
        if t.isspace():
            continue
        j = prev_word(i)
        nl = newline_before(i, j)
        if nl:
            prev_t = texts[j] if j >= 0 else ""
            line_start_bullet = t in BULLETS or bool(_NUMBERED.match(t))
            ended = _is_terminal(prev_t) or prev_t in CLOSERS or prev_t in {":", ";"}
            if nl >= 2 or line_start_bullet or ended or not _starts_lower(t):
                starts[i] = True
                pending = False
                continue
        if pending:
            space_before = bool(wss[i - 1]) or texts[i - 1].isspace()
            if t in CLOSERS and not space_before:
                continue  # closing quote/bracket: stays with the finished sentence
            if _is_terminal(t):
                continue
            pending = False
            if _starts_lower(t):
                continue  # "det 43. minut", '"Skyd!" råbte han'
            if t in OPENERS:
                # an opener followed by a lowercase word is still a continuation
                k = i + 1
                while k < n and (texts[k].isspace() or texts[k] in OPENERS):
                    k += 1
                if k < n and _starts_lower(texts[k]):
                    continue
            starts[i] = True
            continue
        if _is_terminal(t):
            pending = True
            continue
        if t[:1].isupper() and j >= 0 and _headline_break(texts, i, j, n):
            starts[i] = True
    return starts


def _headline_break(texts: list[str], i: int, j: int, n: int) -> bool:
    """A sentence start without punctuation before it (headline, bullet without marker).

    Either a capitalised function word (``Men``, ``Det``, ``Når``) after a word, that does not
    begin a multi-word name (``Det Radikale Venstre``), or a capitalised word after an
    ALL-CAPS headline word (``OPLÆG Kommunen ...``).
    """
    t = texts[i]
    prev = texts[j]
    if not prev[:1].isalnum():
        return False
    k = i + 1
    while k < n and texts[k].isspace():
        k += 1
    nxt = texts[k] if k < n else ""
    low = t.lower()
    if t[1:].islower() or len(t) == 1:
        if low in _FUNCTION_WORDS and not nxt[:1].isupper() and not prev[:1].isupper():
            return True
        if prev.isupper() and len(prev) > 2 and prev.isalpha() and not t.isupper():
            return True
    return False


@Language.component("danish_sentences")
def danish_sentences(doc: Doc) -> Doc:
    """Set ``token.is_sent_start`` with the Danish rules above."""
    starts = sentence_starts(doc)
    if starts:
        arr = numpy.fromiter((1 if s else -1 for s in starts), dtype="int32", count=len(starts))
        doc.from_array([SENT_START], arr.reshape(-1, 1).astype("uint64"))
    return doc
