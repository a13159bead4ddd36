"""The curation loop's ceiling: points found reading N suggestions in one round, and why the rest are missed.

``python bench/bench_suggestions.py --read 25 50 100 200 all`` runs this instead of the default
loop. For each N the simulated analyst of :mod:`bench_suggestions` reads, in one round, the list
``seminar run`` would give if its cap were N (:func:`pipeline.curation.suggest.suggest`'s own
``limit``; the pipeline's default cap is not changed), decides each suggestion, and the accepted
ones are applied as the codebook's decisions are. ``all`` reads every candidate the pipeline
scores (the cap lifted beyond their number). Per set it prints:

* per N: suggestions read, accepted, false ones, false among the first 10, points found after;
* the precision curve: false suggestions among the first 10 and 25 (today's list of 25), 50 and
  100 (the lists of 50 and 100);
* each point found only beyond today's 25: the rank of its first true suggestion in the shortest
  list that finds it, its score, the score of rank 25 in today's list, and its rank among every
  candidate by score alone;
* each point still missed after reading every candidate, with why (:func:`why_missed`).

A benchmark (figures to read), not a test.
"""

from __future__ import annotations

import json
import time

from bench_suggestions import _decision, names_point, side_names, simulate
from bench_themes import _stem_in, load_set, score_set, synthesis_top6

#: A cap beyond any set's number of candidates: "all".
ALL = 100_000
#: The reads the brief asks for when ``--read`` is given without values.
DEFAULT_READS = ("25", "50", "100", "200", "all")


def parse_read(value: str) -> int | None:
    """One ``--read`` value: a positive number, or ``all`` (None)."""
    if value == "all":
        return None
    n = int(value) if value.isdigit() else 0
    if n < 1:
        raise ValueError(f"--read {value}: give a positive number or 'all'")
    return n


def suggestions_upto(analysis, cfg, *, words, cache, limit: int | None):
    """What :func:`pipeline.flows.curate.suggestions_of` gives, with the cap at ``limit`` (None: all)."""
    from pipeline.curation.apart import words_apart
    from pipeline.curation.suggest import suggest
    from pipeline.topics import EmbeddingParams
    from pipeline.topics.embedding import named_embedder

    params = EmbeddingParams.of(cfg.topics)
    embedder = named_embedder(
        analysis.quality.get("embedding", params.requested), seed=params.seed, cache=cache
    )
    embed = embedder.encode if hasattr(embedder, "encode") else embedder.fit_transform
    rows = suggest(
        analysis.themes,
        analysis.units,
        analysis.statements,
        embed=embed,
        area_words=words,
        apart=words_apart(analysis.quality),
        options={
            area: frozenset(int(t) for t in ids)
            for area, ids in analysis.quality.get("option_themes", {}).items()
        },
        limit=ALL if limit is None else limit,
    )
    if limit is None and len(rows) >= ALL:
        raise RuntimeError("more candidates than the 'all' cap: raise ALL")
    return rows


def read_once(auto, cfg, points, words, topic_words, rows) -> tuple:
    """The analyst decides every row (one round): the analysis with the accepted ones applied, the rows."""
    from pipeline.curation import Codebook
    from pipeline.flows import curate_analysis

    judged = simulate(rows, auto.themes, points)
    decisions = tuple(_decision(r, ok) for r, ok, _ in judged)
    after = curate_analysis(
        auto, cfg, Codebook("simulated", decisions=decisions), words=words, topic_words=topic_words
    )
    return after, judged


def is_of(row: dict, point: dict, keywords: dict) -> bool:
    """The simulated analyst accepts ``row`` as ``point`` (the matcher of ``bench_suggestions.simulate``)."""
    if row["core_area"] != point["area"]:
        return False
    kw = keywords.get((row["core_area"], row["theme"]), "")
    if row["kind"] == "point":
        return names_point(row["theme"], kw, row["theme_groups"], point)
    other = keywords.get((row["core_area"], row["other"]), "")
    return side_names(row["theme"], kw, row["theme_groups"], point) and side_names(
        row["other"], other, row["other_groups"], point
    )


def _names(text: str, point: dict) -> bool:
    return any(_stem_in(s, text.lower()) for s in point["stems"])


def claims(auto, point: dict) -> tuple[set[int], dict[str, int]]:
    """The point's groups whose statements in its area hold one of its stems, and its claims.

    Claims: the key phrases (units) of the point's groups in its area whose words hold a stem,
    unit id → group.
    """
    groups = set(point["groups"])
    st = auto.statements[
        (auto.statements["core_area"] == point["area"]) & auto.statements["group"].isin(groups)
    ]
    said = {int(r.group) for r in st.itertuples() if _names(f"{r.text} {r.lemmas}", point)}
    un = auto.units[(auto.units["core_area"] == point["area"]) & auto.units["group"].isin(groups)]
    unit_claims = {
        str(r.unit_id): int(r.group) for r in un.itertuples() if _names(f"{r.text} {r.lemmas}", point)
    }
    return said, unit_claims


