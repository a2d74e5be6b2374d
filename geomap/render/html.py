"""The interactive map: one self-contained HTML file that works offline.

Built with folium (map, optional OpenStreetMap tile layer, page skeleton) with every CDN link
removed: Leaflet's JS and CSS are inlined from the `xstatic-leaflet` package (Leaflet is
BSD-2-Clause; credited in the file and the footer), its CSS images become data: URIs.
Everything drawn from article data (stops, legs, arrows, popups, itinerary panel, legend,
layer control) is built in the browser by geomap/static/geomap.js from one JSON block, with
textContent/createElement only, so no article text is ever parsed as markup or script.
A Content-Security-Policy allows only the page's own scripts (by hash) and, when tiles are
on, images from the tile server: zero network requests otherwise.

folium builds the page once per tiles option, with named slots where the title, assets and
data go (so no article text ever passes through its Jinja templates); the skeleton is kept in
the user cache (see geomap.diskcache), which spares each run importing folium and compiling
its templates. Each slot is then filled with its text, verbatim.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from geomap.diskcache import cached_text, package_versions, source_of
from geomap.models import MapResult
from geomap.render.basemap import world_outlines
from geomap.render.mapdata import MENTION_COLOUR, EvidenceView, MapView, build_view
from geomap.render.safejson import json_for_script

Tiles = Literal["osm", "none"]
TILE_HOSTS = {"osm": "https://tile.openstreetmap.org"}
CSP_PLACEHOLDER = "__GEOMAP_CSP__"
SLOT_RE = re.compile(r"@@geomap-slot:(\w+)@@")
NEWLINES_RE = re.compile(r"\r\n?")
SKELETON_PACKAGES = ("folium", "branca", "jinja2")

LEAFLET_CREDIT = (
    "Leaflet {version} (https://leafletjs.com), BSD-2-Clause licence; copyright notice in the"
    " script's header. Inlined from the xstatic-leaflet package."
)
FOOTER = (
    'Places: <a href="https://www.geonames.org/" rel="noopener noreferrer" target="_blank">'
    "GeoNames</a> (CC BY 4.0) · Country outlines: countryinfo / Natural Earth · "
    'Map: <a href="https://leafletjs.com/" rel="noopener noreferrer" target="_blank">Leaflet</a>'
    " (BSD-2-Clause){osm} · Made with geomap"
)
OSM_CREDIT = (
    ' · Tiles © <a href="https://www.openstreetmap.org/copyright" rel="noopener noreferrer"'
    ' target="_blank">OpenStreetMap</a> contributors'
)


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xleaflet

    return Path(xleaflet.BASE_DIR)


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str, str]:
    """(version, js, css) of Leaflet from xstatic-leaflet, with CSS images as data: URIs."""
    import xstatic.pkg.leaflet as xleaflet

    base = _leaflet_dir()
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline_image(match: re.Match[str]) -> str:
        data = (base / match.group(1)).read_bytes()
        return "url(data:image/png;base64," + base64.b64encode(data).decode("ascii") + ")"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", inline_image, css)
    for text in (js, css):
        if "</script" in text.lower() or "</style" in text.lower():
            raise RuntimeError("Leaflet asset cannot be inlined safely")
    return str(xleaflet.VERSION), js, css


@lru_cache(maxsize=2)
def static_text(name: str) -> str:
    return (resources.files("geomap") / "static" / name).read_text(encoding="utf-8")


def _evidence(items: list[EvidenceView]) -> list[dict[str, str]]:
    return [item.as_dict() for item in items]


def map_data(view: MapView, tiles: Tiles) -> dict[str, Any]:
    """The JSON the page's script draws from: everything it needs, nothing else."""
    return {
        "title": view.title,
        "tiles": tiles,
        "mentionColour": MENTION_COLOUR,
        "primary": view.primary,
        "focus": list(view.focus) if view.focus else None,
        "routes": [
            {
                "actor": route.actor,
                "label": route.label,
                "colour": route.colour,
                "trip": route.trip,
                "stops": [
                    {
                        "n": stop.order,
                        "name": stop.name,
                        "admin1": stop.admin1,
                        "country": stop.country,
                        "lat": stop.lat,
                        "lon": stop.lon,
                        "drawLon": stop.draw_lon,
                        "status": stop.status,
                        "role": stop.role,
                        "unconfirmed": stop.unconfirmed,
                        "when": stop.when,
                        "evidence": _evidence(stop.evidence),
                        "moreEvidence": stop.more_evidence,
                    }
                    for stop in route.stops
                ],
                "legs": [
                    {"from": leg.start, "to": leg.end, "unconfirmed": leg.unconfirmed}
                    for leg in route.legs
                ],
            }
            for route in view.routes
        ],
        "mentions": [
            {
                "name": mention.name,
                "admin1": mention.admin1,
                "country": mention.country,
                "kind": mention.kind,
                "lat": mention.lat,
                "lon": mention.lon,
                "count": mention.mention_count,
                "evidence": _evidence(mention.evidence),
                "moreEvidence": mention.more_evidence,
            }
            for mention in view.mentions
        ],
    }


