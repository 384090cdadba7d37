"""The user's settings: a small versioned JSON file, written atomically, never silently lost.

The file lives at ``$EXPLORER_CONFIG_DIR/settings.json``, else
``$XDG_CONFIG_HOME/explorer/settings.json`` (``~/.config/explorer/settings.json``)::

    {"format": "explorer-settings/1", "last_corpus_dir": "...", "countries": ["SY", "LB"], ...}

Keys this version does not know (written by a newer version, or by hand) are kept in
``Settings.extra`` and written back unchanged by ``save``. A file that cannot be used (not
JSON, not UTF-8, a field of the wrong type, an unknown format, unreadable) is never written
over: it is renamed to ``settings.json.corrupt-<timestamp>`` and kept, the defaults are used,
and ``Settings.problems`` says in one line what happened (with the line and column of a JSON
error). Only a regular file of at most ``MAX_FILE_BYTES`` is read (a FIFO or a device there is
neither waited on nor read without end, and is set aside like any unusable file); a number with
more digits than Python converts is a JSON error like any other. ``countries`` is deduplicated
and capped at ``MAX_COUNTRIES``. No Qt here: window geometry and splitter state are stored as
base64 text.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.article import Problem
from explorer.atomic import atomic_write_text, remove_stray_temp_files
from explorer.bounded_read import read_regular

__all__ = ["FORMAT", "Settings", "config_dir", "decode_bytes", "encode_bytes", "settings_path"]

FORMAT = "explorer-settings/1"
FILENAME = "settings.json"
#: Temporary files of a killed save older than this are removed by ``load``.
STALE_TEMP_SECONDS = 600.0
#: A settings file larger than this is not read (a real one is a few kilobytes).
MAX_FILE_BYTES = 4 * 1024 * 1024
#: Countries kept in the selection (there are about 250 ISO 3166-1 codes).
MAX_COUNTRIES = 300
#: Folders kept in File → Recent corpora, most recent first.
MAX_RECENT = 10

log = logging.getLogger(__name__)

#: The typed fields, in the order they are written.
_FIELDS = ("last_corpus_dir", "countries", "window_geometry", "splitter_state", "recent_corpora",
           "window_state")


def config_dir() -> Path:
    """``$EXPLORER_CONFIG_DIR``, else the XDG config directory's ``explorer``."""
    if env := os.environ.get("EXPLORER_CONFIG_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "explorer"


def settings_path() -> Path:
    """Where ``Settings.load()`` reads and ``save()`` writes by default."""
    return config_dir() / FILENAME


def encode_bytes(data: bytes) -> str:
    """Bytes (e.g. Qt's saveGeometry()) as the base64 text stored in the settings."""
    return base64.b64encode(data).decode("ascii")


def decode_bytes(text: str | None) -> bytes | None:
    """The bytes stored by ``encode_bytes``, or None when absent or not valid base64."""
    if not text:
        return None
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


class _Unusable(Exception):
    """The settings file exists but cannot be used; the message says why, in a few words."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _is_dir(folder: str) -> bool:
    try:
        return Path(folder).is_dir()
    except (OSError, ValueError):  # a NUL byte, a path too long
        return False


@dataclass
class Settings:
    """What the app remembers between runs."""

    path: Path
    last_corpus_dir: str | None = None
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2 codes selected
    window_geometry: str | None = None  # base64 of QWidget.saveGeometry()
    splitter_state: str | None = None  # base64 of QSplitter.saveState()
    recent_corpora: list[str] = field(default_factory=list)  # folders opened, newest first
    window_state: str | None = None  # base64 of QMainWindow.saveState() (the docks)
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know
    #: What went wrong while loading or saving, one line each (not saved).
    problems: list[Problem] = field(default_factory=list, compare=False, repr=False)
    #: False when an unusable file could not be set aside: ``save`` then leaves it alone.
    writable: bool = field(default=True, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path | str | None = None) -> Settings:
        """The settings at ``path`` (default ``settings_path()``); defaults if there are none.

        Never raises for a missing, unreadable or corrupt file: see the module docstring.
        """
        target = Path(path) if path is not None else settings_path()
        # Left by a save that was killed mid-write (the settings file itself is whole).
        remove_stray_temp_files(target, older_than=STALE_TEMP_SECONDS)
        try:
            raw = read_regular(target, MAX_FILE_BYTES)
        except FileNotFoundError:
            return cls(target)
        except OSError as exc:
            return cls._set_aside(target, _Unusable(f"cannot be read ({_reason(exc)})"))
        if raw is None:
            return cls._set_aside(target, _Unusable("not a regular file"))
        if len(raw) > MAX_FILE_BYTES:
            return cls._set_aside(target, _Unusable(f"larger than {MAX_FILE_BYTES:,} bytes"))
        try:
            return cls._parse(target, raw)
        except _Unusable as exc:
            return cls._set_aside(target, exc)

    @classmethod
    def _parse(cls, target: Path, raw: bytes) -> Settings:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _Unusable(f"not UTF-8 (byte {exc.start})") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _Unusable(
                f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", exc.lineno
            ) from None
        except RecursionError:
            raise _Unusable("not valid JSON (nested too deeply)") from None
        except ValueError:  # an integer of more digits than Python converts (4,300)
            raise _Unusable("not valid JSON (a number with too many digits)") from None
        if not isinstance(data, dict):
            raise _Unusable(f"not a JSON object but {_json_type(data)}")
        fmt = data.pop("format", None)
        if fmt != FORMAT:
            raise _Unusable(f"unknown format {fmt!r}, expected {FORMAT!r}")
        out = cls(target)
        out.last_corpus_dir = _optional_str(data, "last_corpus_dir")
        out.window_geometry = _optional_str(data, "window_geometry")
        out.splitter_state = _optional_str(data, "splitter_state")
        out.window_state = _optional_str(data, "window_state")
        countries = data.pop("countries", [])
        if not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
            raise _Unusable(f"'countries' is {_json_type(countries)}, not a list of strings")
        out.countries = list(dict.fromkeys(countries))[:MAX_COUNTRIES]
        if len(out.countries) < len(countries):
            out.problems.append(Problem(str(target), (
                f"settings: 'countries' had {len(countries):,} entries; kept the first "
                f"{len(out.countries)} distinct ones")))
        recent = data.pop("recent_corpora", [])
        if not isinstance(recent, list) or not all(isinstance(r, str) for r in recent):
            raise _Unusable(f"'recent_corpora' is {_json_type(recent)}, not a list of strings")
        out.recent_corpora = list(dict.fromkeys(recent))[:MAX_RECENT]
        out.extra = data
        return out

    def add_recent(self, folder: str) -> None:
        """Put ``folder`` first in the recent corpora (once; at most ``MAX_RECENT`` kept)."""
        rest = [r for r in self.recent_corpora if r != folder]
        self.recent_corpora = [folder, *rest][:MAX_RECENT]

    def drop_missing_recent(self) -> list[str]:
        """Forget the recent corpora that are no longer folders (moved, deleted); returns
        those left."""
        self.recent_corpora = [r for r in self.recent_corpora if _is_dir(r)]
        return self.recent_corpora

    @classmethod
    def _set_aside(cls, target: Path, why: _Unusable) -> Settings:
        """Rename an unusable file out of the way (kept), and use the defaults."""
        out = cls(target)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        aside = target.with_name(f"{target.name}.corrupt-{stamp}")
        n = 1
        while aside.exists() or aside.is_symlink():
            aside = target.with_name(f"{target.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            os.rename(target, aside)
        except OSError as exc:
            out.writable = False
            message = (
                f"settings {why.message}; could not be set aside ({_reason(exc)}), "
                "so it will not be saved over; defaults used"
            )
        else:
            message = f"settings {why.message}; kept as {aside.name}, defaults used"
        out.problems.append(Problem(str(target), message, why.line))
        log.warning("%s", out.problems[-1])
        return out

    def to_json(self) -> dict[str, Any]:
        """The JSON object ``save`` writes: the format, the typed fields, then ``extra``."""
        out: dict[str, Any] = {"format": FORMAT}
        out["last_corpus_dir"] = self.last_corpus_dir
        out["countries"] = list(self.countries)
        out["window_geometry"] = self.window_geometry
        out["splitter_state"] = self.splitter_state
        out["recent_corpora"] = list(self.recent_corpora)
        out["window_state"] = self.window_state
        for key, value in self.extra.items():
            if key != "format" and key not in _FIELDS:
                out[key] = value
        return out

    def save(self) -> Problem | None:
        """Write the settings atomically; None when done, else the problem (also logged).

        The directory is created if needed. Nothing is written over a file that was found
        unusable and could not be set aside.
        """
        if not self.writable:
            problem = Problem(
                str(self.path), "settings not saved: the unusable file there was not set aside"
            )
        else:
            text = json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_text(self.path, text)
                return None
            except OSError as exc:
                problem = Problem(str(self.path), f"settings not saved ({_reason(exc)})")
        self.problems.append(problem)
        log.warning("%s", problem)
        return problem


def _optional_str(data: dict[str, Any], key: str) -> str | None:
    value = data.pop(key, None)
    if value is not None and not isinstance(value, str):
        raise _Unusable(f"{key!r} is {_json_type(value)}, not a string")
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__
