"""The compact tab-separated form of the generated gazetteer files (format in ``data/FORMAT.md``).

One place a line, columns named by the first line that is not a ``#`` comment; list fields are
``|``-separated. Each row becomes the same mapping a YAML entry would and is checked by the same
rules; a bad row refuses the file with ``FILE:LINE: what is wrong``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gazetteer.loader import Entry, GazetteerFileError, _validate

#: The columns a file may have; ``id`` is required.
COLUMNS = (
    "id", "kind", "name", "name_ar", "names_ar", "names_en", "demonyms_ar", "country", "admin1",
    "admin2", "feature", "lat", "lon", "population", "geonameid", "capital", "common_word",
)
_LISTS = {"names_ar", "names_en", "demonyms_ar"}
_FLOATS = {"lat", "lon"}
_INTS = {"population", "geonameid"}
_BOOLS = {"capital", "common_word"}


def _value(path: Path, line: int, column: str, raw: str) -> Any:
    if column in _LISTS:
        return [v for v in raw.split("|") if v]
    try:
        if column in _FLOATS:
            return float(raw)
        if column in _INTS:
            return int(raw)
    except ValueError:
        raise GazetteerFileError(path, line, f"'{column}' must be a number, not {raw!r}") from None
    if column in _BOOLS:
        if raw not in ("0", "1"):
            raise GazetteerFileError(path, line, f"'{column}' must be 0 or 1, not {raw!r}")
        return raw == "1"
    return raw


def read_tsv(path: Path) -> list[Entry]:
    """Parse and validate one TSV file; raise ``GazetteerFileError`` at the first problem."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise GazetteerFileError(path, None, f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerFileError(path, None, f"not UTF-8 text ({exc.reason})") from exc
    header: list[str] | None = None
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            unknown = [c for c in cells if c not in COLUMNS]
            if unknown or "id" not in cells:
                raise GazetteerFileError(
                    path, number, f"bad header: unknown column(s) {unknown} or no 'id'"
                )
            header = cells
            continue
        if len(cells) != len(header):
            raise GazetteerFileError(
                path, number, f"{len(cells)} columns where the header has {len(header)}"
            )
        item: dict[str, Any] = {
            col: _value(path, number, col, raw) for col, raw in zip(header, cells, strict=True)
            if raw != ""
        }
        item["__line__"] = number
        entry = _validate(path, item)
        if entry.id in seen:
            raise GazetteerFileError(
                path, number, f"duplicate id '{entry.id}' (first at line {seen[entry.id]})"
            )
        seen[entry.id] = number
        entries.append(entry)
    if header is None:
        raise GazetteerFileError(path, 1, "no header line")
    return entries
