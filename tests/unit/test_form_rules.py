"""The generated interruption rules are up to date with scripts/build_form_rules.py."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_form_rules", ROOT / "scripts" / "build_form_rules.py")
assert spec and spec.loader
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


@pytest.mark.parametrize("form", sorted(build.FORMS))
def test_interruption_rules_are_generated_from_the_script(form: str) -> None:
    assert build.target(form).read_text(encoding="utf-8") == build.rules_for(form)


def test_every_interruption_intent_is_excluded_from_form_answers() -> None:
    domain = (ROOT / "domain" / "application.yml").read_text(encoding="utf-8")
    for intent in build.ANSWERS:
        assert intent in domain.split("&app_interruptions")[1].split("]")[0]
