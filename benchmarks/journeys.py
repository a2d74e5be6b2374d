"""Journey benchmark: the whole pipeline on tests/journeys/, routes scored against expectations.

Each journey is one article (`name.txt`) or several (`trip_1.txt`, `trip_2.txt`) sharing
`name.expected.json`: {"routes": [{"actor", "stops": [{"name", "lat", "lon", "status",
"optional"?}]}], "mentioned_only": [names]}.

Measures, per journey and in total:
  P, R      ordered stop precision and recall: predicted stops aligned to expected stops in
            order (longest common subsequence; a pair matches by name or within 50 km).
            Optional expected stops are neither required nor counted against precision.
  tau       Kendall tau of the order of matched stops (matching ignoring order).
  status    share of matched stops with the expected status.
  mentioned share of `mentioned_only` places that wrongly appear as a stop.
Targets: P >= 0.8, R >= 0.8, tau >= 0.9, mentioned < 10%.

    python benchmarks/journeys.py [--dir tests/journeys] [--verbose] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.models import Article, MapResult, Route, Stop  # noqa: E402

MATCH_KM = 50.0
TARGETS = {"P": 0.8, "R": 0.8, "tau": 0.9, "mentioned": 0.10}


@dataclass
class ExpectedStop:
    name: str
    lat: float
    lon: float
    status: str
    optional: bool = False


@dataclass
class ExpectedRoute:
    actor: str
    stops: list[ExpectedStop]


@dataclass
class Journey:
    name: str
    files: list[Path]
    routes: list[ExpectedRoute]
    mentioned_only: list[str]


@dataclass
class Score:
    name: str
    predicted: int = 0  # predicted stops counted for precision
    expected: int = 0  # required expected stops
    matched_required: int = 0  # required expected stops found in order
    matched_predicted: int = 0  # predicted stops aligned to any expected stop (incl. optional)
    tau_pairs: list[tuple[int, int]] = field(default_factory=list)
    status_ok: int = 0
    status_n: int = 0
    mentioned: int = 0
    mentioned_wrong: list[str] = field(default_factory=list)
    paired_by_stops: int = 0  # routes paired with an expected traveller by stops, not name
    earlier_routes: int = 0  # routes of earlier trips nobody expected, left out of the scores
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_required / self.expected if self.expected else 1.0

    @property
    def tau(self) -> float:
        return kendall_tau(self.tau_pairs)


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a place or actor name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def kendall_tau(pairs: list[tuple[int, int]]) -> float:
    """Kendall tau-a between two rankings given as (expected_rank, predicted_rank) pairs."""
    n = len(pairs)
    if n < 2:
        return 1.0
    concordant = discordant = 0
    for i in range(n):
        for j in range(i + 1, n):
            a = (pairs[i][0] - pairs[j][0]) * (pairs[i][1] - pairs[j][1])
            if a > 0:
                concordant += 1
            elif a < 0:
                discordant += 1
    return (concordant - discordant) / (n * (n - 1) / 2)


def stop_matches(pred: Stop, exp: ExpectedStop) -> bool:
    if fold(pred.name) == fold(exp.name):
        return True
    return great_circle((pred.lat, pred.lon), (exp.lat, exp.lon)).km <= MATCH_KM


def align(pred: list[Stop], exp: list[ExpectedStop]) -> list[tuple[int, int]]:
    """Longest common subsequence of predicted and expected stops; required stops weigh more
    than optional ones so that an optional stop never displaces a required one."""
    n, m = len(pred), len(exp)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if stop_matches(pred[i], exp[j]):
                gain = 0.5 if exp[j].optional else 1.0
                if fold(pred[i].name) == fold(exp[j].name):
                    gain += 0.01
                options.append(best[i + 1][j + 1] + gain)
            best[i][j] = max(options)
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if stop_matches(pred[i], exp[j]):
            gain = (0.5 if exp[j].optional else 1.0) + (
                0.01 if fold(pred[i].name) == fold(exp[j].name) else 0.0
            )
            if abs(best[i][j] - (best[i + 1][j + 1] + gain)) < 1e-9:
                pairs.append((i, j))
                i += 1
                j += 1
                continue
        if best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def unordered_matches(pred: list[Stop], exp: list[ExpectedStop]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching ignoring order (names first, then nearest), for tau."""
    candidates: list[tuple[float, int, int]] = []
    for i, p in enumerate(pred):
        for j, e in enumerate(exp):
            if stop_matches(p, e):
                km = great_circle((p.lat, p.lon), (e.lat, e.lon)).km
                rank = -1.0 if fold(p.name) == fold(e.name) else km
                candidates.append((rank, i, j))
    used_p: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i in used_p or j in used_e:
            continue
        used_p.add(i)
        used_e.add(j)
        pairs.append((j, i))
    return sorted(pairs)


