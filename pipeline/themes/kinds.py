"""Kinds of a thing: groups that each name their own kind of it share the word, not a point.

Group 3 wrote "potentialet i velfærdsteknologi" and group 5 "behovet for teknologi tilpasset
opgaveløsningen": both say "teknologi", so a theme "Teknologi 2 af 5" joins them, but each
group qualified the thing in its own way (a compound's first part, "velfærd"; a participle
phrase after it, "tilpasset opgaveløsningen") and the two qualifiers share nothing. What each
group says is which technology, and those are two points (:func:`different_kinds`).

A group that wrote the word with no qualifier of its own may mean either, so it keeps the theme
whole: the test only takes apart a theme whose every counted group qualified the word. A
qualifier that only repeats the area's or question's words ("dagpengekommission" in an area
about dagpenge, "sygepersonale" in one about sygehuse) names no kind of its own, nor does a
word of quantity ("flere"), a frame, general or measure noun ("behov", "område", "indsats"),
or a setting ("i virksomhederne"). A noun of an action or a quality ("samarbejde",
"kommunikation") is a claim on its own (:func:`pipeline.danish.is_nominalisation`): "tværfagligt
samarbejde" and "samarbejde med virksomheder" both ask for more collaboration, so such a word is
not tested.

The same evidence read over whole sentences finds a group outside the others' point
(:func:`outside`): of three parties that wrote "frikadeller", two wrote of a daycare and the
third that no one should decide what people eat. Its sentence shares no word with theirs, while
theirs share one, so it leaves the theme; the two stay one point.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from pipeline.danish import ARTICLES, FRAME_NOUNS, GENERAL_NOUNS, MEASURE_NOUNS, STOP_WORDS

__all__ = [
    "AreaKinds",
    "area_kinds",
    "different_kinds",
    "names_no_kind",
    "outside",
    "qualifiers",
    "qualifiers_related",
]

#: Words that name no kind of a thing: function words, frame, general and measure nouns.
_NO_KIND = STOP_WORDS | ARTICLES | FRAME_NOUNS | GENERAL_NOUNS | MEASURE_NOUNS
#: Word classes that can stand in a noun phrase after a participle ("tilpasset <de lokale behov>").
_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
#: Word classes of a qualifier: what names a kind ("velfærd", "levende", "tilpasse").
_QUALIFIER_TAGS = frozenset({"ADJ", "NOUN", "PROPN", "VERB"})


def names_no_kind(lemma: str, area_words: frozenset[str], restates: Callable[[str], bool]) -> bool:
    """Whether a qualifier only repeats the area's or question's words: it names no kind of its own here.

    It does when it repeats them (``restates(lemma)``: "dagpenge" of "dagpengekommission" in an
    area about dagpenge) or when one of them begins with it: the area's "sygehus" is written as
    one word, so "syg" of "sygepersonale" is its first part, the area's field said again.
    """
    return restates(lemma) or (
        len(lemma) >= 3 and any(w.startswith(lemma) and w != lemma for w in area_words)
    )


def _setting(s, end: int, after: int) -> bool:
    """Whether the prepositional phrase ``[end, after)`` only says where ("på ældrehjem")."""
    from pipeline.danish import SETTING_PREPOSITIONS
    from pipeline.danish.places import names_setting

    if s.tokens[end].lower() not in SETTING_PREPOSITIONS:
        return False
    nouns = [i for i in range(end + 1, after) if s.upos[i] in ("NOUN", "PROPN")]
    return bool(nouns) and names_setting(s.tokens[nouns[0]], s.lemmas[nouns[0]])


def _participle_end(tokens: tuple[str, ...], upos: tuple[str, ...], end: int) -> int:
    """Where a participle phrase after a noun ends ("teknologi <tilpasset opgaveløsningen>"), or ``end``.

    A participle ("tilpasset", "målrettede", "manglende"), not a finite verb: one after a noun
    ("teknologi skaber vækst") is its clause's predicate, not a qualifier of the noun.
    """
    from pipeline.danish.participles import spelt_as_participle

    if end >= len(tokens) or upos[end] != "VERB" or not spelt_as_participle(tokens[end]):
        return end
    k = end + 1
    while k < len(tokens) and upos[k] in _PHRASE_TAGS:
        k += 1
    return k


def qualifiers(unit, key: str, s, names_nothing: Callable[[str], bool]) -> frozenset[str]:
    """The words with which one unit qualifies the thing ``key`` names: which one the group means.

    They are the first part of a compound whose last part is the word ("velfærd" of
    "velfærdsteknologi"), the unit's other words ("levende" of "levende kulturliv"), and, in its
    sentence, the prepositional phrase right after it unless that is a setting ("kommission for
    dagpenge") and a participle phrase after it ("tilpasset opgaveløsningen").

    Args:
        unit: A unit row (``lemmas``, ``statement_id``, ``start``, ``end``).
        key: The theme's one-word label lemma.
        s: The unit's sentence (:class:`pipeline.themes.whole_phrase.Sentence`), or None.
        names_nothing: ``names_nothing(lemma)``: a word that names no kind here (the area's own words).
    """
    from pipeline.danish.compound_split import modifier_and_head
    from pipeline.danish.phrases import complement_end

    words: list[str] = []
    for lemma in str(unit.lemmas).split():
        split = modifier_and_head(lemma) if lemma != key else None
        if split is not None and split[1] == key:
            words.append(split[0])  # "velfærdsteknologi": a kind of technology
        elif lemma != key and not lemma.endswith(key):
            words.append(lemma)
    start, end = int(unit.start), int(unit.end)
    if s is not None and 0 <= start < end <= len(s.tokens):
        after = complement_end(list(s.tokens), list(s.upos), end)
        if after > end and _setting(s, end, after):
            after = end  # "frikadeller i daginstitutionerne": where, not which
        after = _participle_end(s.tokens, s.upos, after)
        words += [s.lemmas[i] for i in range(end, after) if s.upos[i] in _QUALIFIER_TAGS]
    return frozenset(w for w in words if _may_name_kind(w, names_nothing))


def _may_name_kind(lemma: str, names_nothing: Callable[[str], bool]) -> bool:
    """Whether a word may say which kind a group meant: a word of letters that names one here."""
    return len(lemma) > 1 and lemma.isalpha() and lemma not in _NO_KIND and not names_nothing(lemma)


def qualifiers_related(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two groups' qualifiers share a word, a compound part or a derivation."""
    from pipeline.danish.word_families import family_keys

    def keys(words: frozenset[str]) -> set[str]:
        return set(words).union(*(family_keys(w) for w in words)) if words else set()

    return bool(keys(a) & keys(b))


def different_kinds(
    part: pd.DataFrame,
    members: list[int],
    key: str,
    said: Mapping[str, object],
    names_nothing: Callable[[str], bool],
) -> bool:
    """Whether every counted group qualified a noun of a thing in its own way, sharing nothing.

    Args:
        part: One area's units (``year``, ``group``, ``lemmas``, ``statement_id``, ``start``, ``end``).
        members: The theme's positions in ``part``.
        key: The theme's label lemmas (only one word, not an action or quality noun, is tested).
        said: The area's sentences by ``statement_id`` (:func:`pipeline.themes.whole_phrase.sentences`).
        names_nothing: ``names_nothing(lemma)``: a word that only repeats the area's or question's.

    Returns:
        True when two or more groups are counted, each qualifies the word, and no two groups'
        qualifiers are related (:func:`qualifiers_related`).
    """
    from pipeline.danish.things import names_a_thing

    if not said or not names_a_thing(key):
        return False
    kinds = []
    for _, rows in part.iloc[members].groupby(["year", "group"], sort=True):
        own = frozenset().union(
            *(qualifiers(u, key, said.get(str(u.statement_id)), names_nothing) for u in rows.itertuples())
        )
        if not own:
            return False  # the bare word: it may mean any group's kind
        kinds.append(own)
    if len(kinds) < 2:
        return False
    return not any(qualifiers_related(a, b) for i, a in enumerate(kinds) for b in kinds[i + 1 :])


def outside(
    part: pd.DataFrame,
    members: list[int],
    key: str,
    said: Mapping[str, object],
    names_nothing: Callable[[str], bool],
) -> set[int]:
    """The positions of groups whose sentences share nothing with the others' where those share something.

    Parties 1 and 10 wrote "frikadeller" in a sentence about a daycare where they cannot be
    served, party 3 that no one should decide when people eat them: 1 and 10 share words beyond
    the noun ("daginstitution"), 3 shares none with either, so it did not make their point.
    Only for a theme of three or more groups of a one-word noun of a thing (not an action or a
    quality): with two groups, or when no two groups share a word, nothing tells which point is
    the theme's, and the word stays their shared point.

    Args:
        part: One area's units (``year``, ``group``, ``statement_id``).
        members: The theme's positions in ``part``.
        key: The theme's label lemmas.
        said: The area's sentences by ``statement_id``.
        names_nothing: ``names_nothing(lemma)``: a word that only repeats the area's or question's.

    Returns:
        The positions of the units of the groups outside (none when the theme stays whole).
    """
    from pipeline.danish.things import names_a_thing

    if not said or not names_a_thing(key):
        return set()
    context = {}
    for g, rows in part.iloc[members].groupby(["year", "group"], sort=True):
        words: set[str] = set()
        for sid in set(rows["statement_id"]):
            s = said.get(str(sid))
            if s is not None:
                words |= _context(s, key, names_nothing)
        context[g] = frozenset(words)
    if len(context) < 3:
        return set()
    joined = {g for g in context for h in context if g != h and qualifiers_related(context[g], context[h])}
    if len(joined) < 2:
        return set()
    out = {g for g in context if g not in joined}
    keys = list(zip(part["year"].iloc[members], part["group"].iloc[members], strict=True))
    return {m for m, g in zip(members, keys, strict=True) if g in out}


def _context(s, key: str, names_nothing: Callable[[str], bool]) -> frozenset[str]:
    """A sentence's content words beyond ``key``: what it says around the noun."""
    return frozenset(
        lemma
        for lemma, tag in zip(s.lemmas, s.upos, strict=True)
        if tag in _QUALIFIER_TAGS and lemma != key and _may_name_kind(lemma, names_nothing)
    )


@dataclass(frozen=True)
class AreaKinds:
    """The parse's kind tests over one area's sentences and own words (:func:`area_kinds`)."""

    said: Mapping[str, object]
    no_kind: Callable[[str], bool]

    def different(self, part: pd.DataFrame, members: list[int], key: str) -> bool:
        """:func:`different_kinds` of a theme."""
        return different_kinds(part, members, key, self.said, self.no_kind)

    def outside(self, part: pd.DataFrame, members: list[int], key: str) -> set[int]:
        """:func:`outside` of a theme."""
        return outside(part, members, key, self.said, self.no_kind)


def area_kinds(said: Mapping[str, object], area_words: frozenset[str]) -> AreaKinds:
    """The kind tests over one area's sentences and own words.

    Args:
        said: The area's tagged sentences (:func:`pipeline.themes.whole_phrase.sentences`), read
            once per area by the caller.
        area_words: The area's own words (its name, theme and question).
    """
    from pipeline.themes.describe import restates

    def no_kind(lemma: str) -> bool:
        return names_no_kind(lemma, area_words, lambda w: restates(w, area_words))

    return AreaKinds(said, no_kind)
