"""Benchmark the sub-themes against points read by hand, on two sets, and check that every count is true.

Sets:

* the 2024 seminar (``data/raw/2024/seminar.toml``) against ``bench/data/subthemes_2024.toml``;
* DR Nyheder's 2015 "Mærkesager" development set, read in place from
  ``../shared/data/dr-maerkesager-dev`` (skipped with a line when absent), against
  ``bench/data/maerkesager_2015_points.toml`` (only my own points and cue words are in the project).

Per set it runs ``analyse_seminar`` (what ``seminar run`` does) and prints:

* the hand-read points found among the recurring themes: *named* (a recurring theme's label or first
  three keywords contain one of the point's stems) and *found* (named by a theme that also counts at
  least two of the point's groups, or its one group);
* the recurring themes per area, and a table of every recurring theme: area, label, "k af n",
  groups, the hand-read point it names (or none);
* "counted group fits label": for each recurring theme and each group it counts, whether that
  group's own evidence (its statements in the theme's evidence) contains every content word of the
  label, as the word, an inflected or derived form, a compound holding it, a DanNet synonym
  (when ``../shared/data/dannet-thesaurus`` is there), or a verb whose action the label word names
  (the tool's rule, :func:`pipeline.danish.names_action`: "ryge" says "rygning"). The failures are listed;
* labels in a definite form ("Ofrene", "Det offentlige");
* the same notes in reversed order: the adjusted Rand index of unit → theme, and whether the
  labels are the same;
* the share of recurring themes a reader judged real points (``bench/data/verdicts_*.toml``, by
  area, label and groups; themes not judged yet are counted apart);
* for 2024, how many of the six themes of the municipality's synthesis for Social omsorg the
  area's top 6 recurring themes name.

Usage: ``python bench/bench_themes.py [--set 2024|dr] [--code TREE] [--points-2024 PATH] [--points-dr
PATH]`` (prints tables and one JSON line per set; ``--points-*`` scores against another reader's points,
e.g. ``bench/data/reader2_points_*.toml``); ``--evidence`` prints each recurring theme's units and
statements per counted group instead, to judge.
It is a benchmark (figures to read), not a test: no threshold fails it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data"
THESAURUS = SHARED / "dannet-thesaurus" / "th_da_DK_dannet.dat"


@dataclass(frozen=True)
class BenchSet:
    """One set: its seminar.toml and the points read by hand."""

    key: str
    title: str
    config: Path
    points: Path
    verdicts: Path


SETS = (
    BenchSet(
        "2024",
        "2024 seminar (Hedensted)",
        ROOT / "data/raw/2024/seminar.toml",
        ROOT / "bench/data/subthemes_2024.toml",
        ROOT / "bench/data/verdicts_2024.toml",
    ),
    BenchSet(
        "dr",
        "DR Mærkesager 2015 (dev)",
        SHARED / "dr-maerkesager-dev" / "seminar.toml",
        ROOT / "bench/data/maerkesager_2015_points.toml",
        ROOT / "bench/data/verdicts_2015.toml",
    ),
)

# the six themes of the municipality's own synthesis for Social omsorg (marked in subthemes_2024.toml)
SYNTHESIS_AREA = "Social omsorg"


def add_points_args(parser: argparse.ArgumentParser) -> None:
    """The options that measure against another reader's points instead of the hand-read ones."""
    for key in ("2024", "dr"):
        parser.add_argument(
            f"--points-{key}",
            type=Path,
            metavar="PATH",
            help=f"score the {key} set against these points (same TOML shape) instead of the hand-read ones",
        )


def sets_with_points(points_2024: Path | None = None, points_dr: Path | None = None) -> tuple[BenchSet, ...]:
    """The sets, each scored against the given reader's points where one is given."""
    given = {"2024": points_2024, "dr": points_dr}
    return tuple(replace(b, points=given[b.key].resolve()) if given[b.key] else b for b in SETS)


# ----------------------------------------------------------------------------- matching points


def _theme_words(theme) -> list[str]:
    """A theme's label and first three keywords, lowercased."""
    keywords = [k for k in str(theme.keywords).split("; ") if k][:3]
    return [str(theme.label).lower(), *[k.lower() for k in keywords]]


