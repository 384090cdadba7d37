"""Build tests/data/devset_gold.json (format seeds-gold/1) from the hand annotations.

scripts/devset/annotations.txt lists, per document, every place name the annotator read in it:

    # 001_tripoli_clashes.txt
    طرابلس = tripoli-lb          every occurrence of the name (alone or after a proclitic)
    طرابلس #2 = tripoli-ly       only the 2nd occurrence (counted outside longer names)
    محافظة [دمشق] = damascus-gov  the whole phrase must match; the span is the bracketed name
    -فرانس برس = agency: AFP     a negative (looks like a place, is not), every occurrence
    ~البيت الأبيض = a building   a neutral span

Place keys are keys of scripts/devset/places.json: ISO country codes and towns and divisions
(records copied from GeoNames by lookup.py), regions and the places missing from the GeoNames
extracts used (written there by hand).  Longer names are matched first and claim their text,
so «جنوب السودان» is never also read as «السودان».  An occurrence counts only as a whole word,
alone or after the proclitics و ف ب ل ك (and «لل» in place of the article).

    python scripts/devset/build_gold.py [--review]
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DOCS = ROOT / "tests" / "data" / "devset"
OUT = ROOT / "tests" / "data" / "devset_gold.json"

WORD = re.compile(r"[\u0621-\u065F\u0670-\u06D3\u0640A-Za-z0-9]")
PREFIXES = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "وو"}
ARTICLE_DROPPED = {"لل", "ولل", "فلل"}


def _occurrences(text: str, surface: str) -> list[tuple[int, int, int]]:
    """(start, end, dropped) of every whole-word occurrence of surface, proclitics outside the span.

    dropped is 2 where the article's alif and lam are gone after «لل» (للعراق: the text has
    «عراق» for «العراق»), else 0.
    """
    found = []
    forms = [(surface, PREFIXES, 0)]
    if surface.startswith("ال"):
        forms.append((surface[2:], ARTICLE_DROPPED, 2))
    for form, allowed, dropped in forms:
        for m in re.finditer(re.escape(form), text):
            s, e = m.start(), m.end()
            if e < len(text) and WORD.match(text[e]):
                continue
            w = s
            while w > 0 and WORD.match(text[w - 1]):
                w -= 1
            if text[w:s].replace("\u0640", "") not in allowed:
                continue
            found.append((s, e, dropped))
    return sorted(found)


def _where(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


Entry = tuple[str, str, int | None, str, int]


def _parse(path: Path) -> dict[str, tuple[int, list[Entry]]]:
    """Per document: the line of its «# FILE» header, its entries (role, name, nth, key, line)."""
    docs: dict[str, tuple[int, list[Entry]]] = {}
    cur = None
    where = _where(path)
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("# "):
            cur = line[2:].strip()
            if cur in docs:
                raise SystemExit(f"{where}:{no}: {cur} is listed twice")
            docs[cur] = (no, [])
            continue
        if cur is None or " = " not in line:
            raise SystemExit(f"{where}:{no}: expected '# FILE' or 'NAME = KEY'")
        left, right = (x.strip() for x in line.split(" = ", 1))
        role = "mention"
        if left[:1] in ("-", "~"):
            role = "negative" if left[0] == "-" else "neutral"
            left = left[1:].strip()
        nth = None
        if " #" in left:
            left, n = left.rsplit(" #", 1)
            if not n.isdigit() or int(n) < 1:
                raise SystemExit(f"{where}:{no}: '#{n}' is not an occurrence number (#1, #2…)")
            nth = int(n)
        if not left or not right:
            raise SystemExit(f"{where}:{no}: expected 'NAME = KEY'")
        if ("[" in left or "]" in left) and not re.fullmatch(r"[^][]*\[[^][]+\][^][]*", left):
            raise SystemExit(f"{where}:{no}: expected one bracketed name, as in 'محافظة [X]'")
        docs[cur][1].append((role, left, nth, right, no))
    return docs


