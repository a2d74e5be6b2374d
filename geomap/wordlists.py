"""Word knowledge the recogniser needs to tell place names from ordinary words and person names.

Naive dictionary matching fails because GeoNames names thousands of towns after common words
("Said", "Bath", "Kim"). The lists here come from PyPI packages (english-words' Webster's
dictionary, wordfreq frequencies, gender-guesser's international given names), loaded lazily
once per process; the small hand-written sets are grammar, not places.

Deriving the lists from those packages costs about a second per process (importing wordfreq,
unpickling the dictionary, parsing the name files), so they are derived once and kept as one
text file in the user cache directory (GEOMAP_CACHE_DIR if set), named by a key over the
source packages' versions and this module's source: a new package version or a changed rule
here makes a new file. Where the cache cannot be written, the lists are derived in memory as
before.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

# fmt: off
# Words that head a person's name: "President Vladimir Putin", "Mr. Kim", "Gen. Milley".
PERSON_TITLES = frozenset(
    [
        "mr", "mrs", "ms", "miss", "dr", "prof", "president", "vice-president", "premier",
        "chancellor", "minister", "secretary", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "gov", "governor", "mayor", "general", "gen", "lt", "col",
        "colonel", "maj", "major", "capt", "captain", "adm", "admiral", "sgt", "sergeant", "cpl",
        "private", "officer", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop",
        "rev", "reverend", "father", "sister", "brother", "sheikh", "emir", "sultan", "ayatollah",
        "imam", "rabbi", "judge", "justice", "coach", "chairman", "chairwoman", "ceo", "spokesman",
        "spokeswoman", "spokesperson", "leader", "dictator", "comrade", "marshal", "lord", "lady",
        "sir", "dame", "mx", "st.", "mrs.", "mr.", "dr.", "gen.", "ms.", "lt.", "col.", "sgt.",
        "capt.", "adm.", "gov.", "sen.", "rep.", "prof.", "presidents", "ministers", "envoy",
        "ambassador", "commander", "chief",
    ]
)

# Calendar and other capitalised words that are never places on their own.
NEVER_PLACES = frozenset(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "i", "you", "he", "she", "it", "we", "they", "his", "her", "its",
        "our", "their", "my", "your", "this", "that", "these", "those", "there", "here", "the",
        "a", "an", "and", "or", "but", "if", "when", "while", "after", "before", "as", "at", "by",
        "for", "from", "in", "into", "of", "on", "to", "with", "without", "about", "against",
        "between", "during", "under", "over", "today", "tomorrow", "yesterday", "tonight", "mr",
        "mrs", "ms", "dr", "said", "says", "also", "however", "meanwhile", "christmas", "easter",
        "ramadan", "eid", "god", "allah", "internet", "covid", "north", "south", "east", "west",
        "northern", "southern", "eastern", "western", "central", "new", "old", "great", "upper",
        "lower", "niña", "niño",  # La Niña and El Niño are weather, not towns
        # weekdays and months in French, Spanish, German, Italian and Portuguese, which open
        # sentences of articles in those languages ("Lundi, le peloton ...") and name towns
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
        "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "montag", "dienstag",
        "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunedì", "martedì",
        "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "janvier", "février", "mars",
        "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "enero", "febrero", "marzo", "abril", "junio", "julio", "septiembre", "octubre",
        "noviembre", "diciembre", "januar", "februar", "märz", "juni", "juli", "oktober",
        "dezember", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre",
        "ottobre", "dicembre", "janeiro", "fevereiro", "março", "junho", "julho", "setembro",
        "outubro", "dezembro",
    ]
)

# Verbs of speech after a bare name make it a person: "Noma said", "Keith recalled".
SPEECH_VERBS = frozenset(
    [
        "said", "says", "told", "added", "recalled", "explained", "noted", "asked", "replied",
        "wrote", "tweeted", "insisted", "argued", "stated", "claimed", "warned", "urged",
        "admitted",
    ]
)

# Words before a name that introduce a location: "in Allendale", "near Red Oak".
LOCATIVE_WORDS = frozenset(
    [
        "in", "at", "from", "to", "near", "into", "toward", "towards", "across", "via", "through",
        "outside", "inside", "around", "across", "along", "within", "throughout", "between",
        "across", "off", "of",
    ]
)

# Lowercase words allowed inside a multi-word place name: "Sea of Japan", "Rio de Janeiro".
NAME_CONNECTORS = frozenset(
    [
        "of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "on", "upon",
        "am", "an", "der", "du", "di", "y", "and", "sur", "en", "au", "aux", "the", "della",
        "delle", "dello", "degli", "dei",
    ]
)

# Words after a place name that make the whole phrase an organisation or thing, not the place.
# The place stays a mention (benchmarks count embedded toponyms) but is never a stop.
ORGANISATION_HEADS = frozenset(
    [
        "times", "post", "herald", "journal", "tribune", "gazette", "news", "daily", "telegraph",
        "observer", "guardian", "university", "college", "school", "institute", "hospital",
        "airlines", "airways", "fc", "united", "city", "council", "police", "company", "corp",
        "corporation", "inc", "ltd", "bank", "group", "club", "church", "cathedral", "stadium",
        "review", "press", "agency",
    ]
)

# fmt: on

# PyPI distributions the derived lists come from: their versions key the cache file.
SOURCE_PACKAGES = ("english-words", "wordfreq", "gender-guesser", "names", "pycountry")
COMMON_ZIPF = 3.0  # wordfreq's Zipf scale: 3.0 is once per million words


class WordSets(NamedTuple):
    """The derived lists, all lowercase."""

    common: frozenset[str]  # dictionary words frequent enough to be read as words
    given: frozenset[str]
    surnames: frozenset[str]
    languages: frozenset[str]


def _data_file(package: str, relative: str) -> Path | None:
    try:
        module = __import__(package, fromlist=["__file__"])
    except ImportError:
        return None
    path = Path(str(module.__file__)).parent / relative
    return path if path.exists() else None


@functools.cache
def _dictionary_words() -> frozenset[str]:
    """Words two dictionaries list in lowercase: ordinary English words.

    Webster's 2nd (web2) is American; GCIDE adds British spellings ("centre", "programme").
    """
    try:
        from english_words import get_english_words_set
    except ImportError:
        return frozenset()
    words = get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower())


def _zipf_at_least_common(lower: str) -> bool:
    """wordfreq's verdict for one dictionary word; True when wordfreq is not installed."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return True
    return zipf_frequency(lower, "en") >= COMMON_ZIPF


