"""System libraries and fonts the window needs, checked before Qt can abort over them.

PySide6's wheels bring Qt but not the X11/XCB, EGL and NSS libraries of the system; without
``libxcb-cursor0`` and kin the xcb platform plugin aborts the process ("Could not load the Qt
platform plugin xcb"). :func:`missing_packages` runs ``ldd`` on the xcb plugin and on
QtWebEngine's helper process and names the Debian packages of the libraries not found, so the
user gets one ``apt-get install`` line instead of a core dump. Only Linux is checked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

#: Shared libraries (outside the PySide6 wheels) of the xcb plugin, QtWebEngine and its helper
#: process, and the Debian 12 packages that hold them (``dpkg -S`` on a working machine).
SONAME_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXcomposite.so.1": "libxcomposite1",
    "libXdamage.so.1": "libxdamage1",
    "libXdmcp.so.6": "libxdmcp6",
    "libXext.so.6": "libxext6",
    "libXfixes.so.3": "libxfixes3",
    "libXrandr.so.2": "libxrandr2",
    "libXrender.so.1": "libxrender1",
    "libXtst.so.6": "libxtst6",
    "libasound.so.2": "libasound2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libdrm.so.2": "libdrm2",
    "libexpat.so.1": "libexpat1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgbm.so.1": "libgbm1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libnspr4.so": "libnspr4",
    "libplc4.so": "libnspr4",
    "libplds4.so": "libnspr4",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libpng16.so.16": "libpng16-16",
    "libudev.so.1": "libudev1",
    "libwayland-server.so.0": "libwayland-server0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbfile.so.1": "libxkbfile1",
    "libxshmfence.so.1": "libxshmfence1",
}

#: Fonts that cover Arabic, suggested when ``fc-list`` finds none.
ARABIC_FONT_PACKAGES = ("fonts-noto-core",)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def not_found(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` could not find, in order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def packages_for(sonames: Iterable[str]) -> list[str]:
    """Debian packages for ``sonames`` (a name with no known package stands for itself)."""
    return list(dict.fromkeys(SONAME_PACKAGES.get(s, s) for s in sonames))


def qt_binaries(*, xcb: bool) -> list[Path]:
    """The installed xcb platform plugin (when ``xcb``) and QtWebEngine's helper process."""
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    wanted = [qt / "libexec" / "QtWebEngineProcess"]
    if xcb:
        wanted.insert(0, qt / "plugins" / "platforms" / "libqxcb.so")
    return [p for p in wanted if p.is_file()]


def missing_packages(binaries: Iterable[Path]) -> list[str]:
    """Debian packages of the libraries ``binaries`` need and the system lacks."""
    ldd = shutil.which("ldd")
    if ldd is None or not sys.platform.startswith("linux"):
        return []
    # One ldd per binary, all at once: the check adds the slowest one to the start-up.
    runs = [subprocess.Popen([ldd, str(b)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True) for b in binaries]
    sonames: list[str] = []
    for run in runs:
        out, _ = run.communicate(timeout=30)
        sonames += not_found(out)
    return packages_for(sonames)


def install_line(packages: Iterable[str]) -> str:
    return "sudo apt-get install " + " ".join(packages)


def arabic_font_available() -> bool | None:
    """Whether fontconfig knows a font covering Arabic (None: no ``fc-list`` to ask)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    done = subprocess.run([fc_list, ":lang=ar", "family"], capture_output=True, text=True,
                          timeout=30, check=False)
    return done.returncode == 0 and bool(done.stdout.strip())


def problems(*, xcb: bool) -> tuple[str | None, str | None]:
    """(fatal, warning): why the window cannot start, and what will look wrong, or None."""
    if not sys.platform.startswith("linux"):
        return None, None
    fatal = warning = None
    packages = missing_packages(qt_binaries(xcb=xcb))
    if packages:
        fatal = ("the Qt window needs system libraries that are not installed; on Debian or "
                 f"Ubuntu: {install_line(packages)}")
    if arabic_font_available() is False:
        warning = ("no font for Arabic is installed (Arabic text would show as boxes); on "
                   f"Debian or Ubuntu: {install_line(ARABIC_FONT_PACKAGES)}")
    return fatal, warning
