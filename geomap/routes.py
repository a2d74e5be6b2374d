"""Routes: movements grouped per actor and per trip, merged into ordered stops.

* Actors merge across articles hyphen-, case- and title-insensitively, and a short form
  ("Kim", "Putin") joins the longest full name it is part of ("Kim Jong Un").
* Trips: historical movements (an earlier year, "previously") form their own trips, one per
  year; the rest split where dated movements are more than `TRIP_GAP_DAYS` apart. Undated
  movements join the trip of the nearest dated movement of their article.
* Stops: the same place in the same trip is one stop with pooled evidence, except a return to
  a place after other stops, which is a new stop. Status: visited > passed > reported > planned.
* Order: by date and time of day; undated movements take their article's dates, origins first
  and destinations last; ties follow the text (article order, sentence, position).
* Countries and continents are dropped as stops when a finer stop in them exists in the trip;
  first-level regions likewise when a finer stop lies inside them.
* A route needs two stops, or one stop that is not only planned (a visit that happened).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from geopy.distance import great_circle

from geomap.models import Article, Evidence, Movement, Role, Route, Status, Stop, TimeSpan
from geomap.movements import STATIC_CUE_FORMS, canonical_actor_key
from geomap.timex import reference_date, time_of_day_rank

TRIP_GAP_DAYS = 30
# One article telling one long journey (a ten-week expedition, a season-long tour) in order:
# its current movements stay one trip over longer gaps than movements pooled across articles.
ARTICLE_TRIP_GAP_DAYS = 100
SAME_PLACE_KM = 5.0  # different gazetteer entries this close are the same stop
SAME_NAME_KM = 60.0  # entries with the same name this close are the same stop
REGION_CONTAINS_KM = 350.0

STATUS_RANK: dict[Status, int] = {"visited": 3, "passed": 2, "reported": 1, "planned": 0}
ROLE_RANK: dict[Role, int] = {"origin": 0, "pass": 1, "stop": 1, "destination": 2}
RETURN_CUES = ("return", "came back", "come back", "went back", "go back", "back to", "got back")
FINE_KINDS_EXCLUDED = frozenset({"country", "continent", "admin1", "admin2", "region", "sea"})


@dataclass
class _Keyed:
    """A movement with the position it sorts at inside its trip."""

    movement: Movement
    day: float  # ordinal day (fractional for time of day); estimated when undated
    dated: bool
    article_rank: int
    role_rank: int

    @property
    def key(self) -> tuple[float, int, int, int, int]:
        m = self.movement
        return (self.day, self.role_rank, self.article_rank, m.sentence_index, m.start)


@dataclass
class _StopBuild:
    items: list[_Keyed] = field(default_factory=list)

    @property
    def first(self) -> _Keyed:
        return self.items[0]

    @property
    def place_id(self) -> str:
        return self.items[0].movement.place.id


def build_routes(movements: list[Movement], articles: list[Article]) -> list[Route]:
    """Routes per actor and trip, stops ordered, evidence pooled across articles."""
    if not movements:
        return []
    article_rank = _article_ranks(articles)
    articles_by_id = {a.id: a for a in articles}
    routes: list[Route] = []
    for actor, actor_movements in _group_by_actor(movements).items():
        for trip in _split_trips(actor_movements, articles_by_id):
            keyed = _keyed(trip, article_rank)
            builds = _merge_stops(keyed)
            stops = [_stop(b) for b in builds]
            kinds: dict[str, str] = {m.place.id: m.place.kind for m in trip}
            stops = _drop_coarse(stops, kinds)
            stops = _fold_facilities(stops, kinds)
            stops = _merge_repeats(stops)
            stops = _assign_roles(stops)
            if (
                not _is_route(stops)
                or (len(stops) == 1 and all(m.cue in STATIC_CUE_FORMS for m in trip))
                # a past told without a date ("who served two tours in Kandahar"): background
                # to the story, its places stay mentions
                or all(m.historical and m.when is None for m in trip)
            ):
                continue
            days = [d for s in stops if s.when for d in (s.when.start, s.when.end) if d]
            routes.append(
                Route(
                    actor=actor,
                    trip_start=min(days) if days else None,
                    trip_end=max(days) if days else None,
                    stops=stops,
                    earlier=all(m.historical for m in trip),
                )
            )
    routes.sort(key=lambda r: (r.trip_start or dt.date.max, r.actor, r.stops[0].place_id))
    return routes


# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------


def _group_by_actor(movements: list[Movement]) -> dict[str, list[Movement]]:
    """Movements per canonical actor; the display name is the longest, most used full form."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in movements:
        forms[canonical_actor_key(m.actor)][m.actor] += 1
    keys = sorted(forms, key=lambda k: (-len(k.split()), k))
    for key in list(keys):
        parts = key.split()
        for other in keys:
            o = other.split()
            if (
                other < key
                and len(o) == len(parts) >= 2
                and o[-1] == parts[-1]
                and (o[0][:4] == parts[0][:4] and o[1:-1] == parts[1:-1])
            ):
                forms[other].update(forms.pop(key))  # "Sergei Shoigu" / "Sergey Shoigu"
                keys.remove(key)
                break
    target: dict[str, str] = {}
    for key in keys:
        parts = key.split()
        longer = [
            k
            for k in keys
            if len(k.split()) > len(parts) and _is_part(k.split(), parts) and k in target.values()
        ]
        if longer:
            target[key] = max(longer, key=lambda k: (sum(forms[k].values()), k))
        else:
            target[key] = key
    grouped: dict[str, list[Movement]] = defaultdict(list)
    display: dict[str, str] = {}
    for key in keys:
        head = target[key]
        if head not in display:
            counts = forms[head]
            display[head] = sorted(counts, key=lambda f: (-counts[f], f))[0]
    for m in movements:
        key = canonical_actor_key(m.actor)
        if key not in target:
            key = next(k for k in keys if m.actor in forms[k])
        head = target[key]
        grouped[display[head]].append(m)
    return dict(sorted(grouped.items()))


