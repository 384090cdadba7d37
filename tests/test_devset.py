"""The development set of real Arabic news (tests/data/devset) and its hand-made gold.

Every gold span must be exactly the text it claims, inside the document it names; places carry a
GeoNames id, or (where GeoNames has none in the data used) a region slug or a stated reason.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
DOCS = DATA / "devset"
GOLD = json.loads((DATA / "devset_gold.json").read_text(encoding="utf-8"))
KINDS = {"country", "admin1", "admin2", "city", "feature", "region"}


def _text(name: str) -> str:
    raw = (DOCS / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{name}: BOM"
    assert b"\r" not in raw, f"{name}: carriage return"
    return raw.decode("utf-8")


def test_format_and_size() -> None:
    assert GOLD["format"] == "seeds-gold/1"
    docs = GOLD["documents"]
    assert len(docs) >= 60
    assert sum(len(d["mentions"]) for d in docs.values()) >= 400
    assert set(docs) == {p.name for p in DOCS.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_spans_match_text(name: str) -> None:
    text = _text(name)
    doc = GOLD["documents"][name]
    spans: list[tuple[int, int]] = []
    for kind in ("mentions", "negatives", "neutral"):
        for m in doc[kind]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"], (name, m)
            assert m["text"] == m["text"].strip()
            if kind != "mentions":
                assert m["why"]
            spans.append((m["start"], m["end"]))
    spans.sort()
    for a, b in itertools.pairwise(spans):
        assert a[1] <= b[0], f"{name}: overlapping spans {a} {b}"


def _check_place(m: dict[str, Any]) -> None:
    assert m["kind"] in KINDS, m
    assert m["name"]
    gid = m["geonameid"]
    if gid is None:
        assert m.get("region") or m.get("why"), m
        assert m.get("accept_names"), m
    else:
        assert isinstance(gid, int) and not isinstance(gid, bool) and gid > 0, m
    if m["kind"] == "country":
        assert len(m["country"]) == 2 and m["country"].isupper()
    if m["kind"] == "city" and gid is not None:
        assert -90 <= m["lat"] <= 90 and -180 <= m["lon"] <= 180, m


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_places_are_identified(name: str) -> None:
    for m in GOLD["documents"][name]["mentions"]:
        _check_place(m)


def test_one_id_one_place() -> None:
    seen: dict[int, tuple[str, str]] = {}
    for doc in GOLD["documents"].values():
        for m in doc["mentions"]:
            if m["geonameid"] is not None:
                key = (m["name"], m["kind"])
                assert seen.setdefault(m["geonameid"], key) == key, m
