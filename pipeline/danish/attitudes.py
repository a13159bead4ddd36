"""Attitudes: whether a sentence is for or against a thing it names ("glade for X", "imod X").

Two parties who both name "dagpengereformen" may say opposite things of it: "Vi er rigtigt glade
for den dagpengereform" and "Vi var meget imod den dagpengereform". The attitude is read from the
parse (CDT relations, :mod:`pipeline.danish.cdt_walk`): the preposition the noun phrase hangs on
when it is itself an attitude ("imod"), else the word that preposition hangs on ("glade for",
"tilfredse med"); for a subject, the predicative a copula says of it ("X er en katastrofe"). A
negated clause turns it round. The words are a curated lexicon, ``data/attitude_words.txt``.
A sentence that takes no side in words may still say the thing is lost or gained ("det må ikke
koste arbejdspladser" / "grøn omstilling skaber arbejdspladser", :func:`pipeline.danish.effects.effect`):
the same kind of evidence that two groups made opposite points of one noun, so it is the sign then.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .cdt_walk import argument_noun, first_conjunct, is_negated, lemma_of, phrase_top
from .effects import effect, read_signed

__all__ = ["attitude", "attitude_words"]

_DATA = Path(__file__).with_name("data") / "attitude_words.txt"


@lru_cache(maxsize=1)
def attitude_words() -> dict[str, int]:
    """Lemma → +1 (for) or -1 (against), from ``data/attitude_words.txt``."""
    return read_signed(_DATA)


def _clause_verb(tok):
    """The verb (or auxiliary) whose clause ``tok`` is in: the first one above it, or None."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def attitude(tok) -> int:
    """+1 when the sentence is for the thing the noun phrase headed by ``tok`` names, -1 against, else 0.

    "Vi er glade for reformen" → +1; "Vi var imod reformen", "Reformen er en katastrofe" → -1;
    "Vi er ikke tilfredse med reformen" → -1; "Vi venter på kommissionen" → 0. With no word of
    attitude, a verb of loss or gain (:func:`pipeline.danish.effects.effect`): "Det koster
    arbejdspladser" → -1, "Det skaber arbejdspladser" → +1.
    """
    words = attitude_words()
    t = first_conjunct(tok) if tok.dep_ == "conj" else tok
    top, prep = phrase_top(t)
    sign, holder = 0, None
    if prep is not None:
        sign, holder = words.get(lemma_of(prep), 0), prep
        if not sign and prep.head.i != prep.i:
            sign, holder = words.get(lemma_of(prep.head), 0), prep.head
    elif top.dep_ == "subj" and top.head.i != top.i:
        verb = top.head
        pred = next((c for c in verb.children if c.dep_ == "pred"), None)
        if pred is not None:
            sign = words.get(lemma_of(pred), 0) or words.get(lemma_of(argument_noun(pred)), 0)
            holder = verb
    if not sign or holder is None:
        return effect(tok)
    verb = _clause_verb(holder)
    return -sign if verb is not None and is_negated(verb) else sign
