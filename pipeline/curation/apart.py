"""Words the theme stage took apart, as the suggestions read them.

The theme stage takes apart a noun several groups used when their own words show they made
different points of it (:mod:`pipeline.themes.words`): a general noun alone ("plads",
"virksomheder"), a noun one group holds only as the complement of another ("større synlighed af
plejehjemmene" beside "omdanne plejehjem"), a noun one group is for and another against
("glade for dagpengereformen" / "imod dagpengereformen"). It records each such word per core
area (``theme_quality.json``, ``words_apart``) and the page lists it under "Ord, som flere
grupper brugte om forskellige ting".

Proposing two of those groups' sides again *because they share that word* asks the analyst to
read what the theme stage has read and found different: :func:`only_by_a_word_apart` tells the
suggestions not to. Another signal still joins them: a further shared word (a modifier, a
predicate) or a derivation or synonym link between other words. A bare general noun is
compared by the words around it (:func:`contexts`), never by the word itself.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

__all__ = ["contexts", "only_by_a_word_apart", "words_apart"]

#: Words either side of a bare general noun that are compared as its meaning (:func:`contexts`).
_CONTEXT = 4


def words_apart(quality: Mapping | None) -> dict[str, frozenset[str]]:
    """Per core area, the lemmas the theme stage took apart (``quality["words_apart"]``).

    A measure noun that stands for others ("intervention" for "tiltag / løsning / indsats") is
    recorded with the words the groups wrote (its ``heading``): those are taken apart too.
    """
    out: dict[str, frozenset[str]] = {}
    for area, entries in ((quality or {}).get("words_apart") or {}).items():
        words: set[str] = set()
        for entry in entries:
            words.add(str(entry["word"]))
            words |= {w.strip() for w in str(entry.get("heading", "")).split(" / ") if w.strip()}
        out[str(area)] = frozenset(words)
    return out


def only_by_a_word_apart(
    a_words: set[str], b_words: set[str], shared: set[str], apart: frozenset[str], linked: bool, parts
) -> bool:
    """Whether the only thing two sides share is a word the theme stage took apart.

    Args:
        a_words: One side's lemmas.
        b_words: The other side's lemmas.
        shared: The words and compound parts the two share (the area's own words left out).
        apart: The area's words taken apart (:func:`words_apart`).
        linked: Whether a derivation or synonym link joins other words of the two.
        parts: ``parts(words)``: the words with their compound parts (as ``shared`` was made).

    Returns:
        True when both sides hold a word taken apart and share nothing beyond it (the word, its
        compound parts) and no link joins them: not a suggestion. False otherwise, also when
        they share no word at all (then the word taken apart is not what joins them).
    """
    held = a_words & b_words & apart
    return bool(held) and bool(shared) and not linked and not (shared - parts(held))


def contexts(units: pd.DataFrame, statements: pd.DataFrame) -> dict[str, str]:
    """Per key phrase, the text its meaning is compared by: its own words, or a bare general noun's context.

    A general noun alone ("plads", "virksomheder") means what its statement says of it: "plads
    til os alle sammen" and "plads til at man har en religion" are two points, which the theme
    stage took apart (:mod:`pipeline.themes.words`). Compared by the bare word, two groups'
    "plads" are identical and ranked first; compared by the words around it, as near as they are.
    """
    from pipeline.themes.words import is_bare_general

    out = dict(zip(units["unit_id"], units["text"], strict=True))
    if not {"start", "end"} <= set(units.columns):
        return out
    tokens = dict(zip(statements["statement_id"], statements["tokens"], strict=True))
    for u in units.itertuples(index=False):
        toks = str(tokens.get(u.statement_id, "")).split()
        if is_bare_general(str(u.lemmas)) and toks:
            out[u.unit_id] = " ".join(toks[max(0, int(u.start) - _CONTEXT) : int(u.end) + _CONTEXT])
    return out
