"""Code that runs inside the Rasa server (its venv): channels, tracker store. mypy skips it (rasa lives in the other venv)."""

try:  # inside the Rasa server: validate action responses with a schema compiled once
    from bot.rasa_plugins.action_validation import apply as _apply_action_validation
except ImportError:  # imported from the action server's venv (tests): nothing to patch
    pass
else:
    _apply_action_validation()
