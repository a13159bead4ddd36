"""What a suggested pair stands on beyond words that name no point of its own in the core area.

Two sides the embedder finds near may be near only because both say the core area's own word
("Frivilligt arbejde" / "Frivillighedsmesse" under a question on *frivillighed*; "dagpengesystemet"
/ "moderne dagpengesystem" under *Genoptjening af dagpenge*) or share only a frame noun
("Individuelle behov" / "Særlige behov"): E5 sees the shared word and says nothing of whether the
rest is one point. :func:`hollow` tells such a pair, so the suggestions rank it after the pairs
that share a word of their own, a link, or no word at all (then E5 judges their meaning, not a
shared word). :func:`names_an_area` tells a side that only names another core area ("social
omsorg" said in Læring): a reference to another area, no point of this one. The area's own
family holds the parts of its compounds too (:func:`own_family`: "kultur" and "støtte" of a
question on *kulturstøtte*). :func:`opposite_answers` tells a pair of groups that answered the
area's yes/no question the opposite way: mostly two points, each for its own answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "Ground",
    "answers",
    "area_name_lemmas",
    "family",
    "ground",
    "hollow",
    "hollow_of",
    "names_an_area",
    "opposite_answers",
    "own_family",
    "word_links",
]


def own_family(own: frozenset[str], parts) -> frozenset[str]:
    """The area's own words and the parts of each compound among them.

    A question on "den offentlige kulturstøtte" names "kultur" and "støtte" too: two sides that
    both say "kulturstøtte" (or only "kultur") share the question's word, not a point of their own.

    Args:
        own: The area's own words (its name, theme and question).
        parts: ``parts(lemma)``: a compound's parts (empty for a simple word).
    """
    return own | frozenset(p for w in own for p in parts(w))


def family(word: str, own: frozenset[str], related: Callable[[str, str], bool], parts) -> bool:
    """Whether ``word`` is of the core area's own word family.

    One of its own words, a derivation of one ("frivillig" of "frivillighed"), or a compound
    one of whose parts is one ("frivillighedsmesse", "dagpengesystem" under "dagpenge").

    Args:
        word: A lemma.
        own: The area's own words (its name, theme and question).
        related: ``related(a, b)``: whether two lemmas are one derived from the other.
        parts: ``parts(lemma)``: a compound's parts (empty for a simple word).
    """
    return any(w in own or any(related(w, o) for o in own) for w in (word, *parts(word)))


def _reduced(words: Iterable[str], own: frozenset[str], empty: frozenset[str], related, parts) -> set[str]:
    """A side's words of its own: every word and compound part, less the own family and empty words."""
    out: set[str] = set()
    for w in words:
        for p in (w, *parts(w)):
            if len(p) > 3 and p not in empty and not family(p, own, related, parts):
                out.add(p)
    return out


@dataclass(frozen=True)
class Ground:
    """What one side says, as :func:`hollow` compares it (computed once per side).

    Attributes:
        family: Whether it holds a word of the area's own family.
        empties: The empty words among its words and compound parts.
        own_words: Its words and compound parts less the own family and empty words.
    """

    family: bool
    empties: frozenset[str]
    own_words: frozenset[str]


def ground(words: set[str], own: frozenset[str], empty: frozenset[str], *, related, parts) -> Ground:
    """One side's :class:`Ground` (arguments as :func:`hollow`'s)."""
    return Ground(
        any(family(w, own, related, parts) for w in words),
        frozenset(p for w in words for p in (w, *parts(w)) if p in empty),
        frozenset(_reduced(words, own, empty, related, parts)),
    )


def hollow_of(a: Ground, b: Ground, related: Callable[[str, str], bool]) -> bool:
    """:func:`hollow` of two sides' grounds."""
    if not ((a.family and b.family) or a.empties & b.empties):
        return False
    x, y = a.own_words, b.own_words
    return not (x & y) and not any(related(p, q) for p in x for q in y)


def hollow(
    a_words: set[str],
    b_words: set[str],
    own: frozenset[str],
    empty: frozenset[str],
    *,
    related: Callable[[str, str], bool],
    parts,
) -> bool:
    """Whether two sides share a word only of the area's own family or a word that names no point.

    True when both hold a word of the own family, or both the same empty word (a frame noun such
    as "behov"), and beyond those words they share no word or compound part and no word of one
    is derived from a word of the other: the pair's nearness is that word's, not a point's.

    Args:
        a_words: One side's lemmas.
        b_words: The other side's lemmas.
        own: The area's own words.
        empty: Words that name no point on their own (frame, empty nouns, judgements, stances).
        related: ``related(a, b)``: whether two lemmas are one derived from the other.
        parts: ``parts(lemma)``: a compound's parts.
    """
    kw = {"related": related, "parts": parts}
    return hollow_of(ground(a_words, own, empty, **kw), ground(b_words, own, empty, **kw), related)


def area_name_lemmas(areas: Iterable[str], lemma_of: Mapping[str, str], stops: frozenset[str]) -> dict:
    """Per core area, the lemmas of its name's content words ("Social omsorg" → social, omsorg)."""
    out = {}
    for area in areas:
        tokens = re.findall(r"\w+", str(area).lower())
        out[area] = frozenset(lemma_of.get(t, t) for t in tokens if len(t) > 1 and t not in stops)
    return out


def names_an_area(
    words: set[str], area: str, names: Mapping[str, frozenset[str]], empty: frozenset[str]
) -> bool:
    """Whether a side of ``area`` names another core area, whole, and says nothing else of its own."""
    return any(
        other != area and name and name <= words and not (words - name - empty)
        for other, name in names.items()
    )


def word_links(a: set[str], b: set[str]) -> list[str]:
    """Derivation and synonym links between the words of two sides (not the same word), as reasons."""
    from pipeline.danish import related, synonyms

    out = []
    for x in sorted(a):
        for y in sorted(b):
            if x == y:
                continue
            if related(x, y):
                out.append(f"'{x}' ~ '{y}' (afledning)")
            elif y in synonyms(x) or x in synonyms(y):
                out.append(f"'{x}' ~ '{y}' (synonym)")
    return out


def answers(stances: Mapping | None) -> dict[str, dict[int, str]]:
    """Per core area, each group's answer to its yes/no question, from the theme stage's stance record.

    Args:
        stances: ``quality["stances"]``: per area, per year, each stance with its groups
            (:func:`pipeline.themes.stances.stance_counts`).
    """
    out: dict[str, dict[int, str]] = {}
    for area, years in (stances or {}).items():
        for rows in years.values():
            for row in rows:
                out.setdefault(str(area), {}).update({int(g): str(row["stance"]) for g in row["groups"]})
    return out


def opposite_answers(a_groups: Iterable[int], b_groups: Iterable[int], answer: Mapping[int, str]) -> bool:
    """Whether one side's groups all answered the yes/no question yes and the other's all no.

    Two parties that answered a yes/no question the opposite way and both speak of the economy
    ("dårligt for dansk økonomi" / "inden for den samme økonomiske ramme") mostly made two points,
    each for its own answer: E5 finds them near by the words they share. A group without an
    answer (or "begge dele") says nothing either way.
    """
    from pipeline.danish import STANCES

    yes_no = {STANCES["ja"], STANCES["nej"]}
    a = {answer[g] for g in a_groups if g in answer}
    b = {answer[g] for g in b_groups if g in answer}
    return len(a) == len(b) == 1 and a | b == yes_no
