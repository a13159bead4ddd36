"""Analyst curation: a codebook per seminar that renames, merges, splits, pins, excludes and adds themes.

* :mod:`~pipeline.curation.codebook`: the codebook (frozen dataclasses) read from YAML with line numbers;
* :mod:`~pipeline.curation.match`: entries found again among a run's themes by their evidence; agreement
  figures;
* :mod:`~pipeline.curation.apply`: the codebook checked against the analysis, then applied;
* :mod:`~pipeline.curation.rows`: the themes table rebuilt for the curated key phrases;
* :mod:`~pipeline.curation.template`: the starting codebook of ``seminar curate init``;
* :mod:`~pipeline.curation.excel`: the same codebook as an Excel workbook (``codebook.xlsx``),
  written by ``seminar curate init --xlsx`` and read into the same :class:`Codebook`;
* :mod:`~pipeline.curation.suggest`: the pairs that may be one point, proposed to the analyst, read
  in the order of :mod:`~pipeline.curation.ranking`, never two sides that are only a word the theme
  stage took apart (:mod:`~pipeline.curation.apart`), and the themes of only the question's words
  that two or more groups said more about, to keep as points of those groups
  (:mod:`~pipeline.curation.promote`);
  :mod:`~pipeline.curation.decisions`: the accepted ones as ordinary codebook entries.

Reading and writing the file is :mod:`pipeline.io`'s job; applying it is part of
:func:`pipeline.flows.analyse_seminar`.
"""

from pipeline.curation.codebook import Codebook, CodebookError, Entry, SplitPart
from pipeline.curation.codebook_yaml import parse_codebook

# Applying a codebook needs the theme code (spaCy, scikit-learn); reading one does not. The
# rest is imported on first use, so that reading the codebook (every run) stays cheap.
_LAZY = {
    "CurationResult": "apply",
    "apply_codebook": "apply",
    "check_codebook": "apply",
    "MIN_OVERLAP": "match",
    "agreement": "match",
    "match_entries": "match",
    "theme_evidence": "match",
    "codebook_text": "template",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"pipeline.curation.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'pipeline.curation' has no attribute {name!r}")


__all__ = [
    "MIN_OVERLAP",
    "Codebook",
    "CodebookError",
    "CurationResult",
    "Entry",
    "SplitPart",
    "agreement",
    "apply_codebook",
    "check_codebook",
    "codebook_text",
    "match_entries",
    "parse_codebook",
    "theme_evidence",
]
