"""Small hand-written tables under `gazetteer/data/` that adjust places the packages ship.

country_points.csv  iso2,lat,lon,note      the reference point of each country, as GeoNames
                                            places it (news gold follows GeoNames); countryinfo's
                                            coarse centre is the fallback.
demonyms.csv        name,demonyms,note      adjectives and people of continents and regions
                                            ("European" -> Europe), '|'-separated, added as
                                            demonym names of the places with that main name.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from pathlib import Path

from gazetteer.records import PlaceRecord

DATA_DIR = Path(__file__).parent / "data"
COUNTRY_POINTS_FILE = "country_points.csv"
DEMONYMS_FILE = "demonyms.csv"
# Kinds a demonym of the table may attach to: never a town that shares a region's name.
DEMONYM_KINDS = frozenset({"continent", "region", "admin1", "island", "country"})


class DataTableError(ValueError):
    """A data table that cannot be used; the message names the file and line."""


def data_hash(directory: Path | None = None) -> str:
    """Changes whenever a data table is added, removed or edited (part of the build key)."""
    digest = hashlib.sha256()
    for path in sorted((directory or DATA_DIR).glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _rows(path: Path, columns: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise DataTableError(f"{path}: line 1: expected columns {','.join(columns)}")
        for row in reader:
            if None in row:
                raise DataTableError(f"{path}: line {reader.line_num}: too many fields")
            yield reader.line_num, row


def load_country_points(directory: Path | None = None) -> dict[str, tuple[float, float]]:
    """iso2 -> (lat, lon) of the country's reference point."""
    path = (directory or DATA_DIR) / COUNTRY_POINTS_FILE
    points: dict[str, tuple[float, float]] = {}
    for line, row in _rows(path, ("iso2", "lat", "lon", "note")):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise DataTableError(f"{path}: line {line}: lat/lon must be numbers") from None
        iso2 = row["iso2"].strip().upper()
        if len(iso2) != 2 or not -90 <= lat <= 90 or not -180 <= lon <= 180:
            raise DataTableError(f"{path}: line {line}: bad row {row}")
        points[iso2] = (lat, lon)
    return points


def load_demonyms(directory: Path | None = None) -> dict[str, list[str]]:
    """Place main name -> its demonyms."""
    path = (directory or DATA_DIR) / DEMONYMS_FILE
    table: dict[str, list[str]] = {}
    for line, row in _rows(path, ("name", "demonyms", "note")):
        forms = [d.strip() for d in row["demonyms"].split("|") if d.strip()]
        if not row["name"].strip() or not forms:
            raise DataTableError(f"{path}: line {line}: a name and at least one demonym needed")
        table.setdefault(row["name"].strip(), []).extend(forms)
    return table


def apply_demonyms(records: Iterable[PlaceRecord], table: dict[str, list[str]]) -> int:
    """Add the table's demonyms to every place of a suitable kind with that main name;
    returns how many places got some."""
    touched = 0
    for rec in records:
        forms = table.get(rec.name)
        if forms and rec.kind in DEMONYM_KINDS:
            for form in forms:
                rec.add_name(form, "demonym")
            touched += 1
    return touched
