"""The ``seminar curate`` command group.

``init`` writes a starting codebook; ``accept`` and ``reject`` record the analyst's decisions on the
run's suggestions in the codebook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import io
from pipeline.cli.console import ConsoleProgress, echo_err, nothing_usable, report_ingest
from pipeline.cli.options import ConfigOpt

curate_app = typer.Typer(
    help="Curate themes in the seminar's codebook (data/raw/<year>/codebook.yaml, or codebook.xlsx).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

IdsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="ID", help="Ids of suggestions (column id of suggestions.csv, sheet Forslag of temaer.xlsx)."
    ),
]


def _decide(config: Path, ids: list[str], accept: bool) -> None:
    from pipeline.curation import CodebookError
    from pipeline.curation.record import record_decisions, sheet_rows

    cfg = io.read_config(config)
    table = cfg.processed_dir / "suggestions.csv"
    yaml_path, xlsx_path = io.codebook_path(cfg), io.codebook_path(cfg, xlsx=True)
    target = xlsx_path if xlsx_path.exists() and not yaml_path.exists() else yaml_path
    # an Excel codebook lists suggestions in its sheet Forslag (`curate init --xlsx`, earlier runs):
    # an id read there is known even before a run wrote suggestions.csv, or after it left the list
    listed = sheet_rows(target)
    if not table.exists() and not listed:
        raise CodebookError(
            str(table), "there are no suggestions yet", f"run `seminar run --config {config}` first"
        )
    latest = io.read_table(table).astype(str).to_dict("records") if table.exists() else []
    rows = listed | {str(r["id"]): r for r in latest}
    unknown = [i for i in ids if i not in rows]
    if unknown:
        known = list(dict.fromkeys([*(str(r["id"]) for r in latest), *listed]))[:8]
        raise CodebookError(
            str(table),
            f"no suggestion has the id {', '.join(unknown)}",
            f"use an id of the latest run or of the codebook's sheet Forslag: {', '.join(known) or '(none)'}",
        )
    io.read_codebook(cfg)  # a broken codebook (or two) stops here, before anything is written
    written = record_decisions(target, [rows[i] for i in dict.fromkeys(ids)], accept)
    verb = "accepted" if accept else "rejected"
    typer.echo(
        f"{verb} {len(set(ids))} suggestion(s) in {written}; run `seminar run --config {config}` to apply"
    )


@curate_app.command("accept", short_help="Accept suggestions: the next run joins their two sides.")
def curate_accept_cli(ids: IdsArg, config: ConfigOpt) -> None:
    """Record accepted suggestions in the codebook (YAML or XLSX; a new codebook.yaml if none).

    The next run merges the two themes or moves the key phrase, and later years know the pair.
    """
    _decide(config, ids, True)


@curate_app.command("reject", short_help="Reject suggestions: they are not proposed again.")
def curate_reject_cli(ids: IdsArg, config: ConfigOpt) -> None:
    """Record rejected suggestions in the codebook: not proposed again, this year or in other years."""
    _decide(config, ids, False)


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
    """Find the themes (without a codebook) and write a codebook with one entry per theme.

    YAML with comments, or an Excel workbook with --xlsx.
    """
    from pipeline.curation import CodebookError
    from pipeline.flows.curate import starting_codebook
    from pipeline.flows.seminar import run_seminar

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
        from pipeline.io.comparison import read_year_codebook

        previous, previous_name = read_year_codebook(raw_dir, from_year)
    found = run_seminar(cfg, suggest=xlsx, render=False, progress=_InitProgress())
    if found.analysis is None:
        echo_err(nothing_usable(found.ingest, "curate", kept=False))
        raise typer.Exit(1)
    book, n = starting_codebook(
        found.analysis, found.cfg, xlsx=xlsx, previous=previous, previous_name=previous_name
    )
    written = io.write_codebook(book, target, force=force)
    typer.echo(f"wrote {written} ({n} themes{', carried over from ' + previous_name if previous else ''})")
    typer.echo(f"edit it, then run: seminar run --config {config}")


class _InitProgress(ConsoleProgress):
    """``seminar run``'s progress, but what was read is shown only when nothing usable was."""

    def ingested(self, result) -> None:
        if not result.ok:
            report_ingest(result)
