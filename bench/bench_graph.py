"""Graph clustering benchmark (issue 37): Leiden on a neighbour graph against the clusterings it replaces.

Part 1, quality, every topic set in ``../shared`` through ``topics_for_texts`` exactly as
``seminar topics`` calls it (``embedding = "auto"``), once per clustering:

* ``sib200`` -- SIB-200 Danish train+dev, 800 sentences, 7 labels, one topic per sentence,
  k chosen from the data and k = 7 given;
* ``agenda`` -- 2,000 Folketing agenda titles (``../shared/data/ft-dagsorden``), a seeded
  sample of the 3,535 titles that name exactly one of ten subject families by word stem (health,
  tax, defence, immigration, education, climate/energy, justice, transport, farming, jobs and
  pensions; :data:`FAMILIES`). The labels are a lexical proxy for the held-out, hand-labelled
  agenda set, which is not here: read the ARI as a comparison between clusterings, not as that
  set's figure;
* ``seminar`` -- the 2024 seminar's 25 group notes split into statements (no labels: the
  number of topics, diversity and NPMI only).

Part 2, scale of the graph step alone on *distinct* documents: ``bench_scale``'s statements
repeat some 7,770 source sentences, so its graph never has more than that many nodes (identical
vectors are one node). Here N distinct texts (two source sentences joined, as ``bench_scale``
builds them) get static vectors from their lower-cased words and :class:`LeidenCluster` fits
them in a fresh process: wall seconds and peak RSS.

Usage: ``python bench/bench_graph.py [--scale 10000,50000,200000] [--no-write]``
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BEGIN, END = "<!-- bench_graph:begin -->", "<!-- bench_graph:end -->"

#: Subject families of agenda titles, by the start of a word (lower case).
FAMILIES = {
    "sundhed": r"\b(?:sundhed|sygehus|hospital|patient|læge|psykiatri|medicin|corona|covid|epidemi|vaccin)",
    "skat": r"\b(?:skat|afgift|moms)",
    "forsvar": r"\b(?:forsvar|militær|soldat|nato|krig)",
    "udlændinge": r"\b(?:udlænding|flygtning|asyl|indvandr|integration|statsborger)",
    "uddannelse": r"\b(?:skole|folkeskole|uddannelse|gymnasi|universitet|elev|studerende)",
    "klima": r"\b(?:klima|energi|co2|vindmølle|miljø)",
    "ret": r"\b(?:politi|kriminal|straf|fængsel|domstol|bande)",
    "transport": r"\b(?:trafik|vej|motorvej|jernbane|tog|dsb|bus|cykel|lufthavn)",
    "landbrug": r"\b(?:landbrug|landmænd|fiskeri|dyrevelfærd|gylle|pesticid)",
    "beskæftigelse": (
        r"\b(?:ældre|plejehjem|pension|førtidspension|kontanthjælp|dagpenge|beskæftigelse|ledig)"
    ),
}


def agenda_set(n: int = 2000, seed: int = 7):
    """``n`` agenda titles naming exactly one subject family, with that family as label."""
    import pandas as pd

    path = SHARED / "ft-dagsorden" / "ft_dagsorden_2007_2023.csv"
    if not path.exists():
        return pd.DataFrame({"text": [], "label": []})
    df = pd.read_csv(path)
    low = df["text"].astype(str).str.lower()
    hits = pd.DataFrame({k: low.str.contains(v, regex=True) for k, v in FAMILIES.items()})
    one = df[hits.sum(axis=1) == 1].assign(label=hits[hits.sum(axis=1) == 1].idxmax(axis=1))
    return one.sample(min(n, len(one)), random_state=seed)[["text", "label"]].reset_index(drop=True)


def topic_sets() -> list[tuple[str, list[str], list[str] | None, str]]:
    """(name, texts, labels or None, unit) for every set present."""
    import pandas as pd

    from bench_scale import sib_sentences

    out = []
    sib = sib_sentences()
    if len(sib):
        out.append(("sib200 (800)", sib["text"].tolist(), sib["label"].tolist(), "note"))
    agenda = agenda_set()
    if len(agenda):
        out.append(
            (f"agenda proxy ({len(agenda):,})", agenda["text"].tolist(), agenda["label"].tolist(), "note")
        )
    notes = ROOT / "data" / "raw" / "2024" / "group_notes.csv"
    if notes.exists():
        out.append(
            ("seminar 2024 (statements)", pd.read_csv(notes)["text"].astype(str).tolist(), None, "statement")
        )
    return out


def quality(clusterings: list[str]) -> list[dict]:
    """ARI (where labelled), topics, diversity, NPMI and seconds per set and clustering."""
    from sklearn.metrics import adjusted_rand_score

    from pipeline.config import NlpConfig, TopicConfig
    from pipeline.flows import topics_for_texts
    from pipeline.nlp import build_nlp, stop_words

    nlp, stops = build_nlp(NlpConfig()), stop_words(NlpConfig())
    rows = []
    for name, texts, labels, unit in topic_sets():
        ks = [None, len(set(labels))] if labels else [None]
        for k in ks:
            for clustering in clusterings:
                start = time.perf_counter()
                cfg = TopicConfig(unit=unit, n_topics=k, clustering=clustering)
                assigned, result = topics_for_texts(texts, cfg, nlp, stop_words=stops)
                q = result.quality
                row = {
                    "set": name,
                    "k_given": k,
                    "clustering": clustering,
                    "used": q["clustering"],
                    "embedding": q["embedding"],
                    "documents": q["n_documents"],
                    "topics": q["n_topics"],
                    "ari": round(float(adjusted_rand_score(labels, assigned["topic"])), 3)
                    if labels
                    else None,
                    "diversity": q["diversity"],
                    "npmi": q["npmi"],
                    "seconds": round(time.perf_counter() - start, 1),
                    "resolution": (q.get("clustering_params") or {}).get("resolution"),
                }
                rows.append(row)
                print(f"# {json.dumps(row, ensure_ascii=False)}", file=sys.stderr, flush=True)
    return rows


_SCALE = """
import json, re, resource, sys, time
sys.path.insert(0, sys.argv[2]); sys.path.insert(0, sys.argv[2] + "/bench")
from bench_scale import build_corpus, source_sentences
from pipeline.topics.static import StaticEmbedder
from pipeline.topics.graph import LeidenCluster
n = int(sys.argv[1])
texts = build_corpus(source_sentences(sib=False), n)
docs = [" ".join(re.findall(r"[a-zæøå]+", t.lower())) for t in texts]
X = StaticEmbedder().fit_transform(docs)
start = time.perf_counter()
model = LeidenCluster(max_clusters=30).fit(X)
seconds = time.perf_counter() - start
rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps({**model.describe(), "seconds": model.timings_, "n": n, "distinct": model.n_nodes_,
                  "fit_seconds": round(seconds, 1), "rss_mb": rss_mb, "topics": model.n_clusters_}))
