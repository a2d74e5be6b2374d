"""Movements from hand-built articles: actors, roles, statuses, times, historical trips.

Places are matched by name from a small table of Place objects (no gazetteer); sentences come
from the real splitter. `movements()` is shared with test_routes.
"""

from __future__ import annotations

import datetime as dt
import re

from gazetteer.models import Place
from geomap.models import Article, Mention, Movement, ResolvedMention
from geomap.movements import STATIC_CUE_FORMS, canonical_actor_key, extract_movements
from geomap.sentences import split_sentences


def _place(pid: str, name: str, kind: str, lat: float, lon: float, cc: str) -> Place:
    return Place(id=pid, name=name, kind=kind, lat=lat, lon=lon, country=cc)  # type: ignore[arg-type]


PLACES: dict[str, Place] = {
    "Pyongyang": _place("t:pyongyang", "Pyongyang", "capital", 39.03, 125.75, "KP"),
    "Khasan": _place("t:khasan", "Khasan", "city", 42.43, 130.64, "RU"),
    "Ussuriysk": _place("t:ussuriysk", "Ussuriysk", "city", 43.80, 131.95, "RU"),
    "Vladivostok": _place("t:vladivostok", "Vladivostok", "city", 43.11, 131.87, "RU"),
    "Vostochny Cosmodrome": _place(
        "t:vostochny", "Vostochny Cosmodrome", "spaceport", 51.88, 128.33, "RU"
    ),  # fmt: skip
    "Razdolnaya River": _place("t:razdolnaya", "Razdolnaya River", "river", 43.55, 131.9, "RU"),
    "Russia": _place("t:ru", "Russia", "country", 60.0, 90.0, "RU"),
    "North Korea": _place("t:kp", "North Korea", "country", 40.0, 127.0, "KP"),
    "Ukraine": _place("t:ua", "Ukraine", "country", 49.0, 32.0, "UA"),
    "Washington": _place("t:washington", "Washington", "capital", 38.9, -77.04, "US"),
    "Moscow": _place("t:moscow", "Moscow", "capital", 55.75, 37.62, "RU"),
    "Paris": _place("t:paris", "Paris", "capital", 48.85, 2.35, "FR"),
    "Belgrade": _place("t:belgrade", "Belgrade", "capital", 44.8, 20.47, "RS"),
    "Budapest": _place("t:budapest", "Budapest", "capital", 47.5, 19.04, "HU"),
    "Acapulco": _place("t:acapulco", "Acapulco", "city", 16.86, -99.88, "MX"),
    "Mexico City": _place("t:cdmx", "Mexico City", "capital", 19.43, -99.13, "MX"),
    "Rotterdam": _place("t:rotterdam", "Rotterdam", "city", 51.92, 4.48, "NL"),
    "Port Said": _place("t:portsaid", "Port Said", "city", 31.26, 32.3, "EG"),
    "Bilbao": _place("t:bilbao", "Bilbao", "city", 43.26, -2.93, "ES"),
    "Bayonne": _place("t:bayonne", "Bayonne", "city", 43.49, -1.47, "FR"),
    "Rome": _place("t:rome", "Rome", "capital", 41.89, 12.51, "IT"),
    "Ulaanbaatar": _place("t:ulaanbaatar", "Ulaanbaatar", "capital", 47.91, 106.88, "MN"),
    "Dublin": _place("t:dublin", "Dublin", "capital", 53.35, -6.26, "IE"),
    "Oslo": _place("t:oslo", "Oslo", "capital", 59.91, 10.75, "NO"),
    "Edinburgh": _place("t:edinburgh", "Edinburgh", "city", 55.95, -3.19, "GB"),
    "Manchester": _place("t:manchester", "Manchester", "city", 53.48, -2.24, "GB"),
    "Leeds": _place("t:leeds", "Leeds", "city", 53.8, -1.55, "GB"),
    "Lyon": _place("t:lyon", "Lyon", "city", 45.76, 4.84, "FR"),
    "Amman": _place("t:amman", "Amman", "capital", 31.95, 35.93, "JO"),
    "Damascus": _place("t:damascus", "Damascus", "capital", 33.51, 36.29, "SY"),
    "Lima": _place("t:lima", "Lima", "capital", -12.05, -77.04, "PE"),
    "Quito": _place("t:quito", "Quito", "capital", -0.22, -78.51, "EC"),
    "Medyka": _place("t:medyka", "Medyka", "border_crossing", 49.8, 22.93, "PL"),
    "Przemysl": _place("t:przemysl", "Przemysl", "city", 49.78, 22.77, "PL"),
    "Texas": _place("t:texas", "Texas", "admin1", 31.0, -100.0, "US"),
}
DEMONYMS = {"Russian": "Russia", "North Korean": "North Korea"}


def resolve(article: Article) -> list[ResolvedMention]:
    """Every occurrence of a table name (longest first) as a resolved mention."""
    out: list[ResolvedMention] = []
    names = sorted([*PLACES, *DEMONYMS], key=len, reverse=True)
    for sentence in split_sentences(article):
        taken: list[tuple[int, int]] = []
        for name in names:
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", sentence.text):
                start, end = sentence.start + m.start(), sentence.start + m.end()
                if any(start < b and end > a for a, b in taken):
                    continue
                taken.append((start, end))
                demonym = name in DEMONYMS
                place = PLACES[DEMONYMS[name]] if demonym else PLACES[name]
                mention = Mention(
                    article_id=article.id,
                    sentence_index=sentence.index,
                    start=start,
                    end=end,
                    surface=name,
                    demonym=demonym,
                )
                out.append(ResolvedMention(mention=mention, place=place, confidence=1.0))
    return sorted(out, key=lambda r: r.mention.start)


def article(text: str, published: dt.date | None = dt.date(2023, 9, 13), aid: str = "a") -> Article:
    return Article(id=aid, title="t", text=text, published=published)


def movements(text: str, published: dt.date | None = dt.date(2023, 9, 13),
              aid: str = "a") -> list[Movement]:  # fmt: skip
    art = article(text, published, aid)
    return extract_movements(art, split_sentences(art), resolve(art))


def by_place(moves: list[Movement]) -> dict[str, Movement]:
    return {m.place.name: m for m in moves}


def test_arrival_with_time_and_full_name_actor() -> None:
    moves = movements(
        "North Korean leader Kim Jong Un travelled overnight. The KCNA said Kim’s train arrived "
        "at the Russian border city of Khasan at 6 a.m. on Tuesday."
    )
    khasan = by_place(moves)["Khasan"]
    assert khasan.actor == "Kim Jong Un"
    assert khasan.role == "destination" and khasan.status == "visited"
    assert khasan.when is not None and khasan.when.start == dt.date(2023, 9, 12)
    assert khasan.when.time_of_day == "06:00"
    assert "Russia" not in by_place(moves)  # "Russian" is only a modifier


def test_origin_destination_and_plan() -> None:
    moves = by_place(movements(
        "Mr. Kim Jong Un would likely travel by armoured train to Vladivostok from Pyongyang."
    ))  # fmt: skip
    assert moves["Vladivostok"].role == "destination"
    assert moves["Pyongyang"].role == "origin"
    assert {m.status for m in moves.values()} == {"planned"}


def test_pass_through_and_hedge() -> None:
    moves = by_place(movements(
        "Kim Jong Un left Khasan on Tuesday. His train then headed to Ussuriysk and crossed the "
        "Razdolnaya River, according to foreign media reports."
    ))  # fmt: skip
    assert moves["Khasan"].role == "origin" and moves["Khasan"].status == "visited"
    assert moves["Ussuriysk"].actor == "Kim Jong Un"  # "his train" refers back to Kim
    assert moves["Ussuriysk"].status == "reported"
    assert moves["Razdolnaya River"].role == "pass"


def test_passed_status_without_hedge() -> None:
    moves = by_place(movements("Kim Jong Un crossed the Razdolnaya River on Tuesday."))
    assert moves["Razdolnaya River"].status == "passed"


def test_historical_trip_is_flagged() -> None:
    moves = by_place(movements(
        "In 2019, Mr. Kim Jong Un traveled by train to Vladivostok, roughly 300 miles from "
        "North Korea’s border, where he met Mr. Putin for the first time."
    ))  # fmt: skip
    assert moves["Vladivostok"].historical
    assert moves["Vladivostok"].when is not None and moves["Vladivostok"].when.start.year == 2019  # type: ignore[union-attr]
    assert "North Korea" not in moves  # a distance, not an origin


def test_pronoun_and_description_coreference() -> None:
    moves = movements(
        "President Emmanuel Macron landed in Paris on Monday. He later flew to Belgrade. "
        "The president then travelled on to Budapest."
    )
    assert [m.place.name for m in moves] == ["Paris", "Belgrade", "Budapest"]
    assert {m.actor for m in moves} == {"Emmanuel Macron"}


def test_places_only_mentioned_are_not_movements() -> None:
    moves = movements(
        "Washington warned Pyongyang about the war in Ukraine. Russian President Vladimir Putin "
        "spoke about Russia and North Korea. Officials in Moscow said nothing."
    )
    assert moves == []


def test_someone_else_as_subject_is_not_the_actor() -> None:
    moves = movements(
        "Kim Jong Un is in Pyongyang. An advance team of North Korean officials had travelled "
        "to Vladivostok and Moscow."
    )
    # The advance team travelled, Kim did not: the team is a traveller of its own.
    assert {m.actor for m in moves} == {"the team"}
    assert sorted(m.place.name for m in moves) == ["Moscow", "Vladivostok"]


