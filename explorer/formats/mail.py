"""E-mail: ``.eml`` (one message) and ``.mbox`` (many), with the standard library's ``email``.

Each message is an article: its subject is the title, its ``Date`` the publication date, its
sender the author (and the sender's domain the outlet), its body (the plain-text part, else
the HTML part's text) the text. Each attachment in a format the explorer reads is an article
of its own, read as that format, its part named after the message and the attachment
(``mail.mbox#3/report.pdf``; ``mail.eml#report.pdf``). An attachment that cannot be read is a
note of its message.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage, Message
from email.utils import parseaddr

from explorer.formats.base import Extracted, FormatError, Limits
from explorer.formats.text import html_to_text, iso_date, tidy

_FROM_LINE = re.compile(rb"^From [^\n]*\n", re.M)


def read_eml(data: bytes, limits: Limits, depth: int = 0) -> list[Extracted]:
    msg = _parse(data)
    if not msg.keys():
        raise FormatError("not an e-mail message (no headers)")
    return _message(msg, "", limits, depth)


def read_mbox(data: bytes, limits: Limits, depth: int = 0) -> list[Extracted]:
    """Every message of an mbox (``From `` lines start them), numbered from 1."""
    # A message starts at a "From " line at the top or after a blank line (a body line that
    # starts with "From " after text is the message's own).
    starts = [m.start() for m in _FROM_LINE.finditer(data)
              if m.start() == 0 or data[m.start() - 2:m.start()] == b"\n\n"
              or data[m.start() - 4:m.start()] == b"\r\n\r\n"]
    if not starts:
        raise FormatError("not an mbox (no 'From ' line starts a message)")
    out: list[Extracted] = []
    skipped = 0
    for n, (a, b) in enumerate(zip(starts, [*starts[1:], len(data)], strict=True), start=1):
        if n > limits.max_members:
            skipped = len(starts) - limits.max_members
            break
        chunk = data[a:b]
        chunk = chunk[chunk.index(b"\n") + 1:]
        chunk = re.sub(rb"(?m)^>(>*From )", rb"\1", chunk)  # mboxrd quoting
        out.extend(_message(_parse(chunk), str(n), limits, depth))
    if skipped and out:
        out[0].notes.append(f"only the first {limits.max_members} messages read "
                            f"({skipped} more skipped)")
    return out


def _parse(data: bytes) -> EmailMessage:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def _message(msg: EmailMessage, part: str, limits: Limits, depth: int) -> list[Extracted]:
    subject = " ".join(str(msg.get("Subject", "") or "").split())
    name, addr = parseaddr(str(msg.get("From", "") or ""))
    body = _body(msg)
    text = tidy(f"{subject}\n\n{body}" if subject and not body.startswith(subject) else body)
    lang = msg.get("Content-Language")
    article = Extracted(
        text=text, format="email", part=part, title=subject,
        published=iso_date(str(msg.get("Date", "") or "")), author=name or addr or None,
        outlet=addr.rsplit("@", 1)[1].lower() if "@" in addr else None,
        language=str(lang).split(",")[0].strip() if lang else None)
    out = [article]
    for att in _attachments(msg):
        filename = att.get_filename() or ""
        if not filename:
            continue
        from explorer.formats import extract_member, format_of

        if format_of(filename) is None and not filename.lower().endswith(".txt"):
            continue
        where = f"{part}/{filename}" if part else filename
        if depth >= limits.max_depth:
            article.notes.append(f"attachment {filename!r} not read: nested too deep")
            continue
        payload = att.get_payload(decode=True)
        if not isinstance(payload, bytes) or len(payload) > limits.max_bytes:
            article.notes.append(f"attachment {filename!r} not read (empty or too large)")
            continue
        try:
            inner = extract_member(filename, payload, limits, depth)
        except FormatError as exc:
            article.notes.append(f"attachment {filename!r}: {exc}")
            continue
        for e in inner:
            e.part = f"{where}/{e.part}" if e.part else where
            e.published = e.published or article.published
            out.append(e)
    return out


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def _attachments(msg: EmailMessage) -> list[Message]:
    try:
        return [a for a in msg.iter_attachments() if isinstance(a, Message)]
    except (KeyError, ValueError, AttributeError):
        return []
