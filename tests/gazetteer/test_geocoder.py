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