def test_named_club_travels_and_plays() -> None:
    moves = movements(
        "Celtic United ended their pre-season tour with a 2-1 win over Lyon in Dublin on "
        "Saturday. The tour opened in Oslo, where United beat Rosenborg, before the squad flew "
        "to Edinburgh. In Manchester they lost to Leeds United."
    )
    assert {m.actor for m in moves} == {"Celtic United"}
    assert {m.place.name for m in moves} == {"Dublin", "Oslo", "Edinburgh", "Manchester"}
    assert "Lyon" not in {m.place.name for m in moves}  # the opponent, not a stop


def test_unnamed_group_is_introduced_and_referred_back_to() -> None:
    moves = movements(
        "A convoy of trucks carrying flour left Amman on Monday. The convoy waited near the "
        "border for a day before the lorries drove on to Damascus."
    )
    assert {m.actor for m in moves} == {"the convoy"}
    assert [m.place.name for m in moves] == ["Amman", "Damascus"]


def test_team_description_is_the_traveller_not_its_coach() -> None:
    moves = movements(
        "The national team assembled in Lima before the players flew to Quito. Coach Ana Ruiz "
        "praised the squad. The delegation will return to Lima on Friday."
    )
    assert {m.actor for m in moves} == {"the national team"}
    assert [m.place.name for m in moves] == ["Lima", "Quito", "Lima"]


def test_negation_drops_the_movement() -> None:
    moves = movements(
        "Kim Jong Un did not travel to Vladivostok. His trip to Moscow was cancelled."
    )
    assert moves == []


def test_after_clause_is_the_earlier_place() -> None:
    moves = by_place(movements(
        "Later Wednesday, Vladimir Putin arrived at the Vostochny Cosmodrome after taking part in "
        "a forum in Vladivostok."
    ))  # fmt: skip
    assert moves["Vostochny Cosmodrome"].role == "destination"
    assert moves["Vladivostok"].role == "origin"
    assert moves["Vladivostok"].actor == "Vladimir Putin"


def test_non_human_movers() -> None:
    storm = by_place(movements(
        "Hurricane Otis slammed into Acapulco early on Wednesday. Officials in Mexico City "
        "sent the army.", dt.date(2023, 10, 26)
    ))  # fmt: skip
    assert storm["Acapulco"].actor == "Hurricane Otis" and "Mexico City" not in storm
    ship = by_place(movements(
        "The container ship Ever Given, which blocked the canal in March, arrived in Rotterdam "
        "on Thursday.", dt.date(2021, 7, 29)
    ))  # fmt: skip
    assert ship["Rotterdam"].actor == "Ever Given"
    race = by_place(movements(
        "The Tour de France began in Bilbao on Saturday. The peloton finished in Bayonne on "
        "Monday.", dt.date(2023, 7, 3)
    ))  # fmt: skip
    assert race["Bilbao"].actor == race["Bayonne"].actor == "Tour de France"


def test_actor_keys_ignore_hyphens_case_and_titles() -> None:
    assert canonical_actor_key("Kim Jong-un") == canonical_actor_key("Kim Jong Un")
    assert canonical_actor_key("President Vladimir Putin") == "vladimir putin"


def test_unnamed_traveller_is_its_description() -> None:
    moves = movements(
        "The foreign minister flew from Paris to Belgrade on Monday. She then travelled on to "
        "Budapest."
    )
    places = by_place(moves)
    assert {m.actor for m in moves} == {"the foreign minister"}  # "she" refers back to it
    assert places["Paris"].role == "origin"
    assert places["Belgrade"].role == "destination" and places["Budapest"].role == "destination"


def test_repeated_description_and_ship_description() -> None:
    minister = movements(
        "The minister flew from Paris to Rome on Monday. The minister later went to Belgrade."
    )
    assert {m.actor for m in minister} == {"the minister"} and len(minister) == 3
    ship = movements(
        "The ship sailed from Rotterdam to Port Said. The vessel then called at Bilbao."
    )
    assert {m.actor for m in ship} == {"the ship"} and len(ship) == 3


def test_two_unnamed_people_stay_apart() -> None:
    moves = by_place(movements(
        "The minister flew from Paris to Rome on Monday. The president travelled from Belgrade "
        "to Budapest on Tuesday."
    ))  # fmt: skip
    assert moves["Rome"].actor == "the minister"
    assert moves["Budapest"].actor == "the president"
    assert canonical_actor_key("the prime minister") != canonical_actor_key("the minister")


def test_salient_named_actor_keeps_the_description() -> None:
    moves = movements(
        "Emmanuel Macron met students on Monday. The president then flew from Paris to Belgrade."
    )
    assert moves and {m.actor for m in moves} == {"Emmanuel Macron"}
    titled = movements(
        "President Emmanuel Macron flew to Rome on Monday. The president later went to Belgrade."
    )
    assert {m.actor for m in titled} == {"Emmanuel Macron"}


def test_plan_carries_over_coordinated_verbs_without_a_subject() -> None:
    found = movements(
        "Xi Jinping arrived in Paris on Monday. From Paris he will travel to Belgrade, then fly "
        "to Budapest and end the trip in Rome."
    )
    assert found[0].place.name == "Paris" and found[0].status == "visited"
    moves = by_place(found)
    assert {moves[p].status for p in ("Belgrade", "Budapest", "Rome")} == {"planned"}


def test_counted_group_and_named_aircraft_travel() -> None:
    moves = movements(
        "Three Russian women rowed into Rotterdam on Sunday. The solar aircraft Sun Glider 2 "
        "landed in Bilbao, and its next leg will take it to Bayonne."
    )
    actors = {m.place.name: m.actor for m in moves}
    assert actors["Rotterdam"] == "the women"
    assert actors["Bilbao"] == actors["Bayonne"] == "Sun Glider 2"


def test_a_lead_introduces_the_traveller_named_later() -> None:
    moves = movements(
        "A senior envoy charged with reviving the talks arrived in Amman on Thursday. "
        "Sergio Alvarez Quintana, a former minister, was greeted at the airport. "
        "On Friday he flew on to Damascus."
    )
    assert {m.place.name: m.actor for m in moves} == {
        "Amman": "Sergio Alvarez Quintana",
        "Damascus": "Sergio Alvarez Quintana",
    }


def test_a_relative_clause_of_a_thing_moves_no_one() -> None:
    moves = movements(
        "Storm Ada crossed Dublin on Monday. The weather office, which tracks storms "
        "from Paris, warned of more rain. It said the storm would weaken."
    )
    assert [m.place.name for m in moves] == ["Dublin"]


def test_a_live_blog_clock_time_dates_the_entry_and_without_stopping_is_a_pass() -> None:
    moves = by_place(
        movements(
            "21:50 — The convoy has pulled into Lyon. 15:20 — The convoy rolled through "
            "Paris without stopping.",
            published=dt.date(2023, 8, 18),
        )
    )
    assert moves["Paris"].status == "passed"
    assert moves["Lyon"].when is not None and moves["Lyon"].when.start == dt.date(2023, 8, 18)


def test_a_named_boat_in_apposition_and_a_race_finish() -> None:
    moves = movements(
        "Albatros Rouge, the French boat sailed by Anne Guegen, crossed the finish line in "
        "Lyon on Saturday, 14 days after leaving Paris."
    )
    assert {(m.place.name, m.actor, m.role) for m in moves} == {
        ("Lyon", "Albatros Rouge", "destination"),
        ("Paris", "Albatros Rouge", "origin"),
    }


def test_here_in_wire_copy_is_the_dateline_city() -> None:
    moves = movements(
        "Belgrade, Serbia — Ana Petrovic rolled into the old town here on Sunday. "
        "She had set off from Budapest on May 2 and will ride on to Dublin on Tuesday."
    )
    assert [(m.place.name, m.status) for m in moves] == [
        ("Belgrade", "visited"),
        ("Budapest", "visited"),
        ("Dublin", "planned"),
    ]


def test_a_first_person_feature_follows_its_writer() -> None:
    moves = movements(
        "I landed in Amman on Friday. My bags were lost, so I slept in Amman. "
        "Tomorrow a shared taxi will take me north to Damascus."
    )
    assert {m.actor for m in moves} == {"the writer"}
    assert by_place(moves)["Damascus"].status == "planned"


def test_without_after_the_place_does_not_deny_the_movement() -> None:
    moves = movements("The plane touched down in Lyon after flying from Paris without fuel.")
    assert {m.place.name for m in moves} == {"Lyon", "Paris"}
    assert movements("He returned without stopping in Paris.") == []


def test_a_countrys_office_holder_and_relative_clauses_before_the_verb() -> None:
    moves = movements(
        "Russia's president will leave Moscow on Monday. The president, who has made trade a "
        "priority and who last travelled abroad in January, will fly first to Lima. "
        "He is due back in Moscow on Friday.",
        published=dt.date(2025, 3, 6),
    )
    assert [(m.place.name, m.actor, m.status) for m in moves] == [
        ("Moscow", "Russia's president", "planned"),
        ("Lima", "Russia's president", "planned"),
        ("Moscow", "Russia's president", "planned"),
    ]
    lima = by_place(moves)["Lima"]
    assert lima.when is None  # "in January" dates the aside, not the flight
    assert not moves[-1].historical  # "due back in", not "back in 2019"


