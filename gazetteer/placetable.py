"""The places needed for ranking look-ups, as one memory-mapped file of columns (places.bin).

Reading a candidate place from SQLite costs tens of microseconds; from these columns it costs
about one. Place rowids (as in places.sqlite and the name index) are 1-based: place `rowid` is
row `rowid - 1` of every column. Strings (ids, names, kinds, countries, regions, sources) are
stored once each in a string table and referenced by number; `NO_STRING` stands for None.

Layout (native byte order; every section starts on an 8-byte boundary):
    header      magic, number of places, number of strings
    float64     lat, lon                          one per place
    int64       population                        one per place
    uint32      id, name, kind, country, country_name, admin1, source (string numbers),
                first_name, name_count (the place's names in the name index)
    uint32      string starts (number of strings + 1), then the UTF-8 text of all strings
"""

from __future__ import annotations

import mmap
import struct
from array import array
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from pydantic import BaseModel

from gazetteer.models import Place

PLACE_TABLE_FILE = "places.bin"
MAGIC = b"GZP1"
HEADER = struct.Struct("=4sII")
NO_STRING = 0xFFFFFFFF
STRING_COLUMNS = ("id", "name", "kind", "country", "country_name", "admin1", "source")
INT_COLUMNS = (*STRING_COLUMNS, "first_name", "name_count")


ModelT = TypeVar("ModelT", bound=BaseModel)
_MISSING = object()
_new_object = object.__new__
# The slot setters of pydantic's BaseModel, called directly (cheaper than object.__setattr__).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(cls: type[ModelT], values: dict[str, Any]) -> ModelT:
    """A model from values known to be valid, with every field given: what `model_construct`
    does without its per-field loop (a third of the cost of a first-time look-up). The
    gazetteer's models have no aliases, defaults factories, extras or private attributes."""
    model = _new_object(cls)
    _set_dict(model, values)
    _set_fields_set(model, set(values))
    _set_extra(model, None)
    _set_private(model, None)
    return model


class PlaceTableWriter:
    """Collects places in rowid order, then writes the file in one go."""

    def __init__(self) -> None:
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.ints: dict[str, array[int]] = {c: array("I") for c in INT_COLUMNS}
        self._string_ids: dict[str, int] = {}
        self._strings: list[str] = []

    def _string(self, text: str | None) -> int:
        if text is None:
            return NO_STRING
        number = self._string_ids.get(text)
        if number is None:
            number = self._string_ids[text] = len(self._strings)
            self._strings.append(text)
        return number

    def add(
        self,
        *,
        id: str,
        name: str,
        kind: str,
        lat: float,
        lon: float,
        country: str | None,
        country_name: str | None,
        admin1: str | None,
        population: int,
        source: str,
        first_name: int,
        name_count: int,
    ) -> None:
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(population)
        ints = self.ints
        ints["id"].append(self._string(id))
        ints["name"].append(self._string(name))
        ints["kind"].append(self._string(kind))
        ints["country"].append(self._string(country))
        ints["country_name"].append(self._string(country_name))
        ints["admin1"].append(self._string(admin1))
        ints["source"].append(self._string(source))
        ints["first_name"].append(first_name)
        ints["name_count"].append(name_count)

    def write(self, path: Path) -> None:
        starts = array("I", [0])
        blob = bytearray()
        for text in self._strings:
            blob += text.encode("utf-8")
            starts.append(len(blob))
        with path.open("wb") as fh:
            fh.write(HEADER.pack(MAGIC, len(self.lat), len(self._strings)))
            columns: list[array[float] | array[int]] = [self.lat, self.lon, self.population]
            columns += [self.ints[c] for c in INT_COLUMNS]
            columns.append(starts)
            for column in columns:
                _pad(fh)
                column.tofile(fh)
            fh.write(blob)


def _pad(fh: BinaryIO) -> None:
    fh.write(b"\0" * (-fh.tell() % 8))


def _aligned(pos: int) -> int:
    return pos + (-pos % 8)


class PlaceTable:
    """Read places by rowid from a memory-mapped places.bin (zero-copy)."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as fh:
            self._mmap = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n, n_strings = HEADER.unpack_from(self._mmap)
        if magic != MAGIC:
            raise ValueError(f"{path}: not a gazetteer place table")
        view = memoryview(self._mmap)
        pos = HEADER.size

        def section(size: int) -> memoryview:
            nonlocal pos
            pos = _aligned(pos)
            part = view[pos : pos + size]
            pos += size
            return part

        self.size = n
        self._lat = section(8 * n).cast("d")
        self._lon = section(8 * n).cast("d")
        self._population = section(8 * n).cast("q")
        ints = {c: section(4 * n).cast("I") for c in INT_COLUMNS}
        self._id, self._name, self._kind = ints["id"], ints["name"], ints["kind"]
        self._country, self._country_name = ints["country"], ints["country_name"]
        self._admin1, self._source = ints["admin1"], ints["source"]
        self._first_name, self._name_count = ints["first_name"], ints["name_count"]
        self._starts = section(4 * (n_strings + 1)).cast("I")
        self._blob = view[pos : pos + self._starts[n_strings]]
        self._decoded: dict[int, str | None] = {NO_STRING: None}

    def _str(self, number: int) -> str | None:
        if number == NO_STRING:
            return None
        return str(self._blob[self._starts[number] : self._starts[number + 1]], "utf-8")

    def _shared(self, number: int) -> str | None:
        """A string many places share (kind, country, region, source): decoded once."""
        text = self._decoded.get(number, _MISSING)
        if text is _MISSING:
            text = self._decoded[number] = self._str(number)
        return text  # type: ignore[return-value]

    def place(self, rowid: int) -> Place:
        """The place of this rowid (1-based). Values were checked when the gazetteer was built."""
        i = rowid - 1
        shared = self._shared
        return trusted(
            Place,
            {
                "id": self._str(self._id[i]),
                "name": self._str(self._name[i]),
                "kind": shared(self._kind[i]),
                "lat": self._lat[i],
                "lon": self._lon[i],
                "country": shared(self._country[i]),
                "country_name": shared(self._country_name[i]),
                "admin1": shared(self._admin1[i]),
                "population": self._population[i],
                "source": shared(self._source[i]),
            },
        )

    def name_span(self, rowid: int) -> tuple[int, int]:
        """(first name id, number of names) of the place in the name index."""
        return self._first_name[rowid - 1], self._name_count[rowid - 1]
