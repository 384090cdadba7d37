"""Exports of what the analyst is looking at: GeoJSON, CSV and a portable offline HTML map.

Non-Qt: every function reads an ``IndexReader`` (``explorer.query``) through a ``Filter``, so
the window's menus and ``explorer export`` give the same files for the same filter. (The PNG
of the map is the window's own screenshot: ``explorer.qt.app``.)

- ``places_geojson``: an RFC 7946 FeatureCollection of the places, one Point ``[lon, lat]``
  each, with their counts and references to the passages that mention them (QGIS opens it).
- ``mentions_csv``: one row per mention with its offsets and its context (the passage's text,
  the article's title, date, outlet and file), UTF-8 with a byte order mark and RFC 4180
  quoting, so that Excel shows Arabic text as it is.
- ``offline_map_html``: the standalone map page (``explorer.mapdoc``) with every script,
  stylesheet and image inlined: one file that opens on another machine, with no ``file://``
  path and no remote URL. The data are embedded as ``mapdoc`` embeds them (escaped JSON, never
  seen by a template engine); the assets are put in after the page is rendered, as plain text.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import math
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from explorer.atomic import atomic_write_bytes
from explorer.query import Filter, IndexReader, PlaceSummary

ALL = Filter()
FORMATS = ("geojson", "csv", "html", "png")
#: Passage references listed per place in the GeoJSON (the total is given beside).
MAX_REFS = 50
#: Passages read per query when walking all of them.
_PAGE = 2000

CSV_COLUMNS = ("doc", "start", "end", "text", "type", "place_id", "geonameid", "name",
               "name_ar", "country", "lat", "lon", "confidence",
               # the article's metadata (what the document states, else what its text says)
               "title", "published", "outlet", "author", "url", "language", "format", "page",
               # the context: the passage the mention is in, the file the article is read from
               "passage", "file")
#: Characters of a passage written in a CSV cell (a spreadsheet's cell holds 32,767).
CSV_PASSAGE_CHARS = 5_000
BOM = "\ufeff"
_SURROGATE = re.compile("[\ud800-\udfff]")


class ExportError(Exception):
    """An export that cannot be made as asked (said in one line)."""


@dataclass(frozen=True, slots=True)
class Scope:
    """What an export holds beyond its filter, and what it says about itself."""

    place: str | None = None  # only this place (the selection); None: every place shown
    title: str = ""  # the HTML map's heading ("": ``DEFAULT_TITLE``)
    filter_words: tuple[str, ...] | None = None  # the filter in words (None: ``filter_lines``)
    made: str = ""  # a line saying when and from what it was made
    # the HTML map's own words (``noFilter``, ``more``, ``none``) in the interface's language;
    # () : in English
    words: tuple[tuple[str, str], ...] = ()


EVERYTHING = Scope()
DEFAULT_TITLE = "Places mentioned"


def shown_places(reader: IndexReader, f: Filter, scope: Scope = EVERYTHING
                 ) -> list[PlaceSummary]:
    """The places passing ``f`` (most mentioned first), or only the scope's one; raises
    ``ExportError`` when that one is not shown under ``f``."""
    places = reader.places(f)
    if scope.place is None:
        return places
    only = [s for s in places if s.place.id == scope.place]
    if not only:
        raise ExportError(f"place {scope.place!r} is not shown under this filter")
    return only


# -- GeoJSON ----------------------------------------------------------------------------------


def _coordinate(x: float) -> float:
    return round(x, 6)  # about 10 cm: RFC 7946 § 11.2 advises no more


def place_feature(
    reader: IndexReader, f: Filter, s: PlaceSummary, max_refs: int = MAX_REFS
) -> dict[str, Any] | None:
    """The GeoJSON Feature of one place (None when it has no usable coordinates)."""
    p = s.place
    if not (math.isfinite(p.lat) and math.isfinite(p.lon)
            and -90 <= p.lat <= 90 and -180 <= p.lon <= 180):
        return None
    hits = reader.passages(f, p.id, 0, max_refs) if max_refs > 0 else []
    total = reader.count_passages(f, p.id) if len(hits) == max_refs else len(hits)
    return {
        "type": "Feature",
        "id": p.id,
        "geometry": {"type": "Point", "coordinates": [_coordinate(p.lon), _coordinate(p.lat)]},
        "properties": {
            "id": p.id,
            "geonameid": p.geonameid,
            "name": p.name,
            "name_ar": p.name_ar,
            "kind": p.kind,
            "country": p.country,
            "mentions": s.count,
            "articles": s.articles,
            "passages": total,
            "passage_refs": [{"doc": h.article.doc, "start": h.passage.start,
                              "end": h.passage.end} for h in hits],
        },
    }


def places_geojson(
    reader: IndexReader, f: Filter = ALL, max_refs: int = MAX_REFS, scope: Scope = EVERYTHING
) -> dict[str, Any]:
    """The places passing ``f`` (most mentioned first) as a GeoJSON FeatureCollection; each
    lists up to ``max_refs`` passages that mention it (``passages`` says how many there are)."""
    features = [feat for s in shown_places(reader, f, scope)
                if (feat := place_feature(reader, f, s, max_refs)) is not None]
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(reader: IndexReader, f: Filter = ALL, max_refs: int = MAX_REFS,
                  scope: Scope = EVERYTHING) -> bytes:
    text = json.dumps(places_geojson(reader, f, max_refs, scope), ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False)
    # A file name's undecodable byte (a lone surrogate) as its JSON escape: valid UTF-8.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


# -- CSV --------------------------------------------------------------------------------------


#: A cell starting with one of these is run as a formula by spreadsheets (CSV injection): such
#: text cells get a leading apostrophe, which Excel and LibreOffice show as text. Every text
#: cell goes through ``_text_cell``: file, name, place id and names, country, type.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _text_cell(value: str | None) -> str:
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number_cell(value: object) -> object:
    """A number as it is; anything else (a hostile gazetteer's text) as a text cell."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return _text_cell(str(value))


def mention_rows(reader: IndexReader, f: Filter = ALL, place: str | None = None
                 ) -> Iterator[list[Any]]:
    """The mentions passing ``f`` in reading order (article date, file, offset), as CSV rows;
    ``place``: only the mentions of that place."""
    offset = 0
    while True:
        hits = reader.passages(f, place, offset, _PAGE)
        if not hits:
            return
        offset += len(hits)
        for hit in hits:
            a = hit.article
            # Made once for the passage's mentions, not once each (a passage may be huge).
            excerpt = _text_cell(passage_excerpt(hit.passage.text)) if hit.mentions else ""
            for m in hit.mentions:
                p = m.place
                if place is not None and p.id != place:
                    continue
                yield [_text_cell(hit.article.doc), m.start, m.end, _text_cell(m.text),
                       _text_cell(str(m.type)), _text_cell(p.id),
                       "" if p.geonameid is None else _number_cell(p.geonameid),
                       _text_cell(p.name), _text_cell(p.name_ar), _text_cell(p.country),
                       _coordinate(p.lat), _coordinate(p.lon), round(m.confidence, 3),
                       *(_text_cell(v) for v in (a.title, a.published, a.outlet, a.author,
                                                 a.url, a.language, a.format)),
                       "" if hit.passage.page is None else hit.passage.page,
                       excerpt,
                       _text_cell(file_of(a.doc))]


def passage_excerpt(text: str, limit: int = CSV_PASSAGE_CHARS) -> str:
    """A passage's text, cut at ``limit`` characters (then ``…``), line ends as spaces."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def file_of(doc: str) -> str:
    """The file an article is read from: ``"mail.mbox#3"`` → ``"mail.mbox"``."""
    from explorer.corpus import split_doc

    return split_doc(doc)[0]


def mentions_csv(reader: IndexReader, f: Filter = ALL, scope: Scope = EVERYTHING) -> str:
    """The mentions passing ``f`` as CSV text: a BOM, a header, CRLF line ends, fields quoted
    when they hold a comma, a quote or a line end (RFC 4180)."""
    if scope.place is not None:
        shown_places(reader, f, scope)  # the place is shown, or ExportError
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(mention_rows(reader, f, scope.place))
    return buf.getvalue()


def csv_bytes(reader: IndexReader, f: Filter = ALL, scope: Scope = EVERYTHING) -> bytes:
    # A file name's undecodable byte (a lone surrogate) is written back as that byte.
    return mentions_csv(reader, f, scope).encode("utf-8", "surrogateescape")


# -- the offline HTML map ---------------------------------------------------------------------


_SCRIPT_TAG = re.compile(r'<script src="(file://[^"]+)"></script>')
_STYLE_TAG = re.compile(r'<link rel="stylesheet" href="(file://[^"]+)"/>')
_CSS_URL = re.compile(r"url\((['\"]?)([^)'\"]+)\1\)")
#: A URL scheme's slashes: in the inlined scripts they are written ``:\/\/``, which is the same
#: string in JavaScript (in a string, a regular expression or a comment) and no URL to a scanner.
#: What the scripts hold are identifiers (the SVG namespace) and credits, never fetched.
_SCHEME = re.compile(r"(https?)://", re.IGNORECASE)
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}


def _asset(url: str) -> Path:
    from explorer.resources import resources_dir

    path = Path(unquote(urlparse(url).path)).resolve()
    if not path.is_relative_to(resources_dir().resolve()) or not path.is_file():
        raise ExportError(f"the map page refers to {url}, which is not a bundled asset")
    return path


def _inline_script(match: re.Match[str]) -> str:
    code = _asset(match.group(1)).read_text(encoding="utf-8")
    code = _SCHEME.sub(r"\1:\\/\\/", code)
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)
    return f"<script>{code}</script>"


def _inline_style(match: re.Match[str]) -> str:
    path = _asset(match.group(1))
    # Comments dropped: they hold links to bug reports, nothing the page needs.
    css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)

    def data_url(m: re.Match[str]) -> str:
        ref = m.group(2)
        if ref.startswith(("#", "data:")):
            return m.group()
        image = (path.parent / ref).resolve()
        mime = _MIME.get(image.suffix.lower())
        if mime is None or not image.is_file():
            raise ExportError(f"{path.name}: cannot inline {ref}")
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:{mime};base64,{data})"

    css = _CSS_URL.sub(data_url, css)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return f"<style>{css}</style>"


#: The HTML map's popups: passages per place, characters per passage, places that get them
#: (the most mentioned; the others' popups say how many passages they have).
POPUP_PASSAGES = 3
POPUP_CHARS = 400
POPUP_PLACES = 2000


def map_document(reader: IndexReader, f: Filter, places: Sequence[PlaceSummary],
                 scope: Scope = EVERYTHING) -> dict[str, Any]:
    """The HTML map's heading (title, the filter in words) and each place's first passages
    with their article's title, date, outlet and file (``standalone.js`` shows them)."""
    from explorer.filter_words import filter_lines

    words = scope.filter_words if scope.filter_words is not None else tuple(filter_lines(f))
    passages: list[list[Any]] = []
    for rank, s in enumerate(places):
        items: list[dict[str, str]] = []
        if rank < POPUP_PLACES:
            for hit in reader.passages(f, s.place.id, 0, POPUP_PASSAGES):
                a = hit.article
                items.append({"title": a.title, "date": (a.published or "")[:10],
                              "outlet": a.outlet or "", "file": file_of(a.doc),
                              "text": passage_excerpt(hit.passage.text, POPUP_CHARS)})
        total = (reader.count_passages(f, s.place.id)
                 if len(items) == POPUP_PASSAGES or rank >= POPUP_PLACES else len(items))
        passages.append([s.place.id, {"total": total, "items": items}])
    return {"title": scope.title or DEFAULT_TITLE, "filter": list(words), "made": scope.made,
            "words": {"noFilter": "No filter: every place mentioned",
                      "more": "{shown} of {total} passages shown",
                      "none": "No passage", **dict(scope.words)},
            "passages": passages}


def offline_map_html(reader: IndexReader, f: Filter = ALL, scope: Scope = EVERYTHING) -> str:
    """The map of the places passing ``f`` as one self-contained HTML page, with a heading
    (title, filter), the legend and each place's passages in its popup."""
    from explorer.mapdoc import map_html, remote_urls

    # The data in the page are escaped JSON (no raw ``<``), so every tag matched here is one
    # the page template wrote.
    places = shown_places(reader, f, scope)
    html = map_html(places, map_document(reader, f, places, scope))
    html = _SCRIPT_TAG.sub(_inline_script, html)
    html = _STYLE_TAG.sub(_inline_style, html)
    if "file://" in html or remote_urls(html):
        raise ExportError("the map page still refers to a file or a remote resource")
    return html


def html_bytes(reader: IndexReader, f: Filter = ALL, scope: Scope = EVERYTHING) -> bytes:
    return offline_map_html(reader, f, scope).encode("utf-8", "surrogateescape")


# -- writing ----------------------------------------------------------------------------------


def export_bytes(reader: IndexReader, f: Filter, fmt: str, scope: Scope = EVERYTHING) -> bytes:
    """The export in format ``fmt`` (``geojson``, ``csv`` or ``html``) of what passes ``f``
    (only the scope's place, when it names one)."""
    if fmt == "geojson":
        return geojson_bytes(reader, f, scope=scope)
    if fmt == "csv":
        return csv_bytes(reader, f, scope)
    if fmt == "html":
        return html_bytes(reader, f, scope)
    raise ExportError(f"unknown export format {fmt!r} (one of geojson, csv, html)")


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
#: The files beside an SQLite database that are part of it.
INDEX_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def index_files(index: Path) -> list[Path]:
    """The index and the files SQLite keeps beside it."""
    return [Path(f"{index}{suffix}") for suffix in INDEX_SIDE_FILES]


def corpus_files(root: Path) -> list[Path]:
    """The article files of the corpus at ``root`` ([] if it cannot be listed)."""
    from explorer.corpus import CorpusError, list_files

    try:
        files, _problems = list_files(root)
    except (CorpusError, OSError, RuntimeError):
        return []
    return [path for _doc, path in files]


def output_problem(out: Path, protected: Iterable[Path] = ()) -> str | None:
    """Why an export may not be written at ``out``, in a few words (None: it may). Only a
    regular file is replaced (its link followed) or a new one made: never a FIFO, a device, a
    socket or a folder; and never one of ``protected`` (the index and its side files, the
    corpus' articles, the gazetteer files: what the analyst made or reads), compared by the
    file they are, whatever the path spelling, links or hard links."""
    try:
        st = os.stat(out)
    except FileNotFoundError:
        st = None  # a new file (or a broken link: its target is made)
    except OSError as exc:
        return exc.strerror or exc.__class__.__name__
    if st is not None:
        for test, what in _KINDS:
            if test(st.st_mode):
                return f"is {what}, not a regular file"
    real: str | None = None  # resolved only when needed (a corpus may list 100,000s)
    for p in protected:
        try:
            pst = os.stat(p)
        except OSError:
            pst = None
        if pst is not None:  # an existing file: the same one, by device and inode
            same = st is not None and (st.st_dev, st.st_ino) == (pst.st_dev, pst.st_ino)
        else:  # not there yet (an index's -wal): the same path once resolved
            real = real or os.path.realpath(out)
            same = st is None and real == os.path.realpath(p)
        if same:
            if Path(p).suffix == ".txt":
                return f"is the article {p}, not to be overwritten"
            return f"is {p}, which the export reads, not to be overwritten"
    return None


def write_export(
    reader: IndexReader, f: Filter, fmt: str, out: Path, protected: Iterable[Path] = (),
    scope: Scope = EVERYTHING,
) -> Path:
    """Write the export to ``out`` atomically (a reader of ``out`` sees the old file or the
    whole new one, never part of it) and return its path. Raises ``ExportError`` when ``out``
    may not be written (``output_problem``: not a regular file, or one of ``protected``)."""
    out = Path(out)
    protected = list(protected)
    if (why := output_problem(out, protected)) is not None:
        raise ExportError(f"{out}: cannot write: {why}")
    data = export_bytes(reader, f, fmt, scope)
    if (why := output_problem(out, protected)) is not None:  # changed meanwhile
        raise ExportError(f"{out}: cannot write: {why}")
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out, data)
    return out


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "ExportError",
    "Scope",
    "export_bytes",
    "mentions_csv",
    "offline_map_html",
    "output_problem",
    "places_geojson",
    "write_export",
]