def test_a_couple_travels_as_one_and_takes_a_boat() -> None:
    moves = movements(
        "Birgit and Henrik Jensen landed in Lima on August 24. Back in Lima, they boarded the "
        "morning boat to Quito. On Sunday they will take the morning boat back to Lima.",
        published=dt.date(2024, 9, 14),
    )
    assert {m.actor for m in moves} == {"Birgit and Henrik Jensen"}
    assert [(m.place.name, m.role, m.status) for m in moves] == [
        ("Lima", "destination", "visited"),
        ("Quito", "destination", "visited"),
        ("Lima", "origin", "visited"),
        ("Lima", "destination", "planned"),
    ]


def test_a_whole_earlier_year_is_an_earlier_trip() -> None:
    moves = movements("Last year the president visited Lima.", published=dt.date(2025, 3, 6))
    assert moves and moves[0].historical


def test_an_unnamed_vessel_its_halts_and_a_named_ship_introduced_later() -> None:
    moves = movements(
        "A hospital barge carrying surgeons tied up at Lima on Sunday. Its first long halt was "
        "at Quito. A coast guard cutter will reach Rome on Friday. The cutter Resolute, which "
        "had sailed from Paris on Monday, picked up the group from Dublin on Wednesday."
    )
    actors = {m.place.name: m.actor for m in moves}
    assert actors["Lima"] == actors["Quito"] == "the barge"
    assert actors["Rome"] == actors["Paris"] == actors["Dublin"] == "Resolute"
    assert by_place(moves)["Dublin"].role == "stop"


def test_members_with_no_group_before_them_are_the_travellers() -> None:
    moves = movements(
        "The migrants, who had paid smugglers up to $2,000 each and who said they had been "
        "promised a landing near Miami, left Lima on Thursday."
    )
    assert [(m.place.name, m.actor, m.status) for m in moves] == [
        ("Lima", "the migrants", "visited")
    ]


def test_two_ministers_of_two_countries_are_three_travellers() -> None:
    moves = movements(
        "The prime minister flew on Wednesday to Lima. The foreign minister, travelling "
        "separately and carrying, aides said, a folder of questions, arrived in Quito on "
        "Wednesday. She had flown out of Rome on Sunday. Russia's foreign minister, speaking in "
        "Moscow, welcomed the visits. The prime minister is expected back in Paris on Saturday."
    )
    assert {(m.place.name, m.actor) for m in moves} == {
        ("Lima", "the prime minister"),
        ("Quito", "the foreign minister"),
        ("Rome", "the foreign minister"),
        ("Moscow", "Russia's foreign minister"),
        ("Paris", "the prime minister"),
    }


def test_a_towed_ship_travels_and_a_second_verb_ends_the_first_ones_places() -> None:
    moves = movements(
        "The ship Havbris left Rotterdam on Monday and called at Bilbao the next morning. "
        "A tug then towed the vessel into Bayonne."
    )
    assert [(m.place.name, m.actor, m.role) for m in moves] == [
        ("Rotterdam", "Havbris", "origin"),
        ("Bilbao", "Havbris", "stop"),
        ("Bayonne", "Havbris", "destination"),
    ]


def test_a_band_preview_in_the_present_and_future_tense() -> None:
    moves = movements(
        "Roots quartet Prairie Static will take their third album, Long Light, on the road "
        "with a tour that opens in Paris on April 3. After the opening night, the four-piece "
        "will drive west to Lyon on April 4, then play Bilbao on April 6. The tour moves on to "
        "Rome on April 10.",
        published=dt.date(2025, 1, 20),
    )
    assert [(m.place.name, m.actor, m.status) for m in moves] == [
        ("Paris", "Prairie Static", "planned"),
        ("Lyon", "Prairie Static", "planned"),
        ("Bilbao", "Prairie Static", "planned"),
        ("Rome", "Prairie Static", "planned"),
    ]
    assert all(m.when is not None and m.when.start and m.when.start.year == 2025 for m in moves)


def test_a_one_word_club_with_a_plural_verb_travels() -> None:
    moves = movements(
        "Arsenal wrapped up their tour on Saturday. The players landed in Rome on Monday. "
        "Arsenal are due back in Paris next weekend."
    )
    assert {(m.place.name, m.actor) for m in moves} == {("Rome", "Arsenal"), ("Paris", "Arsenal")}


def test_a_stage_belongs_to_the_race_not_to_its_winner() -> None:
    moves = movements(
        "Jonas Brand won the sixth stage of the Tour de France in Lyon on Saturday. The "
        "162-kilometre stage began in Paris under cold drizzle."
    )
    assert by_place(moves)["Paris"].actor == "Tour de France"


def test_who_was_met_and_where_a_town_lies_do_not_hide_the_place() -> None:
    moves = movements(
        "President Joao Silva met Jordan's king, Sheikh Ali bin Hamad, in Amman on Wednesday. "
        "Storm Ada was passing over the city of Lyon on the banks of the Rhone on Thursday."
    )
    assert {m.place.name for m in moves} == {"Amman", "Lyon"}


def test_a_counted_group_after_a_dateline_and_a_family_called_they() -> None:
    moves = movements(
        "Rome — Forty cyclists raising money for clinics rode into Rome on Sunday. "
        "The riders had set off from Paris on August 9."
    )
    assert {(m.place.name, m.actor) for m in moves} == {
        ("Rome", "the cyclists"),
        ("Paris", "the cyclists"),
    }
    moves = movements(
        "Ana Ruiz left Lima in January with her two sons. From there they took a bus to Quito, "
        "and they changed coaches in Paris without leaving the terminal, before the last long "
        "ride down the coast to Rome."
    )
    assert {m.actor for m in moves} == {"Ana Ruiz"}
    assert "Rome" in by_place(moves) and "Quito" in by_place(moves)


def test_a_biography_aside_is_the_past_and_a_named_lead_is_he() -> None:
    moves = movements(
        "Lyon — Marc Gagne has worn out four pairs of boots since he set off from Paris in "
        "April. Gagne, who served two tours in Damascus, said he would go on."
    )
    assert by_place(moves)["Paris"].actor == "Marc Gagne"
    assert by_place(moves)["Damascus"].historical


def test_a_tour_opened_with_a_victory_somewhere() -> None:
    moves = movements(
        "The Flying Fijians opened the tour with a hard-fought 27-20 victory over Dublin in "
        "Lima last weekend, before flying on to Quito on Tuesday."
    )
    assert [(m.place.name, m.actor) for m in moves][:1] == [("Lima", "Flying Fijians")]


def test_a_country_playing_as_a_team_travels() -> None:
    moves = movements(
        "Lyon — Ukraine beat the hosts by two goals in Lyon on Sunday in the first match of "
        "the tour. The touring side had flown in from Dublin a week earlier, and the captain "
        "said the squad was tired. After the series, Ukraine fly to Oslo for two more matches "
        "in late October."
    )
    found = {m.place.name: (m.actor, m.status) for m in moves}
    assert found == {
        "Lyon": ("Ukraine", "visited"),
        "Dublin": ("Ukraine", "visited"),
        "Oslo": ("Ukraine", "planned"),
    }
    # Without a sports report a country is no traveller.
    assert not movements("Ukraine will fly the flag in Oslo at the end of September.")


def test_venues_the_band_name_and_a_crossing() -> None:
    moves = movements(
        "Larkspur's set on Thursday was the best of the year. Larkspur head north next, playing "
        "the Grand Theatre in Oslo tonight, before crossing the Razdolnaya River to Moscow. "
        "The tour had reached Lyon's Olympia Theatre on Saturday."
    )
    assert {(m.place.name, m.actor) for m in moves} == {
        ("Oslo", "Larkspur"),
        ("Razdolnaya River", "Larkspur"),
        ("Moscow", "Larkspur"),
        ("Lyon", "Larkspur"),
    }


def test_a_bus_stop_is_no_halt_and_a_storm_is_located_near_a_town() -> None:
    assert not movements("Ana Ruiz sells coffee beside a busy bus stop in Lima.")
    moves = movements("Storm Ada weakened. At 17:00 its centre was located near Lyon.")
    assert [(m.place.name, m.actor) for m in moves] == [("Lyon", "Storm Ada")]


def test_who_goes_with_a_team_that_includes_someone_and_where_a_roadshow_opened() -> None:
    moves = movements(
        "Ana Ruiz spoke to reporters in Lyon on Wednesday. She flew in from Oslo late on "
        "Tuesday, following two days of meetings in Dublin, where the roadshow opened on "
        "Sunday. From Lyon, Ruiz and a team that includes finance chief Marc Gagne will head "
        "to Rome on Thursday."
    )
    found = by_place(moves)
    assert found["Lyon"].actor == "Ana Ruiz"
    assert found["Dublin"].when is not None and found["Dublin"].when.start == dt.date(2023, 9, 10)
    assert found["Rome"].actor == "Ana Ruiz" and found["Rome"].status == "planned"


def test_a_tour_of_a_region_is_no_stop() -> None:
    table_region = _place("t:sahel", "Sahel", "region", 15.0, 5.0, "")
    PLACES["Sahel"] = table_region
    try:
        moves = movements(
            "The envoy arrived in Rome on Thursday, the last stop of a tour of the Sahel."
        )
    finally:
        del PLACES["Sahel"]
    assert {m.place.name for m in moves} == {"Rome"}


def test_a_negated_main_clause_denies_only_its_own_verb_and_an_apposition_names_no_stop() -> None:
    moves = movements(
        "Ana Ruiz had not seen a tree for days when she cycled into Lyon on Saturday. She set "
        "out from Oslo, the small capital tucked into a fjord across the water from Russia, "
        "nine days ago. In Rome, which she reached on May 14, she rested."
    )
    found = by_place(moves)
    assert found["Lyon"].status == "visited"
    assert found["Rome"].status == "visited"  # "May 14" is no modal "may"
    assert "Russia" not in found and found["Oslo"].role == "origin"


