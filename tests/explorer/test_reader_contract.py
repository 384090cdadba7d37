"""One suite for both index readers: the in-memory ``CorpusIndex`` and the SQLite ``IndexDB``
must answer every ``IndexReader`` query alike (see ``explorer.query`` for the semantics)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.areas import BBox, Near, great_circle_km
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.query import ALL_TYPES, Filter, IndexReader, PassageHit, order_key
from gazetteer import Geoparser
from tests.explorer.conftest import copy_seeds

EXTRA = {
    # Spelling variants the search must fold: diacritics, ta marbuta, hamza seats, alif maqsura.
    "zz_extra_1.txt": "وفد يزور القاهرة\n\nوصل وفدٌ رسميّ إلى القاهرة أمس لبحث ملف المستشفى "
                      "الجديد مع مسؤولين في بغداد.\n",
    "zz_extra_2.txt": "أخبار\n\nقال مسئول في القاهره إن مستشفي المدينة افتُتح، وإن وزير "
                      "الخارجية سيزور باريس.\n",
    # Dated articles (Thursday of the week of 2021-09-27, and Monday of the next) naming
    # cities, countries of Central Asia, the region itself, and demonyms.
    "zz_extra_3.txt": "وزير يزور طهران\n\nوكالة الأنباء\nتم النشر: 2021/09/30 الساعة 10:00\n\n"
                      "وصل وزير الخارجية إلى طهران أمس، وبحث مع المسؤولين في الحكومة الإيرانية "
                      "الوضع في كابول.\n\nوقال إن دول آسيا الوسطى ومنها أوزبكستان تتابع الأمر.\n",
    "zz_extra_4.txt": "قمة في طشقند\n\nوكالة الأنباء\nتم النشر: 2021/10/04 الساعة 09:30\n\n"
                      "استضافت طشقند اجتماعا ضم وفودا من كازاخستان وقرغيزستان، وشارك فيه "
                      "مسؤولون أفغان.\n",
}
CENTRAL_ASIA = "region:central-asia"
#: Cairo to Tehran; the Pacific across the antimeridian (the Americas' west); 800 km of Cairo.
MIDDLE_EAST = BBox(25.0, 20.0, 65.0, 45.0)
PACIFIC = BBox(100.0, -60.0, -60.0, 80.0)
NEAR_CAIRO = Near(30.04, 31.24, 800.0, "Cairo")


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
    Filter(kinds=frozenset({"city"})),
    Filter(kinds=frozenset({"country", "region"}), countries=frozenset({"AF", "UZ"})),
    Filter(types=ALL_TYPES),
    Filter(types=frozenset({"demonym"})),
    Filter(types=ALL_TYPES, countries=frozenset({"RU"})),
    Filter(date_from="2021-09-28"),
    Filter(date_to="2021-09-28"),
    Filter(date_from="2021-09-29", date_to="2021-10-04"),
    Filter(date_from="2021-09-30", date_to="2021-09-30", types=ALL_TYPES),
    Filter(min_confidence=0.9),
    Filter(min_confidence=0.9, types=ALL_TYPES, kinds=frozenset({"country"})),
    Filter(regions=frozenset({CENTRAL_ASIA})),
    Filter(regions=frozenset({CENTRAL_ASIA}), countries=frozenset({"RU"}), types=ALL_TYPES),
    Filter(text="روسيا", date_from="2021-01-01", kinds=frozenset({"country"})),
    Filter(text="طهران", types=ALL_TYPES, min_confidence=0.5, date_to="2021-12-31"),
    Filter(outlets=frozenset({"وكالة الأنباء"})),
    Filter(outlets=frozenset({"وكالة الأنباء"}), types=ALL_TYPES, countries=frozenset({"IR"})),
    Filter(formats=frozenset({"txt"})),
    Filter(formats=frozenset({"pdf"})),
    Filter(once=True),  # no copies here (test_wire.py has): answered the slower way
    Filter(once=True, countries=frozenset({"RU"}), text="روسيا", date_to="2021-12-31"),
    Filter(languages=frozenset({"ar"})),
    Filter(languages=frozenset({"en", "fr"})),
    Filter(languages=frozenset({"ar"}), types=ALL_TYPES, countries=frozenset({"RU"})),
    Filter(area=MIDDLE_EAST),
    Filter(area=MIDDLE_EAST, countries=frozenset({"IR", "RU"})),
    Filter(area=MIDDLE_EAST, types=ALL_TYPES, kinds=frozenset({"city"})),
    Filter(area=MIDDLE_EAST, text="القاهرة", date_to="2021-12-31"),
    Filter(area=PACIFIC),
    Filter(area=NEAR_CAIRO),
    Filter(area=NEAR_CAIRO, types=ALL_TYPES, min_confidence=0.5),
    Filter(area=Near(41.0, 69.0, 1500.0, "Tashkent"), regions=frozenset({CENTRAL_ASIA})),
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
    for bucket in ("day", "week"):
        assert sqlite.timeline(f, bucket) == memory.timeline(f, bucket)


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


# -- the filters that combine: each field on its own ------------------------------------------


def _mentions(reader: IndexReader, f: Filter) -> list[object]:
    return [m for h in reader.passages(f, None, 0, 10_000) for m in h.mentions]


def test_kind_filter_keeps_only_its_kinds(reader: IndexReader) -> None:
    f = Filter(kinds=frozenset({"city"}))
    places = reader.places(f)
    assert places and all(s.place.kind == "city" for s in places)
    assert {s.place.kind for s in reader.places()} > {"city"}
    found = _mentions(reader, f)
    assert found and all(m.place.kind == "city" for m in found)  # type: ignore[attr-defined]
    assert reader.count_passages(f) < reader.count_passages(Filter())


def test_mention_types_default_to_toponyms(reader: IndexReader) -> None:
    assert Filter().types == frozenset({"toponym"})
    assert all(m.type == "toponym" for m in _mentions(reader, Filter()))  # type: ignore[attr-defined]
    demonyms = Filter(types=frozenset({"demonym"}))
    found = _mentions(reader, demonyms)
    assert found and all(m.type == "demonym" for m in found)  # type: ignore[attr-defined]
    # Every mention, of either type, is counted once on its place.
    both = sum(s.count for s in reader.places(Filter(types=ALL_TYPES)))
    assert both == reader.stats()["mentions"]
    assert sum(s.count for s in reader.places(demonyms)) == reader.stats()["demonyms"]
    assert reader.count_passages(Filter(types=frozenset())) == 0


def test_date_range_is_inclusive_and_drops_undated_articles(reader: IndexReader) -> None:
    def days(f: Filter) -> set[str | None]:
        hits = reader.passages(f, None, 0, 10_000)
        return {h.article.published[:10] if h.article.published else None for h in hits}

    everything = days(Filter())
    assert None in everything and {"2021-09-28", "2021-09-30", "2021-10-04"} <= everything
    assert days(Filter(date_from="2021-09-30")) == {"2021-09-30", "2021-10-04"}
    assert days(Filter(date_to="2021-09-30")) == {"2021-07-17", "2021-09-28", "2021-09-30"}
    assert days(Filter(date_from="2021-09-30", date_to="2021-09-30")) == {"2021-09-30"}
    assert days(Filter(date_from="2021-10-05")) == set()
    f = Filter(date_from="2021-09-29", date_to="2021-10-04")
    assert {s.place.id for s in reader.places(f)} == {
        m.place.id for m in _mentions(reader, f)}  # type: ignore[attr-defined]
    assert {c.code for c in reader.countries(f)} == {"IR", "AF", "UZ", "KZ", "KG"}


def test_minimum_confidence_drops_weaker_mentions(reader: IndexReader) -> None:
    weak = [m for m in _mentions(reader, Filter()) if m.confidence < 0.97]  # type: ignore[attr-defined]
    assert weak
    f = Filter(min_confidence=0.97)
    found = _mentions(reader, f)
    assert found and all(m.confidence >= 0.97 for m in found)  # type: ignore[attr-defined]
    assert sum(s.count for s in reader.places(f)) == \
        sum(s.count for s in reader.places()) - len(weak)


def test_region_selects_its_member_countries_and_itself(reader: IndexReader) -> None:
    f = Filter(regions=frozenset({CENTRAL_ASIA}))
    ids = {s.place.id for s in reader.places(f)}
    countries = {s.place.country for s in reader.places(f)}
    assert CENTRAL_ASIA in ids
    members = {"KZ", "KG", "TJ", "TM", "UZ"}
    assert {"UZ", "KZ", "KG"} <= countries - {None} <= members
    assert {c.code for c in reader.countries(f)} == {c.code for c in reader.countries()}
    both = Filter(regions=frozenset({CENTRAL_ASIA}), countries=frozenset({"AF"}))
    assert {s.place.country for s in reader.places(both)} - {None} == countries - {None} | {"AF"}
    assert reader.count_passages(both) > reader.count_passages(f)
    assert reader.places(Filter(regions=frozenset({"region:no-such"}))) == []


def test_timeline_counts_dated_mentions_per_day_and_week(reader: IndexReader) -> None:
    import datetime as dt

    days = reader.timeline(Filter())
    assert [d for d, _ in days] == sorted(d for d, _ in days)
    assert {d.isoformat() for d, _ in days} == {"2021-07-17", "2021-09-28", "2021-09-30",
                                                "2021-10-04"}
    dated = Filter(date_from="1900-01-01")
    assert sum(n for _, n in days) == sum(s.count for s in reader.places(dated))
    weeks = dict(reader.timeline(Filter(), "week"))
    assert weeks[dt.date(2021, 9, 27)] == sum(n for d, n in days if d.isoformat() in
                                              ("2021-09-28", "2021-09-30"))
    assert all(d.weekday() == 0 for d in weeks)
    narrow = reader.timeline(Filter(date_from="2021-09-30", types=ALL_TYPES))
    assert [d.isoformat() for d, _ in narrow] == ["2021-09-30", "2021-10-04"]
    with pytest.raises(ValueError, match="bucket"):
        reader.timeline(Filter(), "month")


def test_a_country_filter_keeps_the_regions_holding_it(reader: IndexReader) -> None:
    """Bug 6: Central Asia stays on the map while one of its countries is chosen, without
    bringing its other members along; a country outside it leaves it out."""
    members = {"KZ", "KG", "TJ", "TM", "UZ"}
    chosen = next(c.code for c in reader.countries() if c.code in members)
    f = Filter(countries=frozenset({chosen}))
    places = reader.places(f)
    assert CENTRAL_ASIA in {s.place.id for s in places}
    assert {s.place.country for s in places} - {None} == {chosen}
    region = next(s for s in places if s.place.id == CENTRAL_ASIA)
    assert region.count == next(s.count for s in reader.places() if s.place.id == CENTRAL_ASIA)
    assert reader.count_passages(f, CENTRAL_ASIA) == reader.count_passages(Filter(), CENTRAL_ASIA)
    assert reader.count_passages(f) == len(reader.passages(f, None, 0, 10_000))
    assert any(m.place.id == CENTRAL_ASIA
               for h in reader.passages(f, None, 0, 10_000) for m in h.mentions)
    other = Filter(countries=frozenset({"AF"}))
    assert CENTRAL_ASIA not in {s.place.id for s in reader.places(other)}


def test_article_facets_agree(memory: CorpusIndex, sqlite: IndexDB) -> None:
    facets = sqlite.article_facets()
    assert memory.article_facets() == facets
    assert ("وكالة الأنباء", 2) in facets["outlet"] and facets["format"][0][0] == "txt"
    assert facets["language"] and facets["language"][0][0] == "ar"


def test_outlet_and_format_filters_keep_their_articles(reader: IndexReader) -> None:
    agency = Filter(outlets=frozenset({"وكالة الأنباء"}))
    docs = {h.article.doc for h in reader.passages(agency, None, 0, 500)}
    assert docs == {"zz_extra_3.txt", "zz_extra_4.txt"}
    assert reader.count_passages(Filter(formats=frozenset({"pdf"}))) == 0
    assert reader.count_passages(Filter(formats=frozenset({"txt"}))) == reader.count_passages(
        Filter())
    assert sum(n for _, n in reader.timeline(agency)) > 0


def test_an_area_keeps_only_the_places_inside_it(reader: IndexReader) -> None:
    every = reader.places()
    for area in (MIDDLE_EAST, PACIFIC, NEAR_CAIRO):
        f = Filter(area=area)
        inside = {s.place.id for s in every if area.contains(s.place.lat, s.place.lon)}
        places = reader.places(f)
        assert places and {s.place.id for s in places} == inside
        assert 0 < reader.count_passages(f) < reader.count_passages(Filter())
        for hit in reader.passages(f, None, 0, 1000):
            assert all(area.contains(m.place.lat, m.place.lon) for m in hit.mentions)
    east_asia_and_americas = {s.place.country for s in reader.places(Filter(area=PACIFIC))}
    assert "US" in east_asia_and_americas and "EG" not in east_asia_and_americas
    near = reader.places(Filter(area=NEAR_CAIRO))
    assert all(great_circle_km(30.04, 31.24, s.place.lat, s.place.lon) <= 800 for s in near)
    assert "EG" in {s.place.country for s in near}
    assert "IR" not in {s.place.country for s in near}


def test_an_area_and_countries_keep_what_both_keep(reader: IndexReader) -> None:
    both = reader.places(Filter(area=MIDDLE_EAST, countries=frozenset({"IR", "RU"})))
    assert both and all(s.place.country == "IR" for s in both)
    assert {c.code for c in reader.countries(Filter(area=MIDDLE_EAST))} >= {"EG", "IR"}


def _shared_passages(reader: IndexReader, f: Filter, place_id: str) -> dict[str, int]:
    """The places sharing passages with ``place_id``, counted from the passages themselves."""
    out: dict[str, int] = {}
    for hit in reader.passages(f, None, 0, 100_000):
        ids = {m.place.id for m in hit.mentions}
        if place_id in ids:
            for other in ids - {place_id}:
                out[other] = out.get(other, 0) + 1
    return out


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_places_mentioned_with_a_place_alike(f: Filter, memory: CorpusIndex,
                                             sqlite: IndexDB) -> None:
    for s in memory.places(f)[:3]:
        pid = s.place.id
        assert sqlite.mentioned_with(f, pid, 1000) == memory.mentioned_with(f, pid, 1000)
        assert sqlite.mentioned_with(f, pid, 2) == memory.mentioned_with(f, pid, 2)


def test_places_mentioned_with_share_its_passages(reader: IndexReader) -> None:
    checked = 0
    for f in (Filter(), Filter(countries=frozenset({"IR", "AF", "EG"})), Filter(types=ALL_TYPES),
              Filter(text="القاهرة"), Filter(date_from="2021-09-29")):
        for s in reader.places(f)[:4]:
            expected = _shared_passages(reader, f, s.place.id)
            found = reader.mentioned_with(f, s.place.id, 10_000)
            assert {m.place.id: m.passages for m in found} == expected
            assert [m.passages for m in found] == sorted((m.passages for m in found),
                                                         reverse=True)
            assert s.place.id not in {m.place.id for m in found}
            checked += bool(found)
            top = reader.mentioned_with(f, s.place.id, 3)
            assert top == found[:3]
    assert checked >= 5
    assert reader.mentioned_with(Filter(), "no:such") == []
    assert reader.mentioned_with(Filter(), reader.places()[0].place.id, 0) == []
