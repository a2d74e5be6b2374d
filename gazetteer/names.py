"""Name normalisation shared by the index builder and look-ups, so both sides agree on every key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u02bb": "'",
        "\u2032": "'",
    }
)
# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, etc.
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"\s+")
# Letters that have no decomposition in NFKD but that people spell without the mark.
_EXTRA_FOLDS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "ł": "l",
        "þ": "th",
        "ŀ": "l",
    }
)


# Characters that the quote and dash tables rewrite (most names have none: skip the rewrite).
_QUOTES_OR_DASHES = re.compile(
    "["
    + "".join(chr(c) for c in _APOSTROPHES)
    + r"\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]"
)


def _normalize(s: str) -> str:
    if (
        s.isascii()
        and s.isprintable()
        and "`" not in s
        and "  " not in s
        and s[:1] != " "
        and s[-1:] != " "
    ):
        # Fast path for most names: NFKC and the quote/dash tables change nothing in plain ASCII.
        text = s.lower()
        return text[4:] if text.startswith("the ") and len(text) > 4 else text
    text = unicodedata.normalize("NFKC", s).casefold()
    if _QUOTES_OR_DASHES.search(text):
        text = _DASHES.sub("-", text.translate(_APOSTROPHES))
    if "  " in text or not text.isprintable():
        # Non-printable covers every whitespace but the plain space (tabs, no-break spaces...).
        text = _SPACES.sub(" ", text)
    if text[:1] == " " or text[-1:] == " ":
        text = text.strip()
    if text.startswith("the ") and len(text) > 4:
        text = text[4:].lstrip()
    return text


@lru_cache(maxsize=65536)
def normalize_name(s: str) -> str:
    """The key a name is indexed and looked up under: case, quotes, dashes and spacing unified;
    a leading "the " dropped."""
    return _normalize(s)


# Combining marks of Latin, Greek and Cyrillic letters (the accents people drop when writing).
_NEEDS_EXTRA_FOLD = re.compile("[" + "".join(chr(c) for c in _EXTRA_FOLDS) + "]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def ascii_fold(norm: str) -> str:
    """Strip diacritics from an already normalised name ("são paulo" -> "sao paulo")."""
    if norm.isascii():
        return norm
    if _NEEDS_EXTRA_FOLD.search(norm):
        norm = norm.translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", norm)
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed))


def index_keys(name: str) -> list[str]:
    """Every key a name is indexed under: its normalised form and, if different, its ascii fold
    (only when that is all ASCII: folding other scripts just adds noise)."""
    norm = _normalize(name)  # uncached: the build sees each of a million names about once
    if not norm:
        return []
    folded = ascii_fold(norm)
    if folded != norm and folded.isascii():
        return [norm, folded]
    return [norm]


def slugify(name: str) -> str:
    """A stable id for a hand-written place: "Vostochny Cosmodrome" -> "vostochny-cosmodrome"."""
    folded = ascii_fold(normalize_name(name))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
