"""Passages: one line each, trimmed spans into the decoded text, and their kinds."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.article import PASSAGE_KINDS
from explorer.corpus import article_from_text
from explorer.furniture import analyse_page
from explorer.passages import split_passages
from tests.conftest import SEEDS


def _check_spans(text: str) -> None:
    page = analyse_page(text)
    passages = split_passages(text)
    spans = [(p.start, p.end) for p in passages] + [(f.start, f.end) for f in page.furniture]
    for (_, end), (start, _) in pairwise(sorted(spans)):
        assert end <= start  # no overlap, furniture and passages included
    for p in passages:
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == p.text
        assert p.text == p.text.strip()
        assert "\n" not in p.text
        assert p.kind in PASSAGE_KINDS
    assert [p.start for p in passages] == sorted(p.start for p in passages)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_passages_are_trimmed_lines_of_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _check_spans(text)
    article = article_from_text(path.name, path, text)
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    furniture = {text[f.start : f.end] for f in article.furniture}
    for line in lines:  # every non-empty line is a passage or furniture
        assert line in furniture or any(p.text == line for p in article.passages)


def test_kinds() -> None:
    text = (
        "  سدود المغرب العربي تفقد نصف مخزونها  \n"
        "\n"
        "الرباط -\n"
        "قالت وزارة التجهيز إن نسبة ملء السدود بلغت أدنى مستوى لها منذ عقد، وفق بيان رسمي.\n"
        "سد جاف قرب مراكش/ رويترز\n"
        "سد آخر في الجنوب، الأناضول\n"
        "صورة من الأرشيف لبحيرة السد\n"
        "أزمة تتفاقم\n"
        "وأضاف: \"سنلجأ إلى تحلية مياه البحر\".\n"
    )
    passages = split_passages(text)
    assert [(p.text, p.kind) for p in passages] == [
        ("سدود المغرب العربي تفقد نصف مخزونها", "title"),
        ("الرباط -", "heading"),
        ("قالت وزارة التجهيز إن نسبة ملء السدود بلغت أدنى مستوى لها منذ عقد، وفق بيان رسمي.",
         "paragraph"),
        ("سد جاف قرب مراكش/ رويترز", "caption"),
        ("سد آخر في الجنوب، الأناضول", "caption"),
        ("صورة من الأرشيف لبحيرة السد", "caption"),
        ("أزمة تتفاقم", "heading"),
        ("وأضاف: \"سنلجأ إلى تحلية مياه البحر\".", "paragraph"),
    ]
    assert passages[0].start == 2


def test_seed_kinds() -> None:
    path = SEEDS / "003_ce9a9260fbf79b5c.txt"
    article = article_from_text(path.name, path, path.read_text(encoding="utf-8"))
    kinds = [(p.kind, p.text[:12]) for p in article.passages[:4]]
    assert kinds == [
        ("title", "لأول مرة منذ"),
        ("caption", "العلمان الرو"),
        ("heading", "واشنطن -"),
        ("paragraph", "التقى رئيسا "),
    ]
    assert article.title.startswith("لأول مرة منذ عامين")


def test_title_less_article_has_no_title_passage() -> None:
    path = SEEDS / "004_9412c23b2f0a156d.txt"
    article = article_from_text(path.name, path, path.read_text(encoding="utf-8"))
    assert article.title == ""
    assert {p.kind for p in article.passages} == {"paragraph"}
    assert article.passages[0].start == 1  # after the leading blank line


def test_invisible_marks_and_odd_spaces_are_trimmed() -> None:
    text = "\ufeff\u200fعنوان الخبر\u200f\u00a0\n\t فقرة أولى من الخبر. \u200b\n"
    passages = split_passages(text)
    assert [p.text for p in passages] == ["عنوان الخبر", "فقرة أولى من الخبر."]
    for p in passages:
        assert text[p.start : p.end] == p.text


def test_empty_and_blank_text() -> None:
    assert split_passages("") == ()
    assert split_passages("\n \n\t\n") == ()


_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهوية ءأإآىئؤ") + list("ًٌٍَُِّْـ") + list("abcXYZ 0123456789")
    + list(".,:;-/|›»()*©") + ["\n", "\n", "\n", "\r", "\t", "\u00a0", "\u200f", "\ufeff", "\x00"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=400).map("".join))
def test_any_text_splits_into_valid_spans(text: str) -> None:
    _check_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check_spans(text)
