"""The package's shape (issue 38's targets), checked on the source with ``ast``.

No import cycle (imports inside functions count), no module over 400 lines, no function over 80
lines, a thin CLI, a top level a newcomer reads in one glance, and the two settings that used to
travel whole (``[themes] min_groups``, ``[topics] embedding_budget``) read in few places.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path


PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
MAX_CLI_LINES = 300
MAX_TOP_LEVEL_MODULES = 12


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imported(node: ast.Import | ast.ImportFrom, package: str, modules: dict[str, Path]) -> list[str]:
    """The names one import statement reaches, relative imports resolved against ``package``."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    base = node.module or ""
    if node.level:
        anchor = package.split(".")
        anchor = anchor[: len(anchor) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    # ``from pipeline.report import render``: the submodule when there is one, else the package.
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports anywhere (top level, functions, TYPE_CHECKING blocks)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(_tree(path)):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _imported(node, package, modules):
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


def long_functions(tree: ast.Module, limit: int = MAX_FUNCTION_LINES) -> dict[str, int]:
    """Function (or method) name → its length in lines, ``def`` to last line, for those over ``limit``."""
    return {
        node.name: n
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (n := node.end_lineno - node.lineno + 1) > limit
    }


def files_naming(identifier: str) -> list[str]:
    """The package's files whose code names ``identifier``: attribute, variable, parameter, keyword or key.

    Prose (comments, docstrings) does not count; a string that is exactly the name does (a config key).
    """
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(_tree(path)):
            names = (
                (isinstance(node, ast.Attribute) and node.attr == identifier)
                or (isinstance(node, ast.Name) and node.id == identifier)
                or (isinstance(node, ast.arg | ast.keyword) and node.arg == identifier)
                or (isinstance(node, ast.Constant) and node.value == identifier)
            )
            if names:
                found.append(path.relative_to(PACKAGE).as_posix())
                break
    return found


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_sees_a_function_level_relative_import():
    graph = import_graph()
    assert "pipeline.report.pages" in graph["pipeline.report"]  # ``from .pages import ...``
    assert all(name.startswith("pipeline") for edges in graph.values() for name in edges)


def test_the_length_check_counts_from_def_to_the_last_line():
    body = "\n".join(f"    x{i} = {i}" for i in range(80))
    assert long_functions(ast.parse(f"def f():\n{body}\n")) == {"f": 81}
    assert long_functions(ast.parse("def g():\n    return 1\n")) == {}


def test_no_import_cycles_in_the_package():
    assert find_cycles(import_graph()) == []


def test_no_module_over_400_lines():
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, long


def test_no_function_over_80_lines():
    long = {
        f"{name}.{function}": n
        for name, path in _modules().items()
        for function, n in long_functions(_tree(path)).items()
    }
    assert not long, long


def test_the_cli_is_thin():
    """Each module of the CLI package (one per command group) stays under 300 lines."""
    files = sorted((PACKAGE / "cli").glob("*.py"))
    assert files
    lengths = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in files}
    long = {name: n for name, n in lengths.items() if n >= MAX_CLI_LINES}
    assert not long, long


def test_the_top_level_reads_in_one_glance():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))  # __init__ and __main__ count
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_min_groups_is_read_in_three_files_at_most():
    assert len(files := files_naming("min_groups")) <= 3, files


def test_the_embedding_budget_is_read_in_two_files_at_most():
    assert len(files := files_naming("embedding_budget")) <= 2, files


def test_the_name_finder_finds_a_config_key_and_nothing_for_an_unused_name():
    assert "config/__init__.py" in files_naming("min_groups")
    assert files_naming("a_name_no_module_uses") == []
