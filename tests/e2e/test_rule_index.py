"""RulePolicy with the rule index (bot/rasa_plugins/rule_index.py) finds the same rules as without.

Checked on the trained model's own rules, in the Rasa server's venv (tests/e2e/rule_index_check.py).
"""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_rule_index_finds_exactly_the_rules_rasa_finds():
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")
    completed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "tests/e2e/rule_index_check.py"), str(model)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    counts = json.loads(completed.stdout.strip().splitlines()[-1])
    assert counts["compared"] > 5000  # every rule, cut after each turn, and its near misses
    assert counts["differing"] == 0
