"""Resolution: the right place for each name, from kind, population and document context."""

from __future__ import annotations

from conftest import make_article
from geopy.distance import great_circle

from geomap.recognise import find_mentions
from geomap.resolve import _same_name, resolve_mentions


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


def test_local_lexicon_picks_the_town_among_its_neighbours(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Storms knocked out power in Dublin on Monday. Crews from Hilliard, Worthington and "
        "Columbus worked through the night."
    )
    assert near(resolve(text, gazetteer)["Dublin"], 40.10, -83.11)


def test_guessed_namesakes_do_not_vouch_for_each_other(gazetteer) -> None:  # type: ignore[no-untyped-def]
    # A tour from Europe to the US: neither Edinburgh, Indiana nor the centre of New Jersey
    # puts the last stop in a small American Dublin.
    text = (
        "The band played in Oslo and Edinburgh, then in New Jersey, Houston and Las Vegas, "
        "and closed the tour in Dublin."
    )
    assert near(resolve(text, gazetteer)["Dublin"], 53.35, -6.26)


def test_a_borrowed_name_does_not_vouch(gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Manchester" is an old name of Paterson, New Jersey; read so, it must not pull Dublin
    # into Pennsylvania.
    text = "Manchester United played in New Jersey, then flew back across the Atlantic to Dublin."
    assert near(resolve(text, gazetteer)["Dublin"], 53.35, -6.26)


def test_a_town_reached_by_another_towns_name_gets_no_local_support(gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Charleston" is an alternate name of St. Charles, Illinois, beside Elgin and Geneva; the
    # towns called Charleston by their own name keep the name.
    text = "The storm hit Elgin and Geneva, then passed near Charleston overnight."
    found = resolve(text, gazetteer)["Charleston"]
    assert found.place is not None and found.place.name == "Charleston"


def test_name_variants() -> None:
    assert _same_name("St. Paul", "Saint Paul")
    assert _same_name("New York", "New York City")
    assert not _same_name("Charleston", "St. Charles")
    assert not _same_name("Manchester", "Paterson")


def test_the_geographic_north_pole(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The icebreaker left Svalbard, crossed the sea ice and reached the North Pole in August."
    assert near(resolve(text, gazetteer)["North Pole"], 90.0, 0.0)


def test_the_north_pole_in_an_american_story(gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Said with "the", the name is the feature, not North Pole, Alaska, even beside "US".
    text = "A US Navy submarine surfaced at the North Pole after a voyage under the sea ice."
    assert near(resolve(text, gazetteer)["North Pole"], 90.0, 0.0)


def test_the_as_a_modifier_keeps_the_town(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("The North Pole city council in Alaska met near Fairbanks.", gazetteer)
    assert near(found["North Pole"], 64.75, -147.35)


def test_north_pole_alaska_keeps_its_town(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("Snow fell on North Pole, Alaska, and on Fairbanks.", gazetteer)
    assert near(found["North Pole"], 64.75, -147.35)


def test_the_geographic_south_pole(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("The expedition skied across Antarctica to the South Pole.", gazetteer)
    assert near(found["South Pole"], -90.0, 0.0)


def test_a_big_citys_own_name_beats_a_countrys_other_name(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("The yachts finished the leg in Salvador on Saturday.", gazetteer)
    assert near(found["Salvador"], -12.97, -38.49)  # Bahia, not El Salvador


def test_the_demonym_capital_is_the_capital_city(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("The squad flew on to the Tongan capital on Tuesday.", gazetteer)
    capital = found["Tongan capital"]
    assert near(capital, -21.14, -175.2) and not capital.mention.demonym
    found = resolve("Tongan officials welcomed them.", gazetteer)
    assert found["Tongan"].place is not None and found["Tongan"].place.kind == "country"


def test_the_tasman_is_the_sea(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("The band crossed the Tasman to Auckland.", gazetteer)
    assert found["Tasman"].place is not None and found["Tasman"].place.kind == "sea"


def test_an_adjective_or_short_form_before_capital_is_the_capital(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = resolve("He left the Malian capital, then reached the US capital.", gazetteer)
    assert near(found["Malian capital"], 12.6, -8.0)
    assert near(found["US capital"], 38.9, -77.0)
