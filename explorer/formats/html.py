"""Saved web pages (``.html``, ``.htm``, ``.mhtml``) through trafilatura: the article's main
text without menus, comments and footers, with the page's title, publication date, author,
site name and canonical URL. The language is the page's ``<html lang>``. When trafilatura
finds no main text (a very short page), the whole page's text is kept.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
from email.message import EmailMessage

from explorer.formats.base import Extracted, FormatError, Limits
from explorer.formats.text import html_to_text, iso_date, tidy

FORMAT = "html"
SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml", ".mht")

_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def read(data: bytes, limits: Limits) -> list[Extracted]:
    if data.lstrip()[:200].lower().startswith((b"from:", b"mime-version", b"content-type")) \
            or b"multipart/related" in data[:4096].lower():
        html, url = _from_mhtml(data)
        return [page(html, url=url, fmt="mhtml")]
    return [page(data)]


def page(html: bytes | str, url: str | None = None, fmt: str = FORMAT) -> Extracted:
    """One HTML page to an article (also for the HTML parts of e-mails and feeds' pages)."""
    import trafilatura

    raw = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    try:
        doc = trafilatura.bare_extraction(
            raw, url=url, with_metadata=True, include_comments=False, include_tables=True,
            deduplicate=False,
            # the publication date (not the last modification), with its time when stated
            date_extraction_params={"original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S"})
    except Exception as exc:  # lxml/trafilatura raise many kinds on broken markup
        raise FormatError(f"unreadable web page ({type(exc).__name__})") from None
    if isinstance(doc, dict):  # as_dict=True was not asked for: never, but typed so
        raise FormatError("unreadable web page")
    lang = _LANG.search(raw[:20000])
    language = lang.group(1).decode("ascii").lower() if lang else None
    if doc is None or not (doc.text or "").strip():
        text = html_to_text(raw.decode("utf-8", "replace"))
        title = ""
        m = re.search(rb"<title[^>]*>(.*?)</title>", raw[:100000], re.I | re.S)
        if m:
            title = " ".join(html_to_text(m.group(1).decode("utf-8", "replace")).split())
        return Extracted(text=_with_title(title, text), format=fmt, title=title, url=url,
                         language=language)
    title = " ".join((doc.title or "").split())
    return Extracted(
        text=_with_title(title, tidy(doc.text or "")), format=fmt, title=title,
        published=iso_date(doc.date), author=doc.author or None,
        outlet=doc.sitename or doc.hostname or None, url=doc.url or url, language=language)


def _with_title(title: str, text: str) -> str:
    """The title as the text's first line (the reader shows it, the geoparser reads it)."""
    if title and not text.startswith(title):
        return f"{title}\n\n{text}"
    return text


def _from_mhtml(data: bytes) -> tuple[bytes, str | None]:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    url = msg.get("Snapshot-Content-Location")
    for part in msg.walk():
        if part.get_content_type() == "text/html" and isinstance(part, EmailMessage):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, str(url or part.get("Content-Location") or "") or None
    raise FormatError("saved web page (MHTML) without an HTML part")
