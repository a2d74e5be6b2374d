"""An offline country-outline basemap from the GeoJSON that the `countryinfo` package ships.

countryinfo's outlines derive from Natural Earth (public domain). They are simplified with
shapely and rounded so the whole world costs a few hundred kilobytes in each map file.
Some countries ship without a shape in countryinfo 1.0 (e.g. Hungary, Serbia, Myanmar, small
islands); the map draws outlines as lines, so a missing country still shows through its
neighbours' borders. Simplifying takes a few tenths of a second, so the result is kept in the
user cache (geomap.diskcache) until countryinfo, shapely or this module change.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from geomap.diskcache import cached_text, package_versions, source_of

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

SIMPLIFY_DEGREES = 0.05  # about 5 km: invisible at the zoom levels a news map opens at
DIGITS = 2  # about 1 km


def _round_coords(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        value = round(float(coords), DIGITS)
        return 0.0 if value == 0 else value
    return [_round_coords(item) for item in coords]


def _drop_repeats(ring: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for point in ring:
        if not out or point != out[-1]:
            out.append(point)
    return out


def _simplified(geometry: dict[str, Any]) -> dict[str, Any] | None:
    from shapely.geometry import mapping, shape

    geom: BaseGeometry = shape(geometry).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    if geom.is_empty:
        return None
    data = mapping(geom)
    polygons = [data["coordinates"]] if data["type"] == "Polygon" else data["coordinates"]
    kept = []
    for polygon in polygons:
        rings = [_drop_repeats(_round_coords(ring)) for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 4]
        if rings:
            kept.append(rings)
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


@lru_cache(maxsize=1)
def world_outlines() -> str:
    """The world's country outlines as a compact GeoJSON FeatureCollection string.

    Properties carry only the country name. Sorted by file name, so the output is stable.
    """
    return cached_text(
        "basemap",
        [*package_versions("countryinfo", "shapely"), source_of(__file__)],
        _derive_world_outlines,
    )


def _derive_world_outlines() -> str:
    data_dir = resources.files("countryinfo") / "data"
    features: list[dict[str, Any]] = []
    for entry in sorted(data_dir.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            record = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        collection = record.get("geoJSON") if isinstance(record, dict) else None
        if not isinstance(collection, dict):
            continue
        for feature in collection.get("features") or []:
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            if not isinstance(geometry, dict):
                continue
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            simplified = _simplified(geometry)
            if simplified is None:
                continue
            name = (feature.get("properties") or {}).get("name") or record.get("name") or ""
            features.append(
                {"type": "Feature", "properties": {"name": str(name)}, "geometry": simplified}
            )
    return json.dumps(
        {"type": "FeatureCollection", "features": features},
        separators=(",", ":"),
        ensure_ascii=False,
        sort_keys=True,
    )
