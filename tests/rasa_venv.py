"""Run a check script in the Rasa server's venv (.venv) and read the JSON line it prints last."""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_check(script: str, *args: str) -> dict:
    """``script`` (a path under the repository) run by .venv's Python; its last line as JSON."""
    completed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / script), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])
