"""Areas as filters (``explorer.areas``): boxes (across the antimeridian too), circles,
the map's bounds as Leaflet reports them, and the same answer in Python and in SQL."""

from __future__ import annotations

import sqlite3

import pytest

from explorer.areas import BBox, Near, Polygon, great_circle_km, install, outline

ALEPPO = (36.2021, 37.1343)
DAMASCUS = (33.5138, 36.2765)


def test_great_circle_distance() -> None:
    assert great_circle_km(*ALEPPO, *DAMASCUS) == pytest.approx(310, abs=5)
    assert great_circle_km(0, 179.5, 0, -179.5) == pytest.approx(111.2, abs=0.5)


def test_a_box_and_one_across_the_antimeridian() -> None:
    box = BBox(35.0, 32.0, 38.0, 37.0)
    assert box.contains(*ALEPPO) and box.contains(*DAMASCUS)
    assert not box.contains(30.0, 31.2) and not box.contains(36.0, 40.0)
    fiji = BBox(170.0, -25.0, -170.0, -10.0)
    assert fiji.crosses
    assert fiji.contains(-18.0, 178.0) and fiji.contains(-18.0, -179.0)
    assert not fiji.contains(-18.0, 0.0) and not fiji.contains(0.0, 178.0)


def test_the_maps_bounds_wrap_into_one_world() -> None:
    assert BBox.of_view(-200.0, 10.0, -160.0, 20.0) == BBox(160.0, 10.0, -160.0, 20.0)
    assert BBox.of_view(170.0, 10.0, 190.0, 20.0) == BBox(170.0, 10.0, -170.0, 20.0)
    assert BBox.of_view(-400.0, -95.0, 400.0, 95.0) == BBox(-180.0, -90.0, 180.0, 90.0)
    assert BBox.of_view(30.0, 40.0, 40.0, 30.0) == BBox(30.0, 30.0, 40.0, 40.0)
    with pytest.raises(ValueError, match="finite"):
        BBox.of_view(float("nan"), 0, 1, 1)


@pytest.mark.parametrize(("text", "why"), [
    ("1,2,3", "four numbers"), ("a,b,c,d", "four numbers"), ("0,50,10,40", "latitudes"),
    ("0,0,200,1", "longitude"), ("nan,0,1,1", "finite"),
])
def test_a_bad_box_says_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        BBox.parse(text)


def test_a_circle_refuses_what_is_not_one() -> None:
    with pytest.raises(ValueError, match="distance"):
        Near(*ALEPPO, 0)
    with pytest.raises(ValueError, match="point"):
        Near(91.0, 0.0, 5)
    assert Near(*ALEPPO, 50, "Aleppo").words() == "within 50 km of Aleppo"


def test_sql_answers_as_python() -> None:
    conn = sqlite3.connect(":memory:")
    install(conn)
    conn.execute("CREATE TABLE places (id TEXT, lat REAL, lon REAL)")
    points = [(f"p{i}", lat, lon) for i, (lat, lon) in enumerate(
        [ALEPPO, DAMASCUS, (-18.0, 178.0), (-18.0, -179.0), (0.0, 0.0), (36.5, 37.5),
         (89.0, 10.0), (-17.0, 175.0)])]
    conn.executemany("INSERT INTO places VALUES (?, ?, ?)", points)
    for area in (BBox(35.0, 32.0, 38.0, 37.0), BBox(170.0, -25.0, -170.0, -10.0),
                 Near(*ALEPPO, 50), Near(*ALEPPO, 400), Near(-18.0, 179.9, 400)):
        cond, args = area.sql("lat", "lon")
        got = {r[0] for r in conn.execute(f"SELECT id FROM places WHERE {cond}", args)}
        assert got == {pid for pid, lat, lon in points if area.contains(lat, lon)}, area
        assert got


# -- polygons (issue 20: draw a polygon) -------------------------------------------------------

