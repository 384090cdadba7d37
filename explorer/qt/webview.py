"""The map's web view: its own profile, nothing fetched from outside the app's own files.

The page and its assets come from the app's scheme (``explorer://app/``, see ``scheme``).
``LocalOnlyInterceptor`` sees every request the page makes and blocks all but that scheme and
inline ``data:``/``blob:`` URLs; what it blocks is logged and kept in ``blocked``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from explorer.qt.scheme import HOST, SCHEME, AppSchemeHandler
from explorer.resources import resources_dir

log = logging.getLogger(__name__)

#: The window's map page: static, data-free (see resources/web/explorer/window.html).
WINDOW_PAGE = "resources/web/explorer/window.html"

_INLINE_SCHEMES = {"data", "blob", "about"}


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request but the app's own scheme (``explorer://app/``) and inline data."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    @staticmethod
    def allows(url: QUrl) -> bool:
        scheme = url.scheme().lower()
        if scheme in _INLINE_SCHEMES:
            return True
        return scheme == SCHEME and url.host() == HOST

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if self.allows(url):
            return
        text = url.toDisplayString()
        self.blocked.append(text)
        log.warning("blocked a request from the map page: %s", text[:300])
        info.block(True)


class MapPage(QWebEnginePage):
    """A page that sends its console messages to the log and opens no windows."""

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int,
        source: str,
    ) -> None:
        log.info("map page console (%s:%s): %s", source, line, message)

    def acceptNavigationRequest(
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        # The page is loaded once by the app; links inside it never navigate away.
        return nav_type == QWebEnginePage.NavigationType.NavigationTypeTyped or (
            nav_type == QWebEnginePage.NavigationType.NavigationTypeReload
        )


class MapView(QWebEngineView):
    """A web view with a private, off-the-record profile and the local-only interceptor."""

    def __init__(self, resources: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._disposed = False
        # An off-the-record profile: no cache or cookies written to disk, nothing shared.
        self.profile = QWebEngineProfile(self)
        self.interceptor = LocalOnlyInterceptor(self.profile)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.scheme_handler = AppSchemeHandler(resources or resources_dir(), self.profile)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.scheme_handler)
        page = MapPage(self.profile, self)
        s = page.settings()
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        s.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.DnsPrefetchEnabled, False)
        self.setPage(page)
        self.channel = QWebChannel(page)
        page.setWebChannel(self.channel)
        self.setContextMenuPolicy(self.contextMenuPolicy().NoContextMenu)

    def load_html(self, html: str, name: str = "map.html") -> QUrl:
        """Serve ``html`` at ``explorer://app/<name>`` and load it (any size)."""
        url = self.scheme_handler.add_page(name, html)
        self.setUrl(url)
        return url

    def dispose(self) -> None:
        """Delete the page, then the view with its profile, now and in that order.

        A profile released while a page still uses it warns or crashes; and a view that
        outlives its page quietly creates a default one, so the view goes too.
        """
        if self._disposed:
            return
        self._disposed = True
        page = self.page()
        page.setWebChannel(None)  # type: ignore[arg-type]
        shiboken6.delete(page)
        self.setParent(None)
        shiboken6.delete(self)
