from __future__ import annotations

from gazetteer import Geoparser


def found(gp: Geoparser, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.place.name) for m in gp.parse(text)]


def test_proclitics_are_outside_the_span(mini: Geoparser) -> None:
    text = "عاد إلى بأفغانستان فأمريكا ولروسيا"
    ms = mini.parse(text)
    assert [m.text for m in ms] == ["أفغانستان", "أمريكا", "روسيا"]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_lil_before_article_keeps_the_name_without_elided_alif(mini: Geoparser) -> None:
    text = "قال إن للولايات المتحدة مصالح"
    (m,) = mini.parse(text)
    assert m.text == "ولايات المتحدة"
    assert m.place.name == "United States"


def test_multiword_longest_match(mini: Geoparser) -> None:
    text = "في الولايات المتحدة الأمريكية وآسيا الوسطى"
    assert found(mini, text) == [
        ("الولايات المتحدة الأمريكية", "toponym", "United States"),
        ("آسيا الوسطى", "toponym", "Central Asia"),
    ]


def test_names_match_only_whole_words(mini: Geoparser) -> None:
    assert found(mini, "روسياتي جنيفات") == []


def test_demonyms_are_typed_demonym(mini: Geoparser) -> None:
    got = found(mini, "قال المسؤول الروسي إن الروس والأمريكيين اتفقوا")
    assert got == [
        ("الروسي", "demonym", "Russia"),
        ("الروس", "demonym", "Russia"),
        ("الأمريكيين", "demonym", "United States"),
    ]


def test_person_after_given_name_or_title_is_not_a_place(mini: Geoparser) -> None:
    assert found(mini, "التقى لويد أوستن بالوزير") == []
    assert found(mini, "وقال الجنرال أوستن إن أوستن سيزور") == []


def test_organisation_and_direction_are_not_places(mini: Geoparser) -> None:
    assert found(mini, "في مصنع جنيف للسيارات") == []
    assert found(mini, "صحيفة واشنطن بوست") == []


def test_common_word_needs_a_cue_or_its_country(mini: Geoparser) -> None:
    assert found(mini, "نشرت صور جديدة") == []
    assert found(mini, "في مدينة صور") == [("صور", "toponym", "Tyre")]
    assert found(mini, "زار لبنان ثم صور") == [
        ("لبنان", "toponym", "Lebanon"),
        ("صور", "toponym", "Tyre"),
    ]
    assert found(mini, "الدعم المالي") == []


def test_state_cue_picks_the_state(mini: Geoparser) -> None:
    ms = mini.parse("في ولاية جورجيا الأمريكية")
    assert ms[0].place.kind == "admin1"
    assert "state" in ms[0].reason


def test_neighbours_pick_the_country(mini: Geoparser) -> None:
    (_kz, ge) = mini.parse("السفير في كازاخستان وجورجيا")
    assert ge.place.kind == "country" and ge.place.country == "GE"
    assert ge.alternatives and ge.alternatives[0].place.kind == "admin1"


def test_washington_is_the_capital_unless_the_state_is_meant(mini: Geoparser) -> None:
    (m,) = mini.parse("أعلنت واشنطن")
    assert m.place.name == "Washington, D.C."
    (m,) = mini.parse("في ولاية واشنطن")
    assert m.place.kind == "admin1"


def test_saint_petersburg_in_russia(mini: Geoparser) -> None:
    ms = mini.parse("بالقرب من سان بطرسبرغ في روسيا")
    assert ms[0].place.country == "RU"
    assert 0 < ms[0].confidence <= 1


def test_spans_restrict_where_names_are_found(mini: Geoparser) -> None:
    text = "روسيا\nاقرأ أيضا: جنيف\nهلسنكي"
    start = text.index("هلسنكي")
    ms = mini.parse(text, [(0, 5), (start, len(text))])
    assert [m.text for m in ms] == ["روسيا", "هلسنكي"]


def test_latin_names_with_case(mini: Geoparser) -> None:
    assert found(mini, "talks in Geneva, not geneva") == [("Geneva", "toponym", "Geneva")]
    assert found(mini, "The Washington Post said") == []
