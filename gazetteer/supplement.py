"""The hand-written supplement: what no package ships (seas, spaceports, English region names...).

Every `*.csv` under `gazetteer/supplement/` has the columns name,aliases,kind,lat,lon,country,note;
aliases are separated by '|'. A dotted alias ("Calif.", "N.H.", "W.Va.") is indexed as an
abbreviation, any other as an alias. A bad row fails the build naming its file and line.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from gazetteer.models import NameType, PlaceKind
from gazetteer.names import slugify
from gazetteer.records import PlaceRecord

SUPPLEMENT_DIR = Path(__file__).parent / "supplement"
COLUMNS = ("name", "aliases", "kind", "lat", "lon", "country", "note")
# "Calif.", "Ga.", "N.H.", "W.Va.", "D.C.": short capitalised parts each ending in a period.
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,4}\.\s?)+$")


class SupplementError(ValueError):
    """A supplement file that cannot be used; the message names the file and line."""


class SupplementRow(BaseModel):
    """One hand-written place."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1)
    aliases: list[str] = []
    kind: PlaceKind
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str | None = None
    note: str = ""

    @field_validator("aliases", mode="before")
    @classmethod
    def _split_aliases(cls, value: object) -> object:
        if isinstance(value, str):
            return [a.strip() for a in value.split("|") if a.strip()]
        return value

    @field_validator("country", mode="before")
    @classmethod
    def _country_code(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().upper()
            if not value:
                return None
            if len(value) != 2 or not value.isalpha():
                raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {value!r}")
        return value


def supplement_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or SUPPLEMENT_DIR).glob("*.csv"))


def supplement_hash(directory: Path | None = None) -> str:
    """Changes whenever any supplement file is added, removed or edited."""
    digest = hashlib.sha256()
    for path in supplement_files(directory):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def read_supplement_file(path: Path) -> list[SupplementRow]:
    rows: list[SupplementRow] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = tuple((h or "").strip() for h in reader.fieldnames or ())
        if header[: len(COLUMNS)] != COLUMNS:
            raise SupplementError(
                f"{path}: line 1: expected columns {','.join(COLUMNS)}, got {','.join(header)}"
            )
        for raw in reader:
            line = reader.line_num
            if not any((v or "").strip() for k, v in raw.items() if k is not None):
                continue  # blank line
            if (raw.get("name") or "").lstrip().startswith("#"):
                continue  # comment row
            if None in raw:
                raise SupplementError(f"{path}: line {line}: too many fields")
            try:
                rows.append(SupplementRow.model_validate({k.strip(): v for k, v in raw.items()}))
            except ValidationError as exc:
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
                )
                raise SupplementError(f"{path}: line {line}: {problems}") from None
    return rows


def alias_type(alias: str) -> NameType:
    """A dotted abbreviation ("Calif.") is an abbreviation; any other alias is an alias."""
    return "abbreviation" if _DOTTED_ABBREVIATION.match(alias) else "alias"


def load_supplement(directory: Path | None = None) -> list[PlaceRecord]:
    """Every supplement row as a place; ids are "sup:<slug>", made unique within the supplement."""
    records: list[PlaceRecord] = []
    seen: set[str] = set()
    for path in supplement_files(directory):
        for row in read_supplement_file(path):
            slug = slugify(row.name) or "place"
            place_id = f"sup:{slug}"
            if place_id in seen:
                place_id = f"sup:{slug}-{(row.country or 'xx').lower()}"
                n = 2
                while place_id in seen:
                    place_id = f"sup:{slug}-{n}"
                    n += 1
            seen.add(place_id)
            rec = PlaceRecord(
                id=place_id,
                name=row.name,
                kind=row.kind,
                lat=row.lat,
                lon=row.lon,
                country=row.country,
                source=f"supplement:{path.name}",
            )
            rec.add_name(row.name, "main")
            for alias in row.aliases:
                rec.add_name(alias, alias_type(alias))
            records.append(rec)
    return records
