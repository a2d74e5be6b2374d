"""Sentence splitting of news as scraped: exact offsets, abbreviations, glued sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.errors import InputError
from geomap.ingest import read_inputs
from geomap.models import Article
from geomap.sentences import split_sentences

SHARED_ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "articles"


def texts(text: str) -> list[str]:
    article = Article(id="t", text=text)
    sentences = split_sentences(article)
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert sentence.article_id == "t"
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    return [s.text for s in sentences]


def test_simple_sentences_and_offsets() -> None:
    text = "  The ship left Tromsø.  It reached Longyearbyen! Was it late?  No.  "
    assert texts(text) == [
        "The ship left Tromsø.",
        "It reached Longyearbyen!",
        "Was it late?",
        "No.",
    ]
    first = split_sentences(Article(id="t", text=text))[0]
    assert (first.start, first.end) == (2, 23)


def test_newlines_always_end_sentences() -> None:
    text = "Headline without a stop\nByline\r\n\r\nFirst paragraph ends here\u2029Next one."
    assert texts(text) == [
        "Headline without a stop",
        "Byline",
        "First paragraph ends here",
        "Next one.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Kim met Mrs. Park and Dr. Lee at noon.",
        "Gen. Smith and Lt. Col. Jones flew in on Sept. 13 and left on Jan. 2.",
        "The U.S. and the U.N. issued statements at 6 a.m. Tuesday and 3 p.m. Wednesday.",
        "He lives on St. Mark's Square, in house No. 5.",
        "J. R. Smith and A. Jones reported it.",
        "Growth was 3.5 percent, according to bbc.com and example.org.",
        "The troops, e.g. the marines, stayed.",
    ],
)
def test_abbreviations_do_not_split(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_acronym_then_sentence_opener_splits() -> None:
    assert texts("He flew to the U.S. The trip took a day.") == [
        "He flew to the U.S.",
        "The trip took a day.",
    ]


def test_quotes_after_the_stop() -> None:
    text = '"We have nothing to tell you," he said. "Nothing." Then he left. (It was late.) Done.'
    assert texts(text) == [
        '"We have nothing to tell you," he said.',
        '"Nothing."',
        "Then he left.",
        "(It was late.)",
        "Done.",
    ]


def test_glued_sentences_are_split() -> None:
    text = (
        "The leaders will meet in eastern Russia.When asked, the spokesman said, "
        "“We have nothing to tell you.”The Kremlin declined to comment.Why?Nobody knows."
    )
    assert texts(text) == [
        "The leaders will meet in eastern Russia.",
        "When asked, the spokesman said, “We have nothing to tell you.”",
        "The Kremlin declined to comment.",
        "Why?",
        "Nobody knows.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S.Army and the U.K.Navy were there.",
        "Visit www.Example.com or bbc.co.uk for more.",
        "Version 3.5A shipped.",
        "Mr.Kim arrived.",
    ],
)
def test_glued_look_alikes_are_not_split(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_lowercase_after_stop_does_not_split() -> None:
    assert texts("The talks ended approx. at noon, i.e. early.") == [
        "The talks ended approx. at noon, i.e. early."
    ]


def test_ellipsis_and_cjk() -> None:
    assert texts("He paused... Then he spoke. 首相は到着した。会談は明日だ。") == [
        "He paused...",
        "Then he spoke.",
        "首相は到着した。",
        "会談は明日だ。",
    ]


def test_empty_and_punctuation_only_stretches_are_skipped() -> None:
    assert texts("") == []
    assert texts("\n\n  \n") == []
    assert texts("Title\n.\n---\nBody text.") == ["Title", "Body text."]


def test_very_long_sentence_is_kept_whole() -> None:
    sentence = "The convoy passed " + ", ".join(f"town {i}" for i in range(5000)) + "."
    assert texts(sentence) == [sentence]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_valid_offsets(text: str) -> None:
    texts(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Mr.", "U.S.", "a.m.", "Kim", "Russia.", "When", "\n", " ", '"', "”", "…", "?", "3.5"]
        ),
        max_size=40,
    )
)
def test_news_like_token_soup_gives_valid_offsets(tokens: list[str]) -> None:
    texts("".join(tokens))
    texts(" ".join(tokens))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_through_reader_and_splitter(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "random.txt"
    path.write_bytes(data)
    try:
        articles = read_inputs([str(path)])
    except InputError as err:
        assert "random.txt" in err.message
        return
    for article in articles:
        for sentence in split_sentences(article):
            assert article.text[sentence.start : sentence.end] == sentence.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]))
def test_random_text_files_through_reader_and_splitter(
    tmp_path_factory: pytest.TempPathFactory, text: str, codec: str
) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    path = tmp_path_factory.mktemp("random") / "random.md"
    path.write_bytes(data)
    try:
        articles = read_inputs([str(path)])
    except InputError as err:
        assert "random.md" in err.message
        return
    for article in articles:
        for sentence in split_sentences(article):
            assert article.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.shared
def test_shared_articles_split_cleanly() -> None:
    files = sorted(SHARED_ARTICLES.glob("*.txt"))
    if not files:
        pytest.skip(f"example articles not found at {SHARED_ARTICLES}")
    for article in read_inputs([str(f) for f in files]):
        sentences = split_sentences(article)
        assert sentences
        for sentence in sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            # glued sentences ("Russia.When") are split: no lowercase-stop-capital-lowercase left
            assert not any(
                a.islower() and b == "." and c.isupper() and d.islower()
                for a, b, c, d in zip(
                    sentence.text,
                    sentence.text[1:],
                    sentence.text[2:],
                    sentence.text[3:],
                    strict=False,
                )
            ), sentence.text
