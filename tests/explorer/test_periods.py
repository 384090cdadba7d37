"""Two periods compared (``explorer.periods``): each place's change, from the reader's counts
for the filter with each period's dates; the in-memory and SQLite readers agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.periods import CHANGES, Period, change_of, compare, layer_data
from explorer.pipeline import open_corpus
from explorer.query import Filter
from gazetteer.geoparser import Geoparser
from tests.conftest import SEEDS

JULY = Period("2021-07-01", "2021-07-31")
SEPTEMBER = Period("2021-09-01", "2021-09-30")


@pytest.mark.parametrize(("a", "b", "change"), [
    (0, 3, "only_b"), (3, 0, "only_a"), (2, 5, "more_b"), (5, 2, "more_a"), (4, 4, "same"),
])
def test_change_of(a: int, b: int, change: str) -> None:
    assert change_of(a, b) == change


def test_a_period_is_a_range_of_dates() -> None:
    assert Period("2021-07-01", "2021-07-01").words() == "2021-07-01"
    with pytest.raises(ValueError, match="ends before it starts"):
        Period("2021-07-02", "2021-07-01")
    with pytest.raises(ValueError):
        Period("2021-02-30", "2021-03-01")


def test_compare_counts_each_period_as_the_reader_does(
    tmp_path: Path, world: Geoparser
) -> None:
    memory = open_corpus(SEEDS, geoparser=world)
    f = Filter(date_from="2000-01-01", date_to="2000-01-02")  # its own dates set aside
    changes = compare(memory, f, JULY, SEPTEMBER)
    in_a = {s.place.id: s.count for s in memory.places(JULY.of(Filter()))}
    in_b = {s.place.id: s.count for s in memory.places(SEPTEMBER.of(Filter()))}
    assert {c.place.id for c in changes} == in_a.keys() | in_b.keys()
    for c in changes:
        assert (c.a, c.b) == (in_a.get(c.place.id, 0), in_b.get(c.place.id, 0))
    assert {"only_a", "only_b"} <= {c.change for c in changes}
    data = layer_data(changes, JULY, SEPTEMBER)
    assert sum(data["counts"].values()) == len(changes) and set(data["counts"]) == set(CHANGES)
    Indexer(SEEDS, tmp_path / "index.sqlite", jobs=1, geoparser=world).run()
    with IndexDB(tmp_path / "index.sqlite", readonly=True) as db:
        assert compare(db, f, JULY, SEPTEMBER) == changes


def test_the_periods_compared_are_stored_and_read_back() -> None:
    from explorer.periods import from_json, to_json

    assert from_json(to_json(JULY, SEPTEMBER)) == (JULY, SEPTEMBER)


@pytest.mark.parametrize(("text", "why"), [
    ("{", "not valid JSON"),
    ("[]", "not an object"),
    ('{"a": ["2021-07-01", "2021-07-31"]}', "not an object"),
    ('{"a": ["2021-07-01", "2021-07-31"], "b": ["2021-09-01"]}', "'b' is not two ISO dates"),
    ('{"a": ["2021-07-01", "2021-07-31"], "b": [1, 2]}', "'b' is not two ISO dates"),
    ('{"a": ["2021-W01-1", "2021-07-31"], "b": ["2021-09-01", "2021-09-30"]}',
     "'a' is not two ISO dates"),
    ('{"a": ["2021-07-01", "2021-07-32"], "b": ["2021-09-01", "2021-09-30"]}', "'a'"),
    ('{"a": ["2021-07-31", "2021-07-01"], "b": ["2021-09-01", "2021-09-30"]}',
     "ends before it starts"),
])
def test_a_stored_comparison_that_cannot_be_used_says_why(text: str, why: str) -> None:
    from explorer.periods import BadPeriods, from_json

    with pytest.raises(BadPeriods, match=why):
        from_json(text)
