"""Issue 10, bug 7: "Find a country…" folds Arabic spellings and knows the gazetteer's other
names (USA, أمريكا, طاجكستان); the filter is kept while searching (bug 1). Real window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.qt.models import CodeRole
from tests.qt.test_session_views import click_country

pytestmark = pytest.mark.e2e


def found(window: Any, text: str) -> list[str]:
    window.filter.search.clear()
    window.filter.search.insert(text)  # as typed (QTest cannot type Arabic letters)
    proxy = window.filter.proxy
    return sorted(proxy.data(proxy.index(r, 0), CodeRole) for r in range(proxy.rowCount()))


@pytest.mark.parametrize(("typed", "code"), [
    ("الامارات", "AE"),   # no hamza: الإمارات
    ("امريكا", "US"),     # an other name, without hamza: أمريكا
    ("أميركا", "US"),
    ("طاجكستان", "TJ"),   # the common spelling of طاجيكستان
    ("USA", "US"),
    ("usa", "US"),
    ("tajik", "TJ"),
    ("AE", "AE"),
    ("قطر", "QA"),
])
def test_country_search_folds_arabic_and_knows_other_names(
    qtbot: Any, shared_window: Any, typed: str, code: str
) -> None:
    try:
        assert code in found(shared_window, typed)
    finally:
        shared_window.filter.search.clear()


def test_country_search_narrows_and_keeps_the_filter(qtbot: Any, window: Any) -> None:
    click_country(qtbot, window, "TJ")
    assert found(window, "امريكا") == ["US"]
    assert found(window, "no such country") == []
    click_country_row = window.filter.proxy.rowCount()
    assert click_country_row == 0 and window.countries == ["TJ"]
    window.filter.search.clear()
    assert window.filter.proxy.rowCount() == window.filter.model.rowCount()
    assert window.countries == ["TJ"]
    qtbot.mouseClick(window.filter.all_button, Qt.MouseButton.LeftButton)
    assert window.countries == []
