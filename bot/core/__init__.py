"""What every part of the assistant needs, with one home each: settings, secrets, the clock, the
text catalog and the policy data.

Both runtimes load this package (the Rasa server's venv and the action server's), so it uses the
standard library, PyYAML and python-i18n only, and imports nothing else from ``bot/``
(tests/unit/test_architecture.py checks it). See docs/architecture.md.
"""