def _csp(page: str, tiles: Tiles) -> str:
    """A policy that runs only this page's scripts (by hash) and loads nothing but tiles."""
    hashes = []
    for match in re.finditer(r"<script>(.*?)</script>", page, flags=re.S):
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    images = "data:" + (f" {TILE_HOSTS[tiles]}" if tiles in TILE_HOSTS else "")
    return (
        "default-src 'none'; "
        f"script-src {' '.join(sorted(set(hashes)))}; "
        "style-src 'unsafe-inline'; "
        f"img-src {images}; "
        "base-uri 'none'; form-action 'none'"
    )


def _slot(name: str) -> str:
    return f"@@geomap-slot:{name}@@"


def _build_skeleton(tiles: Tiles) -> str:
    """The folium page with a slot for everything that is not the same on every map."""
    import folium
    from branca.element import Element, Figure, MacroElement
    from jinja2 import Template

    class GeomapLayers(MacroElement):  # type: ignore[misc]
        """Folium element that runs geomap.js on the folium map once the page has loaded."""

        _template = Template(
            """{% macro script(this, kwargs) %}
{{ this.app_js }}
geomapInit({{ this._parent.get_name() }}, {{ this.tiles_var }},
  JSON.parse(document.getElementById("geomap-data").textContent),
  JSON.parse(document.getElementById("geomap-basemap").textContent));
{% endmacro %}"""
        )

        def __init__(self, app_js: str, tiles_var: str) -> None:
            super().__init__()
            self._name = "GeomapLayers"
            self._id = "layers"
            self.app_js = app_js
            self.tiles_var = tiles_var

    fmap = folium.Map(
        location=[20, 0],
        zoom_start=2,
        tiles=None,
        min_zoom=1,
        control_scale=True,
        prefer_canvas=False,
    )
    fmap._id = "geomap"
    # No CDN: folium would otherwise link Leaflet, jQuery, Bootstrap and more from the web.
    fmap.default_js = []
    fmap.default_css = []
    tiles_var = "null"
    if tiles == "osm":
        tile_layer = folium.TileLayer("OpenStreetMap", name="OpenStreetMap", max_zoom=19)
        tile_layer._id = "osm"
        tile_layer.add_to(fmap)
        tiles_var = tile_layer.get_name()
    GeomapLayers(_slot("app_js"), tiles_var).add_to(fmap)

    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure._id = "page"
    header = figure.header
    header.add_child(
        Element(f'<meta http-equiv="Content-Security-Policy" content="{CSP_PLACEHOLDER}">'),
        name="csp",
        index=0,
    )
    header.add_child(Element(f"<title>{_slot('title')}</title>"), name="title")
    header.add_child(Element(_slot("leaflet_css")), name="leaflet_css")
    header.add_child(Element(_slot("geomap_css")), name="geomap_css")
    header.add_child(Element(_slot("leaflet_js")), name="leaflet_js")

    body = figure.html
    body.add_child(
        Element(
            '<header class="gm-header"><div class="gm-heading"><h1 class="gm-title">'
            f"{_slot('title')}</h1>"
            f'<p class="gm-summary">{_slot("summary")}</p></div>'
            '<button type="button" class="gm-toggle" id="gm-toggle" aria-controls="gm-panel"'
            ' aria-expanded="true">Itinerary</button></header>'
        ),
        name="gm_header",
    )
    body.add_child(
        Element(
            '<aside class="gm-panel" id="gm-panel" aria-label="Itinerary">'
            '<div class="gm-nav"><button type="button" id="gm-prev">◀ Prev</button>'
            '<span id="gm-pos" aria-live="polite"></span>'
            '<button type="button" id="gm-next">Next ▶</button></div>'
            '<div id="gm-itinerary"></div></aside>'
        ),
        name="gm_panel",
    )
    body.add_child(
        Element(
            '<footer class="gm-footer">'
            + FOOTER.format(osm=OSM_CREDIT if tiles == "osm" else "")
            + "</footer>"
        ),
        name="gm_footer",
    )
    body.add_child(
        Element(f'<script type="application/json" id="geomap-data">{_slot("data")}</script>'),
        name="gm_data",
    )
    body.add_child(
        Element(f'<script type="application/json" id="geomap-basemap">{_slot("basemap")}</script>'),
        name="gm_basemap",
    )
    page: str = figure.render()
    return page.replace("<html>", '<html lang="en">', 1)


