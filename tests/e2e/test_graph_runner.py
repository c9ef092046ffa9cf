"""The model's graph run without dask (bot/rasa_plugins/graph_runner.py) understands as Rasa's runner.

Checked on every held-out sentence, in the Rasa server's venv (tests/e2e/graph_runner_check.py). The
policies' side is checked by the conversation tests (`make conversations`), which run through it.
"""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_held_out_sentence_is_understood_as_with_rasas_runner():
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")
    completed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "tests/e2e/graph_runner_check.py"), str(model)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    counts = json.loads(completed.stdout.strip().splitlines()[-1])
    assert counts["replaced"]  # the fast runner is the one Rasa uses
    assert counts["compared"] > 1000
    assert counts["differing"] == 0
