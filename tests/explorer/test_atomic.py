"""Atomic writes: a writer killed mid-write leaves the old file or the new one, never a torn one.

The kill test runs a real writer process that rewrites one file with several megabytes of
self-checking content in a loop, SIGKILLs it at random moments and checks what is on disk.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from explorer.atomic import (
    atomic_write_bytes,
    atomic_write_text,
    remove_stray_temp_files,
    stray_temp_files,
)

ROOT = Path(__file__).resolve().parents[2]
SIZE = 4 * 1024 * 1024  # bytes of payload per version

# The writer: version n's file is a header line "v<n> <size> <sha256 of payload>\n" and then
# the payload; after each write it prints the version it completed. ``mode`` "atomic" uses
# atomic_write_bytes; "plain" writes the file in place and stops half-way (the control).
WRITER = r"""
import hashlib, os, sys, time
from explorer.atomic import atomic_write_bytes

path, size, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def content(n):
    block = hashlib.sha256(b"version %d" % n).digest()
    payload = block * (size // len(block)) + os.urandom(64)
    head = b"v%d %d %s\n" % (n, len(payload), hashlib.sha256(payload).hexdigest().encode())
    return head + payload

n = int(sys.argv[4]) if len(sys.argv) > 4 else 0
while True:
    n += 1
    data = content(n)
    if mode == "atomic":
        atomic_write_bytes(path, data)
        print(n, flush=True)
    else:
        with open(path, "wb") as fh:
            fh.write(data[: len(data) // 2])
            fh.flush()
            os.fsync(fh.fileno())
            print("half", n, flush=True)
            time.sleep(60)
            fh.write(data[len(data) // 2 :])
"""


class Torn(AssertionError):
    pass


def check(data: bytes) -> int:
    """The version of a whole file; raises Torn for anything else."""
    head, sep, payload = data.partition(b"\n")
    if not sep:
        raise Torn("no header line")
    try:
        tag, size, digest = head.split(b" ")
        version = int(tag.removeprefix(b"v"))
        length = int(size)
    except ValueError as exc:
        raise Torn(f"bad header {head[:80]!r}") from exc
    if len(payload) != length:
        raise Torn(f"v{version}: {len(payload)} bytes of payload, header says {length}")
    if hashlib.sha256(payload).hexdigest().encode() != digest:
        raise Torn(f"v{version}: checksum mismatch")
    return version


def spawn(path: Path, mode: str, start: int = 0) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(SIZE), mode, str(start)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


class Lines:
    """Collects a process' stdout lines in a thread, so the test can poll them."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self.event = threading.Event()
        assert proc.stdout is not None
        out = proc.stdout

        def pump() -> None:
            for line in out:
                self.lines.append(line.strip())
                self.event.set()

        self.thread = threading.Thread(target=pump, daemon=True)
        self.thread.start()

    def wait_for(self, count: int, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.lines) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"writer produced {self.lines} within {timeout}s")
            self.event.wait(0.01)
            self.event.clear()


def test_writer_killed_at_random_moments_leaves_a_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "data.bin"
    seed = int(os.environ.get("ATOMIC_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)  # rerun a failure with ATOMIC_KILL_SEED=<seed>
    mid_write_kills = 0
    last = 0
    for _round in range(6):
        proc = spawn(target, "atomic", start=last)
        lines = Lines(proc)
        try:
            lines.wait_for(1)  # at least one whole write since the start
            time.sleep(rng.uniform(0.0, 0.25))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        lines.thread.join(timeout=30)
        done = [int(x) for x in lines.lines]
        assert proc.returncode == -signal.SIGKILL

        try:
            version = check(target.read_bytes())
        except Torn as exc:
            raise AssertionError(f"torn file (ATOMIC_KILL_SEED={seed}): {exc}") from None
        # The last completed write, or the one in flight if its rename had just happened.
        assert version in (done[-1], done[-1] + 1), (version, done, seed)
        last = version

        strays = stray_temp_files(target)
        assert len(strays) <= 1, strays
        assert all(p.name.startswith(".data.bin.") for p in strays)
        mid_write_kills += len(strays)
        others = [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")]
        assert others == ["data.bin"]
        assert remove_stray_temp_files(target) == len(strays)
        assert stray_temp_files(target) == []
    # How often the kill landed inside a write (informative; depends on the machine).
    print(f"{mid_write_kills} of 6 kills left a temporary file behind")


def test_control_a_plain_write_killed_mid_way_is_detected(tmp_path: Path) -> None:
    target = tmp_path / "data.bin"
    atomic_write_bytes(target, b"v0 0 " + hashlib.sha256(b"").hexdigest().encode() + b"\n")
    assert check(target.read_bytes()) == 0
    proc = spawn(target, "plain")
    lines = Lines(proc)
    try:
        lines.wait_for(1)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert lines.lines[0] == "half 1"
    with pytest.raises(Torn):
        check(target.read_bytes())


def test_checker_rejects_truncated_and_altered_files(tmp_path: Path) -> None:
    payload = os.urandom(1000)
    data = b"v3 1000 " + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    assert check(data) == 3
    for bad in (data[:-1], data[:500], data[:10], b"", data[:-1] + b"\0"):
        with pytest.raises(Torn):
            check(bad)


# --- unit tests ---------------------------------------------------------------------------


def test_round_trip_bytes_and_text(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    atomic_write_text(target, "سوريا\r\nline two\rthree")
    assert target.read_bytes() == "سوريا\r\nline two\rthree".encode()
    atomic_write_bytes(target, b"\x00\xff")
    assert target.read_bytes() == b"\x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o444])
def test_permission_bits_of_an_existing_file_are_kept(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old")
    target.chmod(mode)
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write_text(tmp_path / "new.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


@pytest.mark.parametrize(
    ("fail_in", "error"),
    [
        ("replace", OSError(28, "No space left on device")),
        ("fsync", OSError(5, "Input/output error")),
        ("fsync", KeyboardInterrupt()),  # not even an Exception: still cleaned up
        ("chmod", PermissionError(1, "Operation not permitted")),
    ],
)
def test_failure_leaves_the_target_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_in: str, error: BaseException
) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old")

    def boom(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(os, fail_in, boom)
    with pytest.raises(type(error)):
        atomic_write_text(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_bad_data_leaves_no_temp_file(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        atomic_write_bytes(tmp_path / "f.bin", "not bytes")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_text(tmp_path / "no" / "such.json", "x")
    assert list(tmp_path.iterdir()) == []


def test_temp_files_are_hidden_and_named_after_the_target(tmp_path: Path) -> None:
    target = tmp_path / "index.db"
    (tmp_path / ".index.db.abc123.tmp").write_text("stale")
    (tmp_path / ".other.abc.tmp").write_text("not ours")
    assert [p.name for p in stray_temp_files(target)] == [".index.db.abc123.tmp"]
    old = time.time() - 3600
    os.utime(tmp_path / ".index.db.abc123.tmp", (old, old))
    (tmp_path / ".index.db.fresh.tmp").write_text("in progress")
    assert remove_stray_temp_files(target, older_than=600) == 1
    assert [p.name for p in stray_temp_files(target)] == [".index.db.fresh.tmp"]
    assert (tmp_path / ".other.abc.tmp").exists()