def _is_part(full: list[str], part: list[str]) -> bool:
    n = len(part)
    return full[:n] == part or full[-n:] == part


# --------------------------------------------------------------------------------------------
# Trips
# --------------------------------------------------------------------------------------------


def _span(m: Movement) -> tuple[dt.date, dt.date] | None:
    if m.when is None or m.when.start is None:
        return None
    return m.when.start, m.when.end or m.when.start


def _split_trips(movements: list[Movement], articles: dict[str, Article]) -> list[list[Movement]]:
    """Historical movements by year; current ones split at gaps; undated ones placed nearby."""
    trips: list[list[Movement]] = []
    undated_historical = [m for m in movements if m.historical and not _span(m)]
    if undated_historical:
        trips.append(undated_historical)
    current = [m for m in movements if not (m.historical and not _span(m))]
    # Dated movements, historical or not, cluster by time: "in 2019" and "April 2019" meet.
    dated = sorted((m for m in current if _span(m)), key=lambda m: _span(m) or (dt.date.min,))
    clusters: list[list[Movement]] = []
    cluster_end: dt.date | None = None
    for m in dated:
        span = _span(m)
        assert span is not None
        gap = TRIP_GAP_DAYS
        if (
            clusters
            and not m.historical
            and any(o.article_id == m.article_id and not o.historical for o in clusters[-1])
        ):
            # A storm, ship, race or group told by one article is on one long journey (a
            # 257-day row across the Pacific); a person's trips months apart are separate.
            gap = ARTICLE_TRIP_GAP_DAYS if m.actor_kind == "person" else 10_000
        # An earlier trip the text marks ("had flown to Tunis in April") is its own trip.
        switched = bool(clusters) and clusters[-1][-1].historical != m.historical
        if cluster_end is None or switched or (span[0] - cluster_end).days > gap:
            clusters.append([m])
            cluster_end = span[1]
        else:
            clusters[-1].append(m)
            cluster_end = max(cluster_end, span[1])
    undated = [m for m in current if not _span(m)]
    if not clusters:
        if undated:
            trips.append(undated)
        return [t for t in trips if t]
    for m in undated:
        clusters[_nearest_cluster(m, clusters, articles)].append(m)
    trips.extend(clusters)
    return [t for t in trips if t]


