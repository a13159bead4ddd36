"""Seminar notes → recurring themes: ingest, Danish NLP, topics, themes, reports, comparison.

The stage functions are importable for notebooks; :mod:`pipeline.cli` wires them for the
``seminar`` command. Nothing heavy is imported here.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
