"""Choose the gazetteer place each mention refers to, with a confidence; abstain when unsure.

Two passes over a document. The first collects context from unambiguous mentions: countries
and first-level regions named, and "Town, Country" pairs. The second scores every candidate by
kind, population, how the name matched, that context, and nearness to places already resolved.
One name keeps one sense within a document.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from geopy.distance import EARTH_RADIUS

from gazetteer.models import Candidate, Place
from gazetteer.names import ascii_fold, normalize_name
from gazetteer.placetable import trusted
from geomap.models import Article, Mention, ResolvedMention
from geomap.recognise import usable_candidates

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer

# Prior weight of a place by its kind: news names countries and curated features far more often
# than the villages that share their names.
KIND_WEIGHT: dict[str, float] = {
    "country": 10.5,
    "continent": 8.0,
    "capital": 2.5,
    "admin1": 5.0,
    "admin2": 2.0,
    "city": 1.0,
    "airport": 1.5,
    "spaceport": 5.0,
    "sea": 5.0,
    "river": 4.0,
    "lake": 4.0,
    "region": 4.5,
    "island": 4.0,
    "mountain": 4.0,
    "border_crossing": 4.0,
    "site": 4.5,
}
NAME_TYPE_WEIGHT: dict[str, float] = {
    "main": 0.0,
    "alias": 0.0,
    "abbreviation": -0.3,
    "alternate": -1.2,
    "demonym": 0.0,
}
POPULATION_WEIGHT = 0.8
REGION_POPULATION_BASE = 1_000_000
BIG_CITY_POPULATION = 1_000_000
COUNTRY_CONTEXT_WEIGHT = 3.0
REGION_CONTEXT_WEIGHT = 2.0
SIBLING_REGION_WEIGHT = 3.5  # "Georgia" beside "Alabama" is the state
PAIR_WEIGHT = 4.0
NEARNESS_WEIGHT = 1.0
NEARNESS_SCALE_KM = 400.0
FOREIGN_COUNTRY_PENALTY = 3.0
ACRONYM_MISMATCH_PENALTY = 3.0
COUNTRY_NAMESAKE_PENALTY = 3.0
ALTERNATE_COUNTRY_PENALTY = 5.0
LOCAL_RADIUS_KM = 120.0
LOCAL_WEIGHT = 2.0
LOCAL_MAX_SUPPORT = 3
# Only firm anchors vouch for a town's neighbourhood (_is_firm): a pick made with at least this
# confidence, by a name of its own (not _borrowed), from a name used as a place. Otherwise wrong
# guesses vouch for each other ("Manchester" read as Paterson, New Jersey, puts "Dublin" in
# Pennsylvania).
LOCAL_ANCHOR_CONFIDENCE = 0.25
# Nor does a small namesake of a capital or of a city this big: it was itself a guess against the
# famous place ("Edinburgh" read as the Indiana town would put "Dublin" in Indiana).
FAMOUS_NAMESAKE_POPULATION = 500_000
# Kinds that never vouch: a national capital is mostly named for its government ("Washington
# said"), which says nothing of where the story's small towns are; a sea's point is nowhere.
NOT_LOCAL_ANCHOR_KINDS = frozenset({"country", "continent", "capital", "sea"})
OWN_NAME_TYPES = frozenset({"main", "alias", "abbreviation", "demonym"})
_NAME_KEY_WORDS = {"saint": "st", "sainte": "st", "ste": "st", "fort": "ft", "mount": "mt"}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
ABSTAIN_BELOW = 0.15
PAIR_GAP_RE = re.compile(r",\s{0,2}(?:the\s)?")
PAIR_GAP_MAX = len(",  the ")  # the longest gap PAIR_GAP_RE matches
DATELINE_TAIL_RE = re.compile(r"\s?(?:\(|,|-|–|—)")
DATELINE_AGENCY_RE = re.compile(r"\s?\([A-Z][A-Za-z]{1,12}\)")  # "(AP)", "(Reuters)"
DATELINE_AREA_PENALTY = 3.0
AREA_KINDS = frozenset({"country", "continent", "admin1", "sea", "region"})
# "the North Pole", "reached the Big Bend": English gives towns no article, and features one. A
# town read for a name said with "the" and not used as a modifier ("the Paris attacks") loses
# against a feature of the same name.
THE_BEFORE_RE = re.compile(r"\b[Tt]he\s$")
THE_NAME_END_RE = re.compile(
    r"\s?(?:[.,;:!?)\]'\"’”]|$|(?:in|to|on|at|from|for|and|or|of|with|by|after|before|"
    r"since|until|where|was|is|has|had|were|are|into|onto|itself)\b)"
)
THE_TOWN_PENALTY = 3.0
FEATURE_KINDS = frozenset(
    {"region", "sea", "river", "lake", "island", "mountain", "site", "continent"}
)
TOWN_KINDS = frozenset({"city", "capital", "admin2"})


@dataclass(frozen=True)
class _Anchor:
    """A place an earlier pick resolved a name to, and whether it may vouch for its neighbours.

    `point` (its latitude in radians, that one's cosine, its longitude) is kept so that the
    distance of every candidate to it does not convert them again (_distances_from)."""

    place: Place
    firm: bool
    point: tuple[float, float, float] = (0.0, 1.0, 0.0)
    place_id: str = ""  # `place.id`, compared for every candidate x anchor


def _anchor(place: Place, firm: bool) -> _Anchor:
    phi = math.radians(place.lat)
    return _Anchor(place, firm, (phi, math.cos(phi), place.lon), place.id)


@dataclass(frozen=True)
class _NameFacts:
    """What scoring asks of all of a name's candidates at once, gathered once per name: asked
    for each candidate in turn, it made scoring quadratic in a common name's candidates."""

    countries: frozenset[str | None]  # the candidates' countries
    big_city_countries: frozenset[str | None]  # countries of its cities of BIG_CITY_POPULATION
    has_town: bool  # a city or capital among the readings
    has_feature: bool  # a feature (FEATURE_KINDS) among the readings
    has_water: bool  # a sea, river or lake among the readings
    big_ids: frozenset[str]  # capitals and cities of BIG_CITY_POPULATION: big namesakes
    famous_ids: frozenset[str]  # capitals and cities of FAMOUS_NAMESAKE_POPULATION
    own_name_ids: frozenset[str]  # places the name is an own name of (OWN_NAME_TYPES)


def _name_facts(candidates: Sequence[Candidate]) -> _NameFacts:
    places = [c.place for c in candidates]
    towns = [p for p in places if p.kind in ("city", "capital")]
    return _NameFacts(
        countries=frozenset(p.country for p in places),
        big_city_countries=frozenset(
            p.country for p in towns if p.population >= BIG_CITY_POPULATION
        ),
        has_town=bool(towns),
        has_feature=any(p.kind in FEATURE_KINDS for p in places),
        has_water=any(p.kind in ("sea", "river", "lake") for p in places),
        big_ids=frozenset(
            p.id for p in towns if p.kind == "capital" or p.population >= BIG_CITY_POPULATION
        ),
        famous_ids=frozenset(
            p.id for p in towns if p.kind == "capital" or p.population >= FAMOUS_NAMESAKE_POPULATION
        ),
        own_name_ids=frozenset(c.place.id for c in candidates if c.name_type in OWN_NAME_TYPES),
    )


def _has_other(ids: frozenset[str], place_id: str) -> bool:
    """Whether `ids` holds a place other than `place_id`."""
    return len(ids) > 1 or (bool(ids) and place_id not in ids)


@dataclass(frozen=True)
class _Context:
    """The other names' votes one name is scored against, with the sums every candidate asks."""

    country_votes: dict[str, int]
    region_votes: dict[tuple[str, str], int]
    total: int  # of country_votes
    dominant: str  # the country with the most votes ("" for none)
    dominant_votes: int


# A name's own country and region votes, which its context leaves out.
_OwnVotes = tuple[tuple[tuple[str, int], ...], tuple[tuple[tuple[str, str], int], ...]]


_K = TypeVar("_K")


def _minus(votes: dict[_K, int], own: dict[_K, int]) -> dict[_K, int]:
    """`Counter(votes) - Counter(own)` (the same keys, order and counts) on plain dicts: the
    Counter methods are interpreted Python, and resolving asks this of every name."""
    result: dict[_K, int] = {}
    for key, count in votes.items():
        left = count - own.get(key, 0)
        if left > 0:
            result[key] = left
    for key, count in own.items():
        if key not in votes and count < 0:
            result[key] = -count
    return result


def _context(country_votes: dict[str, int], region_votes: dict[tuple[str, str], int]) -> _Context:
    dominant, votes = max(country_votes.items(), key=lambda kv: kv[1], default=("", 0))
    return _Context(country_votes, region_votes, sum(country_votes.values()), dominant, votes)


@dataclass
class _Name:
    """One distinct name of the document and everything known about it."""

    norm: str
    readings: _NameReadings
    mentions: list[Mention] = field(default_factory=list)
    paired_with: list[str] = field(default_factory=list)  # norms of "X, Y" partners
    dateline: bool = False  # opens a line in capitals: "WASHINGTON (AP) -"
    with_the: bool = False  # said as "the X" and not as a modifier: a feature's way (THE_BEFORE_RE)
    place: Place | None = None
    confidence: float = 0.0
    borrowed: bool = False  # the chosen place goes by another candidate's name (_borrowed)
    small_namesake: bool = False  # the chosen place shares its name with a capital or big city

    @property
    def candidates(self) -> list[Candidate]:
        return self.readings.candidates


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, geopy's Earth radius).

    geopy.distance.great_circle gives the same figure but parses Point objects on every call,
    which made it most of the resolver's time; this is called for every candidate x anchor.
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(a)))