def _stem_in(stem: str, text: str) -> bool:
    """A stem names a text when it occurs in it.

    Stems of three letters or fewer must be whole words ("ja", "fn"); a stem written "^word" must
    start a word ("^mulighed" names "Mulighed", not "Kulturmuligheder").
    """
    stem = stem.lower()
    if stem.startswith("^"):
        return re.search(rf"(?<!\w){re.escape(stem[1:])}", text) is not None
    if len(stem) <= 3:
        return re.search(rf"(?<!\w){re.escape(stem)}(?!\w)", text) is not None
    return stem in text


def names(theme, point: dict) -> bool:
    """Whether a theme's label or first three keywords contain one of the point's stems."""
    return any(_stem_in(stem, w) for stem in point["stems"] for w in _theme_words(theme))


def theme_groups(theme) -> set[int]:
    """The groups a theme counts."""
    return {int(g) for g in str(theme.groups).split()}


def finds(theme, point: dict) -> bool:
    """Named by the theme, and the theme counts at least two of the point's groups (or its one group)."""
    need = min(2, len(point["groups"]))
    return names(theme, point) and len(theme_groups(theme) & set(point["groups"])) >= need


def match_point(theme, points: list[dict]) -> str:
    """The hand-read point a theme finds (else one it only names, marked '?'), or 'none'."""
    area_points = [p for p in points if p["area"] == theme.core_area]
    for p in area_points:
        if finds(theme, p):
            return p["point"]
    for p in area_points:
        if names(theme, p):
            return f"? {p['point']} (other groups)"
    return "none"


# ----------------------------------------------------------------------------- group fits label

_ENDINGS = sorted(
    "erne ene ende ede ets ens es er et en ne e s t ede eres ernes enes".split(),
    key=len,
    reverse=True,
)
_DERIVATIONS = sorted("ering ering ing else ere ion ation".split(), key=len, reverse=True)
_LABEL_ARTICLES = frozenset({"det", "den", "de"})


def _base(word: str) -> str:
    """A word without one inflectional ending (and a doubled final consonant): 'straffen' -> 'straf'."""
    w = word.lower()
    for end in _ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            w = w[: -len(end)]
            break
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiouyæøå":
        w = w[:-1]
    return w


def _root(word: str) -> str:
    """A word without a derivational ending too: 'koordinering' / 'koordinere' -> 'koordin'."""
    w = word.lower()
    for end in _DERIVATIONS:
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: -len(end)]
    return _base(w)


def _stems(word: str) -> set[str]:
    """Every stem of at least four letters left by taking one inflectional or derivational ending off."""
    w = word.lower()
    out = {w}
    for end in (*_ENDINGS, *_DERIVATIONS):
        if w.endswith(end) and len(w) - len(end) >= 4:
            stem = w[: -len(end)]
            out.add(stem)
            if stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå":
                out.add(stem[:-1])
    return out


def _close(label_word: str, evidence_word: str) -> bool:
    """The evidence word is the label word, an inflected or derived form of it, or a compound holding it.

    A compound of the evidence may hold the label word as its head ('folkesundhed' for 'sundhed') or
    as its first part with a word after it ('velfærdsteknologi' for 'velfærd'); the reverse is not
    enough ('niveau' does not say 'serviceniveau').
    """
    a, b = label_word.lower(), evidence_word.lower()
    if a == b or _base(a) == _base(b) or _root(a) == _root(b) or _stems(a) & _stems(b):
        return True
    ba, bb = _base(a), _base(b)
    short, long_ = sorted((ba, bb), key=len)
    if len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True  # an adjective of the noun: 'teknologi' / 'teknologisk', 'økonomi' / 'økonomisk'
    if len(ba) >= 4 and (bb.endswith(ba) or b.endswith(a)):
        return True
    # a first part with a word after it ('velfærdsteknologi'), or a derived form ('økonomi' / 'økonomisk')
    return (len(ba) >= 5 and bb.startswith(ba)) or (
        len(ba) == 4 and bb.startswith(ba) and len(bb) - len(ba) >= 4
    )


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """DanNet synonyms (unmarked words of a sense, not hypernyms or hyponyms) per one-word headword."""
    if not THESAURUS.exists():
        return {}
    out: dict[str, set[str]] = {}
    head = None
    with THESAURUS.open(encoding="utf-8", errors="replace") as fh:
        next(fh)
        for line in fh:
            line = line.rstrip("\n")
            if not line.startswith("("):
                head = line.split("|", 1)[0].lower()
                continue
            if head is None or " " in head:
                continue
            words = [w.strip().lower() for w in line.split("|")[1:]]
            syns = {w for w in words if w and "(" not in w and " " not in w and w != head}
            if syns:
                out.setdefault(head, set()).update(syns)
    return {k: frozenset(v) for k, v in out.items()}


