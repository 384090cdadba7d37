"""The system-library check: ldd's output of the installed Qt, mapped to Debian packages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.qt import sysdeps

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd: Linux only")

# The C/C++ runtime and libraries every Debian system has (essential or priority required).
BASE_SYSTEM = re.compile(
    r"lib(c|m|dl|rt|pthread|resolv|stdc\+\+|gcc_s|z|zstd|lzma|pcre2-8|bsd|md|cap|brotli\w*|"
    r"com_err|keyutils|gpg-error|gcrypt|ffi|lz4|systemd|k5crypto|krb5|krb5support)\.so"
)


def ldd(binary: Path) -> str:
    return subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout


@linux_only
def test_the_table_names_a_package_for_every_system_library_of_the_installed_qt() -> None:
    binaries = sysdeps.qt_binaries(xcb=True)
    assert [b.name for b in binaries] == ["libqxcb.so", "QtWebEngineProcess"]
    unknown = set()
    for binary in binaries:
        for line in ldd(binary).splitlines():
            m = re.match(r"\s*(\S+) => (\S+)", line)
            if not m or "PySide6" in m.group(2) or BASE_SYSTEM.match(m.group(1)):
                continue
            if m.group(1) not in sysdeps.SONAME_PACKAGES:
                unknown.add(m.group(1))
    assert not unknown, f"add their Debian packages to SONAME_PACKAGES: {sorted(unknown)}"


@linux_only
def test_missing_libraries_in_real_ldd_output_become_one_install_line() -> None:
    (plugin,) = sysdeps.qt_binaries(xcb=True)[:1]
    real = ldd(plugin)
    # As if libxcb-cursor0 and libxkbcommon-x11-0 were not installed (the newcomer's machine).
    for soname in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
        assert soname in real
        real = re.sub(rf"{re.escape(soname)} => .*", f"{soname} => not found", real)
    missing = sysdeps.not_found(real)
    assert {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"} <= set(missing)
    packages = sysdeps.packages_for(missing)
    assert {"libxcb-cursor0", "libxkbcommon-x11-0"} <= set(packages)
    assert all(p in sysdeps.SONAME_PACKAGES.values() for p in packages)  # no bare sonames
    assert sysdeps.install_line(["a", "b"]) == "sudo apt-get install a b"


@linux_only
def test_an_unknown_library_is_named_as_it_is() -> None:
    out = "\tlibfoo.so.7 => not found\n\tlibxcb-icccm.so.4 => not found\n\tlibfoo.so.7 => not found"
    assert sysdeps.packages_for(sysdeps.not_found(out)) == ["libfoo.so.7", "libxcb-icccm4"]


@linux_only
def test_the_window_says_which_packages_are_missing_instead_of_aborting(tmp_path: Path) -> None:
    missing = sysdeps.missing_packages(sysdeps.qt_binaries(xcb=True))
    if not missing:
        pytest.skip("every library of the xcb plugin is installed here")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99",
           "EXPLORER_CONFIG_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "explorer"], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert f"apt-get install {' '.join(missing)}" in done.stderr
    assert "Aborted" not in done.stderr and "could not load" not in done.stderr.lower()


@linux_only
def test_no_arabic_font_is_reported_with_a_package_to_install(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    if sysdeps.arabic_font_available() is None:
        pytest.skip("no fc-list")
    empty = tmp_path / "fonts.conf"  # fontconfig with no font directory at all
    empty.write_text('<?xml version="1.0"?><fontconfig><cachedir>'
                     f"{tmp_path}</cachedir></fontconfig>", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    assert sysdeps.arabic_font_available() is False
    _fatal, warning = sysdeps.problems(xcb=False)
    assert warning is not None and "apt-get install fonts-noto-core" in warning
