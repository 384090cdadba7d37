"""The passage panel's document: passages grouped by article, mentions highlighted.

Non-Qt; returns the HTML subset Qt's rich-text widgets understand. Every piece of article
text, title and place name goes through ``html.escape``: text is data, never markup.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from explorer.filenames import readable
from explorer.language import direction
from explorer.mention_style import TOPONYM, mention_style
from explorer.query import PassageHit
from explorer.search import highlights
from gazetteer.model import Mention
from gazetteer.reasons import Reason, text_of

#: A place's name (``explorer.mention_style``; a demonym has the reader's style too).
HIGHLIGHT = TOPONYM
#: What the search found: green, underlined (inside a place name too, over its amber).
SEARCH_HIT = "background-color:#b8ecb0; text-decoration:underline;"
#: A mention's link: the highlight says it is a place; underlined, not in link blue.
LINK = "color:#1a1a1a; text-decoration:underline;"
TEXT = "#1a1a1a"
CAPTION = "#444444"
#: The characters of one passage shown at most: a passage of megabytes (one line naming a
#: place a million times) is shown by its beginning and a note of what is left out, so a
#: view's HTML is bounded (page size × this, plus the mentions' markup).
PASSAGE_CHARS = 5_000
#: No italic here or for captions: Arabic is never slanted (a slanted face may lack Arabic).
NOTE = "color:#666666;"


def more_note(mentions: int, chars: int) -> str:
    """The note after a passage shown in part (English; the window passes its own)."""
    return f"… not shown: {mentions:,} more mentions, {chars:,} more characters"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def marked(text: str, start: int, end: int, found: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` escaped, what the search found in it (``found``: spans of
    ``text``, in order) wrapped in ``SEARCH_HIT`` spans."""
    out: list[str] = []
    pos = start
    for s, e in found:
        s, e = max(s, pos), min(e, end)
        if s >= e:
            continue
        out.append(_e(text[pos:s]))
        out.append(f'<span style="{SEARCH_HIT}">{_e(text[s:e])}</span>')
        pos = e
    out.append(_e(text[pos:end]))
    return "".join(out)


def highlighted(
    hit: PassageHit, row: int | None = None, color: str = TEXT,
    more: Callable[[int, int], str] = more_note, query: str = "",
) -> str:
    """The passage as escaped HTML with its mentions wrapped in highlight spans, and every
    word or phrase the search ``query`` found in ``SEARCH_HIT`` spans.

    With ``row`` (the hit's row in the panel), the passage is clickable: each mention is a
    link ``place:ROW:K`` (``hit.mentions[K]``), the rest of the text links to ``passage:ROW``.
    At most ``PASSAGE_CHARS`` characters are shown, then ``more(mentions, chars)`` says what
    was left out (with the mentions the query left out, ``hit.more``).
    """
    p = hit.passage
    out: list[str] = []
    pos = p.start
    end_shown = p.start + min(len(p.text), PASSAGE_CHARS)
    hidden = hit.more
    found = highlights(p.text[:end_shown - p.start], query) if query else []

    def plain(start: int, end: int) -> None:
        if start >= end:
            return
        text = marked(p.text, start - p.start, end - p.start, found)
        if row is None:
            out.append(text)
        else:
            out.append(f'<a href="passage:{row}" style="color:{color}; text-decoration:none;">'
                       f"{text}</a>")

    for k, m in sorted(enumerate(hit.mentions), key=lambda km: km[1].start):
        start, end = max(m.start, pos), min(m.end, p.end)
        if end > end_shown:
            hidden += 1
            continue
        if start >= end:
            continue
        plain(pos, start)
        inner = marked(p.text, start - p.start, end - p.start, found)
        span = f'<span style="{mention_style(m.type)}">{inner}</span>'
        if row is not None:
            span = f'<a href="place:{row}:{k}" style="{LINK}">{span}</a>'
        out.append(span)
        pos = end
    plain(pos, end_shown)
    if hidden or end_shown < p.end:
        out.append(f' <span style="{NOTE}">{_e(more(hidden, p.end - end_shown))}</span>')
    return "".join(out)


def article_heading(hit: PassageHit, row: int | None = None, open_label: str = "") -> str:
    """The article's title and file · date · outlet; with ``row`` and ``open_label``, a link
    ``article:ROW`` that opens the article in the reader."""
    a = hit.article
    # File name and date first: after Arabic text, digits would be reordered with it.
    name = readable(a.doc)  # a file name's bytes that are not UTF-8 read as cp1256
    meta = document_meta(name, a.published, a.outlet, a.author, a.format,
                         a.language)
    d = direction(a.title, a.language) if a.title else "rtl"
    title = (
        f'<h3 dir="{d}" align="{"right" if d == "rtl" else "left"}">{_e(a.title)}</h3>'
        if a.title
        else f'<h3 dir="ltr" align="right">{_e(name)}</h3>'
    )
    link = (f' · <a href="article:{row}">{_e(open_label)}</a>'
            if row is not None and open_label else "")
    # Left-to-right so that the file name and the date keep their order; right-aligned.
    return title + f'<p dir="ltr" align="right" style="color:#666;">{_e(" · ".join(meta))}' \
        f"{link}</p>"


def _date(iso: str | None) -> str | None:
    return iso.replace("T", " ") if iso else None


def document_meta(doc: str, published: str | None, outlet: str | None, author: str | None,
                  fmt: str, language: str | None) -> list[str]:
    """What the heading of an article says of it: file, date, outlet, author, and its format
    unless it is plain text, with its language (``explorer.language``)."""
    lang = f"({language})" if language else ""
    kind = lang if fmt == "txt" else fmt.upper() + (f" {lang}" if lang else "")
    return [x for x in (doc, _date(published), outlet, author, kind) if x]


