"""Toponym extraction on a Dask cluster (optional extra: ``pip install geomap[dask]``).

The per-article work is the same function `geomap extract` runs (`geomap.batch.extract_one`).
Each Dask worker process opens the gazetteer once, from its own cache directory (built there on
first use), and keeps it for every later task; articles travel in small batches so that Dask's
per-task overhead stays small next to the work.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.models import Article, ExtractedArticle

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer

DEFAULT_BATCH_SIZE = 16

_gazetteers: dict[str | None, Gazetteer] = {}
_gazetteers_lock = threading.Lock()


def worker_gazetteer(cache_dir: str | None = None) -> Gazetteer:
    """The gazetteer of this worker process, opened on first use and then reused."""
    with _gazetteers_lock:  # a worker may run several threads
        gazetteer = _gazetteers.get(cache_dir)
        if gazetteer is None:
            from gazetteer.store import Gazetteer

            gazetteer = Gazetteer.open(Path(cache_dir) if cache_dir else None)
            _gazetteers[cache_dir] = gazetteer
        return gazetteer


def extract_batch(articles: list[Article], cache_dir: str | None = None) -> list[ExtractedArticle]:
    """The Dask task: extract a batch of articles with the worker's gazetteer."""
    from geomap.batch import extract_one

    gazetteer = worker_gazetteer(cache_dir)
    return [extract_one(article, gazetteer) for article in articles]


def extract_with_dask(
    articles: Sequence[Article],
    client: Any,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    cache_dir: str | Path | None = None,
) -> list[ExtractedArticle]:
    """Toponyms of every article, computed on the workers of ``client``, in input order.

    ``client`` is a `distributed.Client`. ``cache_dir`` is where workers find (or build) the
    gazetteer; by default each worker uses its own user cache directory.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    batches = [list(articles[i : i + batch_size]) for i in range(0, len(articles), batch_size)]
    if not batches:
        return []
    futures = client.map(
        extract_batch,
        batches,
        cache_dir=str(cache_dir) if cache_dir is not None else None,
        pure=False,  # name tasks without hashing every article's text
    )
    results: list[list[ExtractedArticle]] = client.gather(futures)
    return [result for batch in results for result in batch]


__all__ = ["extract_batch", "extract_with_dask", "worker_gazetteer"]
