"""The layers hold: import arrows point one way, boto3 stays in the adapters, no cycles, no
module too big to read.

Read from the source with `ast`, every import counted, including the deferred ones inside
functions (a deferred import hides a cycle from Python, not from a reader). Imports under
`if TYPE_CHECKING:` are left out: they are for the type checker and never run.

The sources are parsed in a fresh interpreter (`python tests/unit/test_architecture.py`): in a
worker that has caught a RecursionError before (the fuzz tests do), CPython 3.11's `ast.parse`
can fail with "AST constructor recursion depth mismatch" (python/cpython#106905).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "chalicelib"
MAX_LINES = 600
# Modules still over the limit, with the size they may not grow past: a ratchet, not a pass.
# An entry that falls under the limit must be removed, so the list only ever shrinks.
STILL_TOO_LONG: dict[str, int] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    found["app"] = ROOT / "app.py"
    return found


MODULES = _modules()


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node, except what sits under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def parse_imports(module: str) -> set[str]:
    """The modules `module` imports (a `from pkg import name` is `pkg.name` when that is a
    module of ours, else `pkg`)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                package = module if path.name == "__init__.py" else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{node.module}"
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return found


@cache
def _all_imports() -> dict[str, list[str]]:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve())], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return dict(json.loads(out))


def imports_of(module: str) -> set[str]:
    return set(_all_imports()[module])


def internal_graph() -> dict[str, set[str]]:
    return {module: {i for i in imports_of(module) if i in MODULES} for module in MODULES}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "chalicelib" else parts[0]


def test_there_are_no_import_cycles() -> None:
    # Given every module's imports
    graph = internal_graph()
    # When strongly connected components are found (Tarjan)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    # Then there are none
    assert cycles == []


def test_boto3_is_imported_only_by_the_adapters_and_the_wiring() -> None:
    # Given every module outside aws/ and wiring
    allowed = {"aws", "wiring"}
    # When their imports are read
    offenders = {
        module: sorted(i for i in imports_of(module) if i.split(".")[0] in {"boto3", "botocore"})
        for module in MODULES
        if _layer(module) not in allowed
    }
    # Then none of them imports boto3 or botocore
    assert {m: found for m, found in offenders.items() if found} == {}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("core", {"api", "aws", "wiring", "phases", "app"}),
        ("api", {"aws", "wiring", "phases", "app"}),
        ("aws", {"api", "wiring", "phases", "app"}),
        ("phases", {"api", "aws", "wiring", "app"}),
    ],
)
def test_import_arrows_point_one_way(layer: str, forbidden: set[str]) -> None:
    # Given the modules of one layer
    graph = internal_graph()
    # When the layers they import are listed
    crossings = {
        module: sorted(t for t in targets if _layer(t) in forbidden)
        for module, targets in graph.items()
        if _layer(module) == layer
    }
    # Then none is a layer it may not know: api -> core -> ports; aws implements the ports;
    # only app.py and the wiring know both sides
    assert {m: found for m, found in crossings.items() if found} == {}


def test_the_domain_knows_no_http() -> None:
    # Given the domain's modules
    core = [m for m in MODULES if _layer(m) == "core"]
    # When their imports are read
    web = {m: sorted(i for i in imports_of(m) if i.split(".")[0] in {"chalice", "werkzeug"}) for m in core}
    # Then none imports Chalice: statuses and requests are the edge's
    assert {m: found for m, found in web.items() if found} == {}


def test_no_module_is_over_600_lines() -> None:
    # Given every module of the package and app.py
    sizes = {module: len(path.read_text(encoding="utf-8").splitlines()) for module, path in MODULES.items()}
    # Then none is longer than a reader can hold, but for the known few, which do not grow
    too_long = {m: n for m, n in sizes.items() if n > STILL_TOO_LONG.get(m, MAX_LINES)}
    assert too_long == {}
    assert {m for m in STILL_TOO_LONG if sizes.get(m, 0) <= MAX_LINES} == set()


if __name__ == "__main__":
    # The parse itself, in a fresh interpreter (see the module's docstring).
    print(json.dumps({module: sorted(parse_imports(module)) for module in MODULES}))
