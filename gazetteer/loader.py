"""Reading gazetteer YAML files (format in ``data/FORMAT.md``) into ``Place`` objects.

Every entry is checked; a bad file is refused whole with ``FILE:LINE: what is wrong`` and the
other files still load. Files are merged in order: an entry whose id already exists updates
that place (lists extended, scalars replaced), ``remove: true`` drops it.

Hostile files are refused quickly and cheaply: only regular files are read (a FIFO or a device
is refused without being opened for long), at most ``MAX_FILE_BYTES``; YAML aliases may not
expand the document by more than ``MAX_ALIAS_NODES`` nodes (an alias "bomb" is measured on the
composed node graph, never expanded); every value quoted in a message is bounded (``reprlib``).
An Arabic function word (في, من, على, ...) is refused as a name: it would be found
everywhere, whatever ``common_word`` says.
"""

from __future__ import annotations

import os
import reprlib
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gazetteer.model import KINDS, Place
from gazetteer.normalize import fold, words

FORMAT = "explorer-gazetteer/1"

_LISTS = ("names_ar", "names_en", "demonyms_ar", "demonyms_en", "demonyms_fr", "members")
_SCALARS = ("name", "name_ar", "kind", "lat", "lon", "country", "geonameid", "population",
            "capital", "common_word", "admin1", "admin2", "feature")
_KNOWN = {"id", "remove", *_LISTS, *_SCALARS}

#: The largest gazetteer file read (the bundled cities.yaml is about 6.5 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Nodes that aliases may add to a document when expanded (a merge key or a shared list is
#: fine; a "billion laughs" is not).
MAX_ALIAS_NODES = 100_000
#: Where the function-word vocabulary lives (key ``function_words``).
CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "ar" / "context.yaml"

_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 60
_repr.maxlevel = 2
_repr.maxlist = _repr.maxdict = 4


def show(value: object) -> str:
    """A bounded ``repr`` for messages, whatever the size or sharing of ``value``."""
    try:
        return _repr.repr(value)
    except ValueError:  # an integer too long to convert to text
        return "a very long number"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

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

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            value: int = super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts (4,300)
            raise yaml.constructor.ConstructorError(
                None, None, "a number with too many digits", node.start_mark) from None
        return value


_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)


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


def read_bytes_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; ``OSError``/``ValueError`` say why not.

    Opened non-blocking and checked on the open descriptor: a FIFO or a device such as
    ``/dev/zero`` is refused at once, neither waited on nor read without end.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("not a regular file")
        if st.st_size > limit:
            raise ValueError(f"larger than {limit:,} bytes")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise ValueError(f"larger than {limit:,} bytes")
    return data


