"""Every benchmark kept here runs once on tiny input, so a change that breaks one fails CI.

The figures are not checked (speed targets live in the benchmarks, not in tests): only that the
script runs to its end and prints the lines its README figures come from. A benchmark added to
``benchmarks/`` without a smoke run here (or in a test of its own, ``ELSEWHERE``) fails
``test_every_benchmark_has_a_smoke_run``. Those that open the window run offscreen with the
real web view.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
MS = r"[\d.]+ ms"

#: script, tiny arguments ("{work}": a fresh folder; "{shared}": one folder for the file, so that
#: the benchmarks on the same tiny corpus generate and index it once), lines its output must
#: have (regexes, each matched against a whole line).
SMOKE: list[tuple[str, list[str], list[str]]] = [
    ("geoparse.py", ["--copies", "1", "--runs", "1", "--jobs", "2"],
     [r"explorer mentions --jobs 1: wall [\d.]+ s .*MB per CPU second",
      r"grep -rFoh -f NAMES > file: wall .*",
      r"one job against one grep: wall [\d.]+x, CPU [\d.]+x",
      r"--jobs 2: wall [\d.]+ s, [\d.]+ MB/s",
      r"--jobs 2 output identical to --jobs 1: True"]),
    ("gazetteer_load.py", ["--runs", "1"],
     [r"places: \d+ \(.*city \d+.*\)",
      r"name keys: \d+; Arabic surface forms: \d+",
      r"cold \(compile into the cache\): [\d.]+ s, peak RSS \d+ MB",
      r"warm \(from the cache\): median [\d.]+ s \(min [\d.]+\) over 1, peak RSS \d+ MB",
      r"load \+ geoparse the seeds: peak RSS \d+ MB"]),
    ("make_corpus.py", ["{work}/corpus", "--articles", "3"],
     [r"3 articles, [\d.]+ MB in .*corpus"]),
    ("scale.py", ["--sizes", "12", "--jobs-compare", "12", "--work", "{work}"],
     [r"  --jobs 1: [\d.]+ s, \d+ articles/s, peak \d+ MB",
      r"  --jobs 2: [\d.]+ s, \d+ articles/s, peak \d+ MB writer, \d+ MB largest worker; .*",
      r"  speed-up --jobs 2 / --jobs 1: [\d.]+x; .*",
      r"  CPU seconds: .* --jobs 2 would be [\d.]+x --jobs 1",
      r"  unchanged folder: [\d.]+ s \([\d.]+% of the full index\)",
      r"  one file of 12 changed: [\d.]+ s \([\d.]+% of the full index\)",
      r"  12 articles, [\d,]+ passages, .* all places listed in \d+ ms; statistics in .*",
      rf"  click → first 50 passages: p50 {MS}, p95 {MS}",
      rf"  filter change \(.*\): places, countries, stats \+ page: p50 {MS}, p95 {MS}",
      rf"  full-text '.+' → first 50 passages: p50 {MS}, p95 {MS}",
      rf"  full-text '.+' → places, countries, stats: p50 {MS}, p95 {MS}",
      r"  database size: \d+ MB"]),
    ("filters.py", ["--articles", "12", "--jobs", "1", "--runs", "1", "--work", "{work}"],
     [r"index \(12 articles, up to date\): [\d.]+ s",
      r"kind city:", r"a month, 3 countries:", r"toponyms and demonyms:",
      r"confidence >= 0.9:", r"each story once:",
      rf"  places +p50 +{MS}, p95 +{MS}",
      rf"  count passages +p50 +{MS}, p95 +{MS}",
      rf"  first page \(50\) +p50 +{MS}, p95 +{MS}",
      rf"  timeline \(day\) +p50 +{MS}, p95 +{MS}"]),
    ("search.py", ["--articles", "12", "--jobs", "1", "--words", "3", "--work", "{shared}"],
     [r"[\d,]+ passages, [\d,]+ words in 5 or more",
      rf"one FTS term \(MATCH\) +p50 +{MS}, p95 +{MS}",
      rf"view: one word +p50 +{MS}, p95 +{MS}",
      rf"view: prefix \(word\*\) +p50 +{MS}, p95 +{MS}",
      rf"view: \"phrase\" of two +p50 +{MS}, p95 +{MS}",
      rf"view: 32 words OR'd +p50 +{MS}, p95 +{MS}"]),
    ("reader.py", ["--articles", "12", "--work", "{shared}"],
     [r"index: .* \(12 articles, [\d,]+ mentions, [\d,]+ places\)",
      r"confidences\(\): [\d,]+ places, median of 3 [\d.]+ s",
      r"mentions_in\(doc\): 12 articles, p50 [\d.]+ ms, p95 [\d.]+ ms"]),
    ("corrections.py", ["--articles", "12", "--jobs", "1", "--work", "{shared}"],
     [r"12 articles, \d+ mentions",
      rf"mention +1 articles +store +{MS} +undo +{MS}",
      rf"article +1 articles +store +{MS} +undo +{MS}",
      rf"corpus, «.+» \(\d+ mentions\) +\d+ articles +store +{MS} +undo +{MS}"]),
    ("review.py", ["--articles", "12", "--jobs", "1", "--work", "{shared}",
                   "--corrections", "5", "--repeats", "2"],
     [r"12 articles, [\d,]+ mentions, [\d,]+ in the review queue",
      rf"review queue \(count \+ first \d+\): p50 {MS}, p95 {MS}",
      r"after 5 accepted: [\d,]+ in the review queue",
      rf"list 5 corrections \(titles, passages\): p50 {MS}, p95 {MS}"]),
    ("export.py", ["--articles", "12", "--jobs", "1", "--work", "{shared}"],
     [r"index \(12 articles, up to date\): [\d.]+ s",
      r"\d+ places, \d+ mentions, \d+ passages",
      *(rf"{fmt} +{what} +[\d.]+ s +[\d.]+ MB" for fmt in ("geojson", "csv", "html")
        for what in ("all", "country [A-Z]{2}"))]),
    # The window, offscreen with the real web view.
    ("map_view.py", ["--runs", "1"],
     [r"map \d+x\d+ px, \d+ places; median of 1:",
      rf"  setView lat +30 lon +50 zoom +2: +{MS}",
      rf"  setView lat +34 lon +40 zoom +5: +{MS}"]),
    ("startup.py", ["--runs", "1", "--no-warmup"],
     [r"  explorer on .*seeds: [\d.]+ s  peak RSS \d+ MB",
      r"  bare QWebEngineView \+ empty Leaflet page: [\d.]+ s  peak RSS \d+ MB",
      r"  ratio explorer / bare view: [\d.]+"]),
    # Its unmeasured first run and the measured one: the first must leave the index as it
    # found it (a search it saved made the second fail).
    ("window_scale.py", ["--articles", "12", "--runs", "1", "--repeats", "2",
                         "--work", "{shared}", "--latency-corpus", str(ROOT / "seeds"),
                         "--latency-seconds", "3", "--idle-seconds", "0.5"],
     [r"corpus: 12 articles, [\d,]+ passages, [\d,]+ mentions, [\d,]+ places \([\d,]+ markers\)",
      r"warm open to map drawn \(median of 1\): [\d.]+ s; bare QWebEngineView \+ empty "
      r"Leaflet page: [\d.]+ s; ratio [\d.]+",
      r"  folder checked unchanged by the indexer: [\d.]+ s",
      r"click → first passages \(top 4 places; .*\): p50 \d+ ms, p95 \d+ ms",
      r"country filter change, until painted: \d+ ms",
      r"full-text query '.+', until painted: \d+ ms",
      r"marker click, passages shown and painted, over 2: p50 \d+ ms, p95 \d+ ms .*",
      r"filter change \(3 countries\), until painted, over 2: p50 \d+ ms, p95 \d+ ms .*",
      r"search \(a word\), until painted, over 2: p50 \d+ ms, p95 \d+ ms .*",
      r"  of which, p50/p95: view feed \(worker\) \d+/\d+ ms; passage feed \(worker\) "
      r"\d+/\d+ ms; page parse\+apply \d+/\d+ ms",
      r"passage panel on the GUI thread per search \(first \d+, then \d+ a step\), over 2: "
      r"p50 \d+ ms, p95 \d+ ms",
      r"main process peak RSS: \d+ MB",
      r"20,000 places in one message: painted after \d+ ms \(the page's own handling \d+ ms\); "
      r"a zoom-in .* in \d+ ms",
      r"event loop while indexing \(\d+ articles in \d+ s(, finished)?; .*\): "
      r"late by p50 [\d.]+ ms, p99 [\d.]+ ms, max \d+ ms; peak RSS \d+ MB",
      r"  the same probe in an idle event loop first .*"]),
]

SMOKE += [
    ("index_check.py", ["--mb", "1", "--work", "{work}"],
     [r"index: \d+ MB, [\d,]+ mentions", r"quick_check \(.+\): [\d.]+ s -> .+",
      r"rebuild: [\d.]+ s; .*"]),
    ("pdf_arabic.py", [], [r"explorer +words \d+/\d+  order [\d.]+  .*"]),
    ("folder_watch.py", ["--articles", "12", "--burst", "5", "--work", "{shared}"],
     [r"opened and indexed 12 articles: [\d.]+ s",
      r"one article: indexed after [\d.]+ s, on the map after [\d.]+ s \(debounce 1 s "
      r"included\)",
      r"burst of 5 files \(written in [\d.]+ s\): 1 indexing run\(s\), all indexed after "
      r"[\d.]+ s"]),
    ("wire.py", ["--stories", "6"],
     [r"articles: \d+ \(6 stories, \d+ pairs of copies\)",
      r"pairs: precision [\d.]+, recall [\d.]+",
      r"copies set aside by 'each story once': \d+ \(truth: \d+\)",
      r"sketch: [\d.]+ ms per article; store and group: [\d.]+ ms per article"]),
    ("language_detect.py", ["--limit", "3"],
     [r"Arabic news articles: 9 texts, right 1.000, .*",
      r"mixed corpus: 4/4 articles right",
      r"speed: \d+ µs an article .*"]),
]

#: Benchmarks whose smoke run is a test of its own.
ELSEWHERE = {"memory.py": "test_benchmark_memory.py",
             "formats.py": "test_benchmarks_smoke.py"}


def test_every_benchmark_has_a_smoke_run() -> None:
    scripts = {p.name for p in BENCHMARKS.glob("*.py")}
    covered = {s[0] for s in SMOKE} | set(ELSEWHERE)
    assert scripts - covered == set(), "benchmarks without a smoke run in this file"
    assert covered - scripts == set(), "smoke runs of benchmarks that are gone"
    for script, test in ELSEWHERE.items():
        assert script in (ROOT / "tests" / test).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("benchmarks")


@pytest.mark.parametrize(("script", "args", "expect"), SMOKE, ids=[s[0] for s in SMOKE])
def test_benchmark_runs(
    script: str, args: list[str], expect: list[str], tmp_path: Path, shared: Path
) -> None:
    work = tmp_path / "work"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script),
         *(a.format(work=work, shared=shared) for a in args)],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    missing = [e for e in expect if not any(re.fullmatch(e, ln) for ln in lines)]
    assert not missing, f"not printed: {missing}\n{done.stdout}"
    assert "QThread: Destroyed" not in done.stderr, done.stderr[-3000:]


def test_formats_benchmark_runs_on_a_small_mixed_folder(tmp_path: Path) -> None:
    env = {**os.environ, "EXPLORER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "formats.py"), "--docs", "30",
         "--out", str(tmp_path / "corpus"), "--pdf-pages", "2"],
        capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    table = {line.split()[0]: line.split() for line in lines[2:] if line and
             not line.startswith("index")}
    for fmt in ("txt", "html", "pdf", "docx", "odt", "rtf", "eml", "mbox", "xml", "csv",
                "jsonl", "xlsx", "zip", "all"):
        assert fmt in table, (fmt, done.stdout)
        assert int(table[fmt][2]) > 0 and float(table[fmt][4]) > 0  # articles, MB/s
    assert "reading (extraction) is" in lines[-1]
