"""Issue 17, B20: the About box says the version. Real window."""

from __future__ import annotations

from typing import Any

from explorer import __version__
from explorer.qt.menus import about_box


def test_about_box_says_the_version(shared_window: Any) -> None:
    box = about_box(shared_window)
    try:
        assert f"Version {__version__}" in box.text()
        assert "GeoNames" in box.text()
    finally:
        box.deleteLater()
