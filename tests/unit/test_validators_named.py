"""Every question of the application form has a validator a reader can find with grep."""

from __future__ import annotations

import ast
from pathlib import Path

from actions.application_form import ValidateApplicationForm
from bot.applications.questions import COMMON_START, INCOMING_PLACES, OUTGOING_PLACES, all_reason_questions

ACTIONS = Path(__file__).resolve().parents[2] / "actions"


def written_methods() -> set[str]:
    """Method names defined with `def` in the actions package (not attached at run time)."""
    names: set[str] = set()
    for path in ACTIONS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef):
                names.add(node.name)
    return names


def test_every_question_of_the_application_form_has_a_validator_written_in_the_code() -> None:
    questions = {*COMMON_START, *INCOMING_PLACES, *OUTGOING_PLACES, *all_reason_questions()}
    missing = sorted(q for q in questions if f"validate_{q}" not in written_methods())
    assert missing == []
    assert all(callable(getattr(ValidateApplicationForm, f"validate_{q}", None)) for q in questions)


def test_no_validator_is_attached_with_setattr() -> None:
    for path in ACTIONS.glob("*.py"):
        assert "setattr(" not in path.read_text(encoding="utf-8"), path.name
