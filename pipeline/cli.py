"""The ``seminar`` command: thin wrappers that read inputs, call the stages and write outputs.

Errors the user can act on (:class:`~pipeline.errors.SeminarError`) and usage errors (an
unknown option, a missing argument, a bad value) are printed as one line that says what to do;
no traceback reaches the user unless ``--debug`` is given. Steps that can take a while show a
spinner with the elapsed time on a terminal; nothing is shown with ``--quiet`` or when stderr
is not a terminal (pipes, CI, tests).
"""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from pipeline import __version__, io
from pipeline.console import Settings, StderrProxy, click_class, step, usage_line
from pipeline.errors import SeminarError

app = typer.Typer(
    name="seminar",
    help="Turn seminar group notes into recurring-theme reports (Danish).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: square brackets such as [nlp] are shown as written, not read as Rich markup.
    rich_markup_mode=None,
)
log = logging.getLogger("pipeline")

ConfigOpt = Annotated[Path, typer.Option("--config", "-c", metavar="TOML", help="Seminar TOML file, e.g. data/raw/2024/seminar.toml.")]


def _echo_err(text: str) -> None:
    typer.echo(text, err=True)


def _report_ingest(result) -> None:
    for f in result.files:
        if f.error:
            _echo_err(f"error: {f.error}")
        else:
            typer.echo(f"read {f.source_file} ({f.format}): {f.notes_found} notes")
    for r in result.rejects.itertuples():
        _echo_err(f"rejected: {r.source_file} ({r.source_ref}), group {r.group or '?'}: {r.reason}")
    typer.echo(f"{len(result.notes)} notes accepted, {len(result.rejects)} rejected")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"seminar-themes {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display (it is also off when stderr is not a terminal).")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    # The log goes to whatever sys.stderr is at the time, so that a running spinner can keep it apart.
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s", stream=StderrProxy())
    Settings.debug = debug
    Settings.quiet = quiet


@app.command("ingest", short_help="Read notes files into one table (with a manifest and the rejected notes).")
def ingest_cli(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Notes files or folders (CSV, XLSX, DOCX, PDF, TXT, MD).")],
    config: ConfigOpt,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="Notes table to write (.csv or .parquet).")] = Path("notes.csv"),
) -> None:
    """Read notes into one table; write a manifest and the rejected notes next to it."""
    from pipeline.ingest import ingest

    cfg = io.read_config(config)
    with step("Reading notes"):
        result = ingest(io.collect_sources(list(paths)), cfg)
    _report_ingest(result)
    with step("Writing the notes table"):
        written = io.write_ingest_outputs(result, out, cfg)
    typer.echo(f"wrote {written['notes']} and {written['manifest'].name}, {written['rejects'].name}")
    if not result.ok:
        _echo_err("error: no usable notes were read")
        raise typer.Exit(1)


# Charts in the DOCX are 16 cm wide; 900 px at scale 2 is about 285 dpi there.
DOCX_CHART_WIDTH, DOCX_CHART_SCALE = 900, 2


def _docx_chart_renderer(figure_png, cache_dir: Path | None = None):
    """``figure_png`` at print resolution for the DOCX reports (the layout of the screen, twice the pixels).

    With ``cache_dir``, a chart drawn before (same figure, size and Kaleido) is read from there
    instead of being drawn by the browser again.
    """
    if cache_dir is None:
        return lambda fig: figure_png(fig, width=DOCX_CHART_WIDTH, scale=DOCX_CHART_SCALE)
    import hashlib
    from importlib.metadata import version

    def render(fig):
        spec = f"{fig.to_json()}|{DOCX_CHART_WIDTH}|{DOCX_CHART_SCALE}|{version('kaleido')}|{version('plotly')}"
        path = cache_dir / f"{hashlib.sha256(spec.encode()).hexdigest()[:32]}.png"
        if path.exists():
            return path.read_bytes()
        png = figure_png(fig, width=DOCX_CHART_WIDTH, scale=DOCX_CHART_SCALE)
        if png is not None:
            io.write_bytes(png, path)
        return png

    return render


