"""The model's graph run without dask (bot/rasa_plugins/graph_runner.py) understands as Rasa's runner.

Checked on every held-out sentence, in the Rasa server's venv (tests/e2e/graph_runner_check.py). The
policies' side is checked by the conversation tests (`make conversations`), which run through it.
"""

import os
from pathlib import Path

from tests.rasa_venv import ROOT, run_check


def test_every_held_out_sentence_is_understood_as_with_rasas_runner():
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")
    counts = run_check("tests/e2e/graph_runner_check.py", str(model))
    assert counts["replaced"]  # the fast runner is the one Rasa uses
    assert counts["compared"] > 1000
    assert counts["differing"] == 0
