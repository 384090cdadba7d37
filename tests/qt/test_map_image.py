"""The PNG's caption strip (``explorer.qt.map_image``): below the map, the caption's lines and
the markers' legend, in the interface's language and direction, never slanted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from explorer.qt.app import install_language
from explorer.qt.map_image import MARKER, captioned, legend_keys


@pytest.fixture
def arabic(qapp: Any) -> Iterator[None]:
    translators = install_language(qapp, "ar")
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _dark_columns(image: QImage, top: int) -> list[int]:
    return [x for x in range(image.width()) for y in range(top, image.height(), 2)
            if image.pixelColor(x, y).lightness() < 90]


def _strip(lines: list[str]) -> tuple[QImage, int]:
    blank = QImage(600, 300, QImage.Format.Format_ARGB32)
    blank.fill(QColor("#c9dcea"))
    out = captioned(blank, lines)
    assert out.width() == 600 and out.height() > 300 + 40
    assert out.pixelColor(10, 10) == QColor("#c9dcea")  # the map kept as it was, on top
    return out, 300


def test_the_strip_reads_left_to_right_in_english(qapp: Any) -> None:
    out, top = _strip(["Places mentioned in seeds", "Filter: Syria (SY)", "seeds, 2026-12-07"])
    dark = _dark_columns(out, top)
    assert dark and sum(dark) / len(dark) < 300  # the text starts at the left
    fill = QColor(MARKER[1])
    assert any(out.pixelColor(x, y) == fill for x in range(0, 120)
               for y in range(top, out.height()))  # the first legend dot, at the left


def test_the_strip_is_arabic_and_right_to_left_in_arabic(qapp: Any, arabic: None) -> None:
    assert legend_keys()[0][1] == "مكان (الحجم: عدد الإشارات)"
    out, top = _strip(["الأماكن المذكورة في seeds", "التصفية: سوريا (SY)"])
    dark = _dark_columns(out, top)
    assert dark and sum(dark) / len(dark) > 300  # the text starts at the right
    fill = QColor(MARKER[1])
    assert any(out.pixelColor(x, y) == fill for x in range(480, 600)
               for y in range(top, out.height()))
