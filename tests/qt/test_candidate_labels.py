"""The corrections menu's candidates (issue 17, bug 12): each one told apart by its kind, province
and country, in the interface's language; not the mention's own place; no unrelated namesake.
Real index, real gazetteer, the real map page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from explorer.qt.app import install_language
from tests.qt.conftest import wait_drawn
from tests.qt.test_corrections_ui import action, mention_menu

pytestmark = pytest.mark.e2e

ISOLATES = re.compile("[\u2066-\u2069]")

A = "خبر\n\nوصل وزير الخارجية إلى واشنطن بعد محادثات في جنيف.\n"
B = "خبر ثان\n\nعاد الوفد الروسي إلى موسكو بعد زيارة إلى سان بطرسبرغ في روسيا.\n"


@pytest.fixture
def language(request: Any, qapp: Any) -> Iterator[str]:
    translators = install_language(qapp, request.param) if request.param == "ar" else []
    yield request.param
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def open_corpus(qtbot: Any, tmp_path: Path) -> Any:
    from explorer.qt.app import start

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, encoding="utf-8")
    (corpus / "b.txt").write_text(B, encoding="utf-8")
    win = start(corpus, index_path=tmp_path / "i.sqlite", jobs=1)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.indexing_done, timeout=120_000)
    wait_drawn(qtbot, win)
    return win


def candidate_labels(qtbot: Any, window: Any, name: str, surface: str) -> dict[str, str]:
    menu = mention_menu(qtbot, window, name, surface)
    others = action(menu, "otherCandidates").menu()
    # The names are isolated (explorer.qt.names); the isolates are left out to compare.
    return {a.objectName().removeprefix("candidate:"): ISOLATES.sub("", a.text())
            for a in others.actions()}


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
def test_candidates_are_told_apart_in_the_interface_language(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    window = open_corpus(qtbot, tmp_path)
    try:
        washington = next(s.place for s in window.reader.places()
                          if s.place.name == "Washington, D.C.")
        labels = candidate_labels(qtbot, window, "Washington, D.C.", "واشنطن")
        assert labels and washington.id not in labels  # never its own place again
        texts = list(labels.values())
        assert len(set(texts)) == len(texts), texts  # no two alike
        for text in texts:
            assert "admin1" not in text and "(US, city)" not in text, text
        utah = next(t for t in texts if "Utah" in t or "يوتا" in t)  # the province named
        if language == "ar":
            assert utah.startswith("واشنطن") and "يوتا" in utah and "Utah" not in utah
            assert "الولايات المتحدة" in utah and "city" not in utah
        else:
            assert utah.startswith("Washington · واشنطن") and "United States" in utah
            assert "city or town" in utah
        moscow = candidate_labels(qtbot, window, "Moscow", "موسكو")
        # Mesquite, Texas (its Arabic name spelt as Moscow's) is no candidate; Moscow, Idaho
        # is, and Moscow's province is said to be one.
        assert "gn:4710826" not in moscow and "gn:5601538" in moscow
        province = moscow["gn:524894"]
        assert ("first-level division" in province) if language == "en" else \
            ("first-level division" not in province and "admin1" not in province)
    finally:
        window.dispose()
