"""The hand-written gazetteer supplement: every CSV is well formed and a few known facts hold."""

from __future__ import annotations

import csv
import typing
from collections import Counter
from pathlib import Path

import pycountry
import pytest
from geopy.distance import geodesic

from gazetteer.models import PlaceKind

SUPPLEMENT = Path(__file__).resolve().parent.parent / "gazetteer" / "supplement"
HEADER = ["name", "aliases", "kind", "lat", "lon", "country", "note"]
KINDS = set(typing.get_args(PlaceKind))
EXPECTED_FILES = {
    "seas.csv": 60,
    "rivers.csv": 50,
    "regions.csv": 60,
    "admin_regions.csv": 80,
    "spaceports.csv": 25,
    "border_crossings.csv": 40,
    "sites.csv": 80,
    "mountains_lakes.csv": 30,
}
# Country codes pycountry may lack but news needs (Kosovo's user-assigned code).
EXTRA_COUNTRY_CODES = {"XK"}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = []
        for line, values in enumerate(reader, start=2):
            assert len(values) == len(header), f"{path.name}:{line}: {len(values)} fields"
            rows.append({**dict(zip(header, values, strict=True)), "_where": f"{path.name}:{line}"})
    return header, rows


def _all_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(SUPPLEMENT.glob("*.csv")):
        rows.extend(_read(path)[1])
    return rows


def _find(name: str, kind: str) -> dict[str, str]:
    matches = [r for r in _all_rows() if r["name"] == name and r["kind"] == kind]
    assert len(matches) == 1, f"{name} ({kind}): {len(matches)} rows"
    return matches[0]


def _km(row: dict[str, str], lat: float, lon: float) -> float:
    return float(geodesic((float(row["lat"]), float(row["lon"])), (lat, lon)).km)


@pytest.mark.parametrize("filename", sorted(EXPECTED_FILES))
def test_file_has_exact_header_and_enough_rows(filename: str) -> None:
    header, rows = _read(SUPPLEMENT / filename)
    assert header == HEADER
    assert len(rows) >= EXPECTED_FILES[filename]


def test_every_row_is_valid() -> None:
    problems = []
    for row in _all_rows():
        where = row["_where"]
        if not row["name"].strip():
            problems.append(f"{where}: empty name")
        if row["kind"] not in KINDS:
            problems.append(f"{where}: kind {row['kind']!r} not a PlaceKind")
        if not -90 <= float(row["lat"]) <= 90:
            problems.append(f"{where}: lat {row['lat']}")
        if not -180 <= float(row["lon"]) <= 180:
            problems.append(f"{where}: lon {row['lon']}")
        country = row["country"]
        if country and not (
            country in EXTRA_COUNTRY_CODES
            or (
                len(country) == 2
                and country.isupper()
                and pycountry.countries.get(alpha_2=country) is not None
            )
        ):
            problems.append(f"{where}: unknown country {country!r}")
        if not row["note"].strip():
            problems.append(f"{where}: no note")
        if any(not alias.strip() for alias in row["aliases"].split("|")) and row["aliases"]:
            problems.append(f"{where}: empty alias in {row['aliases']!r}")
    assert not problems, "\n".join(problems)


def test_no_duplicate_name_and_kind() -> None:
    counts = Counter((r["name"], r["kind"]) for r in _all_rows())
    duplicates = [key for key, n in counts.items() if n > 1]
    assert not duplicates


def test_at_least_400_rows_in_total() -> None:
    assert len(_all_rows()) >= 400


def test_vostochny_cosmodrome_is_in_amur_oblast() -> None:
    row = _find("Vostochny Cosmodrome", "spaceport")
    assert row["country"] == "RU"
    assert _km(row, 51.88, 128.33) < 25
    assert "Vostochny spaceport" in row["aliases"].split("|")


def test_khasan_is_the_border_station_with_north_korea() -> None:
    row = _find("Khasan", "border_crossing")
    assert row["country"] == "RU"
    assert _km(row, 42.43, 130.64) < 10


def test_baikonur_is_in_kazakhstan() -> None:
    row = _find("Baikonur Cosmodrome", "spaceport")
    assert row["country"] == "KZ"
    assert _km(row, 45.96, 63.31) < 25


def test_primorsky_krai_has_its_news_names() -> None:
    row = _find("Primorsky Krai", "admin1")
    assert {"Primorye", "Primorsky region"} <= set(row["aliases"].split("|"))
    assert row["country"] == "RU"


def test_southern_hemisphere_and_western_places_have_the_right_signs() -> None:
    # A dropped minus sign moves a place to another continent.
    assert float(_find("Falkland Islands", "island")["lat"]) < 0
    assert float(_find("Falkland Islands", "island")["lon"]) < 0
    assert float(_find("Kennedy Space Center", "spaceport")["lon"]) < 0
    assert float(_find("Rocket Lab Launch Complex 1", "spaceport")["lat"]) < 0
    assert float(_find("Pine Gap", "site")["lat"]) < 0


def test_every_continent_is_covered_by_each_file() -> None:
    """Each file reaches beyond one part of the world (rough continent boxes by coordinates)."""

    def continent(lat: float, lon: float) -> str:
        if lat < -60:
            return "antarctica"
        if lon < -25:
            return "north_america" if lat > 12 else "south_america"
        if lon > 110 and lat < 0:
            return "oceania"
        if lon > 150:
            return "oceania" if lat < 30 else "asia"
        if lat < 37 and lon < 52 and not (lon > 32 and lat > 12):
            return "africa"
        if lon < 40 and lat > 35:
            return "europe"
        return "asia"

    for filename in EXPECTED_FILES:
        _, rows = _read(SUPPLEMENT / filename)
        seen = {continent(float(r["lat"]), float(r["lon"])) for r in rows}
        # Antarctica has no border crossings, spaceports or admin regions.
        missing = {"europe", "asia", "africa", "north_america", "south_america"} - seen
        assert not missing, f"{filename} misses {missing}"
