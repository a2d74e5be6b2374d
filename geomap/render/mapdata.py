"""What the renderers draw, derived once from a MapResult: labels, colours, legs, evidence pieces.

Every renderer (HTML, GeoJSON, KML) reads this view so they agree on numbering, colours, which
legs are planned and how a sentence is split around the highlighted place name.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from dataclasses import dataclass, field

from geomap.models import ArticleInfo, Evidence, MapResult, PlaceEntry, Route, Stop, TimeSpan

# Colour-blind-friendly, distinct on light backgrounds (Okabe-Ito and Tableau hues).
ROUTE_COLOURS = (
    "#d62728",
    "#1f77b4",
    "#2ca02c",
    "#9467bd",
    "#e69f00",
    "#8c564b",
    "#e377c2",
    "#17becf",
)
MENTION_COLOUR = "#555555"
UNCONFIRMED = frozenset({"planned", "reported"})
COORD_DIGITS = 5  # about 1 m: more than the gazetteer's precision, keeps files small
MAX_EVIDENCE = 12  # sentences quoted per popup; the rest are counted


@dataclass(frozen=True)
class EvidenceView:
    """One supporting sentence cut around the place name, with where it comes from."""

    article_id: str
    sentence: str
    before: str
    match: str
    after: str
    title: str
    source: str
    url: str  # only an http(s) URL, else ""
    date: str

    def as_dict(self) -> dict[str, str]:
        return {
            "before": self.before,
            "match": self.match,
            "after": self.after,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "date": self.date,
        }


@dataclass(frozen=True)
class StopView:
    order: int  # 1-based position on the route
    place_id: str
    name: str
    admin1: str
    country: str
    lat: float
    lon: float  # real longitude, in [-180, 180]
    draw_lon: float  # longitude unwrapped along the route so legs never jump across the map
    status: str
    role: str
    unconfirmed: bool
    when: str
    when_start: str
    when_end: str
    evidence: list[EvidenceView]
    more_evidence: int


@dataclass(frozen=True)
class LegView:
    start: int  # index into the route's stops
    end: int
    unconfirmed: bool
    status: str  # status of the stop the leg goes to


@dataclass(frozen=True)
class RouteView:
    index: int  # 1-based
    actor: str
    label: str  # actor and trip dates, e.g. "Kim Jong Un, Sep 2023": tells two trips apart
    colour: str
    trip: str
    stops: list[StopView]
    legs: list[LegView]


@dataclass(frozen=True)
class MentionView:
    place_id: str
    name: str
    admin1: str
    country: str
    kind: str
    confidence: float
    lat: float
    lon: float
    evidence: list[EvidenceView]
    more_evidence: int
    mention_count: int


@dataclass(frozen=True)
class MapView:
    title: str
    routes: list[RouteView] = field(default_factory=list)
    mentions: list[MentionView] = field(default_factory=list)
    primary: int = -1  # index of the route the map opens on (longest, then latest), -1 if none
    focus: tuple[float, float, float, float] | None = None  # south, west, north, east to open on


def is_web_url(value: str | None) -> bool:
    """Only http(s) sources become links: `javascript:` and friends stay plain text."""
    if not value:
        return False
    lowered = value.strip().lower()
    return lowered.startswith(("http://", "https://")) and len(lowered) > len("https://")


def round_coord(value: float) -> float:
    rounded = round(value, COORD_DIGITS)
    return 0.0 if rounded == 0 else rounded  # no "-0.0" in the output


def date_label(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


CLOCK_TIME_RE = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d{2}\b", re.I
)


def when_label(when: TimeSpan | None) -> str:
    """'2023-09-12', '2023-09-12 – 2023-09-13 (this week)', or the text as written."""
    if when is None:
        return ""
    dates = ""
    if when.start and when.end and when.end != when.start:
        dates = f"{when.start.isoformat()} – {when.end.isoformat()}"
    elif when.start or when.end:
        dates = (when.start or when.end or dt.date.min).isoformat()
    text = when.text.strip()
    label = f"{dates} ({text})" if dates and text else dates or text
    if (
        when.time_of_day
        and when.time_of_day.lower() not in text.lower()
        and not CLOCK_TIME_RE.search(text)  # "at 6 a.m. on Tuesday" already says 06:00
    ):
        label = f"{label}, {when.time_of_day}" if label else when.time_of_day
    return label


def trip_label(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start != end:
        return f"{start.isoformat()} – {end.isoformat()}"
    return date_label(start or end)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(start: dt.date | None, end: dt.date | None) -> str:
    """A trip's dates as a reader names them: 'Sep 2023', 'Apr–May 2019', 'Dec 2022 – Jan 2023'."""
    first, last = start or end, end or start
    if first is None or last is None:
        return ""
    if (first.year, first.month) == (last.year, last.month):
        return f"{MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{MONTHS[first.month - 1]}\u2013{MONTHS[last.month - 1]} {first.year}"
    return f"{MONTHS[first.month - 1]} {first.year} \u2013 {MONTHS[last.month - 1]} {last.year}"


