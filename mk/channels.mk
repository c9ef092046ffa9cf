# Channels (issue 7): the website chat widget (npm + esbuild into bot/web/static/), its browser test,
# and SMS/WhatsApp through Twilio (bot/rasa_plugins/twilio_channel.py). `make test` runs channels-test last.
WIDGET_DIR     := widget
WIDGET_BUNDLE  := bot/web/static/widget.js
WIDGET_SOURCES := $(wildcard $(WIDGET_DIR)/src/*)
CHROMIUM       := /usr/bin/chromium

EXTRA_TESTS += channels-test

.PHONY: widget system-packages channels-test

# npm ci only when the lock file changed (npm writes node_modules/.package-lock.json on every install).
$(WIDGET_DIR)/node_modules/.package-lock.json: $(WIDGET_DIR)/package.json $(WIDGET_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: run 'make system-packages' (as root)" >&2; exit 1; }
	cd $(WIDGET_DIR) && npm ci --no-audit --no-fund
	touch $@

$(WIDGET_BUNDLE): $(WIDGET_DIR)/node_modules/.package-lock.json $(WIDGET_SOURCES)
	cd $(WIDGET_DIR) && npm run --silent build

widget: $(WIDGET_BUNDLE) ## Build the website chat widget (npm ci + esbuild), skipped when up to date

system-packages: ## Debian's chromium (browser tests) and npm (widget), installed with apt only when missing
	@missing=""; test -x $(CHROMIUM) || missing="chromium"; command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if test -z "$$missing"; then echo "system packages present: $(CHROMIUM), npm"; \
	elif test "$$(id -u)" = 0; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "missing:$$missing. Install them as root once: sudo make system-packages" >&2; exit 1; fi

channels-test: setup system-packages widget ## Twilio webhooks (signatures, numbered replies, SMS splitting) and the widget in headless Chromium
	$(ACTIONS_VENV)/bin/pytest tests/channels -q
