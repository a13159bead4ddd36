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

__all__ = ["Decision", "decision_entries", "known_pairs"]


def known_pairs(decisions, *, accepted: bool = True) -> frozenset[tuple[str, str, str]]:
    """``(area, words, words)`` of the accepted (or rejected) decisions, both orders: what compare's matching can take."""
    out = set()
    for d in decisions:
        if d.accept == accepted:
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


def decision_entries(
    decisions,
    themes: pd.DataFrame,
    units: pd.DataFrame,
    statements: pd.DataFrame,
    entries: tuple[Entry, ...] = (),
) -> tuple[tuple[Entry, ...], list[dict]]:
    """The codebook entries that apply the accepted decisions to a run's automatic themes.

    Args:
        decisions: Accepted and rejected decisions (rejected ones join nothing).
        themes: The automatic themes.
        units: The key phrases with their automatic theme.
        statements: The statements (the labels' lemmas).
        entries: The analyst's own entries: a theme they already hold is joined through them.

    Returns:
        ``(entries, log)``: the analyst's entries with the joins added, and one row per accepted
        decision: ``id``, ``area``, ``source``, ``applied`` and which sides were found.
    """
    from pipeline.curation.suggest import sides_of
    from pipeline.themes.points import same_point, says

    sides = sides_of(themes, units, statements)
    theme_sides = {s.topic: s for s in sides if s.topic >= 0}
    key_topic = {(s.area, s.key): s.topic for s in theme_sides.values()}
    unit_theme = dict(zip(units["unit_id"], units["theme"].astype(int), strict=True))
    unit_area = dict(zip(units["unit_id"], units["core_area"], strict=True))
    unit_text = dict(zip(units["unit_id"], units["text"], strict=True))
    parent: dict[tuple, tuple] = {}

    def node(unit: str) -> tuple:
        t = unit_theme[unit]
        return ("t", t) if t >= 0 else ("u", unit)

    def find(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def resolve(area: str, key: str, words: str) -> set[tuple]:
        if (area, key) in key_topic:
            return {("t", key_topic[(area, key)])}
        if key in unit_theme and unit_area[key] == area:
            return {node(key)}
        hit = {
            ("t", s.topic)
            for s in theme_sides.values()
            if s.area == area and words and same_point(s.words, words).same
        }
        if hit:
            return hit
        area_units = units[units["core_area"] == area]
        return {
            node(u)
            for u, lem in zip(area_units["unit_id"], area_units["lemmas"], strict=True)
            if words and says(words, str(lem))
        }

    log = []
    labels: dict[tuple, list[str]] = {}
    for d in decisions:
        if not d.accept:
            continue
        a, b = resolve(d.area, d.theme_key, d.theme_words), resolve(d.area, d.other_key, d.other_words)
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
        first, *rest = sorted(a | b)
        for x in rest:
            parent[find(x)] = find(first)
        for x, label in [(y, d.theme) for y in a] + [(y, d.other) for y in b]:
            labels.setdefault(x, []).append(label)
    components: dict[tuple, list[tuple]] = {}
    for x in sorted(parent):
        components.setdefault(find(x), []).append(x)
    out = list(entries)
    by_key = {(e.area, e.key): i for i, e in enumerate(out) if e.key}
    for members in components.values():
        if len(members) < 2:
            continue
        topics = sorted(
            (m[1] for m in members if m[0] == "t"), key=lambda t: (-len(theme_sides[t].groups), t)
        )
        pins = tuple(m[1] for m in members if m[0] == "u")
        area = theme_sides[topics[0]].area if topics else unit_area[pins[0]]
        # the labels as decided first (the themes before the key phrases), so a name reads as the analyst read it
        ordered = sorted(
            members, key=lambda m: (m[0] != "t", -len(theme_sides[m[1]].groups) if m[0] == "t" else 0, m)
        )
        names = (
            [x for m in ordered for x in labels.get(m, [])]
            + [theme_sides[t].label for t in topics]
            + [unit_text[u] for u in pins]
        )
        name = _label_of(list(dict.fromkeys(names)))
        ident = hashlib.sha1("\x1f".join(map(str, members)).encode()).hexdigest()[:8]
        if not topics:
            out.append(Entry(id=f"forslag-{ident}", area=area, name=name, pin=pins))
            continue
        root_side = theme_sides[topics[0]]
        i = by_key.get((area, root_side.key))
        if i is not None and (out[i].exclude or out[i].merge_into):
            continue  # the analyst decided otherwise about this theme
        if i is None:
            out.append(Entry(id=f"forslag-{ident}", area=area, key=root_side.key, name=name, confirm=True))
            i = by_key[(area, root_side.key)] = len(out) - 1
        else:
            out[i] = replace(out[i], name=out[i].name or name, confirm=True)
        out[i] = replace(out[i], pin=tuple(dict.fromkeys(out[i].pin + pins)))
        root_id = out[i].id
        for t in topics[1:]:
            side = theme_sides[t]
            j = by_key.get((area, side.key))
            if j is None:
                out.append(Entry(id=f"forslag-{ident}-{t}", area=area, key=side.key, merge_into=root_id))
                by_key[(area, side.key)] = len(out) - 1
            elif not (out[j].exclude or out[j].merge_into or out[j].split):
                out[j] = replace(out[j], merge_into=root_id)
    return tuple(out), log
