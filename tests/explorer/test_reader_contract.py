"""One suite for both index readers: the in-memory ``CorpusIndex`` and the SQLite ``IndexDB``
must answer every ``IndexReader`` query alike (see ``explorer.query`` for the semantics)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.index import CorpusIndex
from explorer.indexdb import IndexDB
from explorer.indexer import Indexer
from explorer.pipeline import open_corpus
from explorer.query import Filter, IndexReader, PassageHit, order_key
from gazetteer import Geoparser
from tests.explorer.conftest import copy_seeds

EXTRA = {
    # Spelling variants the search must fold: diacritics, ta marbuta, hamza seats, alif maqsura.
    "zz_extra_1.txt": "وفد يزور القاهرة\n\nوصل وفدٌ رسميّ إلى القاهرة أمس لبحث ملف المستشفى "
                      "الجديد مع مسؤولين في بغداد.\n",
    "zz_extra_2.txt": "أخبار\n\nقال مسئول في القاهره إن مستشفي المدينة افتُتح، وإن وزير "
                      "الخارجية سيزور باريس.\n",
}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_seeds(tmp_path_factory.mktemp("contract") / "corpus")
    for name, text in EXTRA.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def memory(corpus_dir: Path, world: Geoparser) -> CorpusIndex:
    return open_corpus(corpus_dir, geoparser=world)


@pytest.fixture(scope="module")
def sqlite(corpus_dir: Path, world: Geoparser) -> Iterator[IndexDB]:
    path = corpus_dir.parent / "index.sqlite"
    Indexer(corpus_dir, path, jobs=1, geoparser=world).run()
    db = IndexDB(path, readonly=True)
    yield db
    db.close()


@pytest.fixture(params=["memory", "sqlite"])
def reader(request: pytest.FixtureRequest) -> IndexReader:
    r: IndexReader = request.getfixturevalue(request.param)
    return r


FILTERS = [
    Filter(),
    Filter(countries=frozenset({"RU"})),
    Filter(countries=frozenset({"US", "AF"})),
    Filter(text="القاهرة"),
    Filter(text="روسيا", countries=frozenset({"US"})),
    Filter(doc="000_c1925879e5909a48.txt"),
]


def _hits(hits: list[PassageHit]) -> list[tuple[object, ...]]:
    return [(h.article.doc, h.article.published, h.article.title, h.passage, h.mentions)
            for h in hits]


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_both_readers_answer_alike(f: Filter, memory: CorpusIndex, sqlite: IndexDB) -> None:
    assert sqlite.places(f) == memory.places(f)
    assert sqlite.countries(f) == memory.countries(f)
    assert sqlite.count_passages(f) == memory.count_passages(f)
    assert _hits(sqlite.passages(f, None, 0, 10_000)) == _hits(memory.passages(f, None, 0, 10_000))
    for s in memory.places(f)[:3]:
        pid = s.place.id
        assert sqlite.count_passages(f, pid) == memory.count_passages(f, pid)
        assert _hits(sqlite.passages(f, pid, 2, 7)) == _hits(memory.passages(f, pid, 2, 7))


def test_stats_and_place_lookup_agree(memory: CorpusIndex, sqlite: IndexDB) -> None:
    assert sqlite.stats() == memory.stats()
    top = memory.places()[0]
    assert sqlite.place(top.place.id) == memory.place(top.place.id) == top
    assert sqlite.place("no:such") is None and memory.place("no:such") is None


def test_places_most_mentioned_first(reader: IndexReader) -> None:
    counts = [s.count for s in reader.places()]
    assert counts and counts == sorted(counts, reverse=True)


def test_country_filter_keeps_only_its_places(reader: IndexReader) -> None:
    f = Filter(countries=frozenset({"RU"}))
    places = reader.places(f)
    assert places and all(s.place.country == "RU" for s in places)
    for hit in reader.passages(f, None, 0, 1000):
        assert hit.mentions and all(m.place.country == "RU" for m in hit.mentions)


@pytest.mark.parametrize("f", [f for f in FILTERS if f.text or f.doc], ids=repr)
def test_countries_before_and_after_places(f: Filter, memory: CorpusIndex,
                                           sqlite: IndexDB) -> None:
    """The SQLite reader counts a text filter's countries on their own, or from the places it
    found for the map: the same either way."""
    sqlite.forget()
    assert sqlite.countries(f) == memory.countries(f)
    assert sqlite.places(f) == memory.places(f)
    assert sqlite.countries(f) == memory.countries(f)


def test_countries_ignore_the_selected_countries(reader: IndexReader) -> None:
    assert reader.countries(Filter(countries=frozenset({"RU"}))) == reader.countries()
    assert len(reader.countries()) > 1


def test_pages_concatenate_to_the_whole_in_reading_order(reader: IndexReader) -> None:
    f = Filter()
    total = reader.count_passages(f)
    whole = reader.passages(f, None, 0, total + 10)
    assert len(whole) == total > 20
    pages = [h for k in range(0, total, 7) for h in reader.passages(f, None, k, 7)]
    assert _hits(pages) == _hits(whole)
    keys = [(order_key(h.article), h.passage.start) for h in whole]
    assert keys == sorted(keys)
    dated = [h.article.published is not None for h in whole]
    assert dated == sorted(dated, reverse=True)  # undated articles come last


def test_full_text_search_folds_arabic_spelling(reader: IndexReader) -> None:
    # Written "القاهرة" and "القاهره" in the two articles; asked with diacritics or without.
    for query in ("القاهرة", "القاهره", "القاهِرَة"):
        docs = {h.article.doc for h in reader.passages(Filter(text=query), None, 0, 100)}
        assert docs == {"zz_extra_1.txt", "zz_extra_2.txt"}, query
    # Alif maqsura (مستشفى / مستشفي) and hamza on alif (إلى / الي) fold alike; every word of
    # the query must be in the passage.
    def docs(query: str) -> set[str]:
        return {h.article.doc for h in reader.passages(Filter(text=query), None, 0, 100)}

    assert docs("مسئول مستشفى") == {"zz_extra_2.txt"}
    assert docs("الي القاهرة") == {"zz_extra_1.txt"}
    assert reader.count_passages(Filter(text="كلمةلاتوجد")) == 0


def test_text_filter_restricts_places_and_passages(reader: IndexReader) -> None:
    f = Filter(text="القاهرة")
    ids = {s.place.id for s in reader.places(f)}
    assert ids and ids < {s.place.id for s in reader.places()}
    for hit in reader.passages(f, None, 0, 100):
        assert "القاهر" in hit.passage.text


def test_article_gives_the_text_back(reader: IndexReader) -> None:
    a = reader.article("zz_extra_1.txt")
    assert a is not None and a.text.startswith("وفد يزور القاهرة")
    assert len(a.sha256) == 64 and a.size > 0
    assert reader.article("missing.txt") is None


def test_mentions_in_one_article_alike_with_demonyms(
    memory: CorpusIndex, sqlite: IndexDB
) -> None:
    """The reader's query: every mention of one article, toponyms and demonyms, in text order,
    each at its place in the article's text."""
    docs = [a.doc for a in memory.articles]
    with_demonyms = 0
    for doc in docs:
        found = sqlite.mentions_in(doc)
        assert found == memory.mentions_in(doc)
        assert [m.start for m in found] == sorted(m.start for m in found)
        article = sqlite.article(doc)
        assert article is not None
        assert all(article.text[m.start:m.end] == m.text for m in found)
        with_demonyms += any(m.type == "demonym" for m in found)
    assert with_demonyms > 0
    assert sqlite.mentions_in("missing.txt") == [] == memory.mentions_in("missing.txt")


def test_confidences_are_the_mean_of_each_places_toponym_mentions(
    memory: CorpusIndex, sqlite: IndexDB
) -> None:
    found = sqlite.confidences()
    assert found.keys() == memory.confidences().keys() == {s.place.id for s in memory.places()}
    for pid, value in memory.confidences().items():
        assert found[pid] == pytest.approx(value)
    top = memory.places()[0].place.id
    scores = [m.confidence for ms in memory.mentions.values() for m in ms
              if m.type == "toponym" and m.place.id == top]
    assert found[top] == pytest.approx(sum(scores) / len(scores))
