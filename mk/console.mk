# The staff console's browser libraries (issue 19): Chart.js from npm, vendored into
# bot/web/static/staff/ (ignored by git, like the widget bundle). `make run` builds it.
CONSOLE_DIR   := console
CONSOLE_CHART := bot/web/static/staff/chart.umd.js

.PHONY: console-assets

$(CONSOLE_DIR)/node_modules/.package-lock.json: $(CONSOLE_DIR)/package.json $(CONSOLE_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: run 'make system-packages' (as root)" >&2; exit 1; }
	cd $(CONSOLE_DIR) && npm ci --no-audit --no-fund
	touch $@

$(CONSOLE_CHART): $(CONSOLE_DIR)/node_modules/.package-lock.json
	mkdir -p $(dir $@)
	cp $(CONSOLE_DIR)/node_modules/chart.js/dist/chart.umd.js $@

console-assets: $(CONSOLE_CHART) ## Vendor Chart.js (npm) for the staff console's dashboard

run: console-assets

# The console pages are tested in the browser with their charts (tests/channels/test_console_a11y.py).
channels-test: console-assets
