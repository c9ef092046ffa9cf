"""Every conversation state Rasa builds (about ten a message: reading the conversation, each
prediction's past states, each form's check) copies all 52 of the domain's slots with
``copy.copy``, which goes through ``__reduce_ex__`` for each: 11 % of the Rasa server's time per
message (docs/performance.md). A slot is a plain object; its shallow copy is a new object with
the same attribute dictionary, which is what ``copy.copy`` builds. This makes it directly.

Applied when Rasa loads a module of bot.rasa_plugins.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.slots import Slot


def shallow_copy(slot: Slot) -> Any:
    """What copy.copy(slot) returns, built without __reduce_ex__."""
    copied = object.__new__(type(slot))
    copied.__dict__.update(slot.__dict__)
    return copied


def apply() -> None:
    """Give Rasa's slots a direct shallow copy (idempotent)."""
    Slot.__copy__ = shallow_copy  # type: ignore[attr-defined]