def test_where_the_ride_will_end_is_a_plan() -> None:
    moves = movements(
        "Ana Ruiz set off from Oslo. She faces the long descent to Rome, where the ride will end."
    )
    assert by_place(moves)["Rome"].status == "planned"


def test_a_named_vessel_its_description_and_a_planned_hop() -> None:
    moves = movements(
        "The voyaging canoe Tere Moana sailed into Lyon on Tuesday. The 22-metre canoe, which "
        "has no engine, left Oslo last Wednesday. The voyage began in Dublin in August. Tere "
        "Moana will stay in Lyon until Sunday, then make the short hop east to Rome."
    )
    assert {m.actor for m in moves} == {"Tere Moana"}
    assert by_place(moves)["Rome"].status == "planned"
    assert by_place(moves)["Dublin"].role == "origin"


def test_counted_vehicles_halts_and_fighting_that_moves_no_one() -> None:
    moves = movements(
        "Eleven minibuses carrying 64 people left Lyon shortly after dawn on Monday. In Rome, "
        "they halted at a transit centre run by the region. Heavy fighting continues around "
        "Oslo. Ana Ruiz is due in Dublin on Thursday and is expected in Paris next week."
    )
    found = {m.place.name: (m.actor, m.status) for m in moves}
    assert found["Lyon"] == ("the minibuses", "visited")
    assert by_place(moves)["Lyon"].when is not None
    assert by_place(moves)["Lyon"].when.start == dt.date(2023, 9, 11)  # type: ignore[union-attr]
    assert found["Rome"] == ("the minibuses", "visited") and by_place(moves)["Rome"].role == "stop"
    assert "Oslo" not in found
    assert found["Dublin"] == ("Ana Ruiz", "planned") and found["Paris"] == ("Ana Ruiz", "planned")


def test_a_first_person_feature_we_the_sleeper_and_a_place_reached() -> None:
    moves = movements(
        "The overnight sleeper to Rome pulls out of Paris at eight in the evening, and I "
        "soon fell asleep. Rome, where I woke to the smell of coffee, is the end of the line. "
        "We sped through Lyon without stopping. I spent a night in Oslo, before leaving for "
        "Dublin. Dublin, reached two hours after leaving Oslo, deserved the days I gave it. "
        "I have written this feature myself."
    )
    assert {m.actor for m in moves} == {"the writer"}
    found = by_place(moves)
    assert found["Paris"].role == "origin"
    assert found["Lyon"].status == "passed"
    assert {"Rome", "Oslo", "Dublin"} <= set(found)


def test_a_lead_puts_its_subject_in_the_dateline_city_and_was_in() -> None:
    moves = movements(
        "Lyon (geomap) — Russian President Marc Gagne walked the floor of an old "
        "workshop in Lyon on Thursday, urging his hosts to invest. Gagne set off from Paris on "
        "Monday. On Tuesday he was in Rome for talks. The problem was in Oslo, aides said."
    )
    found = {m.place.name: (m.actor, m.status) for m in moves}
    assert found["Lyon"] == ("Marc Gagne", "visited")
    assert found["Rome"] == ("Marc Gagne", "visited")
    assert "Oslo" not in found


def test_the_side_is_the_team_a_country_plays_as() -> None:
    moves = movements(
        "Lyon — Ukraine came from 13 points down to beat the hosts in Lyon on Saturday in the "
        "last match of the tour. The side had flown in from Dublin and spent a week training in "
        "Rome, then travelled to Lyon by coach. The squad flies out to Oslo on Sunday."
    )
    assert {m.actor for m in moves} == {"Ukraine"}
    assert {m.place.name for m in moves} == {"Lyon", "Dublin", "Rome", "Oslo"}


def test_a_possessive_subject_people_driven_and_a_setting_out_dated_by_distance() -> None:
    moves = movements(
        "Ana Ruiz reached Rome late on Tuesday, ten days and 550 kilometres after setting out "
        "from Lyon. Their first night on the road was spent in Paris. A patrol found them at "
        "dusk and drove all seven of them down to Oslo."
    )
    found = by_place(moves)
    assert found["Lyon"].when is None  # ten days before Tuesday, not Tuesday
    assert found["Paris"].actor == "Ana Ruiz"
    assert found["Oslo"].actor == "Ana Ruiz"


def test_a_flight_made_and_a_forecast_that_takes_a_storm_somewhere() -> None:
    moves = movements("On Monday Ana Ruiz will make a short flight to Lyon.")
    assert [(m.place.name, m.actor, m.status) for m in moves] == [("Lyon", "Ana Ruiz", "planned")]
    moves = movements(
        "Storm Ada hit Rome on Monday. The official forecast takes the storm over or very near "
        "Lyon on Saturday morning."
    )
    assert by_place(moves)["Lyon"].status == "planned"


def test_a_tracked_animal_travels_and_a_scientist_does_not_take_her() -> None:
    moves = movements(
        "A humpback whale fitted with a satellite tag has swum more than 5,000 kilometres to "
        "Oslo. The female was tagged off Lyon in August. Campos believes the whale was feeding. "
        "By mid-October the tag placed her near Rome, where she has remained since."
    )
    assert {m.actor for m in moves} == {"the whale"}
    assert {"Oslo", "Rome"} <= {m.place.name for m in moves}


def test_a_stage_is_the_races_and_its_timetable_is_a_plan() -> None:
    moves = movements(
        "The Tour of Lyon set off from Paris on Saturday. Sunday's stage starts in Rome and "
        "finishes in Oslo, on a climb that has decided several editions of the race.",
        published=dt.date(2025, 9, 6),
    )
    found = {m.place.name: (m.actor, m.status) for m in moves}
    assert found["Rome"] == ("Tour of Lyon", "planned")
    assert found["Oslo"] == ("Tour of Lyon", "planned")


def test_an_ensemble_by_its_name_venues_in_towns_and_the_nth_stop_of_its_tour() -> None:
    moves = movements(
        "The Orquesta Sinfonica Juvenil opened its tour at the Grand Theatre in Rome on 4 "
        "October. Four days later the players performed at Oslo Auditorium in Dublin. The Lyon "
        "concert was the third stop on the orchestra's first tour. The orchestra gives a "
        "sold-out performance at Carnegie Hall in Paris on 23 October."
    )
    found = by_place(moves)
    assert "Oslo" not in found  # a venue's name
    assert {"Lyon", "Rome", "Dublin", "Paris"} <= set(found)
    assert {m.actor for m in moves} == {"Orquesta Sinfonica Juvenil"}


def test_a_ship_named_with_an_apposition_loads_rounds_and_berths() -> None:
    moves = movements(
        "The Nordvik Horizon, a 15,000-container vessel operated by a Danish line, sailed past "
        "Lyon on Monday and is expected to berth in Rome on Friday. The ship loaded cargo in "
        "Oslo in late January. The vessel rounded the Razdolnaya River on 8 February."
    )
    found = {m.place.name: (m.actor, m.status) for m in moves}
    assert found["Rome"] == ("Nordvik Horizon", "planned")
    assert found["Oslo"] == ("Nordvik Horizon", "visited")
    assert found["Razdolnaya River"] == ("Nordvik Horizon", "passed")


def test_it_is_the_travellers_aircraft_and_a_last_trip_is_an_earlier_one() -> None:
    moves = movements(
        "Ana Ruiz has arrived in Rome. The prime minister's air force jet touched down shortly "
        "after 1 a.m. It had left Oslo on Sunday afternoon and had earlier stopped in Lyon to "
        "refuel. Her last trip to Paris, made as opposition leader, took her to Dublin."
    )
    found = by_place(moves)
    assert found["Oslo"].actor == "Ana Ruiz" and found["Lyon"].actor == "Ana Ruiz"
    assert found["Paris"].historical


def test_a_man_named_with_his_age_he_and_she_and_a_journey_retold_in_the_past_perfect() -> None:
    moves = movements(
        "Ana Ruiz, a Red Cross volunteer, says one young man's story has stayed with her. "
        "Moussa, 22, is from Lima. According to Ruiz, he had left Rome in early September on a "
        "bus. From there he had gone across the desert until he had reached Oslo. Then he had "
        "travelled up the coast to Dublin.",
        published=dt.date(2023, 11, 14),
    )
    found = by_place(moves)
    assert {m.actor for m in moves} == {"Moussa"}
    assert not found["Rome"].historical


def test_a_thing_named_like_a_person_and_an_aside_that_dates_its_own_movement() -> None:
    moves = movements(
        "Marc Gagne arrived in Rome on Tuesday morning. Gagne, who flew out of Paris shortly "
        "after dawn, will press for gas from the Vaca Muerta shale field. In the afternoon he "
        "is scheduled to fly to Oslo."
    )
    found = by_place(moves)
    assert found["Oslo"].actor == "Marc Gagne"
    assert found["Paris"].when is not None and found["Paris"].when.time_of_day == "dawn"


def test_a_campaign_bus_brought_in_pulled_up_and_the_tour_that_ends() -> None:
    moves = movements(
        "Lyon — Ana Ruiz brought her campaign bus into Lyon on Saturday evening. A day later "
        "the bright orange bus pulled up in Rome. Officials said the bus would leave for Oslo "
        "on Sunday, before the tour ends on Monday with a rally in Dublin."
    )
    assert {m.actor for m in moves} == {"Ana Ruiz"}
    assert {m.place.name for m in moves} == {"Lyon", "Rome", "Oslo", "Dublin"}


