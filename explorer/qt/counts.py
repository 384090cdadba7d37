"""Counted nouns ("1 article", "5 articles") in the language of the interface.

Each count is a Qt numerus message (``"%n article(s)"``), which gives each language its own
plural forms (Arabic has six). English has no translation file: the untranslated message still
says "(s)", and the English plural is then made here.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject


def plural(n: int, one: str, many: str | None = None) -> str:
    """The English count: "1 article", "1,200 articles"."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _counted(translated: str, n: int, one: str) -> str:
    return plural(n, one) if "(s)" in translated else translated


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

    def mentions(self, n: int) -> str:
        return _counted(self.tr("%n mention(s)", "", n), n, "mention")

    def place_name_mentions(self, n: int) -> str:
        return _counted(self.tr("%n place-name mention(s)", "", n), n, "place-name mention")

    def demonym_mentions(self, n: int) -> str:
        return _counted(self.tr("%n demonym mention(s)", "", n), n, "demonym mention")


@cache
def counts() -> Counts:
    """The one ``Counts`` (it holds nothing: any instance translates alike)."""
    return Counts()


__all__ = ["Counts", "counts", "plural"]
