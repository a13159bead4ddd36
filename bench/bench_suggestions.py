"""Benchmark the curation loop: a simulated analyst who knows the hand-read points decides the suggestions.

Per set (the 2024 seminar and the DR dev set, as in ``bench/bench_themes.py``) it runs
``analyse_seminar`` and the suggestions (``seminar run``'s), then simulates an analyst who reads
the suggestions best first and accepts exactly those whose two sides are one hand-read point
(each side's label, or a theme's first three keywords, contains one of the point's stems, and
each side counts one of the point's groups), and the suggestions to keep a theme of only the
question's words as a point whose theme names a hand-read point so and counts two of its groups;
the rest are rejected. The accepted ones are
applied as the codebook's decisions are. The analyst reads within one budget (25 per ten core
areas, at least 25) two ways: *one round* (the first list) and *rounds* (read at most
``--per-round``, decide, run again with the accepted joins applied and the decided ids not
proposed again, as ``seminar run`` after ``seminar curate accept/reject``). For each it prints:
hand-read points found before and after, suggestions read, accepted (and how many of points a
theme showed before), false suggestions among the first 10, accepted joins not applied, and
(2024) how many of the municipality's synthesis themes Social omsorg's top 6 name after accepting.

Usage: ``python bench/bench_suggestions.py [--set 2024|dr] [--per-round 5] [--points-2024 PATH]
[--points-dr PATH] [--read N [N ...]]`` (``--points-*``: the analyst knows another reader's points;
``--read 25 50 100 200 all``: instead of the above, the loop's ceiling, :mod:`bench_ceiling`: the
analyst reads N suggestions in one round, the cap lifted to N for the bench only). A benchmark
(figures to read), not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_themes import (  # noqa: E402
    SETS,
    _stem_in,
    add_points_args,
    load_set,
    score_set,
    sets_with_points,
    synthesis_top6,
)


def side_names(label: str, keywords: str, groups: str, point: dict) -> bool:
    """A suggestion's side is the point.

    Its label (or a theme's first three keywords) has a stem, and it counts one of its groups.
    """
    words = [label.lower(), *[k.lower() for k in keywords.split("; ") if k][:3]]
    return any(_stem_in(s, w) for s in point["stems"] for w in words) and bool(
        {int(g) for g in groups.split()} & set(point["groups"])
    )


def names_point(label: str, keywords: str, groups: str, point: dict) -> bool:
    """A point suggestion's theme is the point: it names it (as a side does) and counts two of its groups.

    The matcher of a merge's side (:func:`side_names`), with the two groups a join of two sides
    counts at least: no looser than a merge.
    """
    counted = {int(g) for g in groups.split()} & set(point["groups"])
    return side_names(label, keywords, groups, point) and len(counted) >= 2


def simulate(rows: list[dict], themes, points: list[dict]) -> list[tuple[dict, bool, str]]:
    """Each suggestion with the simulated analyst's decision and the point it is (or '').

    A merge or move is accepted when both sides are one hand-read point; a point (a theme of only
    the question's words kept as a point) when its theme names a hand-read point with two of its groups.
    """
    keywords = {(t.core_area, t.label): str(t.keywords) for t in themes.itertuples()}
    out = []
    for r in rows:
        if r["kind"] == "point":
            kw = keywords.get((r["core_area"], r["theme"]), "")
            hit = next(
                (
                    p["point"]
                    for p in points
                    if p["area"] == r["core_area"] and names_point(r["theme"], kw, r["theme_groups"], p)
                ),
                "",
            )
            out.append((r, bool(hit), hit))
            continue
        hit = next(
            (
                p["point"]
                for p in points
                if p["area"] == r["core_area"]
                and side_names(
                    r["theme"], keywords.get((r["core_area"], r["theme"]), ""), r["theme_groups"], p
                )
                and side_names(
                    r["other"], keywords.get((r["core_area"], r["other"]), ""), r["other_groups"], p
                )
            ),
            "",
        )
        out.append((r, bool(hit), hit))
    return out


def _decision(r: dict, ok: bool):
    """The simulated analyst's decision on one suggestion row, as ``seminar curate accept``/``reject``."""
    from pipeline.curation.decisions import Decision

    return Decision(
        r["id"],
        r["core_area"],
        r["kind"],
        ok,
        r["theme"],
        r["other"],
        r["theme_words"],
        r["other_words"],
        r["theme_key"],
        r["other_key"],
    )


def loop(auto, cfg, points, words, topic_words, *, budget: int, per_round: int) -> dict:
    """The analyst's loop: read at most ``per_round`` suggestions, decide, run again, until ``budget`` read.

    Each round is what ``seminar run`` gives with the codebook as it stands: the accepted joins
    applied (:func:`curate_analysis`), the decided ids not proposed again. ``per_round`` as large
    as ``budget`` is one round (read the first list only).
    """
    from pipeline.curation import Codebook
    from pipeline.flows import curate_analysis
    from pipeline.flows.curate import suggestions_of

    cache: dict = {}
    decisions: list = []
    read: list[tuple[int, dict, bool, str]] = []
    analysis, seconds = auto, 0.0
    while len(read) < budget:
        t = time.perf_counter()
        sugg = suggestions_of(
            analysis, cfg, words=words, decided=tuple(d.id for d in decisions), embedding_cache=cache
        )
        seconds += time.perf_counter() - t
        rows = sugg.to_dict("records")[: min(per_round, budget - len(read))]
        if not rows:
            break
        for r, ok, point in simulate(rows, analysis.themes, points):
            read.append((len(read) // per_round + 1, r, ok, point))
            decisions.append(_decision(r, ok))
        analysis = curate_analysis(
            auto, cfg, Codebook("simulated", decisions=tuple(decisions)), words=words, topic_words=topic_words
        )
    return {"read": read, "analysis": analysis, "seconds": round(seconds, 1)}


def run_set(bench, per_round: int = 5) -> dict | None:
    """Analyse one set, simulate the analyst on its suggestions (one round, then rounds), print the figures.

    None: the set is absent.
    """
    from pipeline.curation.suggest import MAX_SUGGESTIONS
    from pipeline.danish.stop_words import STOP_WORDS
    from pipeline.flows import analyse_seminar, area_and_topic_words
    from pipeline.nlp import build_nlp, stop_words

    loaded = load_set(bench)
    if loaded is None:
        return None
    points, cfg, result = loaded
    nlp = build_nlp(cfg.nlp)
    auto = analyse_seminar(result.notes, result.rejects, cfg, nlp=nlp)
    words, topic_words = area_and_topic_words(cfg, result.notes, nlp, stop_words(cfg.nlp))
    stops = frozenset(STOP_WORDS)
    before = score_set(auto, points, stops)
    n_areas = int(auto.notes["core_area"].nunique())
    budget = MAX_SUGGESTIONS * max(1, n_areas // 10)
    missed_before = {m for a in before["per_area"].values() for m in a["missed"]}
    out = {
        "set": bench.key,
        "points": before["points"],
        "found_before": before["found"],
        "core_areas": n_areas,
    }
    print(f"hand-read points found before: {before['found']}/{before['points']}")
    for name, size in (("one_round", budget), ("rounds", per_round)):
        run = loop(auto, cfg, points, words, topic_words, budget=budget, per_round=size)
        after = score_set(run["analysis"], points, stops)
        read = run["read"]
        fig = {
            "found_after": after["found"],
            "suggestions_read": len(read),
            "suggestions_per_ten_areas": round(10 * len(read) / n_areas, 1),
            "accepted": sum(ok for _, _, ok, _ in read),
            "points_read": sum(r["kind"] == "point" for _, r, _, _ in read),
            "points_accepted": sum(ok and r["kind"] == "point" for _, r, ok, _ in read),
            "false_in_first_10": sum(not ok for _, _, ok, _ in read[:10]),
            "suggest_seconds": run["seconds"],
            "missed_after": [m for a in after["per_area"].values() for m in a["missed"]],
            # an accepted join of a point a theme shows already adds a group to its count, and
            # finds no point more: budget the ranking may spend on points not shown yet
            "accepted_already_found": sum(ok and point not in missed_before for _, _, ok, point in read),
        }
        if bench.key == "2024":
            fig["synthesis_top6_after"] = synthesis_top6(run["analysis"].themes, points)
        out[name] = fig
        _print_run(name, size, fig, read, run["analysis"], before, after)
    if bench.key == "2024":
        out["synthesis_top6_before"] = synthesis_top6(auto.themes, points)
    print(json.dumps(out, ensure_ascii=False))
    return out


def _print_run(name: str, size: int, fig: dict, read: list, analysis, before: dict, after: dict) -> None:
    """One way of reading (one round, or rounds of ``size``): its figures and what was read."""
    print(f"-- {name} (at most {size} suggestions a round)")
    print(
        f"hand-read points found: before {before['found']}/{before['points']}, after accepting "
        f"{after['found']}/{after['points']}"
    )
    print(
        f"suggestions read: {fig['suggestions_read']} ({fig['suggestions_per_ten_areas']} per ten core "
        f"areas); accepted {fig['accepted']} ({fig['accepted_already_found']} of points found before); "
        f"false among the first 10: {fig['false_in_first_10']}; of kind point: {fig['points_read']} read, "
        f"{fig['points_accepted']} accepted"
    )
    if "synthesis_top6_after" in fig:
        print(f"Social omsorg top 6 name of the synthesis after: {fig['synthesis_top6_after']}")
    print("suggestions (round | rank | area | kind | theme | other | accepted as point):")
    for rnd, r, ok, point in read:
        print(
            f"  {rnd:>2} | {r['rank']:>2} | {r['core_area'][:22]} | {r['kind']} | {r['theme']} | "
            f"{r['other']} | {point if ok else '-'}"
        )
    joined = [t for t in analysis.themes.itertuples() if t.curated]
    print(
        "themes joined by the accepted suggestions:",
        "; ".join(f"{t.label} ({t.n_groups} af {t.n_groups_total})" for t in joined) or "none",
    )
    log = (analysis.quality.get("curation") or {}).get("joins", [])
    unapplied = [f"{j['theme']} | {j['other']}" for j in log if not j["applied"]]
    print("accepted but not applied:", "; ".join(unapplied) or "none")
    print("missed after accepting:", "; ".join(fig["missed_after"]) or "none")


def main(argv: list[str] | None = None) -> int:
    """Run the sets asked for (default: both)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--set", choices=[b.key for b in SETS], action="append", help="run only this set (repeatable)"
    )
    parser.add_argument("--per-round", type=int, default=5, help="suggestions read per round (default 5)")
    parser.add_argument(
        "--read",
        nargs="+",
        metavar="N",
        help="read N suggestions in one round, the cap lifted to N (numbers, or 'all'; e.g. 25 50 100 "
        "200 all): the loop's ceiling instead of the default figures (bench/bench_ceiling.py)",
    )
    add_points_args(parser)
    args = parser.parse_args(argv)
    reads = None
    if args.read:
        from bench_ceiling import parse_read, run_ceiling

        try:
            reads = [parse_read(v) for v in args.read]
        except ValueError as exc:
            parser.error(str(exc))
    for bench in sets_with_points(args.points_2024, args.points_dr):
        if not args.set or bench.key in args.set:
            if reads is not None:
                run_ceiling(bench, reads)
            else:
                run_set(bench, args.per_round)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
