"""RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``): each entry an article with its link
and date. Parsed with defusedxml: a feed that declares entities (the "billion laughs" and
external-entity attacks) is refused, never expanded.

Entry text: ``content:encoded``, Atom ``content``, else the description or summary (HTML
turned to text). Title, link (the URL), ``pubDate``/``published``/``updated``/``dc:date``,
author (``author``, ``dc:creator``); the feed's own title is the outlet and its
``language``/``xml:lang`` the language.
"""

from __future__ import annotations

from typing import Any

from explorer.formats.base import Extracted, FormatError, Limits
from explorer.formats.text import html_to_text, iso_date, tidy

_ATOM = "{http://www.w3.org/2005/Atom}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read(data: bytes, limits: Limits) -> list[Extracted]:
    import defusedxml.ElementTree as ET
    from defusedxml import DefusedXmlException

    try:
        root = ET.fromstring(data)
    except DefusedXmlException:
        raise FormatError("XML with entity declarations (possible entity-expansion attack), "
                          "refused") from None
    except ET.ParseError as exc:
        raise FormatError(f"damaged XML ({exc})") from None
    tag = _local(root.tag)
    if tag == "rss" or tag == "RDF":
        channel = root.find("channel")
        items = (channel.findall("item") if channel is not None else []) or root.findall(
            "{http://purl.org/rss/1.0/}item")
        meta = channel if channel is not None else root
        outlet = _text(meta, "title")
        lang = _text(meta, "language") or _text(meta, f"{_DC}language")
        entries = [_rss_item(i) for i in items]
    elif tag == "feed":
        outlet = _text(root, f"{_ATOM}title")
        lang = root.get(_XML_LANG)
        entries = [_atom_entry(e) for e in root.findall(f"{_ATOM}entry")]
    else:
        raise FormatError(f"XML but not an RSS or Atom feed (root element <{tag}>), skipped")
    out: list[Extracted] = []
    for n, (title, body, url, date, author) in enumerate(entries[:limits.max_members], 1):
        text = tidy(f"{title}\n\n{body}" if title and not body.startswith(title) else body)
        if not text:
            continue
        out.append(Extracted(
            text=text, format="feed", part=str(n), title=title, published=iso_date(date),
            author=author or None, outlet=outlet or None, url=url or None,
            language=lang or None))
    if len(entries) > limits.max_members and out:
        out[0].notes.append(f"only the first {limits.max_members} entries read")
    if not out:
        raise FormatError("feed without entries")
    return out


Entry = tuple[str, str, str, str, str]


def _rss_item(item: Any) -> Entry:
    body = _text(item, f"{_CONTENT}encoded") or _text(item, "description")
    return (" ".join(_text(item, "title").split()), html_to_text(body), _text(item, "link"),
            _text(item, "pubDate") or _text(item, f"{_DC}date"),
            _text(item, "author") or _text(item, f"{_DC}creator"))


def _atom_entry(entry: Any) -> Entry:
    body = _text(entry, f"{_ATOM}content") or _text(entry, f"{_ATOM}summary")
    link = ""
    for el in entry.findall(f"{_ATOM}link"):
        if el.get("rel", "alternate") == "alternate":
            link = el.get("href", "")
            break
    author = entry.find(f"{_ATOM}author")
    return (" ".join(html_to_text(_text(entry, f"{_ATOM}title")).split()), html_to_text(body),
            link, _text(entry, f"{_ATOM}published") or _text(entry, f"{_ATOM}updated"),
            _text(author, f"{_ATOM}name") if author is not None else "")


def _text(el: Any, path: str) -> str:
    found = el.find(path)
    return "".join(found.itertext()).strip() if found is not None else ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