@contextmanager
def _png_renderer(cache_dir: Path | None = None):
    """Chart-to-PNG for the DOCX reports, with one browser for the whole run, started at the first chart not in ``cache_dir``."""
    from pipeline.plots import browser_available, figure_png

    # Kaleido's browser driver logs harmless shutdown noise with tracebacks; users must not see it.
    for name in ("choreographer", "kaleido", "logistro"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    server = []

    def draw(fig, **kwargs):
        if not server:
            server.append(None)
            try:
                import kaleido

                if browser_available():  # without a browser figure_png says so and returns None
                    kaleido.start_sync_server(silence_warnings=True)
                    server[0] = kaleido
            except Exception:  # no kaleido or no browser: figure_png then returns None and says why
                pass
        return figure_png(fig, **kwargs)

    try:
        yield _docx_chart_renderer(draw, cache_dir)
    finally:
        if server and server[0] is not None:
            try:
                server[0].stop_sync_server(silence_warnings=True)
            except Exception:
                pass


@app.command("run", short_help="Whole pipeline for one seminar: notes to theme reports.")
def run_cli(
    config: ConfigOpt,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do everything again; ignore the work kept from earlier runs.")] = False,
) -> None:
    """Run the whole pipeline for one seminar: ingest, statements, topics, themes, reports.

    Work is kept in the processed folder's .cache/ and reused while the notes, settings and
    program are unchanged (after a codebook edit only the curation is done again).
    """
    from pipeline.flows import analyse_seminar_reusing, analysis_key
    from pipeline.ingest import ingest
    from pipeline.nlp import build_nlp
    from pipeline.report import render_seminar_pages

    cfg = io.read_config(config)
    codebook = io.read_codebook(cfg)  # a bad codebook stops the run before the long steps
    with step("Reading notes"):
        result = ingest(io.config_sources(cfg), cfg)
    _report_ingest(result)
    if not result.ok:
        _echo_err("error: no usable notes were read; nothing to analyse")
        raise typer.Exit(1)
    # Work of earlier runs is reused: the whole automatic analysis when notes and settings are
    # unchanged (a codebook edit), else the vectors of phrases embedded before.
    reuse_path, cache_path = io.reusable_analysis_path(cfg), io.embedding_cache_path(cfg)
    reusable = None if no_cache else io.load_reusable_analysis(reuse_path)
    cache = io.EmbeddingCache() if no_cache else io.load_embedding_cache(cache_path)
    key, nlp = analysis_key(result.notes, cfg), None
    if reusable is None or reusable.key != key:
        with step("Loading the Danish language pipeline"):
            nlp = build_nlp(cfg.nlp)
    with step(f"Finding statements and themes in {len(result.notes)} notes"):
        analysis, reusable = analyse_seminar_reusing(
            result.notes, result.rejects, cfg, codebook=codebook, reusable=reusable, nlp=nlp, embedding_cache=cache, key=key
        )
    io.save_embedding_cache(cache, cache_path)
    io.save_reusable_analysis(reusable, reuse_path)
    if getattr(analysis, "curation", None) is not None:  # a stand-in analysis (tests) may have none
        _report_curation(analysis.curation)
    charts = None if no_cache else reuse_path.parent / "charts"
    with step("Drawing charts and building the reports"), _png_renderer(charts) as render_png:
        pages = render_seminar_pages(analysis, cfg, render_png=render_png, extra_method=result.method_lines(cfg))
    typer.echo(f"NLP pipeline: {analysis.nlp_name}")
    # Everything goes to temporary folders that replace the previous outputs only when complete.
    with step("Writing tables and reports"), io.atomic_folders(cfg.processed_dir, cfg.reports_dir) as (processed, reports):
        io.write_json(result.manifest(), processed / "notes.manifest.json")
        written = io.write_analysis(analysis, pages, cfg, processed, reports)
    n_pages = sum(1 for k in written if k.endswith((".html", ".md", ".docx")))
    n_tables = sum(1 for k in written if k in io.ANALYSIS_TABLES)
    typer.echo(f"wrote {n_tables} tables to {cfg.processed_dir} and {n_pages} pages to {cfg.reports_dir}")
    typer.echo(f"open {cfg.reports_dir / 'index.html'}")


def _report_curation(curation) -> None:
    log_ = curation.log
    applied, skipped = log_[log_["applied"]], log_[~log_["applied"]]
    total = curation.agreement["total"]
    typer.echo(
        f"codebook {curation.file}: {len(applied)} applied, {len(skipped)} not applied (see the method appendix); "
        f"{total['moved']} of {total['units']} key phrases moved (kappa {total['kappa']})"
    )
    for r in skipped.itertuples():
        _echo_err(f"not applied: {curation.file} (line {r.line}), {r.entry}: {r.reason}")


curate_app = typer.Typer(
    help="Curate themes in the seminar's codebook (data/raw/<year>/codebook.yaml).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(curate_app, name="curate", short_help="Curate themes: a codebook that survives re-runs.")


@curate_app.command("init", short_help="Write a starting codebook from the current themes.")
def curate_init_cli(
    config: ConfigOpt,
    from_year: Annotated[int | None, typer.Option("--from", metavar="YEAR", help="Carry the codebook of this earlier year over (names, memos, merges, splits, new themes).")] = None,
    raw_dir: Annotated[Path, typer.Option(metavar="DIR", help="Where to look for the earlier year's seminar folder (with --from).")] = Path("data/raw"),
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", help="Codebook to write (default: codebook.yaml beside the TOML).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing codebook.")] = False,
) -> None:
    """Find the themes (without a codebook) and write a codebook with one entry per theme, with comments explaining each field."""
    from pipeline.curation import codebook_text
    from pipeline.flows import analyse_seminar
    from pipeline.ingest import ingest
    from pipeline.nlp import build_nlp

    cfg = io.read_config(config)
    target = out or io.codebook_path(cfg)
    if target.exists() and not force:
        io.write_codebook("", target)  # raises the message that names the file and the fix
    previous, previous_name = None, ""
    if from_year is not None:
        if from_year >= cfg.year:
            raise typer.BadParameter(f"{from_year} is not earlier than the seminar's year {cfg.year}", param_hint="--from")
        previous, previous_name = io.read_year_codebook(raw_dir, from_year)
    with step("Reading notes"):
        result = ingest(io.config_sources(cfg), cfg)
    if not result.ok:
        _report_ingest(result)
        _echo_err("error: no usable notes were read; nothing to curate")
        raise typer.Exit(1)
    with step("Loading the Danish language pipeline"):
        nlp = build_nlp(cfg.nlp)
    with step(f"Finding the themes of {len(result.notes)} notes"):
        analysis = analyse_seminar(result.notes, result.rejects, cfg, nlp=nlp)
    text = codebook_text(analysis.themes, analysis.units, cfg.seminar_label, previous, previous_name)
    written = io.write_codebook(text, target, force=force)
    n = analysis.themes["topic"].nunique()
    typer.echo(f"wrote {written} ({n} themes{', carried over from ' + previous_name if previous else ''})")
    typer.echo(f"edit it, then run: seminar run --config {config}")


@app.command("compare", short_help="What is new, growing or faded between two years.")
def compare_cli(
    base: Annotated[int, typer.Option(metavar="YEAR", help="Earlier year, e.g. 2024.")],
    target: Annotated[int, typer.Option(metavar="YEAR", help="Later year, e.g. 2025.")],
    config: Annotated[
        list[Path] | None,
        typer.Option("--config", "-c", metavar="TOML", help="Seminar TOMLs to compare (repeat); default: every data/raw/*/seminar.toml from base to target."),
    ] = None,
    raw_dir: Annotated[Path, typer.Option(metavar="DIR", help="Where to look for the seminars' folders.")] = Path("data/raw"),
    stored: Annotated[bool, typer.Option("--stored", help="Compare the stored analyses in data/processed/<year>/ through a topic alignment, without refitting.")] = False,
) -> None:
    """Compare themes between years: new, growing, persisting, shrinking and faded themes, with quotes from each year."""
    import pandas as pd

    from pipeline.compare import OVERALL
    from pipeline.flows import compare_stored_analyses, compare_years
    from pipeline.ingest import ingest
    from pipeline.nlp import build_nlp
    from pipeline.report import PLOTLY_JS, plotly_bundle, render_comparison_html, render_comparison_markdown

    if base >= target:
        raise typer.BadParameter(f"{base} is not earlier than --target {target}; give the earlier year as --base", param_hint="--base")
    if config:
        cfgs = {c.year: c for c in (io.read_config(p) for p in config)}
        missing = [y for y in (base, target) if y not in cfgs]
        if missing:
            raise typer.BadParameter(f"no config for {', '.join(map(str, missing))}", param_hint="--config")
        cfgs = {y: c for y, c in sorted(cfgs.items()) if base <= y <= target}
    else:
        cfgs = io.find_year_configs(raw_dir, base, target)
    cfg = cfgs[target]
    # The stored-analysis comparison is kept apart from the joint-model one, so neither overwrites the other.
    name = f"compare_{base}_{target}" + ("_stored" if stored else "")
    out_dir = Path(cfg.output.processed_dir) / name
    reports = Path(cfg.output.reports_dir) / name
    if stored:
        with step(f"Reading the stored analyses of {base} and {target}"):
            stored_base, stored_target = io.read_stored_analysis(cfgs[base]), io.read_stored_analysis(cfg)
        with step("Aligning the themes of the two years"):
            comparison = compare_stored_analyses(stored_base, stored_target, cfg)
        extra = {}
    else:
        notes = []
        for year, c in cfgs.items():
            with step(f"Reading the notes of {year}"):
                result = ingest(io.config_sources(c), c)
            typer.echo(f"{year}: {len(result.notes)} notes from {', '.join(f.source_file for f in result.files)}")
            notes.append(result.notes)
        with step("Loading the Danish language pipeline"):
            nlp = build_nlp(cfg.nlp)
        codebooks = {year: io.read_codebook(c) for year, c in cfgs.items()}  # the comparison uses the curated names
        cache_path = io.embedding_cache_path(cfg)
        cache = io.load_embedding_cache(cache_path)
        with step(f"Finding themes across {len(cfgs)} years"):
            comparison, themes = compare_years(
                pd.concat(notes, ignore_index=True), cfg, base, target, nlp=nlp, codebooks=codebooks, embedding_cache=cache
            )
        io.save_embedding_cache(cache, cache_path)
        extra = {"themes": themes.themes, "units": themes.units, "cross_themes": themes.cross}
    with step("Writing the comparison"):
        io.write_comparison(comparison, out_dir, extra)
        io.write_config_snapshot(cfg, out_dir)
        io.write_text(render_comparison_html(comparison, cfg), reports / "hvad-er-nyt.html")
        io.write_text(plotly_bundle(), reports / PLOTLY_JS)
        io.write_text(render_comparison_markdown(comparison, cfg), reports / "hvad-er-nyt.md")
    overall = comparison.status[comparison.status["core_area"] == OVERALL]
    counts = overall["status"].value_counts().to_dict()
    typer.echo("overall: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    typer.echo(f"wrote {out_dir}/ and {reports / 'hvad-er-nyt.html'}")


@app.command("topics", short_help="Topics for any table of Danish texts.")
def topics_cli(
    table: Annotated[Path, typer.Argument(metavar="TABLE", help="Table of texts: CSV (any separator, UTF-8/cp1252), XLSX or Parquet.")],
    text_col: Annotated[str, typer.Option("--text-col", metavar="NAME", help="Column holding the texts.")] = "text",
    n_topics: Annotated[int | None, typer.Option("--n-topics", metavar="N", help="Exactly this many topics (default: chosen automatically).")] = None,
    unit: Annotated[
        str, typer.Option(metavar="UNIT", help="'statement' (split texts into sentences) or 'document' (one topic per text as a whole).")
    ] = "statement",
    config: Annotated[Path | None, typer.Option("--config", "-c", metavar="TOML", help="Seminar TOML whose [nlp] and [topics] settings to use.")] = None,
    seed: Annotated[int | None, typer.Option(metavar="N", help="Random seed (default: the config's, else 42).")] = None,
    embedding: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="auto (E5 while its estimated time fits [topics] embedding_budget, static word vectors beyond), e5 (best, slow), static (fast), tfidf-svd, or a local sentence-transformers folder.",
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="Output table (.csv or .parquet): the input rows plus topic and topic_label.")
    ] = Path("topics.csv"),
) -> None:
    """Topics for any table of Danish texts; writes every input row with its topic, in input order."""
    from dataclasses import replace

    from pipeline.config import NlpConfig, TopicConfig
    from pipeline.flows import topics_for_texts
    from pipeline.topics.embedders import EMBEDDINGS
    from pipeline.nlp import build_nlp, stop_words

    units = {"statement": "statement", "document": "note", "note": "note"}
    if unit not in units:
        raise typer.BadParameter("use 'statement' or 'document'", param_hint="--unit")
    cfg = io.read_config(config) if config else None
    nlp_cfg = cfg.nlp if cfg else NlpConfig()
    topic_cfg = replace(cfg.topics if cfg else TopicConfig(), unit=units[unit], guided=False)
    if n_topics is not None:
        if n_topics < 1:
            raise typer.BadParameter("must be at least 1", param_hint="--n-topics")
        topic_cfg = replace(topic_cfg, n_topics=n_topics)
    if seed is not None:
        topic_cfg = replace(topic_cfg, seed=seed)
    if embedding is not None:
        if embedding not in EMBEDDINGS and not Path(embedding).is_dir():
            raise typer.BadParameter(f"use one of {', '.join(EMBEDDINGS)} or a folder holding a sentence-transformers model", param_hint="--embedding")
        topic_cfg = replace(topic_cfg, embedding=embedding)
    from pipeline.privacy import redact_frame

    with step(f"Reading {table.name}"):
        df = io.read_any_table(table)
        df = redact_frame(df, cfg.privacy if cfg else None)  # personal data never reaches the output
    if text_col not in df.columns:
        from pipeline.errors import InputError

        raise InputError(
            str(table), "header row", f"no column {text_col!r}; columns found: {', '.join(map(repr, df.columns))}", "name the text column with --text-col."
        )
    with step("Loading the Danish language pipeline"):
        nlp = build_nlp(nlp_cfg)
    with step(f"Finding topics in {len(df)} texts"):
        texts = df[text_col].fillna("").astype(str).tolist()
        assigned, result = topics_for_texts(texts, topic_cfg, nlp, stop_words=stop_words(nlp_cfg), stability_runs=0)
    with step(f"Writing {out.name}"):
        written = io.write_table(df.assign(topic=assigned["topic"].to_numpy(), topic_label=assigned["topic_label"].to_numpy()), out)
        if result is not None:
            stem = written.with_suffix("")
            io.write_table(result.topic_info, stem.with_name(stem.name + ".topic_info.csv"))
            io.write_json(result.quality, stem.with_name(stem.name + ".topic_quality.json"))
        q = result.quality
        typer.echo(f"{q['n_topics']} topics ({q['k_chosen_by']}) over {q['n_documents']} documents; diversity {q['diversity']}, NPMI {q['npmi']}")
        typer.echo(f"embedding {q['embedding_reason']}")
    typer.echo(f"wrote {written} ({len(df)} rows)")


@app.command("eval-nlp", short_help="Score the Danish NLP pipeline on a CoNLL-U file.")
def eval_nlp_cli(
    conllu: Annotated[Path, typer.Argument(metavar="CONLLU", help="Gold CoNLL-U file, e.g. UD Danish DDT dev.")],
    config: Annotated[Path | None, typer.Option("--config", "-c", metavar="TOML", help="Seminar TOML whose [nlp] pipeline to evaluate.")] = None,
    pipeline: Annotated[str | None, typer.Option(metavar="NAME", help="Pipeline to evaluate instead: danish, auto, a package name or a path.")] = None,
    conventions: Annotated[str, typer.Option(metavar="NAME", help="Lemma conventions: 'ud' (as the treebank) or 'themes'.")] = "ud",
    as_json: Annotated[bool, typer.Option("--json", help="Also print one JSON object on the last line.")] = False,
) -> None:
    """Evaluate the Danish pipeline on a CoNLL-U file: token_f, sents_f, lemma_acc, pos_acc, words/s."""
    import json
    from dataclasses import replace

    from pipeline.config import NlpConfig
    from pipeline.evaluate import evaluate_nlp
    from pipeline.nlp import build_nlp, resolve_pipeline_name

    nlp_cfg = io.read_config(config).nlp if config else NlpConfig()
    nlp_cfg = replace(nlp_cfg, lemma_conventions=conventions, **({"pipeline": pipeline} if pipeline else {}))
    if conventions not in {"ud", "themes"}:
        raise typer.BadParameter("use 'ud' or 'themes'", param_hint="--conventions")
    import gc

    text = io.read_text_file(conllu)
    with step("Loading the Danish language pipeline"):
        nlp = build_nlp(nlp_cfg)
    # Long-lived objects (the lexicon, imported modules) need no more garbage-collector passes.
    gc.collect()
    gc.freeze()
    with step(f"Evaluating on {conllu.name}"):
        scores = evaluate_nlp(nlp, text)
    result = {
        "pipeline": resolve_pipeline_name(nlp_cfg.pipeline),
        "components": nlp.pipe_names,
        "lemma_conventions": conventions,
        **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()},
    }
    result["words_per_second"] = round(scores["words_per_second"])
    result["tokenizer_words_per_second"] = round(scores["tokenizer_words_per_second"])
    width = max(len(k) for k in result)
    for key, value in result.items():
        typer.echo(f"{key:<{width}}  {value}")
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))


def main() -> None:
    """Entry point of the ``seminar`` console command."""
    usage_error, click_error = click_class("UsageError"), click_class("ClickException")
    try:
        # With standalone_mode=False click returns the exit code of typer.Exit instead of exiting.
        code = app(standalone_mode=False, prog_name="seminar")
        if isinstance(code, int):
            sys.exit(code)
    except SeminarError as exc:
        _echo_err(f"error: {exc}")
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _echo_err("aborted")
        sys.exit(130)
    except usage_error as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # plain `seminar`: the help is the answer
            typer.echo(exc.format_message())
            sys.exit(0)
        if Settings.debug:
            raise
        _echo_err(usage_line(exc))
        sys.exit(2)
    except click_error as exc:  # e.g. a file click could not open
        _echo_err(f"error: {exc.format_message()}")
        sys.exit(exc.exit_code)
    except Exception as exc:
        if Settings.debug:
            raise
        _echo_err(f"error: unexpected {type(exc).__name__}: {exc}\n  Run again with --debug for the traceback, and report it.")
        sys.exit(2)
