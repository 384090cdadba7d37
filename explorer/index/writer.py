"""Writing the index: storing an article's rows (made by ``prepare`` where it was geoparsed, so
the one writer only writes), deleting one, its wire copies joined as it is stored, the
counts kept up to date; the problems met and the countries known."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from explorer.article import Article, Passage
from explorer.filenames import loaded, loaded_or_none, stored
from explorer.index.connection import IndexConnection
from explorer.index.errors import guarded
from explorer.index.rows import (
    PLACE_INSERT,
    StoredArticle,
    StoredProblem,
    place_row,
    sort_key,
    stored_or_none,
)
from explorer.mention_rows import MentionRows
from explorer.query import (
    fold_words_text,
)
from explorer.stored_reasons import encode, to_pairs
from gazetteer.model import Candidate, Mention, Place
from gazetteer.reasons import Reason

#: The full-text index is merged by indexing when it is in more segments than this.
SEARCH_SEGMENTS = 8


class IndexWriter(IndexConnection):
    """The writer's methods (each inside the caller's transaction unless it says otherwise)."""

    def stored(self) -> dict[str, StoredArticle]:
        with guarded(self.path):
            rows = self.conn.execute(
                "SELECT id, doc, size, mtime_ns, sha256, gazetteer FROM articles").fetchall()
        return {loaded(r[1]): StoredArticle(r[0], loaded(r[1]), *r[2:]) for r in rows}

    def touch(self, article_id: int, size: int, mtime_ns: int) -> None:
        """The file was touched but its content is the same: remember its new stat."""
        self.conn.execute("UPDATE articles SET size = ?, mtime_ns = ? WHERE id = ?",
                          (size, mtime_ns, article_id))

    def delete(self, doc: str) -> None:
        """Remove an article, its passages and mentions, and its share of the counts."""
        conn = self.conn
        row = conn.execute("SELECT id FROM articles WHERE doc = ?", (stored(doc),)).fetchone()
        if row is None:
            return
        aid = row[0]
        self._add_totals(-1, *conn.execute(
            "SELECT -(SELECT COUNT(*) FROM passages WHERE article = ?1), "
            "-(SELECT COUNT(*) FROM mentions WHERE article = ?1), "
            "-(SELECT COUNT(*) FROM mentions WHERE article = ?1 AND type = 'demonym')",
            (aid,)).fetchone())
        for pid, n in conn.execute(
            "SELECT place_id, COUNT(*) FROM mentions WHERE article = ? AND type = 'toponym' "
            "GROUP BY place_id", (aid,)).fetchall():
            conn.execute("UPDATE place_stats SET count = count - ?, articles = articles - 1 "
                         "WHERE place_id = ?", (n, pid))
        conn.execute("DELETE FROM place_stats WHERE count <= 0")
        referred = [r[0] for r in conn.execute(
            "SELECT place_id FROM mentions WHERE article = ?1 UNION SELECT "
            "json_extract(j.value, '$[0]') FROM mentions, json_each(mentions.alternatives) AS j "
            "WHERE mentions.article = ?1", (aid,))]
        conn.executemany("UPDATE places SET refs = refs - 1 WHERE id = ?",
                         [(pid,) for pid in referred])
        gone = [r[0] for r in conn.execute(
            f"SELECT id FROM places WHERE refs <= 0 AND id IN ({','.join('?' * len(referred))})",
            referred)] if referred else []
        conn.executemany("DELETE FROM places WHERE id = ?", [(pid,) for pid in gone])
        self._known.difference_update(gone)
        for pid in gone:
            self._places.pop(pid, None)
        conn.execute("DELETE FROM passages_fts WHERE rowid IN "
                     "(SELECT id FROM passages WHERE article = ?)", (aid,))
        conn.execute(  # by its primary key: the article's places and reading-order key
            "DELETE FROM passage_places WHERE place_id IN (SELECT place_id FROM mentions "
            "WHERE article = ?) AND sortkey = (SELECT sortkey FROM articles WHERE id = ?)",
            (aid, aid))
        conn.execute("DELETE FROM mentions WHERE article = ?", (aid,))
        conn.execute("DELETE FROM passages WHERE article = ?", (aid,))
        conn.execute("DELETE FROM wire_bands WHERE article = ?", (aid,))
        conn.execute("DELETE FROM wire_sketches WHERE article = ?", (aid,))
        conn.execute("DELETE FROM articles WHERE id = ?", (aid,))

    def put(
        self,
        article: Article,
        mentions: Sequence[Mention],
        gazetteer: str,
        words: Sequence[str] | None = None,
    ) -> None:
        """Store an article with its passages and mentions (replacing any older version).
        Inside a transaction."""
        places = {m.place.id: m.place for m in mentions}
        places.update((c.place.id, c.place) for m in mentions for c in m.alternatives)
        self.put_rows(prepare(article, mentions, gazetteer, words), places.__getitem__)

    def put_rows(self, rows: ArticleRows, place: Callable[[str], Place],
                 replace: bool = True) -> None:
        """Store what ``prepare`` made of an article (``place(id)`` gives the places the index
        does not hold yet). ``replace``: the article may be in the index already. Inside a
        transaction."""
        conn = self.conn
        if replace:
            self.delete(rows.article[0])
        a = rows.article  # the file name (and the sort key ending with it) as stored text
        aid = conn.execute(
            "INSERT INTO articles (doc, size, mtime_ns, sha256, title, outlet, published, "
            "updated, encoding, sortkey, gazetteer, author, url, language, format) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (stored(a[0]), *a[1:9], stored(a[9]), *a[10:])).lastrowid
        self._add_totals(1, len(rows.passages), len(rows.mentions),
                         rows.mentions.count_type("demonym"))
        base = conn.execute("SELECT IFNULL(MAX(id), 0) + 1 FROM passages").fetchone()[0]
        # Generators, not lists: the rows of a huge article are not copied once more.
        conn.executemany('INSERT INTO passages (id, article, start, "end", kind, text, page) '
                         "VALUES (?,?,?,?,?,?,?)",
                         ((base + i, aid, *p[:4], p[5]) for i, p in enumerate(rows.passages)))
        conn.executemany("INSERT INTO passages_fts (rowid, words) VALUES (?, ?)",
                         ((base + i, p[4]) for i, p in enumerate(rows.passages)))
        conn.executemany(
            "INSERT INTO mentions (article, passage, seq, start, \"end\", text, type, place_id, "
            "confidence, reason, alternatives) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            ((aid, None if m[0] is None else base + m[0], *m[1:]) for m in rows.mentions))
        fresh = [pid for pid in rows.places if pid not in self._known]
        if fresh:
            conn.executemany(f"INSERT INTO places ({PLACE_INSERT}) VALUES "
                             "(?,?,?,?,?,?,?,?,?,?,?)", [place_row(place(pid)) for pid in fresh])
            self._known.update(fresh)
        conn.executemany("UPDATE places SET refs = refs + 1 WHERE id = ?",
                         [(pid,) for pid in rows.places])
        sortkey = stored(a[9])
        conn.executemany("INSERT INTO passage_places VALUES (?,?,?,?,?,?,?)",
                         [(pid, country, sortkey, pstart, base + i, aid, n)
                          for pid, country, pstart, i, n in rows.passage_places])
        conn.executemany(
            "INSERT INTO place_stats VALUES (?, ?, ?, 1) ON CONFLICT (place_id) DO UPDATE "
            "SET count = count + excluded.count, articles = articles + 1", rows.counts)
        if rows.sketch is not None and aid is not None:
            self._join_copies(aid, rows.sketch)

    def _join_copies(self, aid: int, sketch: bytes) -> None:
        """Store the article's sketch and put it in the group of its copies (``explorer.wire``):
        the articles sharing a band key with it are compared, one per group at most; the
        groups it matches become one."""
        from explorer.wire import THRESHOLD, band_keys, similarity

        conn = self.conn
        keys = band_keys(sketch)
        marks = ",".join("?" * len(keys))
        # The groups it is a copy in: a group's number (the lowest article id it had), or an
        # article alone's id negated.
        found: set[int] = set()
        for other, theirs, wire in conn.execute(
                "SELECT DISTINCT b.article, s.minhash, a.wire FROM wire_bands AS b "
                "JOIN wire_sketches AS s ON s.article = b.article "
                f"JOIN articles AS a ON a.id = b.article WHERE b.key IN ({marks}) "
                "ORDER BY b.article", keys).fetchall():
            group = -other if wire is None else wire
            if group not in found and similarity(sketch, theirs) >= THRESHOLD:
                found.add(group)
        conn.execute("INSERT INTO wire_sketches VALUES (?, ?)", (aid, sketch))
        conn.executemany("INSERT OR IGNORE INTO wire_bands VALUES (?, ?)",
                         [(k, aid) for k in keys])
        if not found:
            return
        groups = sorted(g for g in found if g >= 0)
        alone = sorted(-g for g in found if g < 0)
        gid = min([*groups, *alone, aid])
        conn.execute(
            f"UPDATE articles SET wire = ? WHERE id IN ({','.join('?' * (len(alone) + 1))}) "
            f"OR wire IN ({','.join('?' * len(groups))})", (gid, aid, *alone, *groups))

    def _add_totals(self, articles: int, passages: int, mentions: int, demonyms: int) -> None:
        self.conn.execute(
            "UPDATE totals SET n = n + CASE name WHEN 'articles' THEN ?1 WHEN 'passages' "
            "THEN ?2 WHEN 'mentions' THEN ?3 ELSE ?4 END",
            (articles, passages, mentions, demonyms))

    def optimize_search(self) -> None:
        """Merge the full-text index into one segment (inside a transaction): a search asks
        for each word with its Arabic prefixes (``explorer.search.forms``, 24 terms or more),
        each term a lookup in every segment (1.3 ms for 24 terms at 3,000 articles, 0.14 ms
        once merged; the merge took 60 ms)."""
        self.conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')")

    def search_segments(self) -> int:
        """How many segments the full-text index is in (see ``optimize_search``)."""
        row = self.conn.execute("SELECT COUNT(DISTINCT segid) FROM passages_fts_idx").fetchone()
        return int(row[0])

    def set_countries(self, countries: Iterable[Place]) -> None:
        self.conn.execute("DELETE FROM countries")
        self.conn.executemany("INSERT OR REPLACE INTO countries VALUES (?, ?, ?)",
                              [(p.country, p.name, p.name_ar) for p in countries if p.country])

    def set_problems(self, problems: Iterable[StoredProblem]) -> None:
        self.conn.execute("DELETE FROM problems")
        self.conn.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)",
                              [(stored(p.path), p.message, p.line, stored_or_none(p.doc),
                                p.size, p.mtime_ns) for p in problems])

    def problems(self) -> list[StoredProblem]:
        with guarded(self.path):
            return [StoredProblem(loaded(r[0]), r[1], r[2], loaded_or_none(r[3]), r[4], r[5])
                    for r in self.conn.execute(
                "SELECT path, message, line, doc, size, mtime_ns FROM problems ORDER BY rowid")]



@dataclass(frozen=True, slots=True)
class ArticleRows:
    """An article as the index stores it, ready to insert (made where it was geoparsed, so
    the one writer only writes). Passages are referred to by their index in ``passages``."""

    article: tuple[Any, ...]  # doc, size, mtime_ns, sha256, title, outlet, published,
    #                           updated, encoding, sortkey, gazetteer, author, url, language,
    #                           format
    passages: list[tuple[int, int, str, str, str, int | None]]  # start, end, kind, text,
    #                                                              folded words, page
    mentions: MentionRows  # passage index or None, seq, start, end, text, type,
    #                        place id, confidence, reason, alternatives JSON
    passage_places: list[tuple[str, str | None, int, int, int]]  # place id, country,
    #                                                            passage start, index, count
    counts: list[tuple[str, str | None, int]]  # place id, country, toponym mentions
    places: list[str]  # every place id referred to (alternatives too)
    sketch: bytes | None = None  # its MinHash (explorer.wire); None: too short to be a copy


def prepare(
    article: Article, mentions: Iterable[Mention], gazetteer: str,
    words: Sequence[str] | None = None,
) -> ArticleRows:
    """The rows of one article (see ``ArticleRows``), from its mentions in text order (read
    once: a stream of them is never held whole)."""
    from explorer.wire import sketch_folded  # numpy and datasketch: the writer's only

    if words is None:
        words = passage_words(article.passages)
    sortkey = sort_key(article.published, article.doc)
    passages = article.passages
    places: dict[str, str | None] = {}
    per_passage: dict[tuple[int, str], int] = {}
    counts: dict[str, int] = {}
    rows = MentionRows()
    # A name said a million times: its alternatives' JSON and its surface form are made once
    # and shared by its rows, not a million times (by value: mentions read back from JSON
    # have tuples of their own; the geoparser's share one, checked first).
    by_value: dict[tuple[tuple[str, float, tuple[Reason, ...]], ...], str] = {}
    last: tuple[Candidate, ...] | None = None
    alts = "[]"
    texts: dict[str, str] = {}
    starts = [p.start for p in passages]
    for m in mentions:
        if m.place.id not in places:
            places[m.place.id] = m.place.country
        if m.alternatives is not last:
            last = m.alternatives
            value = tuple((c.place.id, c.score, c.reasons) for c in last)
            made = by_value.get(value)
            if made is None:
                for c in last:
                    places.setdefault(c.place.id, c.place.country)
                made = by_value[value] = json.dumps(
                    [[c.place.id, c.score, to_pairs(c.reasons)] for c in last],
                    ensure_ascii=False) if last else "[]"
            alts = made
        i = _passage_at(passages, starts, m)
        text = texts.setdefault(m.text, m.text)
        rows.append(i, m.start, m.end, (text, m.type, m.place.id, m.confidence, encode(m.reasons),
                                         alts))
        if m.type == "toponym":
            counts[m.place.id] = counts.get(m.place.id, 0) + 1
            if i is not None:
                per_passage[(i, m.place.id)] = per_passage.get((i, m.place.id), 0) + 1
    return ArticleRows(
        (article.doc, article.size, article.mtime_ns, article.sha256, article.title,
         article.outlet, article.published, article.updated, article.encoding, sortkey,
         gazetteer, article.author, article.url, article.language, article.format),
        [(p.start, p.end, p.kind, p.text, w, p.page)
         for p, w in zip(passages, words, strict=True)],
        rows,
        [(pid, places[pid], passages[i].start, i, n) for (i, pid), n in per_passage.items()],
        [(pid, places[pid], n) for pid, n in counts.items()],
        list(places),
        sketch_folded(words),
    )


def passage_words(passages: Sequence[Passage]) -> tuple[str, ...]:
    """What the full-text index stores of each passage: its folded words."""
    return tuple(fold_words_text(p.text) for p in passages)



def _passage_at(passages: Sequence[Passage], starts: Sequence[int], m: Mention) -> int | None:
    """The passage holding ``m`` (passages in text order, ``starts`` their starts): a
    binary search, not a walk over an article's thousands of passages for each mention."""
    i = bisect_right(starts, m.start) - 1
    if i >= 0 and passages[i].start <= m.start and m.end <= passages[i].end:
        return i
    return None
