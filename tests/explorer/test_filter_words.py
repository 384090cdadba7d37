"""A filter in words (the HTML map's heading) and the file names proposed from it."""

from __future__ import annotations

from explorer.filter_words import MAX_NAME_CHARS, file_stem, filter_lines
from explorer.query import ALL_TYPES, Filter


def test_a_filter_in_words_in_the_chips_order() -> None:
    assert filter_lines(Filter()) == []
    f = Filter(countries=frozenset({"SY", "LB"}), kinds=frozenset({"city"}), types=ALL_TYPES,
               date_from="2021-01-01", min_confidence=0.5, text="حلب", doc="a.txt",
               outlets=frozenset({"BBC"}), formats=frozenset({"pdf"}))
    assert filter_lines(f) == ["country LB", "country SY", "only city",
                               "place names and demonyms", "from 2021-01-01",
                               "confidence ≥ 0.50", "“حلب”", "article a.txt", "outlet BBC",
                               "PDF files"]


def test_a_proposed_file_name_is_one_safe_name() -> None:
    assert file_stem("seeds", ["Tajikistan (TJ)"]) == "seeds-Tajikistan-TJ"
    assert file_stem("أخبار", ["“حلب”"]) == "أخبار-حلب"
    hostile = file_stem("../..", ["/etc/passwd", "a\\b", "x\0y", ".hidden", "C:"])
    assert "/" not in hostile and "\\" not in hostile and "\0" not in hostile
    assert "." not in hostile and ":" not in hostile and not hostile.startswith("-")
    assert file_stem("", []) == "explorer" == file_stem("...", ["///"])
    assert len(file_stem("x" * 500, ["y" * 500])) <= MAX_NAME_CHARS
