"""The ``seminar`` command: each command parses its options, reads through :mod:`pipeline.io`, calls a flow and writes.

What the terminal shows (progress, what was read, errors in one line) is :mod:`pipeline.console`'s.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from pipeline import __version__, io
from pipeline.console import Settings, StderrProxy, echo_err, report_curation, report_ingest, run, step

app = typer.Typer(
    name="seminar",
    help="Turn seminar group notes into recurring-theme reports (Danish).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: square brackets such as [nlp] are shown as written, not read as Rich markup.
    rich_markup_mode=None,
)

ConfigOpt = Annotated[
    Path,
    typer.Option(
        "--config", "-c", metavar="TOML", help="Seminar TOML file, e.g. data/raw/2024/seminar.toml."
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"seminar-themes {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step.")] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress display (it is also off when stderr is not a terminal)."
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    # The log goes to whatever sys.stderr is at the time, so that a running spinner can keep it apart.
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(message)s", stream=StderrProxy()
    )
    Settings.debug = debug
    Settings.quiet = quiet


@app.command("ingest", short_help="Read notes files into one table (with a manifest and the rejected notes).")
def ingest_cli(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH", help="Notes files or folders (CSV, XLSX, DOCX, PDF, TXT, MD)."),
    ],
    config: ConfigOpt,
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="Notes table to write (.csv or .parquet).")
    ] = Path("notes.csv"),
) -> None:
    """Read notes into one table; write a manifest and the rejected notes next to it."""
    from pipeline.ingest import ingest

    cfg = io.read_config(config)
    with step("Reading notes"):
        result = ingest(io.collect_sources(list(paths)), cfg)
    report_ingest(result)
    with step("Writing the notes table"):
        written = io.write_ingest_outputs(result, out, cfg)
    typer.echo(f"wrote {written['notes']} and {written['manifest'].name}, {written['rejects'].name}")
    if not result.ok:
        echo_err("error: no usable notes were read")
        raise typer.Exit(1)


@app.command("run", short_help="Whole pipeline for one seminar: notes to theme reports.")
def run_cli(
    config: ConfigOpt,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do everything again; ignore the work kept from earlier runs.")
    ] = False,
) -> None:
    """Run the whole pipeline for one seminar: ingest, statements, topics, themes, reports.

    Work is kept in the processed folder's .cache/ and reused while the notes, settings and
    program are unchanged (after a codebook edit only the curation is done again).
    """
    from pipeline.reuse import (
        analyse_seminar_reusing,
    )  # not via flows: its imports (topics, themes) are not needed on a re-run
    from pipeline.ingest import ingest
    from pipeline.report import render_seminar_pages

    cfg = io.read_config(config)
    codebook, known = (
        io.read_codebook(cfg),
        io.read_known_decisions(cfg),
    )  # a bad codebook stops the run before the long steps
    with step("Reading notes"):
        result = ingest(io.config_sources(cfg), cfg)
    cfg = result.configured(cfg)  # a question's options the summary listed
    report_ingest(result)
    if not result.ok:
        echo_err("error: no usable notes were read; nothing to analyse")
        raise typer.Exit(1)
    # Work of earlier runs is reused: the whole automatic analysis when notes and settings are
    # unchanged (a codebook edit), else the vectors of phrases embedded before.
    cache = io.RunCache.load(cfg, fresh=no_cache)
    with step(f"Finding statements and themes in {len(result.notes)} notes"):
        analysis, cache.reusable = analyse_seminar_reusing(
            result.notes,
            result.rejects,
            cfg,
            codebook=codebook,
            reusable=cache.reusable,
            embedding_cache=cache.embeddings,
            known=known,
        )
    cache.save()
    if analysis.curation is not None:
        report_curation(analysis.curation)
    with step("Drawing charts and building the reports"), io.chart_renderer(cache.charts) as render_png:
        pages = render_seminar_pages(
            analysis, cfg, render_png=render_png, extra_method=result.method_lines(cfg)
        )
    typer.echo(f"NLP pipeline: {analysis.nlp_name}")
    with step("Writing tables and reports"):  # the previous outputs are replaced only when all is written
        written = io.write_run(result, analysis, pages, cfg)
    n_pages = sum(1 for k in written if k.endswith((".html", ".md", ".docx")))
    n_tables = sum(1 for k in written if k in io.ANALYSIS_TABLES)
    typer.echo(f"wrote {n_tables} tables to {cfg.processed_dir} and {n_pages} pages to {cfg.reports_dir}")
    typer.echo(f"open {cfg.reports_dir / 'index.html'}")


from pipeline.cli_curate import curate_app  # noqa: E402  (holds curate accept/reject; init is below)

app.add_typer(curate_app, name="curate", short_help="Curate themes: a codebook that survives re-runs.")


@curate_app.command("init", short_help="Write a starting codebook from the current themes.")
def curate_init_cli(
    config: ConfigOpt,
    from_year: Annotated[
        int | None,
        typer.Option(
            "--from",
            metavar="YEAR",
            help="Carry the codebook of this earlier year over (names, memos, merges, splits, new themes).",
        ),
    ] = None,
    raw_dir: Annotated[
        Path,
        typer.Option(
            metavar="DIR", help="Where to look for the earlier year's seminar folder (with --from)."
        ),
    ] = Path("data/raw"),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Codebook to write (default: codebook.yaml, or codebook.xlsx with --xlsx, beside the TOML).",
        ),
    ] = None,
    xlsx: Annotated[
        bool,
        typer.Option(
            "--xlsx", help="Write the codebook as an Excel workbook (codebook.xlsx) instead of YAML."
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing codebook.")] = False,
) -> None:
    """Find the themes (without a codebook) and write a codebook with one entry per theme: YAML with comments, or an Excel workbook with --xlsx."""
    from pipeline.curation import CodebookError
    from pipeline.flows import starting_codebook
    from pipeline.ingest import ingest

    cfg = io.read_config(config)
    xlsx = xlsx or (out is not None and out.suffix.lower() == ".xlsx")
    target = out or io.codebook_path(cfg, xlsx=xlsx)
    if target.exists() and not force:
        io.write_codebook("", target)  # raises the message that names the file and the fix
    other = io.codebook_path(cfg, xlsx=not xlsx)
    if out is None and other.exists():  # a run would find two codebooks
        raise CodebookError(
            str(other),
            f"a codebook is already there, and a run applies only one ({other.name} or {target.name})",
            f"curate in {other.name}, or move it out of the folder before writing {target.name}",
        )
    previous, previous_name = None, ""
    if from_year is not None:
        if from_year >= cfg.year:
            raise typer.BadParameter(
                f"{from_year} is not earlier than the seminar's year {cfg.year}", param_hint="--from"
            )
        from pipeline.years import read_year_codebook

        previous, previous_name = read_year_codebook(raw_dir, from_year)
    with step("Reading notes"):
        result = ingest(io.config_sources(cfg), cfg)
    if not result.ok:
        report_ingest(result)
        echo_err("error: no usable notes were read; nothing to curate")
        raise typer.Exit(1)
    with step(f"Finding the themes of {len(result.notes)} notes"):
        book, n = starting_codebook(
            result.notes, result.rejects, cfg, xlsx=xlsx, previous=previous, previous_name=previous_name
        )
    written = io.write_codebook(book, target, force=force)
    typer.echo(f"wrote {written} ({n} themes{', carried over from ' + previous_name if previous else ''})")
    typer.echo(f"edit it, then run: seminar run --config {config}")


YearsOpt = typer.Option(
    "--years",
    metavar="YEAR ...",
    help="Compare these years (--years 2022 2023 2024 2025), or 'all' for every year found.",
)
ConfigsOpt = typer.Option(
    "--config",
    "-c",
    metavar="TOML",
    help="Seminar TOMLs to compare (repeat); default: data/raw/*/seminar.toml of the years.",
)


@app.command(
    "compare",
    short_help="What is new, growing or faded from year to year.",
    context_settings={"allow_extra_args": True},
)
def compare_cli(
    ctx: typer.Context,
    base: Annotated[
        int | None, typer.Option(metavar="YEAR", help="Earlier year of a pair, e.g. 2024.")
    ] = None,
    target: Annotated[
        int | None, typer.Option(metavar="YEAR", help="Later year of a pair, e.g. 2025.")
    ] = None,
    years: Annotated[str | None, YearsOpt] = None,
    config: Annotated[list[Path] | None, ConfigsOpt] = None,
    raw_dir: Annotated[
        Path, typer.Option(metavar="DIR", help="Where to look for the seminars' folders.")
    ] = Path("data/raw"),
) -> None:
    """Compare the themes of two or more years on each year's own pages (new, growing, persisting, shrinking, faded),
    with the groups' own words; a year without a stored analysis of its notes is analysed first and its pages written."""
    from pipeline import years as y
    from pipeline.flows import compare_seminars

    cfgs = y.comparison_configs(raw_dir, config, _compare_years(ctx, base, target, years))
    name, last = y.comparison_name(list(cfgs)), max(cfgs)
    with step(f"Reading the notes of {len(cfgs)} years"):
        read = y.read_years(cfgs)
    for year, files in read.items():
        report_ingest(files.result)
        if not files.result.ok:
            echo_err(f"error: no usable notes were read for {year}; nothing to compare")
            raise typer.Exit(1)
    inputs, caches = (
        {year: f.year_input() for year, f in read.items()},
        {year: f.cache for year, f in read.items()},
    )
    with step(f"Comparing {len(cfgs)} years"), io.chart_renderer(caches[last].charts) as png:
        compared = compare_seminars(
            inputs,
            embedding_cache=caches[last].embeddings,
            render_png=png,
            year_links=y.year_links(cfgs, name),
            folder_name=name,
        )
    for year, (analysis, reusable, pages) in compared.analysed.items():
        io.write_run(read[year].result, analysis, pages, cfgs[year])
        caches[year].reusable = reusable
        typer.echo(f"{year}: analysed first; wrote {cfgs[year].reports_dir / 'index.html'}")
    for cache in caches.values():
        cache.save()
    with step("Writing the comparison"):
        tables, page = y.write_comparison(compared.comparison, compared.pages, cfgs[last], name)
    c = compared.comparison
    typer.echo(
        f"{c.base} → {c.target}: "
        + ", ".join(
            f"{k} {v}" for k, v in sorted(c.status["status"].value_counts().items()) if k != "enkeltstående"
        )
    )
    typer.echo(f"wrote {tables}/ and {page}")