def _nearest_cluster(
    m: Movement, clusters: list[list[Movement]], articles: dict[str, Article]
) -> int:
    """The trip an undated movement belongs to: its article's, else the one nearest its date."""
    best: tuple[int, int] | None = None
    if not m.historical:
        current = [i for i, c in enumerate(clusters) if not all(x.historical for x in c)]
        if current and len(current) < len(clusters):
            keep = [clusters[i] for i in current]
            return current[_nearest_cluster(m, keep, articles)]
    for index, cluster in enumerate(clusters):
        for other in cluster:
            if other.article_id == m.article_id:
                distance = abs(other.sentence_index - m.sentence_index)
                if best is None or distance < best[0]:
                    best = (distance, index)
    if best is not None:
        return best[1]
    article = articles.get(m.article_id)
    ref = reference_date(article.text, article.published) if article else None
    if ref is None:
        return max(range(len(clusters)), key=lambda i: (len(clusters[i]), i))

    def gap(i: int) -> int:
        spans = [s for s in (_span(x) for x in clusters[i]) if s]
        return min(
            0 if lo <= ref <= hi else min(abs((ref - lo).days), abs((ref - hi).days))
            for lo, hi in spans
        )

    return min(range(len(clusters)), key=lambda i: (gap(i), -i))


# --------------------------------------------------------------------------------------------
# Ordering and merging
# --------------------------------------------------------------------------------------------


def _article_ranks(articles: list[Article]) -> dict[str, int]:
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published or dt.date.max, i),
    )
    return {articles[i].id: rank for rank, i in enumerate(order)}


LOOSE_SPAN_DAYS = 3  # "later this month", "in July": too loose to order stops by


def _day_value(m: Movement) -> float | None:
    if m.when is None or m.when.start is None:
        return None
    if m.when.end is not None and (m.when.end - m.when.start).days > LOOSE_SPAN_DAYS:
        return None
    return m.when.start.toordinal() + time_of_day_rank(m.when.time_of_day) / 1440.0


def _middle(when: TimeSpan | None) -> float | None:
    """The middle day of a span with both ends, as an ordinal."""
    if when is None or when.start is None or when.end is None:
        return None
    return (when.start.toordinal() + when.end.toordinal()) / 2.0


