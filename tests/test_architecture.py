"""The package's shape: no import cycles (imports inside functions count), no module over 400 lines, a short
top level, a thin CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports anywhere in its code (top level, functions, TYPE_CHECKING blocks)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                # ``from pipeline.report import render``: the submodule when there is one, else the package.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:  # ``import pipeline.x.y`` names the deepest module
                    target = target.rpartition(".")[0]
                if target and target != name and target != "pipeline":
                    edges.add(target)
        graph[name] = edges
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_in_the_package():
    assert find_cycles(import_graph()) == []


def test_no_module_over_400_lines():
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


def test_the_cli_is_thin():
    files = sorted((PACKAGE / "cli").glob("*.py"))
    assert files
    long = {
        path.name: n for path in files if (n := len(path.read_text(encoding="utf-8").splitlines())) >= 300
    }
    assert not long, long


def test_the_top_level_is_read_in_one_glance():
    """At most 12 modules directly in pipeline/ (``__init__`` and ``__main__`` count): the rest live in their stage."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top


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
