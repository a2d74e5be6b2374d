"""Read articles from text, Markdown, HTML and JSONL files, directories or stdin.

Every input becomes an `Article`; every bad input becomes one `InputError` naming the file.
Problems that do not stop the run (a bad file inside a directory, an unreadable header date,
a renamed duplicate id) are logged as `InputWarning`s on the ``geomap.ingest`` logger.

Rules decided here, relied on downstream:

* `Article.text` is the body exactly as decoded: a leading header block or YAML front matter
  is removed (offsets refer to the body), a BOM is stripped, and nothing else changes -
  newlines (``\\r\\n`` included) stay as they were. For HTML it is the article text that
  trafilatura extracts from the page.
* The title is the header's / page's title; otherwise the first line of the body that looks
  like a headline (see `_infer_title`), which stays in the text.
* The publication date comes from, in order: the file's own header, front matter, JSONL field
  or HTML metadata; else the ``published`` argument (``--published``); else a date inferred
  from the top of the text (a date line among the first five lines, or a news dateline such
  as ``SEOUL, Sept. 13 (Yonhap) --``). Dates deep in the body are never used on their own.
* Explicitly named files that are bad raise `InputError`; bad files found while walking a
  directory are skipped with a warning, and a directory that yields no article is an error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import charset_normalizer
import yaml
from dateutil import parser as date_parser

from geomap.errors import InputError
from geomap.models import Article

logger = logging.getLogger(__name__)
# trafilatura and htmldate log routine misses ("discarding data") as warnings; we report
# what matters ourselves, in one line per file.
for _noisy in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    if logging.getLogger(_noisy).level == logging.NOTSET:
        logging.getLogger(_noisy).setLevel(logging.ERROR)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"
TITLE_MAX_CHARS = 300


@dataclass(frozen=True)
class InputWarning:
    """A problem with one input that did not stop the run; logged, never raised."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _warn(path: str, message: str) -> None:
    warning = InputWarning(_show(path), message)
    logger.warning("%s", warning, extra={"input_warning": warning})


def _show(path: str | Path) -> str:
    """A path as one printable line, for messages."""
    text = str(path)
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


# --------------------------------------------------------------------------------------------
# Entry point


def read_inputs(
    paths: Sequence[str],
    *,
    published: dt.date | None = None,
    max_bytes: int = 5_000_000,
    stdin: BinaryIO | None = None,
    jsonl_paths: Sequence[str] = (),
) -> list[Article]:
    """Read every input into articles, in the order given (directories sorted by path).

    ``paths`` may name files, directories, or ``-`` for ``stdin``; ``jsonl_paths`` are read as
    JSONL whatever their extension (``--input-jsonl``). ``published`` is the date for articles
    that carry none of their own. Article ids are unique: a repeated id gets ``-2``, ``-3``...
    """
    if not paths and not jsonl_paths:
        raise InputError("no input given: name article files, a directory, or - for stdin")
    reader = _Reader(published=published, max_bytes=max_bytes, stdin=stdin)
    articles: list[Article] = []
    for path in paths:
        articles.extend(reader.read_path(path))
    for path in jsonl_paths:
        articles.extend(reader.read_jsonl_path(path))
    return _unique_ids(articles)


def _unique_ids(articles: list[Article]) -> list[Article]:
    seen: set[str] = set()
    result = []
    for article in articles:
        new_id = article.id
        counter = 2
        while new_id in seen:
            new_id = f"{article.id}-{counter}"
            counter += 1
        if new_id != article.id:
            _warn(
                article.path or article.id, f"id {article.id!r} is used twice; renamed {new_id!r}"
            )
            article = article.model_copy(update={"id": new_id})
        seen.add(new_id)
        result.append(article)
    return result


