"""Tables of articles (``.csv``, ``.tsv``, ``.json``, ``.jsonl``, ``.xlsx``): one article a
row, its columns found by name (English, French or Arabic, any case): text, title, date, URL,
outlet, author, language; or named by the analyst (``explorer … --columns
text=body,title=headline``: ``give_columns``), which comes first. Rows are numbered from 1
(the header is not a row): the doc of row 3 of ``clips.csv`` is ``clips.csv#3``. A row without
text is skipped; a table without a text column is refused with the column names it has.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from explorer.decode import DecodeError, decode
from explorer.formats.archive import open_zip
from explorer.formats.base import Extracted, FormatError, Limits
from explorer.formats.text import iso_date, tidy

#: Column names per field, compared lower-cased with spaces, dashes and underscores removed.
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "fulltext", "article", "articletext", "texte",
             "contenu", "maintext", "نص", "النص", "المحتوى", "متن"),
    "title": ("title", "headline", "titre", "subject", "عنوان", "العنوان"),
    "published": ("date", "published", "publishedat", "pubdate", "publicationdate",
                  "datetime", "publishdate", "created", "تاريخ", "التاريخ"),
    "url": ("url", "link", "href", "lien", "uri", "الرابط", "رابط"),
    "outlet": ("outlet", "source", "sourcename", "site", "sitename", "publication", "media",
               "publisher", "journal", "المصدر", "الموقع", "الصحيفة"),
    "author": ("author", "byline", "auteur", "writer", "الكاتب", "كاتب"),
    "language": ("language", "lang", "langue", "اللغة"),
}


#: Field → column name, given by the analyst (``--columns``); empty: found by name only.
_GIVEN: dict[str, str] = {}


def parse_columns(text: str) -> dict[str, str]:
    """``text=body,title=headline`` → {"text": "body", "title": "headline"}; ValueError with
    a one-line reason for anything else (a field that is not one of ``COLUMNS``)."""
    out: dict[str, str] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        field, eq, column = item.partition("=")
        field, column = field.strip().lower(), column.strip()
        if field == "date":
            field = "published"
        if not eq or not column:
            raise ValueError(f"{item.strip()[:40]!r} is not FIELD=COLUMN")
        if field not in COLUMNS:
            raise ValueError(f"{field[:40]!r} is not a field (one of: "
                             f"{', '.join(f if f != 'published' else 'date' for f in COLUMNS)})")
        out[field] = column
    if not out:
        raise ValueError("no FIELD=COLUMN given")
    return out


def give_columns(columns: Mapping[str, str]) -> None:
    """Use these columns (field → column name) in every table read from now on (the CLI's
    ``--columns``; forked indexing workers inherit them)."""
    _GIVEN.clear()
    _GIVEN.update(columns)


def given_columns() -> dict[str, str]:
    """The columns given (``give_columns``), for the index's fingerprint."""
    return dict(_GIVEN)


def read_csv(data: bytes, limits: Limits) -> list[Extracted]:
    try:
        text = decode(data).text
    except DecodeError as exc:
        raise FormatError(f"{exc}") from None
    # The delimiter is the header's most frequent of , ; tab | (a sniffer reading the rows
    # is misled by quoted cells holding line ends and commas).
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=lambda d: (header.count(d), d == ","))
    csv.field_size_limit(limits.max_bytes)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        return rows_to_articles(reader, "csv", limits)
    except csv.Error as exc:
        raise FormatError(f"damaged CSV ({exc})") from None


def read_json(data: bytes, limits: Limits) -> list[Extracted]:
    try:
        value = json.loads(decode(data).text)
    except (DecodeError, ValueError, RecursionError) as exc:
        raise FormatError(f"not valid JSON ({exc})") from None
    if isinstance(value, dict):  # {"articles": [...]} or {"items": [...]}
        lists = [v for v in value.values() if isinstance(v, list)]
        value = lists[0] if len(lists) == 1 else [value]
    if not isinstance(value, list):
        raise FormatError("JSON that is not a list of articles")
    return rows_to_articles((r for r in value if isinstance(r, dict)), "json", limits)


def read_jsonl(data: bytes, limits: Limits) -> list[Extracted]:
    try:
        text = decode(data).text
    except DecodeError as exc:
        raise FormatError(f"{exc}") from None
    rows: list[dict[str, Any]] = []
    bad: list[int] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, RecursionError):
            bad.append(n)
            continue
        if isinstance(row, dict):
            rows.append(row)
    out = rows_to_articles(rows, "jsonl", limits)
    if bad and out:
        out[0].notes.append(f"lines {', '.join(map(str, bad[:5]))} not valid JSON, skipped")
    return out


def read_xlsx(data: bytes, limits: Limits) -> list[Extracted]:
    import openpyxl

    open_zip(data, limits, "spreadsheet")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise FormatError(f"damaged spreadsheet ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise FormatError("empty spreadsheet")
        names = [str(h) if h is not None else "" for h in header]
        dicts = (dict(zip(names, row, strict=False)) for row in rows)
        return rows_to_articles(dicts, "xlsx", limits)
    finally:
        book.close()


def find_columns(names: Iterable[str]) -> dict[str, str]:
    """Field → the column that holds it: the one given (``give_columns``, compared as the
    names are), else the first match by name."""
    norm = {n: _normal(n) for n in names}
    out: dict[str, str] = {}
    for fieldname, column in _GIVEN.items():
        hit = next((n for n, k in norm.items() if k == _normal(column)), None)
        if hit is not None:
            out[fieldname] = hit
    for fieldname, wanted in COLUMNS.items():
        if fieldname in out:
            continue
        for w in wanted:
            hit = next((n for n, k in norm.items() if k == w), None)
            if hit is not None:
                out[fieldname] = hit
                break
    return out


def _normal(name: object) -> str:
    return "".join(str(name).lower().replace("-", "").replace("_", "").split())


def rows_to_articles(rows: Iterable[Mapping[str, Any]], fmt: str, limits: Limits
                     ) -> list[Extracted]:
    out: list[Extracted] = []
    columns: dict[str, str] | None = None
    n = 0
    for n, row in enumerate(rows, 1):
        if columns is None:
            columns = find_columns(row.keys())
            if "text" not in columns:
                names = ", ".join(str(k) for k in list(row.keys())[:12])
                raise FormatError(f"no text column (columns: {names}); name one 'text' or "
                                  "give it: --columns text=NAME")
        if n > limits.max_members:
            if out:
                out[0].notes.append(f"only the first {limits.max_members} rows read")
            break
        cols = columns

        def cell(f: str, row: Mapping[str, Any] = row, cols: dict[str, str] = cols) -> str:
            value = row.get(cols[f]) if f in cols else None
            return "" if value is None else str(value).strip()

        body = tidy(cell("text"))
        if not body:
            continue
        title = " ".join(cell("title").split())
        raw_date = row.get(cols["published"]) if "published" in cols else None
        out.append(Extracted(
            text=f"{title}\n\n{body}" if title and not body.startswith(title) else body,
            format=fmt, part=str(n), title=title,
            published=iso_date(raw_date if not isinstance(raw_date, (int, float)) else None)
            if raw_date else None,
            author=cell("author") or None, outlet=cell("outlet") or None,
            url=cell("url") or None, language=cell("language") or None))
    if columns is None:
        raise FormatError("table without rows")
    if not out:
        raise FormatError("table without text in any row")
    return out
