"""Hostile input shared by the injection tests: template syntax in every user-made string."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

#: The Arabic name the article uses for the hostile place (plain, so the geoparser finds it).
ALIAS = "قرية الاختبار"


def payloads(marker: Path) -> list[str]:
    """Template syntax that evaluates, runs a command (creating ``marker``), or fails to parse."""
    rce = f"{{{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}}}"
    return ["{{7*7}}", rce, "{% if 1 %}", "{#"]


def write_case(root: Path, payload: str) -> tuple[Path, Path, dict[str, Any]]:
    """A corpus folder and a user gazetteer with ``payload`` in every string a user writes.

    Returns the corpus, the gazetteer file and the place fields as the page must show them.
    """
    corpus = root / "corpus"
    corpus.mkdir()
    # a file name cannot hold "/": the payload's path is a plain name there
    name = payload.replace("/", "_")[:120] + ".txt"
    title = f"خبر {payload} عن {ALIAS}"
    (corpus / name).write_text(f"{title}\n\nوصل الوفد إلى {ALIAS} أمس.\n", encoding="utf-8")
    place = {
        "id": f"user:{payload}",
        "kind": "city",
        "name": f"Xville {payload}",
        "name_ar": f"{ALIAS} {payload}",
        "names_ar": [ALIAS, f"{payload} ع"],
        "names_en": [f"{payload} en"],
        "demonyms_ar": [f"{payload} د"],
        "country": f"T{payload}",
        "members": [f"M{payload}", payload],
        "admin1": f"a1 {payload}",
        "admin2": f"a2 {payload}",
        "feature": f"f {payload}",
        "lat": 38.5,
        "lon": 68.7,
    }
    gazetteer = root / "hostile.yaml"
    gazetteer.write_text(
        yaml.safe_dump({"format": "explorer-gazetteer/1", "places": [place]}, allow_unicode=True),
        encoding="utf-8",
    )
    shown = {k: place[k] for k in ("id", "name", "name_ar", "country", "members")}
    return corpus, gazetteer, shown


def page_document(html: str) -> dict[str, Any]:
    """The heading and passages the standalone page hands to ``explorerDocument``."""
    m = re.search(r"explorerDocument\(\w+, ", html)
    assert m, "no explorerDocument call in the page"
    data, _ = json.JSONDecoder().raw_decode(html, m.end())
    assert isinstance(data, dict)
    return data


def page_data(html: str) -> dict[str, Any]:
    """The place data the map page hands to ``explorerInit``."""
    m = re.search(r"explorerInit\(\w+, ", html)
    assert m, "no explorerInit call in the page"
    data, _ = json.JSONDecoder().raw_decode(html, m.end())
    assert isinstance(data, dict)
    return data
