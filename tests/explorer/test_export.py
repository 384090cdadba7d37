"""Exports (issue 10): GeoJSON of places, CSV of mentions, the offline HTML map, the command.

Read from a real SQLite index built by the Indexer on the seed articles, and from the
in-memory index of the same folder: both ``IndexReader``s give the same files.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from explorer.export import (
    CSV_COLUMNS,
    CSV_PASSAGE_CHARS,
    POPUP_PASSAGES,
    ExportError,
    Scope,
    csv_bytes,
    geojson_bytes,
    mentions_csv,
    offline_map_html,
    places_geojson,
    write_export,
)
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.mapdoc import remote_urls
from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.query import Filter
from gazetteer import Geoparser
from tests.conftest import ROOT
from tests.explorer.conftest import copy_seeds
from tests.hostile import page_data, page_document, write_case

ALL = Filter()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("export") / "corpus")


@pytest.fixture(scope="module")
def db_path(corpus: Path, world: Geoparser) -> Path:
    path = corpus.parent / "index.sqlite"
    Indexer(corpus, path, jobs=1, geoparser=world).run()
    return path


@pytest.fixture(scope="module")
def db(db_path: Path) -> Iterator[IndexDB]:
    with IndexDB(db_path, readonly=True) as d:
        yield d


@pytest.fixture(scope="module")
def memory(corpus: Path, world: Geoparser) -> CorpusIndex:
    return open_corpus(corpus, geoparser=world)


def _filters(db: IndexDB) -> list[Filter]:
    top = db.countries()[0].code
    doc = db.passages(ALL, None, 0, 1)[0].article.doc
    return [ALL, Filter(countries=frozenset({top})), Filter(doc=doc),
            Filter(text="طالبان"), Filter(countries=frozenset({top}), text="طالبان")]


# -- GeoJSON ----------------------------------------------------------------------------------


def check_rfc7946(fc: Any) -> None:
    """The structure RFC 7946 asks of a FeatureCollection of Points (§ 3.1.2, 3.2, 3.3, 4)."""
    assert fc["type"] == "FeatureCollection" and isinstance(fc["features"], list)
    assert "crs" not in fc  # § 4: always WGS 84, no crs member
    for feat in fc["features"]:
        assert feat["type"] == "Feature" and isinstance(feat["properties"], dict)
        assert isinstance(feat["id"], str | int)
        geom = feat["geometry"]
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]
        assert all(isinstance(x, float | int) and math.isfinite(x) for x in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_rfc7946_with_counts_and_passage_refs(db: IndexDB) -> None:
    data = geojson_bytes(db, ALL, max_refs=3)
    fc = json.loads(data.decode("utf-8"))  # strict UTF-8
    check_rfc7946(fc)
    places = db.places()
    assert [f["id"] for f in fc["features"]] == [s.place.id for s in places]
    capped = 0
    for feat, s in zip(fc["features"], places, strict=True):
        props = feat["properties"]
        assert feat["geometry"]["coordinates"] == [round(s.place.lon, 6), round(s.place.lat, 6)]
        assert props["name"] == s.place.name and props["name_ar"] == s.place.name_ar
        assert props["geonameid"] == s.place.geonameid and props["kind"] == s.place.kind
        assert props["country"] == s.place.country
        assert (props["mentions"], props["articles"]) == (s.count, s.articles)
        assert props["passages"] == db.count_passages(ALL, s.place.id)
        hits = db.passages(ALL, s.place.id, 0, 3)
        assert props["passage_refs"] == [
            {"doc": h.article.doc, "start": h.passage.start, "end": h.passage.end}
            for h in hits]
        capped += props["passages"] > len(props["passage_refs"])
    assert capped, "no place has more passages than the cap: the total is not tested"
    assert "أفغانستان" in data.decode("utf-8")  # Arabic as it is, not \\u escapes


@pytest.mark.parametrize("which", range(5))
def test_geojson_follows_the_filter_and_both_indexes_agree(
    db: IndexDB, memory: CorpusIndex, which: int
) -> None:
    f = _filters(db)[which]
    fc = places_geojson(db, f)
    check_rfc7946(fc)
    assert fc["features"], f
    assert [x["id"] for x in fc["features"]] == [s.place.id for s in db.places(f)]
    for feat in fc["features"]:
        props = feat["properties"]
        if f.countries:
            assert props["country"] in f.countries
        if f.doc:
            assert {r["doc"] for r in props["passage_refs"]} == {f.doc}
    if f != ALL:
        assert len(fc["features"]) < len(db.places()) or f.text
    assert places_geojson(memory, f) == fc


# -- CSV --------------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark"
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("which", range(5))
def test_csv_lists_every_passing_mention_with_its_offsets(
    db: IndexDB, memory: CorpusIndex, corpus: Path, which: int
) -> None:
    f = _filters(db)[which]
    data = csv_bytes(db, f)
    rows = read_csv(data)
    assert tuple(rows[0]) == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]
    assert len(body) == sum(s.count for s in db.places(f)) > 0
    texts: dict[str, str] = {}
    for r in body:
        text = texts.setdefault(r["doc"], (corpus / r["doc"]).read_text(encoding="utf-8"))
        assert text[int(r["start"]):int(r["end"])] == r["text"]
        assert r["type"] == "toponym"
        place = db.place(r["place_id"])
        assert place is not None
        assert (r["name"], r["name_ar"], r["country"]) == (
            place.place.name, place.place.name_ar, place.place.country or "")
        assert r["geonameid"] == ("" if place.place.geonameid is None
                                  else str(place.place.geonameid))
        assert float(r["lat"]) == pytest.approx(place.place.lat, abs=1e-6)
        assert float(r["lon"]) == pytest.approx(place.place.lon, abs=1e-6)
        assert 0 <= float(r["confidence"]) <= 1
        if f.countries:
            assert r["country"] in f.countries
        if f.doc:
            assert r["doc"] == f.doc
        # the context: the passage holding the mention, and the article's metadata and file
        assert r["file"] == r["doc"]
        assert r["text"] in r["passage"] and r["passage"] in " ".join(text.split())
        article = db.passages(Filter(doc=r["doc"]), None, 0, 1)[0].article
        assert (r["title"], r["published"], r["outlet"]) == (
            article.title, article.published or "", article.outlet or "")
    if which == 0:  # the seeds have titles, dates and outlets to carry
        assert all(any(r[k] for r in body) for k in ("title", "published", "outlet"))
    assert csv_bytes(memory, f) == data


def test_csv_quotes_commas_quotes_and_line_ends_and_defuses_formulas(
    tmp_path: Path, world: Geoparser
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    names = ['a, "quoted" name.txt', "=HYPERLINK(1).txt", "+1.txt"]
    for n in names:
        shutil.copy(seed, folder / n)
    index = open_corpus(folder, geoparser=world)
    rows = read_csv(mentions_csv(index).encode("utf-8"))
    docs = {r[0] for r in rows[1:]}
    assert docs == {names[0], "'" + names[1], "'" + names[2]}
    text = mentions_csv(index)
    assert '"a, ""quoted"" name.txt"' in text  # RFC 4180: quoted, quotes doubled
    assert any(float(r[11]) > 0 for r in rows[1:])  # numbers stay numbers (no apostrophe)


def test_csv_context_cells_are_neutralised_and_a_long_passage_is_cut(
    tmp_path: Path, world: Geoparser
) -> None:
    """A passage or file name starting with ``=``, ``+``, ``-`` or ``@`` is text, not a formula;
    a very long passage is cut, marked with an ellipsis."""
    folder = tmp_path / "c"
    folder.mkdir()
    long_tail = " وأضاف المتحدث أن الوضع مستقر." * 400
    (folder / "-hostile.txt").write_text(
        "=HYPERLINK(\"http://x\") عنوان\n\n"
        "-2+3 قالت الحكومة في دمشق إن الاجتماع انعقد في بيروت." + long_tail + "\n\n"
        "@SUM(A1) وزار الوفد القاهرة ثم عمّان.\n", encoding="utf-8")
    index = open_corpus(folder, geoparser=world)
    rows = read_csv(mentions_csv(index).encode("utf-8"))
    body = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]
    assert {r["text"] for r in body} >= {"دمشق", "بيروت", "القاهرة"}
    for r in body:
        assert r["file"] == "'-hostile.txt"
        assert r["passage"].startswith(("'-2+3", "'@SUM")), r["passage"][:20]
    [cut] = {r["passage"] for r in body if r["text"] == "دمشق"}
    assert CSV_PASSAGE_CHARS - 5 < len(cut) <= CSV_PASSAGE_CHARS + 2 and cut.endswith("…")


# -- the offline HTML map ---------------------------------------------------------------------


def test_html_is_one_self_contained_file(db: IndexDB) -> None:
    f = _filters(db)[1]
    html = offline_map_html(db, f)
    assert "file://" not in html
    assert remote_urls(html) == []
    assert "<script src" not in html and "<link" not in html  # every asset inlined
    assert "url(images/" not in html  # Leaflet's images as data: URLs
    assert "L.MarkerClusterGroup" in html and "explorerInit(" in html
    assert html.count("<script") == html.count("</script>")
    added = page_data(html)["initial"]["add"]
    assert [p["id"] for p in added] == [s.place.id for s in db.places(f)]
    assert {p["country"] for p in added} == set(f.countries)


def test_html_leaves_out_the_windows_rivers_lakes_and_borders(db: IndexDB) -> None:
    """The physical layers' 1.4 MB of data are the window's only: the exported page has no
    layers menu to show them."""
    from explorer.mappage import SCRIPTS
    from explorer.resources import resource

    html = offline_map_html(db, ALL)
    assert "EXPLORER_PHYSICAL" not in html and "ne_50m_rivers" not in html
    assert "physicalLayer(" not in html
    left_out = [s for s in SCRIPTS if s.window_only]
    # Their data are no script of any page: the window's physical.js loads them on first use.
    assert {s.path.rsplit("/", 1)[-1] for s in left_out} == {"physical.js"}
    assert not [s for s in SCRIPTS if "/physical/" in s.path]
    for s in SCRIPTS:  # every other script is inlined as it is
        code = resource(*s.path.split("/")).read_text(encoding="utf-8")
        line = next(x for x in code.splitlines() if len(x) > 40 and "://" not in x
                    and "</" not in x)
        assert (line in html) != s.window_only, s.path
    window = resource("web", "explorer", "window.html").read_text(encoding="utf-8")
    assert all(s.path.rsplit("/", 1)[-1] in window for s in left_out)


def test_html_has_a_heading_the_filter_and_each_places_passages(db: IndexDB) -> None:
    f = _filters(db)[4]  # a country and a search
    html = offline_map_html(db, f, Scope(title="Places mentioned in seeds", made="seeds, today"))
    doc = page_document(html)
    assert doc["title"] == "Places mentioned in seeds" and doc["made"] == "seeds, today"
    assert doc["filter"] == [f"country {next(iter(f.countries))}", "“طالبان”"]
    assert html.index("explorerDocument(") < html.index("explorerInit(")  # popups bound first
    places = db.places(f)
    assert [pid for pid, _ in doc["passages"]] == [s.place.id for s in places]
    for pid, entry in doc["passages"]:
        hits = db.passages(f, pid, 0, POPUP_PASSAGES)
        assert entry["total"] == db.count_passages(f, pid) >= len(entry["items"]) > 0
        for item, hit in zip(entry["items"], hits, strict=True):
            assert item["file"] == hit.article.doc and item["title"] == hit.article.title
            assert item["date"] == (hit.article.published or "")[:10]
            assert item["outlet"] == (hit.article.outlet or "")
            assert item["text"][:50] == " ".join(hit.passage.text.split())[:50]
    # the whole filter's map says so, and has a default title
    whole = page_document(offline_map_html(db, ALL))
    assert whole["filter"] == [] and whole["title"] == "Places mentioned"


def test_html_of_the_selection_holds_only_that_place(db: IndexDB) -> None:
    top = db.places()[0].place.id
    html = offline_map_html(db, ALL, Scope(place=top))
    assert [p["id"] for p in page_data(html)["initial"]["add"]] == [top]
    assert [pid for pid, _ in page_document(html)["passages"]] == [top]
    rows = read_csv(csv_bytes(db, ALL, Scope(place=top)))
    assert len(rows) - 1 == db.places()[0].count
    assert {r[CSV_COLUMNS.index("place_id")] for r in rows[1:]} == {top}
    fc = places_geojson(db, ALL, scope=Scope(place=top))
    assert [feat["id"] for feat in fc["features"]] == [top]
    with pytest.raises(ExportError, match="not shown"):
        csv_bytes(db, Filter(countries=frozenset({"ZZ"})), Scope(place=top))


@pytest.mark.parametrize("payload", ["{{7*7}}", "</script><img src=x onerror=alert(1)>"])
def test_html_keeps_hostile_names_as_text(tmp_path: Path, world: Geoparser, payload: str) -> None:
    corpus, gazetteer, shown = write_case(tmp_path, payload)
    index = open_corpus(corpus, [gazetteer])
    assert index.place(shown["id"]) is not None, "the hostile place was not found"
    html = offline_map_html(index)
    assert payload not in html  # neither rendered (49) nor raw markup: escaped in the JSON
    assert "<img" not in html
    assert html.count("<script") == html.count("</script>")
    [record] = [p for p in page_data(html)["initial"]["add"] if p["id"] == shown["id"]]
    assert {k: record[k] for k in shown} == shown
    # the heading and the popups carry the payload as data too (a search for it, its file)
    html = offline_map_html(index, Filter(text="الوفد"), Scope(title=payload))
    assert payload not in html and "<img" not in html
    doc = page_document(html)
    assert doc["title"] == payload
    [entry] = [e for pid, e in doc["passages"] if pid == shown["id"]]
    assert payload in entry["items"][0]["file"].replace("_", "/")


# -- writing and the command ------------------------------------------------------------------


def test_write_export_replaces_the_file_atomically(db: IndexDB, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "places.geojson"
    write_export(db, ALL, "geojson", out)
    assert json.loads(out.read_text(encoding="utf-8"))["features"]
    write_export(db, _filters(db)[1], "geojson", out)
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) < len(db.places())
    assert sorted(p.name for p in out.parent.iterdir()) == ["places.geojson"]  # no temp left


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "explorer", "export", *args],
                          capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def test_cli_exports_from_the_fresh_index(
    db: IndexDB, db_path: Path, corpus: Path, tmp_path: Path
) -> None:
    top = db.countries()[0].code
    for fmt in ("geojson", "csv", "html"):
        out = tmp_path / f"out.{fmt}"
        proc = run_cli(str(corpus), "--format", fmt, "-o", str(out), "--country", top.lower(),
                       "--index", str(db_path), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == str(out) and proc.stderr == ""
        f = Filter(countries=frozenset({top}))
        if fmt == "html":  # folium names its elements at random: compare the data
            html = out.read_text(encoding="utf-8")
            assert page_data(html) == page_data(offline_map_html(db, f))
            assert remote_urls(html) == [] and "file://" not in html
        else:
            assert out.read_bytes() == {"geojson": geojson_bytes, "csv": csv_bytes}[fmt](db, f)


def test_cli_exports_only_one_place_with_a_heading(
    db: IndexDB, db_path: Path, corpus: Path, tmp_path: Path
) -> None:
    top = db.places()[0].place.id
    out = tmp_path / "one.csv"
    proc = run_cli(str(corpus), "--format", "csv", "-o", str(out), "--place", top,
                   "--index", str(db_path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == csv_bytes(db, ALL, Scope(place=top))
    html = tmp_path / "one.html"
    proc = run_cli(str(corpus), "--format", "html", "-o", str(html), "--place", top,
                   "--index", str(db_path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = page_document(html.read_text(encoding="utf-8"))
    assert doc["title"] == f"Places mentioned in {corpus.name}"
    assert [pid for pid, _ in doc["passages"]] == [top]
    # a place the filter does not show: one line, exit 1, no file
    proc = run_cli(str(corpus), "--format", "csv", "-o", str(tmp_path / "none.csv"),
                   "--place", "gn:0", "--index", str(db_path), cwd=tmp_path)
    assert proc.returncode == 1 and "not shown" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "none.csv").exists()


def test_cli_reads_the_folder_without_an_index(
    memory: CorpusIndex, corpus: Path, tmp_path: Path
) -> None:
    doc = memory.articles[0].doc
    out = tmp_path / "m.csv"
    proc = run_cli(str(corpus), "--format", "csv", "-o", str(out), "--doc", doc,
                   "--text", "أفغانستان", "--index", str(tmp_path / "none.sqlite"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    f = Filter(doc=doc, text="أفغانستان")
    assert out.read_bytes() == csv_bytes(memory, f)
    assert len(read_csv(out.read_bytes())) > 1


def test_cli_errors_are_one_line_and_keep_the_old_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "keep.geojson"
    out.write_text("old", encoding="utf-8")
    proc = run_cli(str(corpus), "--format", "geojson", "-o", str(out), "--doc", "nope.txt",
                   cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "nope.txt" in proc.stderr
    assert out.read_text(encoding="utf-8") == "old"
    proc = run_cli(str(corpus), "--format", "csv", "-o", str(out), "--country", "Syria",
                   cwd=tmp_path)
    assert proc.returncode == 2 and "Syria" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli(str(corpus), "--format", "kml", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 2
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    proc = run_cli(str(corpus), "--format", "csv", "-o", str(blocker / "x.csv"), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    proc = run_cli(str(tmp_path / "missing"), "--format", "csv", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert out.read_text(encoding="utf-8") == "old"


def test_geojson_of_an_undecodable_file_name_is_valid_utf8(
    tmp_path: Path, world: Geoparser
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    name = os.fsdecode(b"\xff-news.txt")
    shutil.copy(seed, folder / name)
    data = geojson_bytes(open_corpus(folder, geoparser=world))
    fc = json.loads(data.decode("utf-8"))  # strict: a raw \xff would fail here
    assert {r["doc"] for feat in fc["features"] for r in feat["properties"]["passage_refs"]} \
        == {name}


def test_csv_walks_every_page_of_passages(
    db: IndexDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = csv_bytes(db)
    assert db.count_passages(ALL) > 7
    monkeypatch.setattr("explorer.export._PAGE", 3)  # many short pages, one partial at the end
    assert csv_bytes(db) == whole


def test_cli_export_takes_the_windows_other_filters(
    db: IndexDB, db_path: Path, corpus: Path, tmp_path: Path
) -> None:
    from explorer.query import ALL_TYPES

    out = tmp_path / "f.csv"
    proc = run_cli(str(corpus), "--format", "csv", "-o", str(out), "--kind", "city",
                   "--kind", "country", "--demonyms", "also", "--from", "2021-01-01",
                   "--to", "2021-09-28", "--min-confidence", "0.9",
                   "--region", "region:central-asia", "--index", str(db_path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    f = Filter(kinds=frozenset({"city", "country"}), types=ALL_TYPES, date_from="2021-01-01",
               date_to="2021-09-28", min_confidence=0.9,
               regions=frozenset({"region:central-asia"}))
    assert out.read_bytes() == csv_bytes(db, f)
    assert 1 < len(read_csv(out.read_bytes())) < len(read_csv(csv_bytes(db, Filter())))
    for bad in (["--from", "28/09/2021"], ["--min-confidence", "2"], ["--kind", "planet"]):
        proc = run_cli(str(corpus), "--format", "csv", "-o", str(out), *bad, cwd=tmp_path)
        last = proc.stderr.strip().splitlines()[-1]
        assert proc.returncode == 2 and bad[0] in last, proc.stderr


def test_cli_export_takes_an_area(
    db: IndexDB, db_path: Path, corpus: Path, tmp_path: Path
) -> None:
    from explorer.areas import BBox, Near, Polygon

    out = tmp_path / "area.geojson"
    box = BBox(60.0, 29.0, 75.0, 39.0)  # Afghanistan and around
    proc = run_cli(str(corpus), "--format", "geojson", "-o", str(out), "--bbox", "60,29,75,39",
                   "--index", str(db_path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == geojson_bytes(db, Filter(area=box))
    points = [f["geometry"]["coordinates"] for f in json.loads(out.read_bytes())["features"]]
    every = json.loads(geojson_bytes(db, ALL))["features"]
    assert points and len(points) < len(every)
    assert all(60 <= lon <= 75 and 29 <= lat <= 39 for lon, lat in points)
    triangle = "29,60;39,60;29,75"  # the box's south-west half
    proc = run_cli(str(corpus), "--format", "geojson", "-o", str(out), "--polygon", triangle,
                   "--index", str(db_path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    inside = [f["geometry"]["coordinates"] for f in json.loads(out.read_bytes())["features"]]
    assert inside and len(inside) < len(points)
    assert out.read_bytes() == geojson_bytes(db, Filter(area=Polygon.parse(triangle)))
    assert all(Polygon.parse(triangle).contains(lat, lon) for lon, lat in inside)
    top = db.places()[0].place
    for near in (top.id, top.name, f"{top.lat},{top.lon}"):
        proc = run_cli(str(corpus), "--format", "csv", "-o", str(tmp_path / "near.csv"),
                       "--near", near, "--km", "300", "--index", str(db_path), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        rows = read_csv((tmp_path / "near.csv").read_bytes())
        f = Filter(area=Near(top.lat, top.lon, 300.0))
        assert len(rows) == len(read_csv(csv_bytes(db, f))) > 1
    for bad, code in ((["--bbox", "1,2,3"], 2), (["--bbox", "0,50,10,40"], 2),
                      (["--near", top.id], 2), (["--km", "5"], 2),
                      (["--near", "Atlantis", "--km", "5"], 1),
                      (["--near", top.id, "--km", "-1"], 2),
                      (["--bbox", "0,0,1,1", "--near", top.id, "--km", "9"], 2),
                      (["--polygon", "1,2;3,4"], 2),
                      (["--polygon", "1,2;3,4;5,1", "--bbox", "0,0,1,1"], 2)):
        proc = run_cli(str(corpus), "--format", "csv", "-o", str(tmp_path / "bad.csv"), *bad,
                       "--index", str(db_path), cwd=tmp_path)
        assert proc.returncode == code, (bad, proc.stderr)
        assert proc.stderr.strip() and "Traceback" not in proc.stderr
        assert not (tmp_path / "bad.csv").exists()
