"""Imperatives at a clause's start: "Invester i ældreplejen", "Styrk samarbejdet", "Prioriter forebyggelse".

Notes and suggestions often open with a verb's imperative. The tagger learnt Danish from news
text (CDT), where a sentence seldom starts with one, so a capitalised imperative it has not
seen ("Invester", "Prioriter") is read as a name or a noun. An imperative is the verb's stem:
the infinitive without its final ``-e`` ("investere" → "invester", "støtte" → "støt"), often
written with an accent ("investér"). A first word is re-read as such a verb when

* the dictionary (simplemma's Danish lexicon) takes the word to that infinitive, so no noun of
  the same spelling ("plan", "tid", "hjælp": the dictionary reads them as themselves) qualifies;
* the tagger's training did not see the word as anything but a verb ("hold": noun and verb);
* no finite verb follows in its clause ("Dans og musik er vigtigt": "er" makes "Dans" the
  subject, not an order; a subordinate clause's verb does not count).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["imperative_starts", "imperative_verb"]

#: Tags the tagger gives an imperative it does not know.
_MISREAD = frozenset({"NOUN", "PROPN", "X"})
#: Tokens after which a new clause starts within a sentence ("Forslag: Invester i …").
_CLAUSE_OPENERS = frozenset({":", "•", "-", "–", "*"})


def imperative_verb(word: str) -> str | None:
    """The infinitive whose imperative ``word`` is, by the dictionary, or None.

    >>> imperative_verb("Invester"), imperative_verb("investér"), imperative_verb("Støt")
    ('investere', 'investere', 'støtte')
    >>> imperative_verb("Plan") is None
    True
    """
    from pipeline.danish.lemma_model import get_sources

    low = word.lower().replace("é", "e")  # "investér": the accent marks the imperative
    if len(low) < 3 or not low.isalpha():
        return None
    lemma = get_sources().dict_lemma(low)
    if lemma == low + "e" or (low.endswith("t") and lemma == low + "te"):
        return lemma
    return None


#: Words that open a subordinate clause: a finite verb after one is that clause's ("Invester i
#: sygepersonale, så et liggesår ikke udvikler sig").
_SUBORDINATORS = frozenset({"så", "at", "der", "som", "når", "hvis", "fordi", "mens", "hvor", "da"})


def _finite_after(words: Sequence[str], tags: Sequence[str], start: int, end: int) -> bool:
    """Whether the main clause from ``start`` has a finite verb: an auxiliary, or a verb in -r/-ede/-te.

    The clause ends at punctuation or a word that opens a subordinate clause; "og" does not end
    it ("Dans og musik er vigtigt": "Dans" is the subject of "er").
    """
    for j in range(start, end):
        if tags[j] in ("PUNCT", "SCONJ") or words[j].lower() in _SUBORDINATORS:
            return False
        if tags[j] == "AUX" or (tags[j] == "VERB" and words[j].lower().endswith(("r", "ede", "te"))):
            return True
    return False


def imperative_starts(
    words: Sequence[str],
    tags: Sequence[str],
    sentence_starts: Sequence[bool],
    known_tags: Mapping[str, Sequence[str]],
) -> list[int]:
    """The indexes of clause-initial words the tagger misread that are imperatives (see the module).

    Args:
        words: The tokens' text.
        tags: Their UPOS tags.
        sentence_starts: Whether each token starts a sentence.
        known_tags: Lowercase word → the tags the tagger's training saw it with.
    """
    n = len(words)
    ends = [n] * n
    end = n
    for i in range(n - 1, -1, -1):
        ends[i] = end
        if sentence_starts[i]:
            end = i
    out = []
    for i, word in enumerate(words):
        opens = sentence_starts[i] or (i > 0 and words[i - 1] in _CLAUSE_OPENERS)
        if not (opens and word[:1].isupper() and tags[i] in _MISREAD):
            continue
        seen = known_tags.get(word.lower())
        if seen and "VERB" not in seen:
            continue
        if imperative_verb(word) and not _finite_after(words, tags, i + 1, ends[i]):
            out.append(i)
    return out
