"""The compiled store: keyed by content (not mtimes), rebuilt when data or code changes, old
compiled files pruned; the TSV form of the generated data; a name index linear in its size."""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

import pytest

from gazetteer import loader
from gazetteer.loader import GazetteerFileError
from gazetteer.model import Place
from gazetteer.names import build_index
from gazetteer.normalize import words
from gazetteer.store import Gazetteer
from gazetteer.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]
COUNTRIES = """\
format: explorer-gazetteer/1
places:
  - {id: "gn:1", kind: country, name: Alphaland, name_ar: ألفالاند, country: AL, lat: 1, lon: 2}
"""
TOWNS = (
    "# generated, for the test\n"
    "id\tkind\tname\tname_ar\tnames_ar\tcountry\tadmin1\tlat\tlon\tpopulation\n"
    "gn:2\tcity\tBetatown\tبيتاون\tبيتا تاون\tAL\tAL.01\t1.5\t2.5\t1200\n"
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    d = tmp_path / "data"
    d.mkdir()
    (d / "countries.yaml").write_text(COUNTRIES, encoding="utf-8")
    (d / "towns.tsv").write_text(TOWNS, encoding="utf-8")
    return d


def compiled(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("gazetteer-*.marshal"))


def refuse_to_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading the data files fail: only a compiled gazetteer can be loaded now."""

    def fail(*_a: object, **_k: object) -> object:
        raise AssertionError("the data files were read again")

    monkeypatch.setattr(loader, "load_files", fail)
    monkeypatch.setattr("gazetteer.store.load_files", fail)


def test_the_store_compiles_once_and_rebuilds_on_a_content_change(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Gazetteer.load(data_dir=data_dir)
    assert first.by_id["gn:2"].admin1 == "AL.01" and ("بيتا", "تاون") in first.index
    assert len(compiled(tmp_path)) == 1
    old = compiled(tmp_path)[0]

    # New modification times, same bytes (a fresh clone, a reinstall): no recompiling.
    later = time.time() + 3600
    for f in data_dir.iterdir():
        os.utime(f, (later, later))
    with monkeypatch.context() as m:
        refuse_to_read(m)
        again = Gazetteer.load(data_dir=data_dir)
    assert again.by_id["gn:2"].name == "Betatown"

    # Same size and mtime, other content: rebuilt, and the old compiled file is gone.
    towns = data_dir / "towns.tsv"
    st = towns.stat()
    towns.write_text(TOWNS.replace("Betatown", "Gammaton"), encoding="utf-8")
    os.utime(towns, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert towns.stat().st_size == st.st_size
    changed = Gazetteer.load(data_dir=data_dir)
    assert changed.by_id["gn:2"].name == "Gammaton"
    assert len(compiled(tmp_path)) == 1 and compiled(tmp_path)[0] != old


def test_the_cache_key_covers_the_code_that_shapes_it(data_dir: Path) -> None:
    from gazetteer import store

    paths = store.builtin_paths(data_dir)
    before = store.cache_key(paths)
    assert store.cache_key(paths) == before
    assert "names.py" in store._SHAPING_MODULES and "tsv.py" in store._SHAPING_MODULES
    (data_dir / "towns.tsv").write_text(TOWNS + "\n", encoding="utf-8")
    assert store.cache_key(paths) != before


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("gn:3\tcity\tX\tإكس\t\tAL\tAL.01\tnorth\t2\t1", "'lat' must be a number"),
        ("gn:3\tcity\tX\tإكس\t\tAL\tAL.01\t1.5\t2", "where the header has 10"),
        ("gn:3\tcity\tX\tإكس\t\tAL\tAL.01\t95\t2\t1", "outside -90..90"),
        ("gn:2\tcity\tX\tإكس\t\tAL\tAL.01\t1\t2\t1", "duplicate id 'gn:2'"),
    ],
)
def test_a_bad_tsv_row_names_file_and_line(tmp_path: Path, row: str, words: str) -> None:
    bad = tmp_path / "towns.tsv"
    bad.write_text(TOWNS + row + "\n", encoding="utf-8")
    with pytest.raises(GazetteerFileError) as err:
        read_tsv(bad)
    assert f"{bad}:4:" in str(err.value) and words in str(err.value)


def test_a_name_shared_by_100000_places_indexes_in_linear_time() -> None:
    places = [
        Place(id=f"p:{i}", name="Springfield", name_ar="سبرينغفيلد", kind="city", lat=0.0,
              lon=0.0, names_ar=("سبرينغفيلد",), names_en=("Springfield",))
        for i in range(100_000)
    ]
    t0 = time.perf_counter()
    index = build_index(places)
    elapsed = time.perf_counter() - t0
    assert len(index[("سبرينغفيلد",)]) == 100_000
    assert index[tuple(words("Springfield"))][-1] == (99_999, "toponym")
    assert elapsed < 10  # quadratic: 411 s


def test_a_malformed_raw_row_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("world_data", ROOT / "scripts" / "world_data.py")
    assert spec and spec.loader
    world = importlib.util.module_from_spec(spec)
    sys.modules["world_data"] = world  # dataclasses look their module up
    spec.loader.exec_module(world)
    good = "LB.09\tLiban-Nord\tLiban-Nord\t278297\nLB.10\tAakkâr\tAakkar\t6201370\n"
    raw = tmp_path / "admin1CodesASCII.txt"
    raw.write_text(good, encoding="utf-8")
    assert world.read_admin_codes(raw, 1)["LB.10"].geonameid == 6201370
    raw.write_text(good + "LB.11\tBaalbek-Hermel\tBaalbek-Hermel\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=rf"{raw}:3: expected 4 tab-separated fields"):
        world.read_admin_codes(raw, 1)
    raw.write_text(good + "LB.11\tBaalbek\tBaalbek\tx12\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=rf"{raw}:3: geonameid of LB.11"):
        world.read_admin_codes(raw, 1)


def test_user_files_change_only_the_places_they_name(data_dir: Path, tmp_path: Path) -> None:
    world = Gazetteer.load(data_dir=data_dir)
    user = tmp_path / "mine.yaml"
    user.write_text(
        "format: explorer-gazetteer/1\nplaces:\n"
        "  - {id: gn:2, names_ar: [بيتا الجديدة]}\n"
        "  - {id: my:x, kind: city, name: Other, name_ar: بيتاون, country: AL, lat: 3, lon: 4}\n",
        encoding="utf-8",
    )
    merged = Gazetteer.load([user], data_dir=data_dir)
    new_key, shared = tuple(words("بيتا الجديدة")), tuple(words("بيتاون"))
    number = merged.by_id.number("gn:2")
    assert number is not None and merged.places[number].source.endswith("mine.yaml:3")
    assert (number, "toponym") in merged.index[new_key]
    assert new_key in merged.first_words[new_key[0]]
    assert {merged.places[i].id for i, _t in merged.index[shared]} == {"gn:2", "my:x"}
    assert len(merged.places) == len(world.places) + 1
    # The world is left as it was.
    assert new_key not in world.index and len(world.index[shared]) == 1
    assert "my:x" not in world.by_id and not world.by_id["gn:2"].source.endswith("mine.yaml:3")

    gone = tmp_path / "gone.yaml"
    gone.write_text("format: explorer-gazetteer/1\nplaces:\n  - {id: gn:2, remove: true}\n",
                    encoding="utf-8")
    removed = Gazetteer.load([gone], data_dir=data_dir)
    assert "gn:2" not in removed.by_id and shared not in removed.index


def test_errors_have_one_shape_compiled_or_not(data_dir: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused built-in file and a refused user file are both ``GazetteerFileError``s, from
    the compiled cache as from the files."""
    (data_dir / "admin1.yaml").write_text("format: explorer-gazetteer/1\nplaces: 3\n",
                                          encoding="utf-8")
    user = tmp_path / "user.yaml"
    user.write_text("format: nope\n", encoding="utf-8")
    fresh = Gazetteer.load([user], data_dir=data_dir)
    refuse_to_read(monkeypatch)
    cached = Gazetteer.load(data_dir=data_dir)
    for gaz in (fresh, cached):
        assert all(isinstance(e, loader.GazetteerFileError) for e in gaz.errors)
    assert [str(e) for e in cached.errors] == [str(fresh.errors[0])]
    assert str(cached.errors[0]) == f"{data_dir / 'admin1.yaml'}:1: 'places' must be a list"
    assert fresh.error_lines()[1].startswith(f"{user}:1: ")