#: A triangle around Damascus and Beirut (Aleppo to its north, Amman to its south).
LEVANT = Polygon.parse("32.5,35;34.6,35.2;33.3,37.5")
BEIRUT = (33.8938, 35.5018)
AMMAN = (31.9539, 35.9106)


def test_a_polygon_holds_what_is_inside_it() -> None:
    assert LEVANT.contains(*DAMASCUS) and LEVANT.contains(*BEIRUT)
    assert not LEVANT.contains(*ALEPPO) and not LEVANT.contains(*AMMAN)
    # A concave one: an L, whose notch is outside though inside its box.
    ell = Polygon.parse("0,0;0,10;5,10;5,5;10,5;10,0")
    assert ell.contains(2, 2) and ell.contains(8, 2) and ell.contains(2, 8)
    assert not ell.contains(8, 8) and ell.box().contains(8, 8)
    assert ell.contains(0, 5) and ell.contains(5, 7)  # on an edge
    assert Polygon.parse(ell.spec()) == ell


def test_a_polygon_across_the_antimeridian() -> None:
    fiji = Polygon.parse("-20,170;-10,175;-12,-170;-22,-172")
    assert fiji.box().crosses
    assert fiji.contains(-16.0, 178.0) and fiji.contains(-16.0, -176.0)
    assert not fiji.contains(-16.0, 0.0) and not fiji.contains(-16.0, 160.0)
    # The page may report a wrapped world's longitudes (190 for -170): the same polygon.
    assert Polygon.of_points([(-20, 170), (-10, 175), (-12, 190), (-22, 188)]) == fiji
    assert "-170" in fiji.spec() and Polygon.parse(fiji.spec()) == fiji


@pytest.mark.parametrize(("text", "why"), [
    ("1,2;3,4", "3 to"), ("1,2;3;4,5", "not a vertex"), ("a,b;1,2;3,4", "not a vertex"),
    ("95,0;1,2;3,4", "not a point"), ("0,200;1,2;3,4", "not a point"),
    ("0,0;1,1;2,2", "one line"), ("nan,0;1,2;3,4", "not a point"),
    # Round the world along a parallel: each edge short, the whole going all the way round.
    ("10,0;15,100;10,-160;15,-60", "round the whole Earth"),
])
def test_a_bad_polygon_says_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        Polygon.parse(text)


def test_a_polygon_in_sql_answers_as_python() -> None:
    conn = sqlite3.connect(":memory:")
    install(conn)
    conn.execute("CREATE TABLE places (id TEXT, lat REAL, lon REAL)")
    points = [(f"p{i}", lat, lon) for i, (lat, lon) in enumerate(
        [ALEPPO, DAMASCUS, BEIRUT, AMMAN, (-16.0, 178.0), (-16.0, -176.0), (-16.0, 0.0),
         (33.0, 36.9), (-21.9, 171.0)])]
    conn.executemany("INSERT INTO places VALUES (?, ?, ?)", points)
    for area in (LEVANT, Polygon.parse("-20,170;-10,175;-12,-170;-22,-172")):
        cond, args = area.sql("lat", "lon")
        got = {r[0] for r in conn.execute(f"SELECT id FROM places WHERE {cond}", args)}
        assert got == {pid for pid, lat, lon in points if area.contains(lat, lon)}, area
        assert len(got) >= 2


def test_the_outline_the_map_draws_of_each_area() -> None:
    assert outline(BBox(60, 29, 75, 38)) == {"box": [[29, 60], [38, 75]]}
    # Across the antimeridian: east past 180, one rectangle over the date line.
    assert outline(BBox(170, -20, -170, 10)) == {"box": [[-20, 170], [10, 190]]}
    assert outline(Polygon.parse("-10,170;10,175;0,-175")) == {
        "polygon": [[-10, 170], [10, 175], [0, 185]]}
    assert outline(Near(34.5, 69.2, 50, "Kabul")) == {"circle": [34.5, 69.2], "m": 50_000}
