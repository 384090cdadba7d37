"""The reader's document: every mention a link in its type's style, text escaped, mentions
that no longer sit where the index says (the file changed) left out and said so."""

from __future__ import annotations

from pathlib import Path

from explorer.article import Article, Passage
from explorer.article_html import DEMONYM, TOPONYM, Labels, article_html, direction, placed
from gazetteer.model import Mention, MentionType, Place

SYRIA = Place("gn:163843", "Syria", "سوريا", "country", 35.0, 38.0, "SY")
DAMASCUS = Place("gn:170654", "Damascus", "دمشق", "city", 33.5, 36.3, "SY")


def article(title: str, body: str) -> Article:
    text = f"{title}\n\n{body}\n"
    start = len(title) + 2
    return Article("a.txt", Path("a.txt"), text, title, "<Outlet>", "2024-01-02T10:00",
                   passages=(Passage(0, len(title), title, "title"),
                             Passage(start, start + len(body), body)))


def mention(a: Article, word: str, place: Place, kind: str = "toponym", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(word, start + 1)
    return Mention(start, start + len(word), word, MentionType(kind), place)


def test_every_mention_is_a_link_in_its_types_style_and_text_is_escaped() -> None:
    a = article("وفد في دمشق <b>", "قال مسؤول سوري {{7*7}} &amp; إن دمشق تستقبل الوفد.")
    ms = [mention(a, "دمشق", DAMASCUS), mention(a, "سوري", SYRIA, "demonym"),
          mention(a, "دمشق", DAMASCUS, nth=1)]
    out = article_html(a, ms, Labels(counts="2 · 1"))
    assert out.count('href="mention:') == 3
    for k in range(3):
        assert f'href="mention:{k}"' in out
    assert out.count(TOPONYM) == 3 and out.count(DEMONYM) == 2  # the legend has one of each
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;amp;" in out and "{{7*7}}" in out
    assert "&lt;Outlet&gt;" in out and "2024-01-02 10:00" in out
    assert '<h2 dir="rtl" align="right">' in out  # the title passage, mentions and all
    assert "file changed" not in out


def test_mentions_that_moved_are_left_out_and_said() -> None:
    a = article("خبر", "وصل الوفد إلى دمشق.")
    good = mention(a, "دمشق", DAMASCUS)
    moved = Mention(good.start + 2, good.end + 2, "دمشق", MentionType.TOPONYM, DAMASCUS)
    overlapping = Mention(good.start, good.end, "دمشق", MentionType.DEMONYM, SYRIA)
    assert placed(a, [moved, good, overlapping]) == [1]
    out = article_html(a, [moved, good, overlapping])
    assert out.count('href="mention:') == 1 and 'href="mention:1"' in out
    assert "The file changed since it was indexed" in out


def test_direction_follows_the_first_strong_letter() -> None:
    assert direction("قال مسؤول The Times") == "rtl"
    assert direction("The Times قال") == "ltr"
    assert direction("2024 · 12") == "ltr"
