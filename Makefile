# Two commands for a newcomer: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run run-server test install lint format bench-server bench-quick screenshots clean dist dist-check dist-release

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
	# The console, analytics, training and attachment windows and the settings: taken by their
	# UI tests on the test server.
	CUR_UPDATE_SCREENSHOTS=1 QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q \
		tests/ui/test_supervisor_console.py tests/ui/test_analytics_window.py tests/ui/test_training_ui.py \
		tests/ui/test_attachments_ui.py tests/ui/test_attachment_files_ui.py

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

## The release packages for the glibc floor (installer/README.md, "The glibc floor"): CPython
## 3.11 and its C libraries built with `zig cc` for glibc 2.28 (installer/floor_python.sh, cached
## in build/floor/), a venv of it, the same spec and .deb into dist/release/, the .deb started,
## and the bundle checked against the floor. Not in CI: it takes long (the README says how long).
FLOOR_GLIBC ?= 2.28
FLOOR := build/floor
FLOOR_VENV := $(FLOOR)/venv
RELEASE_DIST ?= dist/release

$(FLOOR)/prefix/bin/python3.11:
	FLOOR_GLIBC=$(FLOOR_GLIBC) installer/floor_python.sh

$(FLOOR_VENV)/.installed: $(FLOOR)/prefix/bin/python3.11 pyproject.toml
	$(FLOOR)/prefix/bin/python3.11 -m venv $(FLOOR_VENV)
	# pip takes no wheel newer than the floor (PEP 600's _manylinux hook); an sdist is compiled
	# with the floor Python's own compiler, zig cc at the floor.
	printf 'def manylinux_compatible(major, minor, arch):\n    return (major, minor) <= (%s)\n' \
		"$$(echo $(FLOOR_GLIBC) | tr . ,)" > $(FLOOR_VENV)/lib/python3.11/site-packages/_manylinux.py
	$(FLOOR_VENV)/bin/python -m pip install -q --upgrade pip
	$(FLOOR_VENV)/bin/python -m pip install -q -e ".[server,dist]"
	touch $@

dist-release:
	FLOOR_GLIBC=$(FLOOR_GLIBC) installer/floor_python.sh
	$(MAKE) $(FLOOR_VENV)/.installed
	$(MAKE) -f installer/Makefile PY=$(FLOOR_VENV)/bin/python DIST=$(RELEASE_DIST) \
		BUILD=build/release MAX_GLIBC=$(FLOOR_GLIBC) check
	$(FLOOR_VENV)/bin/python installer/check_bundle.py $(RELEASE_DIST)/cur-desktop \
		--max-glibc $(FLOOR_GLIBC) > /dev/null
	@echo "dist-release: $(RELEASE_DIST) (glibc floor <= $(FLOOR_GLIBC))"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info build dist
