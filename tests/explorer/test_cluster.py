"""Geoparsing on a real Dask cluster (two worker processes) gives the local index."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from gazetteer import Geoparser
from tests.explorer.conftest import copy_seeds

distributed = pytest.importorskip("distributed")


def test_dask_cluster_index_is_the_local_index(tmp_path: Path, world: Geoparser) -> None:
    from explorer.cluster import dask_runner

    corpus = copy_seeds(tmp_path / "c", copies=2)
    local, remote = tmp_path / "local.sqlite", tmp_path / "dask.sqlite"
    Indexer(corpus, local, jobs=1, geoparser=world).run()
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        runner = dask_runner(cluster, corpus, 20 * 1024 * 1024, chunk=2)
        seen: list[int] = []
        s = Indexer(corpus, remote, geoparser=world, runner=runner, batch_size=3).run(
            progress=lambda d, t, b: seen.append(d))
        with distributed.Client(cluster) as client:
            ran_on = client.run(lambda: __import__("explorer.cluster").cluster
                                ._worker_geoparser.cache_info().currsize)
    assert s.new == 10 and seen[-1] == 10
    assert sorted(ran_on.values()) == [1, 1]  # both workers loaded the gazetteer, once each
    with IndexDB(local) as a, IndexDB(remote) as b:
        assert a.dump() == b.dump()


# -- what can go wrong (issue 21, B14): one line, bounded time, the index intact ----------------

LONG_HOST = "tcp://" + "a" * 5000 + ":8786"


@pytest.mark.parametrize("address", ["garbage", "tcp://", "inproc://x", "tls://", "",
                                     LONG_HOST, "tcp://host:0", "tcp://host:99999",
                                     "ucx://host:8786", "tcp://[::zz]:8786", "tcp://a..b:1"])
def test_a_malformed_address_is_a_usage_error(
    address: str, seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import explorer.cli as cli

    index = tmp_path / "i.sqlite"
    with pytest.raises(SystemExit) as info:
        cli.main(["index", str(seeds_copy), "--index", str(index), "--dask", address])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--dask" in err and "Traceback" not in err and len(err) < 400
    assert not index.exists()


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:8786", "127.0.0.1:8786", "tls://h.example:1",
                                     "tcp://[::1]:8786", "scheduler-0.cluster.local:8786"])
def test_well_formed_addresses(address: str) -> None:
    from explorer.cluster import scheduler_address

    assert scheduler_address(address).endswith(address.rsplit(":", 1)[1])


def test_nothing_listening_is_said_in_bounded_time(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket
    import time

    import explorer.cli as cli
    import explorer.cluster

    monkeypatch.setattr(explorer.cluster, "CONNECT_TIMEOUT_S", 2.0)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.monotonic()
    code = cli.main(["index", str(seeds_copy), "--index", str(tmp_path / "i.sqlite"),
                     "--dask", f"tcp://127.0.0.1:{port}"])
    took = time.monotonic() - t0
    err = capsys.readouterr().err
    assert code == 1 and took < 30
    assert err.strip().splitlines() == [
        f"explorer: no Dask scheduler answers at tcp://127.0.0.1:{port} (tried for 2 s: "
        f"Timed out trying to connect to tcp://127.0.0.1:{port} after 2 s)"]


def _lose_mid_run(tmp_path: Path, world: Geoparser, lose: str) -> tuple[str, float, int, Path]:
    """Index 40 files one chunk at a time on a real cluster, and lose its scheduler or every
    worker after the first batch: the message, the seconds it took after the loss, the
    batches committed, the index."""
    import time

    from explorer.cluster import ClusterError, dask_runner

    corpus = copy_seeds(tmp_path / "c", copies=8)
    index = tmp_path / "i.sqlite"
    lost_at: list[float] = []
    committed: list[int] = []
    with distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:

        def progress(done: int, total: int, batch: object) -> None:
            committed.append(done)
            if not lost_at:
                lost_at.append(time.monotonic())
                if lose == "scheduler":
                    cluster.sync(cluster.scheduler.close)
                else:
                    cluster.scale(0)

        runner = dask_runner(cluster, corpus, 20 * 1024 * 1024, chunk=1)
        with pytest.raises(ClusterError) as info:
            Indexer(corpus, index, geoparser=world, runner=runner, batch_size=1).run(
                progress=progress)
        took = time.monotonic() - lost_at[0]
    return str(info.value), took, committed[-1], corpus


def _intact(index: Path, articles: int) -> None:
    with IndexDB(index) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.stats()["articles"] == articles


def test_scheduler_lost_mid_run(tmp_path: Path, world: Geoparser) -> None:
    message, took, committed, corpus = _lose_mid_run(tmp_path, world, "scheduler")
    assert "its scheduler went away" in message and "\n" not in message
    assert "run again to finish" in message
    assert took < 30
    _intact(tmp_path / "i.sqlite", committed)
    assert Indexer(corpus, tmp_path / "i.sqlite", geoparser=world).run().new == 40 - committed


def test_every_worker_lost_mid_run(tmp_path: Path, world: Geoparser,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import explorer.cluster

    monkeypatch.setattr(explorer.cluster, "NO_WORKER_S", 3.0)
    message, took, committed, _ = _lose_mid_run(tmp_path, world, "workers")
    assert "has had no worker for 3 s" in message and "\n" not in message
    assert took < 30
    _intact(tmp_path / "i.sqlite", committed)
