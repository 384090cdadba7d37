"""Process set-up that must happen before the QApplication exists."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

_FLAGS = (
    "--disable-gpu",
    # Chromium's own network stack goes through a proxy on a closed loopback port, loopback
    # addresses included: connections the request interceptor never sees (<link rel=preconnect>,
    # DNS prefetch) cannot reach any server. The page's own requests are blocked before that.
    "--proxy-server=socks5://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)
# Chromium's own log (D-Bus, GPU, Vulkan, sandbox chatter on stderr): fatal errors only,
# unless --verbose.
_QUIET_FLAGS = ("--log-level=3",)
#: Qt's warnings that say nothing to the user: there is no GPU (Chromium's is off) and the
#: offscreen platform cannot do everything a window system does. Hidden unless --verbose;
#: the tests ignore the same messages (``qt_log_ignore`` in pyproject.toml).
CHATTER = (
    "QRhiGles2: Failed to create",
    "Failed to create RHI for backend",
    "GPUInfo not initialized",
    "This plugin does not support propagateSizeHints()",
    # A real display without Vulkan (Qt probes it for its renderer) or with a GPU Chromium
    # does not know (llvmpipe): nothing is wrong, the window draws with OpenGL or software.
    "Failed to load vulkan",
    "initInstance: No Vulkan library available",
    "Failed to create platform Vulkan instance",
    "Unable to detect GPU vendor for device",
)


def prepare_environment(*, offscreen: bool = False, verbose: bool = False) -> None:
    """Set Qt/Chromium flags for QtWebEngine; call before creating the QApplication.

    ``offscreen`` forces the offscreen platform (screenshots, tests). Chromium's sandbox cannot
    run as root, so it is switched off there only. Unless ``verbose``, Chromium logs only
    fatal errors and Qt's :data:`CHATTER` is not printed.
    """
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    wanted = list(_FLAGS) if verbose else [*_FLAGS, *_QUIET_FLAGS]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        wanted.append("--no-sandbox")
    for flag in wanted:
        if flag not in flags:
            flags.append(flag)
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    # Chromium's own logging of GPU/sandbox chatter is noise for the user.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.webenginecontext.debug=false")
    from explorer.qt.scheme import register_scheme

    register_scheme()
    if not verbose:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(_quiet)


def _quiet(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages as Qt prints them, less :data:`CHATTER`."""
    if message.startswith(CHATTER):
        return
    from PySide6.QtCore import qFormatLogMessage

    print(qFormatLogMessage(mode, context, message), file=sys.stderr)


def display_available() -> bool:
    """Whether a window can be shown: a display server, or a non-interactive Qt platform."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb") and not platform.startswith("wayland"):
        return True  # offscreen, minimal, vnc, eglfs, ...: the user chose it
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def uses_xcb() -> bool:
    """Whether Qt will open its window through the xcb (X11) platform plugin."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return sys.platform.startswith("linux") and not os.environ.get("WAYLAND_DISPLAY")
