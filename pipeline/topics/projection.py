"""2-D coordinates of statements for a map chart (computed here, drawn in :mod:`pipeline.plots`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from pipeline.topics.model import TopicResult

__all__ = ["statement_map"]


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
