"""Articles in French, Spanish and German: their places in order, read with simple cues."""

from __future__ import annotations

from geomap.foreign_movements import article_language
from geomap.models import Article
from geomap.pipeline import analyse_article, combine

FRENCH = (
    "La présidente Anne Duval a quitté Paris lundi pour une tournée en Europe du Nord. Elle est "
    "d'abord arrivée à Oslo, où elle a été reçue par le Premier ministre. Mercredi, la "
    "présidente s'est rendue à Helsinki. Elle doit rentrer à Paris vendredi. À Washington, "
    "les diplomates suivent la visite avec attention."
)
GERMAN = (
    "Ministerin Eva Berger ist am Montag von Berlin nach Madrid geflogen. In Madrid traf sie "
    "ihren spanischen Kollegen. Am Mittwoch reiste Berger weiter nach Lissabon. Am Freitag "
    "wird sie nach Berlin zurückkehren. In Moskau wurde die Reise nicht kommentiert."
)


def _stops(text: str, gazetteer) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = Article(id="a", text=text)
    result = combine([analyse_article(article, gazetteer)], title="t")
    assert len(result.routes) == 1
    return [(s.name, s.status) for s in result.routes[0].stops]


def test_language_is_recognised() -> None:
    assert article_language(FRENCH) == "fr"
    assert article_language(GERMAN) == "de"
    assert (
        article_language("The president flew to Paris on Monday and met the mayor there.") == "en"
    )


def test_french_tour_in_order_with_the_planned_return(gazetteer) -> None:  # type: ignore[no-untyped-def]
    stops = _stops(FRENCH, gazetteer)
    assert [name for name, _ in stops] == ["Paris", "Oslo", "Helsinki", "Paris"]
    assert stops[-1][1] == "planned" and stops[1][1] == "visited"


def test_german_verb_last_and_mentions_are_not_stops(gazetteer) -> None:  # type: ignore[no-untyped-def]
    stops = _stops(GERMAN, gazetteer)
    assert [name for name, _ in stops] == ["Berlin", "Madrid", "Lisbon", "Berlin"]
    assert "Moscow" not in {name for name, _ in stops}


def test_a_french_race_preview_follows_the_peloton_over_verbless_legs(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Tour des Alpes partira dimanche de Lyon pour une semaine de course. Les "
        "organisateurs ont présenté mercredi le parcours aux équipes et aux journalistes. "
        "Lundi, le peloton quittera la ville pour rejoindre Grenoble. Mardi viendra la plus "
        "longue étape : 180 kilomètres de Grenoble à Chambéry, par les cols. Mercredi, place à la "
        "route côtière jusqu'à Marseille. L'étape vers Montpellier, un temps envisagée, a été "
        "abandonnée pour des raisons logistiques."
    )
    stops = _stops(text, gazetteer)
    assert [name for name, _ in stops] == ["Lyon", "Grenoble", "Chambéry", "Marseille"]
    assert all(status == "planned" for _, status in stops)
