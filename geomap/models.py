"""Every model that flows between pipeline steps, defined in one place.

article -> sentences -> mentions -> resolved places -> movements -> routes -> map.
All offsets are code-point offsets into `Article.text` exactly as read (end exclusive).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gazetteer.models import Place

Status = Literal["visited", "passed", "planned", "reported"]
Role = Literal["origin", "stop", "pass", "destination"]
ActorKind = Literal["person", "storm", "ship", "race", "group"]


class Article(BaseModel):
    """One input article. `id` is unique within a run (file stem, JSONL id, or 'stdin')."""

    id: str
    title: str = ""
    source: str | None = None  # publisher or URL
    published: dt.date | None = None
    text: str
    path: str | None = None  # where it was read from, for messages


class Sentence(BaseModel):
    model_config = ConfigDict(frozen=True)

    article_id: str
    index: int
    start: int
    end: int
    text: str


class Mention(BaseModel):
    """A place name found in the text. `kind` says how it is used."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    sentence_index: int
    start: int
    end: int
    surface: str
    demonym: bool = False  # "Russian" in "Russian President": a place reference only as modifier
    # Inside an organisation's name ("The New York Times") or a compound ("US-China talks"):
    # a reference, not where something happens. Kept for extraction, left off maps and routes.
    embedded: bool = False


class ResolvedMention(BaseModel):
    """A mention with the gazetteer place chosen for it; `place` is None when geomap abstains."""

    model_config = ConfigDict(frozen=True)

    mention: Mention
    place: Place | None
    confidence: float = Field(ge=0.0, le=1.0)


class TimeSpan(BaseModel):
    """When something happened, normalised as far as the text allows."""

    model_config = ConfigDict(frozen=True)

    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""  # the time expression as written ("on Tuesday", "in 2019")
    time_of_day: str | None = None  # "morning", "14:00", ...


class Movement(BaseModel):
    """An actor at a place in a role, at a time, with a status. One per (sentence, place, actor)."""

    model_config = ConfigDict(frozen=True)

    actor: str
    article_id: str
    sentence_index: int
    actor_kind: ActorKind = "person"  # a storm, ship, race or group moves for longer stretches
    start: int  # offsets of the place name in the article text
    end: int
    place: Place
    role: Role
    status: Status
    when: TimeSpan | None = None
    historical: bool = False  # belongs to an earlier trip than the article's main news
    cue: str = ""  # the verb or phrase that signalled the movement, for debugging and evidence
    sentence: str = ""  # the sentence it was read from, quoted as the stop's evidence
    sentence_start: int = 0  # offset of that sentence in the article text


class Evidence(BaseModel):
    """A sentence supporting a place or stop: offsets are those of the place name in the article."""

    model_config = ConfigDict(frozen=True)

    article: str  # Article.id
    start: int
    end: int
    sentence: str
    sentence_start: int = 0  # offset of the sentence in the article, so the name can be highlighted


class Stop(BaseModel):
    place_id: str
    name: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    role: Role = "stop"
    when: TimeSpan | None = None
    status: Status
    evidence: list[Evidence] = Field(default_factory=list)


class Route(BaseModel):
    actor: str
    trip_start: dt.date | None = None
    trip_end: dt.date | None = None
    stops: list[Stop]
    # An earlier trip the articles recall ("two years ago she cycled from Cairo to Cape
    # Town"), not the journey they report: its own route, labelled apart on the map.
    earlier: bool = False


class ArticleInfo(BaseModel):
    id: str
    title: str
    source: str | None = None
    published: dt.date | None = None


class PlaceEntry(BaseModel):
    """A place mentioned in the articles, with every mention as evidence."""

    id: str
    name: str
    country: str | None = None
    country_name: str | None = None
    admin1: str | None = None
    lat: float
    lon: float
    kind: str
    confidence: float = 1.0
    on_route: bool = False
    mentions: list[Evidence] = Field(default_factory=list)


class MapResult(BaseModel):
    """The full result of a run: what `NAME.json` holds and what the renderers draw."""

    title: str = "geomap"
    articles: list[ArticleInfo]
    places: list[PlaceEntry]
    routes: list[Route]


class ArticleAnalysis(BaseModel):
    """Everything the per-article steps found in one article (the unit of batch work)."""

    article: Article
    sentences: list[Sentence]
    resolved: list[ResolvedMention]
    movements: list[Movement]


class Toponym(BaseModel):
    """One recognised place name as `geomap extract` writes it (the benchmarks' format)."""

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    confidence: float
    place_id: str | None = None
    kind: str | None = None


class ExtractedArticle(BaseModel):
    id: str
    toponyms: list[Toponym]
