"""The gazetteer: places merged from the built-in data and the user's files, indexed by name.

Reading ~50,000 places from text takes seconds; the merged places (as plain rows, made into
``Place`` objects only when used) and the name index are therefore compiled into a ``marshal``
file in the user's cache directory, keyed by a hash of the content
of every built-in data file and of the code that shapes the compiled form (this module, the
loader, the name index, the model, the folding). A changed file or module makes a new key; a
copied or freshly cloned tree with new modification times does not. Older compiled files are
deleted when a new one is written.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.loader import GazetteerFileError, load_files, merge_files
from gazetteer.model import Place
from gazetteer.names import build_index, place_forms, settle
from gazetteer.places import ById, PlaceList
from gazetteer.spelling import VARIANT_POPULATION, skeleton_index
from gazetteer.transliterate import made_index

DATA_DIR = Path(__file__).resolve().parent / "data"
#: Built-in files in merge order: generated first, curated overlays last. Missing ones are skipped.
BUILTIN_FILES = (
    "countries.yaml", "admin1.yaml", "admin1.tsv", "admin2.tsv", "en/us_counties.tsv",
    "cities.tsv", "towns.tsv", "fr/towns.tsv", "fr/communes_dz.tsv", "physical.tsv",
    "communes.tsv", "regions.yaml", "features.yaml", "exonyms.yaml", "demonyms.yaml",
    "fr/features.yaml", "fr/exonyms.yaml", "overlay.yaml",
)
#: Words that begin like a proclitic + a place name but are words of their own (كبيرا, بايدن):
#: the matcher does not split them. Generated with the data; folded forms, one a line.
PROCLITIC_WORDS = "ar/proclitic_words.txt"
#: One-word Latin names of towns that are everyday English words (Reading, Split, Mobile): they
#: need a cue or a place of their country nearby. Generated with the data.
LATIN_WORDS = "latin_words.txt"
#: The modules whose code decides what the compiled form holds: part of the cache key.
_SHAPING_MODULES = (
    "store.py", "loader.py", "names.py", "model.py", "normalize.py", "tsv.py", "places.py",
    "transliterate.py", "spelling.py", "latin_demonyms.py",
)
_CACHE_PREFIX = "gazetteer-"


def cache_dir() -> Path:
    """Where compiled gazetteers go: ``$EXPLORER_CACHE_DIR``, else the XDG cache directory."""
    if env := os.environ.get("EXPLORER_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "explorer"


@dataclass
class Gazetteer:
    """Places, their name index and the errors met while loading the files."""

    places: Sequence[Place]  # a PlaceList when compiled: places made on first use
    index: dict[tuple[str, ...], list[tuple[int, str]]]
    #: What could not be used, one error per refused file (``str(e)`` is ``FILE:LINE: what``).
    errors: list[GazetteerFileError] = field(default_factory=list)
    words: frozenset[str] = frozenset()  # not split into proclitic + name
    latin_words: frozenset[str] = frozenset()  # Latin names that are everyday English words
    #: First word → the keys starting with it, longest first (computed when not given).
    first_words: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    #: Loose skeleton → places whose names are made from Latin (``transliterate.made_index``),
    #: compiled with the built-in places; None: made when first needed.
    made: dict[str, tuple[int, ...]] | None = None
    #: Skeleton → a prominent place's one-word name (``spelling.skeleton_index``), compiled
    #: with the built-in places; None: made when first needed.
    skeletons: dict[str, tuple[str, ...] | None] | None = None
    by_id: ById = field(init=False)
    countries: dict[str, Place] = field(init=False)

    def __post_init__(self) -> None:
        places = self.places
        if isinstance(places, PlaceList):
            ids = places.ids()
            countries = [places[i] for i in places.numbers_of_kind("country")]
        else:
            ids = [p.id for p in places]
            countries = [p for p in places if p.kind == "country"]
        self.by_id = ById(places, {pid: i for i, pid in enumerate(ids)})
        self.countries = {p.country: p for p in countries if p.country}
        if not self.first_words:
            first: dict[str, list[tuple[str, ...]]] = {}
            for key in self.index:
                first.setdefault(key[0], []).append(key)
            for keys in first.values():
                keys.sort(key=len, reverse=True)  # longest match first
            self.first_words = first

    @classmethod
    def from_files(
        cls,
        paths: Sequence[Path],
        words: frozenset[str] = frozenset(),
        latin_words: frozenset[str] = frozenset(),
    ) -> Gazetteer:
        """Load without any cache."""
        result = load_files(list(paths))
        return cls(result.places, build_index(result.places), result.errors, words, latin_words)

    @classmethod
    def load(
        cls,
        extra: Sequence[Path | str] = (),
        *,
        use_cache: bool = True,
        data_dir: Path = DATA_DIR,
    ) -> Gazetteer:
        """The built-in world gazetteer (from ``data_dir``) plus the user's files ``extra``.

        The built-in part comes from the compiled cache when it is fresh; the user's files,
        small, are merged onto it each time, so editing one never recompiles the world.
        """
        builtin = cls._builtin(use_cache, data_dir)
        if not extra:
            return builtin
        changed, bad = merge_files([Path(p) for p in extra], builtin.by_id.get)
        errors = builtin.errors + list(bad)
        if not changed:
            return cls(builtin.places, builtin.index, errors, builtin.words,
                       builtin.latin_words, builtin.first_words, builtin.made,
                       builtin.skeletons)
        if isinstance(builtin.places, PlaceList) and None not in changed.values():
            return builtin._with(changed, errors)  # type: ignore[arg-type]
        # A removal (rare), or no compiled form: rebuild the whole index.
        places = [q for p in builtin.places if (q := changed.get(p.id, p)) is not None]
        places += [q for pid, q in changed.items() if q is not None and pid not in builtin.by_id]
        return cls(places, build_index(places), errors, builtin.words, builtin.latin_words)

    def _with(
        self, changed: dict[str, Place], errors: list[GazetteerFileError]
    ) -> Gazetteer:
        """This gazetteer with a few places changed or added: only their names are re-indexed,
        on copies of the index entries they touch (this one is left as it is)."""
        assert isinstance(self.places, PlaceList)
        overrides: dict[int, Place] = {}
        added: list[Place] = []
        # Every touched entry is rebuilt once, whatever the number of changed places sharing
        # it: a name (or a first word) shared by thousands of new places costs linear time.
        dropped: dict[tuple[str, ...], set[int]] = defaultdict(set)
        extra: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
        for pid, place in changed.items():
            number = self.by_id.number(pid)
            if number is None:
                number = len(self.places) + len(added)
                added.append(place)
            else:
                overrides[number] = place
                for key in {f.words for f in place_forms(self.places[number])}:
                    dropped[key].add(number)
            for key, kind in dict.fromkeys((f.words, f.type) for f in place_forms(place)):
                extra[key].append((number, kind))
        index = dict(self.index)
        first = dict(self.first_words)
        places = self.places.with_changes(overrides, added)
        by_first: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for key in dropped.keys() | extra.keys():
            gone = dropped.get(key, set())
            bucket = [e for e in index.get(key, ()) if e[0] not in gone] + extra.get(key, [])
            bucket = settle(key, bucket, places)
            if bucket:
                index[key] = bucket
            else:
                index.pop(key, None)
            by_first[key[0]].add(key)
        for word, keys in by_first.items():
            kept = [k for k in first.get(word, ()) if k not in keys]
            kept += sorted(k for k in keys if k in index)
            if kept:
                first[word] = sorted(kept, key=len, reverse=True)
            else:
                first.pop(word, None)
        return Gazetteer(places, index, errors, self.words, self.latin_words, first, self.made,
                         self.skeletons)

    @classmethod
    def _builtin(cls, use_cache: bool, data_dir: Path = DATA_DIR) -> Gazetteer:
        paths = builtin_paths(data_dir)
        words_file = data_dir / PROCLITIC_WORDS
        latin_file = data_dir / LATIN_WORDS
        if not use_cache:
            return cls.from_files(paths, _read_words(words_file), _read_words(latin_file))
        key = cache_key([*paths, words_file, latin_file])
        target = cache_dir() / f"{_CACHE_PREFIX}{key}.marshal"
        enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects, none cyclic: no need to scan
        try:
            (rows, ids, kinds, index, errors, words, latin, first_words, made,
             skeletons) = marshal.loads(
                target.read_bytes()
            )
            # Places travel as the marshal bytes of their fields, made into places when used.
            places = PlaceList(rows, ids, kinds)
            errors = [GazetteerFileError(*e) for e in errors]  # marshal keeps plain values
            gaz = cls(places, index, errors, words, latin, first_words, made, skeletons)
            # Hundreds of thousands of long-lived objects, none in a cycle: the collector
            # need never scan them again (it would, at every full collection).
            gc.freeze()
            return gaz
        except (OSError, EOFError, ValueError, TypeError):
            pass
        finally:
            if enabled:
                gc.enable()
        gaz = cls.from_files(paths, _read_words(words_file), _read_words(latin_file))
        places = PlaceList.of(gaz.places)
        errors = [(e.path, e.line, e.message) for e in gaz.errors]
        made = made_index(gaz.places)
        skeletons = skeleton_index(gaz.index, gaz.places, VARIANT_POPULATION)
        payload = (places.rows, places.ids(), [p.kind for p in gaz.places], gaz.index,
                   errors, gaz.words, gaz.latin_words, gaz.first_words, made, skeletons)
        if _write_atomically(target, marshal.dumps(payload)):  # type: ignore[arg-type]
            _prune(target)
        return cls(places, gaz.index, gaz.errors, gaz.words, gaz.latin_words, gaz.first_words,
                   made, skeletons)

    def error_lines(self) -> list[str]:
        """The loading errors as ``FILE:LINE: what is wrong``."""
        return [str(e) for e in self.errors]

    def names(self) -> list[str]:
        """Every surface form of every place (original spelling), sorted, one each."""
        out: set[str] = set()
        for p in self.places:
            out.update(p.names_ar)
            out.update(p.names_en)
        return sorted(n for n in out if n)


def _read_words(path: Path) -> frozenset[str]:
    """The folded words of a one-a-line list ('#' starts a comment); empty if missing."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


