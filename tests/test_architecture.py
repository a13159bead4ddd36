"""The package's shape that is not code size: each report heading is written in one place.

Import cycles, module and function lengths and the top level are checked in ``test_code_shape.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"


@pytest.mark.parametrize(
    "heading",
    [
        "Tilbagevendende temaer",
        "Sammenfatning",
        "Kort sagt",
        "Spørgsmålets egne ord",
        "Rejst af",
        "Gruppernes noter",
    ],
)
def test_a_report_heading_is_written_in_one_place(heading):
    files = [
        p.relative_to(PACKAGE).as_posix()
        for p in sorted(PACKAGE.rglob("*"))
        if p.is_file() and p.suffix in {".py", ".j2"} and heading in p.read_text(encoding="utf-8")
    ]
    assert len(files) == 1, files


def _modules() -> dict[str, Path]:
    """Module name → file, for every module of the package."""

    def name(path: Path) -> str:
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    return {name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


#: The stages' entry points; only the flows (pipeline/flows/) call them in sequence.
STAGE_CALLS = frozenset(
    {"analyse_seminar", "analyse_seminar_reusing", "curate_analysis", "render_seminar_pages", "write_run"}
)


def _calls(path: Path, names: frozenset[str]) -> set[str]:
    """The names of ``names`` that the module at ``path`` calls (``f(...)`` or ``x.f(...)``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in names:
                found.add(name)
    return found


def test_only_the_flows_wire_the_stages():
    """The CLI, io/ and every stage call no other stage's entry point: they call a flow."""
    wiring = {
        name: sorted(calls)
        for name, path in _modules().items()
        if not name.startswith("pipeline.flows") and (calls := _calls(path, STAGE_CALLS))
    }
    assert not wiring, wiring


def test_the_cli_and_the_notebooks_call_the_flows():
    flows = frozenset({"run_seminar", "run_comparison"})
    assert _calls(PACKAGE / "cli" / "app.py", flows) == {"run_seminar"}
    assert _calls(PACKAGE / "cli" / "curate.py", flows) == {"run_seminar"}
    assert _calls(PACKAGE / "cli" / "compare.py", flows) == {"run_comparison"}
    notebooks = {
        p.name[:2]: p.read_text(encoding="utf-8") for p in (PACKAGE.parent / "notebooks").glob("*.ipynb")
    }
    assert all(
        "analyse_seminar(" not in text and "compare_seminars(" not in text for text in notebooks.values()
    )
    assert "run_seminar(" in notebooks["03"] and "run_seminar(" in notebooks["05"]
    assert "run_comparison(" in notebooks["04"]


def test_the_embedding_budget_is_read_in_the_config_and_its_parameters_only():
    """``[topics] embedding_budget`` is read where it is declared and checked, and where the embedding's
    parameters are built (:class:`pipeline.topics.EmbeddingParams`); nowhere is "auto" decided again."""
    readers = set()
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Attribute) and node.attr == "embedding_budget":
                readers.add(name)
    assert readers == {"pipeline.topics.embedding"}, readers
