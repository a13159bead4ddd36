"""Words the theme stage took apart, as the suggestions read them.

The theme stage takes apart a noun several groups used when their own words show they made
different points of it (:mod:`pipeline.themes.words`): a general noun alone ("plads",
"virksomheder"), a noun one group holds only as the complement of another ("større synlighed af
plejehjemmene" beside "omdanne plejehjem"), a noun one group is for and another against
("glade for dagpengereformen" / "imod dagpengereformen"). It records each such word per core
area (``theme_quality.json``, ``words_apart``) and the page lists it under "Ord, som flere
grupper brugte om forskellige ting".

Proposing two of those groups' sides again when each is only that word asks the analyst to
read what the theme stage has read and found different (:func:`only_by_a_word_apart`), for the
words the parse took apart (:func:`words_apart`). Another signal still joins them: a further
word of a side (a modifier, a predicate) or a derivation or synonym link. A bare general noun
is compared by the words around it (:func:`contexts`), never by the word itself, and left to the
analyst: the theme stage found only that the word alone names no point.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

__all__ = ["contexts", "only_by_a_word_apart", "words_apart"]

#: Words either side of a bare general noun that are compared as its meaning (:func:`contexts`).
_CONTEXT = 4


def words_apart(quality: Mapping | None) -> dict[str, frozenset[str]]:
    """Per core area, the lemmas the theme stage took apart on the parse's evidence.

    Read from its quality record (``quality["words_apart"]``).

    Only a word taken apart because its groups made different points of it by the parse (one
    holds it only as another noun's complement, or one is for and another against it): a general
    noun alone ("virksomheder", "plads") is taken apart because the word alone names no point,
    which says nothing of whether the groups' statements around it make one; those are compared
    by their contexts (:func:`contexts`) and left to the analyst. The words the groups wrote for
    the word (its ``heading``) count with it.
    """
    from pipeline.themes.words import is_bare_general

    out: dict[str, frozenset[str]] = {}
    for area, entries in ((quality or {}).get("words_apart") or {}).items():
        words: set[str] = set()
        for entry in entries:
            if is_bare_general(str(entry["word"])):
                continue
            words.add(str(entry["word"]))
            words |= {w.strip() for w in str(entry.get("heading", "")).split(" / ") if w.strip()}
        if words:
            out[str(area)] = frozenset(words)
    return out


def only_by_a_word_apart(
    a_words: set[str], b_words: set[str], shared: set[str], apart: frozenset[str], linked: bool, parts
) -> bool:
    """Whether two sides are only a word the theme stage took apart, and nothing joins them beyond it.

    Two groups' "dagpengereform" (one glad of the reform, one against it) or "overgreb" are the
    same word and the theme stage read that they are not the same point: proposing them again
    asks the analyst to read what was read. A side that says more than the word ("forbedring
    af velfærd", "forbindelse af ældre") is a claim the parse's test did not compare with the
    other side: the analyst may join it, so it stays a suggestion.

    Args:
        a_words: One side's lemmas.
        b_words: The other side's lemmas.
        shared: The words and compound parts the two share (the area's own words left out).
        apart: The area's words taken apart (:func:`words_apart`).
        linked: Whether a derivation or synonym link joins other words of the two.
        parts: ``parts(words)``: the words with their compound parts (as ``shared`` was made).

    Returns:
        True when both sides hold a word taken apart, neither says more than it (the word, its
        compound parts), they share nothing else and no link joins them: not a suggestion.
    """
    held = a_words & b_words & apart
    if not held or not shared or linked or shared - parts(held):
        return False
    return a_words <= parts(held) and b_words <= parts(held)


def contexts(units: pd.DataFrame, statements: pd.DataFrame) -> dict[str, str]:
    """Per key phrase, the text its meaning is compared by: its own words, or a bare general noun's context.

    A general noun alone ("plads", "virksomheder") means what its statement says of it: "plads
    til os alle sammen" and "plads til at man har en religion" are two points, which the theme
    stage took apart (:mod:`pipeline.themes.words`). Compared by the bare word, two groups'
    "plads" are identical and ranked first; compared by the words around it, as near as they are.
    """
    from pipeline.themes.words import is_bare_general

    # a key phrase with no text of its own is compared by its lemmas: two empty texts embed alike
    out = {
        u: str(t) if str(t).strip() else str(lem)
        for u, t, lem in zip(units["unit_id"], units["text"], units["lemmas"], strict=True)
    }
    if not {"start", "end"} <= set(units.columns):
        return out
    tokens = dict(zip(statements["statement_id"], statements["tokens"], strict=True))
    for u in units.itertuples(index=False):
        toks = str(tokens.get(u.statement_id, "")).split()
        if is_bare_general(str(u.lemmas)) and toks:
            out[u.unit_id] = " ".join(toks[max(0, int(u.start) - _CONTEXT) : int(u.end) + _CONTEXT])
    return out
