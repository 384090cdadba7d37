"""``.zip`` archives: every member in a format the explorer reads is read as that format, its
part the member's path (``bundle.zip#2021/report.pdf``). Bounded: zip bombs are refused
before anything unpacks (``explorer.formats.archive``), archives inside archives at most
``Limits.max_depth`` deep; a member that cannot be read is a note, the rest are read."""

from __future__ import annotations

from explorer.formats.archive import open_zip, read_member
from explorer.formats.base import Extracted, FormatError, Limits


def read(data: bytes, limits: Limits, depth: int = 0) -> list[Extracted]:
    from explorer.formats import extract_member, format_of

    if depth >= limits.max_depth:
        raise FormatError("zip archive nested too deep, skipped")
    zf = open_zip(data, limits)
    out: list[Extracted] = []
    notes: list[str] = []
    members = [i for i in zf.infolist() if not i.is_dir()
               and not i.filename.startswith(("__MACOSX/", "."))]
    for info in sorted(members, key=lambda i: i.filename)[:limits.max_members]:
        name = info.filename
        is_txt = name.lower().endswith(".txt")
        if not is_txt and format_of(name) is None:
            continue
        try:
            inner = extract_member(name, read_member(zf, info, limits), limits, depth)
        except FormatError as exc:
            notes.append(f"{name}: {exc}")
            continue
        for e in inner:
            e.part = f"{name}#{e.part}" if e.part else name
            out.append(e)
    if not out:
        raise FormatError("zip archive without a readable article" +
                          (f" ({notes[0]})" if notes else ""))
    out[0].notes.extend(notes)
    return out
