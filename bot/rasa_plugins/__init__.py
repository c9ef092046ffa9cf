"""Code that runs inside the Rasa server (its venv): channels, tracker store. mypy skips it (rasa lives in the other venv)."""

try:  # inside the Rasa server: Rasa's own work per message, done faster with the same result
    from bot.rasa_plugins.action_connections import apply as _apply_action_connections
    from bot.rasa_plugins.action_validation import apply as _apply_action_validation
    from bot.rasa_plugins.event_types import apply as _apply_event_types
    from bot.rasa_plugins.graph_runner import apply as _apply_graph_runner
    from bot.rasa_plugins.past_states import apply as _apply_past_states
    from bot.rasa_plugins.rule_index import apply as _apply_rule_index
    from bot.rasa_plugins.slot_copies import apply as _apply_slot_copies
except ImportError:  # imported from the action server's venv (tests): nothing to patch
    pass
else:
    _apply_action_validation()  # action responses checked by a schema compiled once
    _apply_rule_index()  # RulePolicy tests only the rules that can match the latest state
    _apply_event_types()  # an event's class found once per type name
    _apply_action_connections()  # one client session per endpoint: connections kept alive
    _apply_graph_runner()  # the model's graph run in order, without dask's scheduler
    _apply_slot_copies()  # a slot's shallow copy made directly
    _apply_past_states()  # a conversation's past states built once per prediction, not per policy
