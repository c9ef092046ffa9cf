"""The layers of bot/ as docs/architecture.md draws them, read from the imports themselves (ast).

Every import counts, also one inside a function: it runs as soon as the function does. Only
imports under ``if TYPE_CHECKING:`` are left out (they never run).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"

# What the Rasa server loads (config.yml, endpoints.yml, credentials.yml name these packages), and
# the bot/ modules they may use besides bot.core and bot.rules: language detection (lingua is in
# both venvs), the personal slots the redacting tracker store seals and the owner-only file helpers.
RASA_SERVER_PACKAGES = ("bot.nlu", "bot.nlg", "bot.rasa_plugins")
RASA_SERVER_MAY_USE = (
    *("bot.core", "bot.rules", "bot.language"),
    *("bot.privacy.tracker_events", "bot.privacy.files"),
)
# Third-party packages of the Rasa server's venv (requirements/rasa.txt and rasa's own pins) that
# bot/ code may import there. SQLAlchemy is 1.4 there: only Rasa's own tracker store uses it.
RASA_VENV_HAS = {
    *("rasa", "sanic", "aiohttp", "sqlalchemy", "yaml", "i18n", "lingua", "cryptography", "socketio"),
    *("jsonschema", "twilio"),
    *("numpy", "scipy", "pycrfsuite", "sklearn_crfsuite"),  # rasa's own dependencies (bot/nlu/stored_models.py)
    *("redis", "ujson"),  # rasa's too (bot/rasa_plugins/conversation_lock.py, action_connections.py)
}
CORE_THIRD_PARTY = {"yaml", "i18n"}
NEVER_IN_CORE_OR_RULES = {"sqlalchemy", "sanic", "rasa", "rasa_sdk", "aiohttp", "alembic"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of bot/, by dotted name."""
    return {_module_name(path): path for path in sorted(BOT.rglob("*.py"))}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST, package: str) -> Iterator[str]:
    for node in ast.iter_child_nodes(tree):
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)  # submodules
        else:
            yield from _imports(node, package)


@cache
def imports_of(module: str) -> frozenset[str]:
    """Everything `module` imports: bot modules resolved to files, others by top-level name."""
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for name in _imports(ast.parse(path.read_text(encoding="utf-8")), package):
        if name.split(".")[0] != "bot":
            found.add(name.split(".")[0])
        elif name in modules():
            found.add(name)
    return frozenset(found - {module})


def _bot(names: frozenset[str]) -> set[str]:
    return {name for name in names if name == "bot" or name.startswith("bot.")}


def _third_party(names: frozenset[str]) -> set[str]:
    return {name for name in names if name.split(".")[0] != "bot" and name not in sys.stdlib_module_names}


def _inside(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def closure(start: tuple[str, ...]) -> set[str]:
    """The bot modules under `start` and every bot module they import, transitively."""
    seen: set[str] = set()
    todo = [name for name in modules() if _inside(name, start)]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_bot(imports_of(name)))
    return seen


def test_core_imports_only_core_and_its_three_libraries() -> None:
    wrong = {
        module: sorted(
            _bot(imports_of(module)) - {"bot"} - {m for m in modules() if m.startswith("bot.core")}
        )
        for module in modules()
        if _inside(module, ("bot.core",))
    }
    assert {module: found for module, found in wrong.items() if found} == {}
    libraries = {module: _third_party(imports_of(module)) - CORE_THIRD_PARTY for module in modules()}
    assert {m: sorted(found) for m, found in libraries.items() if found and _inside(m, ("bot.core",))} == {}


def test_rules_import_only_core_and_rules_and_no_framework() -> None:
    for module in modules():
        if not _inside(module, ("bot.rules",)):
            continue
        outside = {name for name in _bot(imports_of(module)) if not _inside(name, ("bot.core", "bot.rules"))}
        assert outside == set(), f"{module} imports {sorted(outside)}"
        assert _third_party(imports_of(module)) & NEVER_IN_CORE_OR_RULES == set(), module


def test_the_rasa_server_packages_need_only_what_the_rasa_venv_has() -> None:
    loaded = closure(RASA_SERVER_PACKAGES)
    outside = sorted(m for m in loaded if not _inside(m, RASA_SERVER_PACKAGES + RASA_SERVER_MAY_USE))
    assert outside == [], "the Rasa server would load these action-server modules"
    libraries = {m: sorted(_third_party(imports_of(m)) - RASA_VENV_HAS) for m in loaded}
    assert {m: found for m, found in libraries.items() if found} == {}


def test_bot_has_no_import_cycle() -> None:
    graph = {module: _bot(imports_of(module)) - {"bot"} for module in modules()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in graph:
        if module not in index:
            visit(module)
    assert cycles == []


def _areas(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    def area(module: str) -> str:
        return ".".join(module.split(".")[:2])

    areas: dict[str, set[str]] = {}
    for module, targets in graph.items():
        areas.setdefault(area(module), set()).update(area(t) for t in targets if area(t) != area(module))
    return areas


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return False


def test_services_do_not_call_back_into_each_other() -> None:
    """The package cycles issue 21 found stay broken: notices about applications live with them."""
    areas = _areas({module: _bot(imports_of(module)) - {"bot"} for module in modules()})
    for lower, upper in (("bot.applications", "bot.notifications"), ("bot.mail", "bot.notifications")):
        assert not _reaches(areas, lower, upper), f"{lower} imports {upper}, directly or not"
    assert not _reaches(areas, "bot.core", "bot.rules")


def test_only_bot_core_reads_the_environment() -> None:
    readers = []
    for path in sorted([*BOT.rglob("*.py"), *(ROOT / "actions").rglob("*.py")]):
        if path.is_relative_to(BOT / "core"):
            continue
        source = path.read_text(encoding="utf-8")
        if "os.environ" in source or "getenv(" in source:
            readers.append(str(path.relative_to(ROOT)))
    assert readers == [], "read settings through bot.core.settings"


def test_this_test_sees_imports_inside_functions(tmp_path: Path) -> None:
    tree = ast.parse("def f():\n    from bot.store.database import unit_of_work\n")
    assert "bot.store.database" in set(_imports(tree, "bot.x"))


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").exists(), reason="the Rasa venv is not built")
def test_the_rasa_server_venv_imports_every_rasa_server_module() -> None:
    names = sorted(m for m in closure(RASA_SERVER_PACKAGES) if m != "bot")
    program = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", program, *names],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=environment,
    )
    assert result.returncode == 0, result.stderr[-2000:]