def route_labels(routes: list[tuple[str, dt.date | None, dt.date | None]]) -> list[str]:
    """'Actor, Sep 2023' for each (actor, trip start, trip end); full dates where months clash."""
    labels = []
    for actor, start, end in routes:
        when = month_label(start, end)
        labels.append(f"{actor}, {when}" if when else actor)
    clashes = {label for label in labels if labels.count(label) > 1}
    return [
        f"{actor}, {trip_label(start, end)}" if label in clashes and (start or end) else label
        for label, (actor, start, end) in zip(labels, routes, strict=True)
    ]


def split_sentence(evidence: Evidence) -> tuple[str, str, str]:
    """Cut the sentence into (before, place name, after) using the article offsets.

    Offsets that do not fall inside the sentence (bad input) give no highlight rather than a
    wrong one.
    """
    sentence = evidence.sentence
    start = evidence.start - evidence.sentence_start
    end = evidence.end - evidence.sentence_start
    if 0 <= start < end <= len(sentence):
        return sentence[:start], sentence[start:end], sentence[end:]
    return sentence, "", ""


def evidence_views(
    evidence: list[Evidence], articles: dict[str, ArticleInfo]
) -> tuple[list[EvidenceView], int]:
    """Distinct sentences (first occurrence wins), at most MAX_EVIDENCE, and how many were left."""
    seen: set[tuple[str, int, int]] = set()
    views: list[EvidenceView] = []
    for item in evidence:
        key = (item.article, item.start, item.end)
        if key in seen:
            continue
        seen.add(key)
        article = articles.get(item.article)
        source = (article.source or "") if article else ""
        before, match, after = split_sentence(item)
        views.append(
            EvidenceView(
                article_id=item.article,
                sentence=item.sentence,
                before=before,
                match=match,
                after=after,
                title=(article.title if article and article.title else item.article),
                source=source,
                url=source.strip() if is_web_url(source) else "",
                date=date_label(article.published) if article else "",
            )
        )
    return views[:MAX_EVIDENCE], max(0, len(views) - MAX_EVIDENCE)


def unwrap_longitudes(lons: list[float]) -> list[float]:
    """Shift each longitude by 360° so consecutive stops are never more than 180° apart."""
    out: list[float] = []
    for lon in lons:
        if out:
            while lon - out[-1] > 180:
                lon -= 360
            while lon - out[-1] < -180:
                lon += 360
        out.append(lon)
    return out


def country_names(result: MapResult) -> dict[str, str]:
    """Country code -> name, as the pipeline named it (first seen), for stops that carry a code."""
    names: dict[str, str] = {}
    for place in result.places:
        if place.country and place.country_name:
            names.setdefault(place.country.upper(), place.country_name)
    return names


def _country(code: str | None, place: PlaceEntry | None, names: dict[str, str]) -> str:
    if place and place.country_name:
        return place.country_name
    code = code or (place.country if place else None)
    if not code:
        return ""
    if code.upper() in names:
        return names[code.upper()]
    import pycountry  # only for codes the pipeline left unnamed

    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if country is not None:
        return str(getattr(country, "common_name", None) or country.name)
    return code


