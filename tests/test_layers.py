"""The house rules of imports (docs: /work/shared/STYLE.md, «Arrows only point down»):

    cli (cur_desktop/cli.py, brief_cli.py)      the command line, starts the window
    ui                                          Qt, windows and widgets
    reports, demo, training_practice            documents; embedded servers for demo/practice
    sync                                        REST client, sign-in, outbox, engine
    models                                      domain, contract, local cache
    cur_server                                  imports the shared models (and reports)

Every import counts, also one inside a function: a lazy import still ties the modules
together. The test reads the source (ast), it imports nothing."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cur_desktop", "cur_server")
QT = ("PySide6", "shiboken6", "qasync")

# The layer of a cur_desktop module, by its dotted name; a module may import its own layer and
# those below it.
RANKS = {"models": 0, "sync": 1, "reports": 2, "demo": 2, "training_practice": 2, "ui": 3}
TOP = 4  # cli.py, brief_cli.py and the package itself


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts or package == "cur_server":
                found[module_name(path)] = path
    return found


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Everything the module imports (ours as module names, others as their top package)."""
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                stem = base[: len(base) - node.level + 1]
                target = ".".join(stem + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            for alias in node.names:  # `from . import formats` imports a module
                if f"{target}.{alias.name}" in modules:
                    out.add(f"{target}.{alias.name}")
    return {_ours(t, modules) for t in out if t}


def _runtime_nodes(tree: ast.AST):
    """Every node but those under `if TYPE_CHECKING:` (a type hint ties no modules at run time)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))


def _ours(target: str, modules: dict[str, Path]) -> str:
    """`cur_desktop.ui.aio` as it is; `PySide6.QtCore` → `PySide6`."""
    if target.split(".")[0] in PACKAGES:
        while target not in modules and "." in target:
            target = target.rsplit(".", 1)[0]
        return target
    return target.split(".")[0]


def graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def rank(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "cur_desktop":
        return None
    if len(parts) == 1:
        return TOP
    return RANKS.get(parts[1], TOP)


def upward_arrows(g: dict[str, set[str]]) -> list[str]:
    wrong = []
    for module, targets in sorted(g.items()):
        for target in sorted(targets):
            if module.startswith("cur_server"):
                if target in QT or target.split(".")[:2] in (["cur_desktop", "ui"],):
                    wrong.append(f"{module} → {target}")
                continue
            mine, theirs = rank(module), rank(target)
            if target in QT and mine is not None and mine < RANKS["ui"]:
                wrong.append(f"{module} → {target} (Qt below ui)")
            elif mine is not None and theirs is not None and theirs > mine:
                wrong.append(f"{module} → {target}")
    return wrong


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(g):
        if root in index:
            continue
        work = [(root, iter(sorted(g[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in g:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(g[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
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
                        found.append(sorted(component))
    return found


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_every_arrow_points_down():
    assert upward_arrows(graph()) == []


def test_the_rules_catch_what_they_are_for():
    """The checks themselves can fail: a made-up circle and upward arrows are reported."""
    g = {
        "cur_desktop.cli": {"cur_desktop.reports.brief_cli"},
        "cur_desktop.reports.brief_cli": {"cur_desktop.cli"},
        "cur_desktop.models.sla": {"cur_desktop.sync.client", "PySide6"},
        "cur_desktop.sync.client": {"cur_desktop.ui.app"},
        "cur_server.app": {"cur_desktop.ui.app", "PySide6"},
        "cur_desktop.ui.app": set(),
    }
    assert cycles(g) == [["cur_desktop.cli", "cur_desktop.reports.brief_cli"]]
    assert upward_arrows(g) == [
        "cur_desktop.models.sla → PySide6 (Qt below ui)",
        "cur_desktop.models.sla → cur_desktop.sync.client",
        "cur_desktop.reports.brief_cli → cur_desktop.cli",
        "cur_desktop.sync.client → cur_desktop.ui.app",
        "cur_server.app → PySide6",
        "cur_server.app → cur_desktop.ui.app",
    ]