def _compare_years(
    ctx: typer.Context, base: int | None, target: int | None, years: str | None
) -> list[int] | None:
    """The years asked for: ``--base``/``--target``, ``--years Y1 Y2 ...`` (the rest arrive as extra arguments) or ``--years all`` (None)."""
    values = [*(years or "").replace(",", " ").split(), *ctx.args]
    if (
        years is None
        and (ctx.args or base is None or target is None)
        or years is not None
        and (base, target) != (None, None)
    ):
        raise typer.BadParameter(
            "give --base and --target (two years), or --years (not both)", param_hint="--years"
        )
    if years is None and base >= target:
        raise typer.BadParameter(
            f"{base} is not earlier than --target {target}; give the earlier year as --base",
            param_hint="--base",
        )
    if years is None or values == ["all"]:
        return None if years else [base, target]
    if not all(v.isdigit() for v in values) or len(set(values)) < 2:
        raise typer.BadParameter(
            f"give two years or more, e.g. --years 2023 2024 2025, or --years all (not {' '.join(values)!r})",
            param_hint="--years",
        )
    return sorted({int(v) for v in values})


@app.command("topics", short_help="Topics for any table of Danish texts.")
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
            help="auto (E5 while its estimated time fits [topics] embedding_budget, static word vectors beyond), e5 (best, slow), static (fast), tfidf-svd, or a local sentence-transformers folder.",
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
    from pipeline.topics.embedders import EMBEDDINGS

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


@app.command("eval-nlp", short_help="Score the Danish NLP pipeline on a CoNLL-U or CDT CoNLL-X file.")
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
    """Evaluate the Danish pipeline on a CoNLL-U or CDT CoNLL-X file: token_f, sents_f, lemma_acc, pos_acc, uas, las, words/s."""
    import json
    from dataclasses import replace

    from pipeline.config import NlpConfig
    from pipeline.evaluate import nlp_report
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


def main() -> None:
    """Entry point of the ``seminar`` console command."""
    run(app)
