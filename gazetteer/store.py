"""The gazetteer: places merged from the built-in data and the user's files, indexed by name.

Reading ~100,000 places from text takes seconds; the merged places and the name index are
therefore compiled into a pickle in the user's cache directory, keyed by a hash of the content
of every built-in data file and of the code that shapes the compiled form (this module, the
loader, the name index, the model, the folding). A changed file or module makes a new key; a
copied or freshly cloned tree with new modification times does not. Older compiled files are
deleted when a new one is written.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from gazetteer.loader import GazetteerFileError, load_files
from gazetteer.model import Place
from gazetteer.names import build_index

DATA_DIR = Path(__file__).resolve().parent / "data"
#: Built-in files in merge order: generated first, curated overlays last. Missing ones are skipped.
BUILTIN_FILES = (
    "countries.yaml", "admin1.yaml", "admin1.tsv", "admin2.tsv", "cities.tsv", "towns.tsv",
    "regions.yaml", "features.yaml", "overlay.yaml",
)
#: Words that begin like a proclitic + a place name but are words of their own (كبيرا, بايدن):
#: the matcher does not split them. Generated with the data; folded forms, one a line.
PROCLITIC_WORDS = "proclitic_words.txt"
#: One-word Latin names of towns that are everyday English words (Reading, Split, Mobile): they
#: need a cue or a place of their country nearby. Generated with the data.
LATIN_WORDS = "latin_words.txt"
#: The modules whose code decides what the compiled form holds: part of the cache key.
_SHAPING_MODULES = ("store.py", "loader.py", "names.py", "model.py", "normalize.py", "tsv.py")
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

    places: list[Place]
    index: dict[tuple[str, ...], list[tuple[int, str]]]
    errors: list[tuple[str, int | None, str]] = field(default_factory=list)  # file, line, what
    words: frozenset[str] = frozenset()  # not split into proclitic + name
    latin_words: frozenset[str] = frozenset()  # Latin names that are everyday English words
    #: First word → the keys starting with it, longest first (computed when not given).
    first_words: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    by_id: dict[str, Place] = field(init=False)
    countries: dict[str, Place] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {p.id: p for p in self.places}
        self.countries = {p.country: p for p in self.places if p.kind == "country" and p.country}
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
        errors = [(e.path, e.line, e.message) for e in result.errors]
        return cls(result.places, build_index(result.places), errors, words, latin_words)

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
        result = load_files([Path(p) for p in extra], base=builtin.places)
        errors = builtin.errors + [(e.path, e.line, e.message) for e in result.errors]
        if not result.errors and len(result.places) == len(builtin.places) and all(
            a is b for a, b in zip(result.places, builtin.places, strict=True)
        ):
            return cls(builtin.places, builtin.index, errors, builtin.words,
                       builtin.latin_words, builtin.first_words)
        return cls(result.places, build_index(result.places), errors, builtin.words,
                   builtin.latin_words)

    @classmethod
    def _builtin(cls, use_cache: bool, data_dir: Path = DATA_DIR) -> Gazetteer:
        paths = builtin_paths(data_dir)
        words_file = data_dir / PROCLITIC_WORDS
        latin_file = data_dir / LATIN_WORDS
        if not use_cache:
            return cls.from_files(paths, _read_words(words_file), _read_words(latin_file))
        key = cache_key([*paths, words_file, latin_file])
        target = cache_dir() / f"{_CACHE_PREFIX}{key}.pickle"
        enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects, none cyclic: no need to scan
        try:
            with target.open("rb") as fh:
                rows, index, errors, words, latin, first_words = pickle.load(fh)
            # Places travel as plain tuples: unpickling 30,000 slotted dataclasses is 5x slower.
            return cls([Place(*row) for row in rows], index, errors, words, latin, first_words)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            pass
        finally:
            if enabled:
                gc.enable()
        gaz = cls.from_files(paths, _read_words(words_file), _read_words(latin_file))
        rows = [astuple_shallow(p) for p in gaz.places]
        payload = (rows, gaz.index, gaz.errors, gaz.words, gaz.latin_words, gaz.first_words)
        if _write_atomically(target, pickle.dumps(payload, protocol=5)):
            _prune(target)
        return gaz

    def error_lines(self) -> list[str]:
        """The loading errors as ``FILE:LINE: what is wrong``."""
        return [f"{p}:{line}: {msg}" if line else f"{p}: {msg}" for p, line, msg in self.errors]

    def names(self) -> list[str]:
        """Every surface form of every place (original spelling), sorted, one each."""
        out: set[str] = set()
        for p in self.places:
            out.update(p.names_ar)
            out.update(p.names_en)
        return sorted(n for n in out if n)


_PLACE_FIELDS = tuple(f.name for f in fields(Place))


def astuple_shallow(place: Place) -> tuple[object, ...]:
    """The field values of ``place`` in order (``Place(*row)`` rebuilds it)."""
    return tuple(getattr(place, name) for name in _PLACE_FIELDS)


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
    h = hashlib.sha256()
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
    for old in keep.parent.glob(f"{_CACHE_PREFIX}*.pickle"):
        if old != keep:
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
