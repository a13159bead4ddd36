"""Effects: whether a sentence says the thing it names is lost or gained ("koste X", "skabe X").

Two parties who both name "arbejdspladser" may say opposite things of them: one that the
environment must not cost jobs ("det ikke koster arbejdspladser"), the other that it brings
many ("det er der mange arbejdspladser i"). The effect is read from the parse (CDT relations,
:mod:`pipeline.danish.cdt_walk`): the verb the noun phrase is the object of, when it is a verb
of loss or gain (a curated lexicon, ``data/effect_words.txt``), or an existential clause whose
"i" has no noun of its own ("der er penge i det": the thing spoken of holds them, a gain).

A negated clause is read by what it does: a requirement (a modal above the verb, "det må ikke
koste arbejdspladser", or an "at"-clause, "vigtigt, at det ikke koster arbejdspladser") names
the change as the risk to avoid, so the sign stays; a negated statement ("det koster ikke
arbejdspladser") denies the change, which is neither side, so it says nothing (0).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .cdt_walk import NOUN_POS, VERB_POS, first_conjunct, is_negated, lemma_of, phrase_top

__all__ = ["effect", "effect_words", "read_signed"]

_DATA = Path(__file__).with_name("data") / "effect_words.txt"
# modal verbs by lemma: under one a negated clause is a requirement ("må ikke koste")
_MODALS = frozenset({"skulle", "måtte", "burde"})
# an existential clause's "i" with no noun of its own points back to the thing spoken of
_HOLDS = "i"


def read_signed(path: Path) -> dict[str, int]:
    """Lemma → +1 or -1 from a data file of ``lemma +`` / ``lemma -`` lines (``#`` starts a comment)."""
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2 and parts[1] in ("+", "-"):
            out[parts[0].lower()] = 1 if parts[1] == "+" else -1
    return out


@lru_cache(maxsize=1)
def effect_words() -> dict[str, int]:
    """Verb lemma → -1 (its object is lost) or +1 (gained), from ``data/effect_words.txt``."""
    return read_signed(_DATA)


def _is_requirement(verb) -> bool:
    """Whether the clause of ``verb`` says what must (not) happen: a modal above it, or an "at"-clause."""
    t = verb
    for _ in range(6):
        if t.pos_ == "AUX" and lemma_of(t) in _MODALS:
            return True
        if t.dep_ != "vobj" or t.head.i == t.i:
            break
        t = t.head
        if t.pos_ == "SCONJ" and lemma_of(t) == "at":
            return True
    return False


def _existential_gain(top) -> bool:
    """Whether ``top`` is what an existential clause holds ("der er mange job i det": its "i" has no noun)."""
    verb = top.head
    if verb.i == top.i or lemma_of(verb) != "være" or not any(c.dep_ == "expl" for c in verb.children):
        return False
    return any(
        c.pos_ == "ADP" and lemma_of(c) == _HOLDS and not any(g.pos_ in NOUN_POS for g in c.children)
        for c in verb.children
    )


def effect(tok) -> int:
    """-1 when the sentence says the thing the noun phrase headed by ``tok`` names is lost, +1 gained, else 0.

    "Det koster arbejdspladser", "Det må ikke koste arbejdspladser" → -1; "Grøn omstilling
    skaber arbejdspladser", "Det er der mange arbejdspladser i" → +1; "Det koster ikke
    arbejdspladser" (a denial), "Vi har arbejdspladser" → 0.
    """
    t = first_conjunct(tok) if tok.dep_ == "conj" else tok
    top, prep = phrase_top(t)
    if prep is not None or top.head.i == top.i:
        return 0
    if top.dep_ in ("pred", "subj", "dobj") and _existential_gain(top):
        return 1
    verb = top.head
    if top.dep_ != "dobj" or verb.pos_ not in VERB_POS:
        return 0
    sign = effect_words().get(lemma_of(verb), 0)
    if sign and is_negated(verb) and not _is_requirement(verb):
        return 0
    return sign
