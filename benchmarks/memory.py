"""Peak memory per MB of input on one huge article: ``explorer index`` and the window.

    python benchmarks/memory.py [--mb 5] [--lines 1 | --sample FILE] [--work DIR]
                                [--no-window] [--json]

Makes a corpus of one article: a title and ``--mb`` MB of one place name repeated (بيروت,
about 95,000 mentions per MB), in ``--lines`` paragraphs (1: one paragraph holding them all),
or with ``--sample`` the lines of an article repeated (numbered) up to ``--mb`` MB (ordinary
news text); and a corpus of one small article as the baseline. Past 20 MB, ``--max-bytes``
is raised to let it in. For each it measures, each in a fresh
process:

- ``explorer index CORPUS --jobs 1``: the peak RSS (``wait4``) and the index's size on disk;
- the window (offscreen) on that index: the peak RSS of its main process after a click on
  the article's marker (``session.select``, what a click does) has filled the passage panel,
  and the size of the panel's HTML.

It prints the peaks, and per MB of input the peak above the baseline's (MB per MB): memory per
article should be proportional to its size with a small constant.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NAME = "بيروت"
TITLE = "مقال طويل جدا\n\n"


def make_sample_article(folder: Path, mb: float, sample: Path) -> int:
    """One article of about ``mb`` MB: the sample's lines again and again; its size."""
    folder.mkdir(parents=True, exist_ok=True)
    body = [ln for ln in sample.read_text(encoding="utf-8").splitlines()[1:] if ln.strip()]
    want = int(mb * 1024 * 1024)
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        fh.write(TITLE.encode("utf-8"))
        done, k = 0, 0
        while done < want:
            # Numbered: the same line again and again would be page furniture, not text.
            line = f"{k // len(body)} {body[k % len(body)]}\n\n".encode()
            fh.write(line)
            done += len(line)
            k += 1
    return path.stat().st_size


def make_article(folder: Path, mb: float, lines: int) -> int:
    """One article of about ``mb`` MB in ``lines`` paragraphs; its size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    unit = (NAME + " ").encode("utf-8")
    repeats = max(1, int(mb * 1024 * 1024) // len(unit))
    per_line = max(1, repeats // max(1, lines))
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        fh.write(TITLE.encode("utf-8"))
        left = repeats
        line = 0
        while left > 0:
            n = min(per_line, left)
            # Numbered: the same line again and again would be page furniture, not text.
            number = f"{line} ".encode() if lines > 1 else b""
            fh.write(number + unit * (n - 1) + NAME.encode("utf-8") + b".\n")
            left -= n
            line += 1
    return path.stat().st_size


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run ``cmd``; its peak RSS (MB) and its stdout."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n"
                         f"{err.decode('utf-8', 'replace')[-3000:]}")
    return usage.ru_maxrss / 1024, text


def measure(corpus: Path, index: Path, env: dict[str, str], window: bool,
            max_bytes: int) -> dict[str, Any]:
    index.unlink(missing_ok=True)
    t = time.perf_counter()
    rss, _ = run_measured([sys.executable, "-m", "explorer", "index", str(corpus), "--jobs",
                           "1", "--index", str(index), "--max-bytes", str(max_bytes)], env)
    out: dict[str, Any] = {"index_rss_mb": rss, "index_s": time.perf_counter() - t,
                           "index_mb": sum(p.stat().st_size for p in index.parent.glob(
                               index.name + "*")) / 1024 / 1024}
    if window:
        t = time.perf_counter()
        rss, text = run_measured([sys.executable, __file__, "--child-window", str(corpus),
                                  str(index), str(max_bytes)], env)
        out.update(json.loads(text.strip().splitlines()[-1]))
        out["window_rss_mb"] = rss
        out["window_s"] = time.perf_counter() - t
    return out


def child_window(corpus: Path, index: Path, max_bytes: int) -> None:
    """Open the window on the built index, click the top place's marker, say what it showed."""
    sys.path.insert(0, str(ROOT))
    from explorer.qt.env import prepare_environment

    prepare_environment(offscreen=True)
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from explorer.qt.app import start

    window = start(corpus, index_path=index, jobs=1, max_bytes=max_bytes)
    window.show()
    end = time.monotonic() + 600
    while not (window.indexing_done and window.reader is not None):
        if time.monotonic() > end:
            raise SystemExit("the window did not open the index in 600 s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    top = window.reader.places()[0].place.id
    window.session.select(top)  # what a click on its marker does
    panel = window.passages
    end = time.monotonic() + 120  # the passages are read off the GUI thread
    while not panel.hits:
        if time.monotonic() > end:
            raise SystemExit("the passage panel was not filled in 120 s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    for _ in range(20):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    shown = {"html_chars": len(panel.toHtml()), "passages": len(panel.hits),
             "mentions_shown": sum(len(h.mentions) for h in panel.hits)}
    window.dispose()
    print(json.dumps(shown))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, default=5.0, help="size of the huge article (MB)")
    p.add_argument("--lines", type=int, default=1, help="paragraphs it is split into")
    p.add_argument("--sample", type=Path, help="an article whose lines make the huge one")
    p.add_argument("--work", type=Path, help="folder for the corpora and indexes (kept)")
    p.add_argument("--no-window", action="store_true", help="measure `explorer index` only")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--child-window", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child_window:
        corpus, index, limit = args.child_window
        child_window(Path(corpus), Path(index), int(limit))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="explorer-memory-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               EXPLORER_DATA_DIR=str(work / "data"), EXPLORER_CONFIG_DIR=str(work / "config"))
    try:
        shutil.rmtree(work / "huge", ignore_errors=True)
        shutil.rmtree(work / "small", ignore_errors=True)
        size = (make_sample_article(work / "huge", args.mb, args.sample) if args.sample
                else make_article(work / "huge", args.mb, args.lines))
        make_article(work / "small", 0.001, 1)
        window = not args.no_window
        limit = max(20 * 1024 * 1024, size + 1)
        small = measure(work / "small", work / "small.sqlite", env, window, limit)
        huge = measure(work / "huge", work / "huge.sqlite", env, window, limit)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    mb = size / 1024 / 1024
    shape = f"lines of {args.sample.name}" if args.sample else f"{args.lines} paragraph(s)"
    result = {"input_mb": mb, "shape": shape, "baseline": small, "huge": huge,
              "index_mb_per_mb": (huge["index_rss_mb"] - small["index_rss_mb"]) / mb}
    if window:
        result["window_mb_per_mb"] = (huge["window_rss_mb"] - small["window_rss_mb"]) / mb
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"one article of {mb:.2f} MB ({shape}); baseline: one small one")
    print(f"explorer index: peak {huge['index_rss_mb']:.0f} MB (baseline "
          f"{small['index_rss_mb']:.0f} MB) → {result['index_mb_per_mb']:.1f} MB per MB of "
          f"input; index {huge['index_mb']:.1f} MB on disk; {huge['index_s']:.1f} s")
    if window:
        print(f"window, click on its marker: peak {huge['window_rss_mb']:.0f} MB (baseline "
              f"{small['window_rss_mb']:.0f} MB) → {result['window_mb_per_mb']:.1f} MB per MB "
              f"of input; panel {huge['html_chars']:,} characters of HTML, "
              f"{huge['mentions_shown']:,} mentions shown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
