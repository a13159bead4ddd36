"""The ``seminar`` command: :mod:`~pipeline.cli.app` (the commands), :mod:`~pipeline.cli.console` (what the
terminal shows) and one module per command group. ``seminar`` is :func:`main` (pyproject's ``[project.scripts]``).
"""

from pipeline.cli.app import app, main

__all__ = ["app", "main"]
