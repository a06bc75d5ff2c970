# 创城工作知识库 · Civilized City Campaign Handbook
# `make serve` and `make test` are the two commands a newcomer needs (see README).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install serve build test lint pytest bench offline audit new clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned set

serve: $(STAMP) ## Serve the site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Build the site strictly into site/
	$(BIN)/mkdocs build --strict --clean

lint: $(STAMP) ## Lint code (ruff) and pages (links, wording, metadata, privacy)
	$(BIN)/ruff check handbook hooks scripts tests
	@if [ -f scripts/lint.py ]; then $(BIN)/python scripts/lint.py all; fi

pytest: $(STAMP) ## Run the test suite (expects a built site/)
	$(BIN)/python -m pytest

test: lint build pytest ## Install, lint, build strict and run every test

bench: $(STAMP) ## Benchmarks: build time and search index size on a synthetic corpus
	$(BIN)/python scripts/bench_build.py

clean: ## Remove build output
	rm -rf site build .pytest_cache
