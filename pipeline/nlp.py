"""Danish NLP: split notes into statements and analyse them with spaCy.

``build_nlp`` builds the pipeline once; ``make_statements`` turns the ``notes`` table into the
``statements`` table (one row per sentence or bullet).
"""

from __future__ import annotations

import logging
import os
import re

import pandas as pd

from pipeline.config import NlpConfig
from pipeline.errors import ConfigError
from pipeline.ingest._text import nlp_blocks, strip_list_markers
from pipeline.schemas import Notes, Statements, numbered_groups, validate

__all__ = [
    "build_nlp",
    "content_lemmas",
    "is_content",
    "make_statements",
    "split_blocks",
    "stop_words",
    "token_lemma",
]

log = logging.getLogger(__name__)


def stop_words(cfg: NlpConfig) -> frozenset[str]:
    """Danish stop words (spaCy's list plus seminar-note domain words) and the configured extras (lemmas)."""
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
    project's abbreviation exceptions, a sentence splitter for notes, the shipped UPOS tagger
    (``token.pos_``), the shipped dependency parser (``token.dep_``/``token.head`` with CDT
    relations, one tree per sentence; ``doc.noun_chunks`` and :func:`pipeline.danish.syntax.phrases`
    read it), the Danish lemmatizer (which uses the tags where they decide the lemma)
    and the compound splitter (``token._.compound_parts``). Without the tagger's model files
    it falls back to the tagger-free pipeline (logged); ``"danish-notagger"`` asks for that
    pipeline directly. Any other value is
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
    if name in {"danish", "danish-notagger"}:
        nlp = make_nlp(compounds=True, ud_conventions=ud, tagger=name == "danish")
        log.info(
            "NLP: bundled Danish pipeline %s (lemma conventions: %s)", nlp.pipe_names, cfg.lemma_conventions
        )
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


def has_pos(nlp) -> bool:
    """True when the pipeline has a component that sets ``token.pos_``."""
    # spaCy's own tagger assigns token.tag only, but trained pipelines map tags to POS with
    # an attribute_ruler, hence the names as well
    return any(
        "token.pos" in nlp.get_pipe_meta(name).assigns
        or name in {"tagger", "morphologizer", "attribute_ruler"}
        for name in nlp.pipe_names
    )


def token_lemma(token) -> str:
    """The token's lemma, lower-cased (its lower-cased form when the pipeline gave none)."""
    return token.lemma_.casefold() or token.lower_


def content_word(text: str, lemma: str, is_stop: bool, stops: frozenset[str]) -> bool:
    """Whether a word is a content word: the rule :func:`is_content` and the statements table share.

    A word with a letter in it, longer than one character, neither its form nor its lemma a stop
    word. Hyphens, digits and apostrophes do not make a word less of a word ("CO2-afgift",
    "el-biler", "Hverken-eller", "3F's", "1990'erne"). Left out, each with its reason: an
    abbreviation the lemmatizer did not expand ("m.m.", "A.": its lemma keeps the full stop) and a
    fixed expression an abbreviation stands for ("bl.a." → "blandt_andet", "ift." →
    "i_forhold_til"), both function words; the statement's ``tokens`` and ``lemmas`` keep them.
    """
    return (
        len(text) > 1
        and not is_stop
        and any(ch.isalpha() for ch in text)
        and lemma not in stops
        and "." not in lemma
        and "_" not in lemma
    )


def is_content(token, stops: frozenset[str]) -> bool:
    """A content word (:func:`content_word`) of a spaCy token."""
    return content_word(token.text, token_lemma(token), token.is_stop, stops)


def split_blocks(text: str) -> list[str]:
    """Split a note into blocks that sentence splitting must not join: paragraphs and bullets."""
    lines = [line for line in re.split(r"\n+", text) if line.strip()]
    return [line.strip() for line in strip_list_markers(lines) if line.strip()]


#: Above this many characters of notes, statements are made in parallel (one process a core).
PARALLEL_CHARS = 300_000
#: Notes per chunk handed to a worker process.
_CHUNK = 500