def label_words(label: str, stop_words: frozenset[str]) -> list[str]:
    """The content words of a label (lowercase, without stop words and numbers)."""
    words = re.findall(r"[\wæøåÆØÅ-]+", label.lower())
    return [w for w in words if w not in stop_words and not w.isdigit() and len(w) > 1]


def _word_or_synonym(word: str, evidence: set[str]) -> bool:
    """The evidence holds the word, a close form, or a DanNet synonym of it."""
    if any(_close(word, e) for e in evidence):
        return True
    syns = _synonyms().get(word, frozenset()) | _synonyms().get(_base(word), frozenset())
    return any(_close(s, e) for s in syns for e in evidence)


def word_in_evidence(word: str, evidence: set[str]) -> bool:
    """Whether the evidence says the label word.

    The evidence says it by the word itself (close form, synonym) or by every part of a compound.

    'Kompetenceudvikling' fits 'udvikling af kompetencer'; 'Serviceniveau' does not fit 'det politiske
    niveau' (no 'service'). Compounds are split by the project's Danish compound splitter.
    """
    if _word_or_synonym(word, evidence):
        return True
    from pipeline.danish.compound_split import split_compound

    parts = [p for p in split_compound(word) if len(p) >= 3]
    return len(parts) >= 2 and all(_word_or_synonym(p, evidence) for p in parts)


def group_evidence(theme, statements) -> dict[int, set[str]]:
    """Per counted group: the words (tokens and lemmas) of its statements in the theme's evidence."""
    ids = set(str(theme.evidence).split())
    rows = statements[statements["statement_id"].isin(ids)]
    out: dict[int, set[str]] = {}
    for r in rows.itertuples():
        words = {w.lower() for w in f"{r.tokens} {r.lemmas}".split()}
        out.setdefault(int(r.group), set()).update(words)
    return out


def group_verbs(theme, statements) -> dict[int, set[str]]:
    """Per counted group: the lemmas its statements in the theme's evidence use as verbs (tagged ``VERB``)."""
    ids = set(str(theme.evidence).split())
    rows = statements[statements["statement_id"].isin(ids)]
    out: dict[int, set[str]] = {}
    for r in rows.itertuples():
        pairs = zip(r.lemmas.lower().split(), str(getattr(r, "pos", "")).split(), strict=False)
        out.setdefault(int(r.group), set()).update(lm for lm, p in pairs if p == "VERB")
    return out


def said_by_verb(word: str, verbs: set[str]) -> bool:
    """Whether a verb of the group's evidence says the label word by naming its action ('ryge': 'rygning').

    The tool's own rule (:func:`pipeline.danish.names_action`, read by the tool's fit check), imported
    so the bench measures the tool; a tree without it (``--code``) gets no such rule.
    """
    try:
        from pipeline.danish import names_action
    except ImportError:
        return False
    return any(names_action(word, v) for v in verbs)


@lru_cache(maxsize=4096)
def _lemmas(words: tuple[str, ...]) -> list[str]:
    """The project's lemmas of a label's words ('større' -> 'stor'); the words themselves when it has none."""
    try:
        from pipeline.danish.lemmatizer import lemmatize_tokens
    except ImportError:
        return list(words)
    return [lm.lower() or w for w, lm in zip(words, lemmatize_tokens(list(words)), strict=True)]


