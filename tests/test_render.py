"""Renderer tests that need no browser: determinism, self-containment, escaping, exports."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from typing import Any

import pytest
from fastkml import kml
from fastkml.containers import Document, Folder
from fastkml.features import Placemark
from pygeoif.geometry import Point as GeoPoint
from test_render_fixture import (
    HOSTILE,
    IMG,
    SCRIPT,
    TEMPLATE,
    many_mentions_result,
    newsroom_result,
    sample_result,
)

from geomap.models import ArticleInfo, Evidence, MapResult, TimeSpan
from geomap.render import embed_snippet, render_geojson, render_html, render_kml
from geomap.render.basemap import world_outlines
from geomap.render.html import summary_line
from geomap.render.mapdata import (
    build_view,
    month_label,
    route_labels,
    split_sentence,
    unwrap_longitudes,
    when_label,
)
from geomap.render.safejson import json_for_script


def data_block(page: str, block_id: str = "geomap-data") -> Any:
    match = re.search(
        rf'<script type="application/json" id="{block_id}">(.*?)</script>', page, flags=re.S
    )
    assert match, f"no {block_id} block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page_none() -> str:
    return render_html(sample_result(), tiles="none")


@pytest.fixture(scope="module")
def page_osm() -> str:
    return render_html(sample_result(), tiles="osm")


def test_html_is_deterministic() -> None:
    for tiles in ("none", "osm"):
        first = render_html(sample_result(), tiles=tiles)  # type: ignore[arg-type]
        assert first == render_html(sample_result(), tiles=tiles)  # type: ignore[arg-type]
    assert render_geojson(sample_result()) == render_geojson(sample_result())
    assert render_kml(sample_result()) == render_kml(sample_result())


def test_html_loads_nothing_from_the_web(page_none: str, page_osm: str) -> None:
    for page in (page_none, page_osm):
        assert not re.search(r"<script[^>]*\bsrc\s*=", page, flags=re.I)
        assert not re.search(r"<link\b", page, flags=re.I)
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, flags=re.I)
        for host in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "code.jquery.com", "unpkg.com"):
            assert host not in page  # folium's CDN links are gone
        assert "L.map(" in page and "Leaflet 1.9" in page  # Leaflet is inlined
    assert "tile.openstreetmap.org" not in page_none
    assert "tile.openstreetmap.org" in page_osm
    assert "OpenStreetMap</a> contributors" in page_osm
    assert "OpenStreetMap</a> contributors" not in page_none


def test_html_credits_sources(page_none: str) -> None:
    assert "GeoNames</a> (CC BY 4.0)" in page_none
    assert "Natural Earth" in page_none
    assert "BSD-2-Clause" in page_none


def test_csp_allows_exactly_the_pages_scripts(page_none: str, page_osm: str) -> None:
    for page, images in ((page_none, "img-src data:;"), (page_osm, "https://tile.openstreetmap")):
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
        assert policy
        assert "default-src 'none'" in policy.group(1)
        assert images in policy.group(1)
        scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
        assert len(scripts) >= 2
        for script in scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy.group(1)


def test_hostile_text_is_never_markup(page_none: str) -> None:
    lowered = page_none.lower()
    assert "<img src=x" not in lowered
    assert "<script>alert" not in lowered
    # Outside the JSON data, hostile text appears only HTML-escaped (title and heading), and
    # ${...} only as text there.
    outside_data = re.sub(
        r'<script type="application/json" id="geomap-data">.*?</script>', "", page_none, flags=re.S
    )
    assert outside_data.count("onerror=alert") == outside_data.count("&lt;img src=x onerror=alert")
    assert outside_data.count("onerror=alert") == 2
    for line in outside_data.splitlines():
        if TEMPLATE in line:
            assert "<title>" in line or "gm-title" in line, line
    data = data_block(page_none)
    assert data["title"] == f"Train journey {IMG} {SCRIPT} {TEMPLATE}"
    assert data["routes"][1]["actor"] == f"Delegation {SCRIPT} {TEMPLATE}"


def test_data_block_carries_routes_and_mentions(page_none: str) -> None:
    data = data_block(page_none)
    assert [len(route["stops"]) for route in data["routes"]] == [5, 2]
    first = data["routes"][0]["stops"][0]
    assert first["name"] == "Pyongyang" and first["n"] == 1
    assert first["evidence"][0]["match"] == "Pyongyang"
    assert first["evidence"][0]["url"] == "https://news.example.org/2023/09/train"
    assert first["evidence"][0]["date"] == "2023-09-12"
    assert [leg["unconfirmed"] for leg in data["routes"][0]["legs"]] == [False, False, True, True]
    # The reported stop's article has a javascript: source: shown as text, never a link.
    hostile_ev = data["routes"][0]["stops"][4]["evidence"][0]
    assert hostile_ev["url"] == "" and hostile_ev["source"] == "javascript:alert(1)"
    assert len(data["mentions"]) == 6  # the on-route place is not a mention
    # The route across the antimeridian is unwrapped so its leg stays short.
    anchorage, kamchatka = data["routes"][1]["stops"]
    assert abs(anchorage["drawLon"] - kamchatka["drawLon"]) < 180
    basemap = data_block(page_none, "geomap-basemap")
    assert basemap["type"] == "FeatureCollection" and len(basemap["features"]) > 150


def test_sizes() -> None:
    assert len(world_outlines().encode()) < 1_000_000
    assert len(render_html(sample_result(), tiles="osm").encode()) < 2_000_000


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "a\u2028b\u2029c",
        "AT&T \\ \" ' ` ${x}",
        "\x85\x0b\x1c",
    ],
)
def test_json_for_script_round_trips_and_cannot_break_out(value: str) -> None:
    text = json_for_script({"k": value})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"k": value}


def test_odd_control_characters_survive_the_page() -> None:
    result = sample_result(title="t")
    result.routes[0].stops[0].name = "Pyong\x85yang\u2028"
    data = data_block(render_html(result, tiles="none"))
    assert data["routes"][0]["stops"][0]["name"] == "Pyong\x85yang\u2028"


def test_unknown_tiles_option_is_refused() -> None:
    with pytest.raises(ValueError, match="tiles"):
        render_html(sample_result(), tiles="google")  # type: ignore[arg-type]


def test_empty_result_renders() -> None:
    empty = MapResult(title="Nothing", articles=[], places=[], routes=[])
    page = render_html(empty, tiles="none")
    assert data_block(page)["routes"] == []
    assert json.loads(render_geojson(empty)) == {"type": "FeatureCollection", "features": []}
    kml.KML.from_string(render_kml(empty))


def test_highlight_offsets() -> None:
    good = Evidence(article="a", start=14, end=19, sentence="He went to Paris.", sentence_start=3)
    assert split_sentence(good) == ("He went to ", "Paris", ".")
    bad = Evidence(article="a", start=90, end=95, sentence="He went to Paris.", sentence_start=3)
    assert split_sentence(bad) == ("He went to Paris.", "", "")


def test_evidence_looks_up_articles_and_unknown_ids() -> None:
    result = sample_result()
    result.articles = [ArticleInfo(id="other", title="x")]
    view = build_view(result)
    evidence = view.routes[0].stops[0].evidence[0]
    assert evidence.title == "train" and evidence.url == "" and evidence.date == ""


def test_labels_and_unwrapping() -> None:
    assert unwrap_longitudes([170.0, -170.0, -160.0]) == [170.0, 190.0, 200.0]
    assert unwrap_longitudes([-149.9, 158.65]) == [-149.9, 158.65 - 360]
    view = build_view(sample_result())
    stops = view.routes[0].stops
    assert stops[0].when == "2023-09-10 (on Sunday evening)"
    assert stops[3].when == "later this week"
    assert stops[1].country == "Russia" or stops[1].country == "Russian Federation"
    assert when_label(None) == ""


def test_geojson_structure() -> None:
    doc = json.loads(render_geojson(sample_result()))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    kinds = [feature["properties"]["feature"] for feature in doc["features"]]
    assert kinds.count("stop") == 7 and kinds.count("leg") == 5 and kinds.count("mention") == 6
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        lines = (
            [geometry["coordinates"]]
            if geometry["type"] == "Point"
            else [geometry["coordinates"]]
            if geometry["type"] == "LineString"
            else geometry["coordinates"]
        )
        points = lines if geometry["type"] == "Point" else [p for line in lines for p in line]
        for lon, lat in points:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert round(lon, 5) == lon and round(lat, 5) == lat
    stop = next(f for f in doc["features"] if f["id"] == "route-1-stop-1")
    assert stop["geometry"]["coordinates"] == [125.75432, 39.03385]  # lon, lat
    props = stop["properties"]
    assert (props["route"], props["actor"], props["order"], props["status"]) == (
        1,
        "Kim Jong Un",
        1,
        "visited",
    )
    assert props["when_start"] == "2023-09-10" and props["name"] == "Pyongyang"
    assert props["evidence"][0]["place_text"] == "Pyongyang"
    leg = next(f for f in doc["features"] if f["id"] == "route-1-leg-3")
    assert leg["properties"]["from"] == "Vostochny Cosmodrome"
    assert leg["properties"]["to"] == "Komsomolsk-on-Amur"
    assert leg["properties"]["status"] == "planned" and leg["properties"]["planned"] is True
    crossing = next(f for f in doc["features"] if f["id"] == "route-2-leg-1")
    assert crossing["geometry"]["type"] == "MultiLineString"
    first, second = crossing["geometry"]["coordinates"]
    assert first[-1][0] == -180.0 and second[0][0] == 180.0 and first[-1][1] == second[0][1]


def test_geojson_text_is_safe_to_embed() -> None:
    text = render_geojson(sample_result())
    assert "<" not in text and ">" not in text
    names = [f["properties"].get("name") for f in json.loads(text)["features"]]
    assert IMG in names and TEMPLATE in names


def test_kml_parses_with_fastkml() -> None:
    text = render_kml(sample_result())
    assert text.startswith('<kml xmlns="http://www.opengis.net/kml/2.2">')
    root = kml.KML.from_string(text)
    document = root.features[0]
    assert isinstance(document, Document)
    folders = [folder for folder in document.features if isinstance(folder, Folder)]
    assert [len(list(folder.features)) for folder in folders] == [5 + 4, 2 + 1, 6]
    assert (folders[0].name or "").startswith("Kim Jong Un")
    placemark = list(folders[0].features)[4]
    assert isinstance(placemark, Placemark)
    assert placemark.name == f"5. Vladivostok {IMG}"
    # The description is HTML for KML viewers: the hostile text in it is escaped.
    description = placemark.description or ""
    assert "&lt;img src=x" in description
    assert "<img" not in description
    assert "<b>Vladivostok &lt;img src=x onerror=alert(1)&gt;</b>" in description
    point = placemark.geometry
    assert isinstance(point, GeoPoint)
    assert (round(point.x, 5), round(point.y, 5)) == (131.87353, 43.10562)


def test_many_mentions_page_renders() -> None:
    data = data_block(render_html(many_mentions_result(), tiles="none"))
    assert len(data["mentions"]) == 80 and data["routes"] == []


def test_embed_snippet() -> None:
    snippet = embed_snippet('maps/kim "train".html', title=f"Map {SCRIPT}")
    assert snippet.startswith('<iframe src="maps/kim%20%22train%22.html"')
    assert 'title="Map &lt;script&gt;alert(1)&lt;/script&gt;"' in snippet
    url = embed_snippet("https://example.org/a map.html?x=1&y=2")
    assert 'src="https://example.org/a%20map.html?x=1&amp;y=2"' in url
    for bad in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>"):
        with pytest.raises(ValueError):
            embed_snippet(bad)


def test_every_hostile_string_is_in_the_fixture() -> None:
    view = build_view(sample_result())
    names = [m.name for m in view.mentions] + [s.name for r in view.routes for s in r.stops]
    texts = " ".join(names + [r.actor for r in view.routes])
    for hostile in HOSTILE:
        assert hostile in texts


def test_routes_are_labelled_with_actor_and_trip_dates() -> None:
    day = dt.date
    assert month_label(day(2023, 9, 11), day(2023, 9, 20)) == "Sep 2023"
    assert month_label(day(2019, 4, 30), day(2019, 5, 2)) == "Apr\u2013May 2019"
    assert month_label(day(2022, 12, 20), day(2023, 1, 3)) == "Dec 2022 \u2013 Jan 2023"
    assert month_label(None, day(2023, 9, 1)) == "Sep 2023" and month_label(None, None) == ""
    # Two trips in the same month fall back to their full dates; no dates, no suffix.
    assert route_labels(
        [
            ("Kim", day(2023, 9, 1), day(2023, 9, 2)),
            ("Kim", day(2023, 9, 20), None),
            ("Putin", None, None),
        ]
    ) == ["Kim, 2023-09-01 \u2013 2023-09-02", "Kim, 2023-09-20", "Putin"]
    labels = [route.label for route in build_view(newsroom_result()).routes]
    assert labels == ["Emmanuel Macron, Jun 2023", "Emmanuel Macron, May 2024"]
    data = data_block(render_html(newsroom_result(), tiles="none"))
    assert [route["label"] for route in data["routes"]] == labels


def test_map_opens_on_the_longest_latest_route_without_far_planned_stops() -> None:
    view = build_view(newsroom_result())
    assert view.primary == 1  # the five-stop tour, though listed second
    # Moscow (planned, far east of everything else) does not set the first view; Paris does.
    assert view.focus == (48.85341, 2.3488, 52.52437, 13.41053)
    data = data_block(render_html(newsroom_result(), tiles="none"))
    assert data["primary"] == 1 and data["focus"] == list(view.focus)
    assert build_view(sample_result()).primary == 0
    empty = build_view(MapResult(articles=[], places=[], routes=[]))
    assert empty.primary == -1 and empty.focus is None


def test_heading_carries_title_and_summary() -> None:
    page = render_html(newsroom_result(), tiles="none")
    assert "<title>Macron&#x27;s state visit</title>" in page
    assert '<p class="gm-summary">1 article · 2 places · 2 routes</p>' in page
    assert summary_line(sample_result()) == "2 articles · 7 places · 2 routes"


def test_time_of_day_is_not_repeated() -> None:
    when = TimeSpan(start=dt.date(2024, 5, 26), text="on Sunday afternoon", time_of_day="afternoon")
    assert when_label(when) == "2024-05-26 (on Sunday afternoon)"
    assert when_label(TimeSpan(text="In the evening", time_of_day="evening")) == "In the evening"
    assert when_label(TimeSpan(start=dt.date(2024, 5, 26), time_of_day="06:00")) == (
        "2024-05-26, 06:00"
    )
