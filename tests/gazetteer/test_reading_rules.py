"""Rules of reading over the world gazetteer (issue 16): each on sentences written for it."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.model import Rejection


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser(Gazetteer.load())


def _found(gp: Geoparser, text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.type, m.place.country) for m in gp.parse(text)}


@pytest.mark.parametrize("town", ["الشنافية", "المشخاب", "الدرباسية"])
def test_a_definite_town_after_ila_is_no_adjective(gp: Geoparser, town: str) -> None:
    # «إلى» folds to «الي»: it is no definite noun the town could describe.
    text = f"توجه الوفد الحكومي إلى {town} صباح اليوم."
    assert town in _found(gp, text)
    rejected = {r.text: r.why for r in gp.analyse(text)[1]}
    assert rejected.get(town) != Rejection.DEFINITE_ADJECTIVE


def test_a_definite_word_after_a_definite_noun_is_still_an_adjective(gp: Geoparser) -> None:
    rejected = {r.text: r.why for r in gp.analyse("شاهدنا الفرقة الدرباسية في المهرجان.")[1]}
    assert rejected.get("الدرباسية") == Rejection.DEFINITE_ADJECTIVE


def test_the_shadda_reads_amman_not_oman(gp: Geoparser) -> None:
    amman = gp.parse("توجه الوفد إلى عمّان لحضور المؤتمر.")
    assert [(m.text, m.place.country) for m in amman] == [("عمّان", "JO")]
    # Without a shadda the bare name stays the country.
    assert [m.place.country for m in gp.parse("توجه الوفد إلى عمان لحضور المؤتمر.")] == ["OM"]


def test_a_country_after_a_statesman_is_the_country_he_visits(gp: Geoparser) -> None:
    assert _found(gp, "زار الرئيس سلطنة عُمان أمس.") == {"سلطنة عُمان": ("toponym", "OM")}
    assert _found(gp, "زار الرئيس الجزائر أمس.") == {"الجزائر": ("toponym", "DZ")}
    # A person after a title is still a person.
    assert "عباس" not in _found(gp, "التقى الرئيس عباس بالوفد.")


def test_a_town_with_its_countrys_masculine_adjective_in_sports_news_is_a_club(
    gp: Geoparser,
) -> None:
    text = "انتقل اللاعب إلى ليون الفرنسي مقابل عشرة ملايين."
    assert "ليون" not in _found(gp, text)
    assert {r.text: r.why for r in gp.analyse(text)[1]}["ليون"] == Rejection.CLUB
    # The city is feminine: «ليون الفرنسية» is the town, in sports news or not.
    assert _found(gp, "وصل الوفد إلى ليون الفرنسية لحضور المباراة.")["ليون"] == ("toponym", "FR")
    # Outside sports news (another sentence), the adjective places the town.
    port = "وصلت السفينة إلى ميناء طرطوس السوري صباح اليوم. وسجل اللاعب هدفا."
    assert _found(gp, port)["طرطوس"] == ("toponym", "SY")


@pytest.mark.parametrize(
    ("text", "glued", "country"),
    [
        ("تقع مدينة كفرالشيخ في دلتا النيل.", "كفرالشيخ", "EG"),
        ("وصل الوفد إلى أبوظبي مساء أمس.", "أبوظبي", "AE"),
        ("دارت اشتباكات في ريف ديرالزور الشرقي.", "ديرالزور", "SY"),
    ],
)
def test_a_name_glued_to_its_first_word_is_found(
    gp: Geoparser, text: str, glued: str, country: str
) -> None:
    assert _found(gp, text)[glued] == ("toponym", country)


def test_a_person_glued_to_abd_is_no_place(gp: Geoparser) -> None:
    assert _found(gp, "قال عبدالله إن الاجتماع انتهى.") == {}


@pytest.mark.parametrize(
    ("text", "name", "country_id"),
    [
        ("أعلنت السلطات في الجزائر عن حرائق في ولايات تيزي وزو وبجاية وسطيف.", "الجزائر",
         "gn:2589581"),
        ("قال وزير الداخلية إن الكويت شهدت أمطارا غزيرة في الجهراء والأحمدي.", "الكويت",
         "gn:285570"),
    ],
)
def test_towns_of_a_country_do_not_make_its_namesake_capital_the_one_meant(
    gp: Geoparser, text: str, name: str, country_id: str
) -> None:
    assert {m.text: m.place.id for m in gp.parse(text)}[name] == country_id


def test_the_capital_named_like_its_country_still_wins_with_its_cue(gp: Geoparser) -> None:
    ids = {m.text: m.place.id for m in gp.parse("تستضيف مدينة الجزائر المؤتمر، قرب تيبازة.")}
    assert ids["مدينة الجزائر"] == "gn:2507480"


def test_a_national_team_names_its_country(gp: Geoparser) -> None:
    # «منتخب X»: the country the team stands for (a club's town is named by «نادي», «فريق»).
    found = _found(gp, "فاز منتخب قطر على منتخب الأردن في المباراة النهائية.")
    assert found == {"قطر": ("toponym", "QA"), "الأردن": ("toponym", "JO")}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("من المقرر أن تنتخب الدنمارك برلمانا جديدا.", "الدنمارك", "DK"),
        ("استقالت رئيسة وزراء بنجلاديش أمس.", "بنجلاديش", "BD"),
        ("عقد الاجتماع في كوبنهاجن أمس.", "كوبنهاجن", "DK"),
        ("وصلت المساعدات إلى جرينلاند.", "جرينلاند", "GL"),
    ],
)
def test_a_press_spelling_of_a_prominent_place_is_read_by_its_skeleton(
    gp: Geoparser, text: str, name: str, country: str
) -> None:
    assert _found(gp, text)[name] == ("toponym", country)


def test_an_adjective_is_not_read_as_the_skeleton_of_its_place(gp: Geoparser) -> None:
    found = _found(gp, "أدلى مليون ناخب دنماركي بأصواتهم، وفاز الحزب الاشتراكي.")
    assert all(kind != "toponym" for kind, _ in found.values()), found


@pytest.mark.parametrize(
    "text",
    [
        "بفضل الدعم الذي توليه القيادة السعودية للمزارعين.",
        "تصل الغرامة إلى ما يعادل 25 ألف ليرة تركية.",
    ],
)
def test_a_feminine_adjective_after_its_noun_is_no_country(gp: Geoparser, text: str) -> None:
    assert all(kind != "toponym" for kind, _ in _found(gp, text).values())


def test_a_country_in_construct_after_a_feminine_noun_is_the_country(gp: Geoparser) -> None:
    # Adjectives agree in definiteness: «بقيادة السعودية» is "led by Saudi Arabia".
    text = "يقدم التحالف بقيادة السعودية الدعم للحكومة، ثم سافر الوفد إلى السعودية."
    assert [m.place.country for m in gp.parse(text) if m.type == "toponym"] == ["SA", "SA"]


def test_a_given_name_is_no_spelling_of_a_place(gp: Geoparser) -> None:
    found = _found(gp, "قال الرئيس الفرنسي فرانسوا هولاند إن فرنسا تدعم القرار.")
    assert "فرانسوا" not in found
    assert found["فرنسا"] == ("toponym", "FR")


def test_a_country_named_like_a_word_after_a_preposition_is_the_country(gp: Geoparser) -> None:
    assert _found(gp, "وصلت القوات إلى مالي أمس.") == {"مالي": ("toponym", "ML")}
    assert _found(gp, "تنتشر القوات بمالي منذ سنوات.") == {"مالي": ("toponym", "ML")}
    assert "المالي" not in _found(gp, "قدم الدعم المالي للشركات.")
    assert "مالي" not in _found(gp, "قدم دعم مالي للشركات.")


def test_a_bare_division_name_is_its_town_even_when_the_town_has_no_arabic_name(
    gp: Geoparser,
) -> None:
    # GeoNames names Jerada province in Arabic, not the town Jerada: the bare name is the town.
    found = {m.text: m.place for m in gp.parse("برزت احتجاجات جرادة في المغرب.")}
    assert (found["جرادة"].kind, found["جرادة"].name) == ("city", "Jerada")
    cued = {m.text: m.place for m in gp.parse("أعلنت السلطات في عمالة جرادة عن إجراءات.")}
    assert cued["جرادة"].kind == "admin2"


def test_a_country_written_otherwise_outranks_an_island_and_a_town_of_the_spelling(
    gp: Geoparser,
) -> None:
    # «جرينلاند» names an island (Natural Earth) and a small town abroad; Greenland the
    # country is written «غرينلاند»: the country is meant.
    assert _found(gp, "وصلت المساعدات إلى جرينلاند.")["جرينلاند"] == ("toponym", "GL")


def test_a_small_town_abroad_does_not_outrank_a_region_of_its_name(gp: Geoparser) -> None:
    found = {m.text: m.place for m in gp.parse("اندلعت اشتباكات جديدة في كشمير.")}
    assert found["كشمير"].kind != "city"
