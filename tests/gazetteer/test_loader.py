from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.loader import load_files

MINI = Path(__file__).parent / "data" / "mini.yaml"

HEAD = "format: explorer-gazetteer/1\nplaces:\n"


def write(tmp_path: Path, body: str, name: str = "user.yaml") -> Path:
    p = tmp_path / name
    p.write_text(HEAD + body, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("  - {id: x, kind: city, name: X, country: XX, lat: 123, lon: 0}\n", 3, "lat"),
        ("  - {id: x, kind: city, country: XX, lat: 1, lon: 0}\n", 3, "lacks name"),
        ("  - {id: x, kind: city, name: X, country: XX, lat: 1, lon: 0}\n"
         "  - {id: x, kind: city, name: Y, country: XX, lat: 1, lon: 0}\n", 4, "duplicate id"),
        ("  - {id: x, kind: town, name: X, lat: 1, lon: 0}\n", 3, "kind"),
        ("  - {id: x, kind: city, name: X, country: XX, lat: 1, lon: 0, popul: 3}\n", 3, "unknown"),
        ("  - {id: x, kind: city, name: X, lat: 1, lon: 0\n", 4, "bad YAML"),
        ("  - {kind: city, name: X, lat: 1, lon: 0}\n", 3, "missing 'id'"),
    ],
)
def test_bad_entries_say_file_and_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = write(tmp_path, body)
    result = load_files([path])
    assert result.places == [] and len(result.errors) == 1
    message = str(result.errors[0])
    assert message.startswith(f"{path}:{line}: ")
    assert words in message


def test_a_bad_file_is_refused_whole_and_others_still_load(tmp_path: Path) -> None:
    good = write(tmp_path, "  - {id: a, kind: city, name: Alpha, name_ar: ألفا, country: XX,"
                           " lat: 1, lon: 2}\n", "good.yaml")
    bad = write(tmp_path, "  - {id: b, kind: city, name: Beta, country: XX, lat: 1, lon: 2}\n"
                          "  - {id: c, kind: city, name: C, country: XX, lat: 100, lon: 2}\n",
                "bad.yaml")
    result = load_files([good, bad])
    assert [p.id for p in result.places] == ["a"]
    assert len(result.errors) == 1 and str(result.errors[0]).startswith(f"{bad}:4:")


def test_user_file_extends_and_overrides_existing_places(tmp_path: Path) -> None:
    user = write(tmp_path, "  - {id: gn:658225, names_ar: [هيلسنكي], population: 1}\n"
                           "  - {id: gn:4671654, remove: true}\n"
                           "  - {id: my:camp, kind: city, name: Camp Alpha, name_ar: معسكر ألفا,"
                           " country: AF, lat: 34.5, lon: 69.2}\n")
    gaz = Gazetteer.from_files([MINI, user])
    helsinki = gaz.by_id["gn:658225"]
    assert "هيلسنكي" in helsinki.names_ar and "هلسنكي" in helsinki.names_ar
    assert helsinki.population == 1
    assert "gn:4671654" not in gaz.by_id
    assert gaz.by_id["my:camp"].source.endswith("user.yaml:5")
    assert ("معسكر", "الفا") in gaz.index


def test_user_files_merge_onto_the_compiled_world(tmp_path: Path) -> None:
    from gazetteer.store import Gazetteer

    world = Gazetteer.load()
    user = tmp_path / "mine.yaml"
    user.write_text(
        "format: explorer-gazetteer/1\nplaces:\n"
        "  - id: gn:658225\n    names_ar: [هيلسنكي العاصمة]\n"
        "  - id: mine:oasis\n    kind: city\n    name: Oasis\n    name_ar: واحة الاختبار\n"
        "    country: TJ\n    lat: 38.0\n    lon: 70.0\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: explorer-gazetteer/1\nplaces:\n  - id: x\n    lat: 123\n",
                   encoding="utf-8")
    merged = Gazetteer.load([user, bad])
    assert len(merged.places) == len(world.places) + 1
    assert "هيلسنكي العاصمة" in merged.by_id["gn:658225"].names_ar
    assert merged.by_id["mine:oasis"].country == "TJ"
    assert [e for e in merged.errors if e.path.endswith("bad.yaml")]
    assert not [e for e in merged.errors if e.path.endswith("mine.yaml")]
    # The world itself is untouched by the merge.
    assert "هيلسنكي العاصمة" not in world.by_id["gn:658225"].names_ar
