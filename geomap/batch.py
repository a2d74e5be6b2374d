"""`geomap extract`: toponyms of many articles as JSON lines, on one core or several.

Each article is independent (`geomap.pipeline.extract_toponyms` needs only the article and the
gazetteer), so the work is spread over worker processes that each open the gazetteer once: its
name index is memory-mapped, so the workers share its pages instead of each loading a copy.
Results come back and are written in input order, so the output does not depend on `--jobs`.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing.pool
import os
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from geomap.errors import EXIT_OK
from geomap.models import Article, ExtractedArticle
from geomap.pipeline import open_gazetteer

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer

# Most articles take a few milliseconds: send them to workers in chunks so that the cost of
# passing messages stays small, but keep chunks small enough for every worker to stay busy.
MAX_CHUNKSIZE = 32
CHUNKS_PER_WORKER = 8
PROGRESS_MIN_ARTICLES = 5

# Young objects allowed before a collection of the youngest generation (Python's default is 700),
# and collections of one generation before the next older one is collected (default 10 and 10).
BATCH_GC_THRESHOLDS = (10_000, 20, 20)

_worker_gazetteer: Gazetteer | None = None


def tune_gc_for_batch() -> None:
    """Collect garbage less often while analysing many articles, as batch Python usually does.

    An article allocates tens of thousands of short-lived objects and adds long-lived ones to
    the caches of names and phrases; with the default thresholds, collections that walk those
    caches took about 5% of the time. What is alive when this is called (modules, the open
    gazetteer) is frozen out of every later collection; forked workers then share its pages
    instead of writing to them."""
    gc.freeze()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)


def chunksize_for(count: int, jobs: int) -> int:
    """Articles per message to a worker: about CHUNKS_PER_WORKER chunks per worker."""
    return max(1, min(MAX_CHUNKSIZE, count // (jobs * CHUNKS_PER_WORKER)))


def _init_worker(directory: str) -> None:
    """Open the already-built gazetteer once per worker process (never a copy of the parent's
    SQLite connection, which must not cross a fork). Ctrl-C is the parent's to handle."""
    global _worker_gazetteer
    from gazetteer.store import Gazetteer

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_gazetteer = Gazetteer(Path(directory))
    tune_gc_for_batch()


def _extract_in_worker(article: Article) -> ExtractedArticle:
    assert _worker_gazetteer is not None, "worker started without _init_worker"
    return extract_one(article, _worker_gazetteer)


def extract_one(article: Article, gazetteer: Gazetteer) -> ExtractedArticle:
    """`extract_toponyms`, with the article named in the message if it fails."""
    from geomap.pipeline import extract_toponyms

    try:
        return extract_toponyms(article, gazetteer)
    except Exception as exc:
        raise RuntimeError(f"article {article.id!r}: {type(exc).__name__}: {exc}") from exc


def iter_extract(
    articles: Sequence[Article],
    jobs: int = 1,
    *,
    gazetteer: Gazetteer | None = None,
    chunksize: int | None = None,
) -> Iterator[ExtractedArticle]:
    """Toponyms of each article, yielded in input order as soon as they are ready.

    With ``jobs > 1`` the articles go to that many worker processes; the gazetteer (opened here
    once, so a first build happens once) is reopened by each worker from its directory. The
    workers start at once (before any progress-bar thread exists, as forking wants) and stop
    when the iterator is exhausted or closed.
    """
    if gazetteer is None:
        gazetteer = open_gazetteer()
    if jobs <= 1 or len(articles) <= 1:
        return (extract_one(article, gazetteer) for article in articles)

    workers = min(jobs, len(articles))
    size = chunksize or chunksize_for(len(articles), workers)
    pool = multiprocessing.get_context().Pool(
        workers, initializer=_init_worker, initargs=(str(gazetteer.directory),)
    )
    return _results_of(pool, articles, size)


def _results_of(
    pool: multiprocessing.pool.Pool, articles: Sequence[Article], chunksize: int
) -> Iterator[ExtractedArticle]:
    with pool:  # leaving the block terminates the workers, also on error or Ctrl-C
        yield from pool.imap(_extract_in_worker, articles, chunksize=chunksize)


def _with_progress(
    results: Iterator[ExtractedArticle], total: int, quiet: bool
) -> Iterator[ExtractedArticle]:
    """A progress bar on stderr when it is a terminal; silent in pipes and with --quiet."""
    if quiet or total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(
        results,
        total=total,
        description="extracting",
        console=Console(stderr=True),
        transient=True,
    )


def _json_lines(results: Iterable[ExtractedArticle]) -> Iterator[str]:
    for result in results:
        yield result.model_dump_json() + "\n"


def _write_stream(lines: Iterable[str], stream: TextIO) -> None:
    try:
        for line in lines:
            stream.write(line)
        stream.flush()
    except BrokenPipeError:
        # The reader has gone (`geomap extract ... | head`): send what is left to /dev/null so
        # that the interpreter's final flush does not fail again, and let the caller stop.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
        raise


def extract_to(
    inputs: list[str],
    *,
    output: Path | None,
    jobs: int,
    published: dt.date | None,
    max_bytes: int,
    quiet: bool,
    jsonl_inputs: Sequence[str] = (),
) -> int:
    """Read the inputs, write one JSON line per article to ``output`` (or stdout), in order.

    The output file is replaced atomically: it is written in full or not at all.
    ``jsonl_inputs`` are read as JSONL whatever their extension. Returns the exit code.
    """
    from geomap.ingest import read_inputs
    from geomap.outputs import check_writable, write_atomic

    if output is not None:
        check_writable(output)  # fail before reading or extracting anything
    articles = read_inputs(
        inputs, published=published, max_bytes=max_bytes, jsonl_paths=list(jsonl_inputs)
    )
    gazetteer = open_gazetteer()
    tune_gc_for_batch()
    results = _with_progress(
        iter_extract(articles, jobs, gazetteer=gazetteer), len(articles), quiet
    )
    if output is None:
        _write_stream(_json_lines(results), sys.stdout)
    else:
        write_atomic(output, _json_lines(results))
    return EXIT_OK


__all__ = [
    "chunksize_for",
    "extract_one",
    "extract_to",
    "iter_extract",
    "open_gazetteer",
    "tune_gc_for_batch",
]
