# Security and privacy checks (SECURITY.md). Both run at the end of `make test`.
AUDIT_VENV := .venv-audit

EXTRA_TESTS += security-audit privacy-test

.PHONY: security-audit privacy-test retention

$(AUDIT_VENV)/.installed:
	test -x $(AUDIT_VENV)/bin/python || $(PYTHON310) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install -q "pip-audit>=2.7,<3" || { rm -rf $(AUDIT_VENV); echo "audit skipped: pip-audit could not be installed (no network?)"; }
	@if test -x $(AUDIT_VENV)/bin/pip-audit; then touch $@; fi

security-audit: setup $(AUDIT_VENV)/.installed ## pip-audit both venvs (a warning; allow-list: security/pip-audit-allowlist.txt)
	@if test -x $(AUDIT_VENV)/bin/pip-audit; then security/pip-audit.sh $(AUDIT_VENV) $(RASA_VENV) $(ACTIONS_VENV); \
	else echo "audit skipped: no network"; fi

privacy-test: setup ## Tracker store redaction (real servers), retention, hostile input over HTTP
	$(ACTIONS_VENV)/bin/pytest tests/privacy -q

retention: setup ## Delete conversations and uploads older than DAYS (default 365): make retention DAYS=365
	$(PY) -m bot.privacy.retention --older-than-days $(or $(DAYS),365)
