"""Spellings made from Latin names: the rules checked against the sources' own pairs, and the
geoparser counting a made spelling only with support."""

from __future__ import annotations

import re

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.model import Place, Rejection
from gazetteer.normalize import fold
from gazetteer.spelling import loose_skeleton, skeleton
from gazetteer.transliterate import ARAB_LEAGUE, agreement, made_index, word_spellings

_ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def gp(world: Gazetteer) -> Geoparser:
    return Geoparser(world)


def test_the_rules_spell_most_one_word_names_as_the_sources_do(world: Gazetteer) -> None:
    # Towns the sources name in both scripts, outside the Arab world and Iran/Afghanistan
    # (whose Arabic names are not transliterations): measured 81% when the rules were written,
    # 85.7% with the letters of issue 16 (č ş ž…, ch as خ, w as ف, j as خ or ي, a final s as
    # ز, or silent after e); on a held-out fifth of the pairs (seeded, never read) 81.9% →
    # 85.9%.
    pairs = [
        (p.name, p.name_ar) for p in world.places
        if p.kind == "city" and _ARABIC.search(p.name_ar)
        and p.country not in ARAB_LEAGUE | {"IR", "AF"}
    ]
    hit, tried = agreement(pairs)
    assert tried > 3000
    assert hit / tried > 0.85


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Kano", "كانو"), ("Jigawa", "جيغاوا"), ("Changhua", "تشانغهوا"), ("Nuremberg", "نورمبرغ")],
)
def test_a_made_spelling_matches_the_press(latin: str, arabic: str) -> None:
    assert loose_skeleton(arabic) in word_spellings(latin)


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Zaječar", "زاييتشار"), ("Türkmenbaşy", "تركمانباشي"), ("Fellbach", "فلباخ"),
     ("Wittingen", "فيتينغن"), ("Leeds", "ليدز"), ("Eureka", "يوريكا"), ("Montreux", "مونترو"),
     ("Cajamarca", "كاخامركا"), ("Tachira", "تاخيرا")],
)
def test_the_letters_of_other_alphabets_are_read(latin: str, arabic: str) -> None:
    # Each a class of the sources' pairs the first rules missed: a diacritic that changes the
    # sound, German ch and w, a voiced or silent final s, an initial u, Spanish j.
    assert loose_skeleton(arabic) in word_spellings(latin)


def test_skeletons_forget_what_spellings_disagree_on() -> None:
    assert skeleton("الدانمرك") == skeleton("الدنمارك")
    assert loose_skeleton("طوكيو") == loose_skeleton("توكيو")
    assert skeleton("دنماركي") != skeleton("دنمارك")


def test_a_made_spelling_counts_with_a_cue_and_its_country_close_by(gp: Geoparser) -> None:
    # Changhua, a city of Taiwan, has no Arabic name in the sources.
    found = {m.text: m for m in gp.parse("اندلع حريق في مصنع بمدينة تشانغهوا في تايوان.")}
    assert found["تشانغهوا"].place.country == "TW"
    assert "Latin name" in found["تشانغهوا"].reason


@pytest.mark.parametrize(
    "text",
    [
        "قال المسؤول في مدينة تشانغهوا إن الأمطار مستمرة.",  # a cue, no place of Taiwan near
        "تحدث تشانغهوا عن الأمطار في تايوان أمس.",  # Taiwan near, no cue
    ],
)
def test_a_made_spelling_without_support_is_set_aside(gp: Geoparser, text: str) -> None:
    mentions, rejected = gp.analyse(text)
    assert "تشانغهوا" not in {m.text for m in mentions}
    assert {r.text: r.why for r in rejected}.get("تشانغهوا") == Rejection.MADE_SPELLING


def test_a_common_word_is_never_a_made_spelling(gp: Geoparser) -> None:
    # رسالة, لجنة, شارك spell towns abroad but are everyday words.
    text = "أرسلت اللجنة رسالة في مدينة شارك بالولايات المتحدة وكاليفورنيا."
    assert {m.text for m in gp.parse(text)} <= {"الولايات المتحدة", "كاليفورنيا"}


def test_a_made_spelling_with_a_cue_needs_its_country_anywhere_in_the_text(gp: Geoparser) -> None:
    # Taiwan is named far (over 80 characters) from the county's name; the cue says a place.
    filler = "وذكرت الصحيفة المحلية أن الدخان الكثيف أدى إلى حصار العمال داخل المبنى لساعات طويلة. "
    text = "حريق في مصنع في تايوان. " + filler + "ونقلت إدارة الإطفاء في مقاطعة تشانغهوا الجرحى."
    found = {m.text: m for m in gp.parse(text)}
    assert found["تشانغهوا"].place.country == "TW"
    # No cue and the country far: still set aside.
    mentions, _ = gp.analyse("حريق في تايوان. " + filler + "وقال تشانغهوا إن الأمطار غزيرة.")
    assert "تشانغهوا" not in {m.text for m in mentions}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("نظموا عملية سطو في إيتشيكاوا بمحافظة تشيبا عام 2024.", "إيتشيكاوا", "JP"),
        ("وصل الركاب إلى مطار ساو باولو/غواروليوس الدولي أمس.", "غواروليوس", "BR"),
    ],
)
def test_a_made_spelling_placed_by_the_next_name_counts(
    gp: Geoparser, text: str, name: str, country: str
) -> None:
    # «X بمحافظة Y»: a cue word then a place of its country; «Y/X»: two names of one airport.
    found = {m.text: m for m in gp.parse(text)}
    assert found[name].place.country == country
    assert "Latin name" in found[name].reason


def test_a_made_spelling_beside_a_place_of_another_country_is_set_aside(gp: Geoparser) -> None:
    mentions, _ = gp.analyse("نظموا عملية سطو في إيتشيكاوا بمحافظة الجيزة عام 2024.")
    assert "إيتشيكاوا" not in {m.text for m in mentions}


def test_places_named_in_arabic_by_a_transliteration_are_made_not_exonyms() -> None:
    # Ichikawa's Arabic name «ايشيكاوا» is one of its made spellings, so the press's other
    # spelling «إيتشيكاوا» is read; Aleppo's «حلب» is no spelling of "Aleppo": nothing made.
    ichikawa = Place("x:1", "Ichikawa", "ايشيكاوا", "city", 0, 0, "JP", population=496_676,
                     names_ar=("ايشيكاوا",), names_en=("Ichikawa",))
    aleppo = Place("x:2", "Aleppo", "حلب", "city", 0, 0, "SY", population=2_000_000,
                   names_ar=("حلب",), names_en=("Aleppo",))
    made = made_index([ichikawa, aleppo])
    assert made[loose_skeleton(fold("إيتشيكاوا"))] == (0,)
    assert 1 not in {i for numbers in made.values() for i in numbers}
