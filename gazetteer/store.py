"""Open the built gazetteer and look names up: the name trie, the postings and the place columns
(places.bin) are memory-mapped, so opening is instant and a first-time look-up costs tens of
microseconds. SQLite serves the rarer look-ups by place id."""

from __future__ import annotations

import difflib
import json
import mmap
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

import marisa_trie

from gazetteer.builder import (
    CURRENT_FILE,
    DIR_PREFIX,
    INDEX_FILE,
    INDEX_FILE_HEADER,
    INDEX_MAGIC,
    INFO_FILE,
    PLACES_FILE,
    SCHEMA_VERSION,
    TRIE_FILE,
    GazetteerInfo,
    GazetteerNotBuiltError,
    build,
    default_cache_dir,
    version_key,
)
from gazetteer.data_tables import data_hash
from gazetteer.models import Candidate, NameType, Place
from gazetteer.names import ascii_fold, normalize_name
from gazetteer.placetable import PLACE_TABLE_FILE, PlaceTable, trusted
from gazetteer.records import KIND_IMPORTANCE, NAME_TYPES_BY_CODE
from gazetteer.supplement import SUPPLEMENT_DIR, supplement_hash

__all__ = [
    "Gazetteer",
    "GazetteerInfo",
    "GazetteerNotBuiltError",
    "build",
    "normalize_name",
]

# Candidates of one name are ordered by how the name belongs to the place first.
_NAME_TYPE_GROUP: dict[NameType, int] = {
    "main": 0,
    "alias": 0,
    "abbreviation": 1,
    "demonym": 2,
    "alternate": 3,
}
_NAME_ID_MASK = (1 << 28) - 1


def _sort_key(cand: Candidate) -> tuple[int, int, int, str]:
    place = cand.place
    return (
        _NAME_TYPE_GROUP[cand.name_type],
        KIND_IMPORTANCE.get(place.kind, 99),
        -place.population,
        place.id,
    )


