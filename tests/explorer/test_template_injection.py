"""No user string is ever evaluated as a template: ``explorer map --html`` run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.mapdoc import script_json
from tests.conftest import ROOT
from tests.hostile import page_data, payloads, write_case

MARKER = "PWNED_cli"


@pytest.mark.parametrize("which", range(4))
def test_map_html_keeps_template_syntax_literal(tmp_path: Path, which: int) -> None:
    marker = tmp_path / MARKER
    payload = payloads(marker)[which]
    corpus, gazetteer, shown = write_case(tmp_path, payload)
    out = tmp_path / "map.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "explorer", "map", str(corpus), "--html", str(out),
         "--gazetteer", str(gazetteer)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists(), "a template in a place name ran a command"
    assert not list(tmp_path.glob("*PWNED*"))
    assert "hostile.yaml" not in proc.stderr  # the file was accepted, not refused
    html = out.read_text(encoding="utf-8")
    [record] = [p for p in page_data(html)["initial"]["add"] if p["id"] == shown["id"]]
    assert {k: record[k] for k in shown} == shown


def test_script_json_writes_braces_in_strings_as_escapes() -> None:
    text = script_json({"a": ["{{7*7}}", "{% if 1 %}", "{#", "}}"], "b": {}})
    assert "{{" not in text and "{%" not in text and "{#" not in text
    assert text.count("{") == 2 and text.count("}") == 2  # only the two objects' own braces
    assert "\\u007b\\u007b7*7\\u007d\\u007d" in text
