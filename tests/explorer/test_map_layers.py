"""The map's layers, Python side: their descriptions, their data, the choice saved."""

from __future__ import annotations

import pytest

from explorer import map_layers
from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    return open_corpus(SEEDS)


def test_names_are_unique_and_markers_are_one_layer_shown_by_default() -> None:
    assert len(set(map_layers.NAMES)) == len(map_layers.NAMES)
    assert {"markers"} == map_layers.DEFAULT
    assert {"markers", "heat", "choropleth"} <= set(map_layers.NAMES)


def test_the_choice_round_trips_in_the_registry_order() -> None:
    text = map_layers.to_json({"choropleth", "markers"})
    assert text == '["markers", "choropleth"]'
    assert map_layers.from_json(text) == {"markers", "choropleth"}
    assert map_layers.from_json("[]") == frozenset()


@pytest.mark.parametrize(("text", "why"), [
    ("{", "not valid JSON"), ('{"a": 1}', "not a list"), ("[1]", "not a list"),
    ('["markers", "planets"]', "unknown layer 'planets'"),
])
def test_a_stored_choice_that_cannot_be_used_says_why(text: str, why: str) -> None:
    with pytest.raises(map_layers.BadLayers, match=why):
        map_layers.from_json(text)


def test_only_shown_layers_with_data_get_data_from_the_view(index: CorpusIndex) -> None:
    places, countries = index.places(), index.countries()
    assert map_layers.layer_data({"markers", "heat"}, places, countries) == {}
    data = map_layers.layer_data({"choropleth"}, places, countries)
    rows = data["choropleth"]
    assert rows == [[c.code, c.count] for c in sorted(
        countries, key=lambda c: (-c.count, c.code)) if c.count > 0]
    assert rows and all(n > 0 for _, n in rows)
