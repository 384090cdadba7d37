"""scripts/lgl/to_gold.py: LGL's XML to a corpus directory and ``seeds-gold/1`` gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.evaluate import load_gold
from tests.gold_checks import load_script

ROOT = Path(__file__).resolve().parents[1]
to_gold = load_script(ROOT / "scripts" / "lgl" / "to_gold.py", "lgl_to_gold")

TEXT = "Alexandria woman charged. The American went to 1935 Orchard St. in Rapides Parish, Ohio."


def _toponym(phrase: str, gaz: str = "") -> str:
    start = TEXT.index(phrase)
    return (
        f"<toponym><start>{start}</start><end>{start + len(phrase)}</end>"
        f"<phrase>{phrase}</phrase>{gaz}</toponym>"
    )


def _gaz(gid: int, name: str, fclass: str, fcode: str, country: int = 6252001) -> str:
    return (
        f'<gaztag geonameid="{gid}"><name>{name}</name><fclass>{fclass}</fclass>'
        f"<fcode>{fcode}</fcode><lat>31.3113</lat><lon>-92.4451</lon>"
        f'<country geonameid="{country}">United States</country></gaztag>'
    )


XML = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
 <article docid="40450848"><text><![CDATA[{TEXT}]]></text><toponyms>
  {_toponym("Alexandria", _gaz(4314550, "Alexandria", "P", "PPL"))}
  {_toponym("American", _gaz(6252001, "United States", "A", "PCLI"))}
  {_toponym("Orchard St.")}
  {_toponym("Rapides Parish", _gaz(4338356, "Rapides Parish", "A", "ADM2"))}
  {_toponym("Ohio", _gaz(5165418, "Ohio", "A", "ADM1"))}
 </toponyms></article>
 <article docid="41383748"><text><![CDATA[Nothing here.]]></text><toponyms/></article>
</articles>
"""


def test_converts_mentions_neutral_spans_and_kinds(tmp_path: Path) -> None:
    xml = tmp_path / "lgl.xml"
    xml.write_text(XML, encoding="utf-8")
    to_gold.convert(xml, tmp_path / "out", check=False)
    gold = load_gold(tmp_path / "out" / "lgl_gold.json")
    assert sorted(gold) == ["000_40450848.txt", "001_41383748.txt"]
    doc = gold["000_40450848.txt"]
    text = (tmp_path / "out" / "docs" / "000_40450848.txt").read_text(encoding="utf-8")
    assert text == TEXT
    kinds = {m["text"]: (m["kind"], m["country"], "lat" in m) for m in doc["mentions"]}
    assert kinds == {
        "Alexandria": ("city", "US", True),
        "Rapides Parish": ("admin2", "US", False),
        "Ohio": ("admin1", "US", False),
    }
    # A street (no gaztag) and a demonym are neither mentions nor misses.
    assert sorted(n["text"] for n in doc["neutral"]) == ["American", "Orchard St."]
    for m in doc["mentions"] + doc["neutral"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_wrong_file_is_refused_naming_it(tmp_path: Path) -> None:
    xml = tmp_path / "lgl.xml"
    xml.write_text(XML, encoding="utf-8")
    with pytest.raises(ValueError, match=r"lgl\.xml: sha256"):
        to_gold.convert(xml, tmp_path / "out")
    assert to_gold.main([str(xml), str(tmp_path / "out")]) == 1


def test_misplaced_offset_is_refused(tmp_path: Path) -> None:
    xml = tmp_path / "lgl.xml"
    xml.write_text(XML.replace("<start>0</start>", "<start>1</start>"), encoding="utf-8")
    with pytest.raises(ValueError, match="40450848"):
        to_gold.convert(xml, tmp_path / "out", check=False)