class _Reader:
    def __init__(self, *, published: dt.date | None, max_bytes: int, stdin: BinaryIO | None):
        self.published = published
        self.max_bytes = max_bytes
        self.stdin = stdin

    # -- dispatch ---------------------------------------------------------------------------

    def read_path(self, path: str) -> list[Article]:
        if path == STDIN:
            return [self._read_stdin()]
        file_path = Path(path)
        try:
            is_dir = file_path.is_dir()
            exists = is_dir or file_path.exists()
        except OSError as err:
            raise InputError(f"{_show(path)}: cannot read ({err.strerror or err})") from None
        if is_dir:
            return self._read_directory(file_path)
        if not exists:
            raise InputError(f"{_show(path)}: no such file or directory")
        if file_path.suffix.lower() in JSONL_SUFFIXES:
            return self.read_jsonl_path(path)
        return [self._read_file(file_path)]

    def _read_directory(self, directory: Path) -> list[Article]:
        files = sorted(_article_files(directory))
        if not files:
            kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
            raise InputError(f"{_show(directory)}: directory has no article files ({kinds})")
        articles: list[Article] = []
        for file_path in files:
            try:
                if file_path.suffix.lower() in JSONL_SUFFIXES:
                    articles.extend(self.read_jsonl_path(str(file_path)))
                else:
                    articles.append(self._read_file(file_path))
            except InputError as err:
                reason = err.message.removeprefix(f"{_show(file_path)}: ")
                _warn(str(file_path), f"skipped ({reason})")
        if not articles:
            raise InputError(
                f"{_show(directory)}: no readable articles in the directory "
                f"({len(files)} file(s) skipped, see warnings)"
            )
        return articles

    # -- single files -------------------------------------------------------------------------

    def _read_file(self, file_path: Path) -> Article:
        data = self._read_bytes(file_path)
        name = str(file_path)
        suffix = file_path.suffix.lower()
        is_html = suffix in HTML_SUFFIXES or (
            suffix not in TEXT_SUFFIXES and _looks_like_html(data)
        )
        article_id = file_path.stem or file_path.name
        if is_html:
            return self._article_from_html(data, name, article_id)
        return self._article_from_text(data, name, article_id)

    def _read_stdin(self) -> Article:
        stream = self.stdin or _process_stdin()
        if stream is None:
            raise InputError("-: no standard input available")
        try:
            data = stream.read(self.max_bytes + 1)
        except OSError as err:
            raise InputError(f"-: cannot read standard input ({err.strerror or err})") from None
        if len(data) > self.max_bytes:
            raise InputError(
                f"standard input is over the {_megabytes(self.max_bytes)} MB limit; "
                "raise it with --max-bytes"
            )
        if _looks_like_html(data):
            return self._article_from_html(data, "<stdin>", "stdin")
        return self._article_from_text(data, "<stdin>", "stdin")

    def _read_bytes(self, file_path: Path) -> bytes:
        name = _show(file_path)
        try:
            size = file_path.stat().st_size
            if not file_path.is_file():
                raise InputError(f"{name}: not a regular file")
            if size > self.max_bytes:
                raise InputError(_too_big(name, size, self.max_bytes))
            with file_path.open("rb") as handle:
                data = handle.read(self.max_bytes + 1)
        except OSError as err:
            raise _read_error(name, err, "is a directory") from None
        if len(data) > self.max_bytes:  # grew while we looked
            raise InputError(_too_big(name, len(data), self.max_bytes))
        return data

    # -- text and Markdown --------------------------------------------------------------------

    def _article_from_text(self, data: bytes, name: str, article_id: str) -> Article:
        text = decode_text(data, name)
        header, body = split_header(text, name)
        if not body.strip():
            what = "no text after the header" if header else "file is empty (only whitespace)"
            raise InputError(f"{_show(name)}: {what}")
        title = _clean_title(str(header.get("title") or "")) or _infer_title(body)
        source = _header_str(header.get("source")) or _header_str(header.get("url"))
        when = _header_date(header, name)
        if when is None:
            when = self.published or infer_published(body)
        return Article(
            id=article_id, title=title, source=source, published=when, text=body, path=name
        )

    # -- HTML ---------------------------------------------------------------------------------

    def _article_from_html(self, data: bytes, name: str, article_id: str) -> Article:
        html = decode_html(data, name)
        page = extract_html(html, name)
        when = page.published or self.published or infer_published(page.text)
        title = page.title or _infer_title(page.text)
        return Article(
            id=article_id,
            title=title,
            source=page.source,
            published=when,
            text=page.text,
            path=name,
        )

    # -- JSONL --------------------------------------------------------------------------------

    def read_jsonl_path(self, path: str) -> list[Article]:
        if path == STDIN:
            if self.stdin is None:
                self.stdin = _process_stdin()
            if self.stdin is None:
                raise InputError("-: no standard input available")
            return self._read_jsonl(self.stdin, "<stdin>", "stdin")
        file_path = Path(path)
        name = _show(path)
        try:
            with file_path.open("rb") as handle:
                return self._read_jsonl(handle, str(path), file_path.stem)
        except OSError as err:
            raise _read_error(name, err, "is a directory, not a JSONL file") from None

    def _read_jsonl(self, handle: BinaryIO, name: str, stem: str) -> list[Article]:
        articles = []
        for number, raw in _numbered_lines(handle, self.max_bytes + 1):
            where = f"{_show(name)}:{number}"
            if len(raw) > self.max_bytes:
                raise InputError(
                    f"{where}: record is over the {_megabytes(self.max_bytes)} MB limit; "
                    "raise it with --max-bytes"
                )
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{where}: not UTF-8 (JSONL must be UTF-8)") from None
            articles.append(self._article_from_record(line, where, stem, number, name))
        if not articles:
            raise InputError(f"{_show(name)}: no JSONL records (file is empty)")
        return articles

    def _article_from_record(
        self, line: str, where: str, stem: str, number: int, name: str
    ) -> Article:
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            reason = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
            raise InputError(f"{where}: not valid JSON ({reason})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object with a 'text' field")
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(f"{where}: missing 'text' string")
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            raise InputError(f"{where}: 'text' is empty")
        record_id = record.get("id")
        if record_id is None:
            article_id = f"{stem}-{number}"
        elif isinstance(record_id, str | int) and not isinstance(record_id, bool):
            article_id = str(record_id).strip()
            if not article_id:
                raise InputError(f"{where}: 'id' is empty")
        else:
            raise InputError(f"{where}: 'id' must be a string or a number")
        for key in ("title", "source", "url"):
            if record.get(key) is not None and not isinstance(record[key], str):
                raise InputError(f"{where}: '{key}' must be a string")
        when = None
        for key in ("published", "date"):
            value = record.get(key)
            if value is not None and value != "":
                when = parse_date_value(value)
                if when is None:
                    raise InputError(f"{where}: cannot read '{key}' as a date: {value!r:.60}")
                break
        if when is None:
            when = self.published or infer_published(text)
        title = _clean_title(record.get("title") or "") or _infer_title(text)
        source = record.get("source") or record.get("url") or None
        return Article(
            id=article_id, title=title, source=source, published=when, text=text, path=name
        )