"""


def scale(sizes: list[int]) -> list[dict]:
    """The graph step alone on ``n`` distinct documents, each in a fresh process."""
    rows = []
    for n in sizes:
        out = subprocess.run(
            [sys.executable, "-c", _SCALE, str(n), str(ROOT)], capture_output=True, text=True, check=False
        )
        if out.returncode != 0:
            rows.append(
                {
                    "n": n,
                    "error": out.stderr.strip().splitlines()[-1]
                    if out.stderr.strip()
                    else f"exit {out.returncode}",
                }
            )
        else:
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"# {json.dumps(rows[-1], ensure_ascii=False)}", file=sys.stderr, flush=True)
    return rows


def tables(q: list[dict], s: list[dict], header: str) -> str:
    """The Markdown that goes into BENCHMARKS.md."""
    lines = [
        header,
        "",
        "| set | k | clustering | used | embedding | documents | topics | ARI | diversity | NPMI | "
        "resolution | s |",
        "|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in q:
        lines.append(
            f"| {r['set']} | {r['k_given'] or 'from data'} | {r['clustering']} | {r['used']} | "
            f"{r['embedding']} | {r['documents']:,} | {r['topics']} | "
            f"{'' if r['ari'] is None else r['ari']} | {r['diversity']} | {r['npmi']} | "
            f"{r['resolution'] or ''} | {r['seconds']} |"
        )
    if s:
        lines += [
            "",
            "The graph step alone (`LeidenCluster(max_clusters=30)`) on distinct documents, static vectors, "
            "fresh process:",
            "",
            "| documents | distinct vectors | neighbours | graph s | Leiden s (3 seeds x 3 resolutions, "
            "then the result) | peak RSS MB | resolution | stability by resolution | topics (communities) |",
            "|---:|---:|---|---:|---:|---:|---:|---|---|",
        ]
        for r in s:
            if "error" in r:
                lines.append(f"| {r['n']:,} | | | failed: {r['error']} | | | | | |")
                continue
            lines.append(
                f"| {r['n']:,} | {r['distinct']:,} | {r['neighbours']} | {r['seconds']['graph']} | "
                f"{r['seconds']['leiden']} | {r['rss_mb']:,} | {r['resolution']} | "
                f"{r['stability_by_resolution']} | {r['topics']} ({r['communities_before_merging_small']}) |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    from bench_scale import machine, write_section

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clusterings", default="spectral,leiden", help="clusterings compared")
    ap.add_argument(
        "--scale",
        default="10000,50000,200000",
        help="distinct-document sizes for the graph step alone ('' to skip)",
    )
    ap.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} by `python bench/bench_graph.py --clusterings "
        f"{args.clusterings} --scale {args.scale}` "
        f"on {machine()}."
    )
    q = quality([c for c in args.clusterings.split(",") if c])
    s = scale([int(n) for n in args.scale.split(",") if n])
    text = tables(q, s, header + f" Load average at the end: {os.getloadavg()[0]:.2f}.")
    print(text)
    print(json.dumps({"bench": "graph", "quality": q, "scale": s}, ensure_ascii=False))
    if not args.no_write:
        write_section(text, ROOT / "BENCHMARKS.md", BEGIN, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
