"""Spellings made from Latin names: the rules checked against the sources' own pairs, and the
geoparser counting a made spelling only with support."""

from __future__ import annotations

import re

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.model import Rejection
from gazetteer.spelling import loose_skeleton, skeleton
from gazetteer.transliterate import ARAB_LEAGUE, agreement, word_spellings

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
