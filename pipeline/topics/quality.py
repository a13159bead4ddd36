"""Quality figures of a fitted topic model over its own corpus."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd

from pipeline.topics.documents import BOUNDARY

__all__ = ["topic_quality"]


def topic_quality(
    topic_info: pd.DataFrame, docs: pd.DataFrame, *, stop_words: frozenset[str] = frozenset(), top_n: int = 10
) -> dict:
    """Quality figures of a topic model over its own corpus.

    * ``diversity``: unique words among the topics' top words / all top words (1 = no overlap);
    * ``npmi``: mean normalised PMI of each topic's top-word pairs, from document co-occurrence
      in the corpus (-1 … 1; higher means the words really occur together);
    * ``outlier_share``: share of documents in topic -1.
    """
    doc_sets = [set(d.split()) - {"_", BOUNDARY} for d in docs["topic_doc"]]
    n_docs = max(len(doc_sets), 1)
    df = Counter(w for s in doc_sets for w in s)
    # the documents of each top word, once: a pair's joint count is then a set intersection
    # (a scan of every document per pair took 10 s of a 50,000-statement run)
    top_words = {
        w
        for kw in topic_info.loc[topic_info["topic"] != -1, "keywords"]
        for phrase in kw.split("; ")
        for w in phrase.split()
    }
    holders: dict[str, set[int]] = {w: set() for w in top_words}
    for i, s in enumerate(doc_sets):
        for w in s & top_words:
            holders[w].add(i)
    tops, scores = [], []
    for kw in topic_info.loc[topic_info["topic"] != -1, "keywords"]:
        words = [
            w
            for w in dict.fromkeys(k for phrase in kw.split("; ") for k in phrase.split())
            if w not in stop_words
        ][:top_n]
        tops.append(words)
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                joint = len(holders[a] & holders[b]) / n_docs
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
