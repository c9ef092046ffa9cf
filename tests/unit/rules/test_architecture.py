"""bot/rules/ stays pure: no Rasa, rasa_sdk, SQLAlchemy or Django, directly or transitively."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / "bot" / "rules"
FORBIDDEN = {"rasa", "rasa_sdk", "sqlalchemy", "django"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {"import_module", "__import__"}:
            roots.update(
                arg.value.split(".")[0]
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            )
    return roots


def test_no_module_under_bot_rules_imports_a_framework() -> None:
    modules = sorted(RULES.glob("*.py"))
    assert len(modules) >= 10
    offenders = {path.name: imported_roots(path) & FORBIDDEN for path in modules}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_ast_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import rasa_sdk.forms\nfrom sqlalchemy.orm import Session\n", encoding="utf-8")
    assert imported_roots(sample) & FORBIDDEN == {"rasa_sdk", "sqlalchemy"}


def test_using_every_rule_loads_no_framework_at_run_time() -> None:
    script = """
import importlib, pkgutil, sys
import bot.rules
for module in pkgutil.iter_modules(bot.rules.__path__):
    importlib.import_module(f"bot.rules.{module.name}")
from bot.rules.passwords import password_problems
assert password_problems("password1", "a@b.org") == ["common"]
loaded = {name.split(".")[0] for name in sys.modules}
print(sorted(loaded & {"rasa", "rasa_sdk", "sqlalchemy", "django"}))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_every_public_function_and_class_has_a_docstring() -> None:
    missing = [
        f"{path.name}:{node.lineno} {node.name}"
        for path in sorted(RULES.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and not node.name.startswith("_")
        and ast.get_docstring(node) is None
    ]
    assert missing == []
