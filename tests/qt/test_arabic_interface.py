"""Issue 17, B13 and B14: in the Arabic interface, Arabic names come first (country list,
chips, table, headings, candidates) and everything is laid out right to left: headings, counts
and "why this place" on the right without a stray colon, English names kept whole ("Washington,
D.C." never ".D.C"), the About box right to left, no «لـ الدول». Real window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from explorer.memory_index import CorpusIndex
from explorer.qt.app import install_language
from explorer.qt.correction_dialogs import place_label
from explorer.qt.menus import about_text
from explorer.qt.names import LRI, PDI, both
from tests.qt.conftest import open_window

pytestmark = pytest.mark.e2e

ARABIC = re.compile("[\u0600-\u06ff]")
LATIN = re.compile("[A-Za-z]")
PLACE = "gn:524901"  # Moscow, in the seeds


def arabic_before_latin(text: str) -> bool:
    a, latin = ARABIC.search(text), LATIN.search(text)
    return a is not None and (latin is None or a.start() < latin.start())


@pytest.fixture
def arabic_window(qtbot: Any, seeds_index: CorpusIndex, qapp: Any) -> Iterator[Any]:
    translators = install_language(qapp, "ar")
    window = open_window(qtbot, seeds_index)
    try:
        yield window
    finally:
        window.dispose()
        for t in translators:
            QCoreApplication.removeTranslator(t)
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_arabic_names_first(qtbot: Any, arabic_window: Any) -> None:
    window = arabic_window
    rows = [window.filter.proxy.index(r, 0).data() for r in range(window.filter.proxy.rowCount())]
    assert rows and all(arabic_before_latin(r) for r in rows), rows[:3]
    header = window.places.table.view.horizontalHeader()
    assert header.visualIndex(1) < header.visualIndex(0)  # the Arabic column first
    window.filter.select(["RU"])
    chip = window.chips.buttons["country:RU"].text()
    assert arabic_before_latin(chip), chip
    window.filter.select([])
    # The passage panel's headings: the Arabic name first, then the English one.
    window.session.select(PLACE)
    try:
        doc = window.passages.document()
        first = doc.firstBlock()
        while not first.text().strip():
            first = first.next()
        assert ARABIC.search(first.text()) and not LATIN.search(first.text()), first.text()
        # Counts and "why this place": right to left, on the right, no colon left over.
        counted = next(b for b in iter_blocks(doc) if "إشار" in b.text())
        assert counted.textDirection() == Qt.LayoutDirection.RightToLeft, counted.text()
        assert counted.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
        why = next(b for b in iter_blocks(doc) if "لماذا" in b.text() or "ثقة" in b.text())
        assert not why.text().split("\u2028")[0].rstrip().endswith(":"), why.text()
        assert why.textDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        window.session.select(None)
    # A candidate in the correction dialog: Arabic first, the English name kept whole.
    summary = window.session.place(PLACE)
    label = place_label(summary.place, None)
    assert arabic_before_latin(label), label


def iter_blocks(doc: Any) -> Iterator[Any]:
    block = doc.firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def test_english_names_are_isolated_and_about_is_right_to_left(arabic_window: Any) -> None:
    text = both("Washington, D.C.", "واشنطن")
    assert f"{LRI}Washington, D.C.{PDI}" in text and text.index("واشنطن") < text.index("W")
    table = arabic_window.places.table
    cell = table.model.data(table.model.index(0, 0))
    assert cell.startswith(LRI) and cell.endswith(PDI)
    assert 'dir="rtl"' in about_text()


def test_no_arabic_preposition_left_hanging(arabic_window: Any) -> None:
    shown = QCoreApplication.translate("MainWindow", "showing {places} for {what}")
    assert "لـ " not in shown.format(places="٣ أماكن", what="الدول RU")
    timeline = arabic_window.timeline.timeline
    if timeline.buckets:
        timeline._hovered(True, 0, None)
        assert LRI in timeline.note.text()
