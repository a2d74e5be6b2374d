"""Routes from movements: merging across articles, trips, order, returns, mentions."""

from __future__ import annotations

import datetime as dt

from test_movements import PLACES, article, movements

from geomap.models import Movement, Route
from geomap.routes import build_routes


def _routes(*texts: tuple[str, dt.date | None]) -> list[Route]:
    arts, moves = [], []
    for i, (text, published) in enumerate(texts):
        arts.append(article(text, published, f"a{i}"))
        moves += movements(text, published, f"a{i}")
    return build_routes(moves, arts)


def _names(route: Route) -> list[str]:
    return [s.name for s in route.stops]


def test_two_articles_one_trip_with_pooled_evidence() -> None:
    routes = _routes(
        ("Kim Jong Un would travel by train to Vladivostok from Pyongyang.", dt.date(2023, 9, 5)),
        ("Kim Jong-un's train arrived in Khasan on Tuesday. Mr. Kim then travelled to "
         "Ussuriysk on Wednesday. Kim left Pyongyang on Monday.", dt.date(2023, 9, 13)),
    )  # fmt: skip
    assert len(routes) == 1
    route = routes[0]
    assert route.actor in ("Kim Jong Un", "Kim Jong-un")
    assert _names(route)[:3] == ["Pyongyang", "Khasan", "Ussuriysk"]
    pyongyang = route.stops[0]
    assert pyongyang.status == "visited"  # confirmed beats planned
    assert {e.article for e in pyongyang.evidence} == {"a0", "a1"}
    assert all(e.sentence for e in pyongyang.evidence)
    vladivostok = next(s for s in route.stops if s.name == "Vladivostok")
    assert vladivostok.status == "planned"  # never confirmed: stays planned
    assert route.trip_start == dt.date(2023, 9, 11) and route.trip_end == dt.date(2023, 9, 13)


def test_earlier_trip_is_a_separate_route() -> None:
    routes = _routes(
        ("Kim Jong Un arrived in Khasan on Tuesday and travelled on to Ussuriysk. In 2019, Kim "
         "traveled by train to Vladivostok.", dt.date(2023, 9, 13)),
    )  # fmt: skip
    by_year = {r.trip_start.year: r for r in routes if r.trip_start}
    assert _names(by_year[2019]) == ["Vladivostok"]
    assert "Vladivostok" not in _names(by_year[2023])


def test_gap_of_months_splits_trips() -> None:
    routes = _routes(
        ("Emmanuel Macron flew to Belgrade on May 7, 2024 and then to Budapest on May 8, 2024. "
         "On September 3, 2024 Macron flew to Paris and then to Rome on September 4, 2024.",
         dt.date(2024, 9, 5)),
    )  # fmt: skip
    assert [_names(r) for r in routes] == [["Belgrade", "Budapest"], ["Paris", "Rome"]]