def test_an_aircraft_diverted_and_an_aircraft_carrier() -> None:
    moves = movements(
        "The Airbus Lyra left Paris at 7 a.m. Thunderstorms over Dublin forced the aircraft to "
        "divert to Rome on Sunday. The aircraft carrier Gerald Ford left Oslo on Monday and is "
        "heading home to Lyon."
    )
    found = {m.place.name: m.actor for m in moves}
    assert found["Rome"] == "Airbus Lyra"
    assert found["Oslo"] == "Gerald Ford" and found["Lyon"] == "Gerald Ford"


def test_a_missing_walker_found_and_flown_to_hospital() -> None:
    moves = movements(
        "Ana Ruiz set out from Lyon on Thursday morning. She was found on Sunday near Rome by "
        "a team from Paris. A coastguard helicopter flew her to Oslo."
    )
    found = {m.place.name: m.actor for m in moves}
    assert found == {"Lyon": "Ana Ruiz", "Rome": "Ana Ruiz", "Oslo": "Ana Ruiz"}


def test_people_who_set_out_and_a_group_that_comes_back_as_they() -> None:
    moves = movements(
        "A group of 43 Catholic pilgrims who set out on foot from Lyon last week reached Rome on "
        "Monday evening. Their leader, Marc Gagne, said little. After a short celebration the "
        "group returned to their tents. They plan to be back in Paris by Sunday."
    )
    found = {m.place.name: m.actor for m in moves}
    assert found == {"Lyon": "the group", "Rome": "the group", "Paris": "the group"}


def test_a_lead_ship_is_the_ship_named_later_and_where_it_is_bound_plans_nothing_else() -> None:
    moves = movements(
        "A container ship bound for Oslo rescued eleven fishermen early on Thursday and landed "
        "them at Lyon. The Amber Crescent, a Liberian-flagged feeder ship, had left Rome a week "
        "ago. It is now expected at Dublin on Sunday."
    )
    found = {m.place.name: (m.actor, m.status) for m in moves}
    assert found["Lyon"] == ("Amber Crescent", "visited")
    assert found["Dublin"] == ("Amber Crescent", "planned")


def test_the_counted_singers_of_a_choir() -> None:
    moves = movements(
        "The 38 singers, most of them quarrymen's sons, opened last Sunday with a concert in "
        "Rome before flying south on Wednesday to Lyon."
    )
    assert {(m.place.name, m.actor) for m in moves} == {("Rome", "the singers"),
                                                         ("Lyon", "the singers")}  # fmt: skip


def test_a_convoy_pulled_in_at_a_town() -> None:
    moves = movements("08:40 - The convoy has pulled in at Lyon, where volunteers hand out water.")
    assert [(m.place.name, m.actor) for m in moves] == [("Lyon", "the convoy")]


def test_hoping_to_move_on() -> None:
    moves = movements("Ana Ruiz reached Rome. She now hopes to move on to Lyon next month.")
    assert by_place(moves)["Lyon"].status == "planned"


def test_back_in_a_city_and_plans_undone() -> None:
    moves = movements(
        "Ana Ruiz was back in Rome on Wednesday, but a visit to Oslo that was to have closed "
        "her tour has been called off. She had been due in Lyon on Thursday. Her first trip "
        "abroad since a brief visit to Paris in January took her to Dublin.",
        published=dt.date(2025, 3, 12),
    )
    found = by_place(moves)
    assert found["Rome"].status == "visited"
    assert "Oslo" not in found and "Lyon" not in found
    assert found["Paris"].historical


def test_a_stage_held_by_a_rider_is_the_races_and_rolling_farmland_is_no_movement() -> None:
    moves = movements(
        "The Tour of Lyon set out from Paris on Tuesday. Marc Gagne kept the jersey he took on "
        "Wednesday's opening stage from Rome to Dublin. Friday's third stage heads north-west "
        "across rolling farmland to Oslo.",
        published=dt.date(2025, 2, 20),
    )
    found = {m.place.name: (m.actor, m.status) for m in moves}
    assert found["Rome"][0] == found["Dublin"][0] == "Tour of Lyon"
    assert found["Oslo"] == ("Tour of Lyon", "planned")


def test_the_hurricane_center_is_no_storm() -> None:
    moves = movements(
        "Hurricane Ada slammed into Lyon early on Tuesday. By mid-morning the storm was moving "
        "north, the National Hurricane Center in Rome said, and it is expected to pass over Oslo "
        "late on Wednesday."
    )
    assert {m.actor for m in moves} == {"Hurricane Ada"}
    assert "Oslo" in by_place(moves)


def test_last_summer_after_the_places_is_an_earlier_trip() -> None:
    moves = movements(
        "Marc Gagne flew to Rome on Monday. Gagne, who took the club to Oslo and Lyon last "
        "summer, said he preferred this year's itinerary."
    )
    found = by_place(moves)
    assert found["Oslo"].historical and found["Lyon"].historical
    assert not found["Rome"].historical


def test_a_name_used_again_and_again_though_it_starts_like_a_common_word() -> None:
    moves = movements(
        "Southern Tempest led the fleet out of Lyon. Southern Tempest slipped past Rome "
        "overnight. Southern Tempest crosses the finish line at Oslo, the skipper said."
    )
    assert {m.actor for m in moves} == {"Southern Tempest"}
    assert {m.place.name for m in moves} >= {"Rome", "Oslo"}


def test_a_further_leg_after_an_aside_and_a_second_place_after_and() -> None:
    moves = movements(
        "Ana Ruiz reached Rome on Sunday. The schedule then takes her to Oslo on Thursday for a "
        "meeting hosted by Norway, and on to Lyon on Friday, where she will see ministers. "
        "She is due in Dublin on Saturday and in Paris on Sunday.",
        published=dt.date(2025, 3, 9),
    )
    found = by_place(moves)
    assert {"Oslo", "Lyon", "Dublin", "Paris"} <= set(found)
    assert all(found[p].status == "planned" for p in ("Oslo", "Lyon", "Dublin", "Paris"))


def test_an_escape_and_sightings_are_reported_but_scenes_seen_are_nobodys() -> None:
    moves = movements(
        "Ryan Tulley escaped from a hospital in Rome on Monday. On Thursday a shopper said she "
        "had seen him in a supermarket in Oslo. Scenes not seen in Lyon for decades followed.",
        published=dt.date(2022, 11, 18),
    )
    found = by_place(moves)
    assert found["Rome"].role == "origin"
    assert found["Oslo"].status == "reported" and found["Oslo"].actor == "Ryan Tulley"
    assert "Lyon" not in found


def test_a_club_by_its_short_name_plays_ahead_and_the_squad_is_the_touring_team() -> None:
    moves = movements(
        "The Manchester United squad touched down in Rome this week. United face Arsenal in "
        "Lyon on Saturday, when Rangers also play. The squad will then head south to Oslo.",
        published=dt.date(2024, 7, 25),
    )
    found = by_place(moves)
    assert found["Lyon"].actor == "Manchester United"
    assert found["Lyon"].status == "planned"
    assert found["Lyon"].when is not None and found["Lyon"].when.start == dt.date(2024, 7, 27)
    assert found["Oslo"].actor == "Manchester United"


def test_where_after_an_apposition_and_slow_going_in_a_feature() -> None:
    moves = movements(
        "Ana Ruiz reached Rome on Monday. A minibus took her on to Oslo, a town on the shore "
        "of Lake Geneva, where she stayed two nights. The train paused at Lyon, then crept "
        "across the frontier to Dublin. Whether she goes on to Paris is undecided.",
        published=dt.date(2019, 6, 16),
    )
    found = by_place(moves)
    assert found["Oslo"].actor == "Ana Ruiz"
    assert "Lake Geneva" not in found
    assert found["Lyon"].status == "visited"
    assert "Dublin" in found
    assert found["Paris"].status == "planned"


def test_a_hyphen_dateline_puts_an_arrival_in_a_country_in_its_city() -> None:
    moves = movements(
        "Moscow - Ana Ruiz arrived in Russia on Monday to a warm welcome.",
        published=dt.date(2024, 9, 9),
    )
    found = by_place(moves)
    assert found["Moscow"].status == "visited" and found["Moscow"].actor == "Ana Ruiz"


def test_the_family_a_bus_took_and_what_a_traveller_brings() -> None:
    moves = movements(
        "Ana Ruiz left Rome in 2021. The family first went to Oslo. A bus took them to Lyon. "
        "She said she had brought the Dublin weather with her.",
        published=dt.date(2024, 5, 2),
    )
    found = by_place(moves)
    assert found["Oslo"].actor == "Ana Ruiz"
    assert found["Lyon"].actor == "Ana Ruiz"
    assert "Dublin" not in found


def test_travelling_writers_say_we_and_the_place_which_they_hope_to_reach() -> None:
    moves = movements(
        "We rolled into Rome on Wednesday. We had set out from Oslo three weeks earlier. "
        "On Sunday we head to Lyon. After that only Dublin, the end of the road, which we "
        "hope to reach by May, is left. Then came the shore of Lago General Carrera, ending "
        "in Paris.",
        published=dt.date(2025, 2, 3),
    )
    found = by_place(moves)
    assert {found[p].actor for p in ("Rome", "Oslo", "Lyon", "Dublin")} == {"the writer"}
    assert found["Dublin"].status == "planned"
    assert all(m.actor != "Carrera" for m in moves)


