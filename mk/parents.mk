# Simulated parents (issue 16): multi-turn conversations in both languages against the real servers.
# Prints the completion rate per language and fails under PARENTS_MIN_COMPLETION (0.95); transcripts
# in var/results/parents/. Ports: PARENTS_RASA_PORT, PARENTS_ACTIONS_PORT, PARENTS_WEB_PORT, PARENTS_SMTP_PORT.
EXTRA_TESTS += parents
# The goal is 0.95 in each language (issue 16): reached in session 6 (1.00 / 1.00, docs/conversations.md).
PARENTS_FLOOR ?= 0.95

.PHONY: parents

parents: setup train ## Simulated parents talk to the real servers; completion rate per language (goal 0.95)
	PARENTS_MIN_COMPLETION=$${PARENTS_MIN_COMPLETION:-$(PARENTS_FLOOR)} $(ACTIONS_VENV)/bin/pytest tests/parents -q -p no:cacheprovider
