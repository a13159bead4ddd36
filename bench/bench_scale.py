"""Scale benchmark (issues 16, 28, 37).

``seminar topics`` from 1,000 to 200,000 statements, and ``seminar run`` cold and warm.

Every measurement runs the real command in a fresh process; wall time is the median of
``--repeats`` runs (``--big-repeats`` at 50k and above), peak RSS the largest of them (from
``wait4``). Per-stage seconds come from the command's own ``--verbose`` log.

The statements are real Danish sentences from ``../shared``: the CDT treebank texts, SIB-200
Danish and the 2024 seminar notes, detokenised and kept at 5–30 words. Each statement joins
two different sentences drawn at random (seeded), at most 60 words in all, so that with some
7,000 sentences there are tens of millions of possible statements and duplicates stay rare
(the share is printed): caching cannot flatter the figures, and ``seminar topics`` has no
cache anyway.

Small topics hidden in a large corpus (issue 28): from 10,000 statements on, the 800
labelled SIB-200 Danish train+dev sentences (the only SIB-200 splits in ``../shared``; the
test split is not there) replace as many statements, at seeded random places, and the
statements around them are built from the other sentences only (no SIB-200 sentence). The
ARI of the topics ``seminar topics`` gives those 800 rows against their 7 labels is
reported per size ("hidden SIB ARI").

In the same run, for each size: the bare spaCy Danish tokenizer over the same texts (the
floor: tokenizing only, after loading), and BERTopic's default path (UMAP + HDBSCAN, its own
defaults) on the same embeddings (up to ``--bertopic-max``; it is quadratic in places).
Topic quality: ARI/NMI on SIB-200 Danish train+dev (800 sentences, k = 7) for each embedding
``auto`` uses at some size, through ``topics_for_texts`` as ``seminar topics`` calls it.

The tables are printed and written into BENCHMARKS.md between the ``bench_scale`` markers.

Usage: ``python bench/bench_scale.py [--sizes 1000,10000,50000,200000] [--repeats 3] [--no-write]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BEGIN, END = "<!-- bench_scale:begin -->", "<!-- bench_scale:end -->"
_STAGE = re.compile(r"^(?P<stage>[^:\n]+): (?P<seconds>\d+\.\d+) s$", re.M)


# ---------------------------------------------------------------- the corpus
def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?)\]»])", r"\1", text)
    return re.sub(r"([(\[«]) ", r"\1", text)


def source_sentences(sib: bool = True) -> list[str]:
    """Distinct real Danish sentences of 5–30 words from the material in ``../shared``.

    Without the SIB-200 sentences when ``sib=False``.
    """
    import pandas as pd

    from train_lemmatizer import read_conllu_sentences

    out = [
        _detokenise(tokens)
        for path in sorted((SHARED / "cdt-danish").glob("*.conll"))
        for tokens in read_conllu_sentences(path)
    ]
    path = SHARED / "sib200-da" / "sib200_da_train_dev.csv"
    if sib and path.exists():
        out += pd.read_csv(path)["text"].astype(str).tolist()
    notes = SHARED / "seminar-2024" / "group_notes.csv"
    if notes.exists():
        for text in pd.read_csv(notes)["text"].astype(str):
            out += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    keep = [s for s in dict.fromkeys(out) if 5 <= len(s.split()) <= 30 and re.search(r"[a-zæøå]", s)]
    if len(keep) < 1000:
        raise SystemExit(
            f"only {len(keep)} sentences found under {SHARED}; the benchmark needs ../shared/data"
        )
    return keep


def build_corpus(sentences: list[str], n: int, seed: int = 7) -> list[str]:
    """``n`` statements, each two different sentences joined (at most 60 words)."""
    rng = random.Random(seed)
    lengths = [len(s.split()) for s in sentences]
    out = []
    while len(out) < n:
        a, b = rng.randrange(len(sentences)), rng.randrange(len(sentences))
        if a != b and lengths[a] + lengths[b] <= 60:
            out.append(f"{sentences[a]} {sentences[b]}")
    return out


#: From this many statements on, the SIB-200 sentences are hidden in the corpus.
HIDE_FROM = 10_000


def sib_sentences() -> pd.DataFrame:
    """SIB-200 Danish train+dev: ``text`` and ``label`` (empty when ``../shared`` lacks it)."""
    import pandas as pd

    path = SHARED / "sib200-da" / "sib200_da_train_dev.csv"
    return pd.read_csv(path)[["text", "label"]] if path.exists() else pd.DataFrame({"text": [], "label": []})


def hidden_corpus(sentences: list[str], sib, n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` rows (``text``, ``label``).

    Statements from ``sentences`` with the SIB-200 sentences at seeded random places.
    """
    import pandas as pd

    texts = build_corpus(sentences, n - len(sib), seed)
    labels = [""] * len(texts)
    rng = random.Random(seed + 1)
    for text, label in zip(sib["text"], sib["label"], strict=True):
        at = rng.randrange(len(texts) + 1)
        texts.insert(at, text)
        labels.insert(at, label)
    return pd.DataFrame({"text": texts, "label": labels})