def fit_check(recurring, statements, stop_words: frozenset[str]) -> tuple[int, int, list[str]]:
    """(pairs that fit, pairs, lines naming each group whose evidence lacks a label word)."""
    from pipeline.themes.labels import label_alternatives

    ok = total = 0
    failures = []
    for t in recurring.itertuples():
        # a label naming each group's wording ("Fleksibilitet (smidigere processer)") fits a group
        # whose evidence has every word of one of them
        wordings = [label_words(a, stop_words) for a in label_alternatives(str(t.label))]
        evidence, verbs = group_evidence(t, statements), group_verbs(t, statements)
        for g in sorted(theme_groups(t)):
            total += 1
            ev, vb = evidence.get(g, set()), verbs.get(g, set())
            missing = min(
                (
                    [
                        w
                        for w, lm in zip(words, _lemmas(tuple(words)), strict=True)
                        if not (word_in_evidence(w, ev) or word_in_evidence(lm, ev) or said_by_verb(lm, vb))
                    ]
                    for words in wordings
                ),
                key=len,
            )
            if missing:
                failures.append(f"  {t.core_area} | {t.label} | group {g}: no {', '.join(missing)}")
            else:
                ok += 1
    return ok, total, failures


def definite_labels(themes, statements) -> list[str]:
    """Labels in a definite form.

    A label is definite when led by an article, or when it is a word the groups wrote as an inflected form
    of a shorter lemma.
    """
    inflected: set[str] = set()
    for r in statements.itertuples():
        for tok, lem in zip(str(r.tokens).split(), str(r.lemmas).split(), strict=False):
            t, lm = tok.lower(), lem.lower()
            if t != lm and t.startswith(lm[: max(3, len(lm) - 1)]) and re.search(r"(en|et|ne|ene|erne)$", t):
                inflected.add(t)
    out = []
    for label in themes["label"]:
        words = str(label).lower().split()
        if (len(words) > 1 and words[0] in _LABEL_ARTICLES) or (words and words[-1] in inflected):
            out.append(str(label))
    return out


# ----------------------------------------------------------------------------- verdicts


def load_verdicts(path: Path) -> dict[tuple[str, str, str], dict]:
    """A reader's verdicts on recurring themes, by (area, label, groups); empty when there are none yet.

    A verdict holds for a theme of the same area, label and counted groups, whatever code made it:
    the evidence a verdict was read from is the groups' answers, which do not change.
    """
    if not path.exists():
        return {}
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("verdict", [])
    return {(v["area"], v["label"], " ".join(str(g) for g in v["groups"])): v for v in entries}


def judged(rows: list[dict], verdicts: dict) -> tuple[int, int, int, list[dict]]:
    """(themes judged real, judged restating the area or question, themes judged, rows without a verdict)."""
    real = restates = seen = 0
    unjudged = []
    for r in rows:
        v = verdicts.get((r["area"], r["label"], str(r["groups"])))
        r["verdict"] = v["verdict"] if v else "-"
        if v is None:
            unjudged.append(r)
            continue
        seen += 1
        real += v["verdict"] == "real"
        restates += v["verdict"] == "restates"
    return real, restates, seen, unjudged


def print_evidence(analysis, verdicts: dict) -> None:
    """Each recurring theme with each counted group's units and statements: what a reader judges."""
    st = analysis.statements.set_index("statement_id")
    units = analysis.units.set_index("unit_id")
    recurring = analysis.themes[analysis.themes["recurring"]]
    for t in recurring.itertuples():
        v = verdicts.get((t.core_area, t.label, str(t.groups)))
        seen = f"judged {v['verdict']}" if v else "not judged yet"
        print(
            f"\n=== {t.core_area} | {t.label} | {t.n_groups} af {t.n_groups_total} | groups {t.groups}"
            f" | {seen}"
        )
        print(f"    keywords: {t.keywords}")
        ids = str(t.units).split()
        for g in sorted(theme_groups(t)):
            us = [units.loc[u, "text"] for u in ids if u in units.index and int(units.loc[u, "group"]) == g]
            sts = [
                sid for sid in str(t.evidence).split() if sid in st.index and int(st.loc[sid, "group"]) == g
            ]
            print(f"  [{g}] units: {' / '.join(us)}")
            for sid in sts:
                print(f"      {st.loc[sid, 'text']}")


