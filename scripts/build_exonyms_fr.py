#!/usr/bin/env python3
"""Give the gazetteer's towns and divisions of the Arab world and Senegal their French names
(issue 19: Alexandrie, Tanger, Fès, Kénitra, Damas, Alep, Djeddah were read only when CLDR's
time-zone cities had them).

    .venv/bin/python scripts/build_exonyms_fr.py WOF_DIR [WOF_DIR...]

Source: Who's On First's country repositories (``whosonfirst-data-admin-eg``, ``-ma``…; CC BY
4.0, names from Wikidata, CC0), each a checkout (or plain copy) with its ``data/`` folder: the
``locality``, ``county`` and ``region`` records with a GeoNames id (``wof:concordances``
``gn:id``) that the gazetteer has (a town of ``MIN_POPULATION`` people or more, or a division),
and their ``name:fra_x_preferred``. A French name the place has already, or that differs from
one of its names only as ``gazetteer.lang.fr_spelling`` reads French spellings (Médiouna,
Kénitra: read there, with support), is left out; so is a one-word name that is an everyday
French word (wordfreq Zipf ≥ ``COMMON_ZIPF``), and a name unlike the place's own Latin name
(``alike``: Nasser for the town of Būsh is a person's name too). Writes
``gazetteer/data/fr/exonyms.yaml``: rows that *update* those places (``FORMAT.md``), the names
as ``names_en`` (the gazetteer's Latin names). No Arabic name is added: Arabic text finds what
it found before.

A record that is not JSON stops the build with ``FILE:LINE: what is wrong``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from gazetteer.lang.fr_spelling import skeleton  # noqa: E402
from gazetteer.store import Gazetteer  # noqa: E402

OUT = ROOT / "gazetteer" / "data" / "fr" / "exonyms.yaml"
PLACETYPES = frozenset({"locality", "county", "region"})
COMMON_ZIPF = 4.0
#: A town smaller than this keeps its names: a small town's French label is often a person's
#: name too (Nasser) or a word, and the press writes the big ones in French.
MIN_POPULATION = 20_000


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def records(root: Path) -> Iterable[tuple[Path, dict[str, Any]]]:
    """The properties of the records of ``root/data`` worth reading (a place type of
    ``PLACETYPES``, a French name and a GeoNames id)."""
    for path in sorted((root / "data").rglob("*.geojson")):
        text = path.read_text(encoding="utf-8")
        if "name:fra_x_preferred" not in text or '"gn:id"' not in text:
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as e:
            raise SystemExit(f"{path}:{e.lineno}: not JSON: {e.msg}") from e
        props = record.get("properties") if isinstance(record, dict) else None
        if isinstance(props, dict) and props.get("wof:placetype") in PLACETYPES:
            yield path, props


_ARTICLE = re.compile(r"^(?:le|la|les|l'|al|el|ad|ar|as|ash|at|az|an)[\s\-']+")


def _shape(name: str) -> str:
    plain = unicodedata.normalize("NFD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    plain = _ARTICLE.sub("", plain.replace("\u2019", "'"))
    for a, b in (("ou", "u"), ("dj", "j"), ("y", "i"), ("ch", "sh"), ("e", "a")):
        plain = plain.replace(a, b)
    return re.sub(r"[^a-z]", "", plain)


def alike(french: str, names: Iterable[str]) -> bool:
    """Does the French name begin as one of the place's Latin names (its first three letters,
    articles, accents and the spellings of a few sounds aside)? Alexandrie and Alexandria, Le
    Caire and Cairo, Djeddah and Jeddah, Syrte and Sirte are alike; Nasser and Bush are not."""
    head = _shape(french)[:3]
    return len(head) == 3 and any(_shape(n)[:3] == head for n in names)


def _common(name: str) -> bool:
    import wordfreq

    return len(name.split()) == 1 and wordfreq.zipf_frequency(name.lower(), "fr") >= (
        COMMON_ZIPF)


def french_names(roots: list[Path], gaz: Gazetteer) -> tuple[dict[str, list[str]], str]:
    """gn:N → the French names to add, and the SHA-256 of the records read."""
    found: dict[str, list[str]] = {}
    digest = hashlib.sha256()
    for root in roots:
        for path, props in records(root):
            concord = props.get("wof:concordances")
            gid = concord.get("gn:id") if isinstance(concord, dict) else None
            if not isinstance(gid, int) or f"gn:{gid}" not in gaz.by_id:
                continue
            place = gaz.by_id[f"gn:{gid}"]
            if place.kind == "city" and place.population < MIN_POPULATION:
                continue
            have = {place.name, *place.names_en}
            for name in _strings(props.get("name:fra_x_preferred")):
                name = " ".join(name.split())
                if (name and not {skeleton(name)} & {skeleton(n) for n in have}
                        and alike(name, [place.name]) and not _common(name)):
                    found.setdefault(f"gn:{gid}", [])
                    if name not in found[f"gn:{gid}"]:
                        found[f"gn:{gid}"].append(name)
                        digest.update(path.read_bytes())
    return found, digest.hexdigest()


def write(found: dict[str, list[str]], sources: list[str], out: Path = OUT) -> None:
    lines = [
        "# GENERATED by scripts/build_exonyms_fr.py; do not edit: put corrections in "
        "overlay.yaml.\n",
        "# French names (Latin alternate names) of towns and divisions already in the gazetteer,\n",
        "# from Who's On First (name:fra_x_preferred, Wikidata's French labels; CC BY 4.0,\n",
        "# Wikidata CC0; https://whosonfirst.org/), matched by their GeoNames id. Built from:\n",
        *(f"#   {s}\n" for s in sources),
        "format: explorer-gazetteer/1\n",
        "places:\n",
    ]
    for pid in sorted(found, key=lambda p: int(p.removeprefix("gn:"))):
        lines.append(f"  - {{id: {json.dumps(pid)}, "
                     f"names_en: {json.dumps(found[pid], ensure_ascii=False)}}}\n")
    out.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wof", nargs="+", type=Path, help="Who's On First country checkouts")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    # The gazetteer without this file (its places and their names before it).
    from gazetteer.store import BUILTIN_FILES, DATA_DIR

    files = [DATA_DIR / n for n in BUILTIN_FILES
             if n != "fr/exonyms.yaml" and (DATA_DIR / n).exists()]
    gaz = Gazetteer.from_files(files)
    found, digest = french_names(args.wof, gaz)
    sources = [f"{', '.join(p.name for p in args.wof)}: the records giving a name, sha256 of "
               f"their bytes in order: {digest}", f"wordfreq {version('wordfreq')}"]
    write(found, sources, args.out)
    print(f"{args.out}: {len(found)} places given French names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
