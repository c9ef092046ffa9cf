"""A slot's direct shallow copy (bot/rasa_plugins/slot_copies.py) is what copy.copy made before:
checked on every slot of the domain, empty and filled, in the Rasa server's venv."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import copy
from rasa.shared.core.domain import Domain
from rasa.shared.core.slots import Slot
domain = Domain.load("domain")
for slot in domain.slots:
    slot.value = ["a"] if slot.type_name == "list" else slot.value
before = [copy.copy(slot) for slot in domain.slots]
import bot.rasa_plugins  # applies the direct copy
assert "__copy__" in Slot.__dict__
after = [copy.copy(slot) for slot in domain.slots]
for old, new, slot in zip(before, after, domain.slots):
    assert type(new) is type(old) and new.__dict__ == old.__dict__ and new is not slot, slot.name
    assert new.value is slot.value  # shallow, as copy.copy
print(len(after))
"""


def test_every_slot_is_copied_as_copy_copy_did():
    completed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", SCRIPT],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert int(completed.stdout.strip().splitlines()[-1]) > 40