# ----------------------------------------------------------------------------- the bench


def answered(analysis) -> list:
    """What a page shows apart from the themes, as theme-like rows.

    These are the given options the groups took up (two or more groups) and the stance line of a yes/no
    question ("Ja: 5 af 10").
    """
    from types import SimpleNamespace

    out = []
    for kind, key in (("options", "option"), ("stances", "stance")):
        for area, by_year in analysis.quality.get(kind, {}).items():
            for rows in by_year.values():
                for r in rows:
                    if len(r["groups"]) >= 2:
                        out.append(
                            SimpleNamespace(
                                core_area=area,
                                label=r[key],
                                keywords="",
                                groups=" ".join(map(str, r["groups"])),
                                kind=kind,
                            )
                        )
    return out


def score_set(analysis, points: list[dict], stop_words: frozenset[str], verdicts: dict | None = None) -> dict:
    """Every figure of one set (``verdicts``: a reader's, by area, label and groups)."""
    themes = analysis.themes
    recurring = themes[themes["recurring"]]
    given = answered(analysis)
    single = [p for p in points if len(p["groups"]) < 2]
    points = [p for p in points if len(p["groups"]) >= 2]  # a recurring theme needs two groups
    restating = themes[
        (themes["restates_question"] | themes["restates_area"])
        & ~themes["recurring"]
        & (themes["n_groups"] >= 2)
    ]
    shown = [*recurring.itertuples(), *given]
    named = [p for p in points if any(names(t, p) for t in shown if t.core_area == p["area"])]
    found = [p for p in points if any(finds(t, p) for t in shown if t.core_area == p["area"])]
    found_given = [
        p for p in found if not any(finds(t, p) for t in recurring.itertuples() if t.core_area == p["area"])
    ]
    verdicts = verdicts or {}
    real_themes = [
        t
        for t in recurring.itertuples()
        if verdicts.get((t.core_area, t.label, str(t.groups)), {}).get("verdict") == "real"
    ]
    # an option the groups took up, or a stance line, is what the notes say (no reader's verdict needed)
    found_real = [
        p for p in points if any(finds(t, p) for t in [*real_themes, *given] if t.core_area == p["area"])
    ]
    only_restating = [
        p
        for p in points
        if p not in found and any(finds(t, p) for t in restating.itertuples() if t.core_area == p["area"])
    ]
    ok, total, failures = fit_check(recurring, analysis.statements, stop_words)
    rows = [
        {
            "area": t.core_area,
            "label": t.label,
            "k_of_n": f"{t.n_groups} af {t.n_groups_total}",
            "groups": t.groups,
            "point": match_point(t, points),
        }
        for t in recurring.itertuples()
    ]
    per_area = {}
    for area in dict.fromkeys(p["area"] for p in points):
        area_points = [p for p in points if p["area"] == area]
        per_area[area] = {
            "recurring": int((recurring["core_area"] == area).sum()),
            "points": len(area_points),
            "found": sum(p in found for p in area_points),
            "missed": [p["point"] for p in area_points if p not in found],
        }
    stance = [p for p in points if p.get("kind") == "stance"]
    argument = [p for p in points if p.get("kind", "argument") != "stance"]
    return {
        "points": len(points),
        "single_group_points_left_out": [p["point"] for p in single],
        "named": len(named),
        "found": len(found),
        "found_by_real": len(found_real),
        "found_by_options_or_stances": len(found_given),
        "stance_themes": int(recurring["label"].isin(["Ja", "Nej"]).sum()),
        "found_stance": f"{sum(p in found for p in stance)}/{len(stance)}" if stance else "",
        "found_argument": f"{sum(p in found for p in argument)}/{len(argument)}",
        "found_only_among_restating": [p["point"] for p in only_restating],
        "recurring": len(recurring),
        "themes_naming_a_point": sum(not r["point"].startswith(("none", "?")) for r in rows),
        "group_fits_label": f"{ok}/{total}",
        "group_fits_label_pct": round(100 * ok / total, 1) if total else None,
        "fit_failures": failures,
        "definite_labels": definite_labels(recurring, analysis.statements),
        "per_area": per_area,
        "rows": rows,
    }