def hidden_ari(out_csv: Path) -> float | None:
    """ARI of the topics of the labelled rows of a ``seminar topics`` output against their labels."""
    import pandas as pd
    from sklearn.metrics import adjusted_rand_score

    out = pd.read_csv(out_csv, keep_default_na=False)
    rows = out[out["label"].astype(str) != ""]
    return round(float(adjusted_rand_score(rows["label"], rows["topic"])), 3) if len(rows) else None


# ---------------------------------------------------------------- measuring
def measure(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> dict:
    """Run ``cmd`` in a fresh process: wall seconds, peak RSS (MB), the stage log, the exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait4 gives the resource use of this child alone, including its peak resident set.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    stages = {m["stage"].strip(): float(m["seconds"]) for m in _STAGE.finditer(err)}
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "stages": stages, "stdout": out, "stderr": err}


def repeat(cmd: list[str], times: int, before=None) -> dict:
    """Median wall time and per-stage time, largest peak RSS, over ``times`` fresh runs."""
    runs = []
    for _ in range(times):
        if before:
            before()
        runs.append(measure(cmd))
    stages = {k: statistics.median(r["stages"].get(k, 0.0) for r in runs) for k in runs[0]["stages"]}
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "walls": [round(r["wall"], 1) for r in runs],
        "rss_mb": max(r["rss_mb"] for r in runs),
        "stages": stages,
        "stdout": runs[-1]["stdout"],
        "stderr": runs[-1]["stderr"],
    }


_FLOOR = """
import sys, time, pandas as pd, spacy
texts = pd.read_csv(sys.argv[1])["text"].tolist()
nlp = spacy.blank("da")
start = time.perf_counter(); n = sum(len(d) for d in nlp.tokenizer.pipe(texts, batch_size=1000))
print(time.perf_counter() - start, n)
"""

_BERTOPIC = """
import sys, time, warnings, pandas as pd
warnings.filterwarnings("ignore")
sys.path.insert(0, sys.argv[3])
from pipeline.config import NlpConfig, TopicConfig
from pipeline.nlp import build_nlp, make_statements, stop_words
from pipeline.flows import topics_for_texts
from pipeline.topics.documents import topic_documents
from pipeline.topics.embedders import embedder_input
from pipeline.topics.embedding import build_embedder
texts = pd.read_csv(sys.argv[1])["text"].tolist()
cfg = TopicConfig(unit="note", embedding=sys.argv[2])
import pipeline.flows as flows
nlp = build_nlp(NlpConfig())
notes = pd.DataFrame({"note_id": [f"{i:012x}" for i in range(len(texts))], "year": 1900, "seminar": "",
                      "core_area": "t", "theme": "", "question": "", "group": range(len(texts)),
                      "text": texts, "source_file": "", "source_ref": ""})
st = make_statements(notes, nlp, NlpConfig())
docs = topic_documents(st, "note")
emb = build_embedder(cfg, len(docs))
X = emb.fit_transform(embedder_input(emb, docs))
from bertopic import BERTopic
from sklearn.feature_extraction.text import CountVectorizer
start = time.perf_counter()
model = BERTopic(language="danish", vectorizer_model=CountVectorizer(token_pattern=r"\\S+"),
                 calculate_probabilities=False)
topics, _ = model.fit_transform(docs["topic_doc"].tolist(), embeddings=X)
n_topics = len(set(topics)) - (1 if -1 in topics else 0)
print(time.perf_counter() - start, n_topics, sum(t == -1 for t in topics) / len(topics))
"""


def sib_quality(embeddings: list[str]) -> dict[str, dict]:
    """ARI/NMI on SIB-200 Danish (k = 7, one topic per sentence) for each embedding.

    As ``seminar topics`` fits them.
    """
    import pandas as pd
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from pipeline.config import NlpConfig, TopicConfig
    from pipeline.flows import topics_for_texts
    from pipeline.nlp import build_nlp, stop_words

    path = SHARED / "sib200-da" / "sib200_da_train_dev.csv"
    if not path.exists():
        return {}
    sib = pd.read_csv(path)
    nlp, stops = build_nlp(NlpConfig()), stop_words(NlpConfig())
    out = {}
    for name in embeddings:
        start = time.perf_counter()
        cfg = TopicConfig(unit="note", n_topics=int(sib["label"].nunique()), embedding=name)
        assigned, result = topics_for_texts(sib["text"].tolist(), cfg, nlp, stop_words=stops)
        pred = assigned["topic"].to_numpy()
        out[name] = {
            "used": result.quality["embedding"],
            "ari": round(float(adjusted_rand_score(sib["label"], pred)), 3),
            "nmi": round(float(normalized_mutual_info_score(sib["label"], pred)), 3),
            "seconds": round(time.perf_counter() - start, 1),
        }
    return out


def machine() -> str:
    """One line describing this machine."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    load = os.getloadavg()[0]
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem / 1024 / 1024:.0f} GiB, Python {platform.python_version()}, "
        f"load average {load:.2f} at start"
    )


