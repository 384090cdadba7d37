"""A place's two names in the interface's order: Arabic first in the Arabic interface, English
first in the English one; the second name isolated so the bidirectional algorithm cannot move
its punctuation ("Washington, D.C." never shows as "Washington, .D.C" in a right-to-left line).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

#: Unicode isolates: left-to-right, first-strong (either), and their end.
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def arabic_interface() -> bool:
    """Whether the interface is laid out right to left (the Arabic interface)."""
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def ltr(text: str) -> str:
    """``text`` (a Latin name, a date, a code) kept left to right inside any line."""
    return f"{LRI}{text}{PDI}" if text else ""


def english(name: str) -> str:
    """An English name as shown: isolated left to right in the Arabic interface."""
    return ltr(name) if arabic_interface() else name


def both(name: str, name_ar: str, sep: str = " · ") -> str:
    """"Paris · باريس" in English, "باريس · Paris" in Arabic (each name isolated)."""
    if not name_ar or name_ar == name:
        return english(name)
    if arabic_interface():
        return f"{FSI}{name_ar}{PDI}{sep}{ltr(name)}"
    return f"{name}{sep}{FSI}{name_ar}{PDI}"


__all__ = ["arabic_interface", "both", "english", "ltr"]
