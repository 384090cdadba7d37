"""Small PDFs written byte by byte for the hostile-file tests: many pages, a page count that
lies, a broken cross-reference table, a user password (standard security handler, revision 2,
as the PDF 1.7 specification's algorithms 3 and 4 compute it)."""

from __future__ import annotations

import hashlib
import struct
import zlib

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
DOC_ID = bytes(range(16))


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: bytes) -> bytes:
    return (password + PAD)[:32]


def encryption(user: bytes, owner: bytes, permissions: int = -4) -> tuple[bytes, bytes, int]:
    """(O, U, P) of the standard security handler, revision 2 (40-bit RC4)."""
    o = rc4(hashlib.md5(_padded(owner)).digest()[:5], _padded(user))
    key = hashlib.md5(_padded(user) + o + struct.pack("<i", permissions) + DOC_ID).digest()[:5]
    return o, rc4(key, PAD), permissions


def flate_bomb(size: int) -> bytes:
    """``size`` spaces (blank content) deflated: a few hundred KB for hundreds of MB."""
    z = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    return b"".join(z.compress(chunk) for _ in range(size >> 20)) + z.flush()


def pdf(pages: list[str], *, count: int | None = None, password: bytes | None = None,
        broken_xref: bool = False, bomb: int = 0) -> bytes:
    """A PDF with one line of Latin text per page; ``count`` overrides the page count stated;
    ``bomb``: the first page's content is followed by a stream inflating to that many bytes."""
    objs: dict[int, bytes] = {}
    n_pages = len(pages)
    font, pages_id, catalog = 3, 2, 1
    objs[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    content = 4
    kids: list[int] = []
    distinct = sorted(set(pages))
    streams: dict[str, int] = {}
    for text in distinct:
        body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
        objs[content] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)
        streams[text] = content
        content += 1
    nxt = content
    bomb_id = 0
    if bomb:
        packed = flate_bomb(bomb)
        objs[nxt] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
            len(packed), packed)
        bomb_id, nxt = nxt, nxt + 1
    for i, text in enumerate(pages):
        contents = (b"[%d 0 R %d 0 R]" % (streams[text], bomb_id) if bomb and i == 0
                    else b"%d 0 R" % streams[text])
        objs[nxt] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                     b"<< /Font << /F1 3 0 R >> >> /Contents %s >>" % contents)
        kids.append(nxt)
        nxt += 1
    objs[pages_id] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), count if count is not None else n_pages)
    objs[catalog] = b"<< /Type /Catalog /Pages 2 0 R >>"
    trailer_extra = b""
    if password is not None:
        o, u, p = encryption(password, b"owner")
        objs[nxt] = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            o.hex().encode(), u.hex().encode(), p)
        trailer_extra = b" /Encrypt %d 0 R" % nxt
        nxt += 1
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objs[num])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for num in sorted(objs):
        off = offsets[num] if not broken_xref else offsets[num] + 7919
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, DOC_ID.hex().encode(), DOC_ID.hex().encode(), trailer_extra,
        xref if not broken_xref else xref + 13)
    return bytes(out)