def _distances_from(place: Place, anchors: Sequence[_Anchor]) -> list[float]:
    """`distance_km` from the place to each anchor, the same figures with the place's latitude
    converted once and the anchors' kept (called for every candidate x anchor; a plain loop,
    as the few anchors of an article make the set-up of comprehensions count)."""
    phi1 = math.radians(place.lat)
    cos_phi1 = math.cos(phi1)
    lon1 = place.lon
    sin, radians, asin, sqrt = math.sin, math.radians, math.asin, math.sqrt
    diameter = 2 * EARTH_RADIUS
    distances: list[float] = []
    for anchor in anchors:
        phi2, cos_phi2, lon2 = anchor.point
        h = sin((phi2 - phi1) / 2) ** 2 + cos_phi1 * cos_phi2 * sin(radians(lon2 - lon1) / 2) ** 2
        distances.append(diameter * asin(min(1.0, sqrt(h))))
    return distances


_PRIORS: dict[tuple[str, str], float] = {}


def prior_score(candidate: Candidate) -> float:
    """Score of a candidate before any context (cached: pydantic models hash slowly)."""
    key = (candidate.place.id, candidate.name_type)
    known = _PRIORS.get(key)
    if known is None:
        if len(_PRIORS) > 500_000:
            _PRIORS.clear()
        known = _PRIORS[key] = _prior_score(candidate)
    return known


