"""The gazetteer built from the installed packages (one real build per test session)."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from gazetteer import Gazetteer, GazetteerInfo, build, normalize_name
from gazetteer.cli_support import format_info, format_search
from gazetteer.models import Candidate


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geopy.distance import great_circle

    return float(great_circle((lat1, lon1), (lat2, lon2)).km)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("geomap-cache")
    old = os.environ.get("GEOMAP_CACHE_DIR")
    os.environ["GEOMAP_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("GEOMAP_CACHE_DIR", None)
    else:
        os.environ["GEOMAP_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def built(cache_dir: Path) -> GazetteerInfo:
    return build(cache_dir)


@pytest.fixture(scope="session")
def gz(built: GazetteerInfo) -> Gazetteer:
    return Gazetteer.open()  # from GEOMAP_CACHE_DIR, already built


def _first(gz: Gazetteer, name: str) -> Candidate:
    cands = gz.lookup(name)
    assert cands, f"{name!r} not found"
    return cands[0]


@pytest.mark.slow
def test_build_info(built: GazetteerInfo, gz: Gazetteer) -> None:
    assert built.places > 200_000
    assert built.names > 1_000_000
    assert built.per_kind["country"] > 200
    assert built.per_kind["admin1"] > 1000
    assert built.per_kind["airport"] > 5000
    assert built.per_kind["capital"] > 150
    assert gz.info() == built
    text = format_info(built)
    assert "places:" in text and "GeoNames" in text


@pytest.mark.slow
def test_open_does_not_rebuild(built: GazetteerInfo, cache_dir: Path) -> None:
    again = Gazetteer.open(cache_dir, build_if_missing=False)
    assert again.info().built_at == built.built_at


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Pyongyang", "KP", 39.03, 125.75),
        ("Vladivostok", "RU", 43.11, 131.87),
        ("Ussuriysk", "RU", 43.80, 131.96),
        ("Ussurijsk", "RU", 43.80, 131.96),  # alternate spelling
        ("Sao Paulo", "BR", -23.55, -46.64),  # folded diacritics
        ("São Paulo", "BR", -23.55, -46.64),
    ],
)
def test_cities(gz: Gazetteer, name: str, country: str, lat: float, lon: float) -> None:
    best = _first(gz, name)
    assert best.place.country == country
    assert _km(best.place.lat, best.place.lon, lat, lon) < 25


@pytest.mark.slow
def test_capital_and_region_of_city(gz: Gazetteer) -> None:
    assert _first(gz, "Pyongyang").place.kind == "capital"
    assert _first(gz, "Vladivostok").place.kind == "city"
    assert _first(gz, "Ussuriysk").place.admin1 == "Primorsky Krai"


@pytest.mark.slow
def test_khasan_near_the_border(gz: Gazetteer) -> None:
    near = [
        c
        for c in gz.lookup("Khasan")
        if c.place.country == "RU" and _km(c.place.lat, c.place.lon, 42.43, 130.64) < 30
    ]
    if not near:
        pytest.skip("Khasan (Primorsky Krai) is not in cities500 and no supplement row adds it")
    assert near[0].name_type in ("main", "alias")


@pytest.mark.slow
def test_countries_and_demonyms(gz: Gazetteer) -> None:
    russia = _first(gz, "Russia")
    assert russia.place.id == "cc:RU" and russia.place.kind == "country"
    assert _first(gz, "North Korea").place.id == "cc:KP"
    assert _first(gz, "South Korea").place.id == "cc:KR"
    assert _first(gz, "DPRK").place.id == "cc:KP"
    assert _first(gz, "U.S.").place.id == "cc:US"
    demonym = _first(gz, "Russian")
    assert demonym.place.id == "cc:RU" and demonym.name_type == "demonym"
    assert _first(gz, "Russians").place.id == "cc:RU"
    assert gz.country("ru") == russia.place
    assert gz.get("cc:KP") is not None and gz.get("cc:KP").name == "North Korea"  # type: ignore[union-attr]
    assert _first(gz, "the Netherlands").place.id == "cc:NL"


@pytest.mark.slow
def test_continents(gz: Gazetteer) -> None:
    assert any(c.place.kind == "continent" for c in gz.lookup("Asia"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Amur Oblast", 53.0, 127.5), ("Primorsky Krai", 45.0, 134.0), ("Bavaria", 49.0, 11.5)],
)
def test_regions(gz: Gazetteer, name: str, lat: float, lon: float) -> None:
    region = next((c for c in gz.lookup(name) if c.place.kind == "admin1"), None)
    assert region is not None, f"no admin1 region {name!r}"
    assert _km(region.place.lat, region.place.lon, lat, lon) < 250


@pytest.mark.slow
def test_region_does_not_shadow_its_city(gz: Gazetteer) -> None:
    """A bare region name that is also a big city's name stays the city's."""
    assert _first(gz, "Irkutsk").place.kind == "city"
    assert any(c.place.kind == "admin1" for c in gz.lookup("Irkutsk Oblast"))


@pytest.mark.slow
def test_airports_named_not_coded(gz: Gazetteer) -> None:
    airport = _first(gz, "Vladivostok International Airport")
    assert airport.place.kind == "airport"
    assert any(c.place.kind == "airport" for c in gz.lookup("Vladivostok Airport"))
    assert not any(c.place.kind == "airport" for c in gz.lookup("VVO"))


@pytest.mark.slow
def test_lookup_order_and_dedupe(gz: Gazetteer) -> None:
    cands = gz.lookup("Washington")
    ids = [c.place.id for c in cands]
    assert len(ids) == len(set(ids))
    assert cands[0].place.kind in ("capital", "admin1")
    populations = [
        c.place.population for c in cands if c.place.kind == "city" and c.name_type == "main"
    ]
    assert populations == sorted(populations, reverse=True)


@pytest.mark.slow
def test_prefix_and_search(gz: Gazetteer) -> None:
    assert gz.has_prefix(normalize_name("Vladivo"))
    assert gz.has_prefix("north ko")
    assert not gz.has_prefix("zzzqqxx")
    assert gz.search("Vladivostk")[0].place.name == "Vladivostok"  # a typo
    assert gz.search("Ussuriys")[0].place.name == "Ussuriysk"  # a prefix
    assert gz.search("qqqzzzxxx") == []
    table = format_search(gz.search("Vladivostok"))
    assert "Vladivostok" in table and "Russia" in table
    assert format_search([]) == "no match"


@pytest.mark.slow
def test_names_of_and_get(gz: Gazetteer) -> None:
    names = dict(gz.names_of("cc:KP"))
    assert names["North Korea"] == "main"
    assert names["DPRK"] == "abbreviation"
    assert gz.get("gn:0") is None
    assert gz.lookup("") == [] and gz.lookup("   ") == []


@pytest.mark.slow
def test_gazetteer_pickles(gz: Gazetteer) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(gz))
    assert copy.lookup("Pyongyang")[0].place == gz.lookup("Pyongyang")[0].place


@pytest.mark.slow
def test_coordinates_are_sane(gz: Gazetteer) -> None:
    for name in ("Russia", "North Korea", "Amur Oblast", "Vladivostok"):
        place = _first(gz, name).place
        assert not math.isnan(place.lat) and -90 <= place.lat <= 90


@pytest.mark.slow
def test_countries_sit_at_their_geonames_points(gz: Gazetteer) -> None:
    us = gz.country("US")
    assert us is not None and _km(us.lat, us.lon, 39.76, -98.5) < 10
    canada = gz.country("CA")
    assert canada is not None and _km(canada.lat, canada.lon, 60.10867, -113.64258) < 10


@pytest.mark.slow
def test_state_abbreviations_resolve_to_states(gz: Gazetteer) -> None:
    calif = _first(gz, "Calif.")
    assert calif.place.kind == "admin1" and calif.place.country == "US"
    assert calif.place.name == "California" and calif.name_type == "abbreviation"
    assert _km(calif.place.lat, calif.place.lon, 37.25022, -119.75126) < 10
    texas = next(c for c in gz.lookup("Texas") if c.place.kind == "admin1")
    assert _km(texas.place.lat, texas.place.lon, 31.25044, -99.25061) < 10
    # Two-letter postal codes are words ("IN", "OR"): never indexed as states.
    assert not any(c.place.id == "a1:US.IN" for c in gz.lookup("IN"))


@pytest.mark.slow
def test_european_union_and_continent_demonyms(gz: Gazetteer) -> None:
    eu = _first(gz, "EU")
    assert eu.place.name == "European Union" and eu.place.kind == "region"
    european = gz.lookup("European")
    assert european and all(c.name_type == "demonym" for c in european)
    assert any(c.place.name == "Europe" and c.place.kind == "continent" for c in european)
    assert any(c.place.name == "Middle East" for c in gz.lookup("Middle Eastern"))
    assert _first(gz, "Pacific").place.name == "Pacific Ocean"


def test_capes_are_in_the_gazetteer(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = gazetteer.lookup("Cape of Good Hope")
    assert found and abs(found[0].place.lat + 34.36) < 0.2
