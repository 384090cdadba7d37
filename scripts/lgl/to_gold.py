"""Convert LGL (Lieberman, Samet & Sankaranarayanan 2010, "local-global lexicon") to gold.

Reads ``lgl.xml`` as distributed in milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation
(``data/Corpora/lgl.xml``, checked by sha256) and writes a corpus directory of ``.txt`` files
and a ``seeds-gold/1`` gold file (see ``tests/data/GOLD_README.md``) for ``explorer eval``.

Usage: ``python scripts/lgl/to_gold.py lgl.xml OUTDIR`` writes ``OUTDIR/docs/NNN_DOCID.txt``
(NNN is the article's position in the file, so sorted order is the file's order and
``--half even`` is articles 0, 2, 4, ...) and ``OUTDIR/lgl_gold.json``.

Choices (the format's conventions, not LGL's):
- a toponym with a ``gaztag`` is a mention: countries (``PCL*``) carry ``country``, states
  (``ADM1``) and counties (``ADM2``) their kind, populated places (``P``) ``lat``/``lon``;
  other features (rivers, parks, regions) are kind ``feature`` with no point;
- a toponym with no ``gaztag`` (streets, buildings, places GeoNames lacks) has no place to
  resolve to: it is ``neutral`` (a system span over it counts neither way);
- a toponym whose phrase is an English demonym of the gazetteer (``American``, ``Russians``)
  is ``neutral``: the format does not annotate demonyms (GOLD_README), and the explorer
  reports them typed as demonyms, which are not scored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

SHA256 = "d251018853e8d0f7f8bf49ca6e042418a26f4718f85e1e5393a5b4ef9ae5f007"
DATA = Path(__file__).resolve().parents[2] / "gazetteer" / "data"


def _country_codes() -> dict[int, str]:
    """GeoNames id of each country -> ISO 3166-1 alpha-2, from the gazetteer's countries.yaml."""
    codes: dict[int, str] = {}
    for line in (DATA / "countries.yaml").read_text(encoding="utf-8").splitlines():
        gid = re.search(r"\bgeonameid: (\d+)", line)
        cc = re.search(r'\bcountry: "([A-Z]{2})"', line)
        if gid and cc:
            codes[int(gid.group(1))] = cc.group(1)
    return codes


def _demonyms() -> set[str]:
    """English demonyms of the gazetteer (demonyms.yaml) and their plurals."""
    out: set[str] = set()
    for line in (DATA / "demonyms.yaml").read_text(encoding="utf-8").splitlines():
        m = re.search(r"demonyms_en: \[([^\]]*)\]", line)
        if m:
            for d in re.findall(r'"([^"]+)"', m.group(1)):
                out.update({d, d + "s"})
    return out


def _kind(fclass: str, fcode: str) -> str:
    if fcode.startswith("PCL"):
        return "country"
    if fcode == "ADM1":
        return "admin1"
    if fcode == "ADM2":
        return "admin2"
    if fclass == "P":
        return "city"
    return "feature"


def _text(el: ET.Element | None) -> str:
    return (el.text or "") if el is not None else ""


def convert(xml_path: Path, out: Path, check: bool = True) -> dict[str, Any]:
    raw = xml_path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if check and digest != SHA256:
        raise ValueError(f"{xml_path}: sha256 {digest} is not the expected {SHA256}")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ValueError(f"{xml_path}: not well-formed XML: {exc}") from exc
    codes = _country_codes()
    demonyms = _demonyms()
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    documents: dict[str, Any] = {}
    for i, art in enumerate(root.findall("article")):
        text = _text(art.find("text"))
        name = f"{i:03d}_{art.get('docid')}.txt"
        mentions: list[dict[str, Any]] = []
        neutral: list[dict[str, Any]] = []
        for tp in art.iterfind("toponyms/toponym"):
            start, end = int(_text(tp.find("start"))), int(_text(tp.find("end")))
            phrase = _text(tp.find("phrase"))
            if text[start:end] != phrase:
                raise ValueError(
                    f"{xml_path}: article {art.get('docid')}: {phrase!r} is not at {start}:{end}"
                )
            g = tp.find("gaztag")
            if g is None:
                neutral.append(
                    {
                        "start": start,
                        "end": end,
                        "text": phrase,
                        "why": "LGL toponym with no gaztag (street, building or "
                        "place GeoNames lacks): no place to resolve to",
                    }
                )
                continue
            if phrase in demonyms:
                neutral.append(
                    {
                        "start": start,
                        "end": end,
                        "text": phrase,
                        "why": "demonym: not annotated in this format",
                    }
                )
                continue
            gid = int(g.get("geonameid") or 0)
            kind = _kind(_text(g.find("fclass")), _text(g.find("fcode")))
            country_el = g.find("country")
            cgid = int(country_el.get("geonameid") or 0) if country_el is not None else 0
            m: dict[str, Any] = {
                "start": start,
                "end": end,
                "text": phrase,
                "country": codes.get(gid if kind == "country" else cgid),
                "geonameid": gid,
                "kind": kind,
                "name": _text(g.find("name")),
            }
            if kind == "city":
                m["lat"] = float(_text(g.find("lat")))
                m["lon"] = float(_text(g.find("lon")))
            mentions.append(m)
        (docs_dir / name).write_text(text, encoding="utf-8")
        documents[name] = {"mentions": mentions, "negatives": [], "neutral": neutral}
    gold = {
        "format": "seeds-gold/1",
        "source": f"LGL lgl.xml sha256 {digest}",
        "documents": documents,
    }
    (out / "lgl_gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("xml", type=Path, help="lgl.xml")
    ap.add_argument("out", type=Path, help="output directory (docs/ and lgl_gold.json)")
    args = ap.parse_args(argv)
    try:
        gold = convert(args.xml, args.out)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    docs = gold["documents"]
    n = sum(len(d["mentions"]) for d in docs.values())
    z = sum(len(d["neutral"]) for d in docs.values())
    print(f"{len(docs)} documents, {n} mentions, {z} neutral -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
