"""The pipeline, end to end: article -> sentences -> mentions -> places -> movements -> routes.

`analyse_article` is the per-article unit of work (what batch workers run);
`run` combines analyses of many articles into routes and the map's data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from geomap.errors import GazetteerError, GeomapError
from geomap.models import (
    Article,
    ArticleAnalysis,
    ArticleInfo,
    Evidence,
    ExtractedArticle,
    MapResult,
    PlaceEntry,
    ResolvedMention,
    Route,
    Sentence,
    Toponym,
)
from geomap.movements import extract_movements
from geomap.recognise import find_mentions
from geomap.resolve import resolve_mentions
from geomap.routes import build_routes
from geomap.sentences import split_sentences

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer


def open_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use; any failure becomes a one-line `GazetteerError`."""
    from gazetteer.store import Gazetteer

    try:
        return Gazetteer.open()
    except GeomapError:
        raise
    except Exception as exc:  # the gazetteer package raises its own errors
        raise GazetteerError(f"cannot open the gazetteer: {exc}") from exc


def analyse_article(article: Article, gazetteer: Gazetteer) -> ArticleAnalysis:
    """All per-article steps; depends on nothing but the article and the gazetteer."""
    sentences = split_sentences(article)
    mentions = find_mentions(article, sentences, gazetteer)
    resolved = resolve_mentions(article, mentions, gazetteer)
    located = [r for r in resolved if not r.mention.embedded]
    movements = extract_movements(article, sentences, located)
    return ArticleAnalysis(
        article=article, sentences=sentences, resolved=resolved, movements=movements
    )


def extract_toponyms(article: Article, gazetteer: Gazetteer) -> ExtractedArticle:
    """Recognition and resolution only, in the benchmarks' prediction format."""
    sentences = split_sentences(article)
    mentions = find_mentions(article, sentences, gazetteer)
    resolved = resolve_mentions(article, mentions, gazetteer)
    return ExtractedArticle(id=article.id, toponyms=[_toponym(r) for r in resolved])


def _toponym(resolved: ResolvedMention) -> Toponym:
    mention, place = resolved.mention, resolved.place
    return Toponym(
        start=mention.start,
        end=mention.end,
        name=mention.surface,
        lat=round(place.lat, 5) if place else None,
        lon=round(place.lon, 5) if place else None,
        confidence=resolved.confidence,
        place_id=place.id if place else None,
        kind=place.kind if place else None,
    )


def evidence_for(start: int, end: int, sentence: Sentence, article_id: str) -> Evidence:
    return Evidence(
        article=article_id,
        start=start,
        end=end,
        sentence=sentence.text,
        sentence_start=sentence.start,
    )


def _actor_matches(route: Route, actor: str) -> bool:
    wanted = actor.casefold().replace("-", " ")
    return wanted in route.actor.casefold().replace("-", " ")


def collect_places(
    analyses: Sequence[ArticleAnalysis], routes: Sequence[Route]
) -> list[PlaceEntry]:
    """Every resolved place with all its mentions as evidence, in first-mention order."""
    on_route = {stop.place_id for route in routes for stop in route.stops}
    entries: dict[str, PlaceEntry] = {}
    for analysis in analyses:
        sentences = {s.index: s for s in analysis.sentences}
        for item in analysis.resolved:
            place = item.place
            if place is None or item.mention.demonym or item.mention.embedded:
                continue
            entry = entries.get(place.id)
            if entry is None:
                entry = entries[place.id] = PlaceEntry(
                    id=place.id,
                    name=place.name,
                    country=place.country,
                    country_name=place.country_name,
                    admin1=place.admin1,
                    lat=place.lat,
                    lon=place.lon,
                    kind=place.kind,
                    confidence=item.confidence,
                    on_route=place.id in on_route,
                )
            entry.confidence = max(entry.confidence, item.confidence)
            sentence = sentences[item.mention.sentence_index]
            entry.mentions.append(
                evidence_for(item.mention.start, item.mention.end, sentence, analysis.article.id)
            )
    return list(entries.values())


def _default_title(articles: Sequence[Article], routes: Sequence[Route]) -> str:
    """One article's own title; for several, the journey with the most stops."""
    if len(articles) == 1 and articles[0].title:
        return articles[0].title
    if routes:
        main = max(routes, key=lambda r: (len(r.stops), r.trip_start or dt.date.min))
        when = f", {main.trip_start:%B %Y}" if main.trip_start else ""
        return f"The journey of {main.actor}{when}"
    return f"Places in {len(articles)} articles"


def combine(
    analyses: Sequence[ArticleAnalysis], *, title: str | None = None, actor: str | None = None
) -> MapResult:
    """Routes across all articles, places with their evidence: the data of one map."""
    articles = [a.article for a in analyses]
    movements = [m for a in analyses for m in a.movements]
    routes = build_routes(movements, articles)
    if actor:
        routes = [r for r in routes if _actor_matches(r, actor)]
    places = collect_places(analyses, routes)
    default_title = _default_title(articles, routes)
    return MapResult(
        title=title or default_title,
        articles=[
            ArticleInfo(id=a.id, title=a.title, source=a.source, published=a.published)
            for a in articles
        ],
        places=places,
        routes=routes,
    )


def run(
    articles: Iterable[Article],
    gazetteer: Gazetteer,
    *,
    title: str | None = None,
    actor: str | None = None,
) -> MapResult:
    return combine([analyse_article(a, gazetteer) for a in articles], title=title, actor=actor)
