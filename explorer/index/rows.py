"""How the index stores a place, an article's facts and a problem: rows and back."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from explorer.filenames import loaded, stored
from explorer.query import (
    ArticleInfo,
)
from gazetteer.model import Place

_PLACE_COLUMNS = ("id", "name", "name_ar", "kind", "lat", "lon", "country", "geonameid",
                  "population", "capital")
_PLACE_EXTRA = tuple(f.name for f in fields(Place) if f.name not in _PLACE_COLUMNS)
PLACE_INSERT = ", ".join((*_PLACE_COLUMNS, "extra"))


def stored_or_none(name: str | None) -> str | None:
    return None if name is None else stored(name)


def sort_key(published: str | None, doc: str) -> str:
    return ("0" + published if published else "1") + "\x01" + doc


def place_row(p: Place) -> tuple[Any, ...]:
    extra = {name: getattr(p, name) for name in _PLACE_EXTRA}
    return (p.id, p.name, p.name_ar, p.kind, p.lat, p.lon, p.country, p.geonameid,
            p.population, int(p.capital), json.dumps(extra, ensure_ascii=False))


def place_from_row(row: Sequence[Any]) -> Place:
    extra = json.loads(row[10])
    for name, value in extra.items():  # JSON arrays: the place's tuples (names, demonyms, ...)
        if isinstance(value, list):
            extra[name] = tuple(value)
    return Place(id=row[0], name=row[1], name_ar=row[2], kind=row[3], lat=row[4], lon=row[5],
                 country=row[6], geonameid=row[7], population=row[8], capital=bool(row[9]),
                 **extra)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the index knows of a file, to decide whether it must be read again."""

    id: int
    doc: str
    size: int
    mtime_ns: int
    sha256: str
    gazetteer: str


@dataclass(frozen=True, slots=True)
class StoredProblem:
    """A problem met while indexing; for a refused file, its stat then (to skip it while
    it stays as it was)."""

    path: str
    message: str
    line: int | None = None
    doc: str | None = None
    size: int | None = None
    mtime_ns: int | None = None

    def __str__(self) -> str:
        """``FILE: what is wrong`` (``FILE:LINE: …`` with a line), as ``Problem`` says it."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


INFO_COLUMNS = ("id, doc, title, outlet, published, updated, encoding, size, mtime_ns, "
                 "sha256, author, url, language, format")


def article_info(r: Sequence[Any]) -> ArticleInfo:
    doc = loaded(r[1])
    return ArticleInfo(doc=doc, path=Path(doc), title=r[2], outlet=r[3], published=r[4],
                       updated=r[5], encoding=r[6], size=r[7], mtime_ns=r[8], sha256=r[9],
                       author=r[10], url=r[11], language=r[12], format=r[13])
