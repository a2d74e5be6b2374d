"""The map in a real headless Chromium: drawn, clickable, readable on a phone, inert to hostile
text, and silent on the network when tiles are off."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_render_fixture import (
    IMG,
    SCRIPT,
    TEMPLATE,
    many_mentions_result,
    newsroom_result,
    sample_result,
)

from geomap.render import render_html, render_png

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

if not Path(CHROMIUM).exists():
    pytest.skip(f"headless Chromium not found at {CHROMIUM}", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if sync_playwright is None:
        pytest.skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


class Page:
    """A page with the network blocked and every request, dialog and console error recorded."""

    def __init__(self, browser: Any, path: Path, width: int = 1280, height: int = 800) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on(
            "console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None
        )
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-geomap-ready]", timeout=15000)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def popup_text(self) -> str:
        """Text of the newest popup (a closed one fades out for 200 ms before it is removed)."""
        self.page.wait_for_selector(".leaflet-popup-content")
        return str(self.page.locator(".leaflet-popup-content").last.inner_text())

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def map_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(render_html(sample_result(), tiles="none"), encoding="utf-8")
    return path


@pytest.fixture()
def page(browser: Any, map_file: Path) -> Iterator[Page]:
    opened = Page(browser, map_file)
    yield opened
    opened.close()


def test_map_draws_stops_legs_and_mentions_offline(page: Page) -> None:
    p = page.page
    assert p.locator(".gm-stop-icon").count() == 7
    assert p.locator("path.gm-leg").count() == 5
    assert p.locator("path.gm-leg-unconfirmed").count() == 2
    assert p.locator(".gm-arrow").count() == 5
    assert p.locator("path.gm-mention").count() == 6
    assert p.locator(".gm-unconfirmed").count() >= 2
    assert p.locator(".leaflet-control-layers-overlays label").count() == 2 + 2
    assert p.locator(".gm-legend").count() == 1
    p.wait_for_timeout(300)
    assert page.requests == []
    assert page.errors == []


def test_popup_quotes_the_sentence_with_the_place_marked(page: Page) -> None:
    page.page.locator(".gm-stop-icon").first.click()
    text = page.popup_text()
    assert "Pyongyang" in text and "North Korea" in text
    assert "The armoured train left Pyongyang on Sunday evening." in text
    assert "Leader's train arrives in Russia's Far East" in text and "12 Sep 2023" in text
    assert "Stop 1 of 5 · Kim Jong Un, Sep 2023" in text
    assert page.page.locator(".leaflet-popup-content mark").last.inner_text() == "Pyongyang"
    link = page.page.locator(".leaflet-popup-content a[href]")
    assert link.get_attribute("href") == "https://news.example.org/2023/09/train"
    assert "noopener" in (link.get_attribute("rel") or "")


def test_itinerary_panel_opens_stops_and_steps(page: Page) -> None:
    p = page.page
    assert p.is_visible("#gm-panel")
    p.locator(".gm-stop-btn").nth(2).click()
    assert "Vostochny Cosmodrome" in page.popup_text()
    assert p.inner_text("#gm-pos") == "Stop 3 of 7"
    p.click("#gm-next")
    assert "Komsomolsk-on-Amur" in page.popup_text()
    assert "planned" in page.popup_text()
    p.click("#gm-prev")
    p.click("#gm-prev")
    assert "Khasan" in page.popup_text()
    assert p.inner_text("#gm-pos") == "Stop 2 of 7"
    p.click("#gm-toggle")
    assert not p.is_visible("#gm-panel")
    p.click("#gm-toggle")
    assert p.is_visible("#gm-panel")
    assert page.errors == []


def test_hostile_text_stays_inert_and_literal(page: Page) -> None:
    p = page.page
    assert IMG in p.inner_text("h1") and SCRIPT in p.inner_text("h1")
    assert p.title().startswith("Train journey <img")
    p.locator(".gm-stop-btn").nth(4).click()  # Vladivostok <img ...>, reported stop
    text = page.popup_text()
    assert f"Vladivostok {IMG}" in text and SCRIPT in text  # place name and admin1
    assert "javascript:alert(1)" in text  # the source, as text
    assert p.locator(".leaflet-popup-content a").count() == 0
    p.locator(".gm-stop-btn").nth(5).click()  # the delegation's route: hostile actor
    assert f"Delegation {SCRIPT} {TEMPLATE}" in page.popup_text()
    p.hover(".leaflet-control-layers")
    assert f"Delegation {SCRIPT} {TEMPLATE}, Sep 2023" in p.inner_text(".leaflet-control-layers")
    legend = p.inner_text(".gm-legend")
    assert SCRIPT in legend and TEMPLATE in legend
    # Open the hostile mentions' popups too.
    for index in range(p.locator("path.gm-mention").count()):
        p.evaluate(
            "i => document.querySelectorAll('path.gm-mention')[i]"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}))",
            index,
        )
    p.wait_for_timeout(300)
    assert p.locator("img[src='x'], img[src=x]").count() == 0
    assert p.evaluate("document.querySelectorAll('script').length") == 5  # ours only
    assert page.dialogs == []
    assert page.errors == []
    assert page.requests == []


def test_phone_viewport_panel_collapses_and_popup_fits(browser: Any, map_file: Path) -> None:
    phone = Page(browser, map_file, width=375, height=667)
    try:
        p = phone.page
        assert not p.is_visible("#gm-panel")  # collapsed at first on a phone
        p.click("#gm-toggle")
        assert p.is_visible("#gm-panel")
        p.locator(".gm-stop-btn").nth(4).click()
        phone.popup_text()
        p.wait_for_timeout(700)  # fade-in and auto-pan
        box = p.locator(".leaflet-popup").bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert box["y"] >= 0 and box["y"] + box["height"] <= 667
        p.click("#gm-toggle")
        assert not p.is_visible("#gm-panel")
        assert phone.errors == [] and phone.requests == []
    finally:
        phone.close()


def test_tiles_osm_asks_only_the_tile_server(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "osm.html"
    path.write_text(render_html(sample_result(), tiles="osm"), encoding="utf-8")
    opened = Page(browser, path)
    try:
        opened.page.wait_for_timeout(500)
        assert opened.requests, "expected tile requests"
        assert all(url.startswith("https://tile.openstreetmap.org/") for url in opened.requests)
        assert "OpenStreetMap" in opened.page.inner_text(".leaflet-control-attribution")
    finally:
        opened.close()


def test_many_mentions_are_grouped(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "many.html"
    path.write_text(render_html(many_mentions_result(), tiles="none"), encoding="utf-8")
    opened = Page(browser, path)
    try:
        p = opened.page
        groups = p.locator(".gm-group").count()
        singles = p.locator("path.gm-mention").count()
        assert groups >= 1 and singles < 80
        p.locator(".gm-group").first.click()
        p.wait_for_timeout(600)
        assert p.locator("path.gm-mention").count() > singles
        assert opened.errors == [] and opened.requests == []
    finally:
        opened.close()


def test_png_snapshot(map_file: Path, tmp_path: Path) -> None:
    if shutil.which("chromium") is None and not Path(CHROMIUM).exists():
        pytest.skip("no chromium")
    target = tmp_path / "out" / "map.png"
    render_png(map_file, target)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert not [p for p in target.parent.iterdir() if p.name != "map.png"]  # no temp left


@pytest.fixture(scope="module")
def newsroom_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("newsroom") / "map.html"
    path.write_text(render_html(newsroom_result(), tiles="none"), encoding="utf-8")
    return path


@pytest.fixture()
def newsroom(browser: Any, newsroom_file: Path) -> Iterator[Page]:
    opened = Page(browser, newsroom_file)
    yield opened
    opened.close()


def _boxes(p: Any, selector: str) -> list[dict[str, float]]:
    return [box for box in (item.bounding_box() for item in p.locator(selector).all()) if box]


def _inside(box: dict[str, float], area: dict[str, float]) -> bool:
    return (
        area["x"] <= box["x"] + box["width"] / 2 <= area["x"] + area["width"]
        and area["y"] <= box["y"] + box["height"] / 2 <= area["y"] + area["height"]
    )


def test_trips_are_told_apart_and_the_longest_comes_first(newsroom: Page) -> None:
    p = newsroom.page
    assert p.inner_text("h1") == "Macron's state visit"
    assert p.inner_text(".gm-summary") == "1 article · 2 places · 2 routes"
    titles = p.locator(".gm-route-title").all_inner_texts()
    assert titles == ["Emmanuel Macron, May 2024", "Emmanuel Macron, Jun 2023"]
    legend = p.inner_text(".gm-legend")
    assert "Emmanuel Macron, May 2024" in legend and "Emmanuel Macron, Jun 2023" in legend
    p.hover(".leaflet-control-layers")
    layers = p.inner_text(".leaflet-control-layers")
    assert "Emmanuel Macron, May 2024" in layers and "Emmanuel Macron, Jun 2023" in layers
    assert "26 May 2024 – 28 May 2024 · 5 stops" in p.inner_text("#gm-panel")
    assert newsroom.errors == [] and newsroom.requests == []


def test_first_view_fits_the_main_route_and_close_stops_do_not_cover_each_other(
    newsroom: Page,
) -> None:
    p = newsroom.page
    area = p.locator(".folium-map").bounding_box()
    assert area is not None
    names = p.evaluate(
        "[...document.querySelectorAll('.gm-stop-icon .gm-stop')]"
        ".map(b => b.getAttribute('aria-label'))"
    )
    badges = dict(zip(names, _boxes(p, ".gm-stop-icon .gm-stop"), strict=True))
    for name in ("Stop 1: Berlin", "Stop 2: Potsdam", "Stop 3: Berlin", "Stop 4: Paris"):
        assert _inside(badges[name], area), name
    assert not _inside(badges["Stop 5: Moscow"], area)  # far-off and only planned
    boxes = list(badges.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
            overlap_y = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
            assert overlap_x <= 2 or overlap_y <= 2, (a, b)
    assert p.locator(".gm-stop-icon.gm-spread").count() >= 3  # Berlin, Potsdam, Berlin
    # Opening Potsdam from the panel zooms in until it stands clear of Berlin.
    p.locator(".gm-stop-btn").nth(1).click()
    newsroom.popup_text()
    assert p.locator(".gm-stop-icon.gm-spread").count() == 2  # only Berlin's two visits
    assert newsroom.errors == []


def test_long_quotes_and_many_quotes_fold(newsroom: Page) -> None:
    p = newsroom.page
    # Rome: eight quotes, three shown; its marker is larger and its tooltip counts them.
    p.click(".leaflet-control-zoom-out")
    p.wait_for_timeout(400)
    rome, vienna = p.locator("path.gm-mention").all()
    assert (rome.bounding_box() or {})["width"] > (vienna.bounding_box() or {})["width"] + 4
    rome.dispatch_event("mouseover")
    assert "Rome · 8 mentions" in p.inner_text(".leaflet-tooltip-pane")
    rome.dispatch_event("click")
    newsroom.popup_text()
    quotes = p.locator(".leaflet-popup-content .gm-evidence li")
    assert quotes.count() == 8 and sum(quote.is_visible() for quote in quotes.all()) == 3
    p.locator(".leaflet-popup-content .gm-link", has_text="Show 5 more quotes").click()
    assert sum(quote.is_visible() for quote in quotes.all()) == 8
    p.locator(".gm-stop-btn").nth(1).click()  # Potsdam: one long sentence
    text = newsroom.popup_text()
    assert "Potsdam" in text and "…" in text and "almost an hour" not in text
    assert p.locator(".leaflet-popup-content mark").last.inner_text() == "Potsdam"
    p.locator(".leaflet-popup-content .gm-link", has_text="Show full sentence").click()
    text = newsroom.popup_text()
    assert "questions from reporters for almost an hour." in text and "Show less" in text
    assert "After a morning of talks" in text
    assert newsroom.errors == [] and newsroom.requests == []