def _read_error(name: str, err: OSError, directory: str) -> InputError:
    """One line for a file that cannot be opened or read."""
    if isinstance(err, FileNotFoundError):
        return InputError(f"{name}: no such file or directory")
    if isinstance(err, PermissionError):
        return InputError(f"{name}: permission denied")
    if isinstance(err, IsADirectoryError):
        return InputError(f"{name}: {directory}")
    return InputError(f"{name}: cannot read ({err.strerror or err})")


def _process_stdin() -> BinaryIO | None:
    """This process's standard input as bytes, when it has one (the input "-")."""
    return getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None


def _numbered_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes]]:
    """Lines of a binary stream, each cut at ``limit`` bytes so one huge line cannot eat memory."""
    number = 0
    while True:
        raw = handle.readline(limit)
        if not raw:
            return
        number += 1
        if len(raw) >= limit and not raw.endswith(b"\n"):
            yield number, raw  # the caller reports it as too large
            return
        yield number, raw


def _article_files(directory: Path) -> Iterator[Path]:
    """Article files under ``directory``, skipping hidden files and folders."""
    for child in directory.rglob("*"):
        relative = child.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if child.suffix.lower() in ARTICLE_SUFFIXES and child.is_file():
            yield child


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0")


def _too_big(name: str, size: int, limit: int) -> str:
    return (
        f"file {name} is {size / 1_000_000:.1f} MB, over the {_megabytes(limit)} MB limit; "
        "raise it with --max-bytes"
    )


