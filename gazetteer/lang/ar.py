"""Arabic: the language the geoparser was written for. Its folding (``gazetteer.normalize``),
proclitics (``gazetteer.matcher``), vocabulary (``data/ar/``: ``context.yaml``, the word
lists), demonym forms (``gazetteer.names``) and rejection rules
(``gazetteer.lang.ar_rejections``) behind one object."""

from __future__ import annotations

from collections.abc import Iterable

from gazetteer.context import Vocabulary, vocabulary
from gazetteer.lang.ar_rejections import RULES
from gazetteer.lang.ar_words import DATES, FURNITURE
from gazetteer.lang.base import RejectionRule
from gazetteer.matcher import PROCLITICS
from gazetteer.names import demonym_forms
from gazetteer.normalize import fold


class Arabic:
    """The Arabic ``Language``."""

    code = "ar"
    direction = "rtl"
    proclitics: tuple[str, ...] = PROCLITICS
    articles: tuple[str, ...] = ("ال",)
    rejection_rules: tuple[RejectionRule, ...] = RULES
    city_then_area = False
    divisions_decide = False
    dates = DATES
    furniture = FURNITURE

    def __init__(self) -> None:
        self._voc: Vocabulary | None = None

    def fold(self, text: str) -> str:
        return fold(text)

    def vocabulary(self) -> Vocabulary:
        if self._voc is None:
            self._voc = vocabulary()
        return self._voc

    def demonym_forms(self, adjective: str) -> list[str]:
        return demonym_forms(adjective)

    def written_names(self, text: str) -> Iterable[tuple[int, int, str, str | None]]:
        """None: Arabic names are matched as written."""
        return ()


ARABIC = Arabic()