def _joins_two(row: dict, unit_claims: dict[str, int]) -> bool:
    """The row joins claims of two different groups of the point (a ``point`` row: its theme holds two)."""
    a = {unit_claims[u] for u in row["theme_units"].split() if u in unit_claims}
    if row["kind"] == "point":
        return len(a) >= 2
    b = {unit_claims[u] for u in row["other_units"].split() if u in unit_claims}
    return bool(a and b and len(a | b) >= 2)


def _held_by_one(t, held: set[int], point: dict, all_rows: list[dict], judged: dict) -> str:
    """Why a point one theme holds the claims of (two of its groups) is missed."""
    from bench_themes import names

    head = f"one theme holds claims of groups {sorted(held)}: '{t.label}'"
    if not names(t, point):
        return f"{head}, its label and first keywords do not name the point (a label, not a join)"
    if t.recurring:
        return f"{head}, recurring and named, but counts {sorted(held)} only of {point['groups']}"
    flags = [f for f in ("restates_question", "restates_area") if bool(getattr(t, f, False))]
    offer = [r for r in all_rows if r["kind"] == "point" and r["theme"] == t.label]
    said = (
        f"a `point` suggestion proposed ({'accepted' if judged.get(offer[0]['id']) else 'rejected'})"
        if offer
        else "no `point` suggestion proposed for it"
    )
    return f"{head} names it but is not counted ({', '.join(flags) or 'one group'}); {said}"


def skip_reason(auto, side_key: str, area: str, area_words: dict) -> str:
    """Why ``suggest`` pairs a side with nothing: the rule of ``pipeline.curation.suggest`` that skips it.

    Read-only use of the module's own lookups (so the bench names the rule the pipeline applies).
    """
    from pipeline.curation import suggest as sg
    from pipeline.curation.grounds import names_an_area

    sides = sg.sides_of(auto.themes, auto.units, auto.statements)
    options = {a: frozenset(int(t) for t in ids) for a, ids in auto.quality.get("option_themes", {}).items()}
    ctx = sg._lookups(auto.themes, auto.units, auto.statements, area_words, {}, options)
    s = next((x for x in sides if x.area == area and x.key == side_key), None)
    if s is None:
        return "no side"
    own, no_point = ctx["area_words"].get(area, frozenset()), ctx["no_point"].get(area, frozenset())
    w = {x for u in s.unit_ids for x in str(ctx["unit_lemmas"].get(u, "")).split()} | set(s.words.split())
    if s.topic < 0 and not (w - own - sg._NO_POINT - no_point):
        parts = [
            f"{x}: " + ("area's own" if x in own else "no-point" if x in sg._NO_POINT else "empty here")
            for x in sorted(w)
        ]
        return "skipped, only words that name no point (" + ", ".join(parts) + ")"
    if not set(s.words.split()) - sg._NO_POINT:
        return "skipped, its label only no-point words"
    if s.key in ctx["restating"]:
        return "skipped, restates the area or question"
    if names_an_area(w, area, ctx["area_names"], sg._NO_POINT):
        return "skipped, names another core area"
    return "not skipped: every pair counts no group more, or was taken apart"


def _claim_sides(auto, point: dict, unit_claims: dict[str, int], all_rows: list[dict], area_words) -> str:
    """The sides the claims are on (a theme, or the key phrase itself), each with its candidates."""
    themes = auto.themes[auto.themes["core_area"] == point["area"]]
    key_of = {
        str(u): (str(t.theme_key), str(t.label)) for t in themes.itertuples() for u in str(t.units).split()
    }
    units = auto.units.set_index("unit_id")
    out = {}
    for u, g in sorted(unit_claims.items()):
        key, label = key_of.get(u, (u, str(units.loc[u, "text"])))
        n = sum(key in (r["theme_key"], r["other_key"]) for r in all_rows)
        out.setdefault((key, label, n), set()).add(g)
    return "; ".join(
        f"'{label}' (group {sorted(gs)}, in {n} candidates"
        + (f": {skip_reason(auto, key, point['area'], area_words)})" if n == 0 else ")")
        for (key, label, n), gs in out.items()
    )