def test_a_tour_that_began_after_an_aside_and_a_town_hall_held_in_a_city() -> None:
    moves = movements(
        "Prime Minister Ana Ruiz arrived in Rome on Tuesday. The tour, billed as a swing "
        "through a region where seats changed hands last time, began Monday at a plant in "
        "Oslo. On Wednesday she held an evening town hall in Lyon.",
        published=dt.date(2026, 9, 17),
    )
    found = by_place(moves)
    assert found["Oslo"].actor == "Ana Ruiz" and not found["Oslo"].historical
    assert found["Oslo"].role == "origin"
    assert found["Lyon"].status == "visited"


def test_a_dateline_lead_told_in_the_past_beside_a_quoted_would() -> None:
    moves = movements(
        "LYON, France — Ana Ruiz wrapped up her tour with a rally in Lyon on Wednesday night, "
        "telling supporters the vote would be close.",
        published=dt.date(2026, 9, 17),
    )
    lyon = by_place(moves)["Lyon"]
    assert lyon.status == "visited"
    assert lyon.when is not None and lyon.when.start == dt.date(2026, 9, 16)


def test_the_peloton_of_the_race_the_lead_names_when_another_race_is_recalled() -> None:
    moves = movements(
        "Marc Gagne won the 18th stage of the Tour de France on Thursday. The peloton sped "
        "through Rome. Gagne, who won a stage of the Vuelta last year, said he was happy.",
        published=dt.date(2025, 7, 24),
    )
    assert by_place(moves)["Rome"].actor == "Tour de France"


def test_pictures_and_posts_place_a_traveller_and_an_aged_or_national_description() -> None:
    moves = movements(
        "Ana Ruiz flew to Rome on Sunday. The 24-year-old, who won gold in Paris, landed in "
        "Oslo on Monday. On Tuesday the Russian was pictured in Lyon. On Wednesday she "
        "posted from the sponsor's flagship store in Dublin, then appeared at a store opening "
        "in Edinburgh's Leith district.",
        published=dt.date(2025, 11, 8),
    )
    found = by_place(moves)
    assert {found[p].actor for p in ("Oslo", "Lyon", "Dublin", "Edinburgh")} == {"Ana Ruiz"}
    assert "Paris" not in found


def test_without_stopping_denies_only_its_own_verb_and_a_stop_for_lunch() -> None:
    moves = movements(
        "Ana Ruiz set off from Malin Head at 6am on Saturday, running south through Rome "
        "without stopping and finishing the first day in Oslo. She stopped for lunch and an "
        "ice pack in Lyon before pushing on to Dublin.",
        published=dt.date(2025, 6, 12),
    )
    found = by_place(moves)
    assert found["Rome"].status == "passed"
    assert found["Oslo"].status == "visited"
    assert found["Lyon"].status == "visited"
    assert all(m.actor == "Ana Ruiz" for m in moves)


def test_a_dated_dateline_stepping_ashore_and_who_was_in() -> None:
    moves = movements(
        "LYON, Dec 3 - Ana Ruiz stepped ashore in Lyon on Tuesday. In August she sailed from "
        "Oslo to Rome. Ruiz, who was in Dublin when the news broke, posted an appeal.",
        published=dt.date(2019, 12, 3),
    )
    found = by_place(moves)
    assert found["Lyon"].status == "visited" and found["Lyon"].actor == "Ana Ruiz"
    assert found["Dublin"].actor == "Ana Ruiz"


def test_a_family_that_found_shelter_a_husband_who_stayed_behind_and_a_change_of_planes() -> None:
    moves = movements(
        "Ana Ruiz keeps the papers in a folder. When fighting erupted in April, the family "
        "waited nine days. They found shelter with relatives in Rome. Her husband stayed "
        "behind in Lyon. The family is scheduled to fly out of Oslo on April 9, changing "
        "planes in Dublin before continuing to Paris.",
        published=dt.date(2025, 3, 20),
    )
    found = by_place(moves)
    assert found["Rome"].actor == "Ana Ruiz"
    assert "Lyon" not in found
    assert found["Dublin"].status == "planned"


def test_a_tracked_animal_by_its_nickname_located_months_after_tagging() -> None:
    moves = movements(
        "A young female white shark tagged off Rome last summer was last located near Oslo, "
        "researchers said on Tuesday. The 4-metre shark, nicknamed Maren by the team, sends "
        "her position whenever her fin breaks the surface. By September she had moved south "
        "to Lyon. Around Christmas she passed about 150 kilometres north of Dublin.",
        published=dt.date(2025, 3, 4),
    )
    found = by_place(moves)
    assert {m.actor for m in moves} == {"Maren"}
    assert not found["Oslo"].historical and not found["Lyon"].historical
    assert found["Dublin"].status == "passed"


def test_talks_with_someone_in_a_capital_and_a_fronted_place_with_a_time() -> None:
    moves = movements(
        "LYON - Ana Ruiz was in Lyon on Monday, a day after talks with President Marc Gagne "
        "in the capital, Paris. In Oslo on Tuesday she is due to hold talks with the king.",
        published=dt.date(2023, 10, 30),
    )
    found = by_place(moves)
    assert found["Paris"].actor == "Ana Ruiz"
    assert found["Oslo"].status == "planned"


def test_a_dateline_city_of_a_venue_and_a_present_tense_date_ahead() -> None:
    moves = movements(
        "Lyon - Ana Ruiz wrapped up three sold-out nights at Gerland Stadium on Sunday. "
        "She played two nights in Rome a week ago. She then performs at the Principality "
        "Stadium in Oslo on June 18.",
        published=dt.date(2024, 6, 10),
    )
    found = by_place(moves)
    assert found["Lyon"].status == "visited"
    assert found["Oslo"].status == "planned"
    assert found["Oslo"].when is not None and found["Oslo"].when.start == dt.date(2024, 6, 18)


def test_plans_to_visit_a_city_and_meeting_groups_in_one() -> None:
    moves = movements(
        "Ana Ruiz arrived in Lyon on Saturday. On Sunday she met UN agencies and aid groups in "
        "Oslo. She then plans to visit Rome, where families have lost their homes, and will "
        "visit the Istiqlal mosque, Southeast Asia's largest.",
        published=dt.date(2023, 2, 12),
    )
    found = by_place(moves)
    assert found["Oslo"].status == "visited"
    assert found["Rome"].status == "planned"


def test_a_typhoon_named_like_a_town_is_the_storm_when_named_alone() -> None:
    moves = movements(
        "Typhoon Lyon made landfall near Rome on Thursday. Forecasters expect Lyon to track "
        "across Oslo by Friday, before turning east towards Dublin.",
        published=dt.date(2024, 8, 29),
    )
    assert {m.actor for m in moves} == {"Typhoon Lyon"}
    assert "Oslo" in by_place(moves)


def test_a_band_described_before_it_is_named_is_the_named_band() -> None:
    moves = movements(
        "The six-piece band played Rome on Thursday. Hollow Reeds then drove to Oslo, and "
        "Hollow Reeds are due in Lyon next week.",
        published=dt.date(2025, 3, 7),
    )
    assert {m.actor for m in moves} == {"Hollow Reeds"}


def test_a_coordinated_was_in_and_a_corridor_is_no_person() -> None:
    moves = movements(
        "Ana Ruiz left the capital before dawn on Saturday, and by mid-morning was in Rome. "
        "The project is part of the Interoceanic Corridor, a rail link to Oslo. In the "
        "afternoon she drove to Lyon.",
        published=dt.date(2025, 2, 17),
    )
    found = by_place(moves)
    assert found["Rome"].actor == "Ana Ruiz"
    assert found["Lyon"].actor == "Ana Ruiz"


def test_a_climber_who_stood_on_the_summit_introduced_before_her_name() -> None:
    moves = movements(
        "Lyon - A 58-year-old grandmother from Oslo stood on the summit of Rome on Tuesday. "
        "Ana Ruiz, a retired nurse, flew from Dublin in early April.",
        published=dt.date(2024, 5, 22),
    )
    assert by_place(moves)["Rome"].actor == "Ana Ruiz"


def test_a_ship_that_left_a_port_on_a_voyage_down_a_coast() -> None:
    moves = movements(
        "An expedition cruise ship, the Polar Wren, left Oslo on Aug. 19 on a two-week voyage "
        "down the coast of Russia.",
        published=dt.date(2024, 8, 29),
    )
    found = by_place(moves)
    assert found["Oslo"].role == "origin"
    assert "Russia" not in found


def test_a_relative_is_someone_else_and_no_she_when_a_son() -> None:
    moves = movements(
        "Ana Ruiz set off from Rome in March. Her son, who lives in Oslo, tracks her position. "
        "She will reach Lyon next week. His daughter will drive up from Dublin.",
        published=dt.date(2024, 4, 18),
    )
    found = by_place(moves)
    assert found["Lyon"].actor == "Ana Ruiz"
    assert found.get("Dublin") is None or found["Dublin"].actor != "Ana Ruiz"


def test_a_tour_listed_as_venues_in_towns_with_their_days() -> None:
    moves = movements(
        "The Salt Lanterns played Leeds on Friday. The tour continues at Lima Transfer in "
        "Dublin on Thursday, the 9:30 Club in Oslo on Friday and The National in "
        "Paris, Texas, on Saturday.",
        published=dt.date(2025, 3, 12),
    )
    found = by_place(moves)
    assert "Lima" not in found  # a word of the venue's name, not a town
    for town, day in (("Dublin", 13), ("Oslo", 14), ("Paris", 15)):
        assert found[town].actor == "Salt Lanterns"
        assert found[town].status == "planned"
        assert found[town].when is not None and found[town].when.start == dt.date(2025, 3, day)


