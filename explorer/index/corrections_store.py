"""The analyst's corrections in the index (``explorer.corrections``): stored, listed, and
applied again to the articles they touch; a row that is not a correction is kept, not applied."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from explorer.article import Article, Passage
from explorer.corrections import (
    Applied,
    Correction,
    CorrectionError,
    NewPlace,
    apply,
    folded_name,
    mentions_from_json,
    mentions_to_json,
    relevant,
)
from explorer.filenames import loaded, loaded_or_none, stored
from explorer.index.errors import guarded
from explorer.index.rows import StoredProblem, stored_or_none
from explorer.index.writer import IndexWriter
from gazetteer.model import Place

log = logging.getLogger(__name__)


class CorrectionsStore(IndexWriter):
    """The corrections table, and the mentions rewritten as corrections come and go."""

    def corrections(self) -> list[Correction]:
        """Every stored correction, oldest first. A row that is not a correction (a number
        where text belongs, a blob, nested JSON, hand-edited) is kept in the table and not
        applied; ``unreadable_corrections`` says which and why."""
        with guarded(self.path):
            rows = self.conn.execute(
                'SELECT id, scope, doc, start, "end", surface, action, place_id, place, sha256, '
                "note, created FROM corrections ORDER BY id").fetchall()
        out = []
        bad: list[tuple[int, str]] = []
        for r in rows:
            try:
                out.append(_correction_from_row(r))
            except CorrectionError as exc:  # kept in the table, not applied
                log.debug("%s: correction %s is unreadable, not applied: %s",
                          self.path, r[0], exc)
                bad.append((r[0], str(exc)))
        self._unreadable = bad
        return out

    def unreadable_corrections(self) -> list[StoredProblem]:
        """The rows of the corrections table the last ``corrections()`` could not read, as
        problems naming the row (kept in the table, not applied)."""
        return [StoredProblem(f"{self.path}", f"correction {cid} (row of the corrections "
                              f"table) is unreadable, kept but not applied: {why}")
                for cid, why in self._unreadable]

    def add_correction(
        self, c: Correction, place_of: Callable[[str], Place | None] = lambda _pid: None
    ) -> tuple[Correction, list[Applied]]:
        """Store ``c`` and rewrite the mentions of the articles it touches, in one transaction.
        ``place_of``: places the index may not hold (the gazetteer's). The stored correction
        (with its id) and what applying changed. Raises ``CorrectionError`` for a correction
        an exported gazetteer file could not bring back (``Correction.problem``)."""
        if (why := c.problem()) is not None:
            raise CorrectionError(why)
        with self.transaction():
            cur = self.conn.execute(
                'INSERT INTO corrections (scope, doc, start, "end", surface, action, place_id, '
                "place, sha256, note, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (c.scope, stored_or_none(c.doc), c.start, c.end, c.surface, c.action, c.target,
                 c.new_place.to_json() if c.new_place else None, c.sha256, c.note,
                 time.strftime("%Y-%m-%dT%H:%M:%S")))
            stored = dataclasses.replace(c, id=cur.lastrowid)
            return stored, self._reapply(stored, place_of)

    def delete_correction(
        self, correction_id: int, place_of: Callable[[str], Place | None] = lambda _pid: None
    ) -> list[Applied]:
        """Remove a correction and rewrite the mentions of the articles it touched."""
        with self.transaction():
            gone = next((c for c in self.corrections() if c.id == correction_id), None)
            if gone is None:
                return []
            self.conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
            return self._reapply(gone, place_of)

    def _reapply(self, c: Correction, place_of: Callable[[str], Place | None]) -> list[Applied]:
        corrections = self.corrections()
        docs = [c.doc] if c.doc is not None else self._docs_naming(c.key)
        return [self._rewrite(doc, relevant(corrections, doc), place_of) for doc in docs]

    def _docs_naming(self, key: str) -> list[str]:
        """Articles with a mention (corrected or not) of the folded name ``key``."""
        texts = [t for (t,) in self.conn.execute("SELECT DISTINCT text FROM mentions")
                 if folded_name(t) == key]
        found = {loaded(doc) for (doc,) in self.conn.execute(
            "SELECT DISTINCT a.doc FROM mentions AS m JOIN articles AS a ON a.id = m.article "
            f"WHERE m.text IN ({','.join('?' * len(texts))})", texts)} if texts else set()
        for doc, raw in self.conn.execute("SELECT a.doc, u.mentions FROM uncorrected AS u "
                                          "JOIN articles AS a ON a.id = u.article"):
            doc = loaded(doc)
            if doc not in found and any(folded_name(m.text) == key
                                        for m in mentions_from_json(raw)):
                found.add(doc)
        return sorted(found)

    def _rewrite(
        self, doc: str, corrections: list[Correction], place_of: Callable[[str], Place | None]
    ) -> Applied:
        """Article ``doc``'s mentions again: the geoparser's, with ``corrections`` applied."""
        conn = self.conn
        row = conn.execute(
            "SELECT id, size, mtime_ns, sha256, title, outlet, published, updated, encoding, "
            "gazetteer, author, url, language, format FROM articles WHERE doc = ?",
            (stored(doc),)).fetchone()
        if row is None:
            return Applied([], False)
        aid, sha, gazetteer = row[0], row[3], row[9]
        kept = conn.execute("SELECT mentions FROM uncorrected WHERE article = ?",
                            (aid,)).fetchone()
        if kept is not None:
            raw = mentions_from_json(kept[0])
        else:
            raw = [self._mention(r) for r in conn.execute(
                'SELECT start, "end", text, type, place_id, confidence, reason, alternatives '
                "FROM mentions WHERE article = ? ORDER BY start, seq", (aid,))]
        passages = tuple(Passage(*r) for r in conn.execute(
            'SELECT start, "end", text, kind, page FROM passages WHERE article = ? '
            "ORDER BY start",
            (aid,)))
        # The article's text where it is shown (what a correction's offsets may refer to).
        pieces: list[str] = []
        pos = 0
        for p in passages:  # in text order, apart
            pieces += (" " * (p.start - pos), p.text)
            pos = p.end
        article = Article(doc, Path(doc), "".join(pieces), row[4], row[5], row[6], row[7],
                          passages, encoding=row[8], size=row[1], mtime_ns=row[2], sha256=sha,
                          author=row[10], url=row[11], language=row[12], format=row[13])

        def place(pid: str) -> Place | None:
            found = place_of(pid)
            if found is None and pid in self._known:
                found = self._place(pid)
            return found

        applied = apply(doc, sha, article.text, raw, corrections, place)
        self.put(article, applied.mentions, gazetteer)
        if applied.changed:
            self.set_uncorrected(doc, mentions_to_json(raw))
        return applied

    def set_uncorrected(self, doc: str, mentions_json: str) -> None:
        """Keep the geoparser's own mentions of ``doc`` (stored corrected). In a transaction."""
        self.conn.execute("INSERT OR REPLACE INTO uncorrected SELECT id, ? FROM articles "
                          "WHERE doc = ?", (mentions_json, stored(doc)))


#: The type each column of a corrections row must have (None: may be NULL).
_CORRECTION_COLUMNS: tuple[tuple[str, type, bool], ...] = (
    ("id", int, False), ("scope", str, False), ("doc", str, True), ("start", int, True),
    ("end", int, True), ("surface", str, True), ("action", str, False),
    ("place_id", str, True), ("place", str, True), ("sha256", str, True), ("note", str, True),
    ("created", str, True),
)
_KINDS = {int: "a whole number", str: "text"}


def _correction_from_row(r: Sequence[Any]) -> Correction:
    """A row of the corrections table; ``CorrectionError`` for anything else."""
    for (name, kind, nullable), value in zip(_CORRECTION_COLUMNS, r, strict=True):
        if value is None and nullable:
            continue
        if type(value) is not kind:
            got = "empty" if value is None else {bytes: "a blob", float: "a number",
                                                 int: "a number", str: "text"}.get(
                type(value), type(value).__name__)
            raise CorrectionError(f"{name} is {got}, not {_KINDS[kind]}")
    try:
        new = NewPlace.from_json(r[8]) if r[8] else None
    except RecursionError:
        raise CorrectionError("place is not a new place (JSON nested too deep)") from None
    return Correction(r[1], r[6], r[5] or "", loaded_or_none(r[2]), r[3], r[4], r[7], new,
                      r[9], r[10] or "", id=r[0], created=r[11] or "")