def _dump_build_dir(cache_dir: Path) -> Path | None:
    """The directory of a GeoNames-dump build recorded as current, if it is still up to date."""
    try:
        current = json.loads((cache_dir / CURRENT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(current, dict) or "dump" not in current:
        return None
    if current.get("schema_version") != SCHEMA_VERSION:
        return None
    if current.get("supplement_hash") != supplement_hash(SUPPLEMENT_DIR):
        return None
    if current.get("data_hash") != data_hash():
        return None
    directory = cache_dir / f"{DIR_PREFIX}{current.get('key')}"
    return directory if (directory / TRIE_FILE).exists() else None


class Gazetteer:
    """A built gazetteer: look names up, fetch places by id."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._trie = marisa_trie.Trie()
        self._trie.mmap(str(self.directory / TRIE_FILE))
        with (self.directory / INDEX_FILE).open("rb") as fh:
            self._mmap = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n_keys, n_postings, n_names = INDEX_FILE_HEADER.unpack_from(self._mmap)
        if magic != INDEX_MAGIC:
            raise GazetteerNotBuiltError(f"{self.directory / INDEX_FILE}: not a gazetteer index")
        view = memoryview(self._mmap)
        pos = INDEX_FILE_HEADER.size
        self._key_starts = view[pos : pos + 4 * (n_keys + 1)].cast("I")
        pos += 4 * (n_keys + 1)
        self._postings = view[pos : pos + 8 * n_postings].cast("I")
        pos += 8 * n_postings
        self._name_starts = view[pos : pos + 4 * (n_names + 1)].cast("I")
        pos += 4 * (n_names + 1)
        self._name_blob = view[pos : pos + self._name_starts[n_names]]
        self._name_codes = view[pos + self._name_starts[n_names] :]
        self._table = PlaceTable(self.directory / PLACE_TABLE_FILE)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._lookup_cached = lru_cache(maxsize=50000)(self._lookup_uncached)
        self._capitals: dict[str, Place | None] = {}
        self._capital_rowid_by_country: dict[str, int] | None = None

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, cache_dir: Path | None = None, *, build_if_missing: bool = True) -> Gazetteer:
        """Open the gazetteer in the cache, building it first if it is missing or out of date."""
        cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        dump_dir = _dump_build_dir(cache)
        if dump_dir is not None:
            return cls(dump_dir)
        directory = cache / f"{DIR_PREFIX}{version_key(SUPPLEMENT_DIR)}"
        if not all((directory / f).exists() for f in (TRIE_FILE, PLACES_FILE, PLACE_TABLE_FILE)):
            if not build_if_missing:
                raise GazetteerNotBuiltError(
                    f"no gazetteer in {cache}; run `geomap gazetteer build` first"
                )
            info = build(cache)
            directory = Path(info.cache_path)
        return cls(directory)

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            uri = f"{(self.directory / PLACES_FILE).as_uri()}?mode=ro&immutable=1"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __getstate__(self) -> dict[str, str]:
        """Pickle as the directory only, so a gazetteer can be sent to another worker."""
        return {"directory": str(self.directory)}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(Path(state["directory"]))  # type: ignore[misc]

    # -- places ------------------------------------------------------------------------------

    def get(self, place_id: str) -> Place | None:
        """The place with this id ("gn:2013348", "cc:RU", "sup:vostochny-cosmodrome"), or None."""
        rowid = self._rowid(place_id)
        return None if rowid is None else self._table.place(rowid)

    def _rowid(self, place_id: str) -> int | None:
        with self._lock:
            row = (
                self._connection()
                .execute("SELECT rowid FROM places WHERE id = ?", (place_id,))
                .fetchone()
            )
        return None if row is None else int(row[0])

    def country(self, iso2: str) -> Place | None:
        return self.get(f"cc:{iso2.strip().upper()}")

    def capital(self, iso2: str) -> Place | None:
        """The country's capital ("the Tongan capital" is Nuku'alofa), None if none is known."""
        code = iso2.strip().upper()
        if code not in self._capitals:
            rowid = self._capital_rowids().get(code)
            self._capitals[code] = None if rowid is None else self._table.place(rowid)
        return self._capitals[code]

    def _capital_rowids(self) -> dict[str, int]:
        """The rowid of every country's capital, the most populous first (then by id), read in
        one pass: places has no index on kind, so each query scans the whole table."""
        if self._capital_rowid_by_country is None:
            with self._lock:
                rows = (
                    self._connection()
                    .execute(
                        "SELECT country, rowid FROM places"
                        " WHERE kind = 'capital' AND country IS NOT NULL"
                        " ORDER BY population DESC, id"
                    )
                    .fetchall()
                )
            capitals: dict[str, int] = {}
            for country, rowid in rows:
                capitals.setdefault(country, int(rowid))
            self._capital_rowid_by_country = capitals
        return self._capital_rowid_by_country

    def names_of(self, place_id: str) -> list[tuple[str, NameType]]:
        """Every name the place is indexed under, with its type."""
        rowid = self._rowid(place_id)
        if rowid is None:
            return []
        first, count = self._table.name_span(rowid)
        return [
            (self._name(i), NAME_TYPES_BY_CODE[self._name_codes[i]])
            for i in range(first, first + count)
        ]

    # -- names -------------------------------------------------------------------------------

    def _candidates_for_keys(self, keys: list[str]) -> list[Candidate]:
        best: dict[int, int] = {}
        trie, postings = self._trie, self._postings
        for key in keys:
            key_id = trie.get(key)
            if key_id is None:
                continue
            for i in range(2 * self._key_starts[key_id], 2 * self._key_starts[key_id + 1], 2):
                rowid, packed = postings[i], postings[i + 1]
                cur = best.get(rowid)
                if cur is None or packed < cur:
                    best[rowid] = packed
        place = self._table.place
        cands = [
            trusted(
                Candidate,
                {
                    "place": place(rowid),
                    "matched_name": self._name(packed & _NAME_ID_MASK),
                    "name_type": NAME_TYPES_BY_CODE[packed >> 28],
                },
            )
            for rowid, packed in best.items()
        ]
        cands.sort(key=_sort_key)
        return cands

    def _name(self, name_id: int) -> str:
        start, end = self._name_starts[name_id], self._name_starts[name_id + 1]
        return str(self._name_blob[start:end], "utf-8")

    def _lookup_uncached(self, norm: str) -> tuple[Candidate, ...]:
        keys = [norm]
        folded = ascii_fold(norm)
        if folded != norm:
            keys.append(folded)
        return tuple(self._candidates_for_keys(keys))

    def lookup(self, name: str) -> list[Candidate]:
        """Places with exactly this name (after `normalize_name`), best prior first."""
        norm = normalize_name(name)
        if not norm:
            return []
        return list(self._lookup_cached(norm))

    def has_prefix(self, norm_prefix: str) -> bool:
        """Whether some indexed name starts with this (already normalised) text, or with its
        ascii fold: "yucatán channel" is indexed only as "yucatan channel"."""
        if next(self._trie.iterkeys(norm_prefix), None) is not None:
            return True
        folded = ascii_fold(norm_prefix)
        return folded != norm_prefix and next(self._trie.iterkeys(folded), None) is not None

    def contains(self, norm: str) -> bool:
        """Whether this (already normalised) text is itself an indexed name."""
        return norm in self._trie

    def search(self, name: str, limit: int = 10) -> list[Candidate]:
        """Exact look-up, else names starting with the text, else close spellings; ranked."""
        exact = self.lookup(name)
        if exact:
            return exact[:limit]
        norm = ascii_fold(normalize_name(name))
        if not norm:
            return []
        keys = self._prefix_keys(norm, 200)
        if not keys:
            stem = norm[: max(2, min(4, len(norm) - 1))]
            pool = self._prefix_keys(stem, 20000)
            keys = difflib.get_close_matches(norm, pool, n=limit * 3, cutoff=0.75)
        cands = self._candidates_for_keys(keys)
        seen: set[str] = set()
        unique = []
        for cand in cands:
            if cand.place.id not in seen:
                seen.add(cand.place.id)
                unique.append(cand)
        return unique[:limit]

    def _prefix_keys(self, prefix: str, cap: int) -> list[str]:
        keys: list[str] = []
        for key in self._trie.iterkeys(prefix):
            keys.append(key)
            if len(keys) >= cap:
                break
        return keys

    # -- about -------------------------------------------------------------------------------

    def info(self) -> GazetteerInfo:
        text = (self.directory / INFO_FILE).read_text(encoding="utf-8")
        return GazetteerInfo.model_validate_json(text)
