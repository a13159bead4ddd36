"""When a unit's words say a label: the check behind every "k af n grupper".

A theme's count is true only if each counted group's own words say its label. :func:`says` is
that check: every content word of the label is said by the unit,

* as the same word, or a derivation of it (``koordinering`` / ``koordinere``,
  :func:`pipeline.danish.related`), or a verb of the unit whose action the label word names
  (``rygning`` / ``ryge``: :func:`pipeline.danish.names_action`);
* as the head of one of the unit's compounds (label ``niveau``, unit ``serviceniveau``; a
  modifier is not enough: "ældrepleje" says nothing about "ældre");
* as the first part of a compound whose head names an action done to it
  (:func:`pipeline.danish.is_action_noun`) or is a general noun: "infrastrukturudvikling" is
  "udvikling af infrastruktur" and says "infrastruktur", "forebyggelsesindsats" says
  "forebyggelse";
* a compound word of the label only through all its parts: "serviceniveau" is not said by "det
  politiske niveau", "aflastningsfamilier" not by "plejefamilier"; and a label's modifier and
  head together by one compound of the unit ("frivillighedsarbejde" says "frivilligt arbejde");
* or (unless ``swaps=False``) as a DanNet synonym (``fleksibilitet`` / ``smidighed``), a general
  noun ("tiltag", "indsats", "løsning") by any other: its point lies in what modifies it ("tidlig
  forebyggende indsats" says "forebyggende tiltag"); a label is never a general noun alone.

"fysiske handicap" is not said by "psykiske handicap". :func:`same_point` asks it both ways.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.danish import GENERAL_NOUNS, MEASURE_NOUNS, is_action_noun, names_action, related, synonyms
from pipeline.themes.units import unit_parts

__all__ = ["PointMatch", "same_point", "says", "why_said"]

#: Nouns whose point lies in what modifies them: the general nouns and the nouns of a measure
#: that do not say which (:data:`pipeline.danish.MEASURE_NOUNS`); any one says another.
_SWAPPABLE: frozenset[str] = GENERAL_NOUNS | MEASURE_NOUNS


@lru_cache(maxsize=200_000)
def _word_said(
    word: str, unit_words: tuple[str, ...], verbs: frozenset[str], whole: bool = True, swaps: bool = True
) -> tuple[str, str | None] | None:
    """How a label word is said by the unit's words: (reason, the unit word), or None."""
    for u in unit_words:
        if u == word:
            return f"'{word}'", u
    for u in unit_words:
        if related(u, word, verbs):
            return f"'{word}' ~ '{u}' (derivation)", u
    for u in unit_words:
        # a verb says its action's noun, short stems too ("ryge" / "rygning"); either may be the verb
        if (u in verbs and names_action(word, u)) or (word in verbs and names_action(u, word)):
            return f"'{word}' ~ '{u}' (the verb's action)", u
    if swaps and word in _SWAPPABLE:
        # "tiltag", "indsats", "løsning", "intervention": their point lies in what modifies them,
        # so one says another ("tidlig forebyggende indsats" says "forebyggende tiltag", "tidlig
        # intervention" says "tidlig indsats"): the modifier they share is the point
        for u in unit_words:
            if u in _SWAPPABLE:
                return f"'{word}' ~ '{u}' (general nouns)", u
    syn = synonyms(word) if swaps else frozenset()
    for u in unit_words:
        if u in syn or any(related(u, s, verbs) for s in syn):
            return f"'{word}' ~ '{u}' (synonym)", u
    if not whole:
        return None
    for u in unit_words:
        # the head of a compound: a "serviceniveau" is a "niveau"; "ældrepleje" is no "ældre"
        parts = unit_parts(u)
        if parts and (parts[-1] == word or related(parts[-1], word, verbs)):
            return f"'{word}' heads '{u}' (compound)", u
    for u in unit_words:
        # "infrastrukturudvikling" is "udvikling af infrastruktur": an action's object is said
        parts = unit_parts(u)
        if (
            len(parts) >= 2
            and (is_action_noun(parts[-1]) or parts[-1] in GENERAL_NOUNS)
            and (parts[-2] == word or related(parts[-2], word, verbs))
        ):
            return f"'{word}' is what '{u}' is about (compound: {parts[-2]} + {parts[-1]})", u
    # "b-alternativer" needs its "b": every part of a hyphenated word, however short
    parts = [p for p in word.split("-") if p] if "-" in word else unit_parts(word)
    if parts and all(_word_said(p, unit_words, verbs, False, swaps) for p in parts):
        return f"'{word}' = {' + '.join(repr(p) for p in parts)} (parts)", None
    return None


def why_said(
    label: str, unit: str, verbs: frozenset[str] = frozenset(), swaps: bool = True
) -> tuple[str, ...] | None:
    """Reasons each content word of ``label`` (lemmas) is said by ``unit`` (lemmas); None if one is not.

    Each word of the unit says at most one word of the label ("individets styrker" does not say
    both "styrkelse" and "kvalitet"). ``verbs``: lemmas used as verbs (see
    :func:`pipeline.danish.related`). ``swaps=False``: only in the label's own words (no synonym,
    no measure noun for another).
    """
    left = list(dict.fromkeys(unit.split()))
    words = label.split()
    reasons = []
    # one compound can say a modifier and its head: "frivillighedsarbejde" says "frivilligt arbejde"
    for u in list(left):
        parts = unit_parts(u)
        for i in range(len(words) - 1) if len(parts) >= 2 else ():
            if _word_said(words[i], (parts[-2],), verbs, False, swaps) and _word_said(
                words[i + 1], (parts[-1],), verbs, False, swaps
            ):
                reasons.append(f"'{words[i]} {words[i + 1]}' = '{u}' (compound)")
                words = words[:i] + words[i + 2 :]
                left.remove(u)
                break
    for word in words:
        found = _word_said(word, tuple(left), verbs, True, swaps)
        if found is None:
            return None
        reason, used = found
        reasons.append(reason)
        if used is not None:
            left.remove(used)
    return tuple(reasons)


def says(label: str, unit: str, verbs: frozenset[str] = frozenset(), swaps: bool = True) -> bool:
    """Whether a unit's lemmas say every content word of a label's lemmas (see the module docs)."""
    return bool(label.split()) and why_said(label, unit, verbs, swaps) is not None


@dataclass(frozen=True)
class PointMatch:
    """Whether two claims are the same point, and why.

    Attributes:
        same: One says every content word of the other (:func:`says`, either way).
        reasons: How the words were matched (or which did not match).
    """

    same: bool
    reasons: tuple[str, ...]


def same_point(a: str, b: str, verbs: frozenset[str] = frozenset()) -> PointMatch:
    """Whether two claims or theme labels (lemma strings) make the same point.

    The same point when every content word of the one is said by the other, either way: "tydelig
    kommunikation" and "kommunikation", "koordinering af frivillige" and "koordinere frivillige",
    "fleksibilitet" and "smidighed". Not when only a word is shared and the rest differs
    ("politisk niveau" / "serviceniveau", "fysisk handicap" / "psykisk handicap"). ``verbs``:
    lemmas used as verbs in either (a verb's noun: "koordinere" / "koordinering").
    """
    forward, backward = why_said(a, b, verbs), why_said(b, a, verbs)
    if forward is not None:
        return PointMatch(True, forward)
    if backward is not None:
        return PointMatch(True, backward)
    missing = [w for w in a.split() if _word_said(w, tuple(b.split()), verbs) is None]
    return PointMatch(False, tuple(f"'{w}' not said" for w in missing))
