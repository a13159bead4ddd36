"""The analyst's decisions on suggestions, and the joins they make in a run (this year's or another's).

``seminar curate accept`` / ``reject`` record a :class:`Decision` per suggestion in the
codebook (YAML ``suggestions:``; the workbook's sheet ``Forslag``). A decision holds both sides'
words, so it is found again in a later run and in another year's notes: an accepted one is a
*known same-point pair*, a rejected one a *known different pair* (never proposed again).

:func:`decision_entries` turns the accepted decisions into ordinary codebook entries for the
run's automatic themes: a side is found by its theme key or key-phrase id (the same notes),
else by its words (:func:`pipeline.themes.points.same_point` with a theme's label, :func:`says`
by a key phrase). Joins that share a side become one theme: the other themes are merged into
the one most groups raised, key phrases are moved (pinned) into it, and two key phrases without a
theme become a new theme. The theme is named from both sides' words and counts as curated.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pandas as pd

from pipeline.curation.codebook import Decision, Entry
from pipeline.curation.promote import POINT, point_entries

__all__ = ["Decision", "decision_entries", "known_pairs"]


def known_pairs(decisions, *, accepted: bool = True) -> frozenset[tuple[str, str, str]]:
    """``(area, words, words)`` of the accepted (or rejected) decisions, both orders.

    What compare's matching can take.
    """
    out = set()
    for d in decisions:
        if d.accept == accepted and d.kind != POINT:  # a point has no other side
            out |= {(d.area, d.theme_words, d.other_words), (d.area, d.other_words, d.theme_words)}
    return frozenset(out)


def _label_of(labels: list[str]) -> str:
    """One name from both sides' words: "Unge og kommende generationer" (at most three, in order)."""
    from pipeline.themes.points import same_point

    kept: list[str] = []
    for label in labels:
        if not any(same_point(label.lower(), k.lower()).same for k in kept):
            kept.append(label)
    kept = kept[:3]
    words = [kept[0][:1].upper() + kept[0][1:]] + [k[:1].lower() + k[1:] for k in kept[1:]]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


#: A side of a join: ``("t", topic)`` an automatic theme, ``("u", unit_id)`` a key phrase in no theme.
#: Plain tuples: they sort themes first, and their text makes a new entry's id.
_Node = tuple[str, int | str]


class _Joins:
    """Finds a decision's sides in a run and joins them (union-find over :data:`_Node`)."""

    def __init__(self, themes: pd.DataFrame, units: pd.DataFrame, statements: pd.DataFrame) -> None:
        from pipeline.curation.suggest import sides_of

        self.units = units
        self.theme_sides = {s.topic: s for s in sides_of(themes, units, statements) if s.topic >= 0}
        self.key_topic = {(s.area, s.key): s.topic for s in self.theme_sides.values()}
        self.unit_theme = dict(zip(units["unit_id"], units["theme"].astype(int), strict=True))
        self.unit_area = dict(zip(units["unit_id"], units["core_area"], strict=True))
        self.unit_text = dict(zip(units["unit_id"], units["text"], strict=True))
        self.parent: dict[_Node, _Node] = {}

    def unit_label(self, unit: str) -> str:
        """A key phrase's label as the labeller writes labels, in base form.

        "det politiske niveau" → "politisk niveau": a theme joined from key phrases reads as an
        automatic one would.
        """
        from pipeline.themes.labels import label_forms

        forms = label_forms(self.units[self.units["unit_id"] == unit])
        return min(forms) if forms else self.unit_text[unit]

    def node(self, unit: str) -> _Node:
        """A key phrase's side: its theme, or the phrase itself when it is in no theme."""
        t = self.unit_theme[unit]
        return ("t", t) if t >= 0 else ("u", unit)

    def find(self, x: _Node) -> _Node:
        """The side that stands for every side joined to ``x``."""
        while self.parent.setdefault(x, x) != x:
            x = self.parent[x]
        return x

    def join(self, sides: set[_Node]) -> None:
        """Join every side in ``sides`` into one."""
        first, *rest = sorted(sides)
        for x in rest:
            self.parent[self.find(x)] = self.find(first)

    def resolve(self, area: str, key: str, words: str) -> set[_Node]:
        """A decision's side in this run: by theme key or key-phrase id, else by its words."""
        from pipeline.themes.points import same_point, says

        if (area, key) in self.key_topic:
            return {("t", self.key_topic[(area, key)])}
        if key in self.unit_theme and self.unit_area[key] == area:
            return {self.node(key)}
        joined = self.joined(area, key)
        if joined:
            return joined
        hit = {
            ("t", s.topic)
            for s in self.theme_sides.values()
            if s.area == area and words and same_point(s.words, words).same
        }
        if hit:
            return hit
        area_units = self.units[self.units["core_area"] == area]
        return {
            self.node(u)
            for u, lem in zip(area_units["unit_id"], area_units["lemmas"], strict=True)
            if words and says(words, str(lem))
        }

    def joined(self, area: str, key: str) -> set[_Node]:
        """The sides already joined into the theme whose key is ``key`` (empty: none).

        A suggestion made on a curated run (the analyst's next round) names a theme the earlier
        joins made by that theme's key (:func:`pipeline.themes.describe.theme_key` of its key
        phrases); its words would find every theme that shares a word with either side.
        """
        from pipeline.themes.describe import theme_key

        if not key:
            return set()
        lemmas = dict(zip(self.units["unit_id"], self.units["lemmas"], strict=True))
        for members in self.components():
            if len(members) < 2:
                continue
            ids = [
                u
                for u, t in self.unit_theme.items()
                if ("t", t) in members or ("u", u) in members
                if self.unit_area[u] == area
            ]
            if ids and theme_key(area, [str(lemmas[u]) for u in ids]) == key:
                return set(members)
        return set()

    def components(self) -> list[list[_Node]]:
        """The groups of joined sides, each in sorted order."""
        out: dict[_Node, list[_Node]] = {}
        for x in sorted(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())


