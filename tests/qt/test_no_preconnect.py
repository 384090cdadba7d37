"""Resource hints open no connection: preconnect and DNS prefetch are off in the map's view."""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest

from explorer.qt.webview import MapView

pytestmark = pytest.mark.e2e

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="preconnect" href="http://127.0.0.1:{port}">
<link rel="preconnect" href="http://127.0.0.1:{port}" crossorigin>
<link rel="dns-prefetch" href="http://127.0.0.1:{port}">
<link rel="preconnect" href="http://localhost:{port}">
</head><body><p>hints</p>
<a href="http://127.0.0.1:{port}/link">a link</a></body></html>"""


def test_preconnect_and_dns_prefetch_make_no_connection(qtbot: Any) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.setblocking(False)
        port = server.getsockname()[1]
        view = MapView()
        try:
            with qtbot.waitSignal(view.loadFinished, timeout=30_000):
                view.load_html(PAGE.format(port=port), "hints.html")
            connections = 0
            deadline = time.monotonic() + 3.0  # bounded: a preconnect comes at once
            while time.monotonic() < deadline:
                qtbot.wait(100)
                try:
                    conn, _ = server.accept()
                except BlockingIOError:
                    continue
                conn.close()
                connections += 1
            assert connections == 0, f"{connections} connection(s) to the listener"
        finally:
            view.dispose()
