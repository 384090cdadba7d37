"""The map page's words in the interface's language: its labels' language and the legend.

The page holds no translations of its own; the window sends these when the page is ready and
again when the interface's language changes (``QEvent.LanguageChange``), so the basemap's
country names and capitals, and the legend, follow the language of the menus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from explorer.qt.counts import counts, number

#: A number of each plural category of Unicode CLDR (which the page's Intl.PluralRules gives,
#: and Qt's Arabic numerus forms follow): the counted words of tooltips are sent for each.
PLURAL_EXAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


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

    def counted(self) -> dict[str, dict[str, str]]:
        """For each counted noun of the tooltips, a template ("{n} mentions") per plural
        category."""
        def forms(count: Any) -> dict[str, str]:
            return {cat: count(n).replace(number(n), "{n}", 1)
                    for cat, n in PLURAL_EXAMPLES.items()}

        return {"mentions": forms(counts().mentions), "articles": forms(counts().articles)}

    def message(self) -> dict[str, Any]:
        strings: dict[str, Any] = self.strings()
        strings["counts"] = self.counted()
        strings["inCountry"] = self.tr("{mentions} of places in it",
                                       "a country's tooltip: mentions of its places")
        return {"lang": self.language(), "strings": strings}
