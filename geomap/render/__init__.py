"""Renderers: a MapResult to an HTML map, GeoJSON, KML, a PNG snapshot and an embed snippet.

The string renderers return text; the caller writes it (atomically). `render_png` writes its
file itself, since Chromium produces it.
"""

from geomap.render.embed import embed_snippet
from geomap.render.geojson import render_geojson
from geomap.render.html import render_html
from geomap.render.kml import render_kml
from geomap.render.png import render_png

__all__ = ["embed_snippet", "render_geojson", "render_html", "render_kml", "render_png"]
