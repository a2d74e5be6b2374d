"""Speed and memory of geomap against its targets, as one table with a pass/fail column.

    python benchmarks/speed.py [--quick] [--skip-build] [--benchmarks-dir DIR]

Measures, on this machine:
  * extraction throughput on one core: `geomap.pipeline.analyse_article` (recognise, resolve,
    movements) over the texts of the GWN, TR-News and LGL gold corpora (../shared/benchmarks);
  * steady and peak resident memory of that run;
  * cold start with a warm gazetteer cache: `geomap gazetteer search Vladivostok` and
    `geomap map ../shared/articles/*.txt --tiles none`, each a fresh process;
  * the first gazetteer build, into an empty temporary cache: wall time and peak memory;
  * `geomap extract --input-jsonl` with --jobs 1 and --jobs 2 (whole command, start-up included).

When `pip install .` has compiled geomap with mypyc from the same sources as this tree, the
installed build is measured (what users run); otherwise the source tree, in pure Python. The
table's first row says which.

Only the texts of the corpora are used (never their annotations), and nothing is copied into the
project: the extract runs read a temporary JSONL file that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPORA = ("GWN", "TR-News", "LGL")
QUICK_ARTICLES_PER_CORPUS = 40
COLD_START_RUNS = 3


def compiled_install() -> Path | None:
    """The installed geomap when `pip install .` compiled it with mypyc from these very sources
    (setup.py): the benchmark then measures what users run. Otherwise (not installed, pure
    Python, or built from other sources) None, and the source tree is measured."""
    spec = importlib.util.find_spec("geomap")  # sys.path[0] is benchmarks/: the installed one
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    root = package.parent
    if root == REPO or not list(package.glob("movements.*.so")):
        return None
    for name in ("geomap", "gazetteer"):
        for source in (REPO / name).glob("*.py"):
            installed = root / name / source.name
            if not installed.is_file() or installed.read_bytes() != source.read_bytes():
                return None
    return root


INSTALLED = compiled_install()
if INSTALLED is None:
    sys.path.insert(0, str(REPO))
BUILD_NOTE = (
    f"mypyc-compiled install ({INSTALLED}), same sources as the tree"
    if INSTALLED is not None
    else "pure Python from the source tree (pip install . compiles: see README)"
)


@dataclass
class Row:
    metric: str
    measured: float | None
    unit: str
    target: str = ""
    passed: bool | None = None  # None: no target, or not measured
    note: str = ""

    def cells(self) -> list[str]:
        if self.measured is None:
            value = "-"
        elif self.measured >= 100:
            value = f"{self.measured:,.0f}"
        else:
            value = f"{self.measured:.2f}"
        verdict = {True: "pass", False: "FAIL", None: ""}[self.passed]
        return [self.metric, f"{value} {self.unit}".strip(), self.target, verdict, self.note]


def at_least(metric: str, value: float, unit: str, target: float, note: str = "") -> Row:
    return Row(metric, value, unit, f">= {target:g} {unit}", value >= target, note)


def at_most(metric: str, value: float, unit: str, target: float, note: str = "") -> Row:
    return Row(metric, value, unit, f"<= {target:g} {unit}", value <= target, note)


def print_table(rows: Sequence[Row]) -> None:
    header = ["metric", "measured", "target", "result", "note"]
    lines = [header] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        print("  ".join(cells).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


# --------------------------------------------------------------------------------------------
# Corpora (texts only)


def load_texts(directory: Path, quick: bool) -> list[tuple[str, str]]:
    """(id, text) of each article of the corpora present; ids prefixed by corpus."""
    texts: list[tuple[str, str]] = []
    for corpus in CORPORA:
        path = directory / f"{corpus}.jsonl"
        if not path.exists():
            print(f"note: {path} is absent; skipping {corpus}", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        if quick:
            records = records[:QUICK_ARTICLES_PER_CORPUS]
        texts.extend((f"{corpus}-{record['id']}", record["text"]) for record in records)
    return texts


# --------------------------------------------------------------------------------------------
# Measurements


def current_rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; peak as a fallback elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def measure_throughput(texts: list[tuple[str, str]]) -> list[Row]:
    """analyse_article on every text in this process, after opening the gazetteer.

    Throughput counts CPU time (the target is per core): wall-clock time on a shared machine
    also counts whatever else runs."""
    from gazetteer.store import Gazetteer
    from geomap.batch import tune_gc_for_batch
    from geomap.models import Article
    from geomap.pipeline import analyse_article, extract_toponyms

    started = time.perf_counter()
    gazetteer = Gazetteer.open()
    open_seconds = time.perf_counter() - started
    tune_gc_for_batch()  # as `geomap extract` and `geomap map` do once the gazetteer is open
    articles = [Article(id=key, text=text) for key, text in texts]
    characters = sum(len(a.text) for a in articles)
    # Warm up on the project's own journey articles, not on the measured texts: word lists and
    # gazetteer pages load once per process (the cold-start rows time that), and a batch of
    # thousands of articles runs with them loaded.
    for path in sorted((REPO / "tests" / "journeys").glob("*.txt")):
        analyse_article(Article(id=path.stem, text=path.read_text(encoding="utf-8")), gazetteer)

    started = time.process_time()
    for article in articles:
        analyse_article(article, gazetteer)
    full = time.process_time() - started
    steady = current_rss_mb()

    started = time.process_time()
    for article in articles:
        extract_toponyms(article, gazetteer)
    toponyms_only = time.process_time() - started

    n = len(articles)
    mean_chars = characters / n
    return [
        at_least(
            "extraction, 1 core (analyse_article)",
            n / full,
            "articles/s",
            200,
            f"{n} articles, mean {mean_chars:,.0f} chars; {characters / full / 1000:,.0f} kchar/s"
            "; CPU time after a warm-up on tests/journeys; GC tuned as the CLI tunes it",
        ),
        Row(
            "  recognise + resolve only (2nd pass)",
            n / toponyms_only,
            "articles/s",
            note="extract_toponyms; caches warm from the first pass",
        ),
        Row("gazetteer open in process", open_seconds * 1000, "ms"),
        at_most("steady memory after extraction", steady, "MB", 300, "resident set size"),
        Row("peak memory of the extraction run", peak_rss_mb(), "MB", note="ru_maxrss"),
    ]


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    if INSTALLED is None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def geomap_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "geomap.cli", *args]


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    returncode: int
    stderr: str


def run_measured(command: Sequence[str], env: dict[str, str], cwd: Path) -> Measured:
    """Run a command; wall time and the peak memory of it and its children (wait4's rusage)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=cwd)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace").strip()
    peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    return Measured(seconds, peak, process.returncode, stderr)


def failed_row(metric: str, result: Measured) -> Row:
    last = result.stderr.splitlines()[-1] if result.stderr else f"exit {result.returncode}"
    return Row(metric, None, "", passed=False, note=f"failed: {last[:90]}")


def cold_start(
    metric: str, command: list[str], target: float, workdir: Path, runs: int = COLD_START_RUNS
) -> Row:
    """Median wall time of fresh processes, after one untimed run that warms the cache."""
    env = subprocess_env()
    warm = run_measured(command, env, workdir)
    if warm.returncode != 0:
        return failed_row(metric, warm)
    times = []
    for _ in range(runs):
        result = run_measured(command, env, workdir)
        if result.returncode != 0:
            return failed_row(metric, result)
        times.append(result.seconds)
    return at_most(metric, statistics.median(times), "s", target, f"median of {runs} runs")


def measure_cold_starts(workdir: Path) -> list[Row]:
    rows = [
        cold_start(
            "cold start: gazetteer search",
            geomap_command("gazetteer", "search", "Vladivostok"),
            1.0,
            workdir,
        )
    ]
    articles = sorted((SHARED / "articles").glob("*.txt"))
    if articles:
        command = geomap_command(
            "map", *map(str, articles), "-o", str(workdir / "x.html"), "--tiles", "none"
        )
        rows.append(
            cold_start(f"cold start: map of {len(articles)} articles", command, 2.0, workdir)
        )
    else:
        rows.append(Row("cold start: map", None, "", note="../shared/articles absent: skipped"))
    return rows


def measure_build(workdir: Path) -> list[Row]:
    """The first build, into an empty cache directory, in a fresh process."""
    cache = workdir / "cache"
    cache.mkdir()
    command = [sys.executable, "-c", "from gazetteer.store import build; build()"]
    result = run_measured(command, subprocess_env(GEOMAP_CACHE_DIR=str(cache)), workdir)
    if result.returncode != 0:
        return [failed_row("gazetteer build", result)]
    return [
        at_most("gazetteer build: time", result.seconds, "s", 30),
        at_most("gazetteer build: peak memory", result.peak_mb, "MB", 1024),
    ]


def measure_extract_jobs(texts: list[tuple[str, str]], workdir: Path) -> list[Row]:
    """`geomap extract --input-jsonl` as users run it, start-up and writing included."""
    source = workdir / "articles.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for key, text in texts:
            handle.write(json.dumps({"id": key, "text": text}) + "\n")
    rows = []
    outputs = []
    for jobs in (1, 2):
        output = workdir / f"extract-{jobs}.jsonl"
        command = geomap_command(
            "--quiet",
            "extract",
            "--input-jsonl",
            str(source),
            "-o",
            str(output),
            "--jobs",
            str(jobs),
        )
        result = run_measured(command, subprocess_env(), workdir)
        if result.returncode != 0:
            rows.append(failed_row(f"geomap extract --jobs {jobs}", result))
            continue
        outputs.append(output.read_bytes())
        rows.append(
            Row(
                f"geomap extract --jobs {jobs}",
                len(texts) / result.seconds,
                "articles/s",
                note=f"{result.seconds:.1f} s wall incl. start-up; "
                f"peak {result.peak_mb:.0f} MB (largest process)",
            )
        )
    if len(outputs) == 2:
        same = outputs[0] == outputs[1]
        rows.append(
            Row(
                "  --jobs 1 and 2 give the same bytes",
                None,
                "",
                "identical",
                same,
                "yes" if same else "outputs differ",
            )
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a subset of the articles")
    parser.add_argument("--skip-build", action="store_true", help="do not time a gazetteer build")
    parser.add_argument(
        "--benchmarks-dir", type=Path, default=SHARED / "benchmarks", help="the gold corpora"
    )
    args = parser.parse_args(argv)

    texts = load_texts(args.benchmarks_dir, args.quick)
    rows: list[Row] = [Row("build measured", None, "", note=BUILD_NOTE)]
    with tempfile.TemporaryDirectory(prefix="geomap-speed-") as temporary:
        workdir = Path(temporary)
        # Cold starts first: they also make sure the user cache holds an up-to-date gazetteer.
        print("timing cold starts...", file=sys.stderr)
        rows += measure_cold_starts(workdir)
        if texts:
            print(f"extracting {len(texts)} articles in this process...", file=sys.stderr)
            rows += measure_throughput(texts)
            print("running geomap extract --jobs 1 and 2...", file=sys.stderr)
            rows += measure_extract_jobs(texts, workdir)
        else:
            print(
                f"skipped: no corpus texts in {args.benchmarks_dir} "
                f"({', '.join(c + '.jsonl' for c in CORPORA)}); throughput not measured",
                file=sys.stderr,
            )
        if args.skip_build:
            rows.append(Row("gazetteer build", None, "", note="--skip-build"))
        else:
            print("building the gazetteer into an empty cache...", file=sys.stderr)
            rows += measure_build(workdir)
    print()
    print_table(rows)
    failed = [row for row in rows if row.passed is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
