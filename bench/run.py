"""``make bench``: every benchmark of the project, printed as tables (results go in BENCHMARKS.md).

* pipeline: wall time of each stage on the bundled 2024 seminar (25 notes);
* nlp: the Danish pipeline on UD Danish DDT dev (needs ../shared/data/ud-danish-ddt);
* topics: the topic stage against LDA, NMF, TF-IDF+SVD+k-means and BERTopic UMAP+HDBSCAN on the
  2024 seminar (note and statement level) and SIB-200 Danish (needs ../shared/data/sib200-da).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def bench_pipeline() -> None:
    from pipeline.ingest import ingest
    from pipeline.io import config_sources, read_config
    from pipeline.nlp import build_nlp, make_statements, stop_words
    from pipeline.report import build_area_context, render_area_html
    from pipeline.themes import find_themes
    from pipeline.topics import fit_topics, statement_map

    timings = {}
    t = time.perf_counter()
    cfg = read_config(ROOT / "data/raw/2024/seminar.toml")
    sources = config_sources(cfg)
    result = ingest(sources, cfg)
    timings["ingest (summary text)"] = time.perf_counter() - t
    t = time.perf_counter()
    nlp = build_nlp(cfg.nlp)
    timings["build_nlp"] = time.perf_counter() - t
    t = time.perf_counter()
    statements = make_statements(result.notes, nlp, cfg.nlp)
    timings["statements"] = time.perf_counter() - t
    t = time.perf_counter()
    topics = fit_topics(statements, cfg.topics, stop_words=stop_words(cfg.nlp))
    timings["topics"] = time.perf_counter() - t
    t = time.perf_counter()
    themes = find_themes(topics.statement_topics, result.notes, cfg, embeddings=topics.embeddings)
    timings["themes"] = time.perf_counter() - t
    t = time.perf_counter()
    for area in dict.fromkeys(result.notes["core_area"]):
        render_area_html(build_area_context(area, cfg, result.notes, topics.statement_topics, themes, result.rejects, {}, statement_map(topics)))
    timings["reports (5 areas)"] = time.perf_counter() - t
    print(f"\n## Pipeline stages, 2024 seminar ({len(result.notes)} notes, {len(statements)} statements)")
    print(f"{'stage':<24} seconds")
    for name, seconds in timings.items():
        print(f"{name:<24} {seconds:7.2f}")


def main() -> int:
    bench_pipeline()
    conllu = ROOT.parent / "shared" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu"
    if conllu.exists():
        print("\n## Danish NLP on UD Danish DDT dev")
        subprocess.run([sys.executable, str(ROOT / "bench" / "bench_nlp.py"), "--conllu", str(conllu)], check=True)
    else:
        print(f"\n(skipped the NLP benchmark: {conllu} not found)")
    print("\n## Topic clustering (ARI/NMI against core areas and SIB-200 topics)")
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_topics.py")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
