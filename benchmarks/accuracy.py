"""Accuracy of geomap on public gold geoparsing corpora, scored by ../shared/benchmarks/score.py.

    python benchmarks/accuracy.py [--wiktor] [--jobs N] [--corpus NAME ...] [--keep DIR]
    python benchmarks/accuracy.py --errors GWN [--top 30]

Each corpus goes through `geomap extract --input-jsonl GOLD -o PRED` (a fresh process, as users
run it), then `score.py GOLD PRED`; the table shows the scorer's one-line JSON summary:
recognition with overlap matching, acc@161 km over recognised toponyms, median error, AUC (lower
is better), end-to-end acc@161 and the extraction speed (start-up included).

`--errors CORPUS` lists what went wrong on one corpus, for improving recognition and
resolution: the gold names most often missed, the most frequent false places, and wrong
resolutions (error > 161 km) grouped by the kind of place chosen. The texts stay where they
are: nothing from the corpora is copied into the project.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO.parent / "shared" / "benchmarks"
CORPORA = ("GWN", "TR-News", "LGL", "GeoVirus")
SLOW_CORPORA = ("WikToR",)
ACC_KM = 161.0
NOTES = {"WikToR": "recognition precision meaningless (only one name annotated per article)"}


@dataclass
class Result:
    corpus: str
    summary: dict[str, Any] | None
    articles_per_second: float
    error: str = ""


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def extract(gold: Path, prediction: Path, jobs: int) -> tuple[float, str]:
    """Run `geomap extract` on a gold file; (articles per second, error message or "")."""
    command = [
        sys.executable,
        "-m",
        "geomap.cli",
        "--quiet",
        "extract",
        "--input-jsonl",
        str(gold),
        "-o",
        str(prediction),
        "--jobs",
        str(jobs),
    ]
    started = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, env=subprocess_env())
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        return 0.0, f"geomap extract failed: {last_line(run.stderr) or run.returncode}"
    return count_lines(gold) / seconds, ""


def score(gold: Path, prediction: Path, scorer: Path) -> tuple[dict[str, Any] | None, str]:
    run = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(prediction)], capture_output=True, text=True
    )
    if run.returncode != 0:
        return None, f"score.py failed: {last_line(run.stderr) or run.returncode}"
    try:
        return json.loads(last_line(run.stdout)), ""
    except json.JSONDecodeError:
        return None, "score.py printed no JSON summary"


def evaluate(corpus: str, directory: Path, workdir: Path, jobs: int) -> Result:
    gold = directory / f"{corpus}.jsonl"
    if not gold.exists():
        return Result(corpus, None, 0.0, f"{gold} is absent: skipped")
    prediction = workdir / f"{corpus}.pred.jsonl"
    print(f"{corpus}: extracting...", file=sys.stderr)
    speed, error = extract(gold, prediction, jobs)
    if error:
        return Result(corpus, None, 0.0, error)
    summary, error = score(gold, prediction, directory / "score.py")
    return Result(corpus, summary, speed, error)


def fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and digits == 0:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}".lstrip("0") if isinstance(value, float) else str(value)


def print_table(results: Sequence[Result], jobs: int) -> None:
    header = [
        "corpus",
        "P (ovl)",
        "R (ovl)",
        "F1 (ovl)",
        "acc@161 recog.",
        "median km",
        "AUC",
        "e2e acc@161",
        "articles/s",
    ]
    lines = [header]
    for r in results:
        s = r.summary
        if s is None:
            lines.append([r.corpus, r.error] + [""] * (len(header) - 2))
            continue
        lines.append(
            [
                r.corpus,
                fmt(s["overlap_p"]),
                fmt(s["overlap_r"]),
                fmt(s["overlap_f1"]),
                f"{fmt(s['res_acc161'])} (n={s['res_n']:,})",
                fmt(s["res_median_km"], 0),
                fmt(s["res_auc"]),
                fmt(s["e2e_acc161"]),
                f"{r.articles_per_second:.0f}",
            ]
        )
    widths = [max(len(line[i]) for line in lines if len(line) > i) for i in range(len(header))]
    widths[1] = len(header[1])  # long error messages run over the other columns
    for number, line in enumerate(lines):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False)).rstrip()
        )
        if number == 0:
            print("  ".join("-" * width for width in widths))
    print(
        f"\noverlap matching; acc@161 over recognised gold toponyms with coordinates; AUC lower is "
        f"better; articles/s = whole `geomap extract --jobs {jobs}` run, start-up included"
    )
    for r in results:
        if r.corpus in NOTES and r.summary is not None:
            print(f"{r.corpus}: {NOTES[r.corpus]}")


# --------------------------------------------------------------------------------------------
# Error analysis


def load_scorer(path: Path) -> ModuleType:
    """score.py as a module, so the analysis pairs spans exactly as the scorer does."""
    spec = importlib.util.spec_from_file_location("geoparse_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return {record["id"]: record["toponyms"] for record in records}


def print_counter(title: str, counter: Counter[str], top: int) -> None:
    total = sum(counter.values())
    print(f"\n{title}: {total} in all, {len(counter)} distinct; top {top}")
    for name, count in counter.most_common(top):
        print(f"  {count:5d}  {name}")


def analyse_errors(corpus: str, directory: Path, workdir: Path, jobs: int, top: int) -> int:
    gold_path = directory / f"{corpus}.jsonl"
    if not gold_path.exists():
        print(f"{gold_path} is absent: nothing to analyse", file=sys.stderr)
        return 1
    prediction_path = workdir / f"{corpus}.pred.jsonl"
    if not prediction_path.exists():
        print(f"{corpus}: extracting...", file=sys.stderr)
        _speed, error = extract(gold_path, prediction_path, jobs)
        if error:
            print(error, file=sys.stderr)
            return 1
    scorer = load_scorer(directory / "score.py")
    gold, order = scorer.load_gold(str(gold_path))
    predictions = read_predictions(prediction_path)

    missed: Counter[str] = Counter()
    false_places: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    wrong: dict[str, Counter[str]] = defaultdict(Counter)
    wrong_by_kind: Counter[str] = Counter()
    for article_id in order:
        text = gold[article_id]["text"]
        golds = gold[article_id]["toponyms"]
        preds = predictions.get(article_id, [])
        pairs = scorer.match_overlap(golds, preds)
        paired_gold = set(pairs.values())
        for index, item in enumerate(golds):
            if index not in paired_gold:
                missed[text[item["start"] : item["end"]]] += 1
        for pred_index, pred in enumerate(preds):
            surface = text[pred["start"] : pred["end"]]
            if pred_index not in pairs:
                false_places[surface] += 1
                continue
            expected = golds[pairs[pred_index]]
            if expected["coords"] is None:
                continue
            if pred.get("lat") is None:
                unresolved[surface] += 1
                continue
            distance = scorer.haversine_km(expected["coords"], (pred["lat"], pred["lon"]))
            if distance <= ACC_KM:
                continue
            kind = pred.get("kind") or "?"
            gold_lat, gold_lon = expected["coords"]
            description = (
                f"{surface!r}: gold ({gold_lat:.2f}, {gold_lon:.2f}) -> "
                f"{pred.get('place_id') or '?'} ({pred['lat']:.2f}, {pred['lon']:.2f}), "
                f"{_round_km(distance)} km"
            )
            wrong[kind][description] += 1
            wrong_by_kind[kind] += 1

    print(f"error analysis of {corpus} (overlap pairing as in score.py)")
    print_counter("missed gold names", missed, top)
    print_counter("false places (no gold toponym overlaps them)", false_places, top)
    print_counter("recognised but unresolved (null coordinates)", unresolved, top)
    total_wrong = sum(wrong_by_kind.values())
    print(f"\nwrong resolutions (> {ACC_KM:.0f} km): {total_wrong}, by predicted kind")
    for kind, count in wrong_by_kind.most_common():
        print(f"  {kind}: {count}")
        for description, times in wrong[kind].most_common(max(3, top // 3)):
            print(f"    {times:4d}  {description}")
    return 0


def _round_km(distance: float) -> str:
    if distance < 1000:
        return f"{distance:.0f}"
    return f"{round(distance, -int(math.log10(distance)) + 1):,.0f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--wiktor", action="store_true", help="also WikToR (5,000 articles, slow)")
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for geomap extract")
    parser.add_argument("--errors", metavar="CORPUS", help="error analysis of one corpus")
    parser.add_argument("--top", type=int, default=30, help="rows per list in --errors")
    parser.add_argument(
        "--keep", type=Path, help="keep predictions in this directory (reused by --errors)"
    )
    parser.add_argument("--benchmarks-dir", type=Path, default=BENCHMARKS)
    args = parser.parse_args(argv)

    directory: Path = args.benchmarks_dir
    if not (directory / "score.py").exists():
        print(f"skipped: no benchmarks in {directory} (score.py is absent)", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="geomap-accuracy-") as temporary:
        workdir = args.keep or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.errors:
            return analyse_errors(args.errors, directory, workdir, args.jobs, args.top)
        corpora = args.corpus or list(CORPORA) + (list(SLOW_CORPORA) if args.wiktor else [])
        results = [evaluate(corpus, directory, workdir, args.jobs) for corpus in corpora]
    print()
    print_table(results, args.jobs)
    return 0 if all(r.summary is not None or "absent" in r.error for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
