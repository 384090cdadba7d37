"""Find a Latin-script name in the gazetteer extracts, or copy a record into places.json.

    python scripts/devset_fr2/lookup.py find NAME [CC]
    python scripts/devset_fr2/lookup.py keys WORD        (existing place keys of the gold sets)
    python scripts/devset_fr2/lookup.py add KEY GEONAMEID|CC

devset_fr's lookup_latin.py, writing to scripts/devset_fr2/places.json.  Annotation help only.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _latin() -> ModuleType:
    path = ROOT / "scripts" / "devset_fr" / "lookup_latin.py"
    spec = importlib.util.spec_from_file_location("devset_fr_lookup_latin", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> None:
    latin = _latin()
    if argv[0] == "find":
        latin.main(argv)
        return
    if argv[0] == "keys":
        word = argv[1].casefold()
        for f in sorted((ROOT / "scripts").glob("devset*/places*.json")):
            for k, v in json.loads(f.read_text(encoding="utf-8")).items():
                if word in k.casefold() or word in str(v.get("name", "")).casefold():
                    print(
                        f.relative_to(ROOT),
                        k,
                        v.get("name"),
                        v.get("kind"),
                        v.get("country"),
                        v.get("geonameid"),
                    )
        return
    key, ident = argv[1], argv[2]
    hit = (
        [r for r in latin._yaml_rows("countries.yaml") if r["country"] == ident]
        if ident.isalpha() and len(ident) == 2
        else [r for r in latin.rows() if str(r.get("geonameid")) == ident]
    )
    if not hit:
        raise SystemExit(f"no record {ident}")
    path = HERE / "places.json"
    places = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    places[key] = latin.record(hit[0])
    places = dict(sorted(places.items()))
    path.write_text(json.dumps(places, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(key, places[key])


if __name__ == "__main__":
    main(sys.argv[1:])
