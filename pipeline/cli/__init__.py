"""The ``seminar`` command.

:mod:`~pipeline.cli.app` holds the commands, :mod:`~pipeline.cli.console` what the terminal shows, and
each command group has its module. ``seminar`` is :func:`main` (pyproject's ``[project.scripts]``).
"""

from pipeline.cli.app import app, main

__all__ = ["app", "main"]