# ---------------------------------------------------------------- the benchmark
def bench_topics(
    sizes: list[int], repeats: int, big_repeats: int, bertopic_max: int, work: Path
) -> tuple[list[dict], set[str]]:
    """``seminar topics`` at each size, with the floor and BERTopic's default path beside it."""
    import pandas as pd

    sib = sib_sentences()
    sentences = source_sentences(sib=False)
    print(
        f"# {len(sentences)} source sentences (no SIB-200), {len(sib)} SIB-200 sentences hidden from "
        f"{HIDE_FROM:,}",
        file=sys.stderr,
    )
    rows, used = [], set()
    seminar = str(Path(sys.executable).with_name("seminar"))
    for n in sizes:
        table = (
            hidden_corpus(sentences, sib, n)
            if n >= HIDE_FROM and len(sib)
            else pd.DataFrame({"text": build_corpus(sentences, n), "label": ""})
        )
        texts = table["text"].tolist()
        csv = work / f"statements_{n}.csv"
        table.to_csv(csv, index=False)
        dup = 1 - len(set(texts)) / len(texts)
        out_csv = work / f"topics_{n}.csv"
        times = repeat(
            [seminar, "--verbose", "topics", str(csv), "--out", str(out_csv)],
            repeats if n < 50_000 else big_repeats,
        )
        embedding = re.search(r"embedding \d+ documents \((\w+)\)", times["stderr"])
        n_topics = re.search(r"^(\d+) topics \(", times["stdout"], re.M)
        name = {"E5Embedder": "e5", "StaticEmbedder": "static", "TfidfSvdEmbedder": "tfidf-svd"}.get(
            embedding[1] if embedding else "", "?"
        )
        used.add(name)
        floor = measure([sys.executable, "-c", _FLOOR, str(csv)])
        floor_s, tokens = (float(x) for x in floor["stdout"].split())
        row = {
            "n": n,
            "duplicates": round(dup, 4),
            "tokens": int(tokens),
            "seconds": round(times["wall"], 1),
            "runs": times["walls"],
            "rss_mb": round(times["rss_mb"]),
            "floor_s": round(floor_s, 2),
            "x_floor": round(times["wall"] / floor_s, 1),
            "embedding": name,
            "topics": int(n_topics[1]) if n_topics else None,
            "hidden_sib_ari": hidden_ari(out_csv) if n >= HIDE_FROM and len(sib) else None,
            "stages": {k: round(v, 2) for k, v in times["stages"].items()},
        }
        if n <= bertopic_max:
            try:
                bt = measure(
                    [sys.executable, "-c", _BERTOPIC, str(csv), name if name != "?" else "auto", str(ROOT)]
                )
                seconds, k, outliers = bt["stdout"].split()
                row["bertopic_default"] = {
                    "seconds": round(float(seconds), 1),
                    "topics": int(k),
                    "outliers": round(float(outliers), 3),
                }
            except SystemExit as exc:
                row["bertopic_default"] = {"error": str(exc).splitlines()[0]}
        rows.append(row)
        print(
            f"# {n:>7} statements: {row['seconds']} s, {row['rss_mb']} MB, floor {row['floor_s']} s, {name}",
            file=sys.stderr,
        )
    return rows, used


