"""Property tests of the whole pipeline: any text or bytes in, a valid map or an InputError out.

Random and news-like articles (place names from a small hand-written list mixed with people,
verbs of travel, dates, punctuation, emoji, right-to-left text, control characters, template
and markup syntax and very long tokens) go through ingest -> pipeline -> renderers with the
real gazetteer. Whatever the text, every offset must point at its text, the JSON must round
trip through the pydantic models, and the renderers must produce parseable output.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.errors import InputError
from geomap.ingest import read_inputs
from geomap.models import Article, ArticleAnalysis, Evidence, MapResult
from geomap.pipeline import analyse_article, combine, run
from geomap.render import render_geojson, render_html

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer

PLACES = [
    "Pyongyang",
    "Vladivostok",
    "Ussuriysk",
    "Khasan",
    "Vostochny Cosmodrome",
    "Amur Oblast",
    "Sea of Japan",
    "Paris",
    "New York",
    "Washington",
    "São Paulo",
    "Kyiv",
    "Moscow",
    "Zürich",
    "Reading",
    "Nice",
    "Bath",
    "Georgia",
    "Jordan",
    "Rio de Janeiro",
    "東京",
    "القاهرة",
    "Київ",
]
PEOPLE = ["Kim Jong Un", "Vladimir Putin", "Mr. Smith", "the delegation", "She", "Said"]
PHRASES = [
    "travelled to",
    "arrived in",
    "left",
    "flew from",
    "will visit",
    "met officials in",
    "was expected in",
    "crossed into",
    "returned to",
    "said in",
    "via",
    "and then",
    "near",
]
TIMES = ["on Tuesday", "on 12 September 2023", "last week", "in 2019", "yesterday morning"]
ODDITIES = [
    "🚂",
    "🇷🇺",
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u200b",  # zero-width space
    "e\u0301",  # combining accent
    "\x00",
    "\x07",
    "\x1b[31m",
    "\u0085",
    "\u2028",
    "\ufeff",
    "\r\n",
    "{{ 7*7 }}",
    "{% if x %}",
    "{# note #}",
    "</script><script>alert(1)</script>",
    "<b>&amp;</b>",
    "${alert(1)}",
    "@@geomap-slot:title@@",
    "__GEOMAP_CSP__",
    "St.",
    "U.S.",
    "...",
    "—",
    "“quoted”",
]
PUNCTUATION = [". ", ", ", "! ", "? ", "; ", ": ", "\n", "\n\n", " (", ") ", '"', "'", " - "]

LONG_TOKENS = st.one_of(
    st.integers(min_value=300, max_value=6000).map(lambda n: "A" * n),
    st.integers(min_value=300, max_value=3000).map(lambda n: "Paris" * n),
    st.text(alphabet="abcXYZ-'", min_size=500, max_size=3000),
)
SENTENCE = st.builds(
    lambda person, phrase, place, when, end: f"{person} {phrase} {place} {when}{end}",
    st.sampled_from(PEOPLE),
    st.sampled_from(PHRASES),
    st.sampled_from(PLACES),
    st.sampled_from(["", *TIMES]),
    st.sampled_from([".", ".", "!", "", ",", ".\n"]),
)
PIECE = st.one_of(
    SENTENCE,
    SENTENCE,
    st.sampled_from(PLACES),
    st.sampled_from(PLACES),
    st.sampled_from(PEOPLE),
    st.sampled_from(PHRASES),
    st.sampled_from(TIMES),
    st.sampled_from(ODDITIES),
    st.sampled_from(PUNCTUATION),
    st.text(max_size=12),
)
NEWS_TEXT = st.lists(
    st.one_of(PIECE, PIECE, PIECE, PIECE, LONG_TOKENS), min_size=1, max_size=60
).flatmap(
    lambda pieces: st.lists(
        st.sampled_from([" ", " ", " ", "", "\n", "\t", "  "]),
        min_size=len(pieces),
        max_size=len(pieces),
    ).map(lambda gaps: "".join(p + g for p, g in zip(pieces, gaps, strict=True)))
)
ANY_TEXT = st.one_of(NEWS_TEXT, NEWS_TEXT, st.text(max_size=400))

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout; failures print their example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _read(data: bytes, suffix: str = ".txt") -> list[Article] | None:
    """The articles ingest makes of `data` as a file, or None when it refuses it (InputError)."""
    with tempfile.TemporaryDirectory(prefix="geomap-prop-") as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        try:
            return read_inputs([str(path)])
        except InputError:
            return None


def _check_span(text: str, start: int, end: int, surface: str | None, what: str) -> None:
    assert 0 <= start < end <= len(text), f"{what}: [{start}, {end}) outside 0..{len(text)}"
    if surface is not None:
        assert text[start:end] == surface, f"{what}: {text[start:end]!r} != {surface!r}"


def _check_analysis(analysis: ArticleAnalysis) -> None:
    text = analysis.article.text
    for sentence in analysis.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
    for resolved in analysis.resolved:
        mention = resolved.mention
        _check_span(text, mention.start, mention.end, mention.surface, "mention")
        assert 0.0 <= resolved.confidence <= 1.0
    for movement in analysis.movements:
        _check_span(text, movement.start, movement.end, None, f"movement {movement.cue!r}")


def _check_evidence(evidence: Evidence, texts: dict[str, str]) -> None:
    assert evidence.article in texts, f"evidence names unknown article {evidence.article!r}"
    text = texts[evidence.article]
    _check_span(text, evidence.start, evidence.end, None, "evidence")
    sentence_end = evidence.sentence_start + len(evidence.sentence)
    assert 0 <= evidence.sentence_start <= evidence.start
    assert evidence.end <= sentence_end <= len(text)
    assert text[evidence.sentence_start : sentence_end] == evidence.sentence


def _check_result(result: MapResult, articles: Sequence[Article]) -> None:
    texts = {article.id: article.text for article in articles}
    for place in result.places:
        for evidence in place.mentions:
            _check_evidence(evidence, texts)
    for route in result.routes:
        for stop in route.stops:
            for evidence in stop.evidence:
                _check_evidence(evidence, texts)

    dumped = result.model_dump_json()
    assert isinstance(json.loads(dumped), dict)
    assert MapResult.model_validate_json(dumped) == result

    page = render_html(result, tiles="none")
    data = re.search(r'<script type="application/json" id="geomap-data">(.*?)</script>', page)
    assert data is not None
    assert json.loads(data.group(1))["title"] == result.title
    geojson = json.loads(render_geojson(result))
    assert geojson["type"] == "FeatureCollection"


def _check_pipeline(articles: list[Article], gazetteer: Gazetteer) -> None:
    analyses = [analyse_article(article, gazetteer) for article in articles]
    for analysis in analyses:
        _check_analysis(analysis)
    result = combine(analyses)
    _check_result(result, articles)
    assert run(articles, gazetteer).model_dump_json() == result.model_dump_json()


@SETTINGS
@given(text=ANY_TEXT)
def test_any_text_gives_a_valid_map_or_an_input_error(gazetteer: Gazetteer, text: str) -> None:
    articles = _read(text.encode("utf-8", "surrogatepass"))
    if articles is None:
        return
    assert articles and all(isinstance(a, Article) for a in articles)
    _check_pipeline(articles, gazetteer)


@settings(SETTINGS, max_examples=40)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_bytes_give_a_valid_map_or_an_input_error(
    gazetteer: Gazetteer, data: bytes, suffix: str
) -> None:
    articles = _read(data, suffix)
    if articles is None:
        return
    _check_pipeline(articles, gazetteer)


@settings(SETTINGS, max_examples=25)
@given(title=st.text(max_size=40), body=NEWS_TEXT)
def test_titles_and_template_syntax_reach_the_page_as_text(
    gazetteer: Gazetteer, title: str, body: str
) -> None:
    """Whatever the title and text hold (Jinja syntax included), the page shows them verbatim."""
    articles = _read(f"Paris and {{{{ 7*7 }}}} Moscow. {body}".encode("utf-8", "surrogatepass"))
    if articles is None:
        return
    result = run(articles, gazetteer, title=title or None)
    page = render_html(result, tiles="none")
    data = re.search(r'<script type="application/json" id="geomap-data">(.*?)</script>', page)
    assert data is not None
    assert json.loads(data.group(1))["title"] == result.title
    sentences = {e.sentence for p in result.places for e in p.mentions}
    shown = json.loads(data.group(1))
    quoted = {
        item["before"] + item["match"] + item["after"]
        for mention in shown["mentions"]
        for item in mention["evidence"]
    } | {
        item["before"] + item["match"] + item["after"]
        for route in shown["routes"]
        for stop in route["stops"]
        for item in stop["evidence"]
    }
    assert quoted <= sentences
