"""A small folder of wire copies: one agency story (Arabic) reprinted by five outlets, each
with its own title, header, opening line, footer, spelling (hamza and ya variants) and small
edits; another story on the same topic and places that is not a copy; and one unrelated story.
"""

from __future__ import annotations

from pathlib import Path

#: The agency's text, paragraph by paragraph (the places: Cairo, Gaza, Amman, Doha).
AGENCY = [
    "أعلنت وزارة الخارجية المصرية أن وفدا أمنيا رفيع المستوى سيصل إلى القاهرة مساء الثلاثاء "
    "لاستكمال المشاورات بشأن وقف إطلاق النار في قطاع غزة، وذلك بعد جولة من الاتصالات "
    "المكثفة مع الأطراف المعنية خلال الأيام الماضية.",
    "وقال المتحدث باسم الوزارة في بيان إن الوفد سيلتقي مسؤولين من الأردن وقطر لبحث آليات "
    "إدخال المساعدات الإنسانية وفتح المعابر أمام الشاحنات المحملة بالأغذية والأدوية، مشيرا "
    "إلى أن الاجتماعات ستعقد على مدى يومين متتاليين.",
    "وأضاف البيان أن مصر تواصل جهودها مع الشركاء الإقليميين والدوليين من أجل التوصل إلى "
    "اتفاق شامل يضمن عودة الهدوء وإعادة إعمار ما دمرته الحرب في غزة، داعيا المجتمع الدولي "
    "إلى تحمل مسؤولياته تجاه المدنيين.",
    "ومن المقرر أن يتوجه وزير الخارجية بعد ذلك إلى عمان ثم إلى الدوحة لإطلاع نظرائه على "
    "نتائج المشاورات، في إطار التنسيق العربي المستمر حول الأزمة.",
]

#: Each outlet's reprint: (file, outlet, title, opening, footer, edits, spelling variants).
OUTLETS = [
    ("ahram.txt", "الأهرام", "وفد أمني في القاهرة لبحث التهدئة في غزة",
     "القاهرة - (أ ش أ):", "اقرأ أيضا: أسعار الذهب اليوم في مصر", {}, False),
    ("masrawy.txt", "مصراوي", "مصر تستضيف مشاورات جديدة حول غزة",
     "كتب - محمد علي:", "تابعوا آخر الأخبار عبر تطبيقنا على الهواتف الذكية",
     {"مساء الثلاثاء": "مساء اليوم الثلاثاء"}, True),
    ("youm7.txt", "اليوم السابع", "الخارجية: وفد أمني يصل القاهرة الثلاثاء",
     "كتبت سارة أحمد", "جميع الحقوق محفوظة لموقع اليوم السابع",
     {"يومين متتاليين": "يومين"}, False),
    ("shorouk.txt", "الشروق", "مشاورات في القاهرة بشأن وقف إطلاق النار",
     "القاهرة - وكالات:", "", {"الأزمة": "الأزمة الراهنة"}, True),
    ("alghad.txt", "الغد", "القاهرة تستقبل وفدا أمنيا لبحث التهدئة",
     "عمان - الغد:", "لمتابعة المزيد من الأخبار اشترك في نشرتنا البريدية",
     {"ثم إلى الدوحة": "وبعدها إلى الدوحة"}, False),
]

#: Another story on the same topic and places: written apart, not a copy.
OTHER_STORY = [
    "استقبل الرئيس المصري في القاهرة وفدا من رجال الأعمال الأردنيين لبحث فرص الاستثمار "
    "المشترك في قطاعات الطاقة والنقل، وفق ما ذكرت الرئاسة في بيان صحفي صدر مساء الأحد.",
    "وتناول اللقاء أيضا الأوضاع الإنسانية في غزة والحاجة إلى زيادة المساعدات، حيث أكد "
    "الجانبان أهمية فتح المعابر بشكل دائم وتسهيل حركة المسافرين والبضائع بين البلدين.",
    "وأشار البيان إلى أن وفدا اقتصاديا مصريا سيزور عمان الشهر المقبل للتوقيع على عدد من "
    "الاتفاقيات في مجالات الزراعة والصناعة والسياحة، إضافة إلى مشروعات الربط الكهربائي.",
]

#: An unrelated story (another place), not a copy of anything.
UNRELATED = [
    "افتتح محافظ الإسكندرية معرضا للكتاب في مكتبة الإسكندرية بمشاركة أكثر من مئتي دار نشر "
    "عربية وأجنبية، ويستمر المعرض أسبوعين ويتضمن ندوات وأمسيات شعرية وورشا للأطفال.",
    "وقالت إدارة المعرض إن الدورة الحالية تحتفي بالرواية العربية الحديثة، وتخصص جناحا "
    "للكتب المترجمة وآخر للمخطوطات النادرة التي تعرض للمرة الأولى أمام الجمهور.",
]

#: Hamza and ya variants an outlet may write (the folding makes them match).
_VARIANTS = {"إلى": "الى", "أعلنت": "اعلنت", "الأردن": "الاردن", "إطلاق": "اطلاق",
             "الإنسانية": "الانسانية"}


def page(title: str, outlet: str, date: str, paragraphs: list[str]) -> str:
    """An article as a saved page's text: title, outlet line, date line, paragraphs."""
    day = date.replace("-", "/")
    return "\n\n".join([title, f"{outlet}\nتم النشر: {day} الساعة 10:00 بتوقيت غرينتش",
                        *paragraphs]) + "\n"


def reprint(opening: str, footer: str, edits: dict[str, str], variants: bool) -> list[str]:
    paragraphs = list(AGENCY)
    paragraphs[0] = f"{opening} {paragraphs[0]}"
    out = []
    for p in paragraphs:
        for old, new in edits.items():
            p = p.replace(old, new)
        if variants:
            for old, new in _VARIANTS.items():
                p = p.replace(old, new)
        out.append(p)
    return [*out, footer] if footer else out


def write_wire_folder(folder: Path) -> Path:
    """The folder: five copies, another story on the same topic, an unrelated one."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (name, outlet, title, opening, footer, edits, variants) in enumerate(OUTLETS):
        (folder / name).write_text(
            page(title, outlet, f"2024-03-{12 + i % 2:02d}", reprint(opening, footer, edits,
                                                                    variants)),
            encoding="utf-8")
    (folder / "ahram_business.txt").write_text(
        page("الرئيس يستقبل وفدا من رجال الأعمال الأردنيين", "الأهرام", "2024-03-12",
             OTHER_STORY), encoding="utf-8")
    (folder / "book_fair.txt").write_text(
        page("افتتاح معرض الإسكندرية للكتاب", "الأهرام", "2024-03-13", UNRELATED),
        encoding="utf-8")
    return folder


#: The files of the copies.
COPIES = tuple(o[0] for o in OUTLETS)
