"""Zip containers checked before anything unpacks them: ``.zip`` archives, and the zips that
``.docx``, ``.xlsx`` and ``.odt`` files are. A zip bomb (a member that unpacks to far more
than its size, or to more than the limits) is refused before a byte is inflated; every member
is then read with its declared size as a hard bound (``zipfile`` stops there)."""

from __future__ import annotations

import io
import zipfile
import zlib

from explorer.formats.base import FormatError, Limits


def open_zip(data: bytes, limits: Limits, what: str = "zip archive") -> zipfile.ZipFile:
    """The zip in ``data``, its members checked against ``limits``; ``FormatError`` if not."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise FormatError(f"damaged {what} ({exc})") from None
    if len(infos) > limits.max_members * 5:
        raise FormatError(f"{what} with {len(infos):,} members: more than the limit, skipped")
    total = 0
    for info in infos:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > limits.max_bytes and info.file_size > 1024 * 1024:
            raise FormatError(f"{what}: member {info.filename!r} unpacks to "
                              f"{info.file_size:,} bytes, more than the limit (zip bomb?), "
                              "skipped")
        if info.file_size > 1024 * 1024 and info.file_size / packed > limits.max_ratio:
            raise FormatError(f"{what}: member {info.filename!r} unpacks to "
                              f"{info.file_size / packed:,.0f} times its size (zip bomb), skipped")
        if info.flag_bits & 0x1:
            raise FormatError(f"password-protected {what}, skipped")
    if total > limits.max_total_bytes:
        raise FormatError(f"{what} unpacks to {total:,} bytes, more than the "
                          f"{limits.max_total_bytes:,} limit (zip bomb?), skipped")
    return zf


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """A member's bytes, never more than its declared size nor ``limits.max_bytes``."""
    try:
        with zf.open(info) as f:
            data = f.read(limits.max_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, RuntimeError, ValueError, OSError, EOFError,
            NotImplementedError) as exc:
        raise FormatError(f"damaged member {info.filename!r} ({exc})") from None
    if len(data) > limits.max_bytes:
        raise FormatError(f"member {info.filename!r} larger than the limit, skipped")
    return data
