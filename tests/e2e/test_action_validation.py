"""Action responses checked event by event (bot/rasa_plugins/action_validation.py) are accepted or
refused exactly as Rasa's full schema decides, on 1,200 responses of every event kind, well and
badly formed (tests/e2e/action_validation_check.py, in the Rasa server's venv)."""

from tests.rasa_venv import run_check


def test_the_fast_check_accepts_exactly_what_rasas_schema_accepts():
    counts = run_check("tests/e2e/action_validation_check.py")
    assert counts["compared"] > 1000 and 100 < counts["accepted"] < counts["compared"]
    assert counts["disagree"] == 0
