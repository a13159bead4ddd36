"""Danish NLP: split notes into statements and analyse them with spaCy.

``build_nlp`` builds the pipeline once; ``make_statements`` turns the ``notes`` table into the
``statements`` table (one row per sentence or bullet).
"""

from __future__ import annotations

import logging
import re

import pandas as pd

from pipeline.config import NlpConfig
from pipeline.errors import ConfigError
from pipeline.ingest._text import BULLET_RE
from pipeline.schemas import Notes, Statements, validate

__all__ = ["build_nlp", "content_lemmas", "is_content", "make_statements", "split_blocks", "stop_words", "token_lemma"]

log = logging.getLogger(__name__)

def stop_words(cfg: NlpConfig) -> frozenset[str]:
    """Danish stop words (spaCy's list plus seminar-note domain words) and the configured extras, as lemmas."""
    from pipeline.danish import STOP_WORDS

    return STOP_WORDS | frozenset(w.casefold() for w in cfg.extra_stop_words)


TRAINED_DANISH = ("da_core_news_lg", "da_core_news_md", "da_core_news_sm")


def resolve_pipeline_name(requested: str) -> str:
    """The pipeline ``build_nlp`` will use: ``"auto"`` becomes the largest installed trained Danish one."""
    if requested != "auto":
        return requested
    import spacy.util

    return next((name for name in TRAINED_DANISH if spacy.util.is_package(name)), "danish")


def build_nlp(cfg: NlpConfig):
    """Build the spaCy pipeline named in the configuration.

    ``"danish"`` is the bundled offline pipeline: spaCy's blank Danish tokenizer with the
    project's abbreviation exceptions, a sentence splitter for notes, the tagger-free Danish
    lemmatizer and the compound splitter (``token._.compound_parts``). Any other value is
    loaded with ``spacy.load`` (an installed package such as ``da_core_news_sm``, or a path),
    and the project's tokenizer exceptions, sentence splitter (when the pipeline has no parser
    or senter) and compound splitter are added on top. The choice is logged.

    Raises:
        ConfigError: The named pipeline is not installed.
    """
    import spacy

    from pipeline.danish import add_to_tokenizer, make_nlp

    name = resolve_pipeline_name(cfg.pipeline)
    ud = cfg.lemma_conventions == "ud"
    if name == "danish":
        nlp = make_nlp(compounds=True, ud_conventions=ud)
        log.info("NLP: bundled Danish pipeline %s (lemma conventions: %s)", nlp.pipe_names, cfg.lemma_conventions)
        return nlp
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ConfigError(
            "seminar TOML",
            f"[nlp] pipeline = {name!r} is not installed (spaCy cannot load it)",
            'install the pipeline package, give the path to a saved pipeline, or use pipeline = "danish"',
        ) from None
    add_to_tokenizer(nlp)
    if not {"parser", "senter", "sentencizer", "danish_sentences"} & set(nlp.pipe_names):
        nlp.add_pipe("danish_sentences", first=True)
    nlp.add_pipe("danish_compounds")
    log.info("NLP: trained pipeline %s %s", name, nlp.pipe_names)
    return nlp


def token_lemma(token) -> str:
    """The token's lemma, lower-cased (its lower-cased form when the pipeline gave none)."""
    return token.lemma_.casefold() or token.lower_


def is_content(token, stops: frozenset[str]) -> bool:
    """A content word: letters only, longer than one letter, and neither its form nor its lemma a stop word."""
    return token.is_alpha and len(token) > 1 and not token.is_stop and token_lemma(token) not in stops


def split_blocks(text: str) -> list[str]:
    """Split a note into blocks that sentence splitting must not join: paragraphs and bullets."""
    blocks = []
    for line in re.split(r"\n+", text):
        line = BULLET_RE.sub("", line).strip()
        if line:
            blocks.append(line)
    return blocks


def make_statements(notes: pd.DataFrame, nlp, cfg: NlpConfig) -> pd.DataFrame:
    """One row per statement (sentence or bullet) of every note, with lemmas.

    Args:
        notes: The ``notes`` table.
        nlp: A pipeline from :func:`build_nlp`.
        cfg: NLP settings (stop words).

    Returns:
        The ``statements`` table (:class:`~pipeline.schemas.Statements`), in note order.
    """
    notes = validate(notes, Notes)
    stops = stop_words(cfg)
    rows = []
    for note in notes.itertuples(index=False):
        position = 0
        for doc in nlp.pipe(split_blocks(note.text)):
            for sent in doc.sents:
                text = sent.text.strip()
                if not any(t.is_alpha for t in sent):
                    continue
                words = [t for t in sent if not t.is_space]
                lemmas = [token_lemma(t).replace(" ", "_") for t in words]
                content = [token_lemma(t) for t in sent if is_content(t, stops)]
                parts = [p for t in sent if t.is_alpha and len(t._.compound_parts or []) > 1 for p in t._.compound_parts]
                rows.append(
                    {
                        "statement_id": f"{note.note_id}-{position:02d}",
                        "note_id": note.note_id,
                        "year": note.year,
                        "core_area": note.core_area,
                        "group": note.group,
                        "position": position,
                        "text": text,
                        "tokens": " ".join(t.text.replace(" ", "_") for t in words),
                        "lemmas": " ".join(lemmas),
                        "content_lemmas": " ".join(content),
                        "compound_parts": " ".join(p for p in parts if p not in stops),
                    }
                )
                position += 1
    return validate(pd.DataFrame(rows, columns=list(Statements.to_schema().columns)), Statements)


def content_lemmas(text: str, nlp, stops: frozenset[str]) -> list[str]:
    """Content-word lemmas of a short text (a theme, a question), in order, without repeats."""
    return list(dict.fromkeys(token_lemma(t) for t in nlp(text) if is_content(t, stops)))
