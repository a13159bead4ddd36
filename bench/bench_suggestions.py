"""Benchmark the curation loop: a simulated analyst who knows the hand-read points decides the suggestions.

Per set (the 2024 seminar and the DR dev set, as in ``bench/bench_themes.py``) it runs
``analyse_seminar`` and the suggestions (``seminar run``'s), then simulates an analyst who reads
the suggestions best first and accepts exactly those whose two sides are one hand-read point
(each side's label, or a theme's first three keywords, contains one of the point's stems, and
each side counts one of the point's groups); the rest are rejected. The accepted ones are
applied as the codebook's decisions are, and it prints: hand-read points found before and after,
suggestions read, false suggestions among the first 10, and (2024) how many of the
municipality's synthesis themes Social omsorg's top 6 name after accepting.

Usage: ``python bench/bench_suggestions.py [--set 2024|dr]``. A benchmark (figures to read), not a test.
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

from bench_themes import SETS, _stem_in, load_set, score_set, synthesis_top6  # noqa: E402


def side_names(label: str, keywords: str, groups: str, point: dict) -> bool:
    """A suggestion's side is the point.

    Its label (or a theme's first three keywords) has a stem, and it counts one of its groups.
    """
    words = [label.lower(), *[k.lower() for k in keywords.split("; ") if k][:3]]
    return any(_stem_in(s, w) for s in point["stems"] for w in words) and bool(
        {int(g) for g in groups.split()} & set(point["groups"])
    )


def simulate(rows: list[dict], themes, points: list[dict]) -> list[tuple[dict, bool, str]]:
    """Each suggestion with the simulated analyst's decision and the point it is (or '')."""
    keywords = {(t.core_area, t.label): str(t.keywords) for t in themes.itertuples()}
    out = []
    for r in rows:
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


def run_set(bench) -> dict | None:
    """Analyse one set, simulate the analyst on its suggestions, print the figures (None.

    The set is absent).
    """
    from pipeline.curation import Codebook
    from pipeline.curation.decisions import Decision
    from pipeline.danish.stop_words import STOP_WORDS
    from pipeline.flows import analyse_seminar, area_and_topic_words, curate_analysis
    from pipeline.flows.curate import suggestions_of
    from pipeline.nlp import build_nlp, stop_words

    loaded = load_set(bench)
    if loaded is None:
        return None
    points, cfg, result = loaded
    nlp = build_nlp(cfg.nlp)
    auto = analyse_seminar(result.notes, result.rejects, cfg, nlp=nlp)
    words, topic_words = area_and_topic_words(cfg, result.notes, nlp, stop_words(cfg.nlp))
    t = time.perf_counter()
    sugg = suggestions_of(auto, cfg, words=words)
    seconds = round(time.perf_counter() - t, 1)
    stops = frozenset(STOP_WORDS)
    before = score_set(auto, points, stops)
    decided = simulate(sugg.to_dict("records"), auto.themes, points)
    decisions = tuple(
        Decision(
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
        for r, ok, _ in decided
    )
    after_analysis = curate_analysis(
        auto, cfg, Codebook("simulated", decisions=decisions), words=words, topic_words=topic_words
    )
    after = score_set(after_analysis, points, stops)
    n_areas = auto.notes["core_area"].nunique()
    out = {
        "set": bench.key,
        "points": before["points"],
        "found_before": before["found"],
        "found_after": after["found"],
        "suggestions_read": len(sugg),
        "core_areas": int(n_areas),
        "suggestions_per_ten_areas": round(10 * len(sugg) / n_areas, 1),
        "accepted": sum(ok for _, ok, _ in decided),
        "false_in_first_10": sum(not ok for _, ok, _ in decided[:10]),
        "suggest_seconds": seconds,
        "missed_after": [m for a in after["per_area"].values() for m in a["missed"]],
    }
    if bench.key == "2024":
        out["synthesis_top6_before"] = synthesis_top6(auto.themes, points)
        out["synthesis_top6_after"] = synthesis_top6(after_analysis.themes, points)
    print(
        f"hand-read points found: before {before['found']}/{before['points']}, after accepting "
        f"{after['found']}/{after['points']}"
    )
    print(
        f"suggestions read: {len(sugg)} ({out['suggestions_per_ten_areas']} per ten core areas); accepted "
        f"{out['accepted']}; false among the first 10: {out['false_in_first_10']}"
    )
    if "synthesis_top6_after" in out:
        print(
            f"Social omsorg top 6 name of the synthesis: before {out['synthesis_top6_before']}, after "
            f"{out['synthesis_top6_after']}"
        )
    print("suggestions (rank | area | theme | other | accepted as point):")
    for r, ok, point in decided:
        print(
            f"  {r['rank']:>2} | {r['core_area'][:22]} | {r['theme']} | {r['other']} | {point if ok else '-'}"
        )
    joined = [t for t in after_analysis.themes.itertuples() if t.curated]
    print(
        "themes joined by the accepted suggestions:",
        "; ".join(f"{t.label} ({t.n_groups} af {t.n_groups_total})" for t in joined) or "none",
    )
    print("missed after accepting:", "; ".join(out["missed_after"]) or "none")
    print(json.dumps(out, ensure_ascii=False))
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the sets asked for (default: both)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--set", choices=[b.key for b in SETS], action="append", help="run only this set (repeatable)"
    )
    args = parser.parse_args(argv)
    for bench in SETS:
        if not args.set or bench.key in args.set:
            run_set(bench)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
