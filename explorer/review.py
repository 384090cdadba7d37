"""What the analyst reviews: the stored corrections with where they apply (article title and
passage), and the queue of the mentions the geoparser was least sure of.

Qt-free; read from an open ``IndexDB`` (the window asks on its corrections thread).
A mention leaves the queue once a correction covers it: corrected or accepted mentions carry
confidence 1.0 (``explorer.corrections.corrected``), rejected ones are gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from explorer.corrections import ACCEPTED, Correction
from explorer.filenames import loaded, stored
from explorer.index.db import IndexDB
from explorer.index.errors import guarded
from gazetteer.model import Mention, Place

#: How many mentions of the queue are read at once (the total is counted in full).
QUEUE_LIMIT = 500
#: Characters of a passage shown around a mention in the corrections list.
CONTEXT = 60


@dataclass(frozen=True, slots=True)
class Listed:
    """A stored correction and where it applies, as the corrections dock lists it."""

    correction: Correction
    title: str  # the article's title ("" when it is no longer in the index, or corpus scope)
    passage: str  # the text around the mention ("" unless mention scope)
    place: Place | None  # the place it resolves to (None: rejected, or not known)


@dataclass(frozen=True, slots=True)
class Pending:
    """A mention of the review queue, in its article and passage."""

    doc: str
    sha256: str
    title: str
    passage_start: int  # offset of ``passage`` in the article
    passage: str
    mention: Mention


def listed(
    db: IndexDB, place_of: Callable[[str], Place | None] = lambda _pid: None
) -> list[Listed]:
    """Every stored correction (newest first) with its article title and passage, and the
    place it names (``place_of``: the gazetteer's places; else the index's)."""
    out: list[Listed] = []
    corrections = db.corrections()
    with guarded(db.path):
        for c in reversed(corrections):
            title, passage = "", ""
            if c.doc is not None:
                row = db.conn.execute("SELECT id, title FROM articles WHERE doc = ?",
                                      (stored(c.doc),)).fetchone()
                if row is not None:
                    title = row[1]
                    if c.scope == "mention" and c.start is not None:
                        passage = _around(db, row[0], c.start, c.end or c.start)
            place = None
            if c.new_place is not None:
                place = c.new_place.place()
            elif c.target is not None:
                place = place_of(c.target) or _known_place(db, c.target)
            out.append(Listed(c, title, passage, place))
    return out


def _known_place(db: IndexDB, pid: str) -> Place | None:
    """The place ``pid`` as the index's places table holds it (None: not there)."""
    return db._place(pid) if pid in db._known else None


def _around(db: IndexDB, article: int, start: int, end: int) -> str:
    """The passage holding ``start``-``end`` of ``article``, cut to ``CONTEXT`` characters
    either side (… where cut)."""
    row = db.conn.execute('SELECT start, text FROM passages WHERE article = ? AND start <= ? '
                          'AND "end" >= ? ORDER BY start DESC LIMIT 1',
                          (article, start, end)).fetchone()
    if row is None:
        return ""
    p0, text = row
    a, b = max(0, start - p0 - CONTEXT), min(len(text), end - p0 + CONTEXT)
    return ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")


_QUEUE_WHERE = "m.confidence < 1.0"


def queue(db: IndexDB, limit: int = QUEUE_LIMIT) -> tuple[int, list[Pending]]:
    """The mentions to review, least confident first (then in reading order): how many there
    are, and the first ``limit`` of them with their passage."""
    with guarded(db.path):
        (total,) = db.conn.execute(
            f"SELECT COUNT(*) FROM mentions AS m WHERE {_QUEUE_WHERE}").fetchone()
        rows = db.conn.execute(
            'SELECT m.start, m."end", m.text, m.type, m.place_id, m.confidence, m.reason, '
            "m.alternatives, a.doc, a.sha256, a.title, p.start, p.text "
            "FROM mentions AS m JOIN articles AS a ON a.id = m.article "
            "LEFT JOIN passages AS p ON p.id = m.passage "
            f"WHERE {_QUEUE_WHERE} ORDER BY m.confidence, a.sortkey, m.start LIMIT ?",
            (limit,)).fetchall()
        items = [Pending(loaded(r[8]), r[9], r[10], r[11] if r[11] is not None else r[0],
                         r[12] if r[12] is not None else r[2], db._mention(r[:8]))
                 for r in rows]
    return total, items


__all__ = ["ACCEPTED", "Listed", "Pending", "listed", "queue"]