def bench_run(repeats: int) -> dict:
    """``seminar run`` on the 2024 seminar: cold (no embedding cache) and re-run with unchanged notes."""
    seminar = str(Path(sys.executable).with_name("seminar"))
    cfg = ROOT / "data" / "raw" / "2024" / "seminar.toml"
    cache = ROOT / "data" / "processed" / ".cache"
    cmd = [seminar, "--verbose", "run", "--config", str(cfg)]
    # cold: nothing kept from earlier runs (analysis, phrase vectors, drawn charts)
    cold = repeat(cmd, repeats, before=lambda: shutil.rmtree(cache, ignore_errors=True))
    warm = repeat(cmd, repeats)

    def keep(stages: dict) -> dict:
        return {k: round(v, 2) for k, v in stages.items() if not k.startswith(("embedding", "statements ("))}

    return {
        "cold": round(cold["wall"], 1),
        "cold_runs": cold["walls"],
        "warm": round(warm["wall"], 1),
        "warm_runs": warm["walls"],
        "rss_mb": round(max(cold["rss_mb"], warm["rss_mb"])),
        "cold_stages": keep(cold["stages"]),
        "warm_stages": keep(warm["stages"]),
    }


def tables(topics: list[dict], run: dict, quality: dict, header: str) -> str:
    """The Markdown that goes into BENCHMARKS.md."""
    lines = [
        header,
        "",
        "| statements | tokens | duplicates | `seminar topics` s (median) | peak RSS MB | bare tokenizer s "
        "| × tokenizer | embedding | topics | hidden SIB ARI | BERTopic default (UMAP+HDBSCAN) s, topics, "
        "outliers |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    for r in topics:
        bt = r.get("bertopic_default")
        bt_s = (
            "not run"
            if bt is None
            else (bt.get("error") or f"{bt['seconds']} s, {bt['topics']}, {bt['outliers']:.0%}")
        )
        lines.append(
            f"| {r['n']:,} | {r['tokens']:,} | {r['duplicates']:.2%} | {r['seconds']} "
            f"({', '.join(map(str, r['runs']))}) | {r['rss_mb']:,} | {r['floor_s']} | {r['x_floor']} | "
            f"{r['embedding']} | {r.get('topics') or ''} | "
            f"{r.get('hidden_sib_ari') if r.get('hidden_sib_ari') is not None else ''} | {bt_s} |"
        )
    lines += [
        "",
        "Per stage (median seconds, from `seminar --verbose topics`):",
        "",
        "| statements | stage | s |",
        "|---:|---|---:|",
    ]
    for r in topics:
        for stage, s in r["stages"].items():
            lines.append(f"| {r['n']:,} | {stage} | {s} |")
    by_n = {r["n"]: r for r in topics}
    if 10_000 in by_n and 50_000 in by_n:
        lines += [
            "",
            f"Growth: time(50k) / time(10k) = {by_n[50_000]['seconds'] / by_n[10_000]['seconds']:.2f}.",
        ]
    if quality:
        lines += [
            "",
            "Topic quality of each embedding `auto` used above, SIB-200 Danish train+dev (800 sentences, k "
            "= 7, `--unit document`):",
            "",
            "| embedding asked for | used | ARI | NMI | s |",
            "|---|---|---:|---:|---:|",
        ]
        lines += [
            f"| {k} | {v.get('used', k)} | {v['ari']} | {v['nmi']} | {v['seconds']} |"
            for k, v in quality.items()
        ]
    if run:
        lines += [
            "",
            "`seminar run` on the 2024 seminar (25 notes), median wall seconds:",
            "",
            f"- cold (`data/processed/.cache/` deleted first): **{run['cold']} s** (runs {run['cold_runs']})",
            f"- re-run, notes unchanged (analysis and charts reused): **{run['warm']} s** (runs "
            f"{run['warm_runs']})",
            f"- peak RSS {run['rss_mb']} MB",
            "",
            "| stage | cold s | re-run s |",
            "|---|---:|---:|",
        ]
        for stage in run["cold_stages"]:
            lines.append(f"| {stage} | {run['cold_stages'][stage]} | {run['warm_stages'].get(stage, '')} |")
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path, begin: str = BEGIN, end: str = END) -> None:
    """Replace what lies between the markers in ``path`` (or append the section)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{begin}\n{text}{end}"
    if begin in old and end in old:
        new = old[: old.index(begin)] + block + old[old.index(end) + len(end) :]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line (see the module docstring); 0 on success."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000,200000", help="comma-separated statement counts")
    ap.add_argument("--repeats", type=int, default=3, help="fresh runs per size below 50k (median)")
    ap.add_argument("--big-repeats", type=int, default=1, help="fresh runs per size from 50k")
    ap.add_argument(
        "--bertopic-max",
        type=int,
        default=50_000,
        help="largest size BERTopic's UMAP+HDBSCAN path is timed at",
    )
    ap.add_argument("--skip-run", action="store_true", help="skip the seminar run measurement")
    ap.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    ap.add_argument(
        "--topics-from",
        type=Path,
        help=(
            "take the seminar topics rows (and SIB-200 quality) from this JSON line of an earlier run "
            "instead of measuring"
        ),
    )
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} by `make bench` (`python bench/bench_scale.py --sizes "
        f"{args.sizes} "
        f"--repeats {args.repeats} --big-repeats {args.big_repeats} --bertopic-max {args.bertopic_max}`) on "
        f"{machine()}."
    )
    earlier = json.loads(args.topics_from.read_text(encoding="utf-8")) if args.topics_from else {}
    if args.topics_from:
        topics = earlier["topics"]
        used = {r["embedding"] for r in topics}
        header += (
            " The `seminar topics` rows are from an earlier run of the same command "
            f"({args.topics_from.name})."
        )
    else:
        with tempfile.TemporaryDirectory() as tmp:
            topics, used = bench_topics(sizes, args.repeats, args.big_repeats, args.bertopic_max, Path(tmp))
    run = {} if args.skip_run else bench_run(args.repeats)
    # E5 always, as the reference; from the earlier run when its rows are reused
    quality = earlier.get("quality") or sib_quality(["auto", *sorted((used - {"?"}) | {"e5", "static"})])
    text = tables(topics, run, quality, header)
    print(text)
    print(
        json.dumps({"bench": "scale", "topics": topics, "run": run, "quality": quality}, ensure_ascii=False)
    )
    if not args.no_write:
        write_section(text, ROOT / "BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
