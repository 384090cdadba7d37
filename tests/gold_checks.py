"""Checks shared by the tests of the hand-made gold sets (tests/test_devset.py, test_devset2.py).

Every gold span must be exactly the text it claims, inside the document it names; places carry a
GeoNames id, or (where GeoNames has none in the data used) a region slug or a stated reason.
"""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path
from types import ModuleType
from typing import Any

KINDS = {"country", "admin1", "admin2", "city", "feature", "region"}


def load_script(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def document_text(path: Path) -> str:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: BOM"
    assert b"\r" not in raw, f"{path.name}: carriage return"
    return raw.decode("utf-8")


def check_spans(name: str, text: str, doc: dict[str, Any]) -> None:
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


def check_place(m: dict[str, Any]) -> None:
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


def check_one_id_one_place(gold: dict[str, Any]) -> None:
    seen: dict[int, tuple[str, str]] = {}
    for doc in gold["documents"].values():
        for m in doc["mentions"]:
            if m["geonameid"] is not None:
                key = (m["name"], m["kind"])
                assert seen.setdefault(m["geonameid"], key) == key, m
