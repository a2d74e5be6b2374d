"""The `geomap` command: map, demo, extract, gazetteer build|info|search.

Every user-caused failure ends in one line on stderr and a documented exit code (see
geomap.errors); tracebacks only with --verbose.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geomap.errors import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    GazetteerError,
    GeomapError,
    InputError,
    NoPlacesError,
    OutputError,
)

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer
    from geomap.models import Article, ArticleAnalysis, MapResult

log = logging.getLogger("geomap")

DEFAULT_MAX_BYTES = 5_000_000
SAMPLES_DIR = Path(__file__).parent / "samples"


class _Parser(argparse.ArgumentParser):
    """argparse that exits with EXIT_USAGE and one line, as every other error does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"geomap: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from exc
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="geomap", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug messages, tracebacks")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add_input_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--published", type=_date, help="publication date for articles that state none"
        )
        sub.add_argument(
            "--max-bytes",
            type=_positive_int,
            default=DEFAULT_MAX_BYTES,
            help=f"largest input file accepted (default {DEFAULT_MAX_BYTES:,} bytes)",
        )

    def add_map_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--title", help="the map's title")
        sub.add_argument("--actor", help="keep only the routes of this traveller")
        sub.add_argument(
            "--tiles",
            choices=["osm", "none"],
            default="osm",
            help="web tiles under the offline country outlines; 'none' makes no network request",
        )
        sub.add_argument("--kml", action="store_true", help="also write NAME.kml")
        sub.add_argument("--png", action="store_true", help="also write NAME.png (Chromium)")
        sub.add_argument("--embed", action="store_true", help="print an <iframe> snippet")

    map_cmd = commands.add_parser("map", help="articles -> NAME.html, NAME.geojson, NAME.json")
    map_cmd.add_argument("inputs", nargs="+", help="files, directories, '-' for stdin, .jsonl")
    map_cmd.add_argument("-o", "--output", type=Path, default=Path("output/map.html"))
    add_input_options(map_cmd)
    add_map_options(map_cmd)

    demo = commands.add_parser("demo", help="map the bundled sample articles")
    demo.add_argument("-o", "--output", type=Path, default=Path("output/demo.html"))
    add_map_options(demo)

    extract = commands.add_parser("extract", help="toponyms as JSON lines (benchmark format)")
    extract.add_argument("inputs", nargs="*", help="article files")
    extract.add_argument("--input-jsonl", type=Path, help='lines of {"id", "text", ...}')
    extract.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    extract.add_argument("--jobs", type=_positive_int, default=1, help="worker processes")
    add_input_options(extract)

    commands.add_parser("schema", help="print the JSON Schema of NAME.json")

    gaz = commands.add_parser("gazetteer", help="build, describe or search the gazetteer")
    gaz_commands = gaz.add_subparsers(dest="gazetteer_command", required=True, parser_class=_Parser)
    build = gaz_commands.add_parser("build", help="(re)build the gazetteer cache")
    build.add_argument("--geonames-dump", type=Path, help="a GeoNames dump (allCountries.zip ...)")
    gaz_commands.add_parser("info", help="sources, counts, cache path, build time")
    search = gaz_commands.add_parser("search", help="ranked candidates for a name")
    search.add_argument("name")
    search.add_argument("--limit", type=_positive_int, default=10)
    return parser


