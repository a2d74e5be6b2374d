"""A place while the gazetteer is being built (lighter than pydantic for 250k rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer.models import NameType, PlaceKind

# Lower is better: how strongly a name belongs to its place. Also the code stored in the index.
NAME_TYPE_CODES: dict[NameType, int] = {
    "main": 0,
    "alias": 1,
    "abbreviation": 2,
    "demonym": 3,
    "alternate": 4,
}
NAME_TYPES_BY_CODE: dict[int, NameType] = {code: nt for nt, code in NAME_TYPE_CODES.items()}

# Lower is more important; used to order candidates of the same name.
KIND_IMPORTANCE: dict[str, int] = {
    "continent": 0,
    "country": 1,
    "admin1": 2,
    "capital": 3,
    "sea": 4,
    "region": 5,
    "spaceport": 6,
    "island": 7,
    "river": 8,
    "lake": 9,
    "mountain": 10,
    "city": 11,
    "admin2": 12,
    "airport": 13,
    "border_crossing": 14,
    "site": 15,
}


@dataclass(slots=True)
class PlaceRecord:
    """A place and all the names it should be found under."""

    id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country: str | None = None
    population: int = 0
    source: str = ""
    admin1_code: str | None = None  # GeoNames admin1 code within `country`, when known
    admin1: str | None = None  # name of the first-level region, filled once regions are known
    names: list[tuple[str, NameType]] = field(default_factory=list)

    def add_name(self, name: str | None, name_type: NameType) -> None:
        if name and name.strip():
            self.names.append((name.strip(), name_type))
