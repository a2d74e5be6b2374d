"""The map's data as KML 2.2 (via fastkml): a Folder per route with its stops and legs, and a
Folder of the other mentioned places.

KML viewers show a description as HTML, so descriptions are built from HTML-escaped text:
article text shows literally there, it never runs.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from geomap.models import MapResult
from geomap.render.mapdata import MENTION_COLOUR, EvidenceView, build_view, unwrap_longitudes

if TYPE_CHECKING:
    from fastkml.styles import Style


def kml_colour(hex_colour: str, alpha: int = 0xFF) -> str:
    """'#rrggbb' -> KML's 'aabbggrr'."""
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"{alpha:02x}{blue}{green}{red}".lower()


def _description(lines: list[str], evidence: list[EvidenceView], more: int) -> str:
    parts = [html.escape(line) for line in lines if line]
    for item in evidence:
        quote = (
            f"{html.escape(item.before)}<b>{html.escape(item.match)}</b>{html.escape(item.after)}"
        )
        cite = " · ".join(
            html.escape(part) for part in (item.title, item.source, item.date) if part
        )
        parts.append(f"“{quote}” — {cite}")
    if more:
        parts.append(f"+ {more} more sentences")
    return "<br/>".join(parts)


def _style(style_id: str, colour: str, alpha: int, width: float) -> Style:
    from fastkml.styles import LabelStyle, LineStyle, Style

    return Style(
        id=style_id,
        styles=[
            LineStyle(color=kml_colour(colour, alpha), width=width),
            # No IconStyle: fastkml writes one only with an icon URL, and we link nothing
            # remote. Points keep the viewer's default pin, their labels the route colour.
            LabelStyle(color=kml_colour(colour), scale=0.9),
        ],
    )


def render_kml(result: MapResult) -> str:
    """KML text for the result. Same MapResult -> same bytes."""
    # fastkml is imported here, not at the top: most runs write no KML.
    from fastkml import kml
    from fastkml.containers import Document, Folder
    from fastkml.features import Placemark
    from fastkml.geometry import LineString, Point
    from fastkml.styles import StyleUrl
    from pygeoif.geometry import LineString as GeoLineString
    from pygeoif.geometry import Point as GeoPoint

    view = build_view(result)
    styles = [_style("mention", MENTION_COLOUR, 0xFF, 1.0)]
    folders = []
    for route in view.routes:
        solid, dashed = f"route-{route.index}", f"route-{route.index}-planned"
        styles.append(_style(solid, route.colour, 0xFF, 4.0))
        styles.append(_style(dashed, route.colour, 0x80, 2.5))  # KML has no dashes: fainter
        placemarks = []
        for stop in route.stops:
            placemarks.append(
                Placemark(
                    id=f"route-{route.index}-stop-{stop.order}",
                    name=f"{stop.order}. {stop.name}",
                    description=_description(
                        [
                            ", ".join(part for part in (stop.admin1, stop.country) if part),
                            f"{route.actor}: stop {stop.order} of {len(route.stops)},"
                            f" {stop.status}",
                            stop.when,
                        ],
                        stop.evidence,
                        stop.more_evidence,
                    ),
                    style_url=StyleUrl(url=f"#{dashed if stop.unconfirmed else solid}"),
                    kml_geometry=Point(geometry=GeoPoint(stop.lon, stop.lat)),
                )
            )
        for leg in route.legs:
            a, b = route.stops[leg.start], route.stops[leg.end]
            lon_a, lon_b = unwrap_longitudes([a.lon, b.lon])
            placemarks.append(
                Placemark(
                    id=f"route-{route.index}-leg-{a.order}",
                    name=f"{a.order} → {b.order}: {a.name} → {b.name}",
                    description=html.escape(
                        f"{route.actor}: {a.name} to {b.name}"
                        + (" (planned or reported)" if leg.unconfirmed else "")
                    ),
                    style_url=StyleUrl(url=f"#{dashed if leg.unconfirmed else solid}"),
                    kml_geometry=LineString(
                        tessellate=True,
                        geometry=GeoLineString([(lon_a, a.lat), (lon_b, b.lat)]),
                    ),
                )
            )
        folders.append(
            Folder(
                id=f"route-{route.index}",
                name=route.actor + (f" ({route.trip})" if route.trip else ""),
                features=placemarks,
            )
        )
    if view.mentions:
        folders.append(
            Folder(
                id="mentions",
                name="Other mentioned places",
                features=[
                    Placemark(
                        id=f"mention-{number}",
                        name=mention.name,
                        description=_description(
                            [
                                ", ".join(p for p in (mention.admin1, mention.country) if p),
                                f"mentioned {mention.mention_count} time(s), not on a route",
                            ],
                            mention.evidence,
                            mention.more_evidence,
                        ),
                        style_url=StyleUrl(url="#mention"),
                        kml_geometry=Point(geometry=GeoPoint(mention.lon, mention.lat)),
                    )
                    for number, mention in enumerate(view.mentions, start=1)
                ],
            )
        )
    document = Document(id="geomap", name=view.title, styles=styles, features=folders)
    # No XML declaration: UTF-8 is XML's default, and parsers then also accept the text as str.
    return kml.KML(features=[document]).to_string(prettyprint=True).rstrip("\n") + "\n"
