# Two commands for a newcomer: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run run-server test install lint format bench-server bench-quick screenshots clean dist dist-check

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[server,test]"
	touch $@

install: $(BIN)/.installed

## Start the workstation on its embedded demo server with demo data (signed in as operator1).
run: install
	$(BIN)/cur-desktop --demo

## Lint and run the whole test suite (PostgreSQL tests run when the test database is reachable).
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -q -n auto --durations=25

## The reference server alone, on http://127.0.0.1:8765 with the demo database.
run-server: install
	$(BIN)/cur-server serve --demo

## Current screenshots for docs/ (no screen needed).
screenshots: install
	for v in queue incident editor; do \
		QT_QPA_PLATFORM=offscreen $(BIN)/cur-desktop --demo --screenshot docs/screenshot-$$v.png --view $$v; \
	done
	# The console, analytics and training windows: taken by their UI tests on the test server.
	CUR_UPDATE_SCREENSHOTS=1 QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q \
		tests/ui/test_supervisor_console.py tests/ui/test_analytics_window.py tests/ui/test_training_ui.py

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-server: install
	$(BIN)/python bench/server_load.py

## Every bench/ script in its --quick mode (`make test` runs the same test with the rest).
bench-quick: install
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q tests/test_bench_quick.py
## Workstation packages (installer/README.md): the PyInstaller bundle, the .deb in dist/, the
## Windows installer script checked; dist-check also runs the unpacked .deb (CI calls it).
$(BIN)/.dist-installed: $(BIN)/.installed
	$(BIN)/python -m pip install -q -e ".[server,test,dist]"
	touch $@

dist: $(BIN)/.dist-installed
	$(MAKE) -f installer/Makefile PY=$(BIN)/python all

dist-check: $(BIN)/.dist-installed
	$(MAKE) -f installer/Makefile PY=$(BIN)/python check

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info build dist
