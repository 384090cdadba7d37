"""B2: one article naming a place tens of thousands of times in one paragraph: a click on its
marker reads a bounded number of mentions and makes a bounded view (sizes and counts)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.passage_view import PASSAGE_CHARS, hits_html, passages_html
from explorer.query import MENTIONS_PER_PASSAGE, Filter
from gazetteer import Geoparser

MB = 0.5  # about 47,000 mentions of بيروت in one paragraph


def make_article(folder: Path, mb: float) -> None:
    """One article: a title and ``mb`` MB of بيروت in one paragraph (as
    benchmarks/memory.py makes them)."""
    folder.mkdir(parents=True)
    unit = "بيروت "
    n = int(mb * 1024 * 1024) // len(unit.encode())
    (folder / "huge.txt").write_text("مقال طويل جدا\n\n" + unit * n + "بيروت.\n",
                                     encoding="utf-8")


@pytest.fixture(scope="module")
def huge_index(tmp_path_factory: pytest.TempPathFactory, world: Geoparser) -> Path:
    base = tmp_path_factory.mktemp("huge")
    make_article(base / "c", MB)
    db = base / "i.sqlite"
    summary = Indexer(base / "c", db, geoparser=world).run()
    assert summary.new == 1 and summary.mentions > 40_000
    return db


def test_a_click_on_the_marker_reads_a_bounded_number_of_mentions(huge_index: Path) -> None:
    with IndexDB(huge_index, readonly=True) as db:
        top = db.places()[0]
        assert top.count > 40_000
        db.passages(Filter(), top.place.id, 0, 50, MENTIONS_PER_PASSAGE)  # caches filled
        tracemalloc.start()
        try:
            hits = db.passages(Filter(), top.place.id, 0, 50, MENTIONS_PER_PASSAGE)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    body = [h for h in hits if h.mentions]
    assert len(body) == 1
    hit = body[0]
    assert len(hit.mentions) == MENTIONS_PER_PASSAGE
    assert len(hit.mentions) + hit.more == top.count  # the rest is counted, not lost
    assert [m.start for m in hit.mentions] == sorted(m.start for m in hit.mentions)
    # The passage's text is the one big string: the mentions read stay few.
    assert peak < 2 * len(hit.passage.text.encode()) + 5_000_000


def test_the_view_of_a_huge_passage_is_bounded_and_says_what_is_left_out(
    huge_index: Path,
) -> None:
    with IndexDB(huge_index, readonly=True) as db:
        top = db.places()[0]
        hits = db.passages(Filter(), top.place.id, 0, 50, MENTIONS_PER_PASSAGE)
    hit = next(h for h in hits if h.mentions)
    assert len(hit.passage.text) > 20 * PASSAGE_CHARS
    page = hits_html(hits, None, 0, "Open article")
    assert len(page) < 100_000
    assert f"{hit.more:,} more mentions" in page
    assert f"{len(hit.passage.text) - PASSAGE_CHARS:,} more characters" in page
    whole = passages_html(hits, "Beirut", "none")
    assert len(whole) < 100_000


def test_an_export_still_reads_every_mention(huge_index: Path) -> None:
    """The bound is the view's: a reader asked for every mention (an export) gets them."""
    from explorer.export import mention_rows

    with IndexDB(huge_index, readonly=True) as db:
        top = db.places()[0]
        [hit] = [h for h in db.passages(Filter(), top.place.id, 0, 50) if h.mentions]
        assert (len(hit.mentions), hit.more) == (top.count, 0)
        assert sum(1 for _ in mention_rows(db)) == db.stats()["mentions"]


def test_small_passages_are_shown_whole(seeds_copy: Path, tmp_path: Path,
                                        world: Geoparser) -> None:
    Indexer(seeds_copy, tmp_path / "i.sqlite", geoparser=world).run()
    with IndexDB(tmp_path / "i.sqlite", readonly=True) as db:
        hits = db.passages(Filter(), db.places()[0].place.id, 0, 100)
    assert hits and all(h.more == 0 for h in hits)
    assert "not shown" not in hits_html(hits)