_WORKER: dict = {}


def _processes(notes: pd.DataFrame) -> int:
    """How many processes make the statements: one per available core for large inputs where fork exists."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if int(notes["text"].str.len().sum()) < PARALLEL_CHARS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, 8))


def _worker_rows(bounds: tuple[int, int]) -> list[dict]:
    notes, nlp, stops = _WORKER["notes"], _WORKER["nlp"], _WORKER["stops"]
    return _statement_rows(notes[bounds[0] : bounds[1]], nlp, stops)


def _word_reader(nlp, stops: frozenset[str]):
    """A function from a document to its tokens.

    Each token is ``(text, lemma, pos, is_alpha, is_space, is_content, parts)``.
    It reads whole attribute arrays and looks each distinct word up once (a dict per run),
    instead of a Python ``Token`` object per word and attribute: the same values as
    :func:`token_lemma`, :func:`is_content` and ``token._.compound_parts``, several times faster.
    """
    from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH, POS
    from spacy.tokens import Token

    tagged = has_pos(nlp)
    strings = nlp.vocab.strings
    # compound parts are stored where ``token._.compound_parts = ...`` puts them, unless the
    # extension was redefined with a getter or setter (then read through it)
    ext = Token.get_extension("compound_parts") if Token.has_extension("compound_parts") else None
    plain_parts = ext is not None and ext[2] is None and ext[3] is None
    default_parts = ext[0] if ext is not None else None
    words: dict[tuple, tuple] = {}
    attrs = [ORTH, LOWER, LEMMA, POS, IS_ALPHA, IS_SPACE, IS_STOP, IDX]

    def read(doc) -> list[tuple]:
        out = []
        user_data = doc.user_data
        for k, (orth, lower, lemma, pos, alpha, space, stop, idx) in enumerate(doc.to_array(attrs).tolist()):
            key = (orth, lemma, pos)
            word = words.get(key)
            if word is None:
                text = strings[orth]
                lem = strings[lemma].casefold() if lemma else ""
                lem = lem or strings[lower]
                content = content_word(text, lem, bool(stop), stops)
                word = words[key] = (
                    text,
                    lem,
                    (strings[pos] if pos else "") or "X" if tagged else "X",
                    bool(alpha),
                    bool(space),
                    content,
                )
            if not (word[3] or "-" in word[0]):  # a hyphenated compound has parts too
                parts = None
            elif plain_parts:
                parts = user_data.get(("._.", "compound_parts", idx, None), default_parts)
            elif ext is not None:
                parts = doc[k]._.compound_parts
            else:
                parts = None
            out.append((*word, parts))
        return out

    return read


def _statement_rows(note_rows: list, nlp, stops: frozenset[str]) -> list[dict]:
    """The statement rows of some notes (see :func:`make_statements`)."""
    read = _word_reader(nlp, stops)
    rows = []
    # One stream over the blocks of all notes, so that the tagger sees full batches (per note,
    # it ran one short batch at a time: twice the time over many short texts).
    # Markup masked and long blocks cut (nlp_blocks); the quote is cut from the block as written.
    blocks = (
        (masked, (i, block))
        for i, note in enumerate(note_rows)
        for masked, block in nlp_blocks(split_blocks(note.text))
    )
    positions = [0] * len(note_rows)
    for doc, (i, block) in nlp.pipe(blocks, as_tuples=True, batch_size=256):
        note = note_rows[i]
        position = positions[i]
        tokens = read(doc)
        for sent in doc.sents:
            text = block[sent.start_char : sent.end_char].strip()
            sent_tokens = tokens[sent.start : sent.end]
            if all(t[4] for t in sent_tokens):
                # nothing but masked markup (tags, link targets, placeholders for removed personal
                # data): not what the group said. Every other sentence is a statement, whatever its
                # words are made of ("Hverken-eller.", "50 %.", "§ 3.", "👍"): nothing is lost.
                continue
            # (text, lemma, pos, is_alpha, is_space, is_content, compound parts)
            words = [t for t in sent_tokens if not t[4]]
            parts = [p for t in sent_tokens if len(t[6] or []) > 1 for p in t[6]]
            rows.append(
                {
                    "statement_id": f"{note.note_id}-{position:02d}",
                    "note_id": note.note_id,
                    "year": note.year,
                    "core_area": note.core_area,
                    "group": note.group,
                    "position": position,
                    "text": text,
                    "tokens": " ".join(t[0].replace(" ", "_") for t in words),
                    "lemmas": " ".join(t[1].replace(" ", "_") for t in words),
                    # UPOS from the tagger; "X" for every word when the pipeline has none, so
                    # that the column always exists and aligns with tokens and lemmas
                    "pos": " ".join(t[2] for t in words),
                    "content_lemmas": " ".join(t[1] for t in sent_tokens if t[5]),
                    "compound_parts": " ".join(p for p in parts if p not in stops),
                }
            )
            position += 1
        positions[i] = position
    return rows


#: Components that only tag or parse, which a caller that needs no word classes can leave out (the
#: bundled lemmatizer then lemmatizes without them, as the tagger-free pipeline does; the parser
#: reads the tags).
TAG_ONLY = ("danish_tagger", "parser")


def make_statements(
    notes: pd.DataFrame, nlp, cfg: NlpConfig, *, n_process: int | None = None, tags: bool = True
) -> pd.DataFrame:
    """One row per statement (sentence or bullet) of every note, with lemmas.

    Nothing of a note is lost here: every sentence with a token that is not a space is a statement,
    whatever its words are made of ("Hverken-eller.", "50 %.", "§ 3.", "👍"); only a sentence of
    markup alone (tags, link targets, placeholders for removed personal data: text the group did
    not write, which ingest rejects a note of) is none. Each word is in ``tokens`` and ``lemmas``;
    :func:`content_word` says which are content words and why the others are not.

    Args:
        notes: The ``notes`` table.
        nlp: A pipeline from :func:`build_nlp`.
        cfg: NLP settings (stop words).
        n_process: Worker processes; None: one per core above :data:`PARALLEL_CHARS` characters
            of notes (where the platform can fork), else one. The table is the same either way.
        tags: Whether the word classes are needed. False leaves the bundled tagger out (3/4 of
            the pipeline's time): ``pos`` is ``X`` throughout and a few lemmas that the word
            class decides (``de``, adjectives in ``-t``) come from the words alone. Topics of
            texts need no tags; themes do (noun phrases, clauses).

    Returns:
        The ``statements`` table (:class:`~pipeline.schemas.Statements`), in note order.
    """
    skip = [name for name in TAG_ONLY if name in nlp.pipe_names] if not tags else []
    if skip:
        with nlp.select_pipes(disable=skip):
            return make_statements(notes, nlp, cfg, n_process=n_process)
    notes = validate(numbered_groups(notes), Notes)
    stops = stop_words(cfg)
    note_rows = list(notes.itertuples(index=False))
    n_process = _processes(notes) if n_process is None else n_process
    if n_process <= 1 or len(note_rows) <= _CHUNK:
        rows = _statement_rows(note_rows, nlp, stops)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Forked workers inherit the loaded pipeline; chunks come back in note order.
        _WORKER.update(notes=note_rows, nlp=nlp, stops=stops)
        try:
            with ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork")) as pool:
                chunks = [(i, i + _CHUNK) for i in range(0, len(note_rows), _CHUNK)]
                rows = [row for part in pool.map(_worker_rows, chunks) for row in part]
        finally:
            _WORKER.clear()
    return validate(pd.DataFrame(rows, columns=list(Statements.to_schema().columns)), Statements)


def content_lemmas(text: str, nlp, stops: frozenset[str]) -> list[str]:
    """Content-word lemmas of a short text (a theme, a question), in order, without repeats."""
    return list(dict.fromkeys(token_lemma(t) for t in nlp(text) if is_content(t, stops)))