def test_a_stork_called_by_a_name_and_placed_by_its_tag() -> None:
    moves = movements(
        "Storks nest on the roofs of the village every spring. She is called Wren, and this "
        "year her tag told a strange story. Wren left Bilbao on August 19. The last position, "
        "sent on October 3, placed her roosting near Lima.",
        published=dt.date(2025, 12, 2),
    )
    found = by_place(moves)
    assert found["Bilbao"].actor == "Wren" and found["Bilbao"].role == "origin"
    assert found["Lima"].actor == "Wren" and found["Lima"].status == "visited"


def test_a_coach_carried_them_without_a_stop_and_other_boats_are_not_hers() -> None:
    moves = movements(
        "Ana Ruiz left Lima on Monday. From Quito a coach carried them for almost a day, through "
        "Bilbao without a stop longer than a fuel break, to Bayonne. Other boats that morning "
        "were heading to Lyon.",
        published=dt.date(2024, 2, 19),
    )
    found = by_place(moves)
    assert found["Bilbao"].status == "passed"
    assert found["Bayonne"].actor == "Ana Ruiz" and found["Bayonne"].role == "destination"
    assert "Lyon" not in found


def test_whom_we_spoke_to_is_the_traveller() -> None:
    moves = movements(
        "When we last spoke to Anika Gurung in mid-March, she was resting. On Saturday Gurung "
        "walked into Lyon.",
        published=dt.date(2025, 5, 12),
    )
    assert by_place(moves)["Lyon"].actor == "Anika Gurung"


def test_a_participle_after_a_timetabled_move_is_the_same_plan() -> None:
    moves = movements(
        "Ana Ruiz landed in Lima on Saturday. Looking further ahead: on Friday the tour moves "
        "to Russia, starting in Moscow, where she is expected to attend a reception.",
        published=dt.date(2026, 3, 10),
    )
    moscow = by_place(moves)["Moscow"]
    assert moscow.status == "planned"
    assert moscow.when is not None and moscow.when.start == dt.date(2026, 3, 13)


def test_a_live_blogs_capitalised_date_line_dates_the_entries_below() -> None:
    text = (
        "Follow our live coverage of Cyclone Wren. Newest entries first.\n\n"
        "WEDNESDAY, OCTOBER 22\n\n"
        "09:15 - The centre of Cyclone Wren is now over Lyon.\n\n"
        "05:30 - Overnight Cyclone Wren tracked north across Bayonne.\n\n"
        "TUESDAY, OCTOBER 21\n\n"
        "22:50 - Landfall. Cyclone Wren crossed the coast close to Bilbao at about 10:30pm.\n\n"
        "19:05 - Officials in Rome are monitoring the storm."
    )
    moves = movements(text, published=dt.date(2025, 10, 22))
    bilbao = by_place(moves)["Bilbao"]
    assert bilbao.when is not None and bilbao.when.start == dt.date(2025, 10, 21)


def test_an_aircraft_named_by_its_type_travels() -> None:
    moves = movements(
        "An Antonov An-124 Ruslan carried the transformer. The An-124 took off from Leipzig on "
        "Saturday and made its first fuel stop in Amman. It later landed in Ulaanbaatar.",
        published=dt.date(2025, 4, 15),
    )
    found = by_place(moves)
    assert found["Amman"].actor == "An-124"
    assert found["Ulaanbaatar"].actor == "An-124"


def test_she_after_a_ships_move_is_the_ship() -> None:
    moves = movements(
        "Her master, Captain Andrei Volkov, spent the wait on the bridge. The ship MV Kestrel "
        "loaded ore at Rotterdam in July. From the harbour she steamed east to Oslo.",
        published=dt.date(2025, 9, 20),
    )
    assert by_place(moves)["Oslo"].actor == "MV Kestrel"


def test_a_diarys_verbless_legs_are_the_travellers_moves() -> None:
    moves = movements(
        "Marta Ruiz left Lima on foot on May 2. Days one and two: 120 km from Lima to Quito, "
        "sleeping in a church hall. Day three: 45km to Acapulco. The airport is 20 km from "
        "Mexico City.",
        published=dt.date(2025, 5, 20),
    )
    found = by_place(moves)
    assert found["Quito"].actor == "Marta Ruiz" and found["Quito"].role == "destination"
    assert found["Acapulco"].actor == "Marta Ruiz"
    assert "Mexico City" not in found  # a distance that says where a place is


def test_a_place_as_the_subject_of_a_stop_noun_is_a_stop() -> None:
    moves = movements(
        "The tall ship Zawisza left Rotterdam on Monday. Bilbao was the next port of call. "
        "Lyon is a city she will not see.",
        published=dt.date(2025, 6, 20),
    )
    found = by_place(moves)
    assert found["Bilbao"].actor == "Zawisza"
    assert found["Bilbao"].status == "visited"
    assert "Lyon" not in found


def test_an_institution_ending_in_a_title_word_is_no_traveller() -> None:
    moves = movements(
        "Amman hosts the secretariat of the Continental Free Trade Area, and President Jorge "
        "Salas was expected to tour its offices. Officials said he would then travel to Damascus.",
        published=dt.date(2025, 6, 20),
    )
    assert by_place(moves)["Damascus"].actor == "Jorge Salas"


def test_in_an_interview_i_is_the_person_answering() -> None:
    text = (
        "The fiddler Jolene Marsh is halfway through a winter tour with her band. We reached her "
        "by phone on Thursday.\n\n"
        "How did the tour begin?\n\n"
        "In a cold hall. Then we drove up to Oslo and played there on Saturday.\n\n"
        "What comes next?\n\n"
        "We fly to Lyon on Sunday. I cannot wait.\n\n"
        "You have been on the road before.\n\n"
        "Once, in 2019, with a different band. We played Rotterdam and it changed me.\n\n"
        "Any rituals?\n\n"
        "I play one tune on every bridge. I film it."
    )
    moves = movements(text, published=dt.date(2025, 3, 14))
    found = by_place(moves)
    assert found["Oslo"].actor == "Jolene Marsh"
    assert found["Lyon"].status == "planned"  # a bare present with a day ahead
    assert found["Rotterdam"].historical  # the fragment's earlier year dates it


def test_the_same_machine_described_again_after_another_subject() -> None:
    moves = movements(
        "The first passenger train on the new line left Oslo on Friday. Its route took in "
        "Lyon, where the train stopped for an hour and a band played. It then rolled through "
        "Bayonne without stopping. From Bayonne the train crossed into Spain and reached Bilbao.",
        published=dt.date(2025, 9, 29),
    )
    found = by_place(moves)
    assert found["Lyon"].actor == found["Oslo"].actor == "the first passenger train"
    assert found["Bayonne"].actor == found["Bilbao"].actor == "the first passenger train"


def test_a_stop_of_the_original_plan_that_the_sentence_undoes_is_no_stop() -> None:
    moves = movements(
        "The squad left Lima on August 7 and played in Quito. The original schedule had a "
        "fourth stop in Acapulco, but the hosts withdrew in July and the team skipped it.",
        published=dt.date(2025, 8, 21),
    )
    assert "Acapulco" not in by_place(moves)


def test_a_vehicle_the_traveller_boarded_carries_the_traveller() -> None:
    moves = movements(
        "Police said footage showed Rudy Hartono driving a rented car onto a ferry at Bilbao "
        "on January 6. The ferry crossed to Bayonne shortly before dawn. His lawyer, speaking "
        "in Paris, said his client would return.",
        published=dt.date(2025, 1, 15),
    )
    found = by_place(moves)
    assert found["Bayonne"].actor == "Rudy Hartono"
    assert "Paris" not in found  # his lawyer was there, not he


def test_a_lookalike_of_the_wanted_man_is_a_reported_sighting() -> None:
    moves = movements(
        "Rudy Hartono fled Lima last week. Media reported on Tuesday that a man fitting his "
        "description may have landed near Quito.",
        published=dt.date(2025, 1, 15),
    )
    quito = by_place(moves)["Quito"]
    assert quito.actor == "Rudy Hartono" and quito.status == "reported"


def test_a_storm_warning_signal_is_no_storm_and_a_forecast_landfall_is_planned() -> None:
    moves = movements(
        "Typhoon Tala is about 60 km east of Bilbao. Storm Signal No. 4 is up for the coast. "
        "The eye came ashore near Bilbao at 21:50. Forecasters in Rome say Tala will weaken. "
        "The agency projects landfall near Lyon on Friday.",
        published=dt.date(2025, 9, 24),
    )
    found = by_place(moves)
    assert found["Bilbao"].actor == "Typhoon Tala"
    assert found["Lyon"].actor == "Typhoon Tala" and found["Lyon"].status == "planned"


def test_a_storm_coming_ashore_as_a_category_and_a_speaker_who_only_spoke() -> None:
    moves = movements(
        "Hurricane Valeria came ashore as a Category 3 hurricane just south of Bilbao at 3:45 "
        "am. Vice-President Ana Ruiz, speaking on state television in Paris, said rescue teams "
        "were on their way.",
        published=dt.date(2024, 10, 31),
    )
    found = by_place(moves)
    assert found["Bilbao"].actor == "Hurricane Valeria"
    assert "Paris" not in found or found["Paris"].cue in STATIC_CUE_FORMS  # no journey


