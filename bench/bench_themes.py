"""Benchmark the sub-themes against sub-themes read by hand, and their stability.

Runs ``analyse_seminar`` (what ``seminar run`` does) on the 2024 seminar and reports, per core
area: the recurring sub-themes found, which hand-read multi-group sub-themes
(``bench/data/subthemes_2024.toml``) they name, and for Social omsorg how many of the
municipality's six synthesis themes appear among the area's top 6 sub-themes (label or first
three keywords). Then the same notes in reversed order: the share of key phrases that keep
the same theme (adjusted Rand index of the unit → theme assignment).

Usage: ``python bench/bench_themes.py`` (prints tables and one JSON line).
"""

from __future__ import annotations

import json
import sys
import time
import tomllib
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "bench" / "data" / "subthemes_2024.toml"


def names(theme_row, stems: list[str]) -> bool:
    """Whether a theme's label or first three keywords contain one of the stems."""
    words = [theme_row.label.lower(), *[k.lower() for k in theme_row.keywords.split("; ")[:3]]]
    return any(stem in w for stem in stems for w in words)


def score(themes, gold: list[dict]) -> dict:
    """Per area: recurring themes, hand-read multi-group themes named by a recurring theme, synthesis themes in the top 6."""
    out = {}
    for area in dict.fromkeys(g["area"] for g in gold):
        area_themes = themes[(themes["core_area"] == area)]
        recurring = area_themes[area_themes["recurring"]]
        # themes of several groups in the question's own words are listed apart in the report
        asked = area_themes[area_themes["restates_question"] & ~area_themes["restates_area"] & (area_themes["n_groups"] >= 2)]
        multi = [g for g in gold if g["area"] == area and len(g["groups"]) >= 2]
        found = [g["point"] for g in multi if any(names(t, g["stems"]) for t in recurring.itertuples())]
        found_asked = [g["point"] for g in multi if g["point"] not in found and any(names(t, g["stems"]) for t in asked.itertuples())]
        top6 = list(recurring.head(6).itertuples())
        synthesis = [g for g in gold if g["area"] == area and g.get("synthesis")]
        out[area] = {
            "recurring": len(recurring),
            "restating": int(area_themes["restates_area"].sum()),
            "labels": list(recurring["label"]),
            "hand_read_found": f"{len(found)}/{len(multi)}",
            "found_as_question_words": found_asked,
            "question_themes": list(asked["label"]),
            "missed": [g["point"] for g in multi if g["point"] not in found and g["point"] not in found_asked],
            **({"synthesis_in_top6": f"{sum(any(names(t, g['stems']) for t in top6) for g in synthesis)}/{len(synthesis)}"} if synthesis else {}),
        }
    return out


def main() -> int:
    from pipeline.flows import analyse_seminar
    from pipeline.ingest import ingest
    from pipeline.io import config_sources, read_config

    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))["theme"]
    cfg = read_config(ROOT / "data/raw/2024/seminar.toml")
    result = ingest(config_sources(cfg), cfg)
    t = time.perf_counter()
    analysis = analyse_seminar(result.notes, result.rejects, cfg)
    seconds = time.perf_counter() - t
    scores = score(analysis.themes, gold)
    print(f"{'core area':<30} {'recurring':>9} {'restating':>9} {'hand-read':>9} {'synth. top 6':>12}")
    for area, s in scores.items():
        print(f"{area:<30} {s['recurring']:>9} {s['restating']:>9} {s['hand_read_found']:>9} {s.get('synthesis_in_top6', ''):>12}")
    for area, s in scores.items():
        print(f"\n{area}: {'; '.join(s['labels'])}")
        print(f"  in the question's own words: {'; '.join(s['question_themes']) or '-'} (hand-read found there: {len(s['found_as_question_words'])})")
        print(f"  missed: {'; '.join(s['missed']) or '-'}")
    reversed_notes = result.notes.iloc[::-1].reset_index(drop=True)
    again = analyse_seminar(reversed_notes, result.rejects, cfg)
    a = analysis.units.set_index("unit_id")["theme"]
    b = again.units.set_index("unit_id")["theme"].reindex(a.index)
    order_ari = round(float(adjusted_rand_score(a, b)), 4)
    same_labels = sorted(analysis.themes["label"]) == sorted(again.themes["label"])
    print(f"\ninput order reversed: ARI of unit → theme {order_ari}; same theme labels: {same_labels}")
    print(f"analyse_seminar: {seconds:.1f} s")
    print(json.dumps({"scores": scores, "order_ari": order_ari, "same_labels_reversed": same_labels, "seconds": round(seconds, 1)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
