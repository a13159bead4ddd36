"""The ``seminar`` command: each command parses its options, reads through :mod:`pipeline.io`, calls a flow.

What the terminal shows (progress, what was read, errors in one line) is :mod:`pipeline.cli.console`'s.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from pipeline import __version__, io
from pipeline.cli.compare import compare_cli
from pipeline.cli.console import (
    ConsoleProgress,
    Settings,
    StderrProxy,
    echo_err,
    nothing_usable,
    report_ingest,
    run,
    step,
)
from pipeline.cli.curate import curate_app
from pipeline.cli.options import ConfigOpt
from pipeline.cli.tools import eval_nlp_cli, topics_cli

app = typer.Typer(
    name="seminar",
    help="Turn seminar group notes into recurring-theme reports (Danish).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: square brackets such as [nlp] are shown as written, not read as Rich markup.
    rich_markup_mode=None,
)


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
        echo_err(nothing_usable(result, "analyse", kept=False))
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
    from pipeline.flows.seminar import run_seminar

    cfg = io.read_config(config)
    # a bad codebook stops the run before the long steps
    codebook, known = io.read_codebook(cfg), io.read_known_decisions(cfg)
    done = run_seminar(
        cfg,
        codebook=codebook,
        known=known,
        cache=True,
        fresh=no_cache,
        charts=True,
        write=True,
        progress=ConsoleProgress(),
    )
    if done.analysis is None:
        echo_err(nothing_usable(done.ingest, "analyse"))
        raise typer.Exit(1)
    cfg = done.cfg
    typer.echo(f"NLP pipeline: {done.analysis.nlp_name}")
    n_pages = sum(1 for k in done.written if k.endswith((".html", ".md", ".docx")))
    n_tables = sum(1 for k in done.written if k in io.ANALYSIS_TABLES)
    typer.echo(f"wrote {n_tables} tables to {cfg.processed_dir} and {n_pages} pages to {cfg.reports_dir}")
    typer.echo(f"open {cfg.reports_dir / 'index.html'}")


app.add_typer(curate_app, name="curate", short_help="Curate themes: a codebook that survives re-runs.")
app.command(
    "compare",
    short_help="What is new, growing or faded from year to year.",
    context_settings={"allow_extra_args": True},
)(compare_cli)
app.command("topics", short_help="Topics for any table of Danish texts.")(topics_cli)
app.command("eval-nlp", short_help="Score the Danish NLP pipeline on a CoNLL-U or CDT CoNLL-X file.")(
    eval_nlp_cli
)


def main() -> None:
    """Entry point of the ``seminar`` console command."""
    run(app)
