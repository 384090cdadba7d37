"""Reading the index: the ``IndexReader`` queries (``explorer.query``) in SQL, places,
countries, passages, timeline and counts, with the last answers kept until the data change."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from explorer.areas import install as install_km
from explorer.article import Article, Passage
from explorer.filenames import loaded, stored
from explorer.index.connection import IndexConnection
from explorer.index.errors import guarded
from explorer.index.rows import INFO_COLUMNS, article_info
from explorer.index.where import Where, is_by_place, is_plain
from explorer.query import (
    ArticleInfo,
    CountrySummary,
    Filter,
    PassageHit,
    PlaceSummary,
    bucketed,
    country_order,
    region_members,
    regions_holding,
    summary_order,
)
from explorer.search import SQL_FUNCTION
from explorer.search import install as install_search
from gazetteer.model import Mention

ALL = Filter()


class IndexQueries(IndexConnection):
    """The ``IndexReader`` queries, and what else the window and the CLI read."""

    def _summaries(self, sql: str, args: Sequence[Any]) -> list[PlaceSummary]:
        rows = self.conn.execute(sql, args).fetchall()
        self._load_places(r[0] for r in rows)
        out = [PlaceSummary(self._places[r[0]], r[1], r[2]) for r in rows]
        return sorted(out, key=summary_order)

    def _members(self, f: Filter) -> frozenset[str]:
        """The member countries of ``f``'s regions (the regions the index knows)."""
        if not f.regions:
            return frozenset()
        self._load_places(f.regions)
        return region_members(self._places[r] for r in f.regions if r in self._places)

    def _holding(self, f: Filter) -> frozenset[str]:
        """The regions of the index that hold one of ``f``'s countries."""
        if not f.countries:
            return frozenset()
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._regions is None or self._regions[0] != version:
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM places WHERE kind = 'region'")]
            self._load_places(ids)
            self._regions = (version, ids)
        return regions_holding(f.countries, (self._places[r] for r in self._regions[1]))

    def _where(self, f: Filter) -> Where:
        if f.text and not self._searchable:
            install_search(self.conn)
            self._searchable = True
        if f.area is not None and not self._measuring:
            install_km(self.conn)
            self._measuring = True
        return Where(f, self._members(f), self._holding(f))

    def places(self, f: Filter = ALL) -> list[PlaceSummary]:
        with guarded(self.path):
            w = self._where(f)
            if is_by_place(f) and f.somewhere:  # the places of a few countries: their rows
                cond, args = w.stats()
                return self._summaries("SELECT place_id, count, articles FROM place_stats "
                                       f"WHERE {cond}", args)
        # A place's rows all carry its country: the places of ``f`` are those of the rest of
        # it in every country, of the countries asked for.
        found = self._remembered(f.anywhere())
        if not f.somewhere:
            return list(found)
        return [s for s in found if w.keeps(s.place)]

    def _remembered(self, f: Filter) -> list[PlaceSummary]:
        """The places of ``f`` (no countries): ``place_stats`` for every article, else one
        pass over the rows of ``passage_places`` (or of ``mentions``) that ``f`` matches. The
        last few answers are kept until the data changes: views ask for them again and again,
        and a filter's countries are its places' countries."""
        with guarded(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            hit = self._memo.get(f)
            if hit is not None and hit[0] == version:
                return hit[1]
            w = self._where(f)
            if is_by_place(f):
                cond, args = w.stats()
                found = self._summaries(
                    f"SELECT place_id, count, articles FROM place_stats WHERE {cond}", args)
            elif w.by_mention:
                cond, args = w.mentions()
                found = self._summaries(
                    "SELECT m.place_id, COUNT(*), COUNT(DISTINCT m.article) FROM mentions AS m "
                    f"WHERE {cond} GROUP BY m.place_id", args)
            else:
                cond, args = w.passage_places()
                found = self._summaries(
                    "SELECT place_id, SUM(mentions), COUNT(DISTINCT article) FROM "
                    f"passage_places WHERE {cond} GROUP BY place_id", args)
        if len(self._memo) >= 4:
            self._memo.pop(next(iter(self._memo)))
        self._memo[f] = (version, found)
        return found

    def forget(self) -> None:
        """Drop the places kept from earlier answers (to time a filter asked afresh)."""
        self._memo.clear()
        self._timelines.clear()
        self._facets = None

    def place(self, place_id: str) -> PlaceSummary | None:
        with guarded(self.path):
            row = self.conn.execute("SELECT count, articles FROM place_stats WHERE place_id = ?",
                                    (place_id,)).fetchone()
            if row is None:
                return None
            return PlaceSummary(self._place(place_id), row[0], row[1])

    def countries(self, f: Filter = ALL) -> list[CountrySummary]:
        base = f.anywhere()
        with guarded(self.path):
            names: dict[str, tuple[str, str]] = {
                r[0]: (r[1], r[2]) for r in self.conn.execute("SELECT * FROM countries")}
            w = self._where(base)
            if is_by_place(base):
                cond, args = w.stats()
                totals = dict(self.conn.execute(
                    "SELECT country, SUM(count) FROM place_stats WHERE country IS NOT NULL "
                    f"AND {cond} GROUP BY country", args))
            elif (hit := self._memo.get(base)) is not None and \
                    hit[0] == self.conn.execute("PRAGMA data_version").fetchone()[0]:
                totals = {}  # the places of the filter, which the map asked for already
                for s in hit[1]:
                    if s.place.country is not None:
                        totals[s.place.country] = totals.get(s.place.country, 0) + s.count
            elif w.by_mention:
                cond, args = w.mentions()
                totals = dict(self.conn.execute(
                    "SELECT p.country, COUNT(*) FROM mentions AS m JOIN places AS p "
                    f"ON p.id = m.place_id WHERE {cond} AND p.country IS NOT NULL "
                    "GROUP BY p.country", args))
            else:
                cond, args = w.passage_places()
                totals = dict(self.conn.execute(
                    "SELECT country, SUM(mentions) FROM passage_places "
                    f"WHERE {cond} AND country IS NOT NULL GROUP BY country", args))
        out = []
        for code, n in totals.items():
            name, name_ar = names.get(code, (code, code))
            out.append(CountrySummary(code, name, name_ar, n))
        return sorted(out, key=country_order)

    def count_passages(self, f: Filter, place_id: str | None = None) -> int:
        with guarded(self.path):
            sql, args = self._where(f).passing_passages(place_id)
            q = f.query
            if is_plain(f) and q.positive and place_id is None and f.doc is None:
                # Each passage the full-text index matches, if it names a place of the
                # filter: one index probe per match, no sorting them to drop duplicates.
                where, args = Where(Filter(countries=f.countries),
                                     holding=self._holding(f)).passage_places()
                exact = "" if q.exact else f" AND {SQL_FUNCTION}(words, ?)"
                sql = (f"SELECT 1 FROM passages_fts WHERE passages_fts MATCH ?{exact} AND "
                       "EXISTS (SELECT 1 FROM passage_places WHERE passage = passages_fts.rowid "
                       f"AND {where})")
                args = [q.fts_match(), *([] if q.exact else [f.text]), *args]
            elif is_plain(f) and not q and f.countries and place_id is None and f.doc is None:
                # The passages of some countries: their rows of the country index, no sort
                # (and those of the regions holding them, by place).
                marks = ",".join("?" * len(f.countries))
                sql = ("SELECT passage FROM passage_places INDEXED BY "
                       f"passage_places_by_country WHERE country IN ({marks})")
                args = sorted(f.countries)
                holding = sorted(self._holding(f))
                if holding:
                    sql += (" UNION SELECT passage FROM passage_places WHERE place_id IN "
                            f"({','.join('?' * len(holding))})")
                    args += holding
                else:
                    sql = sql.replace("SELECT passage", "SELECT DISTINCT passage", 1)
            row = self.conn.execute(f"SELECT COUNT(*) FROM ({sql})", args).fetchone()
        return int(row[0])

    def passages(
        self, f: Filter, place_id: str | None = None, offset: int = 0, limit: int = 100,
        mentions: int | None = None,
    ) -> list[PassageHit]:
        with guarded(self.path):
            w = self._where(f)
            sql, args = w.passing_passages(place_id, self._page_index(f, place_id))
            ids = [r[0] for r in self.conn.execute(
                f"{sql} ORDER BY sortkey, pstart LIMIT ? OFFSET ?", [*args, limit, offset])]
            if not ids:
                return []
            q = ",".join("?" * len(ids))
            prow = {r[0]: r for r in self.conn.execute(
                f'SELECT id, article, start, "end", kind, text, page FROM passages '
                f"WHERE id IN ({q})",
                ids)}
            aids = sorted({r[1] for r in prow.values()})
            qa = ",".join("?" * len(aids))
            infos = {r[0]: article_info(r) for r in self.conn.execute(
                f"SELECT {INFO_COLUMNS} FROM articles WHERE id IN ({qa})", aids)}
            by_passage = {pid: self._passage_mentions(w, prow[pid], place_id, mentions)
                          for pid in ids}
        out = []
        for pid in ids:
            r = prow[pid]
            passage = Passage(r[2], r[3], r[5], r[4], r[6])
            found, more = by_passage[pid]
            out.append(PassageHit(infos[r[1]], passage, found, more))
        return out

    def mentioned_with(self, f: Filter, place_id: str, limit: int = 20) -> list[Any]:
        """The places sharing passages with ``place_id`` under ``f``, most shared first
        (``explorer.query``: a list of ``MentionedWith``). The passages of the place are its
        rows of ``passage_places`` (its primary key), the other places of each passage that
        passage's rows (``passage_places_by_passage``): the filter's conditions on articles,
        dates and words hold for a whole passage, so they are asked of the place's rows only.
        Mention types or a confidence are asked of ``mentions`` instead."""
        from explorer.query import MentionedWith, mentioned_with_order

        with guarded(self.path):
            w = self._where(f)
            if w.by_mention:
                cond, args = w.mentions()
                sql = (f"WITH mine(passage) AS (SELECT DISTINCT m.passage FROM mentions AS m "
                       f"WHERE {cond} AND m.place_id = ?) "
                       "SELECT m.place_id, COUNT(DISTINCT m.passage) FROM mine JOIN passages "
                       "AS p ON p.id = mine.passage JOIN mentions AS m ON m.article = p.article "
                       'AND m.start >= p.start AND m.start <= p."end" AND m.passage = p.id '
                       f"WHERE {cond} AND m.place_id != ? GROUP BY m.place_id")
                args = [*args, place_id, *args, place_id]
            else:
                cond, args = w.passage_places()
                others, oargs = w.place_conditions("o.country", "o.place_id")
                sql = ("WITH mine(passage) AS (SELECT DISTINCT passage FROM passage_places "
                       f"WHERE {cond} AND place_id = ?) "
                       "SELECT o.place_id, COUNT(*) FROM mine JOIN passage_places AS o INDEXED "
                       "BY passage_places_by_passage ON o.passage = mine.passage WHERE "
                       + " AND ".join(["o.place_id != ?", *others]) + " GROUP BY o.place_id")
                args = [*args, place_id, place_id, *oargs]
            rows = sorted(self.conn.execute(sql, args).fetchall(), key=lambda r: -r[1])
            if len(rows) > limit > 0:  # the ties of the last one kept, for the order by name
                rows = [r for r in rows if r[1] >= rows[limit - 1][1]]
            elif limit <= 0:
                rows = []
            self._load_places(r[0] for r in rows)
        out = [MentionedWith(self._places[r[0]], r[1]) for r in rows]
        return sorted(out, key=mentioned_with_order)[:max(0, limit)]

    def _passage_mentions(
        self, w: Where, prow: Sequence[Any], place_id: str | None, cap: int | None
    ) -> tuple[tuple[Mention, ...], int]:
        """The first ``cap`` (None: all) mentions of a passage (a row of ``passages``)
        passing ``w`` (of ``place_id``), in text order, and how many others pass: memory
        and time bounded whatever the passage holds (one index range of its article)."""
        f = w.f
        types = sorted(f.types)
        cond = (f'article = ? AND start >= ? AND start <= ? AND passage = ? AND type IN '
                f'({",".join("?" * len(types))}) AND confidence >= ?')
        args: list[Any] = [prow[1], prow[2], prow[3], prow[0], *types, f.min_confidence]
        if place_id is not None:
            cond += " AND place_id = ?"
            args.append(place_id)
        kept: list[Mention] = []
        full = False
        cur = self.conn.execute('SELECT start, "end", text, type, place_id, confidence, reason, '
                                f"alternatives FROM mentions WHERE {cond} ORDER BY start, seq",
                                args)
        try:
            for r in cur:
                if w.keeps(self._place(r[4])):
                    if len(kept) == cap:
                        full = True
                        break
                    kept.append(self._mention(r))
        finally:
            cur.close()
        if not full:
            return tuple(kept), 0
        per_place = self.conn.execute(
            f"SELECT place_id, COUNT(*) FROM mentions WHERE {cond} GROUP BY place_id",
            args).fetchall()
        self._load_places(pid for pid, _ in per_place)
        total = sum(n for pid, n in per_place if w.keeps(self._places[pid]))
        return tuple(kept), total - len(kept)

    def timeline(self, f: Filter, bucket: str = "day") -> list[tuple[date, int]]:
        """Passing mentions of dated articles per day or week (``explorer.query``); the
        answers per day of the last few filters are kept until the data changes."""
        with guarded(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            hit = self._timelines.get(f)
            if hit is not None and hit[0] == version:
                days = hit[1]
            else:
                w = self._where(f)
                if w.by_mention:
                    cond, args = w.mentions()
                    sql = ("SELECT substr(a.sortkey, 2, 10), COUNT(*) FROM mentions AS m JOIN "
                           f"articles AS a ON a.id = m.article WHERE {cond} AND "
                           "a.sortkey < '1' GROUP BY a.sortkey")
                else:
                    cond, args = w.passage_places()
                    sql = ("SELECT substr(sortkey, 2, 10), SUM(mentions) FROM passage_places "
                           f"WHERE {cond} AND sortkey < '1' GROUP BY sortkey")
                days = self.conn.execute(sql, args).fetchall()
                if len(self._timelines) >= 4:
                    self._timelines.pop(next(iter(self._timelines)))
                self._timelines[f] = (version, days)
        return bucketed(days, bucket)

    def _page_index(self, f: Filter, place_id: str | None) -> str | None:
        """For countries or words without a place: walk the passages in reading order and
        keep the matching ones (quick when they are common), or take the matching passages
        and sort them (quick when they are rare). ``place_stats`` or the full-text index
        tells which."""
        if place_id is not None or f.doc is not None or not is_plain(f):
            return None
        if f.query.positive and not f.countries:  # the same choice by the number of matches
            n = self.conn.execute("SELECT COUNT(*) FROM passages_fts WHERE passages_fts "
                                  "MATCH ?", (f.query.fts_match(),)).fetchone()[0]
            total = self.conn.execute("SELECT IFNULL(MAX(id), 0) FROM passages").fetchone()[0]
            # Walking costs ~50 * total / n rows, sorting ~n seeks (each ~10 rows' worth).
            return "passage_places_by_order" if n * n >= 5 * total else None
        if not f.countries or self._holding(f):  # a region's rows have no country
            return None
        q = ",".join("?" * len(f.countries))
        mine, total = self.conn.execute(
            f"SELECT IFNULL(SUM(count * (country IN ({q}))), 0), IFNULL(SUM(count), 0) "
            "FROM place_stats", sorted(f.countries)).fetchone()
        return "passage_places_by_order" if mine * 50 >= total else "passage_places_by_country"


    def article_mentions(self) -> Iterator[tuple[str, list[Mention]]]:
        """Every article (in file order) with its mentions in text order."""
        with guarded(self.path):
            arts = self.conn.execute("SELECT id, doc FROM articles ORDER BY doc").fetchall()
            for aid, doc in arts:
                rows = self.conn.execute(
                    'SELECT start, "end", text, type, place_id, confidence, reason, '
                    "alternatives FROM mentions WHERE article = ? ORDER BY start, seq", (aid,))
                yield loaded(doc), [self._mention(r) for r in rows]

    def confidences(self) -> dict[str, float]:
        """One pass over the mentions (1.6 s at 2.5 million): the window asks off the GUI
        thread, once indexing pauses. Kept until the data change."""
        with guarded(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if self._confidences is not None and self._confidences[0] == version:
                return self._confidences[1]
            found = dict(self.conn.execute(
                "SELECT place_id, AVG(confidence) FROM mentions WHERE type = 'toponym' "
                "GROUP BY place_id"))
        self._confidences = (version, found)
        return found

    def mentions_in(self, doc: str) -> list[Mention]:
        """Every mention of article ``doc`` in text order (demonyms too)."""
        with guarded(self.path):
            rows = self.conn.execute(
                'SELECT m.start, m."end", m.text, m.type, m.place_id, m.confidence, m.reason, '
                "m.alternatives FROM mentions AS m JOIN articles AS a ON a.id = m.article "
                "WHERE a.doc = ? ORDER BY m.start, m.seq", (stored(doc),)).fetchall()
            return [self._mention(r) for r in rows]

    def article(self, doc: str) -> Article | None:
        """The article re-read from its file (None when it is gone or unreadable, or is no
        article of the index: a doc is a name inside the corpus, never another path)."""
        from explorer.corpus import ArticleError, read_article

        root = self.get_meta("corpus_root")
        if root is None:
            return None
        with guarded(self.path):
            found = self.conn.execute("SELECT 1 FROM articles WHERE doc = ?",
                                      (stored(doc),)).fetchone()
        if found is None:
            return None
        try:
            return read_article(Path(root) / doc, Path(root))
        except ArticleError:
            return None

    def article_facets(self) -> dict[str, list[tuple[str, int]]]:
        """Articles per outlet, format and language (the filter chips' choices), most first;
        kept until the data change (the view feed asks at every filter change)."""
        with guarded(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if self._facets is not None and self._facets[0] == version:
                return {k: list(v) for k, v in self._facets[1].items()}
            out: dict[str, list[tuple[str, int]]] = {}
            for column in ("outlet", "format", "language"):
                out[column] = [(v, n) for v, n in self.conn.execute(
                    f"SELECT {column}, COUNT(*) AS n FROM articles WHERE {column} IS NOT NULL "
                    f"AND {column} != '' GROUP BY {column} ORDER BY n DESC, {column}")]
            self._facets = (version, out)
            return {k: list(v) for k, v in out.items()}

    def fill_languages(self, detect: Callable[[str], str | None]) -> int:
        """Give the articles stored without a language (by an explorer before issue 19) the
        one their passages are in, '' when they say too little (not asked again); how many
        got one. In the caller's transaction."""
        with guarded(self.path):
            todo = [r[0] for r in self.conn.execute(
                "SELECT id FROM articles WHERE language IS NULL")]
            found = 0
            for article in todo:
                text = "\n".join(r[0] for r in self.conn.execute(
                    "SELECT text FROM passages WHERE article = ? ORDER BY start LIMIT 40",
                    (article,)))
                code = detect(text)
                self.conn.execute("UPDATE articles SET language = ? WHERE id = ?",
                                  (code or "", article))
                found += code is not None
            return found

    def stats(self) -> dict[str, int]:
        with guarded(self.path):
            out = dict(self.conn.execute("SELECT name, n FROM totals").fetchall())
            out["places"] = self.conn.execute("SELECT COUNT(*) FROM place_stats").fetchone()[0]
            out["copies"], out["copy_mentions"], out["copy_demonyms"] = self._copies_totals()
            return {k: out[k] for k in ("articles", "passages", "mentions", "demonyms", "places",
                                        "copies", "copy_mentions", "copy_demonyms")}

    def _copies_totals(self) -> tuple[int, int, int]:
        """The articles that are a second or later copy of a story (``explorer.wire``; the
        first by file is not), and their mentions and demonyms; kept until the data change."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._copy_totals is not None and self._copy_totals[0] == version:
            return self._copy_totals[1]
        copies = ("SELECT id FROM articles WHERE wire IS NOT NULL AND doc != (SELECT MIN(b.doc) "
                  "FROM articles AS b WHERE b.wire = articles.wire)")
        n = self.conn.execute(f"SELECT COUNT(*) FROM ({copies})").fetchone()[0]
        m, d = self.conn.execute(
            "SELECT COUNT(*), IFNULL(SUM(type = 'demonym'), 0) FROM mentions "
            f"WHERE article IN ({copies})").fetchone() if n else (0, 0)
        self._copy_totals = (version, (n, m, d))
        return n, m, d

    def copies(self, doc: str) -> list[ArticleInfo]:
        """The other copies of article ``doc``'s story (``explorer.wire``), in reading
        order; empty when none was found."""
        with guarded(self.path):
            return [article_info(r) for r in self.conn.execute(
                f"SELECT {INFO_COLUMNS} FROM articles WHERE wire = (SELECT wire FROM articles "
                "WHERE doc = ?1) AND doc != ?1 ORDER BY sortkey", (stored(doc),))]

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every indexed table's rows, without row ids and in a set order (for comparing two
        indexes of one corpus)."""
        with guarded(self.path):
            return self._dump()

    def _dump(self) -> dict[str, list[tuple[Any, ...]]]:
        c = self.conn
        docs = dict(c.execute("SELECT id, doc FROM articles"))
        out: dict[str, list[tuple[Any, ...]]] = {
            "articles": sorted(c.execute(
                "SELECT doc, size, sha256, title, outlet, published, updated, encoding, sortkey,"
                " gazetteer, author, url, language, format FROM articles")),
            "passages": sorted((docs[a], *rest) for a, *rest in c.execute(
                'SELECT article, start, "end", kind, text, page FROM passages')),
            "fts": sorted(c.execute("SELECT p.start, f.words FROM passages_fts AS f "
                                    "JOIN passages AS p ON p.id = f.rowid")),
            "mentions": sorted((docs[a], *rest) for a, *rest in c.execute(
                'SELECT article, seq, start, "end", text, type, place_id, confidence, reason, '
                "alternatives FROM mentions")),
            "places": sorted(c.execute("SELECT * FROM places")),
            "passage_places": sorted((pl, co, sk, ps, docs[a], n) for pl, co, sk, ps, a, n in
                                     c.execute("SELECT place_id, country, sortkey, pstart, "
                                               "article, mentions FROM passage_places")),
            "place_stats": sorted(c.execute("SELECT * FROM place_stats")),
            "totals": sorted(c.execute("SELECT * FROM totals")),
            "wire": sorted(tuple(sorted(docs[int(a)] for a in ids.split(","))) for (ids,) in
                           c.execute("SELECT group_concat(id) FROM articles WHERE wire IS NOT "
                                     "NULL GROUP BY wire")),
            "wire_sketches": sorted((docs[a], m) for a, m in c.execute(
                "SELECT article, minhash FROM wire_sketches")),
        }
        return out

