"""The journey benchmark's pairing of predicted routes with expected travellers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from geomap.models import Route, Stop

ROOT = Path(__file__).resolve().parent.parent


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "journeys_bench", ROOT / "benchmarks" / "journeys.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["journeys_bench"] = module
    spec.loader.exec_module(module)
    return module


BENCH = load_benchmark()
PLACES = {
    "Lyon": (45.76, 4.84),
    "Turin": (45.07, 7.69),
    "Milan": (45.46, 9.19),
    "Oslo": (59.91, 10.75),
}


def route(actor: str, *names: str) -> Route:
    stops = [
        Stop(place_id=name, name=name, lat=PLACES[name][0], lon=PLACES[name][1], status="visited")
        for name in names
    ]
    return Route(actor=actor, stops=stops)


def expected(actor: str, *names: str) -> object:
    stops = [BENCH.ExpectedStop(n, PLACES[n][0], PLACES[n][1], "visited") for n in names]
    return BENCH.ExpectedRoute(actor, stops)


def test_a_route_under_another_name_is_paired_by_its_stops() -> None:
    pairs, left, by_stops = BENCH.pair_routes(
        [expected("the peloton", "Lyon", "Turin", "Milan")], [route("Tour race", "Lyon", "Turin")]
    )
    assert pairs[0][1].actor == "Tour race"
    assert left == [] and by_stops == 1


def test_names_pair_first_and_a_route_with_one_shared_stop_stays_apart() -> None:
    rider = route("Anna Berg", "Lyon", "Turin")
    stranger = route("Mr Holm", "Oslo", "Milan")
    pairs, left, by_stops = BENCH.pair_routes(
        [expected("Anna Berg", "Lyon", "Turin"), expected("the team", "Turin", "Milan", "Oslo")],
        [stranger, rider],
    )
    assert pairs[0][1] is rider
    assert pairs[1][1] is None
    assert left == [stranger] and by_stops == 0
