"""``make bench``: every benchmark of the project, printed as tables (results go in BENCHMARKS.md).

* pipeline: wall time of each stage on the bundled 2024 seminar (25 notes);
* nlp: the Danish pipeline on UD Danish DDT dev (needs ../shared/data/ud-danish-ddt);
* themes: the recurring sub-themes of the 2024 seminar and of the DR Mærkesager 2015 dev set (needs
  ../shared/data/dr-maerkesager-dev) against points read by hand, whether each counted group's own
  words fit its theme's label, and their stability under reversed input order;
* topics: ``seminar topics`` against LDA, NMF, TF-IDF+SVD+k-means and BERTopic UMAP+HDBSCAN on
  SIB-200 Danish (needs ../shared/data/sib200-da);
* years: ``seminar compare --years all`` over the Folketing's agenda 2013–2023, each known event's
  counts per year beside a hand count (``bench/bench_years.py``; needs ../shared/data/ft-dagsorden);
* graph: Leiden on a neighbour graph against spectral clustering on SIB-200, an agenda-title set
  and the 2024 seminar, and the graph step alone at 10,000 to 200,000 distinct documents
  (``bench/bench_graph.py``; writes its tables into BENCHMARKS.md);
* scale: ``seminar topics`` at 1,000 to 200,000 statements and ``seminar run`` cold and warm,
  each in fresh processes (``bench/bench_scale.py``; writes its tables into BENCHMARKS.md).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def bench_pipeline() -> None:
    """Time each stage of what `seminar run` does, through the same flow.

    No cache, no DOCX charts, nothing written.
    """
    from pipeline.flows import run_seminar
    from pipeline.io import read_config

    cfg = read_config(ROOT / "data/raw/2024/seminar.toml")
    run = run_seminar(cfg)
    names = {"ingest": "ingest (summary text)", "reports": "reports (no DOCX charts)"}
    print(
        f"\n## Pipeline stages, 2024 seminar ({len(run.ingest.notes)} notes, "
        f"{len(run.analysis.statements)} statements)"
    )
    print(f"{'stage':<26} seconds")
    for name, seconds in run.timings.items():
        print(f"{names.get(name, name):<26} {seconds:7.2f}")


def main() -> int:
    """Run every benchmark in turn and print its tables (Markdown) to standard output."""
    bench_pipeline()
    conllu = ROOT.parent / "shared" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu"
    if conllu.exists():
        print("\n## Danish NLP on UD Danish DDT dev")
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "bench_nlp.py"), "--conllu", str(conllu)], check=True
        )
    else:
        print(f"\n(skipped the NLP benchmark: {conllu} not found)")
    print("\n## Sub-themes against hand-read points: 2024 seminar and DR Mærkesager 2015 dev")
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_themes.py")], check=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_suggestions.py")], check=True)
    print("\n## Groups an area page shows no point of (2024 seminar and DR Mærkesager 2015 dev)")
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_visible.py")], check=True)
    print("\n## Statement-level topics (seminar topics) against SIB-200 topics (ARI/NMI)")
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_topics.py")], check=True)
    print(
        "\n## Trajectories over years: the Folketing's agenda 2013–2023 against a hand count of known events"
    )
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_years.py")], check=True)
    print("\n## Topics on a neighbour graph (Leiden) against spectral clustering; the graph step at scale")
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_graph.py")], check=True)
    print("\n## Scale: seminar topics from 1,000 to 200,000 statements, seminar run cold and warm")
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_scale.py")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