# --------------------------------------------------------------------------------------------
# Decoding

_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# Legacy encodings in the order we trust them when several decode a file equally well.
_POPULARITY = (
    "cp1252",
    "cp1251",
    "cp1250",
    "koi8_r",
    "cp932",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "euc_kr",
    "cp949",
    "iso8859_15",
    "cp1254",
    "cp1253",
    "cp1255",
    "cp1256",
    "cp1257",
    "koi8_u",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_9",
    "latin_1",
)


def decode_text(data: bytes, name: str) -> str:
    """Decode a file's bytes: BOM, then UTF-8, then the best legacy encoding; no BOM in the result.

    Raises `InputError` for empty, binary or undecodable data.
    """
    name = _show(name)
    if not data:
        raise InputError(f"{name}: file is empty")
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{name}: file is {kind}, not text")
    text = _decode(data)
    if text is None:
        raise InputError(f"{name}: cannot decode the text (not UTF-8 or a known encoding)")
    if text.startswith("\ufeff"):
        text = text[1:]
    if _control_share(text) > 0.05:
        raise InputError(f"{name}: file looks binary (many control characters), not text")
    if not text.strip():
        raise InputError(f"{name}: file is empty (only whitespace)")
    return text


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            # "MZ" and "ID3" are also how some words begin: only trust them with a NUL nearby.
            if magic in (b"MZ", b"ID3") and b"\x00" not in data[:64]:
                continue
            return kind
    if b"\x00" in data[:65536] and _utf16_without_bom(data) is None and not _has_bom(data):
        return "binary data (NUL bytes)"
    return None


def _has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) and codec != "utf-8" for bom, codec in _BOMS)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows its ASCII letters as byte pairs with one NUL side."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls == 0:
        codec = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls == 0:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str | None:
    """Pick among charset-normalizer's close candidates the one whose words look most natural."""
    try:
        matches = list(charset_normalizer.from_bytes(data))
    except Exception:  # the detector must never turn a bad file into a traceback
        return None
    if not matches:
        return None
    best_chaos = matches[0].chaos
    codecs: list[str] = []
    for match in matches:
        if match.chaos <= best_chaos + 0.1:
            for codec in [match.encoding, *match.could_be_from_charset]:
                if codec not in codecs:
                    codecs.append(codec)
    scored: list[tuple[int, int, int, str]] = []
    for order, codec in enumerate(codecs):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        rank = _POPULARITY.index(codec) if codec in _POPULARITY else len(_POPULARITY)
        scored.append((_oddity(text), rank, order, text))
    if not scored:
        return None
    return min(scored)[3]


_ODD_CASE = re.compile(r"[^\W\d_][a-z\u00df-\u00ff\u0430-\u045f][A-Z\u00c0-\u00de\u0410-\u042f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _oddity(text: str) -> int:
    """How many places read wrongly: a capital inside a lowercase word ("пРЕЗИДЕНТ" for
    KOI8-R read as cp1251), or a symbol or digit glued to a letter ("przyjecha³", "£odzi" for
    cp1250 read as cp1252)."""
    sample = text[:20000]
    odd = len(_ODD_CASE.findall(sample))
    for match in _NON_ASCII.finditer(sample):
        position = match.start()
        category = unicodedata.category(match.group(0))
        if category[0] in "LMP" or category == "Zs":
            continue
        before = sample[position - 1] if position else " "
        after = sample[position + 1] if position + 1 < len(sample) else " "
        if before.isalpha() or after.isalpha():
            odd += 1
    return odd


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ud800-\udfff]")


