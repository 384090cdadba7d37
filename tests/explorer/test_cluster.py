"""Geoparsing on a real Dask cluster (two worker processes) gives the local index."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.indexdb import IndexDB
from explorer.indexer import Indexer
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
