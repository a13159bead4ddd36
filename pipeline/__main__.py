"""``python -m pipeline`` is the ``seminar`` command."""

from pipeline.cli import main

main()
