# Two commands for a newcomer: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install lint format bench-server clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[server,test]"
	touch $@

install: $(BIN)/.installed

## Start the workstation's embedded demo: for now the reference server with demo data.
run: install
	$(BIN)/cur-server serve --demo

## Lint and run the whole test suite (PostgreSQL tests run when the test database is reachable).
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-server: install
	$(BIN)/python bench/server_load.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