def _load_yaml(path: Path, text: str) -> Any:
    """The document, composed first and refused if its aliases expand it too much."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in text:  # every alias starts with "*": without one there is nothing to expand
            _check_aliases(path, node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_aliases(path: Path, root: yaml.Node) -> None:
    """Refuse a document whose aliases add more than ``MAX_ALIAS_NODES`` nodes when expanded,
    or that contains itself.

    Sizes are counted on the node graph, each node once (no recursion, no expansion): an
    alias is the same node object met again.
    """
    size: dict[int, int] = {}  # expanded size of each node done
    open_: set[int] = set()  # nodes whose children are being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if not done:
            if key in size:
                continue
            if key in open_:  # pushed below itself: it contains itself
                raise GazetteerFileError(
                    path, node.start_mark.line + 1, "a YAML alias refers to its own anchor")
            open_.add(key)
            stack.append((node, True))
            stack.extend((c, False) for c in _children(node) if id(c) not in size)
            continue
        open_.discard(key)
        size[key] = 1 + sum(size[id(c)] for c in _children(node))
        if size[key] - len(size) > MAX_ALIAS_NODES:
            raise GazetteerFileError(
                path, node.start_mark.line + 1,
                f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} extra nodes (refused)",
            )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def read_entries(path: Path) -> list[Entry]:
    """Parse and validate one file; raise ``GazetteerFileError`` at the first problem."""
    try:
        raw = read_bytes_bounded(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise GazetteerFileError(path, None, f"cannot read: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise GazetteerFileError(path, None, f"cannot read: {exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GazetteerFileError(path, None, f"not UTF-8 text ({exc.reason})") from exc
    try:
        doc = _load_yaml(path, text)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        why = _short(str(exc.problem or exc.context), 200)
        raise GazetteerFileError(path, line, f"bad YAML: {why}") from exc
    except yaml.YAMLError as exc:
        raise GazetteerFileError(path, None, f"bad YAML: {_short(str(exc), 200)}") from exc
    except RecursionError:
        raise GazetteerFileError(path, None, "bad YAML: nested too deeply") from None
    if not isinstance(doc, dict):
        raise GazetteerFileError(path, 1, "expected a mapping with 'format' and 'places'")
    if doc.get("format") != FORMAT:
        raise GazetteerFileError(
            path, doc.get("__line__"), f"'format' must be '{FORMAT}', not {show(doc.get('format'))}"
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
        raise GazetteerFileError(path, None, f"each place must be a mapping, not {show(item)}")
    line = int(item.pop("__line__", 0)) or None

    def fail(msg: str) -> GazetteerFileError:
        return GazetteerFileError(path, line, msg)

    pid = item.get("id")
    if not isinstance(pid, str) or not pid.strip():
        raise fail("missing 'id' (a non-empty string)")
    unknown = set(item) - _KNOWN
    if unknown:
        listed = ", ".join(_short(str(k)) for k in sorted(map(str, unknown))[:5])
        raise fail(f"unknown field(s) {listed} in '{_short(pid)}'")
    who = _short(pid)
    if item.get("remove"):
        return Entry(pid, line or 0, {}, remove=True)
    out: dict[str, Any] = {}
    for key in ("name", "name_ar", "country", "admin1", "admin2", "feature"):
        if key in item:
            value = item[key]
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise fail(f"'{key}' of '{who}' must be a non-empty string")
            out[key] = value.strip() if isinstance(value, str) else None
    if "name" in item and not out.get("name"):
        raise fail(f"'{who}' has an empty 'name'")
    if "kind" in item:
        if item["kind"] not in KINDS:
            kinds = ", ".join(KINDS)
            raise fail(f"'kind' of '{who}' must be one of {kinds}, not {show(item['kind'])}")
        out["kind"] = item["kind"]
    for key, lo, hi in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
        if key in item:
            value = item[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise fail(f"'{key}' of '{who}' must be a number, not {show(value)}")
            if not lo <= value <= hi:
                raise fail(f"'{key}' of '{who}' is {show(value)}, outside {lo:g}..{hi:g}")
            out[key] = float(value)
    if "population" in item:
        value = item["population"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise fail(f"'population' of '{who}' must be a whole number >= 0, not {show(value)}")
        out["population"] = value
    if "geonameid" in item:
        value = item["geonameid"]
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise fail(f"'geonameid' of '{who}' must be a whole number or null, not {show(value)}")
        out["geonameid"] = value
    for key in ("capital", "common_word"):
        if key in item:
            if not isinstance(item[key], bool):
                raise fail(f"'{key}' of '{who}' must be true or false, not {show(item[key])}")
            out[key] = item[key]
    for key in _LISTS:
        if key in item:
            value = item[key]
            if value is None:
                value = []
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise fail(f"'{key}' of '{who}' must be a list of non-empty strings")
            out[key] = [v.strip() for v in value]
    for key in ("name", "name_ar", *_LISTS[:3]):
        names = out.get(key)
        for name in [names] if isinstance(names, str) else names or ():
            if is_function_word(name):
                raise fail(f"'{key}' of '{who}' is {_short(name)!r}, a function word that "
                           "appears in almost every sentence: not a place name")
    return Entry(pid, line or 0, out)


def entry_problem(item: dict[str, Any], new: bool = True) -> str | None:
    """What this loader would refuse in one entry (a mapping as a file holds it, ``id``
    included), without the file's name and line; None when a file holding it would load.
    ``new``: the entry adds a place (else it updates one the gazetteer has). The analyst's
    corrections are checked with it when made and when exported (``explorer.corrections``)."""
    where = Path("entry")
    try:
        entry = _validate(where, dict(item))
        if new and not entry.remove:
            _new_place(where, entry)
    except GazetteerFileError as exc:
        return exc.message
    return None


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The folded function words of ``data/ar/context.yaml`` (``function_words``)."""
    data = yaml.load(CONTEXT_FILE.read_text(encoding="utf-8"), Loader=_BaseLoader)
    return frozenset(fold(str(w)).strip().lower() for w in data.get("function_words", ()))


def is_function_word(name: str) -> bool:
    """Is ``name`` made only of Arabic function words (في, من, على, ...), once folded?

    English words are not listed: real towns are called Of (Turkey) or On, and Latin names
    already need a cue when they are everyday English words (``latin_words.txt``)."""
    ws = words(name)
    return bool(ws) and all(w.lower() in function_words() for w in ws)


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
        demonyms_en=_unique(f.get("demonyms_en", [])),
        demonyms_fr=_unique(f.get("demonyms_fr", [])),
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