def why_missed(auto, point: dict, all_rows: list[dict], judged: dict, after, area_words) -> str:
    """Why a point is still missed after reading every candidate (the first reason that holds).

    ``judged``: id → accepted, for every row read; ``after``: the analysis after accepting;
    ``area_words``: the areas' own words (as ``suggest`` is given them).
    """
    need = min(2, len(point["groups"]))
    said, unit_claims = claims(auto, point)
    if len(said) < need:
        return (
            f"stems absent: {len(said)} of its groups {point['groups']} write a stem in the area "
            "(said in other words: no side can name it)"
        )
    claimed = set(unit_claims.values())
    if len(claimed) < need:
        return (
            f"no claim: {sorted(said)} write a stem, key phrases hold one for {sorted(claimed) or 'none'} "
            "only (the theme stage made no claim of the rest)"
        )
    themes = auto.themes[auto.themes["core_area"] == point["area"]]
    for t in themes.itertuples():
        held = {unit_claims[u] for u in str(t.units).split() if u in unit_claims}
        if len(held) >= need:
            return _held_by_one(t, held, point, all_rows, judged)
    joining = [r for r in all_rows if r["core_area"] == point["area"] and _joins_two(r, unit_claims)]
    if not joining:
        return (
            f"no candidate: claims of groups {sorted(claimed)}, no candidate pair joins two groups' "
            f"claims; their sides: {_claim_sides(auto, point, unit_claims, all_rows, area_words)}"
        )
    accepted = [r for r in joining if judged.get(r["id"])]
    if not accepted:
        r = joining[0]
        return (
            f"matcher rejects: {len(joining)} candidate(s) join two groups' claims, none accepted; "
            f"best rank {r['rank']} '{r['theme']}' + '{r['other']}' (a side's label does not name it)"
        )
    log = (after.quality.get("curation") or {}).get("joins", [])
    unapplied = {(j["theme"], j["other"]) for j in log if not j["applied"]}
    r = accepted[0]
    state = "not applied" if (r["theme"], r["other"]) in unapplied else "applied"
    return (
        f"accepted, still missed: {len(accepted)} accepted; first rank {r['rank']} "
        f"'{r['theme']}' + '{r['other']}' ({state}); the joined theme does not find it"
    )


def _found(analysis, points, stops) -> tuple[int, set[str]]:
    score = score_set(analysis, points, stops)
    missed = {m for a in score["per_area"].values() for m in a["missed"]}
    return score["found"], {p["point"] for p in points if len(p["groups"]) >= 2} - missed


def run_ceiling(bench, reads: list[int | None]) -> dict | None:
    """Read each N of ``reads`` (None: all) in one round on one set; print the figures and the reasons."""
    from pipeline.danish.stop_words import STOP_WORDS
    from pipeline.flows import analyse_seminar, area_and_topic_words
    from pipeline.nlp import build_nlp, stop_words

    loaded = load_set(bench)
    if loaded is None:
        return None
    points, cfg, result = loaded
    t0 = time.perf_counter()
    nlp = build_nlp(cfg.nlp)
    auto = analyse_seminar(result.notes, result.rejects, cfg, nlp=nlp)
    words, topic_words = area_and_topic_words(cfg, result.notes, nlp, stop_words(cfg.nlp))
    stops = frozenset(STOP_WORDS)
    n_before, found_before = _found(auto, points, stops)
    n_points = sum(len(p["groups"]) >= 2 for p in points)
    print(f"hand-read points found before: {n_before}/{n_points} (analysis {time.perf_counter() - t0:.0f} s)")
    keywords = {(t.core_area, t.label): str(t.keywords) for t in auto.themes.itertuples()}
    cache: dict = {}
    reads = sorted(set(reads), key=lambda n: (n is None, n or 0))
    if 25 not in reads:
        reads = [25, *reads]  # today's list: the reference every other read is measured against
    runs: dict = {}
    for n in reads:
        t = time.perf_counter()
        rows = suggestions_upto(auto, cfg, words=words, cache=cache, limit=n).to_dict("records")
        after, judged = read_once(auto, cfg, points, words, topic_words, rows)
        n_after, found = _found(after, points, stops)
        runs[n] = {"rows": rows, "judged": judged, "after": after, "found": found}
        fig = {
            "read": len(rows),
            "accepted": sum(ok for _, ok, _ in judged),
            "false": sum(not ok for _, ok, _ in judged),
            "false_in_first_10": sum(not ok for _, ok, _ in judged[:10]),
            "found_after": n_after,
            "seconds": round(time.perf_counter() - t, 1),
        }
        if bench.key == "2024":
            fig["synthesis_top6_after"] = synthesis_top6(after.themes, points)
        runs[n]["fig"] = fig
        top6 = f"; Social omsorg top 6: {fig['synthesis_top6_after']}" if bench.key == "2024" else ""
        print(
            f"-- read {'all' if n is None else n}: {fig['read']} read, {fig['accepted']} accepted, "
            f"{fig['false']} false ({fig['false_in_first_10']} among the first 10); found after "
            f"{n_after}/{n_points}{top6} ({fig['seconds']} s)"
        )
    out = {
        "set": bench.key,
        "points": n_points,
        "found_before": n_before,
        "reads": {"all" if n is None else str(n): r["fig"] for n, r in runs.items()},
        "precision": _precision(runs),
    }
    print("false among the first k:", json.dumps(out["precision"]))
    out["beyond_25"] = _beyond_25(runs, points, found_before, keywords)
    out["missed_after_all"] = _missed_after_all(runs, auto, points, reads, words)
    out["perfect_ranking"] = _perfect(runs[reads[-1]]["rows"], (auto, cfg, points, words, topic_words), stops)
    print(json.dumps(out, ensure_ascii=False))
    return out


