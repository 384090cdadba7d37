"""The passage panel's document: passages grouped by article, mentions highlighted.

Non-Qt; returns the HTML subset Qt's rich-text widgets understand. Every piece of article
text, title and place name goes through ``html.escape``: text is data, never markup.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from explorer.query import PassageHit
from gazetteer.model import Mention

HIGHLIGHT = "background-color:#ffe08a; font-weight:bold;"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def highlighted(hit: PassageHit) -> str:
    """The passage as escaped HTML with its mentions wrapped in highlight spans."""
    p = hit.passage
    out: list[str] = []
    pos = p.start
    for m in sorted(hit.mentions, key=lambda m: m.start):
        start, end = max(m.start, pos), min(m.end, p.end)
        if start >= end:
            continue
        out.append(_e(p.text[pos - p.start:start - p.start]))
        out.append(f'<span style="{HIGHLIGHT}">{_e(p.text[start - p.start:end - p.start])}</span>')
        pos = end
    out.append(_e(p.text[pos - p.start:]))
    return "".join(out)


def article_heading(hit: PassageHit) -> str:
    a = hit.article
    # File name and date first: after Arabic text, digits would be reordered with it.
    meta = [x for x in (a.doc, _date(a.published), a.outlet) if x]
    title = (
        f'<h3 dir="rtl" align="right">{_e(a.title)}</h3>'
        if a.title
        else f'<h3 dir="ltr" align="right">{_e(a.doc)}</h3>'
    )
    # Left-to-right so that the file name and the date keep their order; right-aligned.
    return title + f'<p dir="ltr" align="right" style="color:#666;">{_e(" · ".join(meta))}</p>'


def _date(iso: str | None) -> str | None:
    return iso.replace("T", " ") if iso else None


def explanation_html(mentions: Sequence[Mention]) -> str:
    """Why the geoparser chose this place: its reasons, confidence and runner-up candidates."""
    if not mentions:
        return ""
    reasons = Counter(m.reason for m in mentions if m.reason)
    low = min(m.confidence for m in mentions)
    high = max(m.confidence for m in mentions)
    conf = f"{low:.2f}" if abs(high - low) < 0.005 else f"{low:.2f}–{high:.2f}"
    rivals: dict[str, str] = {}
    for m in mentions:
        for c in m.alternatives:
            if c.place.id != m.place.id:
                rivals.setdefault(c.place.id, f"{c.place.name} ({c.place.country or c.place.kind})")
    lines = [f"<b>Why this place</b> (confidence {_e(conf)}):"]
    lines += [f"• {_e(r)}" + (f" ×{n}" if n > 1 else "") for r, n in reasons.most_common(4)]
    if rivals:
        lines.append("Other candidates: " + _e(", ".join(list(rivals.values())[:5])))
    return '<p style="color:#444; font-size:small;">' + "<br/>".join(lines) + "</p>"


def header_html(
    heading: str, heading_ar: str = "", summary: str = "", explanation: str = ""
) -> str:
    """The panel's headings. The English and Arabic headings are separate lines: mixed in one
    line, the bidirectional algorithm would reorder the words around the Arabic name."""
    parts = [f'<h2 dir="ltr">{_e(heading)}</h2>']
    if heading_ar:
        parts.append(f'<h2 dir="rtl" align="right">{_e(heading_ar)}</h2>')
    if summary:
        parts.append(f'<p dir="ltr">{_e(summary)}</p>')
    parts.append(explanation)
    return "".join(parts)


def hits_html(hits: Sequence[PassageHit], after_doc: str | None = None) -> str:
    """Passages grouped by article, each article under its heading; ``after_doc`` is the
    article the previous page ended with (its passages continue without a new heading)."""
    parts: list[str] = []
    for doc, group in groupby(hits, key=lambda h: h.article.doc):
        items = list(group)
        if doc != after_doc:
            if after_doc is not None:
                parts.append("<hr/>")
            parts.append(article_heading(items[0]))
        after_doc = doc
        for hit in items:
            caption = hit.passage.kind == "caption"
            style = ' style="font-style:italic; color:#444;"' if caption else ""
            parts.append(f'<p dir="rtl" align="right"{style}>{highlighted(hit)}</p>')
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
