"""Rasa validates every action server response against a JSON schema with `jsonschema.validate`,
which first re-checks the schema itself: profiled under load (docs/deployment.md), that was 47 %
of the Rasa server's CPU. Here the validator is built once; responses are checked exactly as before.
Applied when Rasa loads any module of bot.rasa_plugins (the tracker store, the channels).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def _response_validator() -> Any:
    spec = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(spec)
    validator_class.check_schema(spec)
    return validator_class(spec)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _response_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise


def apply() -> None:
    """Replace RemoteAction's validation with the compiled one (idempotent)."""
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