def _keyed(trip: list[Movement], article_rank: dict[str, int]) -> list[_Keyed]:
    """Sort keys: dated movements by date; undated ones by their article's dated neighbours,
    origins at the start and destinations at the end of what their article dates."""
    dated_days = [d for d in (_day_value(m) for m in trip) if d is not None]
    # Loose dates ("in June") by their middles, as `estimate` below reads them: they reach
    # back further than the exact ones sometimes do, and date a trip that has nothing exact.
    loose_middles = [d for d in (_middle(m.when) for m in trip) if d is not None]
    if not dated_days and len({m.sentence_index for m in trip if _middle(m.when)}) > 1:
        dated_days = loose_middles  # a loose date in one sentence cannot order a story
    trip_lo = min(dated_days + loose_middles) if dated_days else 0.0
    trip_hi = max(dated_days) if dated_days else 0.0
    by_article: dict[str, list[Movement]] = defaultdict(list)
    for m in trip:
        by_article[m.article_id].append(m)
    leads = {article: _summary_lead(ms) for article, ms in by_article.items()}
    out: list[_Keyed] = []
    for m in trip:
        day = _day_value(m)
        rank = article_rank.get(m.article_id, 0)
        if day is not None:
            out.append(_Keyed(m, day, True, rank, ROLE_RANK[m.role]))
            continue
        same = [(o, d) for o in by_article[m.article_id] if (d := _day_value(o)) is not None]
        happened = [(o, d) for o, d in same if o.status != "planned"]
        if m.status != "planned":
            # What happened is placed among what happened, not among the article's plans.
            same = happened or same
        same_sentence = [(o, d) for o, d in same if o.sentence_index == m.sentence_index]
        middle = _middle(m.when)
        if m.status != "planned" and same and not happened and middle is None:
            # Only plans are dated ("scheduled to fly out of Cairo on April 9"): what happened
            # comes before them, in the order the story tells it.
            estimate = min(d for _, d in same) - 1.0
        elif leads[m.article_id] is m:
            # An undated lead the body retells the way to: where the story stands now
            estimate = max((d for _, d in same), default=trip_hi) + 0.25
        elif middle is not None:
            # A loose date ("in mid-July"): its middle, better than guessing from the text.
            estimate = middle
        elif (
            m.role == "origin"
            and same_sentence
            and (lead_of_article := leads[m.article_id]) is not None
            and m.sentence_index == lead_of_article.sentence_index
        ):
            # "... in Vienna on Sunday, three weeks after setting off from London": the
            # journey's start, before the story the article tells below its lead.
            estimate = trip_lo - 1.0
        elif same_sentence:
            estimate = same_sentence[0][1]
        elif m.status == "planned" and m.role != "origin" and not same:
            estimate = trip_hi + 0.5  # a plan nobody dated: after what is known to have happened
        elif (
            m.role == "origin"
            and _WAY_THERE_RE.search(m.sentence)
            and (told := [d for o, d in same if o.sentence_index < m.sentence_index])
        ):
            # "Carney flew in from Kuala Lumpur": before the arrival the story has just told
            estimate = max(told) - 0.5
        elif m.role == "origin" and not any(
            o.sentence_index < m.sentence_index and not _in_lead(o, leads[m.article_id])
            for o, _ in same
        ):
            # The journey's start, unless the story has already told of dated stops before it
            # ("Back in Cusco, they boarded the train")
            estimate = min((d for _, d in same), default=trip_lo) - 0.5
        elif m.role == "destination" and not any(
            o.sentence_index < m.sentence_index for o, _ in same
        ):
            estimate = max((d for _, d in same), default=trip_hi) + 0.5
        else:
            lead = leads[m.article_id] if m.status != "planned" else None
            before = [
                d for o, d in same
                if o.sentence_index <= m.sentence_index
                and (lead is None or o.sentence_index != lead.sentence_index)
            ]  # fmt: skip
            after = [d for o, d in same if o.sentence_index > m.sentence_index]
            if before:
                estimate = max(before)
            elif lead is not None:
                estimate = (_day_value(lead) or 0.0) - 0.5  # the story behind the lead
            elif after:
                estimate = min(after)
            else:
                estimate = trip_hi + 0.5 if m.role == "destination" else trip_lo
        if m.status == "planned" and _is_return(m) and m.role == "destination":
            estimate = max(estimate, trip_hi + 1.0)  # a planned way home ends the journey
        if not dated_days:
            estimate = 0.0
        elif (
            m.when is not None
            and m.when.time_of_day
            and not (same_sentence and estimate == same_sentence[0][1])
        ):
            # "In the evening he flew back": the day from the text around it, the hour from it
            # (within one sentence the text's order stands: "pass near X overnight before
            # heading out to sea on Thursday").
            # "The next morning the squad flew on": a day after the day it follows
            later = _NEXT_DAY_RE.match(m.when.text) is not None
            estimate = int(estimate) + later + time_of_day_rank(m.when.time_of_day) / 1440.0
        out.append(_Keyed(m, estimate, False, rank, ROLE_RANK[m.role]))
    if not dated_days:
        # Nothing dated: the text's own order (article, sentence, origin before destination).
        for k in out:
            k.day = 0.0
        out.sort(key=lambda k: (k.article_rank, k.movement.sentence_index, k.role_rank,
                                k.movement.start))  # fmt: skip
        return _narrative_merge(out)
    in_sentence = _sentence_order(out)
    out.sort(key=lambda k: (k.day, k.article_rank, k.movement.sentence_index,
                            in_sentence[id(k)]))  # fmt: skip
    return out