def test_order_by_time_not_by_text() -> None:
    routes = _routes(
        ("Emmanuel Macron arrived in Budapest on Thursday. On Tuesday he had landed in Paris, "
         "and on Wednesday he flew to Belgrade.", dt.date(2024, 5, 10)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Paris", "Belgrade", "Budapest"]


def test_return_to_a_place_is_a_new_stop() -> None:
    routes = _routes(
        ("Pope Francis left Rome on Thursday and landed in Ulaanbaatar on Friday. He returned to "
         "Rome on Monday.", dt.date(2023, 9, 5)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Rome", "Ulaanbaatar", "Rome"]
    assert [s.role for s in routes[0].stops] == ["origin", "stop", "destination"]


def test_country_is_not_a_stop_beside_its_city() -> None:
    routes = _routes(
        ("Kim Jong Un travelled to Russia on Tuesday and arrived in Khasan on Tuesday, then "
         "went on to Ussuriysk.", dt.date(2023, 9, 13)),
    )  # fmt: skip
    assert "Russia" not in _names(routes[0])


def test_single_planned_stop_is_no_route_but_a_visit_is() -> None:
    assert _routes(("Kim Jong Un will visit Vladivostok next week.", dt.date(2023, 9, 5))) == []
    routes = _routes(("Kim Jong Un visited Vladivostok on Monday.", dt.date(2023, 9, 5)))
    assert len(routes) == 1 and _names(routes[0]) == ["Vladivostok"]


def test_no_movements_no_routes() -> None:
    assert build_routes([], []) == []
    # Mentions without a movement cue never become stops.
    assert (
        _routes(("Washington warned Moscow about the war in Ukraine.", dt.date(2023, 9, 5))) == []
    )


def test_same_place_under_two_ids_merges() -> None:
    base = PLACES["Vladivostok"]
    twin = base.model_copy(update={"id": "t:vladivostok-2", "lat": base.lat + 0.01})
    moves = [
        Movement(actor="A B", article_id="x", sentence_index=0, start=0, end=3, place=base,
                 role="destination", status="visited"),
        Movement(actor="A B", article_id="x", sentence_index=1, start=10, end=13, place=twin,
                 role="stop", status="visited"),
    ]  # fmt: skip
    routes = build_routes(moves, [article("Vla. Vla. Vla.", dt.date(2023, 9, 5), "x")])
    assert len(routes) == 1 and len(routes[0].stops) == 1


def test_unnamed_traveller_gets_a_route_of_its_own() -> None:
    routes = _routes(
        ("The minister flew from Paris to Belgrade on Monday. She then travelled on to Budapest. "
         "The president travelled from Rome to Moscow on Tuesday.", dt.date(2024, 5, 2)),
    )  # fmt: skip
    by_actor = {r.actor: _names(r) for r in routes}
    assert by_actor == {
        "the minister": ["Paris", "Belgrade", "Budapest"],
        "the president": ["Rome", "Moscow"],
    }


def test_a_dated_return_alone_is_no_summary_lead() -> None:
    # Found by hypothesis: a first movement that is a dated return, and nothing else dated.
    text = "Kim Jong Un returned to Vladivostok on 12 September 2023. He met officials."
    routes = build_routes(movements(text), [article(text)])
    assert [s.name for r in routes for s in r.stops] == ["Vladivostok"]


def test_an_undated_stop_that_happened_comes_before_the_plans() -> None:
    text = (
        "Birgit and Henrik Jensen will take the boat on to Rome on Sunday. They had landed in "
        "Lima on August 24 and flew up to Quito. Back in Quito, they boarded the train to Paris."
    )
    [route] = _routes((text, dt.date(2024, 9, 14)))
    assert _names(route) == ["Lima", "Quito", "Paris", "Rome"]  # the plan comes last


def test_an_undated_past_is_no_route() -> None:
    text = (
        "Marc Gagne walked into Lyon on Tuesday. Gagne, who served two tours in Damascus and "
        "was based at Amman, said he would go on to Rome."
    )
    routes = _routes((text, dt.date(2025, 6, 1)))
    assert all("Damascus" not in _names(r) for r in routes)


def test_a_newest_first_live_blog_is_ordered_by_its_stamps() -> None:
    text = (
        "Storm Ada is moving north. The newest entries appear first.\n\n"
        "17:40 — Storm Ada passed over Oslo, forecasters said.\n\n"
        "11:30 — Storm Ada made landfall near Edinburgh at about 10:50.\n\n"
        "Wednesday, 21:00 — Storm Ada slammed into Dublin early this afternoon.\n\n"
        "Wednesday, 15:10 — The storm's eye is approaching Dublin."
    )
    routes = _routes((text, dt.date(2023, 9, 14)))
    assert len(routes) == 1
    assert _names(routes[0])[:3] == ["Dublin", "Edinburgh", "Oslo"]
    assert routes[0].stops[0].when is not None
    assert routes[0].stops[0].when.start == dt.date(2023, 9, 13)


def test_an_earlier_trip_is_flagged() -> None:
    routes = _routes(
        ("Ana Ruiz cycled into Lyon on Saturday. Two years ago she cycled from Paris to Rome.",
         dt.date(2023, 9, 13)),
    )  # fmt: skip
    earlier = [r for r in routes if r.earlier]
    assert [_names(r) for r in earlier] == [["Paris", "Rome"]]
    assert all("Paris" not in _names(r) for r in routes if not r.earlier)


def test_an_undated_lead_the_body_retells_the_way_to_comes_last() -> None:
    routes = _routes(
        ("Ana Ruiz spoke to reporters in Lyon after a morning of meetings. She flew in from "
         "Oslo late on Tuesday, following two days of talks in Dublin, where the roadshow "
         "opened on Sunday.", dt.date(2023, 9, 13)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Dublin", "Oslo", "Lyon"]


def test_a_lead_that_names_the_start_sums_up_the_way_the_body_tells() -> None:
    routes = _routes(
        ("A group of pilgrims who set out on foot from Lyon last week reached Rome on Monday "
         "evening. The group left Lyon after an early mass. They spent the night in a parish "
         "hall in Paris. The group plans to walk on to Oslo on Friday.", dt.date(2024, 5, 28)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Lyon", "Paris", "Rome", "Oslo"]


def test_flying_straight_home_is_a_return() -> None:
    routes = _routes(
        ("Ana Ruiz left Paris on Sunday night and arrived in Rome on Monday. She flew to Oslo "
         "on Tuesday. She will now fly straight home to Paris on Thursday.", dt.date(2025, 5, 14)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Paris", "Rome", "Oslo", "Paris"]


def test_a_live_blog_with_headlined_entries_and_a_plan_that_came_true() -> None:
    text = (
        "Residents are leaving by road. Newest entries first.\n\n"
        "9:05 p.m. - Last vehicles reach Dublin\n"
        "The final group of the convoy pulled into Dublin shortly before 9 p.m.\n\n"
        "6:15 p.m. - Convoy halts in Edinburgh\n"
        "The head of the column has stopped in Edinburgh so drivers can refuel.\n\n"
        "4:50 p.m. - Through Oslo\n"
        "Vehicles have rolled through Oslo without stopping.\n\n"
        "11:45 a.m. - What we know\n"
        "A single convoy will leave this afternoon, heading toward Dublin."
    )
    routes = _routes((text, dt.date(2023, 9, 14)))
    assert len(routes) == 1
    assert routes[0].actor == "the convoy"
    assert _names(routes[0]) == ["Oslo", "Edinburgh", "Dublin"]
    assert routes[0].stops[-1].status == "visited"


def test_one_loose_date_does_not_reorder_a_story_told_in_order() -> None:
    routes = _routes(
        ("Ana Ruiz left Rome with her family. They first went to Oslo, then moved to Lyon. "
         "In February they travelled to Dublin and were later transferred to Paris.",
         dt.date(2024, 5, 2)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Rome", "Oslo", "Lyon", "Dublin", "Paris"]


def test_where_a_traveller_flew_in_from_comes_before_the_arrival_told_above() -> None:
    routes = _routes(
        ("Ana Ruiz arrived in Rome on Tuesday for a day of talks. Ruiz flew in from Oslo, where "
         "she spent the weekend at a summit. On Wednesday she travels on to Lyon.",
         dt.date(2025, 10, 28)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Oslo", "Rome", "Lyon"]


def test_a_border_crossing_beside_a_town_is_a_stop_of_its_own() -> None:
    routes = _routes(
        ("The convoy left Rome on Monday. On Tuesday morning it crossed at Medyka, and on "
         "Tuesday evening it reached Przemysl.", dt.date(2022, 12, 15)),
    )  # fmt: skip
    assert _names(routes[0]) == ["Rome", "Medyka", "Przemysl"]


def test_when_only_plans_are_dated_what_happened_comes_first_in_story_order() -> None:
    routes = _routes(
        ("Ana Ruiz found shelter in Rome. Later she fled to Oslo, then to Lyon. She is "
         "scheduled to fly out of Dublin on April 9, changing planes in Paris.",
         dt.date(2025, 4, 1)),
    )  # fmt: skip
    assert _names(routes[0])[:3] == ["Rome", "Oslo", "Lyon"]
