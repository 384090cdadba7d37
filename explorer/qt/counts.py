"""Counted nouns ("1 article", "5 articles") in the language of the interface.

Each count is a Qt numerus message (``"%n article(s)"``), which gives each language its own
plural forms (Arabic has six). English has no translation file: the untranslated message still
says "(s)", and the English plural is then made here.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLocale, QObject


def number(n: int) -> str:
    """A count as the interface writes it everywhere: grouped in thousands the locale's way
    ("9,181" in English; the C locale, which groups nothing, counts as English)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale.toString(n)


def plural(n: int, one: str, many: str | None = None) -> str:
    """The English count: "1 article", "1,200 articles"."""
    return f"{number(n)} {one if n == 1 else (many or one + 's')}"


def _counted(translated: str, n: int, one: str) -> str:
    if "(s)" in translated:
        return plural(n, one)
    # Qt writes %n ungrouped ("9181"): the same count reads "9,181" everywhere else.
    return translated.replace(str(n), number(n), 1) if n >= 1000 else translated


class Counts(QObject):
    """The translation context of the counted nouns (lupdate finds numerus forms in ``tr``)."""

    def articles(self, n: int) -> str:
        return _counted(self.tr("%n article(s)", "", n), n, "article")

    def passages(self, n: int) -> str:
        return _counted(self.tr("%n passage(s)", "", n), n, "passage")

    def places(self, n: int) -> str:
        return _counted(self.tr("%n place(s)", "", n), n, "place")

    def files(self, n: int) -> str:
        return _counted(self.tr("%n file(s)", "", n), n, "file")

    def number(self, n: int) -> str:
        return number(n)

    def mentions(self, n: int) -> str:
        return _counted(self.tr("%n mention(s)", "", n), n, "mention")

    def place_name_mentions(self, n: int) -> str:
        return _counted(self.tr("%n place-name mention(s)", "", n), n, "place-name mention")

    def outlets(self, n: int) -> str:
        return _counted(self.tr("%n outlet(s)", "", n), n, "outlet")

    def demonym_mentions(self, n: int) -> str:
        return _counted(self.tr("%n demonym mention(s)", "", n), n, "demonym mention")


@cache
def counts() -> Counts:
    """The one ``Counts`` (it holds nothing: any instance translates alike)."""
    return Counts()


__all__ = ["Counts", "counts", "number", "plural"]
