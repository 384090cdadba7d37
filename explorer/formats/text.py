"""Helpers the readers share: HTML fragments to text, dates to ISO 8601, Arabic glyphs."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from email.utils import parsedate_to_datetime

from explorer.decode import normalise_newlines

#: HTML elements that end a line of text.
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
    "article", "header", "footer", "pre", "table", "ul", "ol", "dd", "dt", "figcaption",
})
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_BLANKS = re.compile(r"\n{3,}")
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def tidy(text: str) -> str:
    """LF line ends, lines trimmed, at most one blank line in a row."""
    lines = (ln.strip() for ln in normalise_newlines(text).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def unshape(text: str) -> str:
    """Arabic presentation forms (the shaped glyphs some PDFs store) to plain letters (NFKC of
    those characters only: the rest of the text is left as it is)."""
    if not _PRESENTATION.search(text):
        return text
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry, an e-mail's HTML part), one line per block."""
    import lxml.etree
    import lxml.html

    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors have no common base class worth naming
        return tidy(re.sub(r"<[^>]+>", " ", fragment))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if event == "start":
            if el.text:
                parts.append(el.text)
        elif el is not root and el.tail:
            parts.append(el.tail)
    return tidy("".join(parts))


def iso_date(value: str | datetime | None) -> str | None:
    """A date as the document states it (ISO 8601, RFC 2822 as in e-mail and RSS, PDF's
    ``D:YYYYMMDDHHmmSS``) to ISO 8601 ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _fmt(value)
    s = value.strip()
    if not s:
        return None
    try:
        return _fmt(datetime.fromisoformat(s.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _fmt(parsedate_to_datetime(s))
    except (TypeError, ValueError, IndexError):
        pass
    m = _PDF_DATE.match(s)
    if m and m.group(2):
        y, mo, d, h, mi = (m.group(i) for i in range(1, 6))
        try:
            dt = datetime(int(y), int(mo), int(d or 1), int(h or 0), int(mi or 0))
        except ValueError:
            return None
        return _fmt(dt) if h else dt.date().isoformat()
    return None


def _fmt(dt: datetime) -> str | None:
    if not 1000 <= dt.year <= 9999:
        return None
    if (dt.hour, dt.minute, dt.second) == (0, 0, 0):
        return dt.date().isoformat()
    return dt.strftime("%Y-%m-%dT%H:%M")
