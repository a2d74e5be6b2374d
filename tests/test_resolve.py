"""Resolution: the right place for each name, from kind, population and document context."""

from __future__ import annotations

from conftest import make_article
from geopy.distance import great_circle

from geomap.recognise import find_mentions
from geomap.resolve import resolve_mentions


def resolve(text: str, gazetteer):  # type: ignore[no-untyped-def]
    article, sentences = make_article(text)
    mentions = find_mentions(article, sentences, gazetteer)
    return {r.mention.surface: r for r in resolve_mentions(article, mentions, gazetteer)}


def near(resolved, lat: float, lon: float, km: float = 50) -> bool:  # type: ignore[no-untyped-def]
    place = resolved.place
    return place is not None and great_circle((place.lat, place.lon), (lat, lon)).km <= km


def test_country_beats_village_of_the_same_name(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("Talks between Ukraine and Georgia resumed.", gazetteer)
    assert found["Ukraine"].place is not None and found["Ukraine"].place.kind == "country"


def test_context_picks_the_town_in_the_named_country(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("Floods hit Paris, Texas, and nearby towns in the United States.", gazetteer)
    assert near(found["Paris"], 33.66, -95.56, km=60)


def test_big_city_without_context(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("He moved to Paris last year.", gazetteer)
    assert near(found["Paris"], 48.86, 2.35)


def test_same_name_same_place_in_one_article(gazetteer) -> None:  # type: ignore[no-untyped-def]
    article, sentences = make_article("Moscow is cold. Later, Moscow warmed up.")
    mentions = find_mentions(article, sentences, gazetteer)
    places = {r.place.id for r in resolve_mentions(article, mentions, gazetteer) if r.place}
    assert len(places) == 1


def test_every_choice_has_a_confidence(gazetteer) -> None:  # type: ignore[no-untyped-def]
    for item in resolve("From Lagos to Accra and on to Dakar.", gazetteer).values():
        assert 0.0 <= item.confidence <= 1.0
        assert item.place is not None


def kind(resolved) -> str | None:  # type: ignore[no-untyped-def]
    return resolved.place.kind if resolved.place is not None else None


def test_a_countrys_own_name_is_the_country(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Storms hit Oaxaca and Puebla after leaving Mexico City. Mexico sent troops."
    assert kind(resolve(text, gazetteer)["Mexico"]) == "country"


def test_dateline_names_the_city(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("NEW YORK (AP) - Officials in New Jersey and Vermont agreed.", gazetteer)
    assert near(found["NEW YORK"], 40.71, -74.01)


def test_english_county_in_a_british_story(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("Police in Norfolk and Suffolk, England, searched near Ipswich.", gazetteer)
    assert near(found["Norfolk"], 52.65, 1.0, km=100)
