"""The passage panel's HTML: escaped text, highlighted mentions, grouping, the explanation."""

from __future__ import annotations

from pathlib import Path

from explorer.article import Article, Passage
from explorer.memory_index import PassageHit
from explorer.passage_view import explanation_html, highlighted, passages_html
from gazetteer.model import Candidate, Mention, Place
from gazetteer.reasons import Reason, ReasonCode

PLACE = Place("gn:1", "Helsinki", "هلسنكي", "city", 60.17, 24.94, "FI", 1, 558457, True)
RIVAL = Place("gn:2", "Helsinki <b>Town</b>", "هلسنكي", "city", 40.0, -80.0, "US", 2, 900)


def hit(text: str, name: str, title: str = "عنوان") -> PassageHit:
    start = text.index(name)
    article = Article(doc="a.txt", path=Path("a.txt"), text=text, title=title)
    passage = Passage(0, len(text), text)
    mention = Mention(start, start + len(name), name, "toponym", PLACE, 0.9,
                      (Reason(ReasonCode.CAPITAL),),
                      (Candidate(PLACE, 3.0), Candidate(RIVAL, 1.0)))
    return PassageHit(article, passage, (mention,))


def test_mention_is_highlighted_and_text_escaped() -> None:
    h = hit('<script>x()</script> اجتماع في هلسنكي & "غيرها"', "هلسنكي")
    out = highlighted(h)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '">هلسنكي</span>' in out
    assert "&amp;" in out and "&quot;" in out


def test_passages_grouped_by_article_with_escaped_title() -> None:
    h = hit("اجتماع في هلسنكي", "هلسنكي", title="<img src=x onerror=alert(1)>")
    page = passages_html([h, h], "Helsinki", "none")
    assert page.count("<h3") == 1
    assert "<img" not in page and "&lt;img src=x" in page


def test_explanation_names_reasons_and_rivals_escaped() -> None:
    h = hit("اجتماع في هلسنكي", "هلسنكي")
    out = explanation_html(list(h.mentions))
    assert "a national capital" in out and "0.90" in out
    assert "Helsinki &lt;b&gt;Town&lt;/b&gt; (US)" in out
    assert explanation_html([]) == ""


def test_with_rows_mentions_and_passages_are_links() -> None:
    from explorer.passage_view import hits_html

    h = hit('<b>x</b> اجتماع في هلسنكي ثم عودة', "هلسنكي")
    out = hits_html([h, h], None, 7, "Open <article>")
    assert out.count('href="place:7:0"') == 1 and out.count('href="place:8:0"') == 1
    assert 'href="passage:7"' in out and 'href="passage:8"' in out
    assert out.count('href="article:7"') == 1 and "Open &lt;article&gt;" in out
    assert "<b>" not in out and "&lt;b&gt;x&lt;/b&gt;" in out
    # Without rows (exports, tests), no links.
    assert "href" not in hits_html([h])
