# 创城工作知识库 · Civilized City Campaign Handbook
# `make serve` and `make test` are the two commands a newcomer needs (see README).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# axe-core (browser tests) and Lighthouse (make audit), pinned in package-lock.json.
NODE_STAMP := node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help install serve build test lint pytest bench offline audit new translations check-pr lint-report clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' \
	  '{name[NR] = $$1; text[NR] = $$2; if (length($$1) > width) width = length($$1)} \
	   END {for (i = 1; i <= NR; i++) printf "  make %-" width "s  %s\n", name[i], text[i]}'

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP) ## Create .venv and node_modules, install the pinned sets

serve: $(STAMP) ## Serve the site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Build the site strictly into site/
	$(BIN)/mkdocs build --strict --clean

lint: $(STAMP) ## Lint code (ruff) and pages (links, wording, metadata, privacy)
	$(BIN)/ruff check handbook hooks scripts tests
	@if [ -f scripts/lint.py ]; then $(BIN)/python scripts/lint.py all; fi

pytest: $(STAMP) $(NODE_STAMP) ## Run the test suite (expects a built site/)
	$(BIN)/python -m pytest

test: lint build pytest ## Install, lint, build strict and run every test

offline: $(STAMP) ## Offline edition for intranets: dist/handbook-offline.zip, works from disk
	$(BIN)/python scripts/offline.py

audit: $(STAMP) $(NODE_STAMP) ## Lighthouse and axe on key pages, both languages (prints a table)
	$(BIN)/python scripts/audit.py

bench: $(STAMP) ## Benchmarks: build time, index size, linter speed, report-checker cost, search quality and weight (prints figures)
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_lint.py
	$(BIN)/python scripts/bench_check.py
	$(BIN)/python scripts/bench_search.py

clean: ## Remove build output
	rm -rf site build dist .pytest_cache

new: $(STAMP) ## Create a new page (asks for type, topic, title; or ARGS="--type … --topic … --title … --slug …")
	$(BIN)/python scripts/new_page.py $(ARGS)

BASE   ?= origin/main
FORMAT ?= text

check-pr: $(STAMP) ## Pull-request checks on the pages changed against BASE (FORMAT=github for annotations)
	$(BIN)/python scripts/lint.py all --changed $(BASE) --format $(FORMAT)
	$(BIN)/python scripts/translations.py check --changed $(BASE) --format $(FORMAT)

lint-report: $(STAMP) ## All page findings as text, source reports included (never fails)
	-$(BIN)/python scripts/lint.py all --include-sources --format text

translations: $(STAMP) ## Report translated, outdated and missing English pages
	$(BIN)/python scripts/translations.py status
