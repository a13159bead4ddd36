"""Word families that recur over the years: rows for points no year's themes hold.

Over many years a point can recur while no single year has a theme for it: one year's groups
write "coronakrisen", the next year's "covid-19-test", and each year's theme stage names its
themes otherwise ("Coronakrise", "Test"). With ``[compare] word_families = true`` the
comparison adds a row for each word family (:mod:`pipeline.danish.word_families`: a word and
every word that has it as a part, joined through the lexicon of one thing's names and the
country adjectives) that

* at least ``recurring_from`` groups of the scope write in each of two years or more (the fewest
  groups of a recurring point, as the years' theme stage stored it:
  :class:`~pipeline.compare.status.CompareParams`);
* is not written by half the groups or more in every year (a word everyone uses every year
  tells nothing about change: "lov", "forslag");
* is named by a noun or name written on its own (or a country adjective's country) and holds
  two words or more; no stop word, general, frame or empty noun, no word of the core area's name;
* counts groups that no row naming one of its words counts, in two years or more (or
  ``recurring_from`` of them in one): else those rows already tell it; of a family inside another
  (its words and its groups each year among the other's: "asylansøger" in "asyl"), the larger.

A group counts in a year when one of its statements writes a word of the family: the count is
what the notes say, and each row quotes the groups' own words. A family counts a compound's
modifier ("asylcenter" writes "asyl"), which the points rule does not, so these rows are named
as word families, not as points. Cross-area scopes get none.

Pure: the years' tables in, family rows out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.compare.said import Said
from pipeline.compare.tables import YearTables

__all__ = ["FamilyRow", "Taken", "proper_names", "word_families"]


@dataclass(frozen=True)
class FamilyRow:
    """A word family's row: its key, label, the words written and, per year, each group's first evidence."""

    key: str
    label: str
    words: tuple[str, ...]
    said: Mapping[int, Mapping[str, Said]]


def proper_names(tables: Mapping[int, YearTables]) -> frozenset[str]:
    """The lemmas written with a capital letter inside a sentence and never in lower case (names: "Rusland").

    "Københavns Politi" does not make "politi" a name: the texts also write "politiet".
    """
    names: set[str] = set()
    common: set[str] = set()
    for t in tables.values():
        for toks, lems in zip(t.statements["tokens"], t.statements["lemmas"], strict=True):
            for i, (tok, lem) in enumerate(zip(toks.split(), lems.split(), strict=False)):
                if tok[:1].islower():
                    common.add(lem.casefold())
                elif i and tok[:1].isupper() and not tok.isupper():
                    names.add(lem.casefold())
    return frozenset(names - common)


def _no_family(area: str) -> frozenset[str]:
    from pipeline.danish import EMPTY_NOUNS, FRAME_NOUNS, GENERAL_NOUNS, STOP_WORDS

    return frozenset(STOP_WORDS | GENERAL_NOUNS | FRAME_NOUNS | EMPTY_NOUNS) | frozenset(
        area.casefold().split()
    )


def _keys(lemma: str, names: frozenset[str]) -> frozenset[str]:
    """The families one lemma belongs to, a country adjective also to its country's name."""
    from pipeline.danish.word_families import adjective_name, family_keys, same_name

    name = adjective_name(lemma, names)
    return family_keys(lemma) | ({same_name(name)} if name else frozenset())


#: The parts of speech a family's words are: names and what names things ("covid-19" is tagged X or NUM
#: and is no content lemma, so the statement's lemmas are read, not its content lemmas).
NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "X", "NUM"})
NOUNS = frozenset({"NOUN", "PROPN", "X"})


def _nominals(lemmas: str, pos: str) -> list[tuple[str, bool]]:
    """A statement's lemmas that name something, each with whether it is a noun (or a name)."""
    words, tags = lemmas.casefold().split(), pos.split()
    if len(tags) != len(words):
        return [(w, True) for w in words]
    return [(w, tag in NOUNS) for w, tag in zip(words, tags, strict=True) if tag in NOMINAL]


@dataclass
class _Year:
    """One year's families: per key the groups writing a word of it (first evidence), the words, the nouns."""

    said: dict[str, dict[str, Said]]
    words: Counter
    nouns: set[str]


def _year_families(t: YearTables, scope: str, names: frozenset[str], skip: frozenset[str]) -> _Year:
    """One year of the scope: which groups write a word of each family, and which words."""
    out = _Year({}, Counter(), set())
    mine = t.statements[t.statements["core_area"] == scope]
    for s in mine.sort_values(["group", "statement_id"], kind="stable").itertuples(index=False):
        group = str(int(s.group))
        for lemma, noun in dict.fromkeys(_nominals(str(s.lemmas), str(getattr(s, "pos", "")))):
            if noun:
                out.nouns.add(lemma)
            for key in _keys(lemma, names) - skip:
                out.said.setdefault(key, {}).setdefault(group, Said(group, scope, s.statement_id, s.text))
                out.words[(key, lemma)] += 1
    return out


