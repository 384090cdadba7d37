"""The map page's words in the interface's language: its labels' language and the legend.

The page holds no translations of its own; the window sends these when the page is ready and
again when the interface's language changes (``QEvent.LanguageChange``), so the basemap's
country names and capitals, and the legend, follow the language of the menus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject


class MapTexts(QObject):
    """The translation context of the map page's words."""

    def language(self) -> str:
        """"ar" or "en": the language the basemap's labels are written in."""
        code = self.tr("en", "the language code of the map's country and capital names: "
                             "ar for Arabic")
        return "ar" if code.strip().lower() == "ar" else "en"

    def strings(self) -> dict[str, str]:
        return {
            "size": self.tr("Marker size: mentions"),
            "toponyms": self.tr("Place names only; demonyms are not counted"),
            "place": self.tr("Place"),
            "region": self.tr("Region"),
            "selected": self.tr("Selected place"),
            "cluster": self.tr("Group of places (click to zoom in)"),
            "country": self.tr("Country or region of the selection"),
            "capital": self.tr("Capital"),
            "toggle": self.tr("Show or hide the legend"),
        }

    def message(self) -> dict[str, Any]:
        return {"lang": self.language(), "strings": self.strings()}
