"""``seminar compare``: the themes of two or more years compared on each year's own pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.console import ConsoleProgress, echo_err

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
    """Compare the themes of two or more years on each year's own pages.

    Each theme is new, growing, persisting, shrinking or faded, with the groups' own words; a year
    without a stored analysis of its notes is analysed first and its pages written.
    """
    from pipeline.flows.compare import run_comparison
    from pipeline.io import comparison as y

    cfgs = y.comparison_configs(raw_dir, config, _compare_years(ctx, base, target, years))
    done = run_comparison(cfgs, write=True, charts=True, progress=ConsoleProgress())
    if done.unusable is not None:
        echo_err(f"error: no usable notes were read for {done.unusable}; nothing to compare")
        raise typer.Exit(1)
    compared, tables, page = done.run, done.tables, done.page
    for year in compared.analysed:
        typer.echo(f"{year}: analysed first; wrote {cfgs[year].reports_dir / 'index.html'}")
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
    """The years asked for: ``--base``/``--target``, ``--years Y1 Y2 ...`` or ``--years all`` (None).

    The years after the first of ``--years`` arrive as extra arguments.
    """
    values = [*(years or "").replace(",", " ").split(), *ctx.args]
    if (years is None and (ctx.args or base is None or target is None)) or (
        years is not None and (base, target) != (None, None)
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
