# LAUSD permit assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON310      := $(shell scripts/find-python310)
RASA_VENV      := .venv
ACTIONS_VENV   := .venv-actions
RASA           := $(RASA_VENV)/bin/rasa
PY             := $(ACTIONS_VENV)/bin/python
MODEL_DIR      := models
export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false

# Test suites added by mk/*.mk files append their target names here; `make test` runs them last.
EXTRA_TESTS :=
# Targets of one subsystem each (channels, production, benchmark): see the files.
-include mk/*.mk

.PHONY: help setup train run migrate deliver-mail stop shell test lint typecheck unit validate nlu-eval nlu-blind conversations e2e clean

help: ## List every target
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(RASA_VENV)/.installed: requirements/rasa.txt
	test -x $(RASA_VENV)/bin/python || $(PYTHON310) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install -q --upgrade "pip<25"
	$(RASA_VENV)/bin/pip install -q -r requirements/rasa.txt   # one resolve: rasa's pins hold
	touch $@

$(ACTIONS_VENV)/.installed: requirements/actions.txt requirements/dev.txt
	test -x $(ACTIONS_VENV)/bin/python || $(PYTHON310) -m venv $(ACTIONS_VENV)
	$(ACTIONS_VENV)/bin/pip install -q --upgrade "pip<25"
	$(ACTIONS_VENV)/bin/pip install -q -r requirements/actions.txt -r requirements/dev.txt
	touch $@

setup: $(RASA_VENV)/.installed $(ACTIONS_VENV)/.installed ## Build both venvs (Rasa server, action server)

train: setup ## Train the model (skipped by rasa when data and config did not change)
	@mkdir -p var/log
	@before=$$(stat -c %Y $(MODEL_DIR)/permit-assistant.tar.gz 2>/dev/null || echo 0); start=$$(date +%s); \
	$(RASA) train --domain domain --out $(MODEL_DIR) --fixed-model-name permit-assistant && \
	if [ "$$(stat -c %Y $(MODEL_DIR)/permit-assistant.tar.gz)" != "$$before" ]; then \
	  echo $$(( $$(date +%s) - start )) > var/log/train-seconds.txt; fi   # make bench prints it

run: train widget ## Start the action server, the Rasa server and the web page (SQLite under var/)
	scripts/run-servers

migrate: setup ## Create or upgrade the application database (DATABASE_URL, default var/permits.db)
	$(PY) -m bot.store.migrate

deliver-mail: setup ## One delivery pass over the outbox (email, SMS, WhatsApp); `make run` starts the worker
	$(PY) -m bot.notifications.worker --once

stop: ## Stop the servers started by `make run`
	scripts/run-servers --stop

shell: setup ## Chat in the terminal with the running servers (start them with `make run`)
	$(RASA_VENV)/bin/python scripts/chat_shell.py

lint: setup ## ruff on all Python code
	$(ACTIONS_VENV)/bin/ruff check bot actions tests scripts

typecheck: setup ## mypy on bot/ and actions/
	$(ACTIONS_VENV)/bin/mypy

unit: setup ## Offline unit tests (rules, catalogs, language, actions)
	$(ACTIONS_VENV)/bin/pytest tests/unit -q
	$(RASA_VENV)/bin/pip check
	$(ACTIONS_VENV)/bin/pip check

validate: setup ## rasa data validate, warnings are errors
	$(RASA) data validate --domain domain --fail-on-warnings

nlu-eval: train ## Held-out NLU per language: intents (fails under 0.95 macro-F1) and entities (under 0.85)
	scripts/evaluate-nlu

# 0.91: the logistic regression scores 0.937 (en) / 0.956 (es) where DIET scored 0.934 / 0.966
# (docs/performance.md, session 8); a rounding difference on another processor must not decide CI.
nlu-blind: train ## The same scores on the blind sets (tests/nlu_blind); fails under 0.91 intent macro-F1
	NLU_MIN_MACRO_F1=0.91 scripts/evaluate-nlu tests/nlu_blind blind

conversations: train ## Conversation tests in both languages (rasa test, prediction errors fail)
	$(RASA) test core --model $(MODEL_DIR)/permit-assistant.tar.gz --stories tests/conversations \
	  --fail-on-prediction-errors --out var/results/conversations

e2e: train ## Start both servers and talk to the REST webhook in English and Spanish
	$(ACTIONS_VENV)/bin/pytest tests/e2e -q

test: lint typecheck unit validate train nlu-eval nlu-blind conversations e2e $(EXTRA_TESTS) ## Everything CI runs
	@echo "All checks passed."

clean: ## Remove models and runtime data (keeps the venvs)
	rm -rf $(MODEL_DIR) var/results
