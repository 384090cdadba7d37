"""The geoparser's fast paths give exactly what the plain definitions they replace give.

- ``normalize``: ``str.replace`` for the characters that change, instead of ``str.translate``;
  the origin offsets from the runs of dropped characters, instead of one test a character;
- the resolver: the place nearest to a candidate estimated in plain floats, only the closest
  measured with geopy, instead of measuring every pair with geopy.
"""

from __future__ import annotations

import math
import random

from geopy.distance import great_circle
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.model import Place
from gazetteer.normalize import _DROPPED, _TABLE, normalize
from gazetteer.resolver import _km, _nearest

# Characters the table changes or drops, Arabic letters, spaces, marks, Latin, line ends.
_ALPHABET = st.sampled_from(
    sorted({chr(c) for c in _TABLE if c > 32} | set("ابتثجحخدذرسشصضطظعغفقكلمنهوي abc\n\t-1"))
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_normalize_is_translate_and_origin_is_the_kept_characters(text: str) -> None:
    n = normalize(text)
    assert n.text == text.translate(_TABLE)
    assert list(n.origin) == [i for i, ch in enumerate(text) if ch not in _DROPPED]


def _place(i: int, lat: float, lon: float) -> Place:
    return Place(f"t:{i}", f"P{i}", f"P{i}", "city", lat, lon, "XX")


def _brute(place: Place, others: list[Place]) -> tuple[Place, float]:
    """What the resolver did before: every pair measured with geopy (``_km``)."""
    near = min(others, key=lambda p: _km(place, p))
    return near, _km(place, near)


def test_km_is_geopy_great_circle() -> None:
    a, b = _place(1, 36.8, 10.18), _place(2, 33.9, 35.5)
    assert _km(a, b) in {
        float(great_circle((a.lat, a.lon), (b.lat, b.lon)).km),
        float(great_circle((b.lat, b.lon), (a.lat, a.lon)).km),
    }


def test_nearest_is_that_of_measuring_every_pair_with_geopy() -> None:
    rng = random.Random(5)
    for trial in range(3000):
        # Clusters, exact duplicates and far places, so that ties and near-ties occur.
        base_lat, base_lon = rng.uniform(-80, 80), rng.uniform(-179, 179)
        others: list[Place] = []
        for j in range(rng.randint(1, 8)):
            if rng.random() < 0.5:
                lat, lon = base_lat + rng.uniform(-3, 3), base_lon + rng.uniform(-3, 3)
            else:
                lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
            lat, lon = max(-90.0, min(90.0, lat)), max(-180.0, min(180.0, lon))
            if others and rng.random() < 0.2:
                lat, lon = others[-1].lat, others[-1].lon  # a duplicate point
            others.append(_place(j, lat, lon))
        place = _place(99, base_lat, base_lon)
        want_near, want_km = _brute(place, others)
        got = _nearest(place, others)
        if got is None:
            assert 2.5 * math.exp(-want_km / 2000.0) <= 0.1, trial
        else:
            assert got == (want_near, want_km), trial
