# Two commands: `make run` (dashboard on the sample corpus) and `make test` (lint + the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Loopback: the local user edits. Any other address is read-only unless editors sign in (README "Security").
ADDRESS ?= localhost

.PHONY: run test lint eval bench clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One lock file pins the whole dependency closure (app + tests), so every install is identical.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	@echo "Installing the pinned dependencies from requirements.lock (first run: about a minute)..."
	$(BIN)/pip install --progress-bar off --no-input -r requirements.lock | grep -E '^(Successfully|ERROR)' || true
	$(BIN)/pip check
	touch $@

# Regenerate the lock after editing requirements.txt or requirements-dev.txt.
lock:
	$(BIN)/pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile requirements-dev.txt --python-version 3.11 --no-header --annotation-style line -o requirements.lock

run: $(VENV)/.installed
	$(BIN)/python -m pressdesk ingest data/articles
	$(BIN)/python -m pressdesk extract --if-stale
	$(BIN)/python serve.py --server.port $(PORT) --server.address $(ADDRESS)

test: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed
	$(BIN)/python -m pressdesk.evaluate dates --gold ../shared/gold/seeds.json --mode text
	$(BIN)/python -m pressdesk.evaluate dates --gold ../shared/gold/seeds.json --mode feed
	$(BIN)/python -m pressdesk.evaluate dates --gold ../shared/gold/real-dev.json --mode text
	$(BIN)/python -m pressdesk.evaluate dates --gold ../shared/gold/real-dev.json --mode feed
	$(BIN)/python -m pressdesk.evaluate quotes --gold ../shared/gold/seeds.json
	$(BIN)/python -m pressdesk.evaluate quotes --gold ../shared/gold/real-dev.json
	$(BIN)/python -m pressdesk.evaluate date-phrases

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/dates.py
	$(BIN)/python benchmarks/quotes.py
	$(BIN)/python benchmarks/translate.py

clean:
	rm -rf $(VENV) data/pressdesk.duckdb data/pressdesk.duckdb.wal
