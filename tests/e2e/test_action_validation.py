"""Action responses checked event by event (bot/rasa_plugins/action_validation.py) are accepted or
refused exactly as Rasa's full schema decides, on 1,200 responses of every event kind, well and
badly formed (tests/e2e/action_validation_check.py, in the Rasa server's venv)."""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_fast_check_accepts_exactly_what_rasas_schema_accepts():
    completed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "tests/e2e/action_validation_check.py")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    counts = json.loads(completed.stdout.strip().splitlines()[-1])
    assert counts["compared"] > 1000 and 100 < counts["accepted"] < counts["compared"]
    assert counts["disagree"] == 0