def test_the_two_leaders_rivers_named_by_towns_and_a_topic_are_read_apart() -> None:
    moves = movements(
        "President Aliya Serik left Moscow for Budapest on Monday. There he and his host "
        "signed a protocol on sharing the Lyon and Rome rivers. On Wednesday the two leaders "
        "drove east to Belgrade, where they spoke about the war in Ukraine. Instead Serik "
        "flew straight to Paris on Thursday.",
        published=dt.date(2025, 10, 18),
    )
    found = by_place(moves)
    assert found["Belgrade"].actor == found["Paris"].actor == "Aliya Serik"
    assert "Lyon" not in found and "Rome" not in found  # rivers, by their towns' names
    assert "Ukraine" not in found  # what they spoke about


def test_that_year_dates_a_sentence_by_the_one_before() -> None:
    moves = movements(
        "The training ship Zawisza arrived in Oslo yesterday. It is her first visit to Oslo "
        "since 2013. That year her summer cruise also called at Lyon and Bayonne.",
        published=dt.date(2025, 7, 12),
    )
    found = by_place(moves)
    assert found["Lyon"].historical and found["Bayonne"].historical
    assert any(m.place.name == "Oslo" and not m.historical for m in moves)


def test_a_verbless_leg_keeps_the_sentences_past_tense() -> None:
    moves = movements(
        "The students walked into Lyon on Friday evening. Saturday was the longest day: 38 "
        "kilometres from Lyon to Bayonne, in rain for most of the morning.",
        published=dt.date(2025, 4, 7),
    )
    assert by_place(moves)["Bayonne"].status == "visited"


def test_a_long_journey_told_month_by_month_stays_one_journey() -> None:
    text = (
        "Hodan Ali arrived in Amman on April 22 with her three children. It started with the "
        "drought. The last goat died in February 2024. In March she went to Damascus with the "
        "children. In November a cousin paid for bus seats. In January she travelled down to "
        "Lyon on a cargo boat. In March a driver took them to Bayonne."
    )
    moves = movements(text, published=dt.date(2025, 6, 18))
    found = by_place(moves)
    damascus = found["Damascus"]
    assert damascus.when is not None and damascus.when.start == dt.date(2024, 3, 1)
    assert not found["Lyon"].historical  # a leg of the journey told, not an earlier trip
    assert found["Bayonne"].when is not None and found["Bayonne"].when.start.year == 2025


def test_a_place_with_an_apposition_as_the_subject_of_a_call() -> None:
    moves = movements(
        "The bulk carrier Polar Wren loaded ore at Rotterdam in July. Bilbao, the old port on "
        "the Bay of Biscay, was her first call. She made a call to her owners from Lyon.",
        published=dt.date(2025, 9, 20),
    )
    found = by_place(moves)
    assert found["Bilbao"].actor == "Polar Wren"
    assert "Lyon" not in found  # a phone call


def test_an_animal_defined_by_its_name_is_the_traveller() -> None:
    moves = movements(
        "A female humpback whale tagged off Lima has crossed the ocean.\n\n"
        "Who is Quito?\n\n"
        "Quito is an adult female humpback, tagged by researchers on October 9. On November 14 "
        "she passed Acapulco without slowing. On December 12 she arrived off Bilbao.",
        published=dt.date(2025, 3, 1),
    )
    found = by_place(moves)
    assert found["Bilbao"].actor == found["Acapulco"].actor == "Quito"


def test_the_crew_of_the_aircraft_and_a_stop_undone_in_the_next_sentence() -> None:
    moves = movements(
        "The airline's new plane left Oslo on August 28 and flew south to Lyon. The original plan "
        "then called for a fuel stop at Rome before the last leg. That stop was cancelled after "
        "fuel could not be shipped in time. Instead, the crew flew direct from Lyon, arriving "
        "in Bilbao on Monday, September 9.",
        published=dt.date(2024, 9, 10),
    )
    found = by_place(moves)
    assert "Rome" not in found
    assert found["Bilbao"].actor == found["Lyon"].actor


def test_the_aircraft_with_no_one_named_is_the_traveller() -> None:
    moves = movements(
        "The aircraft left Oslo on August 28 and flew south to Lyon.",
        published=dt.date(2024, 9, 10),
    )
    assert by_place(moves)["Lyon"].actor == "the aircraft"


def test_a_tour_diarys_entries_and_legs_are_the_diarists() -> None:
    text = (
        "Tour diary: the singer Ada Okoro is two weeks into her tour. She agreed to send us short "
        "notes from the road.\n\n"
        "Saturday 25 April - Lyon. First night. I cried in the dressing room.\n\n"
        "Tuesday 28 April. Lyon to Bilbao. Overnight ferry, me on deck at 2 a.m.\n\n"
        "Thursday 30 April - Bayonne. We played to a full room and I sang until midnight."
    )
    moves = movements(text, published=dt.date(2026, 5, 8))
    found = by_place(moves)
    assert found["Bilbao"].actor == found["Bayonne"].actor == "Ada Okoro"
    assert found["Bilbao"].role == "destination"


def test_a_storm_class_in_lowercase_names_the_storm_the_blog_follows() -> None:
    text = (
        "05:30 - Intense tropical cyclone Fenosa is bearing down on the coast. It is the "
        "strongest since Cyclone Batsi hit Lyon in 2022.\n\n"
        "09:15 - Fenosa has made landfall. The centre came ashore over Bilbao shortly after "
        "08:00."
    )
    moves = movements(text, published=dt.date(2026, 2, 4))
    assert by_place(moves)["Bilbao"].actor == "Fenosa"


def test_a_boat_named_by_one_recurring_word_is_the_traveller() -> None:
    text = (
        "Live: the yacht race nears the finish.\n\n"
        "02:10 - Kittiwake rounded Bilbao after 1am. The skipper says the crew is tired.\n\n"
        "22:50 - Kittiwake is sailing down the coast of Bayonne, leaving the town to port.\n\n"
        "11:00 - Kittiwake, the blue-hulled 52-footer, made a clean start off Rotterdam."
    )
    found = by_place(movements(text, published=dt.date(2026, 2, 24)))
    assert found["Bilbao"].actor == found["Bayonne"].actor == "Kittiwake"
    assert found["Bayonne"].role == "pass"


def test_a_word_used_once_as_a_subject_names_no_boat() -> None:
    text = "Kittiwake rounded Bilbao. The crew slept. Kittiwakes nest on the cliffs near Bayonne."
    assert all(m.actor != "Kittiwake" for m in movements(text))


def test_calls_a_past_plan_was_due_to_make_are_undone_by_the_next_sentence() -> None:
    text = (
        "The ship left Rotterdam on Saturday on a voyage that was due to call at Bilbao on "
        "Tuesday and Bayonne on Wednesday. But the company said that both calls had been "
        "cancelled. The ship docked in Lyon instead."
    )
    found = by_place(movements(text, published=dt.date(2026, 9, 10)))
    assert "Bilbao" not in found and "Bayonne" not in found
    assert found["Rotterdam"].role == "origin"


def test_a_past_plan_kept_is_still_a_stop() -> None:
    text = (
        "The ship left Rotterdam on Saturday on a voyage that was due to call at Bilbao on "
        "Tuesday. The crew said the weather was fine."
    )
    assert "Bilbao" in by_place(movements(text, published=dt.date(2026, 9, 10)))


def test_an_animal_named_in_an_apposition_is_the_traveller_she_refers_to() -> None:
    text = (
        "Ailsa, the young tagged osprey whose flight has been followed online, has reached "
        "Lyon. Staff at the Paris-based Raptor Trust said she was well. Ailsa set off from Oslo "
        "on August 30. Two days later she left Rotterdam and crossed to Bilbao."
    )
    found = by_place(movements(text, published=dt.date(2025, 9, 22)))
    assert found["Rotterdam"].actor == found["Bilbao"].actor == "Ailsa"
    assert all(m.actor != "Paris-based Raptor" for m in found.values())


def test_an_apposed_title_and_a_met_office_holder_leave_she_to_the_traveller() -> None:
    text = (
        "Ukraine's foreign minister, Olena Marchuk, wrapped up a tour on Friday. The tour comes "
        "as a dispute over Russia threatens the region. On Monday she flew to Paris. A day later "
        "the minister was in Lyon. Besides meeting France's foreign minister, she spent two "
        "hours with students. She then flew to Rome."
    )
    found = by_place(movements(text, published=dt.date(2025, 11, 15)))
    assert found["Lyon"].actor == found["Rome"].actor == "Olena Marchuk"
    assert "Russia" not in found


def test_people_of_whom_a_relative_clause_tells_are_not_the_traveller() -> None:
    text = (
        "Olena Marchuk flew to Paris on Monday. There she met students, several of whom fled "
        "Lyon last year. She then flew to Rome."
    )
    found = by_place(movements(text, published=dt.date(2025, 11, 15)))
    assert "Lyon" not in found
    assert found["Rome"].actor == "Olena Marchuk"


def test_an_office_holder_met_does_not_become_the_minister_the_story_follows() -> None:
    text = (
        "Ukraine's foreign minister, Olena Marchuk, flew to Paris on Monday. Besides meeting "
        "France's foreign minister, she spent two hours with students. On Tuesday the minister "
        "flew to Rome."
    )
    found = by_place(movements(text, published=dt.date(2025, 11, 15)))
    assert found["Rome"].actor == "Olena Marchuk"
