"""Page furniture: general rules on a made-up outlet's pages, and the seeds against the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.article import Article
from explorer.corpus import article_from_text
from explorer.furniture import analyse_page
from tests.conftest import GOLD, SEEDS

# A page of "صدى الواحة", an outlet that does not exist, laid out like news sites are.
PAGE = """\
Skip to main content
الرئيسية › أخبار › المغرب العربي
وزراء خارجية دول المغرب العربي يجتمعون في تونس لبحث أزمة المياه
صدى الواحة
نشر في: 05-03-2023 - 09:15 م
آخر تحديث: 6 مارس 2023
فيسبوك تويتر واتساب نسخ الرابط
الوزراء خلال اجتماعهم في العاصمة التونسية (أ ف ب)
تونس -
اجتمع وزراء خارجية دول المغرب العربي في تونس لبحث تراجع منسوب السدود وتقاسم المياه الجوفية.
إقرأ أيضاً

الجفاف يهدد محاصيل القمح في الجزائر
ارتفاع أسعار الخبز في الرباط

مخاوف من صيف جاف
وقال وزير الفلاحة الجزائري إن بلاده تعول على تحلية مياه البحر لتأمين حاجات المدن الساحلية.
شاهد أيضا: جولة في سد سيدي سالم بعد ثلاث سنوات من الجفاف
صورة أرشيفية لسد جاف في جنوب المغرب
طباعة
عرض المزيد
وزراء خارجية دول المغرب العربي يجتمعون في تونس لبحث أزمة المياه
أضف تعليقاً
الاسم *
البريد الإلكتروني *
لن يتم نشر بريدك الإلكتروني. الحقول المطلوبة مشار إليها
إرسال التعليق
يستخدم هذا الموقع ملفات تعريف الارتباط (cookies) لتحسين تجربتك. بمتابعة التصفح فإنك توافق على ذلك.
تابعونا على تلغرام
جميع الحقوق محفوظة © 2023 صدى الواحة
"""

EXPECTED = {  # line → reason, or the passage kind in brackets
    "Skip to main content": "mostly Latin (site interface)",
    "الرئيسية › أخبار › المغرب العربي": "breadcrumb",
    "وزراء خارجية دول المغرب العربي يجتمعون في تونس لبحث أزمة المياه": "[title]",
    "صدى الواحة": "outlet",
    "نشر في: 05-03-2023 - 09:15 م": "metadata",
    "آخر تحديث: 6 مارس 2023": "metadata",
    "فيسبوك تويتر واتساب نسخ الرابط": "share or toolbar label",
    "الوزراء خلال اجتماعهم في العاصمة التونسية (أ ف ب)": "[caption]",
    "تونس -": "[heading]",
    "اجتمع وزراء خارجية دول المغرب العربي في تونس لبحث تراجع منسوب السدود وتقاسم المياه الجوفية.":
        "[paragraph]",
    "إقرأ أيضاً": "related-article link",
    "الجفاف يهدد محاصيل القمح في الجزائر": "related-article link",
    "ارتفاع أسعار الخبز في الرباط": "related-article link",
    "مخاوف من صيف جاف": "[heading]",
    "وقال وزير الفلاحة الجزائري إن بلاده تعول على تحلية مياه البحر لتأمين حاجات المدن الساحلية.":
        "[paragraph]",
    "شاهد أيضا: جولة في سد سيدي سالم بعد ثلاث سنوات من الجفاف": "related-article link",
    "صورة أرشيفية لسد جاف في جنوب المغرب": "[caption]",
    "طباعة": "share or toolbar label",
    "عرض المزيد": "load more",
    "أضف تعليقاً": "comment form",
    "الاسم *": "comment form",
    "البريد الإلكتروني *": "comment form",
    "لن يتم نشر بريدك الإلكتروني. الحقول المطلوبة مشار إليها": "comment form",
    "إرسال التعليق": "comment form",
    "يستخدم هذا الموقع ملفات تعريف الارتباط (cookies) لتحسين تجربتك. بمتابعة التصفح فإنك توافق "
    "على ذلك.": "cookie notice",
    "تابعونا على تلغرام": "follow-us promotion",
    "جميع الحقوق محفوظة © 2023 صدى الواحة": "copyright notice",
}


def _labels(text: str) -> list[tuple[str, str]]:
    article = article_from_text("page.txt", Path("page.txt"), text)
    spans = [(f.start, f.end, f.reason) for f in article.furniture]
    spans += [(p.start, p.end, f"[{p.kind}]") for p in article.passages]
    return [(text[s:e], label) for s, e, label in sorted(spans)]


def test_made_up_outlet_page() -> None:
    labels = _labels(PAGE)
    title = "وزراء خارجية دول المغرب العربي يجتمعون في تونس لبحث أزمة المياه"
    expected = [(line, EXPECTED[line]) for line in PAGE.split("\n") if line.strip()]
    # the title's second appearance, after "load more", is the template repeating it
    second = [i for i, (line, _) in enumerate(expected) if line == title][1]
    expected[second] = (title, "title repeated")
    assert labels == expected


def test_made_up_outlet_metadata() -> None:
    article = article_from_text("page.txt", Path("page.txt"), PAGE)
    assert article.title == "وزراء خارجية دول المغرب العربي يجتمعون في تونس لبحث أزمة المياه"
    assert article.outlet == "صدى الواحة"
    assert article.published == "2023-03-05T21:15"
    assert article.updated == "2023-03-06"


def test_every_furniture_span_has_a_reason_and_no_passage_overlaps_it() -> None:
    article = article_from_text("page.txt", Path("page.txt"), PAGE)
    for f in article.furniture:
        assert f.reason
        for p in article.passages:
            assert p.end <= f.start or f.end <= p.start


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("اقرأ ايضا:وزير يزور المدينة", "related-article link"),
        ("إقرأ أيضًا - ماذا بعد الانتخابات؟", "related-article link"),
        ("مواضيع ذات صلة", "related-article link"),
        ("Read also: the drought", "related-article link"),
        ("نستخدم الكوكيز لتحسين تجربتك على موقعنا", "cookie notice"),
        ("This website uses cookies. Accept", "cookie notice"),
        ("مشاركة", "share or toolbar label"),
        ("شارك على فيس بوك", "share or toolbar label"),
        ("العودة للرئيسية", None),  # "للرئيسية" is no listed word: stays text (a heading)
        ("تحميل المزيد", "load more"),
        ("المزيد", "load more"),
        ("Load more", "load more"),
        ("اترك رداً", "comment form"),
        ("التعليقات (3)", "comment form"),
        ("Leave a Reply", "comment form"),
        ("Print this page", "mostly Latin (site interface)"),
        ("تاريخ النشر: 2022/1/9", "metadata"),
        ("Published on 12/01/2022 10:00", "metadata"),
        ("الكلمات المفتاحية: المياه، الجفاف", "tags"),
        ("إعلان", "advertisement label"),
        ("* * *", "decoration (no words)"),
        ("ـــــــ", "decoration (no words)"),
    ],
)
def test_line_rules(line: str, reason: str | None) -> None:
    paragraph = "فقرة من المقال تكفي لكي تكون الصفحة عربية في معظمها."
    text = f"عنوان الخبر عن الجفاف في المنطقة\n{line}\n{paragraph}\n"
    page = analyse_page(text)
    got = next(ln.reason for ln in page.lines if ln.text == line.strip())
    assert got == reason


@pytest.mark.parametrize(
    "line",
    [
        # long lines or article sentences that merely start or end like furniture
        "شاهد أيضا المراقبون كيف تراجع منسوب السدود في الجنوب خلال الأشهر الماضية، وكيف تضررت "
        "المحاصيل الزراعية والمراعي وعدد من القرى التي تعتمد على الآبار الجوفية وحدها.",
        "قالت الهيئة إن شركات التقنية تستخدم ملفات تعريف الارتباط لتتبع المستخدمين.",
        "وشارك الوزير في الاجتماع الذي عقد في العاصمة.",
        "تونس -",
        "مخاوف من صيف جاف",
        "نشر الجيش قواته في المنطقة الحدودية يوم 12/03/2023 بحسب البيان.",
        "The Wall Street Journal قالت صحيفة إن الاجتماع سيعقد في الرباط الأسبوع المقبل.",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    text = f"عنوان الخبر عن الجفاف في المنطقة\n\n{line}\n"
    page = analyse_page(text)
    assert [ln.reason for ln in page.lines] == [None, None]


def test_bare_read_also_heading_takes_the_link_titles_up_to_a_blank_line() -> None:
    text = (
        "عنوان الخبر\n\nفقرة أولى من المقال وفيها ما يكفي من الكلمات لتكون فقرة حقيقية هنا.\n"
        "اقرأ أيضا:\nرابط أول\nرابط ثان\n\nعنوان فرعي في المقال\nفقرة.\n"
    )
    reasons = {ln.text: ln.reason for ln in analyse_page(text).lines}
    assert reasons["رابط أول"] == reasons["رابط ثان"] == "related-article link"
    assert reasons["عنوان فرعي في المقال"] is None


def test_read_also_block_stops_at_a_paragraph() -> None:
    text = "عنوان الخبر\nاقرأ أيضا\n\nوقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في الرباط.\n"
    reasons = [ln.reason for ln in analyse_page(text).lines]
    assert reasons == [None, "related-article link", None]


def test_repeated_lines() -> None:
    text = "العنوان هنا\nالعنوان هنا\nفقرة أولى.\nسطر مكرر\nفقرة ثانية.\nسطر مكرر\n"
    reasons = [ln.reason for ln in analyse_page(text).lines]
    assert reasons == [None, "title repeated", None, None, None, "repeated line"]


def test_a_page_without_a_title_line() -> None:
    long_first = " ".join(["كلمة"] * 40) + "."
    page = analyse_page(f"\n{long_first}\nفقرة ثانية.\n")
    assert page.title is None
    assert [ln.reason for ln in page.lines] == [None, None]


def test_latin_lines_in_a_latin_page_are_text() -> None:
    page = analyse_page("Drought in the Maghreb\nMinisters met in Tunis.\nOpen toolbar\n")
    assert [ln.reason for ln in page.lines] == [None, None, None]


# -- the seeds against the gold --------------------------------------------------------------

SEED_DATES = {  # only the two first seeds state dates
    "000_c1925879e5909a48.txt": ("عربي بوست", "2021-09-28T14:52", "2021-09-28T14:53"),
    "001_23f61c99fe20eace.txt": ("عربي بوست", "2021-07-17T16:45", "2021-07-17T16:54"),
    "002_88021ef35a1db7c5.txt": (None, None, None),
    "003_ce9a9260fbf79b5c.txt": (None, None, None),
    "004_9412c23b2f0a156d.txt": (None, None, None),
}


def _seed(name: str) -> Article:
    path = SEEDS / name
    return article_from_text(name, path, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SEED_DATES))
def test_seed_metadata(name: str) -> None:
    article = _seed(name)
    assert (article.outlet, article.published, article.updated) == SEED_DATES[name]


def test_seed_gold_mentions_fall_on_the_right_side() -> None:
    """Furniture-flagged gold mentions lie in no passage; every other one lies in a passage.

    The title repeated by the page template is furniture (issue: "a title line repeated three
    times"); the gold lists the names in those repeats as neutral, not as mentions: each of
    them lies in a "title repeated" line.
    """
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    repeats = 0
    for name, doc in gold.items():
        article = _seed(name)
        for m in doc["mentions"]:
            assert article.text[m["start"] : m["end"]] == m["text"]
            inside = [p for p in article.passages if p.start <= m["start"] and m["end"] <= p.end]
            furniture = [f for f in article.furniture if f.start < m["end"] and m["start"] < f.end]
            if m.get("furniture"):
                assert not inside, (name, m)
                assert furniture, (name, m)
            else:
                assert len(inside) == 1, (name, m, furniture)
        for m in doc.get("neutral", []):
            if "repeated title" in m["why"]:
                repeats += 1
                reasons = [f.reason for f in article.furniture
                           if f.start <= m["start"] and m["end"] <= f.end]
                assert reasons == ["title repeated"], (name, m)
    assert repeats > 0, "the seeds repeat some titles"


def test_seed_negatives_stay_in_passages_unless_gold_puts_them_in_furniture() -> None:
    """Negatives (Ford, Austin, ...) are article text: the geoparser, not furniture, drops them."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    for name, doc in gold.items():
        article = _seed(name)
        for m in doc["negatives"]:
            in_passage = any(p.start <= m["start"] and m["end"] <= p.end for p in article.passages)
            assert in_passage is ("furniture" not in m["why"]), m