_NEXT_DAY_RE = re.compile(r"(?:the )?(?:next|following)\b", re.IGNORECASE)


# A lead that reports the end of a journey ("ended their tour in Dublin on Sunday"): the
# undated stops the article tells after it are the journey it ended, so they come before it.
_COMPLETION_RE = re.compile(
    r"\b(?:ended|ends|wrapped up|wraps up|finished|finishes|concluded|concludes|completed|"
    r"completes|rounded off|rounds off|at the end of|(?:last|final) (?:show|concert|stop|leg|"
    r"stage|match|game|day|night|port of call)|finish line|finishing line)\b"
)


_RETELLING_RE = re.compile(r"\b(?:first|initially|originally|had (?:first |earlier )?\w+ed)\b")
# How a body retells the way to an undated lead: "She flew in from Hong Kong on Tuesday".
_WAY_THERE_RE = re.compile(r"\b(?:flew in from|arrived from|came in from|flown in from)\b")


def _retold_after(lead: Movement, movements: list[Movement]) -> bool:
    """Does a later sentence tell, with a date, how the traveller got to the lead's place?"""
    return any(
        m.sentence_index > lead.sentence_index
        and m.status != "planned"
        and _day_value(m) is not None
        and _WAY_THERE_RE.search(m.sentence)
        for m in movements
    )


def _in_lead(m: Movement, lead: Movement | None) -> bool:
    return lead is not None and m.sentence_index == lead.sentence_index


def _summary_lead(movements: list[Movement]) -> Movement | None:
    """The article's first movement when it is dated, the latest that happened, in its first
    sentence, and that sentence tells of a journey's end or the text after it goes back to
    earlier days (a news lead before the story); otherwise None."""
    first = min(movements, key=lambda m: (m.sentence_index, m.start))
    # "Pilgrims who set out from Mbarara last week reached Masaka on Monday": the lead is
    # where they are now, the latest dated arrival of the first sentence, not where they began
    arrivals = [
        m for m in movements
        if m.sentence_index == first.sentence_index == 0 and m.role == "destination"
        and m.status != "planned" and _day_value(m) is not None
    ]  # fmt: skip
    starts = [m for m in movements if m.sentence_index == first.sentence_index
              and m.role == "origin" and m.when is not None]  # fmt: skip
    if first.role == "origin" and arrivals and starts:
        first = max(arrivals, key=lambda m: (_day_value(m) or 0.0, m.start))
    day = _day_value(first)
    if first.sentence_index > 1 or first.status == "planned":
        return None
    if day is None:
        # "Kulkarni spoke to reporters in Dubai ... She flew in from Hong Kong late on Tuesday,
        # following two days in Singapore": an undated lead the body retells the way to
        return first if first.role != "origin" and _retold_after(first, movements) else None
    happened = [
        d for m in movements
        if m.status != "planned" and not _is_return(m) and (d := _day_value(m)) is not None
    ]  # fmt: skip
    if day < max(happened, default=day):
        return None
    # The body steps back in time ("The storm formed ... on Monday") or the lead ends a trip.
    steps_back = any(
        m.sentence_index > first.sentence_index and m.status != "planned"
        and m.when is not None and m.when.start is not None and m.when.start.toordinal() < day - 1
        for m in movements
    )  # fmt: skip
    # "The convoy first headed west": the text goes back to how the journey began.
    retold = any(
        m.sentence_index > first.sentence_index and _RETELLING_RE.search(m.sentence)
        for m in movements
    )
    # "who set out from Mbarara last week reached Masaka on Monday": a lead that names the
    # start too sums up the way the body then tells
    names_start = any(
        m.sentence_index == first.sentence_index
        and m.role == "origin"
        and m is not first
        and m.when is not None
        and m.when.start is not None
        and m.when.start.toordinal() < int(day)  # an earlier day, loose or not ("last week")
        for m in movements
    )
    if steps_back or retold or names_start or _COMPLETION_RE.search(first.sentence):
        return first
    return None


