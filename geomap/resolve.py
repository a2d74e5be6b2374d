"""Choose the gazetteer place each mention refers to, with a confidence; abstain when unsure.

Two passes over a document. The first collects context from unambiguous mentions: countries
and first-level regions named, and "Town, Country" pairs. The second scores every candidate by
kind, population, how the name matched, that context, and nearness to places already resolved.
One name keeps one sense within a document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from geopy.distance import EARTH_RADIUS

from gazetteer.models import Candidate, Place
from gazetteer.names import ascii_fold, normalize_name
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
    """A place an earlier pick resolved a name to, and whether it may vouch for its neighbours."""

    place: Place
    firm: bool


@dataclass
class _Name:
    """One distinct name of the document and everything known about it."""

    norm: str
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    paired_with: list[str] = field(default_factory=list)  # norms of "X, Y" partners
    dateline: bool = False  # opens a line in capitals: "WASHINGTON (AP) -"
    with_the: bool = False  # said as "the X" and not as a modifier: a feature's way (THE_BEFORE_RE)
    countries_named: frozenset[str] = frozenset()  # countries this name is the name of
    place: Place | None = None
    confidence: float = 0.0
    borrowed: bool = False  # the chosen place goes by another candidate's name (_borrowed)
    small_namesake: bool = False  # the chosen place shares its name with a capital or big city


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


def _candidates_for(gazetteer: Gazetteer, mention: Mention) -> list[Candidate]:
    found = usable_candidates(gazetteer.lookup(normalize_name(mention.surface)))
    if mention.demonym:
        return [c for c in found if c.name_type == "demonym"] or found
    return found


def _best(candidates: Sequence[Candidate]) -> Candidate | None:
    return max(candidates, key=prior_score) if candidates else None


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
            candidates = _candidates_for(gazetteer, mention)
            countries = frozenset(
                c.place.country
                for c in candidates
                if c.place.kind == "country" and c.place.country and c.name_type != "demonym"
            )
            entry = names[norm] = _Name(norm, candidates=candidates, countries_named=countries)
        entry.mentions.append(mention)
        if mention.surface.isupper() and _is_dateline(text, mention):
            entry.dateline = True
        if THE_BEFORE_RE.search(text, max(0, mention.start - 4), mention.start) and (
            THE_NAME_END_RE.match(text, mention.end)
        ):
            entry.with_the = True
    ordered = sorted(mentions, key=lambda m: m.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        if PAIR_GAP_RE.fullmatch(text[left.end : right.start]):
            names[normalize_name(left.surface)].paired_with.append(normalize_name(right.surface))
    return names


def _first_pass_context(names: dict[str, _Name]) -> dict[str, Counter[str]]:
    """Country votes of every name, from its most likely reading alone."""
    votes: dict[str, Counter[str]] = {}
    for norm, entry in names.items():
        best = _best(entry.candidates)
        counter: Counter[str] = Counter()
        if best is not None and best.place.country:
            counter[best.place.country] += len(entry.mentions)
        votes[norm] = counter
    return votes


def _score(
    candidate: Candidate,
    entry: _Name,
    names: dict[str, _Name],
    country_votes: Counter[str],
    region_votes: Counter[tuple[str, str]],
    anchors: Sequence[_Anchor],
) -> float:
    place = candidate.place
    score = prior_score(candidate)
    surface = entry.mentions[0].surface
    if surface.isupper() and len(surface) <= 4 and not candidate.matched_name.isupper():
        score -= ACRONYM_MISMATCH_PENALTY  # "EU" is the Union, not the French town of Eu
    if place.kind == "country" and place.country:
        # A country no other name of the article relates to, in an article plainly about
        # another country, is more likely a homonym ("Georgia" among towns of the US South).
        total = sum(country_votes.values())
        dominant, votes = max(country_votes.items(), key=lambda kv: kv[1], default=("", 0))
        if (
            total >= 2
            and dominant != place.country
            and votes / total >= 0.6
            and not country_votes.get(place.country)
            and any(c.place.country == dominant for c in entry.candidates)
        ):
            score -= FOREIGN_COUNTRY_PENALTY
    if place.kind != "country" and place.country in entry.countries_named:
        # A country's own name means the country: its namesake state or capital goes by a longer
        # name ("State of Mexico", "Mexico City", "Guatemala City").
        score -= COUNTRY_NAMESAKE_PENALTY
    if place.country and place.kind not in ("country", "continent"):
        share = country_votes.get(place.country, 0) / max(1, sum(country_votes.values()))
        score += COUNTRY_CONTEXT_WEIGHT * share
        if place.admin1 and region_votes.get((place.country, place.admin1)):
            score += REGION_CONTEXT_WEIGHT
    elif place.country is None and place.kind not in ("country", "continent"):
        # Seas and international regions belong to no country: no context speaks against them.
        score += COUNTRY_CONTEXT_WEIGHT * 0.5
    if (
        place.kind == "admin1"
        and place.population > REGION_POPULATION_BASE
        and not any(
            c.place.kind in ("city", "capital")
            and c.place.country == place.country
            and c.place.population >= BIG_CITY_POPULATION
            for c in entry.candidates
        )
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
    if (
        entry.dateline
        and place.kind in AREA_KINDS
        and any(c.place.kind in ("city", "capital") for c in entry.candidates)
    ):
        score -= DATELINE_AREA_PENALTY  # a dateline names the city the story was filed from
    if (
        entry.with_the
        and place.kind in TOWN_KINDS
        and any(c.place.kind in FEATURE_KINDS for c in entry.candidates)
    ):
        score -= THE_TOWN_PENALTY
    for partner_norm in entry.paired_with:
        partner = names.get(partner_norm)
        if partner is None or partner.place is None:
            continue
        other = partner.place
        same_country = place.country == other.country
        in_region = other.kind == "admin1" and place.admin1 == other.name
        if same_country and (other.kind == "country" or in_region):
            score += PAIR_WEIGHT
    # A place named twice ("Mexico City" ... "Mexico") is no neighbour of itself.
    neighbours = [a for a in anchors if a.place.id != place.id]
    if neighbours and place.kind not in ("country", "continent"):
        distances = [
            distance_km(place.lat, place.lon, a.place.lat, a.place.lon) for a in neighbours
        ]
        score += NEARNESS_WEIGHT * math.exp(-min(distances) / NEARNESS_SCALE_KM)
        # The local lexicon: a town surrounded by the article's other places is the one meant,
        # even against a capital or a country of the same name ("Dublin" among Ohio towns).
        # Only firm anchors count (_is_firm), and not for a place reached by another's name
        # (_borrowed). The centre of a state or region alone is too vague a neighbourhood to
        # overturn a capital or big city: "New Jersey" does not put "Dublin" in Pennsylvania.
        if not _borrowed(candidate, entry):
            local = [
                a.place
                for a, d in zip(neighbours, distances, strict=True)
                if a.firm and d <= LOCAL_RADIUS_KM
            ]
            if (
                local
                and all(p.kind in AREA_KINDS for p in local)
                and _has_big_namesake(candidate, entry)
            ):
                local = []
            score += LOCAL_WEIGHT * min(len(local), LOCAL_MAX_SUPPORT)
    return score


def _has_big_namesake(candidate: Candidate, entry: _Name, big: int = BIG_CITY_POPULATION) -> bool:
    """Whether another reading of the name is a national capital or a city of `big` people."""
    return any(
        c.place.id != candidate.place.id
        and (c.place.kind == "capital" or c.place.population >= big)
        and c.place.kind in ("city", "capital")
        for c in entry.candidates
    )


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


def _borrowed(candidate: Candidate, entry: _Name) -> bool:
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
    return any(
        c.name_type in OWN_NAME_TYPES and c.place.id != candidate.place.id for c in entry.candidates
    )


def _choose(scored: Sequence[tuple[float, Candidate]]) -> tuple[Place | None, float]:
    """Best candidate and a confidence from the softmax over scores."""
    if not scored:
        return None, 0.0
    top = max(s for s, _ in scored)
    weights = [math.exp(s - top) for s, _ in scored]
    best_index = max(range(len(scored)), key=lambda k: (scored[k][0], -k))
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
    total_votes: Counter[str] = Counter()
    for counter in votes.values():
        total_votes.update(counter)
    region_votes: Counter[tuple[str, str]] = Counter()
    for entry in names.values():
        best = _best(entry.candidates)
        if best is not None and best.place.kind == "admin1" and best.place.country:
            region_votes[(best.place.country, best.place.name)] += 1

    # Areas first (countries, regions), then the rest with areas and earlier picks as anchors.
    order = sorted(
        names.values(),
        key=lambda e: (
            -max((prior_score(c) for c in e.candidates), default=0.0),
            e.mentions[0].start,
        ),
    )
    for _round in range(2):
        anchors = [
            _Anchor(e.place, _is_firm(e))
            for e in names.values()
            if e.place is not None and e.place.kind not in ("country", "continent")
        ]
        for entry in order:
            own = votes[entry.norm]
            context = total_votes - own  # a name is no evidence for itself
            others = [a for a in anchors if entry.place is None or a.place.id != entry.place.id]
            scored = [
                (_score(c, entry, names, context, region_votes, others), c)
                for c in entry.candidates
            ]
            entry.place, entry.confidence = _choose(scored)
            chosen = [c for _, c in scored if entry.place and c.place.id == entry.place.id]
            entry.borrowed = any(_borrowed(c, entry) for c in chosen)
            entry.small_namesake = any(
                _has_big_namesake(c, entry, FAMOUS_NAMESAKE_POPULATION) for c in chosen
            )

    resolved: list[ResolvedMention] = []
    for mention in mentions:
        entry = names[normalize_name(mention.surface)]
        resolved.append(
            ResolvedMention(mention=mention, place=entry.place, confidence=entry.confidence)
        )
    return resolved