def page_marker(page: int | None, label: str) -> str:
    """A small line before the first passage of a PDF page (``label``: "page {n}")."""
    if page is None or not label:
        return ""
    return (f'<p dir="ltr" align="right" style="color:#888888; font-size:small;">'
            f"{_e(label.replace('{n}', str(page)))}</p>")


@dataclass(frozen=True, slots=True)
class ExplanationText:
    """The words around the geoparser's reasons, and the reasons themselves, in the
    interface's language (English here; the window passes its translations)."""

    title: str = "Why this place"
    confidence: str = "confidence {value}"
    others: str = "Other candidates: {places}"
    reason: Callable[[tuple[Reason, ...]], str] = text_of
    rtl: bool = False  # laid out right to left (the Arabic interface)


def explanation_html(
    mentions: Sequence[Mention], words: ExplanationText | None = None, rtl: bool = False
) -> str:
    """Why the geoparser chose this place: its reasons, confidence and runner-up candidates
    (``rtl``: laid out right to left, for the Arabic interface)."""
    w = words or ExplanationText()
    rtl = rtl or w.rtl
    if not mentions:
        return ""
    reasons = Counter(w.reason(m.reasons) for m in mentions if m.reasons)
    low = min(m.confidence for m in mentions)
    high = max(m.confidence for m in mentions)
    conf = f"{low:.2f}" if abs(high - low) < 0.005 else f"{low:.2f}–{high:.2f}"
    rivals: dict[str, str] = {}
    for m in mentions:
        for c in m.alternatives:
            if c.place.id != m.place.id:
                rivals.setdefault(c.place.id, f"{c.place.name} ({c.place.country or c.place.kind})")
    lines = [f"<b>{_e(w.title)}</b> ({_e(w.confidence.replace('{value}', conf))})"
             + ("" if rtl else ":")]
    lines += [f"• {_e(r)}" + (f" ×{n}" if n > 1 else "") for r, n in reasons.most_common(4)]
    if rivals:
        lines.append(_e(w.others.replace("{places}", ", ".join(list(rivals.values())[:5]))))
    where = ' dir="rtl" align="right"' if rtl else ' dir="ltr"'
    return f'<p{where} style="color:#444; font-size:small;">' + "<br/>".join(lines) + "</p>"


def header_html(
    heading: str, heading_ar: str = "", summary: str = "", explanation: str = "",
    rtl: bool = False,
) -> str:
    """The panel's headings. The English and Arabic headings are separate lines: mixed in one
    line, the bidirectional algorithm would reorder the words around the Arabic name. With
    ``rtl`` (the Arabic interface) the Arabic heading comes first and everything is laid out
    right to left."""
    # Without an Arabic name the heading is the interface's own words (Arabic there).
    way = ("ltr" if heading_ar else "rtl") if rtl else "ltr"
    side = ' align="right"' if rtl else ""
    english = f'<h2 dir="{way}"{side}>{_e(heading)}</h2>'
    arabic = f'<h2 dir="rtl" align="right">{_e(heading_ar)}</h2>' if heading_ar else ""
    parts = [arabic, english] if rtl else [english, arabic]
    if summary:
        parts.append(f'<p dir="rtl" align="right">{_e(summary)}</p>' if rtl
                     else f'<p dir="ltr">{_e(summary)}</p>')
    parts.append(explanation)
    return "".join(parts)


def hits_html(
    hits: Sequence[PassageHit],
    after_doc: str | None = None,
    first_row: int | None = None,
    open_label: str = "",
    more: Callable[[int, int], str] = more_note,
    query: str = "",
    page_label: str = "page {n}",
) -> str:
    """Passages grouped by article, each article under its heading; ``after_doc`` is the
    article the previous page ended with (its passages continue without a new heading).

    With ``first_row`` (the row of ``hits[0]`` in the panel), passages and mentions are links
    (see ``highlighted``) and each heading links to its article (``open_label``); what the
    search ``query`` found is marked. A passage on another PDF page than the one before it is
    preceded by ``page_label`` ("page {n}")."""
    parts: list[str] = []
    row = first_row
    page: int | None = None
    for doc, group in groupby(hits, key=lambda h: h.article.doc):
        items = list(group)
        if doc != after_doc:
            if after_doc is not None:
                parts.append("<hr/>")
            parts.append(article_heading(items[0], row, open_label))
            page = None
        after_doc = doc
        for hit in items:
            if hit.passage.page != page:
                page = hit.passage.page
                parts.append(page_marker(page, page_label))
            caption = hit.passage.kind == "caption"
            style = f' style="color:{CAPTION};"' if caption else ""
            text = highlighted(hit, row, CAPTION if caption else TEXT, more, query)
            # Each passage in its own direction: an English one of an Arabic article, or in
            # an Arabic interface, reads left to right (and the reverse).
            d = direction(hit.passage.text, hit.article.language)
            parts.append(f'<p dir="{d}" align="{"right" if d == "rtl" else "left"}"{style}>'
                         f"{text}</p>")
            row = None if row is None else row + 1
    return "".join(parts)


def passages_html(
    hits: Sequence[PassageHit],
    heading: str,
    empty: str,
    explanation: str = "",
    heading_ar: str = "",
    summary: str = "",
) -> str:
    """The whole panel: the headings, then each article's passages, or ``empty`` if none."""
    body = hits_html(hits) if hits else f"<p>{_e(empty)}</p>"
    return "<html><body>" + header_html(heading, heading_ar, summary, explanation) + body + \
        "</body></html>"