def _sentence_order(keyed: list[_Keyed]) -> dict[int, int]:
    """Order inside one sentence: origins first, then the text's order of cues, and within one
    cue its roles (from, via, to): "left A, crossed B and reached C", "from A via B to C"."""
    groups: dict[tuple[str, int], list[_Keyed]] = defaultdict(list)
    for k in keyed:
        groups[(k.movement.article_id, k.movement.sentence_index)].append(k)
    order: dict[int, int] = {}
    for members in groups.values():
        cue_position: dict[str, int] = {}
        for k in sorted(members, key=lambda x: x.movement.start):
            cue_position.setdefault(k.movement.cue, k.movement.start)
        members.sort(key=lambda k: (k.movement.role != "origin", cue_position[k.movement.cue],
                                    k.role_rank, k.movement.start))  # fmt: skip
        for rank, k in enumerate(members):
            order[id(k)] = rank
    return order


def _narrative_merge(keyed: list[_Keyed]) -> list[_Keyed]:
    """Undated trips told by several articles: keep the first article's order and slot the
    others' new places after the place they follow in their own article."""
    if len({k.article_rank for k in keyed}) <= 1:
        return keyed
    sequence: list[_Keyed] = []
    for rank in sorted({k.article_rank for k in keyed}):
        previous_index = -1
        for k in [x for x in keyed if x.article_rank == rank]:
            found = next(
                (i for i, s in enumerate(sequence) if _same_place(s.movement, k.movement)),
                None,
            )
            if found is not None:
                previous_index = found
                sequence.insert(found + 1, k)
                previous_index = found + 1
                continue
            if k.role_rank == 0 and previous_index < 0:
                sequence.insert(0, k)
                previous_index = 0
            else:
                sequence.insert(previous_index + 1 if previous_index >= 0 else len(sequence), k)
                previous_index = (previous_index + 1) if previous_index >= 0 else len(sequence) - 1
    return sequence


AREA_KINDS = frozenset(
    {
        "country",
        "continent",
        "admin1",
        "admin2",
        "region",
        "sea",
        "river",
        "lake",
        "mountain",
        "island",
    }
)


def _same_place(a: Movement, b: Movement) -> bool:
    if a.place.id == b.place.id:
        return True
    if a.place.kind in AREA_KINDS or b.place.kind in AREA_KINDS:
        return False  # a river through a town is not the town
    km = great_circle((a.place.lat, a.place.lon), (b.place.lat, b.place.lon)).km
    if km <= SAME_PLACE_KM:
        return True
    return km <= SAME_NAME_KM and a.place.name.casefold() == b.place.name.casefold()


def _is_return(m: Movement) -> bool:
    """ "returned to", "flew back to", "came back": the text says the place is revisited."""
    words = m.cue.split()
    return m.cue.startswith(RETURN_CUES) or "back" in words or "home" in words


