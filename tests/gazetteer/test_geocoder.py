from __future__ import annotations

from geopy.location import Location

from gazetteer import Gazetteer
from gazetteer.geocoder import OfflineGazetteer


def test_geocode_arabic_and_english_offline(mini_gazetteer: Gazetteer) -> None:
    geo = OfflineGazetteer(mini_gazetteer)
    loc = geo.geocode("هلسنكي")
    assert isinstance(loc, Location)
    assert loc.raw["name"] == "Helsinki"
    assert abs(loc.latitude - 60.17) < 0.01
    assert geo.geocode("Helsinki").raw["geonameid"] == 658225


def test_geocode_ranks_the_capital_first_and_lists_all(mini_gazetteer: Gazetteer) -> None:
    geo = OfflineGazetteer(mini_gazetteer)
    assert geo.geocode("واشنطن").raw["name"] == "Washington, D.C."
    both = geo.geocode("واشنطن", exactly_one=False)
    assert [x.raw["kind"] for x in both] == ["city", "admin1"]
    assert geo.geocode("لا مكان هنا") is None


def test_reverse_finds_the_nearest_city(mini_gazetteer: Gazetteer) -> None:
    geo = OfflineGazetteer(mini_gazetteer)
    assert geo.reverse((33.3, 35.2)).raw["name"] == "Tyre"


def test_no_online_geocoder_unless_asked() -> None:
    from gazetteer.geocoder import online_geocoder

    assert online_geocoder(None) is None
    assert online_geocoder("") is None


def test_chain_asks_the_online_geocoder_only_when_offline_fails(mini_gazetteer) -> None:  # type: ignore[no-untyped-def]
    from gazetteer.geocoder import GeocoderChain, OfflineGazetteer

    class Recorder:  # stands in for a network geocoder, which tests never call
        def __init__(self) -> None:
            self.queries: list[str] = []

        def geocode(self, query: str, **_: object) -> str:
            self.queries.append(query)
            return "online"

    online = Recorder()
    chain = GeocoderChain(OfflineGazetteer(mini_gazetteer), online)  # type: ignore[arg-type]
    assert chain.geocode("هلسنكي") is not None and online.queries == []
    assert chain.geocode("Nowhereville") == "online" and online.queries == ["Nowhereville"]
    assert GeocoderChain(OfflineGazetteer(mini_gazetteer)).geocode("Nowhereville") is None
