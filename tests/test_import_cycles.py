"""No package imports itself round in a circle, counting imports inside functions too.

A cycle makes the import order decide whether a name exists yet, and a function-level
import that closes one only hides it until the function first runs. The graph is read
from the source with ast, so nothing is imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .helpers.paths import REPO

ROOT = REPO


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The package's own modules that `path` imports, wherever the import stands."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # `from package import module` imports the module; `from module import name` the module.
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in modules else source)
    return {module for module in found if module in modules and module != name}


def import_graph(package: str) -> dict[str, set[str]]:
    paths = sorted((ROOT / package).rglob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): imported_modules(path, modules) for path in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def test_the_graph_sees_function_level_and_relative_imports() -> None:
    graph = import_graph("extract")
    assert "extract.model" in graph["extract.analysis"]
    assert "extract.attachments.pdf" in graph["extract.attachments"]  # imported inside a function


def test_cycles_are_found() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_extract_has_no_import_cycle() -> None:
    assert cycles(import_graph("extract")) == []


def test_crawler_has_no_import_cycle() -> None:
    assert cycles(import_graph("crawler")) == []


def test_no_module_imports_the_command_group() -> None:
    # Commands share crawler/commands/common.py; only the entry point loads crawler/cli.py.
    graph = import_graph("crawler")
    assert sorted(module for module, imported in graph.items() if "crawler.cli" in imported) == []


def test_extract_never_imports_scrapy_or_the_crawler() -> None:
    outside = set()
    for path in sorted((ROOT / "extract").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            outside |= {
                f"{module_name(path)}: {n}" for n in names if n.split(".")[0] in ("scrapy", "crawler")
            }
    assert sorted(outside) == []