def _merge_stops(keyed: list[_Keyed]) -> list[_StopBuild]:
    """One stop per place and trip, except that coming back after other stops is a new stop."""
    builds: list[_StopBuild] = []
    for k in keyed:
        m = k.movement
        match = None
        for index in range(len(builds) - 1, -1, -1):
            if _same_place(builds[index].first.movement, m):
                match = index
                break
        if match is not None:
            existing = builds[match]
            later_stops = match < len(builds) - 1 and any(
                STATUS_RANK[b.first.movement.status] > 0 or b.first.dated
                for b in builds[match + 1 :]
            )
            left_from_here = all(x.movement.role == "origin" for x in existing.items)
            comes_back = m.role != "origin" and (
                _is_return(m) or (left_from_here and m.status != "planned" and k.dated)
            )
            # "will fly back to Berlin" after other stops: a planned stop of its own.
            if later_stops and comes_back and (m.status != "planned" or _is_return(m)):
                builds.append(_StopBuild([k]))
            else:
                existing.items.append(k)
            continue
        builds.append(_StopBuild([k]))
    # A plan that came true stands where it happened: "heading toward Colusa this afternoon",
    # then at 9 p.m. "pulled into Colusa" after two stops on the way.
    position = {id(k): n for n, k in enumerate(keyed)}

    def happened_at(build: _StopBuild) -> int:
        if build.first.movement.status != "planned":
            return position[id(build.first)]
        done = [k for k in build.items if k.movement.status != "planned" and k.dated]
        return position[id((done or build.items)[0])]

    return sorted(builds, key=happened_at)


def _stop(build: _StopBuild) -> Stop:
    movements = [k.movement for k in build.items]
    best = max(movements, key=lambda m: (STATUS_RANK[m.status], -movements.index(m)))
    place = best.place
    evidence: list[Evidence] = []
    seen: set[tuple[str, int]] = set()
    for m in sorted(movements, key=lambda m: (m.article_id, m.start)):
        if (m.article_id, m.start) in seen:
            continue
        seen.add((m.article_id, m.start))
        evidence.append(
            Evidence(
                article=m.article_id,
                start=m.start,
                end=m.end,
                sentence=m.sentence,
                sentence_start=m.sentence_start,
            )
        )
    return Stop(
        place_id=place.id,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        role=_main_role(movements),
        when=_when(movements, best),
        status=best.status,
        evidence=evidence,
    )


def _main_role(movements: list[Movement]) -> Role:
    roles = Counter(m.role for m in movements)
    return sorted(roles, key=lambda r: (-roles[r], ROLE_RANK[r]))[0]


def _when(movements: list[Movement], best: Movement) -> TimeSpan | None:
    """The stop's time: from its confirmed movements when they are dated, else from any."""

    def dated(ms: list[Movement]) -> list[Movement]:
        return [m for m in ms if m.when is not None and m.when.start is not None]

    confirmed = dated([m for m in movements if m.status != "planned"])
    pool = confirmed or dated(movements)
    if not pool:
        texts = [m.when.text for m in movements if m.when is not None and m.when.text]
        tods = [m.when.time_of_day for m in movements if m.when and m.when.time_of_day]
        if not texts:
            return None
        return TimeSpan(text=texts[0], time_of_day=tods[0] if tods else None)
    # The most precise date wins; a looser span only widens nothing.
    precise = min(pool, key=lambda m: ((m.when.end or m.when.start) - m.when.start).days  # type: ignore[union-attr,operator]
                  if m.when else 10**6)  # fmt: skip
    assert precise.when is not None
    return precise.when


