"""A corpus mixing Arabic, English and French in the Arabic window (issue 19, part 2), with the
real web view: every article's places on the map, each article's language shown and
filterable (the sources menu, a chip), each passage in its own direction in the passage panel
and the reader."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QTextBrowser

from explorer.qt.app import install_language
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

MIXED = Path(__file__).resolve().parents[1] / "data" / "languages"
BAMAKO, BEIRUT, DAKAR, CAIRO, NIAMEY, MALI = (
    "gn:2460596", "gn:276781", "gn:2253354", "gn:360630", "gn:2440485", "gn:2453866")
RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.fixture
def arabic(qapp: Any) -> Iterator[None]:
    translators = install_language(qapp, "ar")
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(LTR)


def direction_at(view: QTextBrowser, text: str) -> Qt.LayoutDirection:
    found = view.document().find(text)
    assert not found.isNull(), text
    return found.block().blockFormat().layoutDirection()


def test_a_mixed_corpus_in_the_arabic_window(qtbot: Any, tmp_path: Path, arabic: None) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(MIXED, corpus)
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        assert window.isRightToLeft()
        # Every article's places are on the map: Arabic, English, French.
        visible = set(run_js(qtbot, window, "explorer.visibleIds()"))
        assert {BAMAKO, BEIRUT, DAKAR, CAIRO, NIAMEY} <= visible
        # The languages in the sources menu, named in Arabic, with their counts.
        actions = window.filter_bar.source_actions
        labels = {k: a.text() for k, a in actions.items() if k[0] == "language"}
        assert labels == {("language", "ar"): "العربية (2)",
                          ("language", "en"): "الإنجليزية (1)",
                          ("language", "fr"): "الفرنسية (1)"}
        # Only French: a chip, and the map keeps the French article's places only.
        actions[("language", "fr")].trigger()
        assert window.session.filter.languages == {"fr"}
        wait_drawn(qtbot, window)
        assert window.chips.buttons["language:fr"].text().startswith("الفرنسية")
        french = set(run_js(qtbot, window, "explorer.visibleIds()"))
        assert {DAKAR, NIAMEY, BAMAKO} <= french and not {BEIRUT, CAIRO} & french
        qtbot.mouseClick(window.chips.buttons["language:fr"], Qt.MouseButton.LeftButton)
        wait_drawn(qtbot, window)
        assert window.session.filter.languages == frozenset()
        assert not actions[("language", "fr")].isChecked()
        assert CAIRO in set(run_js(qtbot, window, "explorer.visibleIds()"))
        # Mali: named in the Arabic article and in the French one. Each passage in its own
        # direction inside the Arabic interface; each heading says the article's language.
        window.select_place(MALI)
        wait_drawn(qtbot, window)
        qtbot.waitUntil(lambda: "fr_dakar.txt" in window.passages.toPlainText())
        text = window.passages.toPlainText()
        assert "fr_dakar.txt · (fr)" in text and "ar_bamako.txt · (ar)" in text
        assert direction_at(window.passages, "réduire l'attente des camions") == LTR
        assert direction_at(window.passages, "أعلنت الحكومة في مالي") == RTL
        assert direction_at(window.passages, "Le port de Dakar agrandi") == LTR  # its title
        # The reader: the English paragraph of an Arabic article left to right.
        assert window.article.open("ar_with_english.txt")
        view = window.article.view
        assert direction_at(view, "The two ministers will also discuss") == LTR
        assert direction_at(view, "وأضاف البيان أن الوزيرين") == RTL
        assert direction_at(view, "وصل وزير الخارجية الأردني") == RTL
    finally:
        window.dispose()
