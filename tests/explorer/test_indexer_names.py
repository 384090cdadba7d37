"""B1: file names that are not UTF-8 (Arabic in cp1256 from Windows archives) are indexed
under a name that round-trips to the very bytes; an article that cannot be stored is refused
with a problem naming it, and the rest is indexed."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.article_html import article_html
from explorer.filenames import loaded, readable, stored
from explorer.index.build import Indexer, local_runner
from explorer.index.db import IndexDB
from explorer.index.parse import Parsed, Result, Task
from explorer.mention_rows import MentionRows
from explorer.passage_view import article_heading
from explorer.query import Filter
from gazetteer import Geoparser

CP1256 = "مقال".encode("cp1256") + b".txt"


def cp1256_corpus(seeds_copy: Path) -> str:
    """The seeds plus one copy under a cp1256 name; that file's name as Python sees it."""
    first = sorted(seeds_copy.glob("*.txt"))[0]
    raw = os.path.join(os.fsencode(seeds_copy), CP1256)
    with open(raw, "wb") as fh:
        fh.write(first.read_bytes())
    return os.fsdecode(CP1256)


def test_a_cp1256_file_name_is_indexed_and_round_trips(
    seeds_copy: Path, tmp_path: Path, world: Geoparser
) -> None:
    doc = cp1256_corpus(seeds_copy)
    db_path = tmp_path / "i.sqlite"
    summary = Indexer(seeds_copy, db_path, geoparser=world).run()
    assert (summary.new, summary.refused) == (6, 0)
    assert summary.problems == []
    again = Indexer(seeds_copy, db_path, geoparser=world).run()
    assert (again.new, again.changed, again.unchanged) == (0, 0, 6)  # its stat is matched
    with IndexDB(db_path, readonly=True) as db:
        assert doc in db.stored()
        assert os.fsencode(doc) == CP1256
        hits = db.passages(Filter(doc=doc), None, 0, 100)
        assert hits and {h.article.doc for h in hits} == {doc}
        assert db.mentions_in(doc)
        article = db.article(doc)  # read again from the very file
        assert article is not None and article.doc == doc
        assert "مقال.txt" in article_html(article, db.mentions_in(doc))  # the reader's
    assert readable(doc) == "مقال.txt"
    assert "مقال.txt" in article_heading(hits[0])  # shown readably in the passage panel


@pytest.mark.parametrize("name", [
    "plain.txt", os.fsdecode(CP1256), os.fsdecode(b"a\xff\xfe/b\x80.txt"),
    "real \U0010ff85 private.txt", "mixed \U0010ffff" + os.fsdecode(b"\xe3") + ".txt",
])
def test_stored_names_round_trip(name: str) -> None:
    text = stored(name)
    text.encode("utf-8")  # valid UTF-8: SQLite takes it
    assert loaded(text) == name
    assert os.fsencode(loaded(text)) == os.fsencode(name)


def test_an_article_that_cannot_be_stored_is_refused_and_the_rest_indexed(
    seeds_copy: Path, tmp_path: Path, world: Geoparser
) -> None:
    files = sorted(p.name for p in seeds_copy.glob("*.txt"))
    victim = files[2]

    def runner(g: Geoparser) -> object:
        real = local_runner(seeds_copy, 20 * 1024 * 1024, g, "fp", 1)

        def run(tasks: Sequence[Task]) -> Iterator[Result]:
            for r in real(tasks):
                if isinstance(r, Parsed) and r.doc == victim:  # a place no gazetteer has
                    mentions = MentionRows()
                    for k, (passage, _seq, start, end, *tail) in enumerate(r.rows.mentions):
                        if k == 0:
                            tail[2] = "no-such-place"
                        mentions.append(passage, start, end, tuple(tail))
                    rows = replace(r.rows, mentions=mentions,
                                   places=[*r.rows.places, "no-such-place"])
                    r = replace(r, rows=rows)
                yield r
        return run

    db_path = tmp_path / "i.sqlite"
    summary = Indexer(seeds_copy, db_path, geoparser=world, runner=runner).run()  # type: ignore[arg-type]
    assert (summary.new, summary.refused) == (len(files) - 1, 1)
    [problem] = summary.problems
    assert problem.path == str(seeds_copy / victim)
    assert "could not be indexed" in problem.message
    with IndexDB(db_path) as db:
        assert sorted(db.stored()) == sorted(set(files) - {victim})
        assert db.conn.execute("SELECT COUNT(*) FROM places WHERE id = 'no-such-place'"
                               ).fetchone()[0] == 0
