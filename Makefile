# Named tasks; CI runs the same ones. A newcomer needs two: `make site` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The engine that builds the pages: mkdocs (with learnsite's plugin), or zensical (learnsite
# exports the docs and runs the steps after the pages itself). `ENGINE=zensical make site`.
ENGINE ?= mkdocs
PREVIEW := .cache/preview

.PHONY: site test test-fast check lint serve schema bench bench-handbooks clean

## site: set everything up and build the site into site/ (ENGINE=zensical: with Zensical)
site: $(VENV)/.installed
	scripts/system-deps.sh site
	$(BIN)/learnsite build --engine $(ENGINE) --strict

## test: set everything up (test tools and Chromium included) and run every test
test: $(VENV)/.installed-test node_modules/.installed
	scripts/system-deps.sh test
	$(BIN)/pytest

## test-fast: the content and core tests only (no browser, no PDF), for a quick loop while editing
test-fast: $(VENV)/.installed-test
	$(BIN)/pytest -m "not browser and not pdf"

## check: validate the content (fails on warnings) and the code (ruff, mypy)
check: $(VENV)/.installed-test
	$(BIN)/learnsite check --strict
	$(MAKE) --no-print-directory lint

lint: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests bench scripts
	$(BIN)/mypy

## serve: live preview for authors at http://127.0.0.1:8000 (ENGINE=zensical: Zensical's
## preview of the exported pages, exported once: run it again after editing content)
serve: $(VENV)/.installed
ifeq ($(ENGINE),zensical)
	$(BIN)/learnsite export-docs $${LEARNSITE_LANGUAGE:+--language $$LEARNSITE_LANGUAGE} --out $(PREVIEW)
	cd $(PREVIEW) && ../../$(BIN)/zensical serve
else
	$(BIN)/mkdocs serve
endif

## schema: rewrite the JSON Schemas in schemas/ after a model change
schema: $(VENV)/.installed
	$(BIN)/learnsite schema

## bench: time `learnsite check` on a generated corpus
bench: $(VENV)/.installed
	$(BIN)/python bench/check_speed.py

## bench-handbooks: time the PDF handbooks (cold, warm, memory) on a 600-page corpus, about 3 minutes
bench-handbooks: $(VENV)/.installed
	$(BIN)/python bench/handbook_speed.py

clean:
	rm -rf site .pytest_cache .cache

$(BIN)/python:
	scripts/system-deps.sh site
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# JavaScript the browser tests load (package.json): the OpenRosa XPath evaluator of Enketo
node_modules/.installed: package.json package-lock.json
	scripts/system-deps.sh test
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@
