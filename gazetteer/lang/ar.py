"""Arabic: the language the geoparser was written for. Its folding (``gazetteer.normalize``),
proclitics (``gazetteer.matcher``), vocabulary (``data/ar/``: ``context.yaml``, the word
lists), demonym forms (``gazetteer.names``) and rejection rules
(``gazetteer.lang.ar_rejections``) behind one object."""

from __future__ import annotations

from collections.abc import Iterable

from gazetteer.context import Vocabulary, vocabulary
from gazetteer.lang.ar_rejections import RULES
from gazetteer.lang.base import DateWords, FurnitureWords, RejectionRule
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The words of a page's furniture: related-article links, cookie notices, comment forms…
FURNITURE = FurnitureWords(
    read_also=(
        r"^(?:اقرا|طالع|شاهد|تابع|اطلع\ علي)\ (?:ايضا|كذلك)",
        r"^(?:قد\ يهمك|يهمك\ ايضا|ننصحك\ بقراءه|اخترنا\ لك|المزيد\ حول|ذات\ صله)",
        r"^(?:مواضيع|اخبار|مقالات|موضوعات|قصص)\ (?:ذات\ صله|متعلقه|مشابهه|قد\ تهمك)",
    ),
    cookies=("كوكيز", r"ملفات?\ (?:تعريف\ )?الارتباط"),
    cookie_site=("نستخدم", "موقعنا", r"يستخدم\ (?:هذا\ )?الموقع", "تصفحك", "بالاستمرار",
                 r"بمتابعه\ التصفح", "توافق", "اوافق", "موافقتك", "قبول", "اقبل",
                 r"سياسه\ (?:الخصوصيه|ملفات|الكوكيز)"),
    load_more=(r"^(?:تحميل|عرض|اظهار|مشاهده|اقرا)?\ ?(?:ال)?مزيد"
               r"(?:\ من\ (?:الاخبار|المقالات))?$",),
    comment_form=(
        r"^(?:اترك|اضف|اكتب|شاركنا)\ (?:تعليقا|تعليق|ردا|رد|رايك)",
        r"لن\ يتم\ نشر", r"الحقول\ (?:الالزاميه|المطلوبه|الاجباريه)", r"احفظ\ اسمي",
        r"""^(?:الاسم|الاسم\ الكامل|البريد\ الالكتروني|الموقع|الموقع\ الالكتروني|التعليق
                   |تعليقك)\ ?\*?\ ?:?\ ?\*?$""",
        r"^(?:ارسال|ارسل|انشر|نشر)\ (?:التعليق|تعليق|الرد|رد)$",
        r"^(?:\d+\ )?(?:تعليق|تعليقات|التعليقات)\ ?(?:\(\d+\))?$",
        r"تسجيل\ الدخول\ (?:للتعليق|لاضافه\ تعليق)",
    ),
    follow_us=("تابعونا", "تابعنا", "تابعوا", "اتبعونا", "انضموا", r"انضم\ الي", r"حمل\ تطبيق"),
    newsletter=(r"اشترك\ (?:في|ب)\ ?(?:ال)?نشر", r"اشترك\ الان"),
    copyright=(r"جميع\ الحقوق\ محفوظه", r"حقوق\ (?:النشر|الطبع)"),
    tags=(r"الكلمات\ المفتاحيه", r"كلمات\ مفتاحيه", "الوسوم", "وسوم", r"كلمات\ داله"),
    advertisement=("اعلان", "اعلانات", r"محتوي\ (?:مدفوع|برعايه)"),
    ui_words=_words("""
    مشاركه شارك شاركها شاركوا القصه الخبر المقال المقاله الموضوع الصفحه عبر
    تويتر غرد تغريد فيسبوك فيس_بوك واتساب واتس_اب تيليجرام تلغرام تليغرام تيليغرام تلجرام
    لينكدان لينكد_ان انستغرام انستجرام ماسنجر يوتيوب بريد البريد الالكتروني ايميل
    طباعه اطبع نسخ انسخ الرابط رابط حفظ احفظ ارسال ارسل
    العوده عوده رجوع الرئيسيه القائمه بحث ابحث اغلاق حجم الخط النص تكبير تصغير
    استمع استماع للمقال الاستماع
    """),
    ui_connectors=_words("علي عبر في من الي او عن مع و"),
    ui_phrases=r"\b(فيس|واتس|لينكد) (بوك|اب|ان)\b",
    photo_credits=(
        "رويترز", "ا ف ب", "اف ب", "ا.ف.ب", "فرانس برس", "وكاله فرانس برس", "اسوشيتد برس",
        "اسوشييتد برس", "ا ب", "الاناضول", "وكاله الاناضول", "شينخوا", "سبوتنيك", "تاس",
        "ايبا", "وكالات", "ارشيفيه", "ارشيف", "صوره ارشيفيه", "غيتي", "جيتي", "غيتي ايميجز",
        "جيتي ايميجز", "مواقع التواصل", "مواقع التواصل الاجتماعي", "تويتر", "فيسبوك",
        "انترنت", "الانترنت",
    ),
    photo_words=("صوره", "الصوره", "صور"),
)


class Arabic:
    """The Arabic ``Language``."""

    code = "ar"
    direction = "rtl"
    proclitics: tuple[str, ...] = PROCLITICS
    articles: tuple[str, ...] = ("ال",)
    rejection_rules: tuple[RejectionRule, ...] = RULES
    city_then_area = False
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
