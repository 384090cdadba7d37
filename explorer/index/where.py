"""A filter's conditions in SQL (``Where``), on ``passage_places``, ``place_stats`` or
``mentions``, and which fast paths a filter may take."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from explorer.filenames import stored
from explorer.query import (
    TOPONYMS,
    Filter,
)
from explorer.search import sql_condition
from gazetteer.model import Place


def is_plain(f: Filter) -> bool:
    """``f`` asks only for countries, words and an article (the fast paths' filters)."""
    return f == Filter(countries=f.countries, text=f.text, doc=f.doc)


def is_by_place(f: Filter) -> bool:
    """``f`` asks only for countries, regions, kinds and an area: ``place_stats`` answers it."""
    return f == Filter(countries=f.countries, regions=f.regions, kinds=f.kinds, area=f.area)


def _in(column: str, values: Iterable[str]) -> tuple[str, list[Any]]:
    vals = sorted(values)
    return f"{column} IN ({','.join('?' * len(vals))})", vals


class Where:
    """The conditions of a filter in SQL, on ``passage_places``, ``place_stats`` or
    ``mentions`` (aliased ``m``); ``members``: the countries of its regions."""

    def __init__(self, f: Filter, members: frozenset[str] = frozenset(),
                 holding: frozenset[str] = frozenset()) -> None:
        self.f = f
        self.codes = f.countries | members
        #: Places kept by id: the filter's regions and those holding one of its countries.
        self.ids = f.regions | holding
        #: Mention types or confidence: only the mentions table knows them.
        self.by_mention = f.types != TOPONYMS or f.min_confidence > 0

    def keeps(self, p: Place) -> bool:
        """The place passes the filter's kinds, countries and regions."""
        f = self.f
        if f.kinds and p.kind not in f.kinds:
            return False
        if f.area is not None and not f.area.contains(p.lat, p.lon):
            return False
        return not f.somewhere or p.country in self.codes or p.id in self.ids

    def place_conditions(self, country: str, place_id: str) -> tuple[list[str], list[Any]]:
        """Conditions on a place by its country and id columns."""
        f = self.f
        conds: list[str] = []
        args: list[Any] = []
        if f.somewhere:
            c, a = _in(country, self.codes)
            r, b = _in(place_id, self.ids)
            conds.append(f"({c} OR {r})")
            args += [*a, *b]
        if f.kinds:
            c, a = _in("kind", f.kinds)
            conds.append(f"{place_id} IN (SELECT id FROM places WHERE {c})")
            args += a
        if f.area is not None:
            c, a = f.area.sql("lat", "lon")
            conds.append(f"{place_id} IN (SELECT id FROM places WHERE {c})")
            args += a
        return conds, args

    def _dates(self, sortkey: str) -> tuple[list[str], list[Any]]:
        f = self.f
        if not f.dated:
            return [], []
        # sortkey: "0" + the ISO date (and time) + "\x01" + file; undated: "1..."
        lo = "0" + (f.date_from or "")
        hi = "0" + f.date_to + "\x7f" if f.date_to else "1"
        return [f"{sortkey} >= ? AND {sortkey} < ?"], [lo, hi]

    def _articles(self) -> tuple[list[str], list[Any]]:
        """Conditions on ``articles`` rows: the filter's outlets, formats and languages, and with
        ``once`` (one article): the first copy (by file) of its group passing them."""
        f = self.f
        conds, args = self._kept_articles("articles")
        if f.once and f.doc is None:
            bc, ba = self._kept_articles("b")
            bc += self._dates("b.sortkey")[0]
            ba += self._dates("b.sortkey")[1]
            conds.append("(articles.wire IS NULL OR articles.doc = (SELECT MIN(b.doc) FROM "
                         "articles AS b WHERE " + " AND ".join(["b.wire = articles.wire", *bc])
                         + "))")
            args += ba
        return conds, args

    def _kept_articles(self, table: str) -> tuple[list[str], list[Any]]:
        f = self.f
        conds: list[str] = []
        args: list[Any] = []
        for column, values in (("outlet", f.outlets), ("format", f.formats),
                               ("language", f.languages)):
            if values:
                c, a = _in(f"{table}.{column}", values)
                conds.append(c)
                args += a
        return conds, args

    def stats(self) -> tuple[str, list[Any]]:
        """On ``place_stats`` (countries, regions and kinds only)."""
        conds, args = self.place_conditions("country", "place_id")
        return " AND ".join(["1", *conds]), args

    def passage_places(self) -> tuple[str, list[Any]]:
        f = self.f
        conds, args = self.place_conditions("country", "place_id")
        if f.doc is not None:
            conds.append("sortkey = (SELECT sortkey FROM articles WHERE doc = ?)")
            args.append(stored(f.doc))
        c, a = self._dates("sortkey")
        conds += c
        args += a
        c, a = self._articles()
        if c:
            conds.append(f"article IN (SELECT id FROM articles WHERE {' AND '.join(c)})")
            args += a
        if f.query:
            sc, sa = sql_condition("passage", f.text)
            conds.append(sc)
            args += sa
        return " AND ".join(["1", *conds]), args

    def mentions(self) -> tuple[str, list[Any]]:
        f = self.f
        conds, args = _in("m.type", f.types)
        conds_list = [conds]
        if f.min_confidence > 0:
            conds_list.append("m.confidence >= ?")
            args.append(f.min_confidence)
        pc, pa = self.place_conditions("country", "id")
        if pc:
            conds_list.append(f"m.place_id IN (SELECT id FROM places WHERE {' AND '.join(pc)})")
            args += pa
        ac, aa = self._dates("sortkey")
        if f.doc is not None:
            ac.append("doc = ?")
            aa.append(stored(f.doc))
        c, a = self._articles()
        ac += c
        aa += a
        if ac:
            conds_list.append(f"m.article IN (SELECT id FROM articles WHERE {' AND '.join(ac)})")
            args += aa
        if f.query:
            sc, sa = sql_condition("m.passage", f.text)
            conds_list.append(sc)
            args += sa
        return " AND ".join(conds_list), args

    def passing_passages(
        self, place_id: str | None, index: str | None = None
    ) -> tuple[str, list[Any]]:
        """SELECT DISTINCT passage, sortkey, pstart of the passages holding mentions passing
        the filter (of ``place_id``), optionally through the named index of
        ``passage_places``."""
        if self.by_mention:
            where, args = self.mentions()
            if place_id is not None:
                where += " AND m.place_id = ?"
                args.append(place_id)
            return ("SELECT DISTINCT m.passage AS passage, a.sortkey AS sortkey, p.start AS "
                    "pstart FROM mentions AS m JOIN articles AS a ON a.id = m.article JOIN "
                    f"passages AS p ON p.id = m.passage WHERE {where}", args)
        where, args = self.passage_places()
        if place_id is not None:
            where += " AND place_id = ?"
            args.append(place_id)
        hint = f" INDEXED BY {index}" if index else ""
        return ("SELECT DISTINCT passage, sortkey, pstart FROM passage_places"
                f"{hint} WHERE {where}", args)