def _stem(word: str) -> str:
    """ "Indonesia's" and "Indonesian" alike: the first six letters of a longer word."""
    return word[:6] if len(word) > 6 else word


def actor_matches(pred: str, expected: str) -> bool:
    a = {_stem(w) for w in fold(pred).split()}
    b = {_stem(w) for w in fold(expected).split()}
    titles = {"king", "queen", "pope", "president", "the", "mr", "typhoon", "hurricane", "ship",
              "iii", "ii"}  # fmt: skip
    if not (a - titles) or not (b - titles):
        # An unnamed traveller is known by a description: "the president" is "the Indonesian
        # president", but not "the trade minister".
        return bool((a & b) - {"the"})
    a, b = a - titles, b - titles
    return bool(a & b)


def load_journeys(directory: Path) -> list[Journey]:
    journeys = []
    for expected_path in sorted(directory.glob("*.expected.json")):
        name = expected_path.name[: -len(".expected.json")]
        files = sorted(directory.glob(f"{name}_[0-9]*.txt")) or [directory / f"{name}.txt"]
        files = [f for f in files if f.exists()]
        if not files:
            continue
        data = json.loads(expected_path.read_text(encoding="utf-8"))
        routes = [
            ExpectedRoute(
                actor=r["actor"],
                stops=[
                    ExpectedStop(
                        s["name"], s["lat"], s["lon"], s["status"], bool(s.get("optional"))
                    )  # fmt: skip
                    for s in r["stops"]
                ],
            )
            for r in data["routes"]
        ]
        journeys.append(Journey(name, files, routes, list(data.get("mentioned_only", []))))
    return journeys


def read_articles(files: list[Path]) -> list[Article]:
    from geomap.ingest import read_inputs

    return read_inputs([str(f) for f in files])


def _aligned_weight(route: Route, expected: ExpectedRoute) -> float:
    """How well a route follows an expected one: its stops aligned in order (optional: half)."""
    return sum(
        0.5 if expected.stops[j].optional else 1.0 for _, j in align(route.stops, expected.stops)
    )


def _follows(route: Route, expected: ExpectedRoute) -> bool:
    """At least two stops, and half of the shorter of the two routes, aligned in order."""
    required = sum(1 for s in expected.stops if not s.optional)
    weight = _aligned_weight(route, expected)
    return weight >= 2 and weight >= min(len(route.stops), required) / 2


def pair_routes(
    expected_routes: list[ExpectedRoute], routes: list[Route]
) -> tuple[list[tuple[ExpectedRoute, Route | None]], list[Route], int]:
    """Each expected route's predicted route: by the traveller's name first, then by stops.

    Names differ for the same traveller ("Vuelta" for "the peloton", a yacht's skipper for the
    yacht); a route that follows an expected one nobody named (at least two stops and half of the
    shorter route aligned in order) is that traveller's. Returns the pairs, the routes left
    over and how many pairs were made by stops."""
    remaining = list(routes)
    chosen: dict[int, Route] = {}
    for index, exp_route in enumerate(expected_routes):
        candidates = [r for r in remaining if actor_matches(r.actor, exp_route.actor)]
        if candidates:
            best = max(candidates, key=lambda r: (_aligned_weight(r, exp_route), -len(r.stops)))
            chosen[index] = best
            remaining.remove(best)
    by_stops = 0
    for index, exp_route in enumerate(expected_routes):
        if index in chosen:
            continue
        candidates = [r for r in remaining if _follows(r, exp_route)]
        if candidates:
            best = max(candidates, key=lambda r: (_aligned_weight(r, exp_route), -len(r.stops)))
            chosen[index] = best
            remaining.remove(best)
            by_stops += 1
    pairs = [(exp_route, chosen.get(i)) for i, exp_route in enumerate(expected_routes)]
    return pairs, remaining, by_stops


