"""Benchmark: which groups an area page shows nothing of, beyond "Gruppernes noter".

For each set of :mod:`bench_themes` (2024 and the DR dev set) it runs ``analyse_seminar`` and
prints, per core area and year:

* ``groups``: the groups that wrote about the area;
* ``no point shown``: groups counted by no theme of their own words (a theme that only repeats the
  question or the area, or names a given option, does not count) and not listed with their own
  words under a word several groups used about different things;
* ``1-gr.``: themes of one group; ``left``: key phrases in no theme and not listed as a group's own
  words under a word used about different things (stance words "Ja"/"Nej" included);
* ``nothing listed``: groups on no list of the page at all: no theme of any kind, no word table,
  no word used about different things, no option, no stance;
* the key phrases of each group with no point shown, to judge whether it said anything beyond the
  question's words.

Usage: ``python bench/bench_visible.py [--set 2024|dr]``. A benchmark (figures to read), not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _groups(cell) -> set[int]:
    return {int(g) for g in str(cell).split() if g.strip().lstrip("-").isdigit()}


def _phrases(analysis, area: str, year: int, groups: list[int]) -> dict[int, list[str]]:
    """The key phrases of each of ``groups`` in the area (did it say anything beyond the question?)."""
    units = analysis.units
    part = units[(units["core_area"] == area) & (units["year"] == year) & units["group"].isin(groups)]
    return {int(g): list(dict.fromkeys(rows["text"])) for g, rows in part.groupby("group", sort=True)}


def area_figures(analysis) -> list[dict]:
    """Per area and year: the groups, and those the page shows no point of / nothing of."""
    q = analysis.quality
    out = []
    notes = analysis.notes
    for (year, area), rows in notes.groupby(["year", "core_area"], sort=False):
        groups = {int(g) for g in rows["group"]}
        themes = analysis.themes[(analysis.themes["core_area"] == area) & (analysis.themes["year"] == year)]
        options = {int(t) for t in q.get("option_themes", {}).get(area, {})}
        own = themes[~themes["restates_question"] & ~themes["restates_area"] & ~themes["topic"].isin(options)]
        shown = set().union(set(), *(_groups(g) for g in own["groups"]))
        apart = {
            int(g["group"])
            for a in q.get("words_apart", {}).get(area, [])
            for g in a["groups"]
            if int(g["year"]) == int(year)
        }
        listed = shown | apart | set().union(set(), *(_groups(g) for g in themes["groups"]))
        terms = analysis.terms
        terms = terms[(terms["core_area"] == area) & (terms["year"] == year)]
        listed |= set().union(set(), *(_groups(g) for g in terms["groups"]))
        for o in q.get("options", {}).get(area, {}).get(str(int(year)), []):
            listed |= {int(g) for g in o["groups"]}
        for s in q.get("stances", {}).get(area, {}).get(str(int(year)), []):
            listed |= {int(g) for g in s["groups"]}
        hidden = sorted(groups - shown - apart)
        apart_words = {
            (int(g["group"]), " ".join(w.split()).lower())
            for a in q.get("words_apart", {}).get(area, [])
            for g in a["groups"]
            for w in g["words"]
        }
        units = analysis.units
        part = units[(units["core_area"] == area) & (units["year"] == year) & (units["theme"] < 0)]
        left = [
            t
            for g, t in zip(part["group"], part["text"], strict=True)
            if (int(g), " ".join(str(t).split()).lower()) not in apart_words
        ]
        out.append(
            {
                "year": int(year),
                "area": area,
                "groups": len(groups),
                "one_group_themes": int((themes["n_groups"] == 1).sum()),
                "phrases_left_out": len(left),
                "no_point_shown": hidden,
                "phrases": _phrases(analysis, area, year, hidden),
                "nothing_listed": sorted(groups - listed),
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the figures of each set and one JSON line per set."""
    from bench_themes import SETS, load_set

    from pipeline.flows import analyse_seminar

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=[s.key for s in SETS])
    args = ap.parse_args(argv)
    for bench in SETS:
        if args.set and bench.key != args.set:
            continue
        loaded = load_set(bench)
        if loaded is None:
            continue
        _, cfg, result = loaded
        analysis = analyse_seminar(result.notes, result.rejects, cfg)
        rows = area_figures(analysis)
        print(f"{'area':40} groups 1-gr. left  no point shown (groups)      nothing listed")
        for r in rows:
            print(
                f"{r['area'][:40]:40} {r['groups']:6} {r['one_group_themes']:5} {r['phrases_left_out']:4}  "
                f"{len(r['no_point_shown']):2} {r['no_point_shown']!s:25} "
                f"{len(r['nothing_listed']):2} {r['nothing_listed']}"
            )
            for g, texts in r["phrases"].items():
                print(f"    group {g}: {'; '.join(texts)}")
        total = {
            "set": bench.key,
            "groups": sum(r["groups"] for r in rows),
            "one_group_themes": sum(r["one_group_themes"] for r in rows),
            "phrases_left_out": sum(r["phrases_left_out"] for r in rows),
            "no_point_shown": sum(len(r["no_point_shown"]) for r in rows),
            "nothing_listed": sum(len(r["nothing_listed"]) for r in rows),
        }
        print(json.dumps(total, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