def _control_share(text: str) -> float:
    """Share of control characters (tabs, newlines, form feeds and ESC excepted)."""
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) or (
        head.startswith(b"<!--") and b"<html" in head
    )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def decode_html(data: bytes, name: str) -> str:
    """Decode an HTML page: BOM, then the page's own <meta charset>, then as any text file."""
    if data and not _has_bom(data) and not data.startswith(b"\xef\xbb\xbf"):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            codec = declared.group(1).decode("ascii").lower()
            if codec in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
                codec = "cp1252"  # what browsers do
            try:
                text = data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if text.strip() and _binary_kind(data) is None:
                    return text
    return decode_text(data, name)


# --------------------------------------------------------------------------------------------
# HTML extraction


@dataclass(frozen=True)
class HtmlPage:
    """What a saved news page yields: the article text and its metadata."""

    text: str
    title: str
    source: str | None
    published: dt.date | None


def extract_html(html: str, name: str) -> HtmlPage:
    """Main text and metadata of a page, via trafilatura (text) and htmldate (original date)."""
    try:
        import htmldate
        import trafilatura
    except ImportError as err:  # pragma: no cover - depends on the installation
        raise InputError(f"{_show(name)}: cannot read HTML, trafilatura unusable ({err})") from None
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_recall=True,
            deduplicate=False,
        )
    except (Exception, RecursionError):  # hostile markup must not become a traceback
        logger.debug("trafilatura failed on %s", name, exc_info=True)
        document = None
    metadata: dict[str, Any] = {}
    text = ""
    if document is not None:
        metadata = document.as_dict() if hasattr(document, "as_dict") else dict(document)
        text = metadata.get("text") or ""
    if not _HAS_WORD.search(text):
        raise InputError(f"{_show(name)}: no article text found in the HTML page")
    published: dt.date | None = None
    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True)
    except (Exception, RecursionError):
        logger.debug("htmldate failed on %s", name, exc_info=True)
        found = None
    if found:
        published = parse_date_value(found)
    if published is None and metadata.get("date"):
        published = parse_date_value(metadata["date"])
    source = metadata.get("url") or metadata.get("sitename") or None
    return HtmlPage(
        text=text,
        title=_clean_title(metadata.get("title") or ""),
        source=source,
        published=published,
    )


# --------------------------------------------------------------------------------------------
# Headers and front matter

_HEADER_LINE = re.compile(
    r"[ \t]*(title|source|url|published|date|titre|publié|título|fuente|publicado|fecha|"
    r"titel|quelle|veröffentlicht|datum|titolo|fonte|pubblicato|data)[ \t]*:[ \t]*(.*?)[ \t]*\r?$",
    re.I,
)
# The same header keys in French, Spanish, German, Italian and Portuguese.
_HEADER_SYNONYMS = {
    "titre": "title", "título": "title", "titel": "title", "titolo": "title",
    "fuente": "source", "quelle": "source", "fonte": "source",
    "publié": "published", "publicado": "published", "veröffentlicht": "published",
    "pubblicato": "published", "fecha": "date", "datum": "date", "data": "date",
}  # fmt: skip
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_header(text: str, name: str = "") -> tuple[dict[str, Any], str]:
    """Split a leading header block or YAML front matter from the body.

    Header block: lines ``Title:``, ``Source:``, ``URL:``, ``Published:``/``Date:`` in any
    order and case, ended by a blank line. Front matter: ``---`` ... ``---`` YAML mapping.
    Returns lowercase keys and the body (the text after the header's terminating line).
    """
    if text.startswith("---"):
        match = _FRONT_MATTER.match(text)
        if match:
            try:
                loaded = yaml.safe_load(match.group(1))
            except (yaml.YAMLError, RecursionError, ValueError) as err:
                mark = getattr(err, "problem_mark", None)
                where = f" (line {mark.line + 2})" if mark is not None else ""
                _warn(name, f"front matter is not valid YAML{where}; read as text")
            else:
                if loaded is None:
                    return {}, text[match.end() :]
                if isinstance(loaded, dict):
                    front = {str(k).strip().lower(): v for k, v in loaded.items()}
                    return front, text[match.end() :]
                _warn(name, "front matter is not a YAML mapping; read as text")
    header: dict[str, Any] = {}
    position = 0
    while True:
        line_end = text.find("\n", position)
        if line_end < 0:
            return {}, text  # a header must be followed by a blank line
        line = text[position:line_end]
        if not line.strip():
            if header:
                return header, text[line_end + 1 :]
            return {}, text
        match = _HEADER_LINE.fullmatch(line)
        if not match:
            return {}, text
        key = match.group(1).lower()
        header.setdefault(_HEADER_SYNONYMS.get(key, key), match.group(2))
        position = line_end + 1


