# One command to run the product, one to test it; both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
ARCHIVE ?= examples/archive
INDEX ?= var/index
PORT ?= 8080

.PHONY: run index serve test lint clean

# Compiled copies of index/speech from older checkouts (*.so) would shadow the source.
$(BIN)/.installed: pyproject.toml
	find index -name '*.so' -delete
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

index: $(BIN)/.installed
	$(BIN)/pidshyvka rebuild $(ARCHIVE) --index $(INDEX) --jobs 2

serve: $(BIN)/.installed
	$(BIN)/pidshyvka serve --index $(INDEX) --port $(PORT)

run: index serve

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy index search web

test: lint
	$(BIN)/pytest

clean:
	rm -rf var $(VENV) .pytest_cache .ruff_cache .mypy_cache tests/artifacts build
	find index -name '*.so' -delete
