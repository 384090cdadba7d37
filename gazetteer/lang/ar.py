"""Arabic: the language the geoparser was written for. Its folding (``gazetteer.normalize``),
proclitics (``gazetteer.matcher``), vocabulary (``data/ar/``: ``context.yaml``, the word
lists), demonym forms (``gazetteer.names``) and rejection rules
(``gazetteer.lang.ar_rejections``) behind one object."""

from __future__ import annotations

from gazetteer.context import Vocabulary, vocabulary
from gazetteer.lang.ar_rejections import RULES
from gazetteer.lang.base import DateWords, RejectionRule
from gazetteer.matcher import PROCLITICS
from gazetteer.names import demonym_forms
from gazetteer.normalize import fold

#: Month names (line keys) in Egyptian/Gulf, Levantine and Maghrebi usage; the labels of
#: publication and update dates.
DATES = DateWords(
    months={
        **dict.fromkeys(["يناير", "كانون الثاني", "جانفي"], 1),
        **dict.fromkeys(["فبراير", "شباط", "فيفري"], 2),
        **dict.fromkeys(["مارس", "اذار"], 3),
        **dict.fromkeys(["ابريل", "افريل", "نيسان"], 4),
        **dict.fromkeys(["مايو", "ماي", "ايار"], 5),
        **dict.fromkeys(["يونيو", "يونيه", "جوان", "حزيران"], 6),
        **dict.fromkeys(["يوليو", "يوليه", "جويليه", "تموز"], 7),
        **dict.fromkeys(["اغسطس", "اوت", "اب"], 8),
        **dict.fromkeys(["سبتمبر", "ايلول"], 9),
        **dict.fromkeys(["اكتوبر", "تشرين الاول"], 10),
        **dict.fromkeys(["نوفمبر", "تشرين الثاني"], 11),
        **dict.fromkeys(["ديسمبر", "كانون الاول"], 12),
    },
    published=(r"تم\ النشر", r"تاريخ\ النشر", r"نشر\ (?:في|بتاريخ|يوم)", r"منشور\ في", "نشر"),
    updated=(r"تم\ التحديث", r"اخر\ تحديث", r"تاريخ\ التحديث", r"حدث\ في", "محدث", "تحديث"),
    label_words=("نشر", "منشور", "تحديث", "حدث"),
    ampm=("ص", "م", "صباحا", "مساء"),
    evening=frozenset({"م", "مساء"}),
    at=("الساعه", "في"),
    day="يوم",
)


class Arabic:
    """The Arabic ``Language``."""

    code = "ar"
    direction = "rtl"
    proclitics: tuple[str, ...] = PROCLITICS
    articles: tuple[str, ...] = ("ال",)
    rejection_rules: tuple[RejectionRule, ...] = RULES
    dates = DATES

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


ARABIC = Arabic()
