"""A hand-made MapResult for the renderer tests: two routes, a planned stop, a route across the
antimeridian, several mentions, and hostile text in every field that reaches the page."""

from __future__ import annotations

import datetime as dt

from geomap.models import ArticleInfo, Evidence, MapResult, PlaceEntry, Route, Stop, TimeSpan

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
TEMPLATE = "${alert(1)}"
HOSTILE = (IMG, SCRIPT, TEMPLATE)


def _evidence(article: str, sentence: str, name: str, sentence_start: int = 100) -> Evidence:
    """Evidence for `name` inside `sentence`, as if the sentence started at `sentence_start`."""
    at = sentence.index(name)
    return Evidence(
        article=article,
        start=sentence_start + at,
        end=sentence_start + at + len(name),
        sentence=sentence,
        sentence_start=sentence_start,
    )


def _stop(
    place_id: str,
    name: str,
    lat: float,
    lon: float,
    status: str,
    sentence: str,
    *,
    article: str = "train",
    country: str = "RU",
    admin1: str | None = None,
    day: dt.date | None = None,
    when_text: str = "",
    role: str = "stop",
) -> Stop:
    return Stop(
        place_id=place_id,
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        admin1=admin1,
        role=role,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        when=TimeSpan(start=day, text=when_text) if day or when_text else None,
        evidence=[_evidence(article, sentence, name)],
    )


def _mention(
    place_id: str,
    name: str,
    lat: float,
    lon: float,
    country: str,
    country_name: str,
    sentence: str,
    article: str = "train",
    kind: str = "city",
) -> PlaceEntry:
    return PlaceEntry(
        id=place_id,
        name=name,
        country=country,
        country_name=country_name,
        lat=lat,
        lon=lon,
        kind=kind,
        mentions=[_evidence(article, sentence, name, sentence_start=0)],
    )


def sample_result(title: str = f"Train journey {IMG} {SCRIPT} {TEMPLATE}") -> MapResult:
    """Two routes (one crossing the antimeridian), planned and reported stops, mentions."""
    day = dt.date(2023, 9, 10)
    train = Route(
        actor="Kim Jong Un",
        trip_start=day,
        trip_end=day + dt.timedelta(days=7),
        stops=[
            _stop(
                "gn:1871859",
                "Pyongyang",
                39.03385,
                125.75432,
                "visited",
                "The armoured train left Pyongyang on Sunday evening.",
                country="KP",
                day=day,
                when_text="on Sunday evening",
                role="origin",
            ),
            _stop(
                "gn:2022083",
                "Khasan",
                42.43083,
                130.64472,
                "passed",
                "It crossed into Russia at Khasan early on Tuesday.",
                admin1="Primorsky Krai",
                day=day + dt.timedelta(days=2),
            ),
            _stop(
                "sup:vostochny-cosmodrome",
                "Vostochny Cosmodrome",
                51.88444,
                128.33389,
                "visited",
                "The two leaders met at the Vostochny Cosmodrome in the Amur region.",
                admin1="Amur Oblast",
                day=day + dt.timedelta(days=3),
            ),
            _stop(
                "gn:2021851",
                "Komsomolsk-on-Amur",
                50.55034,
                137.00995,
                "planned",
                "He is expected to visit aircraft plants in Komsomolsk-on-Amur next.",
                admin1="Khabarovsk Krai",
                when_text="later this week",
            ),
            _stop(
                "gn:2013348",
                f"Vladivostok {IMG}",
                43.10562,
                131.87353,
                "reported",
                f"Reports said the train could stop in Vladivostok {IMG} before going home.",
                article="hostile",
                admin1=SCRIPT,
                role="destination",
            ),
        ],
    )
    flight = Route(
        actor=f"Delegation {SCRIPT} {TEMPLATE}",
        trip_start=dt.date(2023, 9, 20),
        stops=[
            _stop(
                "gn:5879400",
                "Anchorage",
                61.21806,
                -149.90028,
                "visited",
                "The delegation flew out of Anchorage on Wednesday.",
                article="hostile",
                country="US",
                admin1="Alaska",
                day=dt.date(2023, 9, 20),
            ),
            _stop(
                "gn:2122104",
                "Petropavlovsk-Kamchatsky",
                53.04444,
                158.65076,
                "visited",
                "It landed in Petropavlovsk-Kamchatsky after a long flight.",
                article="hostile",
                day=dt.date(2023, 9, 21),
            ),
        ],
    )
    places = [
        _mention(
            "gn:4140963",
            "Washington",
            38.89511,
            -77.03637,
            "US",
            "United States",
            "Washington warned of consequences for any arms deal.",
        ),
        _mention(
            "gn:1835848",
            "Seoul",
            37.566,
            126.9784,
            "KR",
            "South Korea",
            "Officials in Seoul followed the trip closely.",
        ),
        _mention(
            "gn:1850147",
            "Tokyo",
            35.6895,
            139.69171,
            "JP",
            "Japan",
            "Tokyo said it was watching the summit.",
        ),
        _mention(
            "gn:703448",
            "Kyiv",
            50.45466,
            30.5238,
            "UA",
            "Ukraine",
            "The talks worried Kyiv and its allies.",
        ),
        _mention(
            "test:hostile-1",
            IMG,
            45.0,
            100.0,
            "MN",
            SCRIPT,
            f"A made-up place called {IMG} appears here.",
            article="hostile",
        ),
        _mention(
            "test:hostile-2",
            TEMPLATE,
            48.0,
            110.0,
            "MN",
            TEMPLATE,
            f"Another place named {TEMPLATE} is mentioned too.",
            article="hostile",
        ),
        PlaceEntry(
            id="gn:1871859",
            name="Pyongyang",
            country="KP",
            country_name="North Korea",
            lat=39.03385,
            lon=125.75432,
            kind="capital",
            on_route=True,
        ),
    ]
    articles = [
        ArticleInfo(
            id="train",
            title="Leader's train arrives in Russia's Far East",
            source="https://news.example.org/2023/09/train",
            published=dt.date(2023, 9, 12),
        ),
        ArticleInfo(
            id="hostile",
            title=f"Hostile {IMG} {SCRIPT} {TEMPLATE}",
            source="javascript:alert(1)",
            published=dt.date(2023, 9, 21),
        ),
    ]
    return MapResult(title=title, articles=articles, places=places, routes=[train, flight])