def score_journey(journey: Journey, result: MapResult) -> Score:
    score = Score(journey.name)
    paired, remaining, score.paired_by_stops = pair_routes(journey.routes, list(result.routes))
    # Earlier trips the articles recall are routes of their own by design ("Kim's 2019 trip is
    # not part of his 2023 trip"): scored where the expectations list them, else left out.
    unexpected_earlier = [r for r in remaining if r.earlier]
    remaining = [r for r in remaining if not r.earlier]
    score.earlier_routes = len(unexpected_earlier)
    current = [r for r in result.routes if all(r is not e for e in unexpected_earlier)]
    for exp_route, best_route in paired:
        required = [s for s in exp_route.stops if not s.optional]
        score.expected += len(required)
        if best_route is None:
            score.notes.append(f"no route for {exp_route.actor}")
            continue
        if not actor_matches(best_route.actor, exp_route.actor):
            score.notes.append(f"{best_route.actor} paired with {exp_route.actor} by its stops")
        aligned = align(best_route.stops, exp_route.stops)
        matched_pred = {i for i, _ in aligned}
        optional_pred = {i for i, j in aligned if exp_route.stops[j].optional}
        score.predicted += len(best_route.stops) - len(optional_pred)
        score.matched_predicted += len(matched_pred) - len(optional_pred)
        score.matched_required += sum(1 for _, j in aligned if not exp_route.stops[j].optional)
        for i, j in aligned:
            score.status_n += 1
            score.status_ok += int(best_route.stops[i].status == exp_route.stops[j].status)
        offset = len(score.tau_pairs) * 1000
        score.tau_pairs.extend(
            (offset + e, offset + p) for e, p in unordered_matches(best_route.stops,
                                                                   exp_route.stops)
        )  # fmt: skip
    # Routes nobody expected: every stop is a false positive.
    for route in remaining:
        score.predicted += len(route.stops)
        score.notes.append(f"extra route {route.actor}: " + " > ".join(s.name for s in route.stops))
    stop_names = {fold(s.name) for r in current for s in r.stops}
    stop_ids = {s.place_id for r in current for s in r.stops}
    places_by_name = {fold(p.name): p for p in result.places}
    for name in journey.mentioned_only:
        score.mentioned += 1
        folded = fold(name)
        wrong = folded in stop_names
        if not wrong and folded in places_by_name:
            wrong = places_by_name[folded].id in stop_ids
        if wrong:
            score.mentioned_wrong.append(name)
    return score