def _same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two records of one key name one place: the same GeoNames id and kind (or, without an id,
    the same kind and name); their other fields (source, accept_names) may differ."""
    if a.get("geonameid") is not None or b.get("geonameid") is not None:
        return (a.get("geonameid"), a.get("kind")) == (b.get("geonameid"), b.get("kind"))
    return (a.get("kind"), a.get("name")) == (b.get("kind"), b.get("name"))


def load_places(paths: Sequence[Path]) -> dict[str, Any]:
    """The place records of every file, by key.  A key given in two files must name the same place
    (the first file's record is kept), so two annotators' files merge or fail with both names."""
    places: dict[str, Any] = {}
    origin: dict[str, Path] = {}
    for path in paths:
        try:
            recs = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise SystemExit(f"{_where(path)}:{e.lineno}: not JSON: {e.msg}") from None
        for key, rec in recs.items():
            if key in places:
                if not _same_place(places[key], rec):
                    raise SystemExit(f"{_where(path)}: place key {key} names another place than "
                                     f"the same key in {_where(origin[key])}")
                continue
            places[key], origin[key] = rec, path
    return places


def build(review: bool = False, write: bool = True, *,
          annotations: Sequence[Path] = (HERE / "annotations.txt",),
          places_files: Sequence[Path] = (HERE / "places.json",),
          docs: Path = DOCS, out: Path = OUT) -> dict[str, Any]:
    """The gold of the documents in docs from the annotation files and the place files.

    Every error (a malformed line, a name not in its text, an unknown key) is gathered and
    reported at once, each as FILE:LINE; nothing is written then.
    """
    places = load_places(places_files)
    ann: dict[str, tuple[Path, int, list[Entry]]] = {}
    for path in annotations:
        for doc, (line, entries) in _parse(path).items():
            if doc in ann:
                raise SystemExit(f"{_where(path)}:{line}: {doc} is also annotated in "
                                 f"{_where(ann[doc][0])}:{ann[doc][1]}")
            ann[doc] = (path, line, entries)
    out_docs: dict[str, Any] = {}
    errors = []
    for doc, (path, line, entries) in ann.items():
        where = _where(path)
        if not (docs / doc).is_file():
            errors.append(f"{where}:{line}: no such document {_where(docs / doc)}")
            continue
        text = (docs / doc).read_text(encoding="utf-8")
        claimed: list[tuple[int, int]] = []
        rec: dict[str, list[dict[str, Any]]] = {"mentions": [], "negatives": [], "neutral": []}
        longer: list[tuple[int, int]] = []  # spans claimed by strictly longer names
        size = None
        for role, surface, nth, right, no in sorted(entries, key=lambda x: -len(x[1])):
            if len(surface) != size:
                size, longer = len(surface), list(claimed)
            full, off, size_in = surface, 0, len(surface)
            if "[" in surface:  # «محافظة [دمشق]»: the cue is matched, the name is the span
                off = surface.index("[")
                size_in = surface.index("]") - off - 1
                full = surface.replace("[", "").replace("]", "")
            # the name's place in the surface, less the article where the text dropped it
            occ = [(s + max(off - d, 0), s + off + size_in - d)
                   for s, _, d in _occurrences(text, full)]
            occ = [o for o in occ if not any(o[0] < c[1] and c[0] < o[1] for c in longer)]
            if nth is not None:  # the nth occurrence outside longer names
                occ = occ[nth - 1:nth]
            occ = [o for o in occ if not any(o[0] < c[1] and c[0] < o[1] for c in claimed)]
            if not occ:
                errors.append(f"{where}:{no}: {doc}: «{surface}» not found")
                continue
            for s, e in occ:
                claimed.append((s, e))
                if role == "mention":
                    if right not in places:
                        errors.append(f"{where}:{no}: unknown place key {right}")
                        break
                    p = {k: v for k, v in places[right].items() if k not in ("source",)}
                    rec["mentions"].append({"start": s, "end": e, "text": text[s:e], **p})
                else:
                    key = "negatives" if role == "negative" else "neutral"
                    rec[key].append({"start": s, "end": e, "text": text[s:e], "why": right})
        for v in rec.values():
            v.sort(key=lambda m: m["start"])
        out_docs[doc] = rec
        if review:
            print(f"== {doc}")
            for kind in ("mentions", "negatives", "neutral"):
                for m in rec[kind]:
                    ctx = text[max(0, m["start"] - 15):m["end"] + 15].replace("\n", " ")
                    label = m.get("name") if kind == "mentions" else f"[{kind}] {m['why']}"
                    print(f"  {m['start']:5} {m['text']:<20} {label}  …{ctx}…")
    if errors:
        raise SystemExit("\n".join(errors))
    gold = {"format": "seeds-gold/1", "documents": out_docs}
    if write:
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold


if __name__ == "__main__":
    g = build("--review" in sys.argv)
    n = sum(len(d["mentions"]) for d in g["documents"].values())
    print(f"{len(g['documents'])} documents, {n} mentions -> {OUT.relative_to(ROOT)}")
