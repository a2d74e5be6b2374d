"""Extraction on a local Dask cluster gives exactly the single-process results, in order."""

from __future__ import annotations

import pytest

from gazetteer.store import Gazetteer
from geomap.batch import iter_extract
from geomap.models import Article

distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] is not installed (optional extra geomap[dask])"
)

# Our own short texts.
TEXTS = [
    "The convoy left Lviv at dawn and reached Krakow by nightfall.",
    "Farmers in Punjab protested outside Delhi for a second week.",
    "A ferry links Helsinki and Tallinn several times a day.",
    "No place is named in this sentence.",
    "Quito and Guayaquil both reported heavy rain on Sunday.",
]


@pytest.mark.slow
def test_dask_matches_single_process(gazetteer: Gazetteer) -> None:
    from geomap.distributed import extract_with_dask

    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(TEXTS)]
    expected = list(iter_extract(articles, 1, gazetteer=gazetteer))
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=50,
    )
    try:
        with distributed.Client(cluster) as client:
            # batch_size=2 spreads the articles over several tasks and both workers
            results = extract_with_dask(
                articles,
                client,
                batch_size=2,
                cache_dir=gazetteer.directory.parent,
            )
    finally:
        cluster.close()
    assert results == expected
    assert [r.id for r in results] == [a.id for a in articles]
    assert any(r.toponyms for r in results)


def test_empty_input_needs_no_cluster() -> None:
    from geomap.distributed import extract_with_dask

    assert extract_with_dask([], client=None) == []
