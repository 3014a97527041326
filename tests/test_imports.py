"""Imports run one way: the graph of the package's own imports has no cycle.

Every module under ``src/thidua_calendar`` is parsed with :mod:`ast` (nothing is imported), and
every import of a module of the package becomes an edge: absolute and relative, at module level
and inside functions (a lazy import is still a dependency: it only hides the cycle until the
function runs). Only imports under ``if TYPE_CHECKING:`` are left out, since they never run. An
import of a package is an edge to its ``__init__``; ``from . import x`` where ``x`` is a
submodule is an edge to ``x``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "thidua_calendar"

Graph = dict[str, set[str]]


def module_names(src: Path, package: str) -> dict[str, Path]:
    """Each module of ``package`` under ``src`` (a package as its own name) and its file."""
    found = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that can run, at any depth (not under ``if TYPE_CHECKING:``)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _ancestors(module: str, is_package: bool) -> list[str]:
    """The packages around ``module`` (itself included when it is a package), innermost first."""
    parts = module.split(".")
    own = parts if is_package else parts[:-1]
    return [".".join(own[:i]) for i in range(len(own), 0, -1)]


def imports_of(module: str, path: Path, modules: Mapping[str, Path], package: str) -> set[str]:
    """The modules of ``package`` that ``module`` (at ``path``) imports."""
    is_package = path.name == "__init__.py"
    ancestors = _ancestors(module, is_package)
    found: set[str] = set()

    def add(target: str) -> None:
        # A package on the way to the target runs its __init__, unless it is one of the
        # importer's own packages (initialised before any of their modules).
        parts = target.split(".")
        for i in range(1, len(parts)):
            outer = ".".join(parts[:i])
            if outer in modules and outer not in ancestors:
                found.add(outer)
        if target in modules:
            found.add(target)

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == package or alias.name.startswith(package + "."):
                    add(alias.name)
            continue
        if node.level:
            base_parts = (
                ancestors[node.level - 1].split(".") if node.level <= len(ancestors) else []
            )
            if not base_parts:
                continue  # a relative import beyond the top package: not ours
            base = ".".join([*base_parts, *([node.module] if node.module else [])])
        elif node.module and (node.module == package or node.module.startswith(package + ".")):
            base = node.module
        else:
            continue
        if base not in ancestors:
            add(base)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            if submodule in modules:
                add(submodule)  # from . import x, x a submodule: an edge to x
            elif base in ancestors:
                add(base)  # a name of an enclosing package's __init__
    found.discard(module)
    return found


def import_graph(src: Path = SRC, package: str = PACKAGE) -> Graph:
    """The package's import graph: each module and the package modules it imports."""
    modules = module_names(src, package)
    return {name: imports_of(name, path, modules, package) for name, path in modules.items()}


def strongly_connected(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (each sorted), sorted.

    Tarjan's algorithm, iterative.
    """
    edges = {node: sorted(set(targets)) for node, targets in graph.items()}
    for targets in list(edges.values()):
        for target in targets:
            edges.setdefault(target, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return sorted(components)


def find_cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """One cycle (``[a, b, …, a]``) in each strongly connected component, sorted."""
    return sorted(_cycle_in(component, graph) for component in strongly_connected(graph))


def _cycle_in(component: list[str], graph: Mapping[str, Iterable[str]]) -> list[str]:
    """A shortest cycle through the first module of a strongly connected component."""
    edges = {node: sorted(targets) for node, targets in graph.items()}
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in edges.get(node, []):
            if child == start:
                return [*paths[node], start]
            if child in members and child not in paths:
                paths[child] = [*paths[node], child]
                queue.append(child)
    raise AssertionError(f"{component} is not strongly connected")  # pragma: no cover


def describe(graph: Mapping[str, Iterable[str]]) -> str:
    """Each import cycle, and every import inside its strongly connected component."""
    lines = []
    for component in strongly_connected(graph):
        members = set(component)
        lines.append("cycle: " + " -> ".join(_cycle_in(component, graph)))
        lines += [
            f"  {node} imports {target}"
            for node in component
            for target in sorted(graph[node])
            if target in members
        ]
    return "\n".join(lines)


# --- the package ---------------------------------------------------------------------------


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    assert not find_cycles(graph), "import cycles:\n" + describe(graph)


def test_the_graph_sees_every_kind_of_import() -> None:
    graph = import_graph()
    assert f"{PACKAGE}.lunar" in graph[PACKAGE]  # a package: an edge to its __init__
    assert f"{PACKAGE}.lunar._tables" in graph[f"{PACKAGE}.lunar._date"]  # relative
    assert f"{PACKAGE}._schedule" in graph[f"{PACKAGE}.cli.schedule"]  # inside a function
    assert f"{PACKAGE}.cli" in graph[f"{PACKAGE}.__main__"]


def test_command_line_code_lives_in_cli() -> None:
    """Only the ``cli`` package (and ``__main__``) parses arguments; the library never does."""
    modules = module_names(SRC, PACKAGE)
    parsing = sorted(
        name
        for name, path in modules.items()
        if any(
            alias.name == "argparse"
            for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Import)
            for alias in node.names
        )
    )
    assert parsing
    assert [m for m in parsing if not m.startswith(f"{PACKAGE}.cli")] == []
    assert not any(name.startswith(f"{PACKAGE}.lint.") and "cli" in name for name in modules)


# --- the check itself on synthetic packages --------------------------------------------------


def write_package(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_two_module_cycle_is_found(tmp_path: Path) -> None:
    src = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from . import b\n",
            "b.py": "def f():\n    from .a import g\n    return g\n",
        },
    )
    graph = import_graph(src, "pkg")
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}}
    assert find_cycles(graph) == [["pkg.a", "pkg.b", "pkg.a"]]
    assert describe(graph) == (
        "cycle: pkg.a -> pkg.b -> pkg.a\n  pkg.a imports pkg.b\n  pkg.b imports pkg.a"
    )
    graph["pkg.b"].clear()
    assert find_cycles(graph) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # absolute imports, and a package's __init__ importing its module
            {
                "__init__.py": "",
                "sub/__init__.py": "import pkg.sub.c\n",
                "sub/c.py": "from pkg import sub\n",
            },
            [["pkg.sub", "pkg.sub.c", "pkg.sub"]],
        ),
        (  # a name of the parent __init__, which imports the module: a cycle of three
            {
                "__init__.py": "from .x import X\n",
                "x.py": "from .y import Y\nX = 1\n",
                "y.py": "from . import X as Y\n",
            },
            [["pkg", "pkg.x", "pkg.y", "pkg"]],
        ),
        (  # imports under TYPE_CHECKING never run: no cycle
            {
                "__init__.py": "",
                "a.py": "from . import b\n",
                "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from .a import A\nelse:\n    import os\n",
            },
            [],
        ),
        (  # the else branch of a TYPE_CHECKING test does run
            {
                "__init__.py": "",
                "a.py": "from . import b\n",
                "b.py": "import typing\nif typing.TYPE_CHECKING:\n    pass\nelse:\n"
                "    from . import a\n",
            },
            [["pkg.a", "pkg.b", "pkg.a"]],
        ),
        (  # a submodule importing its parent package only: no cycle by itself
            {"__init__.py": "", "a.py": "from . import VERSION\nimport json\n"},
            [],
        ),
    ],
)
def test_the_check_on_synthetic_packages(
    tmp_path: Path, files: dict[str, str], expected: list[list[str]]
) -> None:
    assert find_cycles(import_graph(write_package(tmp_path, files), "pkg")) == expected
