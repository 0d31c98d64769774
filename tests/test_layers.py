"""The package's layers, read from its source: api -> schema -> graph, and ingest -> graph.

Every import counts, those inside functions too: an import deferred to dodge a cycle is still
a cycle, and still a layer reaching the wrong way.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "newsgraph"

# What each layer may import of newsgraph, besides itself and the shared top-level modules.
ALLOWED = {
    "graph": set(),
    "ingest": {"graph"},
    "schema": {"graph", "ingest"},
    "api": {"schema", "graph", "ingest"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The newsgraph modules ``name`` imports, wherever in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                # `from package import submodule` imports the submodule.
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else base)
    return {module for module in found if module in known and module != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

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
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_of_newsgraph_imports_itself_back_through_others() -> None:
    assert _cycles(_graph()) == []


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for module, targets in sorted(_graph().items()):
        layer = _layer(module)
        if layer not in ALLOWED:
            continue
        for target in sorted(targets):
            other = _layer(target)
            if other in ALLOWED and other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


# Past this, a function is doing more than one job: split it by job rather than raise this.
LONGEST_FUNCTION = 80


def _long_functions(source: str, where: str) -> list[str]:
    """Each function (methods and nested ones too) longer than LONGEST_FUNCTION lines, from its
    `def` line to its last line; decorators do not count."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            length = node.end_lineno - node.lineno + 1
            if length > LONGEST_FUNCTION:
                found.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_a_function_of_81_lines_is_found_and_one_of_80_is_not() -> None:
    def function(name: str, lines: int) -> str:
        return f"def {name}() -> None:\n" + "    pass\n" * (lines - 1)

    source = (
        function("fits", 80) + "\n\nclass C:\n    " + function("long", 81).replace("\n", "\n    ")
    )
    assert _long_functions(source, "example.py") == ["example.py:84 long (81 lines)"]


def test_no_function_in_newsgraph_is_longer_than_80_lines() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE.parent))
        found += _long_functions(path.read_text(), where)
    assert found == []
