"""The Arabic word lexicon the build checks names against: the Hunspell dictionary Ayaspell
(Debian package ``hunspell-ar``, © Mohamed Kebdani, GPL 2.0 / LGPL 2.1 / MPL 1.1), read as a
file (``word/flag`` a line); needed at build time only.

Ayaspell lists proper names with affix flags of their own (57: a country that takes no
article, 59: one that does, 60: a capital or other place, 58: their adjectives; 92 and 93:
64, 115: other names, of places, people and months: انجلترا, بيروت, بغداد, نيودلهي, جنيف,
رمضان; 106: foreign nouns and names: مكة, كوليرا). A name with an entry under one of those
flags is a name to the lexicon (إنجلترا, لندن, أنقرة); a name with entries under other flags
only is an everyday word (ليل "night", سيول "floods", بركان "volcano", هزة "tremor", إيواء
"shelter").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gazetteer.normalize import fold

DICTIONARY = Path("/usr/share/hunspell/ar.dic")
PLACE_FLAGS = frozenset({"57", "59", "60"})
NAME_FLAGS = PLACE_FLAGS | {"64", "92", "93", "106", "115"}
_ENTRY = re.compile(r"^([^\s/]+)(?:/(\d+))?(?:\t\S*)?$")
_ARABIC = re.compile("[\u0600-\u06ff]")


def origin(path: Path = DICTIONARY) -> str:
    """The dictionary file's SHA-256 and, when it is Debian's, the package version."""
    import hashlib
    import subprocess

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "hunspell-ar"],
                                 capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        version = ""
    package = f"Debian hunspell-ar {version}" if version and path == DICTIONARY else str(path)
    return f"{path.name} sha256:{digest} ({package}; GPL 2.0/LGPL 2.1/MPL 1.1)"


def read_lexicon(path: Path = DICTIONARY) -> dict[str, frozenset[str]]:
    """Folded word → the affix flags of its entries ("" for an entry without one).

    The first line is the entry count; lines without an Arabic letter (the file joins a few
    lists with separator lines) are skipped; any other line that is not ``word[/flag][\\tmorph]``
    stops the build with ``FILE:LINE``."""
    if not path.exists():
        raise SystemExit(f"{path}: missing (apt-get install hunspell-ar)")
    out: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if number == 1 or not _ARABIC.search(line):
                continue
            m = _ENTRY.match(line)
            if m is None:
                raise SystemExit(f"{path}:{number}: not a dictionary entry: {line!r}")
            out.setdefault(fold(m.group(1)), set()).add(m.group(2) or "")
    return {w: frozenset(f) for w, f in out.items()}


def _forms(name: str) -> list[str]:
    """The folded one-word name, and without its article (الرباط → رباط)."""
    key = fold(name)
    return [key, key[2:]] if key.startswith("ال") and len(key) > 4 else [key]


def is_place_name(name: str, lexicon: dict[str, frozenset[str]]) -> bool:
    """Does the lexicon list this one-word name as a country or a capital (إنجلترا, لندن)?"""
    flags = [lexicon[f] for f in _forms(name) if f in lexicon]
    return any(fl & PLACE_FLAGS for fl in flags)


def stems(words: list[str], dictionary: str = "ar") -> dict[str, frozenset[str]]:
    """Folded word → the folded stems ``hunspell -s`` finds for it (inflected forms: البحرية →
    بحري, بحر); empty when the hunspell program is missing."""
    import shutil
    import subprocess

    if not words or shutil.which("hunspell") is None:
        return {}
    proc = subprocess.run(["hunspell", "-d", dictionary, "-s"], input="\n".join(words) + "\n",
                          capture_output=True, text=True, check=True)
    out: dict[str, set[str]] = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2:
            out.setdefault(fold(parts[0]), set()).add(fold(parts[1]))
    return {w: frozenset(s) for w, s in out.items()}


def is_word(
    name: str, lexicon: dict[str, frozenset[str]],
    stems_of: dict[str, frozenset[str]] | None = None,
) -> bool:
    """Is this one-word name (or it without its article) an everyday word of the lexicon, and
    not also a name it knows? With ``stems_of`` (see ``stems``), an inflected form counts by
    its stems' entries."""
    if " " in name.strip():
        return False
    forms = _forms(name)
    own = [lexicon[f] for f in forms if f in lexicon]
    if any(fl & NAME_FLAGS for fl in own):
        return False
    found = [*own, *(lexicon[s] for f in forms for s in (stems_of or {}).get(f, ())
                     if s in lexicon)]
    return any(fl - NAME_FLAGS for fl in found)
