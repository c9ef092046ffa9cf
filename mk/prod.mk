# Production layout on one machine (deploy/run-prod, docs/deployment.md), its benchmark and fault tests.
PROD_PACKAGES := postgresql redis-server nginx

# The fault tests take about 2 minutes (plus the apt install on a fresh machine); the action
# server's PostgreSQL driver is psycopg2-binary in requirements/actions.txt.
EXTRA_TESTS += fault-test

.PHONY: prod-packages run-prod stop-prod bench fault-test

prod-packages: ## Install PostgreSQL, Redis and nginx from Debian's packages (root), if missing
	@command -v redis-server >/dev/null && command -v nginx >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	  || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(PROD_PACKAGES); }

run-prod: train prod-packages ## Start PostgreSQL, Redis, nginx, 2 Rasa and 2 action servers (RASA_SERVERS=, ACTION_SERVERS=)
	deploy/run-prod

stop-prod: ## Stop everything `make run-prod` started
	deploy/run-prod --stop

bench: train prod-packages ## Benchmark: embedded and production layouts against the stock `rasa init` assistant
	$(RASA_VENV)/bin/python bench/run.py $(BENCH_ARGS)

fault-test: setup train prod-packages ## Faults with real servers: action server killed, SMTP down, a burst from one sender
	$(ACTIONS_VENV)/bin/pytest tests/fault -q
