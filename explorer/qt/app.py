"""Starting the window: environment, corpus, QApplication, and the ``--screenshot`` mode."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.qt import sysdeps
from explorer.qt.env import display_available, prepare_environment, uses_xcb

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from explorer.qt.window import MainWindow
    from explorer.query import Filter
    from explorer.settings import Settings

SCREENSHOT_TIMEOUT_MS = 60_000

NO_DISPLAY = (
    "explorer: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
    "headless, use `explorer CORPUS_DIR --screenshot out.png` or run the tests with `make test`."
)


def run(
    corpus: Path,
    gazetteer_files: Sequence[Path] = (),
    *,
    screenshot: Path | None = None,
    max_bytes: int | None = None,
    verbose: bool = False,
    index_path: Path | None = None,
    screenshot_filter: Filter | None = None,
    lang: str | None = None,
) -> int:
    """Open the window on ``corpus``; with ``screenshot``, save a PNG of it and exit instead
    (with ``screenshot_filter``, of the map alone showing what passes that filter: the PNG
    export). ``lang``: "ar" or "en" (None: the system locale's)."""
    prepare_environment(offscreen=screenshot is not None, verbose=verbose)
    if screenshot is None and not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    fatal, warning = sysdeps.problems(xcb=screenshot is None and uses_xcb())
    for line in (warning, fatal):
        if line:
            print(f"explorer: {line}", file=sys.stderr)
    if fatal:
        return 1

    # QtWebEngine must be imported before the QApplication is created.
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from explorer.pipeline import say
    from explorer.settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0], "--style", "Fusion"])
    from explorer.qt.fonts import install_fonts

    install_fonts(app)
    install_language(app, lang or system_language())
    settings = Settings.load()
    for problem in settings.problems:
        say(str(problem))
    # A screenshot shows the corpus as it opens, whatever the user last had selected.
    window = start(corpus, gazetteer_files, max_bytes, None if screenshot else settings,
                   index_path=index_path)
    if screenshot is not None:
        if screenshot_filter is not None:
            window.session.set_filter(screenshot_filter)
        return save_screenshot(window, Path(screenshot), map_only=screenshot_filter is not None)
    window.show()
    code: int = app.exec()
    return code


def system_language() -> str:
    """"ar" when the system locale is Arabic, else "en"."""
    from PySide6.QtCore import QLocale

    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install_language(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Translate the interface into ``lang`` (explorer's own strings and Qt's dialogs), and
    lay it out right to left for Arabic. Returns the translators installed (none for English,
    the language the strings are written in)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
    from PySide6.QtGui import QGuiApplication

    from explorer.resources import resource

    translators: list[QTranslator] = []
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, directory in ((f"explorer_{lang}", str(resource("i18n"))),
                                (f"qtbase_{lang}", qt_dir)):
            translator = QTranslator(app)
            if translator.load(name, directory):
                app.installTranslator(translator)
                translators.append(translator)
            elif name.startswith("explorer"):
                print(f"explorer: no {lang} translation in {directory}: the interface stays "
                      "in English", file=sys.stderr)
    rtl = QLocale(lang).textDirection() == Qt.LayoutDirection.RightToLeft
    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                                       else Qt.LayoutDirection.LeftToRight)
    return translators


def start(
    corpus: Path,
    gazetteer_files: Sequence[Path] = (),
    max_bytes: int | None = None,
    settings: Settings | None = None,
    *,
    index_path: Path | None = None,
    jobs: int | None = None,
) -> MainWindow:
    """The main window on ``corpus``: it shows the folder's index as it is at once and brings
    it up to date on a worker thread. Whatever the folder holds (nothing, or no such folder)
    the window says so itself."""
    import os

    from explorer.qt.scheme import app_url
    from explorer.qt.webview import WINDOW_PAGE, MapView

    # Chromium starts and loads the page while the rest of the app is imported; the page
    # waits for the event loop to connect its channel, by which time the bridge is there.
    view = MapView()
    view.setUrl(app_url(WINDOW_PAGE))

    from explorer.corpus import DEFAULT_MAX_BYTES
    from explorer.qt.window import MainWindow

    window = MainWindow(corpus, settings=settings, view=view)
    window.open_folder(corpus, index_path=index_path, gazetteer_files=gazetteer_files,
                       max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                       jobs=jobs or os.cpu_count() or 1)
    return window


def wait_for_map(window: MainWindow, timeout_ms: int = SCREENSHOT_TIMEOUT_MS) -> bool:
    """Spin the event loop until indexing has ended and the map has drawn all of it."""
    from PySide6.QtCore import QEventLoop, QTimer

    def done() -> bool:
        return bool(window.indexing_done and window.map_up_to_date)

    if done():
        return True
    loop = QEventLoop()

    def check(*_: object) -> None:
        if done():
            loop.quit()

    window.mapDrawn.connect(check)
    window.indexingFinished.connect(check)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return done()


def _export_png(window: MainWindow, out: Path) -> int:
    """The map without its zoom buttons, with its caption and legend (``Exports``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    errors: list[str] = []
    window.exports.written.connect(lambda _fmt, _path: loop.quit())

    def failed(message: str) -> None:
        errors.append(message)
        loop.quit()

    window.exports.failed.connect(failed)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop.quit)
    window.exports.export("png", out)
    loop.exec()
    window.close()
    if errors or not out.is_file():
        print(f"explorer: {errors[0] if errors else f'cannot write {out}'}", file=sys.stderr)
        return 1
    print(out)
    return 0


def save_screenshot(window: MainWindow, out: Path, *, map_only: bool = False) -> int:
    """Show ``window`` offscreen, wait for the map, save a PNG of the whole window (of the
    map view alone with ``map_only``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    window.show()
    if not wait_for_map(window):
        print("explorer: the map did not finish drawing within "
              f"{SCREENSHOT_TIMEOUT_MS // 1000} s; no screenshot", file=sys.stderr)
        window.close()
        return 1
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)  # let the compositor deliver the painted frame
    loop.exec()
    if map_only:  # the PNG export: as the window's File → Export ▸ PNG makes it
        return _export_png(window, out)
    image = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = image.save(str(out), "PNG")
    window.close()
    if not ok:
        print(f"explorer: cannot write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0
