"""The map's data as GeoJSON (RFC 7946): stops, legs between consecutive stops, and mentions.

Coordinates are [lon, lat] rounded to 5 decimals; a leg that crosses the antimeridian is cut in
two there (RFC 7946 §3.1.9). The text is plain JSON with `<`, `>` and `&` written as \\u
escapes, so it can also be pasted into a web page's <script> safely.
"""

from __future__ import annotations

from typing import Any

from geomap.models import MapResult
from geomap.render.mapdata import (
    EvidenceView,
    RouteView,
    StopView,
    build_view,
    round_coord,
    unwrap_longitudes,
)
from geomap.render.safejson import json_for_script


def _evidence(items: list[EvidenceView]) -> list[dict[str, str]]:
    return [
        {
            "article": item.article_id,
            "title": item.title,
            "sentence": item.sentence,
            "place_text": item.match,
            "source": item.source,
            "date": item.date,
        }
        for item in items
    ]


def leg_geometry(a: StopView, b: StopView) -> dict[str, Any]:
    """A LineString from a to b, or a MultiLineString cut at ±180° when the leg crosses it."""
    start = [a.lon, a.lat]
    end = [b.lon, b.lat]
    lon_a, lon_b = unwrap_longitudes([a.lon, b.lon])
    if lon_b == b.lon:
        return {"type": "LineString", "coordinates": [start, end]}
    edge = 180.0 if lon_b > 180 else -180.0
    fraction = (edge - lon_a) / (lon_b - lon_a)
    lat = round_coord(a.lat + fraction * (b.lat - a.lat))
    return {
        "type": "MultiLineString",
        "coordinates": [[start, [edge, lat]], [[-edge, lat], end]],
    }


def _route_features(route: RouteView) -> list[dict[str, Any]]:
    features: list[dict[str, Any]] = []
    for stop in route.stops:
        features.append(
            {
                "type": "Feature",
                "id": f"route-{route.index}-stop-{stop.order}",
                "geometry": {"type": "Point", "coordinates": [stop.lon, stop.lat]},
                "properties": {
                    "feature": "stop",
                    "route": route.index,
                    "actor": route.actor,
                    "colour": route.colour,
                    "order": stop.order,
                    "name": stop.name,
                    "place_id": stop.place_id,
                    "admin1": stop.admin1,
                    "country": stop.country,
                    "status": stop.status,
                    "role": stop.role,
                    "when": stop.when,
                    "when_start": stop.when_start,
                    "when_end": stop.when_end,
                    "evidence": _evidence(stop.evidence),
                },
            }
        )
    for leg in route.legs:
        a, b = route.stops[leg.start], route.stops[leg.end]
        features.append(
            {
                "type": "Feature",
                "id": f"route-{route.index}-leg-{a.order}",
                "geometry": leg_geometry(a, b),
                "properties": {
                    "feature": "leg",
                    "route": route.index,
                    "actor": route.actor,
                    "colour": route.colour,
                    "from": a.name,
                    "to": b.name,
                    "from_order": a.order,
                    "to_order": b.order,
                    "status": b.status,
                    "planned": leg.unconfirmed,
                },
            }
        )
    return features


def geojson_document(result: MapResult) -> dict[str, Any]:
    view = build_view(result)
    features: list[dict[str, Any]] = []
    for route in view.routes:
        features.extend(_route_features(route))
    for number, mention in enumerate(view.mentions, start=1):
        features.append(
            {
                "type": "Feature",
                "id": f"mention-{number}",
                "geometry": {"type": "Point", "coordinates": [mention.lon, mention.lat]},
                "properties": {
                    "feature": "mention",
                    "name": mention.name,
                    "place_id": mention.place_id,
                    "kind": mention.kind,
                    "admin1": mention.admin1,
                    "country": mention.country,
                    "confidence": mention.confidence,
                    "mentions": mention.mention_count,
                    "evidence": _evidence(mention.evidence),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def render_geojson(result: MapResult) -> str:
    """GeoJSON text for the result. Same MapResult -> same bytes."""
    return json_for_script(geojson_document(result), indent=1) + "\n"
