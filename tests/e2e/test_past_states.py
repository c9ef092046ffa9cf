"""The conversation's replay kept once per tracker state (bot/rasa_plugins/past_states.py) gives
exactly Rasa's past states, on every prediction of the conversation tests and every prefix of six
conversations stored by a running server.

Checked in the Rasa server's venv (tests/e2e/past_states_check.py).
"""

import os
from pathlib import Path

from tests.rasa_venv import ROOT, run_check


def test_the_kept_replay_gives_rasas_own_past_states_on_every_prediction(tmp_path: Path):
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")
    counts = run_check("tests/e2e/past_states_check.py", str(model), str(tmp_path / "results"))
    assert counts["compared"] > 1500  # the policies at each prediction, and each stored prefix
    assert counts["hidden_turns"] > 20  # RulePolicy's hidden turns are among them
    assert counts["reused"] > counts["compared"] // 3  # the second policy reuses the first's replay
    assert counts["differing"] == 0
    assert counts["stories_passed"]
