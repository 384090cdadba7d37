"""Press spellings read through a skeleton: short skeletons («إربل», «الهملايا») count only
with support, and two names of one place do not void the skeleton they share."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.spelling import SHORT_SKELETON_LETTERS, SKELETON_LETTERS, skeleton, skeleton_index


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def gp(world: Gazetteer) -> Geoparser:
    return Geoparser(world)


def _found(gp: Geoparser, text: str) -> dict[str, str]:
    return {m.text: m.place.name for m in gp.parse(text)}


def test_the_short_skeletons_are_indexed(world: Gazetteer) -> None:
    assert world.skeletons is not None
    for word in ("اربل", "هملايا", "اورغواي"):
        assert len(skeleton(word)) == SHORT_SKELETON_LETTERS < SKELETON_LETTERS
        assert world.skeletons.get(skeleton(word)) is not None


def test_two_names_of_one_place_keep_their_skeleton(world: Gazetteer) -> None:
    # Uzbekistan is written both أوزبكستان and أزبكستان: the same place, no ambiguity.
    assert world.skeletons is not None
    assert world.skeletons.get(skeleton("اوزباكستان")) in {("اوزبكستان",), ("ازبكستان",)}


def test_two_names_of_different_places_still_void_it() -> None:
    class P:
        def __init__(self, kind: str) -> None:
            self.kind, self.population = kind, 0

    index = {("دنمارك",): [(0, "toponym")], ("دنامرك",): [(1, "toponym")]}
    assert skeleton_index(index, [P("country"), P("country")], 0) == {"دنمرك": None}
    index = {("دنمارك",): [(0, "toponym")], ("دنامرك",): [(0, "toponym")]}
    assert skeleton_index(index, [P("country")], 0)["دنمرك"] is not None


def test_a_short_skeleton_counts_with_the_place_named_otherwise(gp: Geoparser) -> None:
    found = _found(gp, "زار الوفد أربيل صباحا، ثم غادر إربل مساء إلى بغداد.")
    assert found.get("إربل") == found.get("أربيل") == "Erbil"


def test_a_short_skeleton_counts_when_the_word_before_opens_a_name_of_it(
    gp: Geoparser,
) -> None:
    # جبال الهيمالايا is a name of the Himalayas: جبال before «الهملايا» supports it.
    assert _found(gp, "صعد المتسلق إلى قمة في جبال الهملايا الشهر الماضي.") == {
        "الهملايا": "Himalayas"}


@pytest.mark.parametrize(
    "text",
    [
        "وصل الوفد أمس إلى إربل بعد رحلة طويلة.",  # no support: not the place, maybe a word
        "خرجوا في مناطق كرج وطهران، مرددين شعارات الاحتجاج.",  # a cue, no place of its country
        "صعد المتسلق إلى قمة الهملايا الشهر الماضي.",  # no word of its name before it
    ],
)
def test_a_short_skeleton_without_support_is_set_aside(gp: Geoparser, text: str) -> None:
    mentions, rejected = gp.analyse(text)
    shorts = {"إربل", "مرددين", "الهملايا"}
    assert not shorts & {m.text for m in mentions}
    assert shorts & {r.text for r in rejected}
