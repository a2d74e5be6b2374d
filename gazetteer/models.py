"""The gazetteer's own data model: a place and a looked-up candidate. Knows nothing of articles."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PlaceKind = Literal[
    "country",
    "admin1",  # first-level region: state, province, oblast, krai
    "admin2",
    "city",  # populated place (GeoNames P class)
    "capital",  # national capital (a city with that role)
    "airport",
    "spaceport",
    "sea",  # seas, straits, gulfs, bays, oceans
    "river",
    "lake",
    "region",  # peninsulas, historical and geographic regions (Donbas, Kashmir)
    "island",
    "mountain",
    "border_crossing",
    "site",  # political, military, nuclear sites; landmarks; universities
    "continent",
]


NameType = Literal[
    "main",  # the place's own name in GeoNames / the supplement
    "alias",  # a curated English alias (supplement, country alt spellings, "X Oblast")
    "alternate",  # a GeoNames alternate name (often another language)
    "abbreviation",  # "U.S.", "UK", "DPRK", IATA code only where curated
    "demonym",  # "Russian" -> Russia; a place reference only as a modifier
]


class Place(BaseModel):
    """One place of the gazetteer.

    `id` is stable across builds ("gn:2013348", "sup:vostochny-cosmodrome").
    """

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: PlaceKind
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str | None = None  # ISO 3166-1 alpha-2, None for seas and international features
    country_name: str | None = None
    admin1: str | None = None  # name of the first-level region, when known
    population: int = 0
    source: str = ""  # "geonames", "countryinfo", "airportsdata", "supplement:<file>", ...


class Candidate(BaseModel):
    """A place that a name may refer to, with how the name matched."""

    model_config = ConfigDict(frozen=True)

    place: Place
    matched_name: str  # the gazetteer's name form that matched
    name_type: NameType  # how that name belongs to the place