def synthesis_top6(themes, points: list[dict]) -> str:
    """How many of the synthesis themes the area's top 6 recurring themes name.

    The synthesis is the municipality's, marked in the hand-read 2024 file: points of another reader
    that mark none are measured against those marks.
    """
    area = themes[(themes["core_area"] == SYNTHESIS_AREA) & themes["recurring"]]
    top6 = list(area.head(6).itertuples())
    synthesis = [p for p in points if p["area"] == SYNTHESIS_AREA and p.get("synthesis")]
    if not synthesis:
        marked = tomllib.loads(SETS[0].points.read_text(encoding="utf-8"))["theme"]
        synthesis = [p for p in marked if p["area"] == SYNTHESIS_AREA and p.get("synthesis")]
    return f"{sum(any(names(t, p) for t in top6) for p in synthesis)}/{len(synthesis)}"


def order_check(analysis, notes, rejects, cfg) -> tuple[float, bool]:
    """The same notes in reversed order: ARI of unit → theme, and whether the labels are the same."""
    from pipeline.flows import analyse_seminar

    again = analyse_seminar(notes.iloc[::-1].reset_index(drop=True), rejects, cfg)
    a = analysis.units.set_index("unit_id")["theme"]
    b = again.units.set_index("unit_id")["theme"].reindex(a.index).fillna(-2)
    return round(float(adjusted_rand_score(a, b)), 4), sorted(analysis.themes["label"]) == sorted(
        again.themes["label"]
    )


def pct(k: int, n: int) -> str:
    """'k/n (p %)'."""
    return f"{k}/{n} ({100 * k / n:.0f} %)" if n else "0/0"


def load_set(bench: BenchSet):
    """A set's hand-read points, its configuration and its ingested notes, as ``seminar run`` reads them.

    Returns:
        ``(points, cfg, result)``, or None (after saying so) when the set is not here.
    """
    from pipeline.config import with_options
    from pipeline.ingest import ingest
    from pipeline.io import config_sources, read_config

    print(f"\n### {bench.title} (points: {bench.points.name})")
    if not bench.config.exists():
        print(f"(skipped: {bench.config} not found; the DR set is read from ../shared)")
        return None
    points = tomllib.loads(bench.points.read_text(encoding="utf-8"))["theme"]
    cfg = read_config(bench.config)
    result = ingest(config_sources(cfg), cfg)
    return (
        points,
        with_options(cfg, result.options),
        result,
    )  # a summary's options, as `seminar run` applies them


