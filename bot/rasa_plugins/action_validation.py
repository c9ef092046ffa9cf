"""Rasa validates every action server response against a JSON schema with `jsonschema.validate`,
which first re-checks the schema itself: profiled under load (docs/deployment.md), that was 47 %
of the Rasa server's CPU. Here the validator is built once; responses are checked exactly as before.
Applied when Rasa loads any module of bot.rasa_plugins (the tracker store, the channels).

Most of what remains is the events' ``oneOf`` over Rasa's 23 event schemas, each of which
requires its own ``event`` name: every event was checked against all 23 (~3 ms a call, 7 % of the
Rasa server's time). Since only the schema of the event's own name can match, each event is
checked against that one; a response that fails this is checked again by the full validator,
which raises the error Rasa has always raised (tests/e2e/test_action_validation.py).
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


def _compiled(schema: dict[str, Any]) -> Any:
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@cache
def _checks_by_event_name() -> tuple[Any, dict[str, Any]] | None:
    """The response without its events' items, and one event schema per event name; None when
    Rasa's schema is not a `oneOf` told apart by distinct `event` names (then the full check runs)."""
    spec = RemoteAction.action_response_format_spec()
    events = spec.get("properties", {}).get("events", {})
    event = events.get("items", {})
    alternatives = event.get("oneOf") if isinstance(event, dict) else None
    if events.get("type") != "array" or not alternatives:
        return None
    names = [alternative.get("properties", {}).get("event", {}).get("const") for alternative in alternatives]
    if not all(isinstance(name, str) for name in names) or len(set(names)) != len(names):
        return None
    common = {key: value for key, value in event.items() if key != "oneOf"}
    response = {**spec, "properties": {**spec["properties"], "events": {"type": "array"}}}
    by_name = {
        name: _compiled({"allOf": [common, alt]}) for name, alt in zip(names, alternatives, strict=True)
    }
    return _compiled(response), by_name


def _passes_by_event_name(result: Any) -> bool:
    """True when the response is valid, checked event by event against its own schema only."""
    checks = _checks_by_event_name()
    if checks is None or not isinstance(result, dict):
        return False
    response, by_name = checks
    if not response.is_valid(result):
        return False
    for event in result.get("events") or []:
        name = event.get("event") if isinstance(event, dict) else None
        check = by_name.get(name) if isinstance(name, str) else None
        if check is None or not check.is_valid(event):
            return False
    return True


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if _passes_by_event_name(result):
        return True
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
