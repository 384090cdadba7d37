"""The reader's document: one whole article with every mention highlighted and clickable.

Non-Qt; returns the HTML subset Qt's rich-text widgets understand. Toponyms (a place's name)
and demonyms (an adjective of it) have distinct styles; each mention is a link
``mention:K`` (``K``: its index in the list given). Every piece of article text, title and
metadata goes through ``html.escape``: text is data, never markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from explorer import mention_style
from explorer.article import Article, Passage
from explorer.filenames import readable
from explorer.language import detect as detect_language
from explorer.language import direction as text_direction
from explorer.mention_style import TEXT
from explorer.passage_view import document_meta, marked, page_marker
from explorer.search import highlights
from gazetteer.model import Mention

#: A place's name and an adjective of a place: the passage panel's styles
#: (``explorer.mention_style``), as links in the text's colour.
TOPONYM = f"{mention_style.TOPONYM} color:{TEXT}; text-decoration:none;"
DEMONYM = f"{mention_style.DEMONYM} color:{TEXT};"
STYLES = {"toponym": TOPONYM, "demonym": DEMONYM}

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Labels:
    """The reader's words, translated by the caller (this module is Qt-free)."""

    toponyms: str = "Place name"
    demonyms: str = "Demonym (adjective of a place)"
    counts: str = ""  # e.g. "12 place names · 3 demonyms"
    stale: str = "The file changed since it was indexed: some mentions are not shown."
    page: str = "page {n}"  # before the first passage of each PDF page


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def direction(text: str, language: str | None = None) -> str:
    """``rtl`` or ``ltr``: that of the text's own language (``explorer.language``: an English
    passage of an Arabic article reads left to right), else of ``language`` (its article's),
    else ``rtl`` when its first strong letter is Arabic."""
    if detect_language(text) is not None or language:
        return text_direction(text, language)
    a, latin = _ARABIC.search(text), _LATIN.search(text)
    if a is None:
        return "ltr"
    return "rtl" if latin is None or a.start() < latin.start() else "ltr"


def placed(article: Article, mentions: Sequence[Mention]) -> list[int]:
    """Indexes of the mentions that still sit where the index says (the file may have changed
    since it was indexed), in text order, without overlaps."""
    out: list[int] = []
    end = -1
    for k in sorted(range(len(mentions)), key=lambda i: (mentions[i].start, i)):
        m = mentions[k]
        if m.start >= end and article.text[m.start:m.end] == m.text and m.end > m.start:
            out.append(k)
            end = m.end
    return out


def _passage_html(p: Passage, mentions: Sequence[Mention], ks: Sequence[int],
                  query: str = "") -> str:
    out: list[str] = []
    pos = p.start
    found = highlights(p.text, query) if query else []

    def text(start: int, end: int) -> str:
        return marked(p.text, start - p.start, end - p.start, found)

    for k in ks:
        m = mentions[k]
        out.append(text(pos, m.start))
        style = STYLES.get(m.type, TOPONYM)
        title = _e(f"{m.place.name} · {m.place.name_ar}")
        out.append(f'<a href="mention:{k}" title="{title}" style="{style}">'
                   f"{text(m.start, m.end)}</a>")
        pos = m.end
    out.append(text(pos, p.end))
    return "".join(out)


def article_html(
    article: Article, mentions: Sequence[Mention], labels: Labels = Labels(), query: str = ""
) -> str:
    """The whole article: title, file · date · outlet, a legend line, then every passage with
    its mentions as links, and what the search ``query`` found marked (``SEARCH_HIT``, as
    in the passage panel)."""
    shown = placed(article, mentions)
    by_passage: dict[int, list[int]] = {}
    for k in shown:
        m = mentions[k]
        for i, p in enumerate(article.passages):
            if p.start <= m.start and m.end <= p.end:
                by_passage.setdefault(i, []).append(k)
                break
    titled = bool(article.passages) and article.passages[0].kind == "title"
    if titled:
        p = article.passages[0]
        head = _block("h2", p.text, _passage_html(p, mentions, by_passage.get(0, ()), query))
    else:
        title = article.title or readable(article.doc)
        head = _block("h2", title, _e(title))
    parts = [head, _meta(article), _legend(labels)]
    page: int | None = article.passages[0].page if titled else None
    if len(shown) < len(mentions):
        parts.insert(0, f'<p dir="ltr" style="color:#8a1c1c;">{_e(labels.stale)}</p>')
    for i, p in enumerate(article.passages):
        if i == 0 and titled:
            continue
        if p.page != page:
            page = p.page
            parts.append(page_marker(page, labels.page))
        body = _passage_html(p, mentions, by_passage.get(i, ()), query)
        style = ' style="color:#555555;"' if p.kind == "caption" else ""
        parts.append(_block("h3" if p.kind == "heading" else "p", p.text, body, style,
                            article.language))
    return "<html><body>" + "".join(parts) + "</body></html>"


def _block(tag: str, text: str, body: str, style: str = "",
           language: str | None = None) -> str:
    d = direction(text, language)
    align = "right" if d == "rtl" else "left"
    return f'<{tag} dir="{d}" align="{align}"{style}>{body}</{tag}>'


def _meta(a: Article) -> str:
    # File name and date first, left to right: after Arabic text, digits would be reordered.
    meta = document_meta(readable(a.doc), a.published, a.outlet, a.author, a.format,
                         a.language)
    url = (f'<br/><span style="color:#666666;">{_e(a.url)}</span>' if a.url else "")
    return f'<p dir="ltr" style="color:#666666;">{_e(" · ".join(meta))}{url}</p>'


def _legend(labels: Labels) -> str:
    counts = f" · {_e(labels.counts)}" if labels.counts else ""
    return (f'<p dir="ltr" style="color:#444444; font-size:small;">'
            f'<span style="{TOPONYM}">{_e(labels.toponyms)}</span> '
            f'<span style="{DEMONYM}">{_e(labels.demonyms)}</span>{counts}</p>')