def _perfect(rows: list[dict], run: tuple, stops) -> dict:
    """A perfect ranking of the candidates: per point not found before, its first true suggestion only."""
    auto, cfg, points, words, topic_words = run
    _, found_before = _found(auto, points, stops)
    keywords = {(t.core_area, t.label): str(t.keywords) for t in auto.themes.itertuples()}
    chosen: dict[str, dict] = {}
    for p in points:
        if len(p["groups"]) >= 2 and p["point"] not in found_before:
            first = next((r for r in rows if is_of(r, p, keywords)), None)
            if first is not None:
                chosen.setdefault(first["id"], first)
    after, _ = read_once(auto, cfg, points, words, topic_words, list(chosen.values()))
    n_after, _ = _found(after, points, stops)
    print(f"a perfect ranking: {len(chosen)} true suggestions read (one per point), found after {n_after}")
    return {"read": len(chosen), "found_after": n_after}


def _precision(runs: dict) -> dict:
    """False suggestions among the first 10 and 25 (the list of 25), 50 and 100 (the lists of 50, 100)."""
    out = {}
    for k, n in ((10, 25), (25, 25), (50, 50), (100, 100)):
        if n in runs and len(runs[n]["judged"]) >= k:
            out[str(k)] = sum(not ok for _, ok, _ in runs[n]["judged"][:k])
    return out


def _beyond_25(runs: dict, points: list[dict], found_before: set[str], keywords: dict) -> list[dict]:
    """Each point found by a longer read but not by today's 25: its first true suggestion and its score."""
    today = runs[25]["rows"]
    score_25 = today[24]["score"] if len(today) >= 25 else None
    longest = runs[max(runs, key=lambda n: (n is None, n or 0))]["rows"]
    by_score = sorted(longest, key=lambda r: (-r["score"], r["id"]))
    out = []
    print(
        "points found only beyond today's 25 (first true suggestion: rank in the shortest list finding it):"
    )
    for p in points:
        if p["point"] in found_before or p["point"] in runs[25]["found"]:
            continue
        first_n = next((n for n in runs if p["point"] in runs[n]["found"]), "none")
        if first_n == "none":
            continue
        rows = [r for r in runs[first_n]["rows"] if is_of(r, p, keywords)]
        # none of its own: a join accepted as another point of the area made a theme that finds it
        via = [r for r, ok, _ in runs[first_n]["judged"] if ok and r["core_area"] == p["area"]]
        r = rows[0] if rows else via[0] if via else None
        row = {
            "area": p["area"],
            "point": p["point"],
            "first_found_reading": "all" if first_n is None else first_n,
            "found_reading": ["all" if n is None else n for n in runs if p["point"] in runs[n]["found"]],
            "own_suggestion": bool(rows),
            "rank": r["rank"] if r else None,
            "score": r["score"] if r else None,
            "score_rank_25_today": score_25,
            "min_score_today": min(x["score"] for x in today) if today else None,
            "rank_by_score": next((i for i, x in enumerate(by_score, 1) if r and x["id"] == r["id"]), None),
            "pair": f"{r['theme']} + {r['other']}" if r else "",
        }
        out.append(row)
        print(
            f"  {p['area'][:22]} | {p['point']} | read {row['first_found_reading']} | rank {row['rank']} | "
            f"score {row['score']} (rank 25 today {score_25}) | by score {row['rank_by_score']} | "
            f"{row['pair'] if rows else 'via another join: ' + row['pair']} | found reading "
            f"{row['found_reading']}"
        )
    return out


def _missed_after_all(runs: dict, auto, points: list[dict], reads: list, area_words) -> list[dict]:
    """Each point (of two or more groups) missed after the longest read, with why."""
    last = runs[reads[-1]]
    judged = {r["id"]: ok for r, ok, _ in last["judged"]}
    out = []
    print(f"missed after reading {'all' if reads[-1] is None else reads[-1]}, and why:")
    for p in points:
        if len(p["groups"]) < 2 or p["point"] in last["found"]:
            continue
        why = why_missed(auto, p, last["rows"], judged, last["after"], area_words)
        out.append({"area": p["area"], "point": p["point"], "why": why})
        print(f"  {p['area'][:22]} | {p['point']} | {why}")
    return out