def _drop_coarse(stops: list[Stop], kind_by_id: dict[str, str]) -> list[Stop]:
    """Countries, continents and regions are not stops when a finer stop lies inside them."""
    if len(stops) <= 1:
        return stops
    kinds = {s.place_id: kind_by_id.get(s.place_id, "city") for s in stops}
    fine = [s for s in stops if kinds[s.place_id] not in FINE_KINDS_EXCLUDED]
    kept: list[Stop] = []
    for s in stops:
        kind = kinds[s.place_id]
        if kind in ("country", "continent"):
            if any(f.country == s.country or kind == "continent" for f in fine):
                continue
            if any(kinds[o.place_id] not in ("country", "continent") for o in stops) and (
                s.status == "planned"
            ):
                continue
        elif (
            kind == "sea"
            and s.name.endswith(" Ocean")
            and all(
                great_circle((o.lat, o.lon), (s.lat, s.lon)).km > OCEAN_FAR_KM
                for o in stops
                if o is not s
            )
        ):
            # "far out over the Atlantic": an ocean's middle is nowhere near the way taken
            continue
        elif kind in ("admin1", "admin2", "region") and any(
            f.country == s.country
            and (
                (f.admin1 and f.admin1.casefold() == s.name.casefold())
                or great_circle((f.lat, f.lon), (s.lat, s.lon)).km <= REGION_CONTAINS_KM
            )
            for f in fine
        ):
            continue
        kept.append(s)
    return kept or stops


# An ocean whose representative point lies further than this from every other stop says
# nothing about where the route went.
OCEAN_FAR_KM = 1000.0
FACILITY_KINDS = frozenset({"airport", "site", "spaceport"})  # a border crossing is a stop
FACILITY_FOLD_KM = 45.0


def _fold_facilities(stops: list[Stop], kinds: dict[str, str]) -> list[Stop]:
    """An airport or landmark next to the city it serves is the same stop as that city:
    "landed at Noi Bai airport" then "talks in Hanoi" is one stop, Hanoi."""
    out: list[Stop] = []
    for stop in stops:
        if out and _facility_pair(out[-1], stop, kinds):
            city, facility = (stop, out[-1]) if kinds.get(out[-1].place_id) in FACILITY_KINDS else (
                out[-1], stop)  # fmt: skip
            out[-1] = _merged(city, facility)
            continue
        out.append(stop)
    return out


def _facility_pair(a: Stop, b: Stop, kinds: dict[str, str]) -> bool:
    ka, kb = kinds.get(a.place_id, "city"), kinds.get(b.place_id, "city")
    if (ka in FACILITY_KINDS) == (kb in FACILITY_KINDS):
        return False
    other = kb if ka in FACILITY_KINDS else ka
    if other not in ("city", "capital"):
        return False
    return great_circle((a.lat, a.lon), (b.lat, b.lon)).km <= FACILITY_FOLD_KM


def _merged(keep: Stop, extra: Stop) -> Stop:
    status = max((keep.status, extra.status), key=lambda st: STATUS_RANK[st])
    evidence = sorted({(e.article, e.start): e for e in [*keep.evidence, *extra.evidence]}
                      .values(), key=lambda e: (e.article, e.start))  # fmt: skip
    when = keep.when or extra.when
    if keep.when and extra.when and keep.when.start and extra.when.start:
        when = min(keep.when, extra.when, key=lambda w: w.start or dt.date.max)
    return keep.model_copy(update={"status": status, "evidence": evidence, "when": when})


def _merge_repeats(stops: list[Stop]) -> list[Stop]:
    """A place twice in a row, once a coarser stop between them is gone, is one stop."""
    out: list[Stop] = []
    for stop in stops:
        if out and out[-1].place_id == stop.place_id:
            out[-1] = _merged(out[-1], stop)
        else:
            out.append(stop)
    return out


def _assign_roles(stops: list[Stop]) -> list[Stop]:
    """Origin first and destination last where the text says so; pass-throughs keep theirs."""
    out: list[Stop] = []
    last = len(stops) - 1
    for i, s in enumerate(stops):
        role: Role = s.role
        if last > 0 and role != "pass":
            if i == 0:
                role = "origin" if role == "origin" else "stop"
            elif i == last:
                role = "destination" if role in ("destination", "stop") else "stop"
            else:
                role = "stop"
        out.append(s.model_copy(update={"role": role}))
    return out


def _is_route(stops: list[Stop]) -> bool:
    if len(stops) >= 2:
        return True
    return len(stops) == 1 and stops[0].status != "planned"
