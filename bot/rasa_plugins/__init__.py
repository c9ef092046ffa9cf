"""Code that runs inside the Rasa server (its venv): channels, tracker store. mypy skips it (rasa lives in the other venv)."""