def _prior_score(candidate: Candidate) -> float:
    place = candidate.place
    score = KIND_WEIGHT.get(place.kind, 1.0) + NAME_TYPE_WEIGHT.get(candidate.name_type, 0.0)
    if place.kind in ("city", "capital", "admin2", "airport"):
        score += POPULATION_WEIGHT * math.log10(place.population + 1)
    return score


def _candidates_for(gazetteer: Gazetteer, norm: str, demonym: bool) -> list[Candidate]:
    found = usable_candidates(gazetteer.lookup(norm))
    if demonym:
        return [c for c in found if c.name_type == "demonym"] or found
    return found


@dataclass(frozen=True)
class _NameReadings:
    """A name's candidates and what scoring asks of them before any context. The same in every
    article: kept per gazetteer and name (_readings_of), never changed."""

    candidates: list[Candidate]
    priors: list[float]  # prior_score of each candidate
    best: Candidate | None  # the candidate of the highest prior (_best)
    countries_named: frozenset[str]  # countries this name is the name of
    facts: _NameFacts


def _readings(candidates: list[Candidate]) -> _NameReadings:
    priors = [prior_score(c) for c in candidates]
    return _NameReadings(
        candidates,
        priors,
        _best(candidates, priors),
        frozenset(
            c.place.country
            for c in candidates
            if c.place.kind == "country" and c.place.country and c.name_type != "demonym"
        ),
        _name_facts(candidates),
    )