def test_the_rows_of_a_huge_article_share_what_repeats(tmp_path: Path, world: Geoparser) -> None:
    """W7: ``prepare`` costs a small constant per mention (a name said 47,000 times: its
    alternatives' JSON and surface form are made once), and finds each mention's passage by
    a binary search (the right one, in an article of many passages)."""
    from explorer.corpus import read_article
    from explorer.index.writer import prepare

    make_article(tmp_path / "c", MB)
    article = read_article(tmp_path / "c" / "huge.txt", tmp_path / "c")
    found = world.parse(article.text, [(p.start, p.end) for p in article.passages])
    assert len(found) > 40_000
    from explorer.wire import sketch_words  # its libraries' import: once, not per article

    sketch_words(["كلمة"] * 30)
    tracemalloc.start()
    try:
        rows = prepare(article, found, "fp")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(rows.mentions) == len(found)
    assert len({id(r[9]) for r in rows.mentions}) <= 2  # one JSON per distinct alternatives
    assert len({id(r[4]) for r in rows.mentions}) <= 2
    assert peak < 220 * len(found)  # bytes per mention, all told


def test_each_mention_is_in_its_passage(seeds_copy: Path, world: Geoparser) -> None:
    from explorer.corpus import read_article
    from explorer.index.writer import prepare

    path = sorted(seeds_copy.glob("*.txt"))[1]
    article = read_article(path, seeds_copy)
    found = world.parse(article.text, [(p.start, p.end) for p in article.passages])
    rows = prepare(article, found, "fp")
    for m, r in zip(found, rows.mentions, strict=True):
        p = article.passages[r[0]]
        assert p.start <= m.start and m.end <= p.end


def test_a_corpus_wide_correction_of_a_huge_article_stays_small(
    huge_index: Path, tmp_path: Path, world: Geoparser
) -> None:
    """B2: rewriting the article's mentions shares what its mentions repeat (candidates,
    strings) and builds its text in one piece: memory per mention stays small."""
    import shutil

    from explorer.corrections import Correction

    db_path = tmp_path / "i.sqlite"
    shutil.copy(huge_index, db_path)
    with IndexDB(db_path) as db:
        n = db.stats()["mentions"]
        tracemalloc.start()
        try:
            db.add_correction(Correction("corpus", "reject", "بيروت"), world.gaz.by_id.get)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert db.stats()["mentions"] < n // 100  # they are gone
    assert peak < 2000 * n  # bytes per mention rewritten, all told


def test_folding_a_long_text_keeps_its_offsets_compact() -> None:
    """W7: the folded text's map back to the original costs a machine integer a character
    (it was a Python list: 40 bytes a character, the largest part of indexing's peak)."""
    from gazetteer.normalize import normalize

    text = "وَصَلَ الوَفْدُ إلى بَيْرُوت. " * 40_000  # diacritics: dropped, so a map is kept
    tracemalloc.start()
    try:
        norm = normalize(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert norm.span(0, 3) == (0, 6)  # وصل is وَصَلَ
    assert len(norm.origin) == len(norm.text) < len(text)
    assert peak < 12 * len(text)


def test_the_tokens_bounds_of_a_long_text_are_compact() -> None:
    """W7: a token's bounds cost a machine integer each (a list's were 40 bytes)."""
    import sys

    from gazetteer.matcher import Tokens

    text = "وصل الوفد الى بيروت. " * 20_000
    tracemalloc.start()
    try:
        toks = Tokens(text)
        now = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(toks.bounds) == 2 * len(toks.words) + 1 == 160_001
    assert (toks.bounds[0], toks.bounds[1]) == (0, 3)
    parts = [*toks.words, *toks.seps]
    strings = sum(sys.getsizeof(p) + 8 for p in parts) + 2 * 56  # and their two lists
    assert now - strings < 12 * len(toks.bounds)