def _header_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _header_date(header: dict[str, Any], name: str) -> dt.date | None:
    for key in ("published", "date"):
        value = header.get(key)
        if value is None or value == "":
            continue
        when = parse_date_value(value)
        if when is None:
            _warn(name, f"cannot read the {key} date {str(value)!r:.60}; ignored")
        return when
    return None


# --------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

# A full date with a year, as found on top-of-page lines.
_FULL_DATE = re.compile(
    rf"""\b(?:
        (?P<iso>{_YEAR}-[01]\d-[0-3]\d)
      | (?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})
      | (?P<dmy>{_DAY}\s+{_MONTH},?\s+{_YEAR})
      | (?P<slash>{_YEAR}/[01]?\d/[0-3]?\d)
    )(?!\d)""",
    re.X | re.I,
)
# "SEOUL, Sept. 13 (Yonhap) --", "MOSCOW, September 13 (Reuters) -", "ST. PETERSBURG, Russia,
# Sept. 13, 2023 (AP) -".
_DATELINE = re.compile(
    rf"""^[ \t]*[A-Z][A-Z.'’\- ]{{1,40}}(?:,[ \t]+[A-Z][A-Za-z.'’\- ]{{1,30}})?,[ \t]+
    (?P<month>{_MONTH})[ \t]+(?P<day>{_DAY})(?:,?[ \t]+(?P<year>{_YEAR}))?
    [ \t]*(?P<agency>\([^()\n]{{1,40}}\))?[ \t]*(?P<dash>--?|[–—])?""",
    re.X | re.M,
)
_YEAR_IN_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?:{_DAY},?\s+)?|{_DAY}\s+{_MONTH},?\s+)(?P<year>{_YEAR})\b"
    rf"|\b(?P<iso>{_YEAR})-[01]\d-[0-3]\d\b",
    re.I,
)
_COPYRIGHT_YEAR = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:{_YEAR}\s*[-–]\s*)?(?P<year>{_YEAR})\b", re.I
)
_TOP_LINES = 5
_TOP_LINE_MAX_CHARS = 80
_DATELINE_WINDOW = 4000


