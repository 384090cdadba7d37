"""The app's own URL scheme, ``explorer://app/``: the map page and its assets, from memory.

The page is served from memory (no 2 MB ``setHtml`` limit, no temporary file) and its assets
from ``resources/``. Because the scheme is not a local one, every request the page makes to
anywhere else goes through the network stack, where ``LocalOnlyInterceptor`` blocks and logs
it; Chromium's own rules for local (``file:``) content do not silently swallow it first.

Every request is answered or failed, whatever its URL: a malformed one (a NUL byte, a path the
file system rejects, anything unexpected) is failed and logged, never left hanging (a
synchronous request from the page would freeze it).
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QFile, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

log = logging.getLogger(__name__)

SCHEME = "explorer"
HOST = "app"
BASE_URL = f"{SCHEME}://{HOST}/"
RESOURCES_PREFIX = "/resources/"
QWEBCHANNEL_PATH = "/qtwebchannel/qwebchannel.js"

_registered = False


def register_scheme() -> None:
    """Declare ``explorer:`` to QtWebEngine; must run before the QApplication exists."""
    global _registered
    if _registered:
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    _registered = True


def app_url(path: str) -> QUrl:
    return QUrl(BASE_URL + path.lstrip("/"))


_MIME = {".js": "text/javascript", ".css": "text/css", ".html": "text/html",
         ".png": "image/png", ".json": "application/json", ".svg": "image/svg+xml"}


class AppSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves registered in-memory pages and the files under ``resources`` (nothing else)."""

    def __init__(self, resources: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.resources = Path(resources).resolve()
        self.pages: dict[str, bytes] = {}

    def add_page(self, path: str, html: str) -> QUrl:
        self.pages["/" + path.lstrip("/")] = html.encode("utf-8")
        return app_url(path)

    def _resource(self, path: str) -> tuple[bytes, str] | None:
        rel = path[len(RESOURCES_PREFIX):]
        if "\x00" in rel:
            return None
        target = (self.resources / rel).resolve()
        if self.resources not in target.parents or not target.is_file():
            return None
        mime = _MIME.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "text/plain"
        return target.read_bytes(), mime

    def _lookup(self, url: QUrl) -> tuple[bytes, str] | None:
        if url.host() != HOST:
            return None
        path = url.path()
        if path in self.pages:
            return self.pages[path], "text/html"
        if path == QWEBCHANNEL_PATH:
            f = QFile(":/qtwebchannel/qwebchannel.js")
            if f.open(QIODevice.OpenModeFlag.ReadOnly):
                return bytes(f.readAll().data()), "text/javascript"
            return None
        if path.startswith(RESOURCES_PREFIX):
            return self._resource(path)
        return None

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        try:
            self._answer(job)
        except Exception:  # a request must never go unanswered
            log.exception("cannot serve %s", job.requestUrl().toDisplayString()[:300])
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)

    def _answer(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        try:
            found = self._lookup(url) if url.isValid() else None
        except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
            log.warning("cannot serve %s: %s", url.toDisplayString()[:300], exc)
            found = None
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        data, mime = found
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime.encode(), buffer)
