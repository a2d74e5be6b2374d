"""Reading articles: formats, headers, dates, encodings, and one clear error per bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from pathlib import Path

import pytest

from geomap.errors import EXIT_INPUT, InputError
from geomap.ingest import InputWarning, infer_published, read_inputs, split_header

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED_ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "articles"

BODY = (
    "The research ship left Tromsø on Monday and reached Longyearbyen two days later.\n"
    "\n"
    "Scientists on board said the sea ice north of Svalbard was thinner than last year.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def read_one(path: Path, **kwargs: object) -> object:
    articles = read_inputs([str(path)], **kwargs)  # type: ignore[arg-type]
    assert len(articles) == 1
    return articles[0]


def input_error(paths: list[str], **kwargs: object) -> str:
    with pytest.raises(InputError) as caught:
        read_inputs(paths, **kwargs)  # type: ignore[arg-type]
    assert caught.value.exit_code == EXIT_INPUT
    message = caught.value.message
    assert "\n" not in message
    return message


# --- plain text, headers, front matter -------------------------------------------------------


def test_plain_text_title_is_first_line_and_stays_in_text(tmp_path: Path) -> None:
    path = write(tmp_path / "voyage.txt", "Ship reaches Svalbard\n\n" + BODY)
    article = read_inputs([str(path)])[0]
    assert article.id == "voyage"
    assert article.title == "Ship reaches Svalbard"
    assert article.text.startswith("Ship reaches Svalbard\n")
    assert article.source is None
    assert article.published is None
    assert article.path == str(path)


def test_header_lines_are_removed_and_parsed(tmp_path: Path) -> None:
    text = "published: 2023-09-13\nTITLE:  Ship reaches Svalbard \nSource: Polar Desk\n\n" + BODY
    article = read_inputs([str(write(tmp_path / "a.txt", text))])[0]
    assert article.title == "Ship reaches Svalbard"
    assert article.source == "Polar Desk"
    assert article.published == dt.date(2023, 9, 13)
    assert article.text == BODY  # offsets refer to the body


def test_header_needs_blank_line_else_it_is_text(tmp_path: Path) -> None:
    text = "Title: Not a header\nThe ship sailed north from Tromsø.\n"
    article = read_inputs([str(write(tmp_path / "a.txt", text))])[0]
    assert article.text == text
    assert article.title == "Title: Not a header"


def test_yaml_front_matter(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Ice report\nurl: https://polar.example/ice\ndate: 2023-09-13\n"
        "layout: post\n---\n" + BODY
    )
    article = read_inputs([str(write(tmp_path / "ice.md", text))])[0]
    assert article.title == "Ice report"
    assert article.source == "https://polar.example/ice"
    assert article.published == dt.date(2023, 9, 13)
    assert article.text == BODY


def test_front_matter_source_wins_over_url_and_published_over_date(tmp_path: Path) -> None:
    text = (
        "---\nsource: Polar Desk\nurl: https://polar.example\npublished: 13 September 2023\n"
        "date: 2020-01-01\n---\n" + BODY
    )
    article = read_inputs([str(write(tmp_path / "ice.md", text))])[0]
    assert article.source == "Polar Desk"
    assert article.published == dt.date(2023, 9, 13)


def test_broken_front_matter_is_read_as_text_with_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = "---\ntitle: [unclosed\n---\n" + BODY
    with caplog.at_level(logging.WARNING, logger="geomap.ingest"):
        article = read_inputs([str(write(tmp_path / "bad.md", text))])[0]
    assert article.text == text
    warnings = [r.input_warning for r in caplog.records if hasattr(r, "input_warning")]
    assert warnings and isinstance(warnings[0], InputWarning)
    assert "bad.md" in str(warnings[0])


def test_split_header_keeps_crlf_body_exactly() -> None:
    header, body = split_header("Title: A\r\nDate: 2023-09-13\r\n\r\nLine one.\r\nLine two.\r\n")
    assert header == {"title": "A", "date": "2023-09-13"}
    assert body == "Line one.\r\nLine two.\r\n"


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Friday, September 29, 2023", dt.date(2023, 9, 29)),
        ("2023-09-13", dt.date(2023, 9, 13)),
        ("13 September 2023", dt.date(2023, 9, 13)),
        ("Sept. 13, 2023", dt.date(2023, 9, 13)),
        ("Updated: Tue 5 Mar 2024 | 10:32", dt.date(2024, 3, 5)),
    ],
)
def test_date_line_at_top(top: str, expected: dt.date) -> None:
    assert infer_published(f"{top}\nShip reaches Svalbard\n\n{BODY}") == expected


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("SEOUL, Sept. 13 (Yonhap) -- The train crossed the border.", dt.date(2023, 9, 13)),
        ("MOSCOW, September 13 (Reuters) - The train crossed.", dt.date(2023, 9, 13)),
        ("TOKYO, March 2, 2021 (Kyodo) -- The plane landed.", dt.date(2021, 3, 2)),
        ("ST. PETERSBURG, Russia, July 4 -- The ship docked.", dt.date(2023, 7, 4)),
    ],
)
def test_dateline(dateline: str, expected: dt.date) -> None:
    text = f"Headline here\n\n{dateline}\nEarlier, in April 2019, there was a summit.\n© 2023 Desk"
    assert infer_published(text) == expected


def test_dateline_year_prefers_full_date_in_same_month() -> None:
    text = (
        "Headline\n\nSEOUL, Sept. 13 (Yonhap) -- The leader arrived.\n"
        "A photo released on Sept. 13, 2022 showed the train. Talks were held in May 2024."
    )
    assert infer_published(text) == dt.date(2022, 9, 13)


def test_dateline_without_any_year_gives_none() -> None:
    assert infer_published("Headline\n\nSEOUL, Sept. 13 (Yonhap) -- No year anywhere.") is None


def test_dates_deep_in_the_body_are_not_used() -> None:
    lines = ["Headline", "First paragraph.", "Second.", "Third.", "Fourth.", "Fifth."]
    text = "\n".join(lines) + "\nOn April 25, 2019, the leaders met.\n"
    assert infer_published(text) is None


def test_long_top_line_with_a_date_is_not_a_date_line() -> None:
    caption = (
        "FILE - The two leaders pose for a photo prior to their talks in Vladivostok, Russia, "
        "on April 25, 2019, in this file photo released by the agency."
    )
    assert infer_published(f"Headline\n{caption}\n{BODY}") is None


def test_date_precedence_header_then_argument_then_inferred(tmp_path: Path) -> None:
    argument = dt.date(2020, 1, 2)
    with_header = write(tmp_path / "h.txt", "Date: 2023-09-13\n\n2021-05-05\n" + BODY)
    with_top_date = write(tmp_path / "t.txt", "2021-05-05\n" + BODY)
    bare = write(tmp_path / "b.txt", BODY)
    assert read_one(with_header, published=argument).published == dt.date(2023, 9, 13)  # type: ignore[attr-defined]
    assert read_one(with_top_date, published=argument).published == argument  # type: ignore[attr-defined]
    assert read_one(with_top_date).published == dt.date(2021, 5, 5)  # type: ignore[attr-defined]
    assert read_one(bare).published is None  # type: ignore[attr-defined]


def test_unreadable_header_date_warns_and_falls_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "h.txt", "Published: sometime soon\n\n" + BODY)
    with caplog.at_level(logging.WARNING, logger="geomap.ingest"):
        article = read_inputs([str(path)], published=dt.date(2020, 1, 2))[0]
    assert article.published == dt.date(2020, 1, 2)
    assert any("sometime soon" in r.getMessage() for r in caplog.records)


# --- encodings -------------------------------------------------------------------------------


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + BODY.encode())
    assert read_inputs([str(path)])[0].text == BODY


def test_cp1252_file_decodes(tmp_path: Path) -> None:
    text = (
        "Café owners in Zürich said the minister’s visit – “a success” – ended on Tuesday.\n"
        "Der Bär läuft über die Straße, à la française, déjà vu.\n"
    )
    path = write(tmp_path / "west.txt", text.encode("cp1252"))
    assert read_inputs([str(path)])[0].text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_decodes_with_or_without_bom(tmp_path: Path, codec: str) -> None:
    path = write(tmp_path / "wide.txt", BODY.encode(codec))
    assert read_inputs([str(path)])[0].text == BODY


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("koi8_r", "Президент прибыл во Владивосток поездом во вторник утром.\n" * 3),
        ("cp1251", "Президент прибыл во Владивосток поездом во вторник утром.\n" * 3),
        ("shift_jis", "首相は火曜日に東京駅から新幹線で大阪へ向かった。\n" * 3),
        ("cp1250", "Prezydent przyjechał do Łodzi we wtorek. Żołnierze stali przy dworcu.\n" * 2),
    ],
)
def test_legacy_encodings_decode(tmp_path: Path, codec: str, text: str) -> None:
    path = write(tmp_path / "legacy.txt", text.encode(codec))
    assert read_inputs([str(path)])[0].text == text


def test_crlf_newlines_are_kept(tmp_path: Path) -> None:
    text = "Ship reaches Svalbard\r\n\r\nThe ship docked.\r\n"
    assert read_inputs([str(write(tmp_path / "crlf.txt", text))])[0].text == text


# --- HTML ------------------------------------------------------------------------------------


def test_html_news_page_extraction() -> None:
    article = read_inputs([str(FIXTURES / "harbour_ferry.html")])[0]
    assert article.id == "harbour_ferry"
    assert article.title == "Night ferry returns to the Gulf of Finland"
    assert article.source == "https://harbour-review.example/2024/03/night-ferry-returns"
    assert article.published == dt.date(2024, 3, 5)
    assert "between Helsinki and Tallinn" in article.text
    assert "Mariehamn" in article.text
    for boilerplate in ("Subscribe", "cookies", "All rights reserved", "Most read", "analytics"):
        assert boilerplate not in article.text


def test_hostile_html_with_no_text_is_an_input_error() -> None:
    message = input_error([str(FIXTURES / "hostile.html")])
    assert "hostile.html" in message
    assert "no article text" in message


def test_html_is_recognised_without_extension(tmp_path: Path) -> None:
    page = (FIXTURES / "harbour_ferry.html").read_bytes()
    article = read_inputs([str(write(tmp_path / "saved_page", page))])[0]
    assert "Tallinn" in article.text


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>'
        "<p>The café in Zürich reopened on Tuesday, the owner said, after a long winter break."
        "</p><p>Visitors came from Basel and Genève to see the new terrace by the lake.</p>"
        "</article></body></html>"
    )
    article = read_inputs([str(write(tmp_path / "cafe.html", html.encode("cp1252")))])[0]
    assert "Zürich" in article.text and "Genève" in article.text


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    html = "<html><body>" + "<div>" * 20000 + "<p>Short.</p>" + "</div>" * 20000
    try:
        read_inputs([str(write(tmp_path / "deep.html", html))])
    except InputError as err:
        assert "deep.html" in err.message


# --- directories, stdin, JSONL, ids ----------------------------------------------------------


def test_directory_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / "b.txt", "B article\n\n" + BODY)
    write(tmp_path / "sub" / "a.md", "A article\n\n" + BODY)
    write(tmp_path / ".hidden" / "c.txt", "hidden\n\n" + BODY)
    write(tmp_path / "notes.csv", "a,b\n")
    write(tmp_path / "feed.jsonl", json.dumps({"id": "j1", "text": BODY}) + "\n")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["b", "j1", "a"]  # sorted by path: b.txt, feed.jsonl, sub/a.md


def test_bad_file_in_directory_is_skipped_with_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "good.txt", BODY)
    write(tmp_path / "empty.txt", "")
    with caplog.at_level(logging.WARNING, logger="geomap.ingest"):
        articles = read_inputs([str(tmp_path)])
    assert [a.id for a in articles] == ["good"]
    assert any("empty.txt" in r.getMessage() for r in caplog.records)


def test_stdin_text_and_html() -> None:
    article = read_inputs(["-"], stdin=io.BytesIO(b"Title: Piped\n\n" + BODY.encode()))[0]
    assert (article.id, article.title, article.text) == ("stdin", "Piped", BODY)
    page = (FIXTURES / "harbour_ferry.html").read_bytes()
    assert "Tallinn" in read_inputs(["-"], stdin=io.BytesIO(page))[0].text


def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        {"id": "r1", "text": BODY, "title": "One", "source": "Desk", "published": "2023-09-13"},
        {"id": 7, "text": "Second story about Oslo.", "url": "https://x.example/7"},
        {"text": "Third story without id."},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    articles = read_inputs([str(path)], published=dt.date(2020, 1, 1))
    assert [a.id for a in articles] == ["r1", "7", "feed-3"]
    assert articles[0].published == dt.date(2023, 9, 13)
    assert articles[1].published == dt.date(2020, 1, 1)
    assert articles[1].source == "https://x.example/7"
    assert articles[2].title == "Third story without id."


def test_jsonl_by_option_whatever_the_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.data", json.dumps({"id": "x", "text": BODY}) + "\n")
    assert [a.id for a in read_inputs([], jsonl_paths=[str(path)])] == ["x"]


def test_mixed_inputs_and_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = write(tmp_path / "one" / "story.txt", BODY)
    second = write(tmp_path / "two" / "story.md", BODY)
    feed = write(tmp_path / "feed.jsonl", json.dumps({"id": "story", "text": BODY}) + "\n")
    articles = read_inputs(
        [str(first), str(second), str(feed), "-"], stdin=io.BytesIO(BODY.encode())
    )
    assert [a.id for a in articles] == ["story", "story-2", "story-3", "stdin"]


# --- bad inputs: one line, naming the file ---------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    message = input_error([str(tmp_path / "nowhere.txt")])
    assert "nowhere.txt" in message and "no such file" in message


def test_no_inputs_at_all() -> None:
    assert "no input" in input_error([])


def test_empty_directory(tmp_path: Path) -> None:
    write(tmp_path / "readme.csv", "x")
    message = input_error([str(tmp_path)])
    assert str(tmp_path) in message and "no article files" in message


def test_directory_whose_files_are_all_bad(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    message = input_error([str(tmp_path)])
    assert str(tmp_path) in message and "no readable articles" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n  \n", "empty"),
        ("bom_only.txt", b"\xef\xbb\xbf\n", "empty"),
        ("header_only.txt", b"Title: Nothing\n\n   \n", "no text after the header"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        ("bundle.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP archive"),
        ("program.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(64), "executable"),
        ("nuls.txt", b"abc\x00\x01\x02\x00\xff\xfe\x00def\x00" * 10, "binary"),
        ("controls.txt", bytes(range(1, 9)) * 40 + b"some words", "binary"),
        ("empty.html", b"", "empty"),
        ("scripts.html", b"<html><script>alert(1)</script></html>", "no article text"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    message = input_error([str(write(tmp_path / name, content))])
    assert name in message
    assert expected in message


def test_undecodable_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: [])
    message = input_error([str(write(tmp_path / "odd.txt", b"caf\xe9 \xff\xfe\xfd bar"))])
    assert "odd.txt" in message and "cannot decode" in message


def test_file_over_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", "word " * 2_500_000)  # 12.5 MB
    message = input_error([str(path)])
    assert message == (f"file {path} is 12.5 MB, over the 5 MB limit; raise it with --max-bytes")
    assert read_inputs([str(path)], max_bytes=20_000_000)[0].text.startswith("word")


def test_stdin_over_size_limit() -> None:
    message = input_error(["-"], stdin=io.BytesIO(b"x" * 2000), max_bytes=1000)
    assert "standard input" in message and "--max-bytes" in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"id": "a"}', "missing 'text'"),
        ('{"id": "a", "text": "   "}', "'text' is empty"),
        ('{"id": ["a"], "text": "Oslo."}', "'id' must be"),
        ('{"id": "a", "text": "Oslo.", "published": "not a date"}', "cannot read 'published'"),
        ('{"id": "a", "text": "Oslo.", "title": 5}', "'title' must be a string"),
    ],
)
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, expected: str) -> None:
    good = json.dumps({"id": "ok", "text": BODY})
    path = write(tmp_path / "feed.jsonl", f"{good}\n{line}\n")
    message = input_error([str(path)])
    assert "feed.jsonl:2:" in message
    assert expected in message


def test_jsonl_not_utf8_and_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.jsonl", '{"id": "a", "text": "café"}'.encode("latin-1"))
    assert "latin.jsonl:1: not UTF-8" in input_error([str(path)])
    assert "no JSONL records" in input_error([str(write(tmp_path / "none.jsonl", "\n\n"))])


def test_jsonl_record_over_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.jsonl", json.dumps({"id": "a", "text": "x" * 5000}) + "\n")
    message = input_error([str(path)], max_bytes=1000)
    assert "big.jsonl:1:" in message and "--max-bytes" in message


# --- the shared example articles (read-only) ------------------------------------------------


@pytest.mark.shared
def test_shared_articles_titles_and_dates() -> None:
    files = sorted(SHARED_ARTICLES.glob("*.txt"))
    if not files:
        pytest.skip(f"example articles not found at {SHARED_ARTICLES}")
    articles = read_inputs([str(f) for f in files])
    assert len(articles) == len(files)
    first = articles[0]
    assert first.published == dt.date(2023, 9, 29)  # its first line is a date line
    for article in articles:
        assert article.title and not article.title[0].isdigit()
        assert article.text.strip()