def _setup_logging(quiet: bool, verbose: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("geomap: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def _progress(items: Sequence[Article], quiet: bool) -> Iterator[Article]:
    """Items with a progress bar on a terminal; silent in pipes and with --quiet."""
    if quiet or not sys.stderr.isatty() or len(items) < 5:
        yield from items
        return
    from rich.progress import track

    yield from track(items, description="reading articles", console=None, transient=True)


def _analyse(
    articles: Sequence[Article], gazetteer: Gazetteer, quiet: bool
) -> list[ArticleAnalysis]:
    from geomap.pipeline import analyse_article

    analyses = []
    for article in _progress(articles, quiet):
        analysis = analyse_article(article, gazetteer)
        if not any(r.place is not None for r in analysis.resolved):
            log.warning("warning: %s: no places found", article.path or article.id)
        analyses.append(analysis)
    return analyses


def _write_map(result: MapResult, output: Path, args: argparse.Namespace) -> list[Path]:
    """Write every requested file; returns their paths (the embed snippet goes to stdout)."""
    from geomap.outputs import check_writable, write_outputs
    from geomap.render import embed_snippet, render_geojson, render_html, render_kml, render_png

    html_path = output if output.suffix == ".html" else output.with_suffix(".html")
    stem = html_path.stem
    files: dict[str, str | bytes] = {
        f"{stem}.html": render_html(result, tiles=args.tiles),
        f"{stem}.geojson": render_geojson(result),
        f"{stem}.json": result.model_dump_json(indent=2) + "\n",
    }
    if args.kml:
        files[f"{stem}.kml"] = render_kml(result)
    check_writable(html_path)
    written = write_outputs(html_path.parent, files)
    if args.png:
        render_png(html_path, html_path.with_suffix(".png"))
        written.append(html_path.with_suffix(".png"))
    if args.embed:
        print(embed_snippet(html_path))
    return written


def _summary(result: MapResult, written: Sequence[Path], seconds: float) -> str:
    lines = [
        f"{len(result.articles)} article(s) read, {len(result.places)} place(s) found, "
        f"{len(result.routes)} route(s) in {seconds:.2f} s",
    ]
    for route in result.routes:
        dates = ""
        if route.trip_start:
            dates = f" ({route.trip_start}" + (
                f" to {route.trip_end})"
                if route.trip_end and route.trip_end != route.trip_start
                else ")"
            )
        stops = " -> ".join(
            stop.name + ("" if stop.status == "visited" else f" [{stop.status}]")
            for stop in route.stops
        )
        lines.append(f"  {route.actor}{dates}: {stops}")
    lines.append("wrote " + ", ".join(str(path) for path in written))
    return "\n".join(lines)


def _make_map(articles: Sequence[Article], args: argparse.Namespace) -> int:
    from geomap.batch import tune_gc_for_batch
    from geomap.outputs import check_writable
    from geomap.pipeline import combine, open_gazetteer

    output: Path = args.output
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the output directory {output.parent}: {exc.strerror}"
        ) from exc
    check_writable(output)
    started = time.perf_counter()
    gazetteer = open_gazetteer()
    tune_gc_for_batch()
    analyses = _analyse(articles, gazetteer, args.quiet)
    if not any(r.place is not None for a in analyses for r in a.resolved):
        raise NoPlacesError("no article yielded a place: no map written")
    result = combine(analyses, title=args.title, actor=args.actor)
    written = _write_map(result, output, args)
    if not args.quiet:
        print(_summary(result, written, time.perf_counter() - started))
    return EXIT_OK


def cmd_map(args: argparse.Namespace) -> int:
    from geomap.ingest import read_inputs

    articles = read_inputs(args.inputs, published=args.published, max_bytes=args.max_bytes)
    return _make_map(articles, args)


def cmd_demo(args: argparse.Namespace) -> int:
    from geomap.ingest import read_inputs

    samples = sorted(str(p) for p in SAMPLES_DIR.glob("*.txt"))
    if not samples:
        raise InputError(f"no sample articles in {SAMPLES_DIR}")
    articles = read_inputs(samples, published=None, max_bytes=DEFAULT_MAX_BYTES)
    return _make_map(articles, args)


def cmd_extract(args: argparse.Namespace) -> int:
    from geomap.batch import extract_to

    inputs = list(args.inputs)
    jsonl_inputs = [str(args.input_jsonl)] if args.input_jsonl is not None else []
    if not inputs and not jsonl_inputs:
        raise InputError("nothing to extract: give article files or --input-jsonl FILE")
    return extract_to(
        inputs,
        jsonl_inputs=jsonl_inputs,
        output=args.output,
        jobs=args.jobs,
        published=args.published,
        max_bytes=args.max_bytes,
        quiet=args.quiet,
    )


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from gazetteer.cli_support import format_info, format_search
    from gazetteer.store import build
    from geomap.pipeline import open_gazetteer

    command = args.gazetteer_command
    try:
        if command == "build":
            dump: Path | None = args.geonames_dump
            if dump is not None and not dump.is_file():
                raise InputError(f"{dump}: no such GeoNames dump file")
            print(format_info(build(geonames_dump=dump)))
        elif command == "info":
            print(format_info(open_gazetteer().info()))
        else:
            print(format_search(open_gazetteer().search(args.name, limit=args.limit)))
    except (GeomapError, BrokenPipeError):
        raise
    except (OSError, ValueError, RuntimeError) as exc:
        raise GazetteerError(f"gazetteer {command} failed: {exc}") from exc
    return EXIT_OK


def result_schema() -> str:
    """JSON Schema of the map's JSON output, generated from the pydantic models."""
    import json

    from geomap.models import MapResult

    return json.dumps(MapResult.model_json_schema(), indent=2, sort_keys=True) + "\n"


def cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(result_schema())
    return EXIT_OK


COMMANDS = {
    "schema": cmd_schema,
    "map": cmd_map,
    "demo": cmd_demo,
    "extract": cmd_extract,
    "gazetteer": cmd_gazetteer,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.quiet, args.verbose)
    try:
        return COMMANDS[args.command](args)
    except GeomapError as exc:
        print(f"geomap: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("geomap: interrupted; no output was replaced", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, without Python's shutdown warning.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # last resort: one line, the traceback only when asked
        if args.verbose:
            log.exception("internal error")
        print(
            f"geomap: internal error: {type(exc).__name__}: {exc} (rerun with --verbose)",
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