@dataclass(frozen=True)
class Taken:
    """A row already in the scope: the lemmas of its labels and its groups per year."""

    words: frozenset[str]
    groups: Mapping[int, frozenset[str]]


def word_families(
    tables: Mapping[int, YearTables],
    scope: str,
    recurring_from: int,
    taken: Sequence[Taken] = (),
    names: frozenset[str] = frozenset(),
) -> list[FamilyRow]:
    """The scope's word families that recur over the years and that the rows miss (the module docs' rule).

    Args:
        tables: Per year, the tables of its own pages.
        scope: A core area.
        recurring_from: The groups a family needs in each of two years: the fewest groups of a
            recurring point, as the compared years' theme stage stored it
            (:attr:`~pipeline.compare.status.CompareParams.recurring_from`).
        taken: The rows already in the scope (:class:`Taken`).
        names: Proper names written in the texts (:func:`proper_names`), for country adjectives.

    Returns:
        The family rows, the most groups over all years first, then by key.
    """
    years = sorted(tables)
    skip = _no_family(scope)
    per_year = {y: _year_families(tables[y], scope, names, skip) for y in years}
    nouns = set().union(*(py.nouns for py in per_year.values()))
    totals = {y: tables[y].notes.loc[tables[y].notes["core_area"] == scope, "group"].nunique() for y in years}
    rows = []
    for key in sorted({k for py in per_year.values() for k in py.said}):
        groups = tuple(frozenset(per_year[y].said.get(key, {})) for y in years)
        if sum(len(g) >= recurring_from for g in groups) < 2 or all(
            totals[y] and len(g) * 2 >= totals[y] for y, g in zip(years, groups, strict=True)
        ):
            continue
        words: Counter = Counter()
        for y in years:
            words.update({w: c for (k, w), c in per_year[y].words.items() if k == key})
        written = tuple(w for w, _ in words.most_common())
        if _is_family(key, written, nouns, names) and _adds(written, groups, years, taken, recurring_from):
            rows.append(_Candidate(key, groups, written))
    out = []
    for c in _roots(rows):
        said = {y: per_year[y].said.get(c.key, {}) for y in years}
        out.append(FamilyRow(c.key, _label(c.key, c.words, names), c.words, said))
    out.sort(key=lambda r: (-sum(len(s) for s in r.said.values()), r.key))
    return out


def _adds(
    words: tuple[str, ...],
    groups: tuple[frozenset[str], ...],
    years: list[int],
    taken: Sequence[Taken],
    recurring_from: int,
) -> bool:
    """Whether the family counts groups that no row naming its words counts: in two years, or enough in one.

    Enough is ``recurring_from``; in two years or more, one a year is enough (the rows miss the
    family over the years, not by chance in one).
    """
    mine = set(words)
    naming = [t for t in taken if t.words & mine]
    added = [
        len(g - set().union(*(t.groups.get(y, frozenset()) for t in naming)))
        for y, g in zip(years, groups, strict=True)
    ]
    return max(added) >= recurring_from or sum(a > 0 for a in added) >= 2


@dataclass(frozen=True)
class _Candidate:
    """A family that recurs: its key, its groups per year (in year order) and the words written."""

    key: str
    groups: tuple[frozenset[str], ...]
    words: tuple[str, ...]


def _roots(rows: list[_Candidate]) -> list[_Candidate]:
    """No family inside another: of two, the one holding the most words is kept.

    A family whose words and groups lie within another's is part of it ("asylansøger" of "asyl").
    """
    kept: list[_Candidate] = []
    for row in sorted(rows, key=lambda r: (-len(r.words), len(r.key), r.key)):
        if any(
            set(row.words) <= set(k.words) and all(g <= h for g, h in zip(row.groups, k.groups, strict=True))
            for k in kept
        ):
            continue
        kept.append(row)
    return kept


def _is_family(key: str, words: tuple[str, ...], nouns: set[str], names: frozenset[str]) -> bool:
    """A family worth a row: its key is a noun or name written on its own, and it holds two words or more.

    A key only ever found inside compounds is a splitter's leftover ("gørelse" of "redegørelse"); an
    adjective ("stor", "politisk") names no thing; a family of one word is that word, which the theme
    stage and its rows already read. A country adjective stands for its country's name.
    """
    from pipeline.danish.word_families import adjective_name, same_name

    whole = any((same_name(w) == key and w in nouns) or adjective_name(w, names) == key for w in words)
    return whole and len(words) >= 2


def _label(key: str, words: tuple[str, ...], names: frozenset[str]) -> str:
    """The family's name: its key and the names joined to it, spelled otherwise ("Covid-19 / corona")."""
    from pipeline.danish.word_families import SAME_NAMES, adjective_name

    joined = []
    for w in words:
        if key in w:
            continue
        if adjective_name(w, names):
            joined.append(w)
        else:
            joined += sorted((s for s, k in SAME_NAMES.items() if k == key and s in w), key=len)[-1:]
    name = " / ".join([key, *dict.fromkeys(joined)][:3])
    return name[:1].upper() + name[1:] + " (ordfamilie)"