# By gazetteer, then by name and whether it is used as a demonym.
_READINGS: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, bool], _NameReadings]] = (
    weakref.WeakKeyDictionary()
)


def _readings_of(gazetteer: Gazetteer, norm: str, demonym: bool) -> _NameReadings:
    cache = _READINGS.get(gazetteer)
    if cache is None:
        cache = _READINGS[gazetteer] = {}
    elif len(cache) > 100_000:
        cache.clear()
    found = cache.get((norm, demonym))
    if found is None:
        found = cache[(norm, demonym)] = _readings(_candidates_for(gazetteer, norm, demonym))
    return found


def _best(candidates: Sequence[Candidate], priors: Sequence[float]) -> Candidate | None:
    """The first candidate of the highest prior (`priors`: their prior_score, in order)."""
    return candidates[priors.index(max(priors))] if candidates else None


def _is_dateline(text: str, mention: Mention) -> bool:
    """A name in capitals before "(AP)", or alone at the start of a line before a comma or dash."""
    if DATELINE_AGENCY_RE.match(text, mention.end):
        return True
    line_start = text.rfind("\n", 0, mention.start) + 1
    return not text[line_start : mention.start].strip() and bool(
        DATELINE_TAIL_RE.match(text, mention.end)
    )


def _collect_names(
    mentions: Sequence[Mention], gazetteer: Gazetteer, text: str
) -> dict[str, _Name]:
    names: dict[str, _Name] = {}
    for mention in mentions:
        norm = normalize_name(mention.surface)
        entry = names.get(norm)
        if entry is None:
            entry = names[norm] = _Name(norm, _readings_of(gazetteer, norm, mention.demonym))
        entry.mentions.append(mention)
        if mention.surface.isupper() and _is_dateline(text, mention):
            entry.dateline = True
        if THE_BEFORE_RE.search(text, max(0, mention.start - 4), mention.start) and (
            THE_NAME_END_RE.match(text, mention.end)
        ):
            entry.with_the = True
    ordered = sorted(mentions, key=lambda m: m.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        # Length first: the slice between two mentions far apart copies much of the text.
        if right.start - left.end <= PAIR_GAP_MAX and PAIR_GAP_RE.fullmatch(
            text[left.end : right.start]
        ):
            names[normalize_name(left.surface)].paired_with.append(normalize_name(right.surface))
    return names


def _first_pass_context(names: dict[str, _Name]) -> dict[str, dict[str, int]]:
    """Country votes of every name, from its most likely reading alone."""
    votes: dict[str, dict[str, int]] = {}
    for norm, entry in names.items():
        best = entry.readings.best
        counter: dict[str, int] = {}
        if best is not None and best.place.country:
            counter[best.place.country] = len(entry.mentions)
        votes[norm] = counter
    return votes


def _own_score(
    candidate: Candidate, prior: float, entry: _Name, facts: _NameFacts, context: _Context
) -> float:
    """The part of a candidate's score that no pick changes (both rounds share it): the prior
    (`prior`, its prior_score), the other names' country and region votes, and the name's own
    circumstances."""
    place = candidate.place
    country_votes = context.country_votes
    region_votes = context.region_votes
    score = prior
    surface = entry.mentions[0].surface
    if surface.isupper() and len(surface) <= 4 and not candidate.matched_name.isupper():
        score -= ACRONYM_MISMATCH_PENALTY  # "EU" is the Union, not the French town of Eu
    if place.kind == "country" and place.country:
        # A country no other name of the article relates to, in an article plainly about
        # another country, is more likely a homonym ("Georgia" among towns of the US South).
        total = context.total
        dominant = context.dominant
        if (
            total >= 2
            and dominant != place.country
            and context.dominant_votes / total >= 0.6
            and not country_votes.get(place.country)
            and dominant in facts.countries
        ):
            score -= FOREIGN_COUNTRY_PENALTY
    if (
        place.kind == "country"
        and candidate.name_type == "alternate"
        and facts.big_ids & facts.own_name_ids
    ):
        # A big city's own name is not a country's other name: "Salvador" is the Brazilian
        # city of 2.7 million, not El Salvador.
        score -= ALTERNATE_COUNTRY_PENALTY
    if place.kind != "country" and place.country in entry.readings.countries_named:
        # A country's own name means the country: its namesake state or capital goes by a longer
        # name ("State of Mexico", "Mexico City", "Guatemala City").
        score -= COUNTRY_NAMESAKE_PENALTY
    if place.country and place.kind not in ("country", "continent"):
        share = country_votes.get(place.country, 0) / max(1, context.total)
        score += COUNTRY_CONTEXT_WEIGHT * share
        if place.admin1 and region_votes.get((place.country, place.admin1)):
            score += REGION_CONTEXT_WEIGHT
    elif place.country is None and place.kind not in ("country", "continent"):
        # Seas and international regions belong to no country: no context speaks against them.
        score += COUNTRY_CONTEXT_WEIGHT * 0.5
    if (
        place.kind == "admin1"
        and place.population > REGION_POPULATION_BASE
        and place.country not in facts.big_city_countries
    ):
        # A populous province outweighs the towns named after it ("Ontario" beside Ontario,
        # California), but a big city of the same name keeps the bare name ("New York").
        score += POPULATION_WEIGHT * math.log10(place.population / REGION_POPULATION_BASE)
    if place.kind == "admin1" and place.country and candidate.name_type != "alternate":
        # A region called by its own name: "Washington" is the state's alternate name only.
        siblings = sum(
            1 for (country, name) in region_votes if country == place.country and name != place.name
        )
        # Only a name used as a place: "The Washington Post" beside "Florida" is no state.
        if siblings and not all(m.embedded for m in entry.mentions):
            score += SIBLING_REGION_WEIGHT
    if entry.dateline and place.kind in AREA_KINDS and facts.has_town:
        score -= DATELINE_AREA_PENALTY  # a dateline names the city the story was filed from
    if entry.with_the and (
        (place.kind in TOWN_KINDS and facts.has_feature)
        or (place.kind == "admin1" and facts.has_water)
    ):
        score -= THE_TOWN_PENALTY  # "the Tasman" is the sea, not the Tasman District
    return score


def _score(
    candidate: Candidate,
    own_score: float,
    facts: _NameFacts,
    entry: _Name,
    names: dict[str, _Name],
    anchors: Sequence[_Anchor],
) -> float:
    """`own_score` (_own_score) with what the picks made so far add: partners and neighbours."""
    place = candidate.place
    score = own_score
    for partner_norm in entry.paired_with:
        partner = names.get(partner_norm)
        if partner is None or partner.place is None:
            continue
        other = partner.place
        same_country = place.country == other.country
        in_region = other.kind == "admin1" and place.admin1 == other.name
        if same_country and (other.kind == "country" or in_region):
            score += PAIR_WEIGHT
    if place.kind in ("country", "continent"):
        return score  # nearness says nothing about a country
    # A place named twice ("Mexico City" ... "Mexico") is no neighbour of itself.
    place_id = place.id
    neighbours = [a for a in anchors if a.place_id != place_id]
    if neighbours:
        distances = _distances_from(place, neighbours)
        score += NEARNESS_WEIGHT * math.exp(-min(distances) / NEARNESS_SCALE_KM)
        # The local lexicon: a town surrounded by the article's other places is the one meant,
        # even against a capital or a country of the same name ("Dublin" among Ohio towns).
        # Only firm anchors count (_is_firm), and not for a place reached by another's name
        # (_borrowed). The centre of a state or region alone is too vague a neighbourhood to
        # overturn a capital or big city: "New Jersey" does not put "Dublin" in Pennsylvania.
        if not _borrowed(candidate, facts):
            local = [
                a.place
                for a, d in zip(neighbours, distances, strict=True)
                if a.firm and d <= LOCAL_RADIUS_KM
            ]
            if (
                local
                and all(p.kind in AREA_KINDS for p in local)
                and _has_other(facts.big_ids, place.id)
            ):
                local = []
            score += LOCAL_WEIGHT * min(len(local), LOCAL_MAX_SUPPORT)
    return score


def _name_words(name: str) -> tuple[str, ...]:
    """A name's words with accents and abbreviations folded: "St. Paul" is "Saint Paul"."""
    words = _NON_ALNUM.sub(" ", ascii_fold(normalize_name(name))).split()
    if words and words[0] == "the":
        words = words[1:]
    return tuple(_NAME_KEY_WORDS.get(w, w) for w in words)


@lru_cache(maxsize=65536)
def _same_name(variant: str, name: str) -> bool:
    """Whether a variant is the name itself, spelt otherwise or cut short.

    "St. Paul" is Saint Paul, "New York" New York City, "Jefferson" Jeffersontown; but
    "Charleston" is not St. Charles.
    """
    a, b = "".join(_name_words(variant)), "".join(_name_words(name))
    shorter, longer = sorted((a, b), key=len)
    return a == b or (len(shorter) >= 4 and shorter in longer)


def _borrowed(candidate: Candidate, facts: _NameFacts) -> bool:
    """A place reached by an old or foreign name that is another candidate's own name.

    "Charleston" is among the variants of St. Charles, Illinois, and "Manchester" among those of
    Paterson, New Jersey; yet other candidates are called so. Such a reading may win on its
    own merits (Bombay), but its neighbours say nothing about which place is meant, and it
    vouches for no neighbour either. "St. Paul" (Saint Paul) and "New York" (New York City) are
    the places' own names, only spelt short.
    """
    if candidate.name_type in OWN_NAME_TYPES:
        return False
    if _same_name(candidate.matched_name, candidate.place.name):
        return False
    return _has_other(facts.own_name_ids, candidate.place.id)


def _choose(scored: Sequence[tuple[float, Candidate]]) -> tuple[Place | None, float]:
    """Best candidate and a confidence from the softmax over scores."""
    if not scored:
        return None, 0.0
    scores = [s for s, _ in scored]
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    best_index = scores.index(top)  # the first of equals
    confidence = weights[best_index] / sum(weights)
    # A lone weak candidate (a village by an alternate name) is not a sure thing either.
    strength = min(1.0, max(0.2, scored[best_index][0] / 5.0))
    confidence = round(min(1.0, confidence * (0.5 + 0.5 * strength)), 3)
    place = scored[best_index][1].place
    return (place if confidence >= ABSTAIN_BELOW else None), confidence


def _is_firm(entry: _Name) -> bool:
    """Whether a pick may vouch for its neighbours (LOCAL_ANCHOR_CONFIDENCE and below)."""
    place = entry.place
    return (
        place is not None
        and place.kind not in NOT_LOCAL_ANCHOR_KINDS
        and entry.confidence >= LOCAL_ANCHOR_CONFIDENCE
        and not entry.borrowed
        and not entry.small_namesake
        and not all(m.embedded for m in entry.mentions)
    )


def resolve_mentions(
    article: Article, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[ResolvedMention]:
    """Resolve every mention; the same name gets the same place throughout the article."""
    names = _collect_names(mentions, gazetteer, article.text)
    votes = _first_pass_context(names)
    # Vote counts as plain dicts, summed and subtracted as Counters would (`_minus`).
    total_votes: dict[str, int] = {}
    for counter in votes.values():
        for country, count in counter.items():
            total_votes[country] = total_votes.get(country, 0) + count
    region_votes: dict[tuple[str, str], int] = {}
    own_region: dict[str, dict[tuple[str, str], int]] = {}
    for norm, entry in names.items():
        best = entry.readings.best
        own_region[norm] = {}
        if best is not None and best.place.kind == "admin1" and best.place.country:
            region = (best.place.country, best.place.name)
            region_votes[region] = region_votes.get(region, 0) + 1
            own_region[norm][region] = 1

    # Areas first (countries, regions), then the rest with areas and earlier picks as anchors.
    order = sorted(
        names.values(),
        key=lambda e: (
            -max(e.readings.priors, default=0.0),
            e.mentions[0].start,
        ),
    )
    facts = {norm: entry.readings.facts for norm, entry in names.items()}
    # A name's context is the same in both rounds (the first pass's votes of the other names),
    # and so is the part of its candidates' scores that depends on nothing else.
    own_scores: dict[str, list[float]] = {}
    # Names that cast the same votes share one context (most cast one vote, for one country).
    contexts: dict[_OwnVotes, _Context] = {}
    for norm, entry in names.items():
        key = (tuple(votes[norm].items()), tuple(own_region[norm].items()))
        context = contexts.get(key)
        if context is None:
            # no evidence for itself: "the Tasman" is no vote for the Tasman District
            context = _context(
                _minus(total_votes, votes[norm]), _minus(region_votes, own_region[norm])
            )
            contexts[key] = context
        own_scores[norm] = [
            _own_score(c, prior, entry, facts[norm], context)
            for c, prior in zip(entry.candidates, entry.readings.priors, strict=True)
        ]
    for _round in range(2):
        anchors = [
            _anchor(e.place, _is_firm(e))
            for e in names.values()
            if e.place is not None and e.place.kind not in ("country", "continent")
        ]
        for entry in order:
            own_facts = facts[entry.norm]
            others = [a for a in anchors if entry.place is None or a.place.id != entry.place.id]
            scored = [
                (_score(c, own, own_facts, entry, names, others), c)
                for c, own in zip(entry.candidates, own_scores[entry.norm], strict=True)
            ]
            entry.place, entry.confidence = _choose(scored)
            chosen_id = entry.place.id if entry.place else None
            chosen = [c for _, c in scored if c.place.id == chosen_id] if chosen_id else []
            entry.borrowed = any(_borrowed(c, own_facts) for c in chosen)
            entry.small_namesake = any(_has_other(own_facts.famous_ids, c.place.id) for c in chosen)

    resolved: list[ResolvedMention] = []
    for mention in mentions:
        entry = names[normalize_name(mention.surface)]
        # The confidence is a float of [0, 1] (_choose): built without validation.
        rm = trusted(
            ResolvedMention,
            {"mention": mention, "place": entry.place, "confidence": entry.confidence},
        )
        resolved.append(_as_capital(rm, article.text, gazetteer) or rm)
    return resolved


_CAPITAL_AFTER_RE = re.compile(r" capital\b")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he $")


def _as_capital(rm: ResolvedMention, text: str, gazetteer: Gazetteer) -> ResolvedMention | None:
    """ "the Tongan capital": the country's capital city, not the country."""
    mention, place = rm.mention, rm.place
    if place is None or place.kind != "country" or not place.country:
        return None
    # "Malian", "US": an adjective or short form, not "the Mali capital" (a country's own name)
    if not mention.demonym and normalize_name(mention.surface) == normalize_name(place.name):
        return None
    after = _CAPITAL_AFTER_RE.match(text, mention.end)
    if after is None or not _THE_BEFORE_RE.search(text, max(0, mention.start - 4), mention.start):
        return None
    capital = gazetteer.capital(place.country)
    if capital is None:
        return None
    end = after.end()
    wider = mention.model_copy(update={"end": end, "surface": text[mention.start : end],
                                       "demonym": False})  # fmt: skip
    return ResolvedMention(mention=wider, place=capital, confidence=rm.confidence)