@lru_cache(maxsize=2)
def page_skeleton(tiles: Tiles) -> str:
    """The page around the map's data, from the cache when folium and this module are unchanged."""
    return cached_text(
        f"page_{tiles}",
        [*package_versions(*SKELETON_PACKAGES), source_of(__file__)],
        lambda: _build_skeleton(tiles),
    )


def _as_template_text(text: str) -> str:
    """Line ends made "\\n", as folium's Jinja templates made them when the page held this text.

    Leaflet's CSS ships with CRLF line ends; the page has always carried them as plain "\\n".
    """
    return NEWLINES_RE.sub("\n", text)


@lru_cache(maxsize=1)
def basemap_json() -> str:
    """The world outlines as JSON safe inside the page's <script> block."""
    return json_for_script(json.loads(world_outlines()))


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def summary_line(result: MapResult) -> str:
    """'5 articles · 32 places · 5 routes': what the map was drawn from, under its title."""
    return " · ".join(
        (
            _count(len(result.articles), "article"),
            _count(len(result.places), "place"),
            _count(len(result.routes), "route"),
        )
    )


def render_html(result: MapResult, tiles: Tiles = "osm") -> str:
    """The map page as one HTML string. Same MapResult and tiles -> same bytes."""
    if tiles not in ("osm", "none"):
        raise ValueError(f"unknown tiles option {tiles!r}: use 'osm' or 'none'")
    view = build_view(result)
    version, leaflet_js, leaflet_css = leaflet_assets()
    slots = {
        "title": html.escape(view.title),
        "summary": html.escape(summary_line(result)),
        "leaflet_css": f"<!-- {LEAFLET_CREDIT.format(version=version)} -->\n"
        f"<style>{leaflet_css}</style>",
        "geomap_css": f"<style>{static_text('geomap.css')}</style>",
        "leaflet_js": f"<script>{leaflet_js}</script>",
        "data": json_for_script(map_data(view, tiles)),
        "basemap": basemap_json(),
    }
    values = {name: _as_template_text(text) for name, text in slots.items()}
    values["app_js"] = static_text("geomap.js")  # a template variable: always verbatim
    page = SLOT_RE.sub(lambda match: values[match.group(1)], page_skeleton(tiles))
    # Trim folium's trailing blanks; split on "\n" only (splitlines() would also cut at U+0085
    # and friends inside article text).
    page = "\n".join(line.rstrip(" \t") for line in page.split("\n")).rstrip("\n") + "\n"
    return page.replace(CSP_PLACEHOLDER, _csp(page, tiles), 1)