def _stop_view(
    order: int,
    stop: Stop,
    draw_lon: float,
    places: dict[str, PlaceEntry],
    articles: dict[str, ArticleInfo],
    names: dict[str, str],
) -> StopView:
    place = places.get(stop.place_id)
    evidence, more = evidence_views(stop.evidence, articles)
    return StopView(
        order=order,
        place_id=stop.place_id,
        name=stop.name,
        admin1=stop.admin1 or (place.admin1 if place and place.admin1 else ""),
        country=_country(stop.country, place, names),
        lat=round_coord(stop.lat),
        lon=round_coord(stop.lon),
        draw_lon=round_coord(draw_lon),
        status=stop.status,
        role=stop.role,
        unconfirmed=stop.status in UNCONFIRMED,
        when=when_label(stop.when),
        when_start=date_label(stop.when.start if stop.when else None),
        when_end=date_label(stop.when.end if stop.when else None),
        evidence=evidence,
        more_evidence=more,
    )


FOCUS_OUTLIER = 8.0  # an unconfirmed stop this many median spreads away does not set the view


def primary_route(routes: list[Route]) -> int:
    """The route a reader most likely came for: the most stops, then the latest trip."""
    if not routes:
        return -1
    return max(
        range(len(routes)),
        key=lambda i: (
            len(routes[i].stops),
            routes[i].trip_end or routes[i].trip_start or dt.date.min,
            -i,
        ),
    )


def focus_bounds(stops: list[StopView]) -> tuple[float, float, float, float] | None:
    """Bounds of a route's stops, leaving out far-off planned or reported ones.

    "He may go on to Moscow" should not shrink a journey around Vladivostok to a dot: an
    unconfirmed stop more than FOCUS_OUTLIER times the stops' median distance from their
    median point is left to be reached by the panel (its leg still points off the screen).
    """
    if len(stops) < 2:
        return None
    mid_lat = statistics.median(stop.lat for stop in stops)
    mid_lon = statistics.median(stop.draw_lon for stop in stops)
    scale = math.cos(math.radians(mid_lat))

    def spread(stop: StopView) -> float:
        return math.hypot(stop.lat - mid_lat, (stop.draw_lon - mid_lon) * scale)

    limit = FOCUS_OUTLIER * max(statistics.median(spread(stop) for stop in stops), 0.05)
    kept = [stop for stop in stops if not (stop.unconfirmed and spread(stop) > limit)]
    if len(kept) < 2:
        kept = stops
    return (
        min(stop.lat for stop in kept),
        min(stop.draw_lon for stop in kept),
        max(stop.lat for stop in kept),
        max(stop.draw_lon for stop in kept),
    )


def build_view(result: MapResult) -> MapView:
    """The MapResult as the renderers need it. Pure and deterministic."""
    articles = {article.id: article for article in result.articles}
    places = {place.id: place for place in result.places}
    names = country_names(result)
    routes: list[RouteView] = []
    labels = route_labels([(r.actor, r.trip_start, r.trip_end) for r in result.routes])
    for index, route in enumerate(result.routes, start=1):
        draw_lons = unwrap_longitudes([stop.lon for stop in route.stops])
        stops = [
            _stop_view(order, stop, draw_lon, places, articles, names)
            for order, (stop, draw_lon) in enumerate(zip(route.stops, draw_lons, strict=True), 1)
        ]
        legs = [
            LegView(
                start=i,
                end=i + 1,
                unconfirmed=stops[i].unconfirmed or stops[i + 1].unconfirmed,
                status=stops[i + 1].status,
            )
            for i in range(len(stops) - 1)
        ]
        routes.append(
            RouteView(
                index=index,
                actor=route.actor,
                label=labels[index - 1] + (" (earlier trip)" if route.earlier else ""),
                colour=ROUTE_COLOURS[(index - 1) % len(ROUTE_COLOURS)],
                trip=trip_label(route.trip_start, route.trip_end),
                stops=stops,
                legs=legs,
            )
        )
    mentions: list[MentionView] = []
    for place in result.places:
        if place.on_route:
            continue
        evidence, more = evidence_views(place.mentions, articles)
        mentions.append(
            MentionView(
                place_id=place.id,
                name=place.name,
                admin1=place.admin1 or "",
                country=_country(place.country, place, names),
                kind=place.kind,
                confidence=round(place.confidence, 3),
                lat=round_coord(place.lat),
                lon=round_coord(place.lon),
                evidence=evidence,
                more_evidence=more,
                mention_count=len(place.mentions),
            )
        )
    primary = primary_route(result.routes)
    return MapView(
        title=result.title,
        routes=routes,
        mentions=mentions,
        primary=primary,
        focus=focus_bounds(routes[primary].stops) if primary >= 0 else None,
    )
