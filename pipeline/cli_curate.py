"""The ``seminar curate`` command group (``init`` is added in :mod:`pipeline.cli`); ``accept`` and ``reject``: the analyst's decisions on the run's suggestions, recorded in the codebook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import io

curate_app = typer.Typer(
    help="Curate themes in the seminar's codebook (data/raw/<year>/codebook.yaml, or codebook.xlsx).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
ConfigOpt = Annotated[
    Path,
    typer.Option(
        "--config", "-c", metavar="TOML", help="Seminar TOML file, e.g. data/raw/2024/seminar.toml."
    ),
]

IdsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="ID", help="Ids of suggestions (column id of suggestions.csv, sheet Forslag of temaer.xlsx)."
    ),
]


def _decide(config: Path, ids: list[str], accept: bool) -> None:
    from pipeline.curation import CodebookError
    from pipeline.curation.record import record_decisions

    cfg = io.read_config(config)
    table = cfg.processed_dir / "suggestions.csv"
    if not table.exists():
        raise CodebookError(
            str(table), "there are no suggestions yet", f"run `seminar run --config {config}` first"
        )
    rows = {str(r["id"]): r for r in io.read_table(table).astype(str).to_dict("records")}
    unknown = [i for i in ids if i not in rows]
    if unknown:
        raise CodebookError(
            str(table),
            f"no suggestion has the id {', '.join(unknown)}",
            f"use an id of the latest run: {', '.join(list(rows)[:8]) or '(none)'}",
        )
    yaml_path, xlsx_path = io.codebook_path(cfg), io.codebook_path(cfg, xlsx=True)
    target = xlsx_path if xlsx_path.exists() and not yaml_path.exists() else yaml_path
    io.read_codebook(cfg)  # a broken codebook (or two) stops here, before anything is written
    written = record_decisions(target, [rows[i] for i in dict.fromkeys(ids)], accept)
    verb = "accepted" if accept else "rejected"
    typer.echo(
        f"{verb} {len(set(ids))} suggestion(s) in {written}; run `seminar run --config {config}` to apply"
    )


@curate_app.command("accept", short_help="Accept suggestions: the next run joins their two sides.")
def curate_accept_cli(ids: IdsArg, config: ConfigOpt) -> None:
    """Record accepted suggestions in the codebook (YAML or XLSX; a new codebook.yaml if none): the next run merges the two themes or moves the key phrase, and later years know the pair."""
    _decide(config, ids, True)


@curate_app.command("reject", short_help="Reject suggestions: they are not proposed again.")
def curate_reject_cli(ids: IdsArg, config: ConfigOpt) -> None:
    """Record rejected suggestions in the codebook: not proposed again, this year or in the seminar's other years."""
    _decide(config, ids, False)
