"""``seminar topics`` (topics for any table of Danish texts) and ``seminar eval-nlp`` (the NLP scored)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import io
from pipeline.cli.console import step


def topics_cli(
    table: Annotated[
        Path,
        typer.Argument(
            metavar="TABLE", help="Table of texts: CSV (any separator, UTF-8/cp1252), XLSX or Parquet."
        ),
    ],
    text_col: Annotated[
        str, typer.Option("--text-col", metavar="NAME", help="Column holding the texts.")
    ] = "text",
    n_topics: Annotated[
        int | None,
        typer.Option(
            "--n-topics", metavar="N", help="Exactly this many topics (default: chosen automatically)."
        ),
    ] = None,
    unit: Annotated[
        str,
        typer.Option(
            metavar="UNIT",
            help="'statement' (split texts into sentences) or 'document' (one topic per text as a whole).",
        ),
    ] = "statement",
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", metavar="TOML", help="Seminar TOML whose [nlp] and [topics] settings to use."
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option(metavar="N", help="Random seed (default: the config's, else 42).")
    ] = None,
    embedding: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help=(
                "auto (E5 while its estimated time fits [topics] embedding_budget, static word vectors "
                "beyond), e5 (best, slow), static (fast), tfidf-svd, or a local sentence-transformers folder."
            ),
        ),
    ] = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Output table (.csv or .parquet): the input rows plus topic and topic_label.",
        ),
    ] = Path("topics.csv"),
) -> None:
    """Topics for any table of Danish texts; writes every input row with its topic, in input order."""
    from pipeline.flows import topic_settings, topics_for_table
    from pipeline.topics.embedding import EMBEDDINGS

    units = {"statement": "statement", "document": "note", "note": "note"}
    if unit not in units:
        raise typer.BadParameter("use 'statement' or 'document'", param_hint="--unit")
    if n_topics is not None and n_topics < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--n-topics")
    if embedding is not None and embedding not in EMBEDDINGS and not Path(embedding).is_dir():
        raise typer.BadParameter(
            f"use one of {', '.join(EMBEDDINGS)} or a folder holding a sentence-transformers model",
            param_hint="--embedding",
        )
    cfg = io.read_config(config) if config else None
    nlp_cfg, topic_cfg = topic_settings(
        cfg, unit=units[unit], n_topics=n_topics, seed=seed, embedding=embedding
    )
    with step(f"Reading {table.name}"):
        df = io.read_any_table(table)
    with step(f"Finding topics in {len(df)} texts"):
        topics = topics_for_table(df, text_col, cfg, nlp_cfg, topic_cfg, source=str(table))
    with step(f"Writing {out.name}"):
        written = io.write_topics(topics, out)
    typer.echo(topics.summary())
    typer.echo(f"wrote {written} ({len(topics.table)} rows)")


def eval_nlp_cli(
    conllu: Annotated[
        Path,
        typer.Argument(
            metavar="CONLLU", help="Gold CoNLL-U file (e.g. UD Danish DDT dev) or CDT CoNLL-X file."
        ),
    ],
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", metavar="TOML", help="Seminar TOML whose [nlp] pipeline to evaluate."),
    ] = None,
    pipeline: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Pipeline to evaluate instead: danish, auto, a package name or a path."
        ),
    ] = None,
    conventions: Annotated[
        str, typer.Option(metavar="NAME", help="Lemma conventions: 'ud' (as the treebank) or 'themes'.")
    ] = "ud",
    as_json: Annotated[
        bool, typer.Option("--json", help="Also print one JSON object on the last line.")
    ] = False,
) -> None:
    """Evaluate the Danish pipeline on a CoNLL-U or CDT CoNLL-X file.

    Scores: token_f, sents_f, lemma_acc, pos_acc, uas, las, words/s.
    """
    import json
    from dataclasses import replace

    from pipeline.config import NlpConfig
    from pipeline.danish.evaluate import nlp_report
    from pipeline.nlp import build_nlp, resolve_pipeline_name

    if conventions not in {"ud", "themes"}:
        raise typer.BadParameter("use 'ud' or 'themes'", param_hint="--conventions")
    nlp_cfg = io.read_config(config).nlp if config else NlpConfig()
    nlp_cfg = replace(nlp_cfg, lemma_conventions=conventions, **({"pipeline": pipeline} if pipeline else {}))
    text = io.read_text_file(conllu)
    with step("Loading the Danish language pipeline"):
        nlp = build_nlp(nlp_cfg)
    with step(f"Evaluating on {conllu.name}"):
        result = nlp_report(nlp, text, resolve_pipeline_name(nlp_cfg.pipeline), conventions)
    width = max(len(k) for k in result)
    for key, value in result.items():
        typer.echo(f"{key:<{width}}  {value}")
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
