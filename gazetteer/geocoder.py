"""The gazetteer as a ``geopy`` geocoder that never touches the network.

    >>> from gazetteer.geocoder import OfflineGazetteer
    >>> OfflineGazetteer().geocode("هلسنكي").raw["name"]
    'Helsinki'

The explorer is offline by design: it offers no online geocoder (geopy's own, such as
``geopy.geocoders.Nominatim``, remain a library call away for anyone who wants one).
"""

from __future__ import annotations

from typing import Any

from geopy.distance import great_circle
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer.model import Place
from gazetteer.normalize import words
from gazetteer.resolver import prior
from gazetteer.store import Gazetteer


class OfflineGazetteer(Geocoder):  # type: ignore[misc]
    """geopy's ``Geocoder`` interface over the built-in (plus user) gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gaz = gazetteer or Gazetteer.load()

    def _location(self, place: Place) -> Location:
        address = place.name if not place.country else f"{place.name}, {place.country}"
        return Location(address, (place.lat, place.lon), place.as_json())

    def geocode(
        self, query: str, *, exactly_one: bool = True, **_: Any
    ) -> Location | list[Location] | None:
        """Places named ``query`` (Arabic or English), most prominent first."""
        key = tuple(words(query))
        entries = self.gaz.index.get(key, [])
        places = [self.gaz.places[i] for i, _t in entries]
        if not places and key and key[0].startswith("ال"):
            bare = (key[0][2:], *key[1:])
            places = [self.gaz.places[i] for i, _t in self.gaz.index.get(bare, [])]
        places.sort(key=lambda p: -prior(p)[0])
        if not places:
            return None
        return self._location(places[0]) if exactly_one else [self._location(p) for p in places]

    def reverse(
        self, query: Any, *, exactly_one: bool = True, **_: Any
    ) -> Location | list[Location] | None:
        """The nearest populated places to a ``(lat, lon)`` point."""
        lat, lon = (float(query[0]), float(query[1])) if not hasattr(query, "latitude") else (
            query.latitude, query.longitude)
        cities = [p for p in self.gaz.places if p.kind == "city"]
        cities.sort(key=lambda p: great_circle((lat, lon), (p.lat, p.lon)).km)
        if not cities:
            return None
        if exactly_one:
            return self._location(cities[0])
        return [self._location(p) for p in cities[:10]]