def run_set(bench: BenchSet, reverse: bool = True, evidence: bool = False) -> dict | None:
    """Run the theme stage on one set and print its figures."""
    from pipeline.danish.stop_words import STOP_WORDS
    from pipeline.flows import analyse_seminar

    loaded = load_set(bench)
    if loaded is None:
        return None
    points, cfg, result = loaded
    t = time.perf_counter()
    analysis = analyse_seminar(result.notes, result.rejects, cfg)
    seconds = round(time.perf_counter() - t, 1)
    verdicts = load_verdicts(bench.verdicts)
    s = score_set(analysis, points, frozenset(STOP_WORDS), verdicts)
    s["seconds"] = seconds
    if evidence:
        print_evidence(analysis, load_verdicts(bench.verdicts))
        return s
    real, restates, seen, unjudged = judged(s["rows"], verdicts)
    s["judged_real"] = f"{real}/{seen}"
    s["judged_restating"] = restates
    s["unjudged"] = len(unjudged)

    print(
        "hand-read points found among the recurring themes, given options and stance lines: "
        f"{pct(s['found'], s['points'])}",
        end="",
    )
    print(f"  (named by label/keywords, any groups: {pct(s['named'], s['points'])})")
    if s["found_stance"]:
        print(f"  stances found {s['found_stance']}, arguments found {s['found_argument']}")
    print(
        "  of them found by a given option the groups took up or the stance line (not a theme): "
        f"{s['found_by_options_or_stances']}"
    )
    print(
        "  found only among the themes restating the area or question: "
        f"{len(s['found_only_among_restating'])}"
    )
    print(f"recurring themes named only 'Ja' or 'Nej' (stance themes): {s['stance_themes']}")
    print(
        f"recurring themes reported: {s['recurring']}; naming a hand-read point with its groups: "
        f"{pct(s['themes_naming_a_point'], s['recurring'])}"
    )
    fit_ok, fit_n = (int(x) for x in s["group_fits_label"].split("/"))
    print(
        f"counted group fits label (its evidence has every label word or a close form): {pct(fit_ok, fit_n)}"
    )
    print(f"hand-read points found by a theme the reader judged real: {pct(s['found_by_real'], s['points'])}")
    print(
        f"recurring themes judged real points by a reader ({bench.verdicts.name}): {pct(real, seen)}; "
        f"not yet judged: {len(unjudged)}"
    )
    print(
        f"  of the others, true for every counted group but only restating the area or question: {restates}"
    )
    print(
        f"definite-form labels among the recurring: {len(s['definite_labels'])} {s['definite_labels'] or ''}"
    )
    if bench.key == "2024":
        s["synthesis_in_top6"] = synthesis_top6(analysis.themes, points)
        print(
            f"{SYNTHESIS_AREA}: top 6 name {s['synthesis_in_top6']} of the synthesis themes (target >= 5/6)"
        )
    if reverse:
        s["order_ari"], s["same_labels_reversed"] = order_check(analysis, result.notes, result.rejects, cfg)
        print(
            f"input order reversed: ARI of unit → theme {s['order_ari']}; "
            f"same theme labels: {s['same_labels_reversed']}"
        )
    print(f"analyse_seminar: {seconds:.1f} s")

    print(f"\n{'core area':<40} {'recurring':>9} {'points':>6} {'found':>5}")
    for area, a in s["per_area"].items():
        print(f"{area:<40} {a['recurring']:>9} {a['points']:>6} {a['found']:>5}")
    print("\nrecurring themes (area | label | k af n | groups | hand-read point | reader's verdict):")
    for r in s["rows"]:
        print(f"  {r['area']} | {r['label']} | {r['k_of_n']} | {r['groups']} | {r['point']} | {r['verdict']}")
    print("\nhand-read points missed:")
    for area, a in s["per_area"].items():
        if a["missed"]:
            print(f"  {area}: {'; '.join(a['missed'])}")
    print("\ncounted groups whose evidence lacks a label word:")
    print("\n".join(s["fit_failures"]) or "  none")
    print(
        json.dumps(
            {"set": bench.key, **{k: v for k, v in s.items() if k not in ("rows", "fit_failures")}},
            ensure_ascii=False,
        )
    )
    return s


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark on the chosen sets and print their figures.

    Args:
        argv: Command-line arguments; ``None`` reads ``sys.argv``.

    Returns:
        The process exit code.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--set", choices=[b.key for b in SETS], action="append", help="run only this set (repeatable)"
    )
    parser.add_argument("--no-reverse", action="store_true", help="skip the reversed-order run")
    parser.add_argument(
        "--evidence",
        action="store_true",
        help="print each recurring theme's evidence per group (to judge it)",
    )
    parser.add_argument(
        "--code", type=Path, help="run the pipeline of this project tree (e.g. another branch's worktree)"
    )
    add_points_args(parser)
    args = parser.parse_args(argv)
    if args.code:
        sys.path.insert(0, str(args.code.resolve()))
    import pipeline

    print(f"pipeline from {Path(pipeline.__file__).parent}")
    for bench in sets_with_points(args.points_2024, args.points_dr):
        if args.set and bench.key not in args.set:
            continue
        run_set(bench, reverse=not (args.no_reverse or args.evidence), evidence=args.evidence)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
