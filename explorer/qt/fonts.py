"""The bundled Arabic font (Noto Naskh Arabic, OFL: ``resources/fonts/``) and its use.

A stock system may have no Arabic font at all, or only DejaVu Sans, whose oblique face has
no Arabic letters (an italic Arabic caption is then drawn as boxes). The font is registered
with Qt once; the text panels put it first (Arabic in Naskh, Latin falls through to the system
font) and the application's font has it as a fallback. Arabic is never slanted: captions and
notes are set apart by colour (``explorer.passage_view``). The map page loads the same file
(``resources/web/explorer/fonts.css``).
"""

from __future__ import annotations

import sys
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from explorer.resources import resource

ARABIC_FAMILY = "Noto Naskh Arabic"
FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")


@cache
def arabic_family() -> str | None:
    """Register the bundled Arabic font (once) and return its family (None: it could not
    be loaded, said on stderr; the system's fonts are used)."""
    families: set[str] = set()
    for name in FONT_FILES:
        path = resource("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            print(f"explorer: cannot load the font {path}; Arabic uses the system's fonts",
                  file=sys.stderr)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return ARABIC_FAMILY if ARABIC_FAMILY in families else None


def _families(font: QFont) -> list[str]:
    return [f for f in (font.families() or [font.family()]) if f != ARABIC_FAMILY]


def arabic_first(font: QFont) -> QFont:
    """``font`` with the Arabic font first: Arabic letters in it, the rest in ``font``'s."""
    out = QFont(font)
    family = arabic_family()
    if family is not None:
        out.setFamilies([family, *_families(font)])
    return out


def with_arabic_fallback(font: QFont) -> QFont:
    """``font`` with the Arabic font after its own families (for letters they lack)."""
    out = QFont(font)
    family = arabic_family()
    if family is not None:
        out.setFamilies([*_families(font), family])
    return out


def install_fonts(app: QCoreApplication) -> None:
    """Register the bundled font and make it the application font's fallback for Arabic."""
    if isinstance(app, QApplication):
        app.setFont(with_arabic_fallback(app.font()))


__all__ = ["ARABIC_FAMILY", "arabic_family", "arabic_first", "install_fonts",
           "with_arabic_fallback"]
