"""Word knowledge the recogniser needs to tell place names from ordinary words and person names.

Naive dictionary matching fails because GeoNames names thousands of towns after common words
("Said", "Bath", "Kim"). The lists here come from PyPI packages (english-words' Webster's
dictionary, wordfreq frequencies, gender-guesser's international given names), loaded lazily
once per process; the small hand-written sets are grammar, not places.
"""

from __future__ import annotations

import functools
from pathlib import Path

# Words that head a person's name: "President Vladimir Putin", "Mr. Kim", "Gen. Milley".
PERSON_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "president", "vice-president", "premier", "chancellor", "minister", "secretary", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "gov", "governor", "mayor", "general", "gen", "lt", "col", "colonel", "maj", "major", "capt", "captain", "adm", "admiral", "sgt", "sergeant", "cpl", "private", "officer", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "rev", "reverend", "father", "sister", "brother", "sheikh", "emir", "sultan", "ayatollah", "imam", "rabbi", "judge", "justice", "coach", "chairman", "chairwoman", "ceo", "spokesman", "spokeswoman", "spokesperson", "leader", "dictator", "comrade", "marshal", "lord", "lady", "sir", "dame", "mx", "st.", "mrs.", "mr.", "dr.", "gen.", "ms.", "lt.", "col.", "sgt.", "capt.", "adm.", "gov.", "sen.", "rep.", "prof.", "presidents", "ministers", "envoy", "ambassador", "commander", "chief"]
)

# Calendar and other capitalised words that are never places on their own.
NEVER_PLACES = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "i", "you", "he", "she", "it", "we", "they", "his", "her", "its", "our", "their", "my", "your", "this", "that", "these", "those", "there", "here", "the", "a", "an", "and", "or", "but", "if", "when", "while", "after", "before", "as", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with", "without", "about", "against", "between", "during", "under", "over", "today", "tomorrow", "yesterday", "tonight", "mr", "mrs", "ms", "dr", "said", "says", "also", "however", "meanwhile", "christmas", "easter", "ramadan", "eid", "god", "allah", "internet", "covid", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "old", "great", "upper", "lower"]
)

# Verbs of speech after a bare name make it a person: "Noma said", "Keith recalled".
SPEECH_VERBS = frozenset(
    """said says told added recalled explained noted asked replied wrote tweeted insisted
    argued stated claimed warned urged admitted""".split()
)

# Words before a name that introduce a location: "in Allendale", "near Red Oak".
LOCATIVE_WORDS = frozenset(
    """in at from to near into toward towards across via through outside inside around
    across along within throughout between across off of""".split()
)

# Lowercase words allowed inside a multi-word place name: "Sea of Japan", "Rio de Janeiro".
NAME_CONNECTORS = frozenset(
    ["of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "on", "upon", "am", "an", "der", "du", "di", "y", "and", "sur", "en", "au", "aux", "the"]
)

# Words after a place name that make the whole phrase an organisation or thing, not the place.
# The place stays a mention (benchmarks count embedded toponyms) but is never a stop.
ORGANISATION_HEADS = frozenset(
    ["times", "post", "herald", "journal", "tribune", "gazette", "news", "daily", "telegraph", "observer", "guardian", "university", "college", "school", "institute", "hospital", "airlines", "airways", "fc", "united", "city", "council", "police", "company", "corp", "corporation", "inc", "ltd", "bank", "group", "club", "church", "cathedral", "stadium", "review", "press", "agency"]
)


def _data_file(package: str, relative: str) -> Path | None:
    try:
        module = __import__(package, fromlist=["__file__"])
    except ImportError:
        return None
    path = Path(str(module.__file__)).parent / relative
    return path if path.exists() else None


@functools.cache
def _dictionary_words() -> frozenset[str]:
    """Lowercase words of Webster's 2nd: a word listed lowercase is an ordinary English word."""
    try:
        from english_words import get_english_words_set
    except ImportError:
        return frozenset()
    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower())


@functools.cache
def given_names() -> frozenset[str]:
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


@functools.cache
def is_common_word(word: str) -> bool:
    """True for an ordinary English word ("said", "bath", "split"), judged on its lowercase form.

    A word counts when the dictionary lists it in lowercase and it is frequent enough in
    English text that a capitalised use is more likely the word than a small town.
    """
    lower = word.lower()
    if lower in NEVER_PLACES:
        return True
    if lower not in _dictionary_words():
        return False
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return True
    return zipf_frequency(lower, "en") >= 3.0


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()


@functools.cache
def _language_names() -> frozenset[str]:
    try:
        import pycountry
    except ImportError:
        return frozenset()
    return frozenset(lang.name.lower() for lang in pycountry.languages if " " not in lang.name)


def is_language_name(word: str) -> bool:
    """"English", "Swahili": a language, even where a small town shares the name."""
    return word.lower() in _language_names()


@functools.cache
def _surnames() -> frozenset[str]:
    """Common surnames (US census list shipped by the `names` package), lowercased."""
    path = _data_file("names", "dist.all.last")
    if path is None:
        return frozenset()
    with path.open(encoding="utf-8", errors="replace") as handle:
        return frozenset(line.split()[0].lower() for line in handle if line.strip())


def is_surname(word: str) -> bool:
    return word.lower() in _surnames()
