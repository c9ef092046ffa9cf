"""RulePolicy with the rule index (bot/rasa_plugins/rule_index.py) finds the same rules as without.

Checked on the trained model's own rules, in the Rasa server's venv (tests/e2e/rule_index_check.py).
"""

import os
from pathlib import Path

from tests.rasa_venv import ROOT, run_check


def test_the_rule_index_finds_exactly_the_rules_rasa_finds():
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")
    counts = run_check("tests/e2e/rule_index_check.py", str(model))
    assert counts["compared"] > 5000  # every rule, cut after each turn, and its near misses
    assert counts["differing"] == 0