def _join_decisions(decisions, joins: _Joins) -> tuple[list[dict], dict[_Node, list[str]]]:
    """Join the sides of every accepted decision; the log row of each and the labels given to each side."""
    log = []
    labels: dict[_Node, list[str]] = {}
    for d in decisions:
        if not d.accept or d.kind == POINT:
            continue
        a, b = (
            joins.resolve(d.area, d.theme_key, d.theme_words),
            joins.resolve(d.area, d.other_key, d.other_words),
        )
        log.append(
            {
                "id": d.id,
                "area": d.area,
                "source": d.source,
                "applied": bool(a and b),
                "theme": d.theme,
                "other": d.other,
            }
        )
        if not (a and b):
            continue
        joins.join(a | b)
        for x, label in [(y, d.theme) for y in a] + [(y, d.other) for y in b]:
            labels.setdefault(x, []).append(label)
    return log, labels


def _component_name(members: list[_Node], topics: list[int], pins: tuple, joins: _Joins, labels: dict) -> str:
    """The joined theme's name from both sides' words, as decided first (themes before key phrases)."""
    sides = joins.theme_sides
    ordered = sorted(members, key=lambda m: (m[0] != "t", -len(sides[m[1]].groups) if m[0] == "t" else 0, m))
    # a key phrase is named as the labeller names it, not as the suggestion showed its words
    names = (
        [x for m in ordered for x in (labels.get(m, []) if m[0] == "t" else [joins.unit_label(str(m[1]))])]
        + [sides[t].label for t in topics]
        + [joins.unit_label(u) for u in pins]
    )
    return _label_of(list(dict.fromkeys(names)))


def _add_component(out: list[Entry], by_key: dict, members: list[_Node], joins: _Joins, labels: dict) -> None:
    """Add (or amend) the entries that make one group of joined sides one theme.

    The other themes are merged into the one most groups raised, key phrases in no theme are
    pinned to it; two key phrases without a theme become a new theme.
    """
    sides = joins.theme_sides
    topics = sorted((m[1] for m in members if m[0] == "t"), key=lambda t: (-len(sides[t].groups), t))
    pins = tuple(m[1] for m in members if m[0] == "u")
    area = sides[topics[0]].area if topics else joins.unit_area[pins[0]]
    name = _component_name(members, topics, pins, joins, labels)
    ident = hashlib.sha1("\x1f".join(map(str, members)).encode()).hexdigest()[:8]
    if not topics:
        out.append(Entry(id=f"forslag-{ident}", area=area, name=name, pin=pins))
        return
    root_side = sides[topics[0]]
    i = by_key.get((area, root_side.key))
    if i is not None and (out[i].exclude or out[i].merge_into):
        return  # the analyst decided otherwise about this theme
    if i is None:
        out.append(Entry(id=f"forslag-{ident}", area=area, key=root_side.key, name=name, confirm=True))
        i = by_key[(area, root_side.key)] = len(out) - 1
    else:
        out[i] = replace(out[i], name=out[i].name or name, confirm=True)
    out[i] = replace(out[i], pin=tuple(dict.fromkeys(out[i].pin + pins)))
    root_id = out[i].id
    for t in topics[1:]:
        side = sides[t]
        j = by_key.get((area, side.key))
        if j is None:
            out.append(Entry(id=f"forslag-{ident}-{t}", area=area, key=side.key, merge_into=root_id))
            by_key[(area, side.key)] = len(out) - 1
        elif not (out[j].exclude or out[j].merge_into or out[j].split):
            out[j] = replace(out[j], merge_into=root_id)


def decision_entries(
    decisions,
    themes: pd.DataFrame,
    units: pd.DataFrame,
    statements: pd.DataFrame,
    entries: tuple[Entry, ...] = (),
    area_words: dict[str, frozenset[str]] | None = None,
) -> tuple[tuple[Entry, ...], list[dict]]:
    """The codebook entries that apply the accepted decisions to a run's automatic themes.

    Args:
        decisions: Accepted and rejected decisions (rejected ones join nothing).
        themes: The automatic themes.
        units: The key phrases with their automatic theme.
        statements: The statements (the labels' lemmas).
        entries: The analyst's own entries: a theme they already hold is joined through them.
        area_words: Per area, its own words: an accepted point is kept where two or more groups
            of its theme wrote their own words about the word, counting those groups
            (:mod:`pipeline.curation.promote`).

    Returns:
        ``(entries, log)``: the analyst's entries with the joins added, and one row per accepted
        decision: ``id``, ``area``, ``source``, ``applied`` and which sides were found.
    """
    joins = _Joins(themes, units, statements)
    log, labels = _join_decisions(decisions, joins)
    out = list(entries)
    by_key = {(e.area, e.key): i for i, e in enumerate(out) if e.key}
    for members in joins.components():
        if len(members) >= 2:
            _add_component(out, by_key, members, joins, labels)
    log += point_entries(decisions, joins, themes, statements, area_words, out, by_key)
    return tuple(out), log
