from __future__ import annotations

from gazetteer.normalize import fold, normalize, words


def test_hamza_alif_maqsura_ta_marbuta_fold() -> None:
    assert fold("أإآٱ") == "اااا"
    assert fold("مصطفى") == "مصطفي"
    assert fold("مدينة") == "مدينه"
    assert fold("مسؤول") == "مسوول"


def test_diacritics_tatweel_and_invisible_characters_vanish() -> None:
    assert fold("أفْغَانِسْتَانُ") == "افغانستان"
    assert fold("روســـيا") == "روسيا"
    assert fold("رو\u200bسيا\u200f") == "روسيا"


def test_exotic_spaces_become_plain_spaces_but_newlines_stay() -> None:
    assert fold("آسيا\u00a0الوسطى\nx") == "اسيا الوسطي\nx"


def test_persian_letter_forms_and_presentation_forms() -> None:
    assert fold("کی") == "كي"
    assert fold("\ufefb") == "لا"  # lam-alif ligature


def test_offsets_map_back_to_original() -> None:
    text = "في أفْغَانِسْتَانَ اليوم"
    n = normalize(text)
    s = n.text.index("افغانستان")
    start, end = n.span(s, s + len("افغانستان"))
    assert text[start:end] == "أفْغَانِسْتَانَ"


def test_latin_case_is_kept() -> None:
    assert words("Geneva and geneva") == ["Geneva", "and", "geneva"]


def test_fold_is_idempotent() -> None:
    for s in ["أَمْرِيكَا", "ﻻ", "x\u00a0y", "مدينة"]:
        assert fold(fold(s)) == fold(s)
