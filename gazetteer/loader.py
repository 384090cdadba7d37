"""Reading gazetteer YAML files (format in ``data/FORMAT.md``) into ``Place`` objects.

Every entry is checked; a bad file is refused whole with ``FILE:LINE: what is wrong`` and the
other files still load. Files are merged in order: an entry whose id already exists updates
that place (lists extended, scalars replaced), ``remove: true`` drops it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from gazetteer.model import KINDS, Place

FORMAT = "explorer-gazetteer/1"

_LISTS = ("names_ar", "names_en", "demonyms_ar", "members")
_SCALARS = ("name", "name_ar", "kind", "lat", "lon", "country", "geonameid", "population",
            "capital", "common_word", "admin1", "admin2", "feature")
_KNOWN = {"id", "remove", *_LISTS, *_SCALARS}

try:  # the C loader is ten times faster; fall back where libyaml is missing
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class _LineLoader(_BaseLoader):  # type: ignore[misc]
    """A safe loader that records the line of every mapping under the key ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


class GazetteerFileError(ValueError):
    """A gazetteer file that cannot be used; ``str()`` is ``FILE:LINE: what is wrong``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass
class Entry:
    """One validated entry of a file, before merging."""

    id: str
    line: int
    fields: dict[str, Any]
    remove: bool = False


@dataclass
class LoadResult:
    places: list[Place] = field(default_factory=list)
    errors: list[GazetteerFileError] = field(default_factory=list)


def read_entries(path: Path) -> list[Entry]:
    """Parse and validate one file; raise ``GazetteerFileError`` at the first problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GazetteerFileError(path, None, f"cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GazetteerFileError(path, None, f"not UTF-8 text ({exc.reason})") from exc
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise GazetteerFileError(path, line, f"bad YAML: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise GazetteerFileError(path, None, f"bad YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise GazetteerFileError(path, 1, "expected a mapping with 'format' and 'places'")
    if doc.get("format") != FORMAT:
        raise GazetteerFileError(
            path, doc.get("__line__"), f"'format' must be '{FORMAT}', not {doc.get('format')!r}"
        )
    places = doc.get("places")
    if not isinstance(places, list):
        raise GazetteerFileError(path, doc.get("__line__"), "'places' must be a list")
    seen: dict[str, int] = {}
    entries = []
    for item in places:
        entry = _validate(path, item)
        if entry.id in seen:
            raise GazetteerFileError(
                path, entry.line, f"duplicate id '{entry.id}' (first at line {seen[entry.id]})"
            )
        seen[entry.id] = entry.line
        entries.append(entry)
    return entries


def _validate(path: Path, item: Any) -> Entry:
    if not isinstance(item, dict):
        raise GazetteerFileError(path, None, f"each place must be a mapping, not {item!r:.40}")
    line = int(item.pop("__line__", 0)) or None

    def fail(msg: str) -> GazetteerFileError:
        return GazetteerFileError(path, line, msg)

    pid = item.get("id")
    if not isinstance(pid, str) or not pid.strip():
        raise fail("missing 'id' (a non-empty string)")
    unknown = set(item) - _KNOWN
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(map(str, unknown)))} in '{pid}'")
    if item.get("remove"):
        return Entry(pid, line or 0, {}, remove=True)
    out: dict[str, Any] = {}
    for key in ("name", "name_ar", "country", "admin1", "admin2", "feature"):
        if key in item:
            value = item[key]
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise fail(f"'{key}' of '{pid}' must be a non-empty string")
            out[key] = value.strip() if isinstance(value, str) else None
    if "name" in item and not out.get("name"):
        raise fail(f"'{pid}' has an empty 'name'")
    if "kind" in item:
        if item["kind"] not in KINDS:
            raise fail(f"'kind' of '{pid}' must be one of {', '.join(KINDS)}, not {item['kind']!r}")
        out["kind"] = item["kind"]
    for key, lo, hi in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
        if key in item:
            value = item[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise fail(f"'{key}' of '{pid}' must be a number, not {value!r}")
            if not lo <= float(value) <= hi:
                raise fail(f"'{key}' of '{pid}' is {value}, outside {lo:g}..{hi:g}")
            out[key] = float(value)
    if "population" in item:
        value = item["population"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise fail(f"'population' of '{pid}' must be a whole number >= 0, not {value!r}")
        out["population"] = value
    if "geonameid" in item:
        value = item["geonameid"]
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise fail(f"'geonameid' of '{pid}' must be a whole number or null, not {value!r}")
        out["geonameid"] = value
    for key in ("capital", "common_word"):
        if key in item:
            if not isinstance(item[key], bool):
                raise fail(f"'{key}' of '{pid}' must be true or false, not {item[key]!r}")
            out[key] = item[key]
    for key in _LISTS:
        if key in item:
            value = item[key]
            if value is None:
                value = []
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise fail(f"'{key}' of '{pid}' must be a list of non-empty strings")
            out[key] = [v.strip() for v in value]
    return Entry(pid, line or 0, out)


def _new_place(path: Path, entry: Entry) -> Place:
    f = entry.fields
    missing = [k for k in ("name", "kind", "lat", "lon") if f.get(k) is None]
    if missing:
        raise GazetteerFileError(
            path, entry.line, f"new place '{entry.id}' lacks {', '.join(missing)}"
        )
    if f["kind"] in ("country", "admin1", "admin2", "city") and not f.get("country"):
        raise GazetteerFileError(path, entry.line, f"'{entry.id}' ({f['kind']}) needs 'country'")
    name_ar = f.get("name_ar") or next(iter(f.get("names_ar", [])), "")
    return Place(
        id=entry.id,
        name=f["name"],
        name_ar=name_ar,
        kind=f["kind"],
        lat=f["lat"],
        lon=f["lon"],
        country=(f.get("country") or None),
        geonameid=f.get("geonameid"),
        population=f.get("population", 0),
        capital=f.get("capital", False),
        names_ar=_unique([name_ar, *f.get("names_ar", [])]),
        names_en=_unique([f["name"], *f.get("names_en", [])]),
        demonyms_ar=_unique(f.get("demonyms_ar", [])),
        members=_unique(f.get("members", [])),
        common_word=f.get("common_word", False),
        source=f"{path}:{entry.line}",
        admin1=f.get("admin1") or "",
        admin2=f.get("admin2") or "",
        feature=f.get("feature") or "",
    )


def _update(path: Path, place: Place, entry: Entry) -> Place:
    f = entry.fields
    changes: dict[str, Any] = {k: f[k] for k in _SCALARS if k in f}
    for key in _LISTS:
        if key in f:
            changes[key] = _unique([*getattr(place, key), *f[key]])
    if "name_ar" in f:
        changes["names_ar"] = _unique([f["name_ar"], *changes.get("names_ar", place.names_ar)])
    if "name" in f:
        changes["names_en"] = _unique([f["name"], *changes.get("names_en", place.names_en)])
    changes["source"] = f"{path}:{entry.line}"
    return replace(place, **changes)


def _unique(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _read_tsv(path: Path) -> list[Entry]:
    from gazetteer.tsv import read_tsv  # the TSV reader builds on this module's checks

    return read_tsv(path)


def load_files(paths: list[Path], base: Sequence[Place] = ()) -> LoadResult:
    """Merge ``paths`` in order onto ``base``. A bad file is skipped and reported in ``errors``."""
    result = LoadResult()
    places: dict[str, Place] = {p.id: p for p in base}
    for path in paths:
        try:
            entries = _read_tsv(path) if path.suffix == ".tsv" else read_entries(path)
            staged = dict(places)
            for entry in entries:
                if entry.remove:
                    staged.pop(entry.id, None)
                elif entry.id in staged:
                    staged[entry.id] = _update(path, staged[entry.id], entry)
                else:
                    staged[entry.id] = _new_place(path, entry)
        except GazetteerFileError as exc:
            result.errors.append(exc)
            continue
        places = staged
    result.places = list(places.values())
    return result


def merge_files(
    paths: list[Path], lookup: Callable[[str], Place | None]
) -> tuple[dict[str, Place | None], list[GazetteerFileError]]:
    """What ``paths`` change, in order, on the places ``lookup`` finds by id: id → the new
    place, or None where the place is removed. A bad file is skipped and reported. Only the
    places the files name are looked up (the built-in world stays as it is)."""
    changed: dict[str, Place | None] = {}
    errors: list[GazetteerFileError] = []
    for path in paths:
        try:
            entries = _read_tsv(path) if path.suffix == ".tsv" else read_entries(path)
            staged = dict(changed)
            for entry in entries:
                current = staged[entry.id] if entry.id in staged else lookup(entry.id)
                if entry.remove:
                    if current is not None:
                        staged[entry.id] = None
                elif current is not None:
                    staged[entry.id] = _update(path, current, entry)
                else:
                    staged[entry.id] = _new_place(path, entry)
        except GazetteerFileError as exc:
            errors.append(exc)
            continue
        changed = staged
    return changed, errors
