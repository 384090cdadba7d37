"""Issue 17, B27: a ticked country stays in the country list (to be unticked) when the search
matches nothing; counts are written one way everywhere ("9,181", never "9181")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.qt.app import install_language
from explorer.qt.counts import counts, number
from explorer.qt.models import CodeRole

pytestmark = pytest.mark.e2e


def listed(window: Any) -> dict[str, Any]:
    model = window.filter.proxy
    return {model.index(r, 0).data(CodeRole): model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole)
            for r in range(model.rowCount())}


def test_a_ticked_country_stays_listed_when_the_search_finds_nothing(
    qtbot: Any, window: Any
) -> None:
    code = window.filter.proxy.index(0, 0).data(CodeRole)
    window.filter.select([code])
    window.session.set_text("qqqzzzxyzzy")
    qtbot.waitUntil(lambda: window.session.filter.text == "qqqzzzxyzzy")
    rows = listed(window)
    assert rows.get(code) == Qt.CheckState.Checked, rows
    # Unticked from the list, it goes (no place of the search is in it).
    row = next(r for r in range(window.filter.proxy.rowCount())
               if window.filter.proxy.index(r, 0).data(CodeRole) == code)
    rect = window.filter.view.visualRect(window.filter.proxy.index(row, 0))
    qtbot.mouseClick(window.filter.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.session.filter.countries == frozenset()
    assert code not in listed(window)


def test_counts_are_grouped_the_same_way_everywhere(qapp: Any) -> None:
    assert number(9181) == "9,181"
    assert "9,181" in counts().articles(9181)
    translators = install_language(qapp, "ar")
    try:
        for text in (counts().articles(9181), counts().mentions(9181), counts().places(9181)):
            assert "9,181" in text and "9181" not in text, text
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_language(qapp, "en")


def test_the_country_list_groups_its_counts(window: Any) -> None:
    model = window.filter.model
    c = model._rows[0]
    model._rows[0] = type(c)(c.code, c.name, c.name_ar, 9181)
    text = model.data(model.index(0, 0))
    assert "9,181" in text, text