def builtin_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    """The built-in data files of ``data_dir`` that exist, in merge order."""
    return [data_dir / n for n in BUILTIN_FILES if (data_dir / n).exists()]


def cache_key(paths: Sequence[Path]) -> str:
    """A hash of the files' names and contents and of the code that shapes the compiled form.

    Contents, not modification times: a fresh clone or a reinstalled package (new mtimes, same
    bytes) finds the cache it compiled before.
    """
    # marshal's format is Python's own: another Python version compiles its own cache.
    h = hashlib.sha256(f"{sys.version_info[:2]} marshal {marshal.version}".encode())
    here = Path(__file__).resolve().parent
    for name in (*_SHAPING_MODULES, *(str(p) for p in paths)):
        path = here / name if name in _SHAPING_MODULES else Path(name)
        h.update(path.name.encode() + b"\0")
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:24]


def _prune(keep: Path) -> None:
    """Delete the other compiled gazetteers of the cache directory (older keys)."""
    for old in keep.parent.glob(f"{_CACHE_PREFIX}*"):
        if old != keep and old.suffix in (".pickle", ".marshal"):
            old.unlink(missing_ok=True)


def _write_atomically(target: Path, data: bytes) -> bool:
    """Write the cache; a cache that cannot be written is only slower next time."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


__all__ = ["Gazetteer", "GazetteerFileError", "cache_dir"]
