#!/usr/bin/env bash
# Tesseract and its Arabic, English and French models, for OCR of scans and images
# (explorer/formats/ocr.py). Installs them as root on Debian/Ubuntu; anywhere else it says so
# and exits 0: the OCR tests then skip with the reason, the rest of the suite runs.
set -uo pipefail
PACKAGES="tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng tesseract-ocr-fra"
if command -v dpkg >/dev/null 2>&1 && dpkg -s $PACKAGES >/dev/null 2>&1; then
    echo "ocr: Tesseract and its ara/eng/fra models are installed"
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ocr: SKIPPED installing Tesseract (needs root and apt-get): apt-get install $PACKAGES;" \
         "the OCR tests will be skipped"
    exit 0
fi
echo "ocr: installing $PACKAGES"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null; }; then
    echo "ocr: FAILED to install $PACKAGES: the OCR tests will be skipped"
fi
exit 0
