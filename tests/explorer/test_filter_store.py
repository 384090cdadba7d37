"""The filter saved with the corpus: JSON round trip, values that cannot be used, and the
index's ``settings`` table (kept through a rebuild)."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import filter_store
from explorer.areas import BBox, Near, Polygon
from explorer.index.db import IndexDB
from explorer.index.rebuild import rebuild
from explorer.query import ALL_TYPES, Filter

FULL = Filter(countries=frozenset({"SY", "LB"}), text="مفاوضات", doc="a/b.txt",
              kinds=frozenset({"city", "region"}), types=ALL_TYPES, date_from="2021-01-01",
              date_to="2021-12-31", min_confidence=0.75,
              regions=frozenset({"region:central-asia"}))


@pytest.mark.parametrize("f", [Filter(), FULL, Filter(types=frozenset()),
                               Filter(area=BBox(170.0, -20.0, -170.0, 10.5)),
                               Filter(area=Near(36.2, 37.16, 50.0, "حلب"),
                                      countries=frozenset({"SY"})),
                               Filter(area=Polygon.parse("-20.123457,170.5;-10,175;-12,-170.25"))],
                         ids=repr)
def test_round_trip(f: Filter) -> None:
    assert filter_store.from_json(filter_store.to_json(f)) == f


def test_default_fields_are_not_stored() -> None:
    assert filter_store.to_json(Filter()) == "{}"
    assert filter_store.to_json(Filter(min_confidence=0.5)) == '{"min_confidence": 0.5}'


@pytest.mark.parametrize(("text", "why"), [
    ("{", "not valid JSON"),
    ("[]", "not a JSON object"),
    ('{"colour": "red"}', "unknown field 'colour'"),
    ('{"countries": "SY"}', "'countries' is not a list of strings"),
    ('{"countries": [1]}', "'countries' is not a list of strings"),
    ('{"kinds": ["planet"]}', "'kinds' holds 'planet'"),
    ('{"types": ["adjective"]}', "'types' holds 'adjective'"),
    ('{"date_from": "28/09/2021"}', "'date_from' is not an ISO date"),
    ('{"date_to": "2021-02-30"}', "'date_to' is not an ISO date"),
    ('{"min_confidence": 2}', "'min_confidence' is not a number from 0 to 1"),
    ('{"min_confidence": true}', "'min_confidence' is not a number from 0 to 1"),
    ('{"min_confidence": NaN}', "'min_confidence' is not a number from 0 to 1"),
    ('{"text": 5}', "'text' is not a string"),
    ('{"doc": []}', "'doc' is not a string"),
    ('{"area": [1, 2]}', "'area': not a JSON object"),
    ('{"area": {"polygon": [[1, 2], [3, 4]]}}', "'area': a polygon has 3 to"),
    ('{"area": {"polygon": [[1, 2], [3, "x"], [5, 6]]}}', "'area': 'polygon' is not a list"),
    ('{"area": {"bbox": [1, 2, 3]}}', "'area': 'bbox' is not four numbers"),
    ('{"area": {"bbox": [0, 50, 10, 40]}}', "'area': the latitudes"),
    ('{"area": {"bbox": [0, 0, 500, 1]}}', "'area': a longitude"),
    ('{"area": {"near": [36, 37, -5], "label": "x"}}', "'area': not a distance"),
    ('{"area": {"near": [95, 37, 5], "label": "x"}}', "'area': not a point"),
    ('{"area": {"near": ["a", 37, 5]}}', "'area': neither"),
    ('{"regions": ' + str(["r"] * 501).replace("'", '"') + "}", "more than 500"),
])
def test_values_that_cannot_be_used_say_why(text: str, why: str) -> None:
    with pytest.raises(filter_store.BadFilter, match=why.replace("(", r"\(")):
        filter_store.from_json(text)


def test_kept_in_the_index_settings_and_through_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    with IndexDB(path) as db:
        assert db.get_setting(filter_store.KEY) is None
        db.set_setting(filter_store.KEY, filter_store.to_json(FULL))
    rebuild(path)
    with IndexDB(path, readonly=True) as db:
        text = db.get_setting(filter_store.KEY)
    assert text is not None and filter_store.from_json(text) == FULL
    with IndexDB(path) as db:
        db.set_setting(filter_store.KEY, None)
        assert db.get_setting(filter_store.KEY) is None