def _derive_common_words() -> frozenset[str]:
    """All dictionary words with Zipf frequency >= COMMON_ZIPF (NEVER_PLACES is checked apart).

    Asking wordfreq about all 210,000 words takes seconds; its frequency table rules most out
    at once: a plain ASCII word is one token whose frequency is the table's entry, so one far
    below the threshold cannot reach it. Every other word gets wordfreq's own verdict.
    """
    words = _dictionary_words()
    try:
        from wordfreq import get_frequency_dict, zipf_frequency
    except ImportError:
        return words
    frequencies = get_frequency_dict("en")
    floor = 10 ** (COMMON_ZIPF - 0.1 - 9)  # margin for wordfreq's rounding
    return frozenset(
        word
        for word in words
        if not (word.isascii() and word.isalpha() and frequencies.get(word, 0.0) < floor)
        and zipf_frequency(word, "en") >= COMMON_ZIPF
    )


def _derive_given_names() -> frozenset[str]:
    """Lowercased international given names (gender-guesser's list, ~45k names)."""
    path = _data_file("gender_guesser", "data/nam_dict.txt")
    if path is None:
        return frozenset()
    names: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) >= 2:
                names.add(parts[1].replace("+", " ").lower())
    return frozenset(names)


def _derive_surnames() -> frozenset[str]:
    """Common surnames (US census list shipped by the `names` package), lowercased."""
    path = _data_file("names", "dist.all.last")
    if path is None:
        return frozenset()
    with path.open(encoding="utf-8", errors="replace") as handle:
        return frozenset(line.split()[0].lower() for line in handle if line.strip())


def _derive_language_names() -> frozenset[str]:
    try:
        import pycountry
    except ImportError:
        return frozenset()
    return frozenset(lang.name.lower() for lang in pycountry.languages if " " not in lang.name)


def _serialise(sets: WordSets) -> str:
    """Per list a "[name] count" line and its words in sorted order (words hold no newline)."""
    lines: list[str] = []
    for name, words in zip(WordSets._fields, sets, strict=True):
        clean = sorted(w for w in words if "\n" not in w and "\r" not in w)
        lines.append(f"[{name}] {len(clean)}")
        lines.extend(clean)
    return "\n".join(lines) + "\n"


def _parse(text: str) -> WordSets:
    lines = text.split("\n")
    sets: list[frozenset[str]] = []
    position = 0
    for name in WordSets._fields:
        label, _, count_text = lines[position].partition(" ")
        if label != f"[{name}]":
            raise ValueError(f"expected [{name}]")
        count = int(count_text)
        sets.append(frozenset(lines[position + 1 : position + 1 + count]))
        position += 1 + count
    return WordSets(*sets)


def _derive_all() -> WordSets:
    return WordSets(
        common=_derive_common_words(),
        given=_derive_given_names(),
        surnames=_derive_surnames(),
        languages=_derive_language_names(),
    )


@functools.cache
def _cached_sets() -> WordSets:
    """The lists, read from the user cache (derived and stored there on first use)."""
    from geomap.diskcache import cached_text, package_versions, source_of

    key = [*package_versions(*SOURCE_PACKAGES), source_of(__file__), f"zipf>={COMMON_ZIPF}"]
    return _parse(cached_text("wordlists", key, lambda: _serialise(_derive_all())))


def given_names() -> frozenset[str]:
    """Lowercased international given names (gender-guesser's list, ~45k names)."""
    return _cached_sets().given


@functools.cache
def is_common_word(word: str) -> bool:
    """True for an ordinary English word ("said", "bath", "split"), judged on its lowercase form.

    A word counts when the dictionary lists it in lowercase and it is frequent enough in
    English text that a capitalised use is more likely the word than a small town.
    """
    lower = word.lower()
    return lower in NEVER_PLACES or lower in _cached_sets().common


@functools.cache  # asked again and again of the same capitalised words
def is_given_name(word: str) -> bool:
    return word.lower() in _cached_sets().given


@functools.cache  # asked again and again of the same capitalised words
def is_language_name(word: str) -> bool:
    """Say "English" or "Swahili" is a language, even where a small town shares the name."""
    return word.lower() in _cached_sets().languages


@functools.cache
def _major_language_names() -> frozenset[str]:
    """Languages with a two-letter ISO 639-1 code: the ones news names ("Swahili", "Hausa")."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    return frozenset(lang.name.lower() for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@functools.cache  # asked again and again of the same capitalised words
def is_major_language_name(word: str) -> bool:
    """ "Swahili" is a language news names; "Vanimo" is first a town, then a Papuan language."""
    return word.lower() in _major_language_names()


@functools.cache  # asked again and again of the same capitalised words
def is_surname(word: str) -> bool:
    """Common surnames (US census list shipped by the `names` package)."""
    return word.lower() in _cached_sets().surnames