def run_pipeline(articles: list[Article], gazetteer: Any) -> MapResult:
    from geomap.pipeline import run

    return run(articles, gazetteer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(ROOT / "tests" / "journeys"))
    parser.add_argument("--verbose", "-v", action="store_true", help="print routes")
    parser.add_argument("--json", help="write the scores as JSON here")
    parser.add_argument("--only", help="run journeys whose name contains this")
    args = parser.parse_args(argv)

    from gazetteer.store import Gazetteer

    gazetteer = Gazetteer.open()
    journeys = load_journeys(Path(args.dir))
    if args.only:
        journeys = [j for j in journeys if args.only in j.name]
    if not journeys:
        print(f"no journeys in {args.dir}", file=sys.stderr)
        return 2
    scores: list[Score] = []
    header = f"{'journey':28} {'files':>5} {'pred':>4} {'exp':>4} {'P':>5} {'R':>5} {'tau':>5} "
    header += f"{'status':>6} {'ment.':>6}"
    print(header)
    print("-" * len(header))
    for journey in journeys:
        result = run_pipeline(read_articles(journey.files), gazetteer)
        score = score_journey(journey, result)
        scores.append(score)
        status = score.status_ok / score.status_n if score.status_n else 1.0
        wrong = len(score.mentioned_wrong)
        print(
            f"{journey.name:28} {len(journey.files):>5} {score.predicted:>4} {score.expected:>4} "
            f"{score.precision:>5.2f} {score.recall:>5.2f} {score.tau:>5.2f} {status:>6.2f} "
            f"{wrong:>2}/{score.mentioned:<3}"
        )
        if args.verbose:
            for route in result.routes:
                stops = " > ".join(f"{s.name}[{s.status[0]}]" for s in route.stops)
                print(f"    {route.actor} ({route.trip_start}): {stops}")
            for exp in journey.routes:
                stops = " > ".join(f"{s.name}{'?' if s.optional else ''}[{s.status[0]}]"
                                   for s in exp.stops)  # fmt: skip
                print(f"    expected {exp.actor}: {stops}")
            for note in score.notes:
                print(f"    ! {note}")
            if score.mentioned_wrong:
                print(f"    ! mentioned-only shown as stops: {', '.join(score.mentioned_wrong)}")
    predicted = sum(s.predicted for s in scores)
    matched_p = sum(s.matched_predicted for s in scores)
    expected = sum(s.expected for s in scores)
    matched_r = sum(s.matched_required for s in scores)
    pairs_total = sum(len(s.tau_pairs) * (len(s.tau_pairs) - 1) // 2 for s in scores)
    tau = (
        sum(s.tau * len(s.tau_pairs) * (len(s.tau_pairs) - 1) / 2 for s in scores) / pairs_total
        if pairs_total
        else 1.0
    )
    status_n = sum(s.status_n for s in scores)
    status = sum(s.status_ok for s in scores) / status_n if status_n else 1.0
    mentioned = sum(s.mentioned for s in scores)
    wrong = sum(len(s.mentioned_wrong) for s in scores)
    totals = {
        "P": matched_p / predicted if predicted else 1.0,
        "R": matched_r / expected if expected else 1.0,
        "tau": tau,
        "status": status,
        "mentioned": wrong / mentioned if mentioned else 0.0,
    }
    print("-" * len(header))
    print(
        f"{'TOTAL (micro)':28} {sum(len(j.files) for j in journeys):>5} {predicted:>4} "
        f"{expected:>4} {totals['P']:>5.2f} {totals['R']:>5.2f} {totals['tau']:>5.2f} "
        f"{totals['status']:>6.2f} {wrong:>2}/{mentioned:<3}"
    )
    ok = (
        totals["P"] >= TARGETS["P"]
        and totals["R"] >= TARGETS["R"]
        and totals["tau"] >= TARGETS["tau"]
        and totals["mentioned"] < TARGETS["mentioned"]
    )
    by_stops = sum(s.paired_by_stops for s in scores)
    print(f"routes paired with their traveller by stops rather than by name: {by_stops}")
    earlier = sum(s.earlier_routes for s in scores)
    print(f"routes of earlier trips the articles recall, not expected (not scored): {earlier}")
    print(
        f"targets: P>={TARGETS['P']} R>={TARGETS['R']} tau>={TARGETS['tau']} "
        f"mentioned<{TARGETS['mentioned']:.0%}  ->  {'MET' if ok else 'NOT MET'}"
    )
    if args.json:
        per: dict[str, dict[str, Any]] = defaultdict(dict)
        for s in scores:
            per[s.name] = {
                "P": s.precision, "R": s.recall, "tau": s.tau,
                "mentioned_wrong": s.mentioned_wrong, "notes": s.notes,
            }  # fmt: skip
        Path(args.json).write_text(json.dumps({"totals": totals, "journeys": per}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
