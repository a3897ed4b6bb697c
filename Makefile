# Two commands: `make run` (dashboard on the sample corpus) and `make test` (lint + the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.app

run: $(VENV)/.app
	$(BIN)/python -m pressdesk ingest data/articles
	$(BIN)/python -m pressdesk extract --if-stale
	$(BIN)/streamlit run dashboard.py --server.port $(PORT)

test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

eval: $(VENV)/.app
	$(BIN)/python -m pressdesk.evaluate dates --gold ../shared/gold/seeds.json --mode text
	$(BIN)/python -m pressdesk.evaluate dates --gold ../shared/gold/seeds.json --mode feed
	$(BIN)/python -m pressdesk.evaluate quotes --gold ../shared/gold/seeds.json
	for f in data/eval/date_phrases*.jsonl; do echo "== $$f"; $(BIN)/python -m pressdesk.evaluate date-phrases --phrases $$f | grep -E '^[a-zA-Z]{2,3} +items'; done
	for f in data/eval/quote_cases*.jsonl; do echo "== $$f"; $(BIN)/python -m pressdesk.evaluate quote-cases --cases $$f | grep -E '^  [a-zA-Z]{2,3} +tp='; done

bench: $(VENV)/.app
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/dates.py
	$(BIN)/python benchmarks/quotes.py
	$(BIN)/python benchmarks/translate.py

clean:
	rm -rf $(VENV) data/pressdesk.duckdb data/pressdesk.duckdb.wal