def many_mentions_result(count: int = 80) -> MapResult:
    """A result with many mentions and no route, to exercise grouping."""
    places = [
        PlaceEntry(
            id=f"test:{i}",
            name=f"Place {i}",
            lat=40.0 + (i % 10) * 0.05,
            lon=10.0 + (i // 10) * 0.05,
            kind="city",
            mentions=[_evidence("a", f"We went past Place {i} today.", f"Place {i}", 0)],
        )
        for i in range(count)
    ]
    return MapResult(
        title="Many places",
        articles=[ArticleInfo(id="a", title="A list of places")],
        places=places,
        routes=[],
    )


def newsroom_result() -> MapResult:
    """Two trips by one actor (the longer, later one listed second), a return to the same city,
    a town next to it, a far-off planned stop, a long quote and a much-mentioned place."""
    day = dt.date(2024, 5, 26)
    long_sentence = (
        "After a morning of talks on trade, defence and the war, and a lunch with business "
        "leaders from both countries, the president went on to Potsdam, where he laid a wreath "
        "and walked through the palace gardens with his host before the two men answered "
        "questions from reporters for almost an hour."
    )
    tour = Route(
        actor="Emmanuel Macron",
        trip_start=day,
        trip_end=day + dt.timedelta(days=2),
        stops=[
            _stop(
                "t:berlin",
                "Berlin",
                52.52437,
                13.41053,
                "visited",
                "He landed in Berlin.",
                article="tour",
                country="DE",
                day=day,
            ),
            _stop(
                "t:potsdam",
                "Potsdam",
                52.39886,
                13.06566,
                "visited",
                long_sentence,
                article="tour",
                country="DE",
                day=day,
            ),
            _stop(
                "t:berlin",
                "Berlin",
                52.52437,
                13.41053,
                "visited",
                "He was back in Berlin.",
                article="tour",
                country="DE",
                day=day + dt.timedelta(days=1),
            ),
            _stop(
                "t:paris",
                "Paris",
                48.85341,
                2.3488,
                "visited",
                "He flew home to Paris.",
                article="tour",
                country="FR",
                day=day + dt.timedelta(days=2),
            ),
            _stop(
                "t:moscow",
                "Moscow",
                55.75222,
                37.61556,
                "planned",
                "A trip to Moscow is not planned.",
                article="tour",
                day=day,
            ),
        ],
    )
    earlier = Route(
        actor="Emmanuel Macron",
        trip_start=dt.date(2023, 6, 1),
        stops=[
            _stop(
                "t:madrid",
                "Madrid",
                40.4165,
                -3.70256,
                "visited",
                "He stopped in Madrid.",
                article="tour",
                country="ES",
                day=dt.date(2023, 6, 1),
            ),
        ],
    )
    rome_sentences = [f"Rome was named again, for time number {i}." for i in range(1, 9)]
    rome = PlaceEntry(
        id="t:rome",
        name="Rome",
        country="IT",
        country_name="Italy",
        lat=41.89193,
        lon=12.51133,
        kind="capital",
        mentions=[
            _evidence("tour", text, "Rome", sentence_start=i * 100)
            for i, text in enumerate(rome_sentences)
        ],
    )
    vienna = _mention(
        "t:vienna",
        "Vienna",
        48.20849,
        16.37208,
        "AT",
        "Austria",
        "Vienna stayed quiet.",
        article="tour",
    )
    return MapResult(
        title="Macron's state visit",
        articles=[ArticleInfo(id="tour", title="State visit", published=day)],
        places=[rome, vienna],
        routes=[earlier, tour],
    )
