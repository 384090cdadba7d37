"""Issue 17, B19: a start on a real display prints nothing on stderr; there Qt said four lines
about Vulkan and the GPU (no Vulkan library, an unknown GPU such as llvmpipe)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

#: What Qt printed at every start under X with no Vulkan (Debian, Xvfb, llvmpipe).
VULKAN_LINES = (
    "Failed to load vulkan: Cannot load library vulkan: vulkan: cannot open shared object file",
    "initInstance: No Vulkan library available",
    "Failed to create platform Vulkan instance",
    "Unable to detect GPU vendor for device: Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits)",
)


def test_the_vulkan_and_gpu_lines_are_not_printed() -> None:
    code = ("from explorer.qt.env import prepare_environment; prepare_environment()\n"
            "from PySide6.QtCore import qWarning\n"
            + "".join(f"qWarning({line!r})\n" for line in VULKAN_LINES))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian: xvfb)")
def test_a_start_under_x_prints_nothing(tmp_path: Path) -> None:
    code = ("import sys\n"
            "from explorer.qt.env import prepare_environment; prepare_environment()\n"
            "import PySide6.QtWebEngineWidgets\n"
            "from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QApplication\n"
            "from explorer.qt.app import start, wait_for_map\n"
            "from explorer.resources import seeds_dir\n"
            "app = QApplication([sys.argv[0]])\n"
            f"w = start(seeds_dir(), index_path={str(tmp_path / 'i.db')!r}, jobs=1)\n"
            "w.show()\n"
            "ok = wait_for_map(w, 60_000)\n"
            "w.dispose()\n"
            "sys.exit(0 if ok else 3)\n")
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "QTWEBENGINE_CHROMIUM_FLAGS")}
    env |= {"EXPLORER_CONFIG_DIR": str(tmp_path)}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable,
                           "-c", code], env=env, capture_output=True, text=True, timeout=180,
                          check=False)
    if "needs system libraries" in done.stderr:
        pytest.skip(done.stderr.strip())
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
