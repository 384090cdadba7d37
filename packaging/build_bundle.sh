#!/usr/bin/env bash
# `make dist`: a one-folder bundle of the explorer (Python, Qt, QtWebEngine, the gazetteer data,
# web assets, basemap and seeds) in dist/explorer/, started as dist/explorer/explorer.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${BIN:-.venv/bin}"
"$bin/pyinstaller" --noconfirm --clean --log-level WARN --onedir --name explorer \
    --distpath dist --workpath build/pyinstaller --specpath build/pyinstaller \
    --paths . \
    --add-data "$PWD/resources:explorer/assets" \
    --add-data "$PWD/seeds:explorer/seeds" \
    --add-data "$PWD/gazetteer/data:gazetteer/data" \
    --collect-submodules explorer --collect-submodules gazetteer \
    --collect-data trafilatura --collect-data justext --collect-data htmldate \
    --collect-data courlan --collect-data tld --collect-data dateparser \
    --collect-submodules trafilatura --collect-submodules pdfminer \
    --collect-data pdfminer --collect-data docx --collect-data odf \
    --exclude-module pytest --exclude-module mypy --exclude-module hypothesis \
    --exclude-module PySide6.QtQml --exclude-module PySide6.QtQuick \
    --exclude-module PySide6.QtQuickWidgets --exclude-module PySide6.QtOpenGL \
    packaging/explorer_main.py
cp packaging/news-explorer.desktop packaging/news-explorer.svg packaging/news-explorer.png dist/explorer/
echo "dist/explorer/explorer ($(du -sh dist/explorer | cut -f1))"
