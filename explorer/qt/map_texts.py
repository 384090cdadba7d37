"""The map page's words in the interface's language: its labels' language and the legend.

The page holds no translations of its own; the window sends these when the page is ready and
again when the interface's language changes (``QEvent.LanguageChange``), so the basemap's
country names and capitals, and the legend, follow the language of the menus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from explorer.qt.counts import counts, number

#: A number of each plural category of Unicode CLDR (which the page's Intl.PluralRules gives,
#: and Qt's Arabic numerus forms follow): the counted words of tooltips are sent for each.
PLURAL_EXAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


def interface_language() -> str:
    """"ar" or "en": the language of the interface (its translation says so)."""
    code = QCoreApplication.translate(
        "MapTexts", "en", "the language code of the map's country and capital names: ar for Arabic")
    return "ar" if code.strip().lower() == "ar" else "en"


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
            # What the markers count, as the filter's mention types say.
            "toponyms": self.tr("Place names only; demonyms are not counted"),
            "both": self.tr("Place names and demonyms are counted"),
            "demonyms": self.tr("Demonyms only; place names are not counted"),
            "place": self.tr("Place"),
            "region": self.tr("Region"),
            "selected": self.tr("Selected place"),
            "cluster": self.tr("Group of places"),
            "clusterTip": self.tr("The number of places in it; click it to zoom in"),
            "country": self.tr("Country or region of the selection"),
            "capital": self.tr("Capital"),
            "toggle": self.tr("Show or hide the legend"),
            # The scale bar's units.
            "unit_m": self.tr("m", "the map scale's unit: metres"),
            "unit_km": self.tr("km", "the map scale's unit: kilometres"),
            "unit_ft": self.tr("ft", "the map scale's unit: feet"),
            "unit_mi": self.tr("mi", "the map scale's unit: miles"),
        }

    def counted(self) -> dict[str, dict[str, str]]:
        """For each counted noun of the tooltips, a template ("{n} mentions") per plural
        category."""
        def forms(count: Any) -> dict[str, str]:
            return {cat: count(n).replace(number(n), "{n}", 1)
                    for cat, n in PLURAL_EXAMPLES.items()}

        return {"mentions": forms(counts().mentions), "articles": forms(counts().articles)}

    def message(self, layers: dict[str, str] | None = None) -> dict[str, Any]:
        """The page's words; ``layers``: the legend of each map layer."""
        strings: dict[str, Any] = self.strings()
        if layers is not None:
            strings["layers"] = layers
        strings["counts"] = self.counted()
        strings["inCountry"] = self.tr("{mentions} of places in it",
                                       "a country's tooltip: mentions of its places")
        return {"lang": self.language(), "strings": strings}
