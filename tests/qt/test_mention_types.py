"""Issue 17, B22: Place names and Demonyms cannot both be unticked (the view would be empty).
Real window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.e2e


def test_the_last_kind_of_mention_cannot_be_unticked(qtbot: Any, window: Any) -> None:
    bar = window.filter_bar
    assert bar.toponyms.isChecked() and not bar.demonyms.isChecked()
    before = window.session.filter
    qtbot.mouseClick(bar.toponyms, Qt.MouseButton.LeftButton)
    assert bar.toponyms.isChecked() and window.session.filter.types == before.types
    assert not bar.toponyms.isEnabled() and "nothing" in bar.toponyms.toolTip()
    qtbot.mouseClick(bar.demonyms, Qt.MouseButton.LeftButton)
    assert window.session.filter.types == {"toponym", "demonym"}
    assert bar.toponyms.isEnabled() and bar.demonyms.isEnabled()
    qtbot.mouseClick(bar.toponyms, Qt.MouseButton.LeftButton)
    assert window.session.filter.types == {"demonym"}
    assert not bar.demonyms.isEnabled()
    bar.demonyms.setChecked(False)  # even from code: the filter keeps one
    assert window.session.filter.types == {"demonym"} and bar.demonyms.isChecked()