def parse_date_value(value: Any) -> dt.date | None:
    """A date from a header value: date objects, ISO strings, or free text dateutil can read."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text or len(text) > 100:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    text = re.sub(r"\bSept\b\.?", "Sep", text, flags=re.I)
    sentinel = dt.datetime(1, 1, 1)
    try:
        parsed = date_parser.parse(text, default=sentinel, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1:  # no year given: not a date we can place
        return None
    return parsed.date()


def _month_number(month: str) -> int | None:
    return _MONTHS.get(month.lower()[:3])


def _date_from_parts(year: int, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(year, _month_number(month) or 0, int(re.sub(r"\D", "", day)))
    except ValueError:
        return None


def _parse_full_date(match: re.Match[str]) -> dt.date | None:
    text = match.group(0)
    text = re.sub(r"\bSept\b", "Sep", text, flags=re.I).replace(".", " ")
    try:
        return date_parser.parse(text, default=dt.datetime(1, 1, 1), dayfirst=False).date()
    except (ValueError, OverflowError):
        return None


def infer_published(text: str) -> dt.date | None:
    """A publication date from the top of an article, or None when the text does not say.

    Looks at short lines among the first five non-empty lines for a full date, then for a news
    dateline near the top. A dateline without a year takes it from a full date with the same
    month elsewhere in the text, else from the latest year the text writes in a date.
    """
    top = _top_lines(text, _TOP_LINES)
    for line in top:
        if len(line) > _TOP_LINE_MAX_CHARS:
            continue
        match = _FULL_DATE.search(line)
        if match:
            when = _parse_full_date(match)
            if when is not None:
                return when
    dateline = _DATELINE.search(text[:_DATELINE_WINDOW])
    while dateline is not None and not (dateline.group("agency") or dateline.group("dash")):
        dateline = _DATELINE.search(text[:_DATELINE_WINDOW], dateline.end())
    if dateline is None:
        return None
    month, day = dateline.group("month"), dateline.group("day")
    if dateline.group("year"):
        return _date_from_parts(int(dateline.group("year")), month, day)
    year = _year_for(text, month)
    return _date_from_parts(year, month, day) if year else None


def _year_for(text: str, month: str) -> int | None:
    """The year of a month-day date: from a full date in the same month, else the latest year
    written in a date or a copyright line."""
    month_number = _month_number(month)
    same_month: list[int] = []
    years: list[int] = []
    for match in _YEAR_IN_DATE.finditer(text):
        year = int(match.group("year") or match.group("iso"))
        years.append(year)
        written = match.group(0)
        month_match = re.match(r"[A-Za-z]+", written)
        if month_match and _month_number(month_match.group(0)) == month_number:
            same_month.append(year)
    if same_month:
        return max(same_month)
    years.extend(int(match.group("year")) for match in _COPYRIGHT_YEAR.finditer(text))
    return max(years) if years else None


def _top_lines(text: str, count: int) -> list[str]:
    lines = []
    for line in text[:5000].splitlines():
        stripped = line.strip()
        if stripped:
            lines.append(stripped)
            if len(lines) == count:
                break
    return lines


# --------------------------------------------------------------------------------------------
# Titles

_HAS_WORD = re.compile(r"[^\W\d_]{2,}")


def _clean_title(title: str) -> str:
    title = " ".join(str(title).split())
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return title


def _is_date_line(line: str) -> bool:
    match = _FULL_DATE.search(line)
    if not match:
        return False
    rest = (line[: match.start()] + line[match.end() :]).strip(" ,|-–—:")
    rest = re.sub(rf"^{_WEEKDAY}", "", rest, flags=re.I).strip(" ,|-–—:")
    return len(_HAS_WORD.findall(rest)) <= 2


def _infer_title(body: str) -> str:
    """The headline of a scraped page: a line repeated near the top (pages print it as both
    <title> and <h1>, often with the site name or a breadcrumb glued on), else the first line
    with words that is not just a date."""
    candidates = [
        line
        for line in _top_lines(body, 8)
        if _HAS_WORD.search(line) and not _is_date_line(line) and len(line) <= TITLE_MAX_CHARS
    ]
    keys = [_comparable(line) for line in candidates]
    for index, key in enumerate(keys):
        if not _HEADLINE_MIN_CHARS <= len(key) <= _HEADLINE_MAX_CHARS or key.endswith((".", ")")):
            continue
        others = keys[:index] + keys[index + 1 :]
        if any(other == key or other.endswith(key) or other.startswith(key) for other in others):
            return _clean_title(candidates[index])
    if candidates:
        return _clean_title(candidates[0])
    for line in _top_lines(body, 1):
        return _clean_title(line)
    return ""


_HEADLINE_MIN_CHARS = 12
_HEADLINE_MAX_CHARS = 200
_QUOTES = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")


def _comparable(line: str) -> str:
    return " ".join(line.translate(_QUOTES).split())


__all__ = [
    "ARTICLE_SUFFIXES",
    "HtmlPage",
    "InputWarning",
    "decode_html",
    "decode_text",
    "extract_html",
    "infer_published",
    "parse_date_value",
    "read_inputs",
    "split_header",
]
