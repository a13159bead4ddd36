"""Options several commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ConfigOpt = Annotated[
    Path,
    typer.Option(
        "--config", "-c", metavar="TOML", help="Seminar TOML file, e.g. data/raw/2024/seminar.toml."
    ),
]
