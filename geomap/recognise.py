"""Find place names in an article: gazetteer matches guarded against words and person names.

The gazetteer alone over-matches badly ("Kim", "Said", "Vladimir" are all towns), so a match
becomes a mention only if it survives guards: capitalisation, common English words, person
names seen in the document ("Mr. Kim", "President Vladimir Putin"), small places known only by
an alternate name, and all-capital acronyms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from gazetteer.models import Candidate
from gazetteer.names import ascii_fold, normalize_name
from gazetteer.placetable import trusted
from geomap.models import Article, Mention, Sentence
from geomap.wordlists import (
    LOCATIVE_WORDS,
    NAME_CONNECTORS,
    NEVER_PLACES,
    PERSON_TITLES,
    SPEECH_VERBS,
    is_common_word,
    is_given_name,
    is_language_name,
    is_major_language_name,
    is_surname,
)

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer

MAX_NAME_TOKENS = 6
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:\w|[’'\-‐‑](?=\w))*")
POSSESSIVE_SUFFIXES = ("'s", "’s")
# Characters allowed between the tokens of one name ("St. Petersburg", "Ust-Kut", "Rio de Janeiro").
PERSON_GAP_RE = re.compile(r"[ \t.\-‐‑]{1,3}")
_CONNECTOR_ALTERNATION = "|".join(sorted(NAME_CONNECTORS, key=len, reverse=True))
_CONNECTORS = rf"[ \t]+(?:{_CONNECTOR_ALTERNATION})"
# Between two words of one name: a space, a dot or a dash ("St. Petersburg"), a possessive
# ("Cox's Bazar", "Martha's Vineyard"), or up to two lowercase connectors ("Sea of Japan",
# "Republic of the Congo").
# An elided article or preposition joins too ("Côte d'Ivoire", "Col de l'Iseran", "John o'
# Groats").
_ELIDED = r"[ \t]+(?:d|l|dell|dall|nell|sull|all|o)['’][ \t]?"
NAME_GAP_RE = re.compile(
    rf"[ \t.\-‐‑]{{1,3}}|['’]s[ \t]|{_CONNECTORS}(?:{_CONNECTORS})?[ \t]+"
    rf"|(?:{_CONNECTORS})?{_ELIDED}"
)
_AFTER_COMMA_RE = re.compile(r",[ \t]{1,2}$")
_DOTTED_TAIL_RE = re.compile(r"(?:\.[ ]?[A-Z][a-z]{0,4})*\.")  # "." of "Va.", ".Va." of "W.Va."
LARGE_POPULATION = 1_000_000
STRONG_POPULATION = 100_000
# A town known by an alternate name only counts from this size: GeoNames lists thousands of
# small places by other names, but towns of bilingual regions go by both ("Brixen" is
# Bressanone, 16,000). 15,000 measured no worse than 20,000 on the benchmarks; 10,000 lost
# precision.
# Lowercase words that join the parts of a Romance place name ("Lagos de Covadonga").
NAME_LINKS = frozenset({"de", "del", "da", "do", "di", "dos", "das", "des", "du", "della"})
ALTERNATE_MIN_POPULATION = 15_000
VARIANT_MIN_POPULATION = 2_000  # a transliteration of the main name: see _spelling_variant
# A surname that is also a town this small needs a cue ("in Adams") to count as the town.
SURNAME_TOWN_POPULATION = 30_000
MAJOR_KINDS = frozenset({"country", "continent", "admin1", "capital"})
# Articles and pronouns of other languages that open sentences ("Der Kanzler", "Le président")
# and would otherwise match a town's alternate name.
FOREIGN_FUNCTION_WORDS = frozenset(
    """der die das den dem des ein eine einer er sie wir le la les un une du il elle ils nous
    el los las una lo gli uno het een o os um uma ele ela dit deze""".split()
)
# Capitalised words after a name that make the phrase a newspaper, team or company: the place
# name is embedded in it ("The New York Times") and says nothing about where things happen.
MEDIA_AND_COMPANY_HEADS = frozenset(
    [
        "times",
        "post",
        "herald",
        "journal",
        "tribune",
        "gazette",
        "news",
        "daily",
        "telegraph",
        "observer",
        "guardian",
        "chronicle",
        "courier",
        "airlines",
        "airways",
        "fc",
        "united",
        "inc",
        "ltd",
        "corp",
        "corporation",
        "bank",
        "group",
        "club",
        "review",
        "press",
        "agency",
        "sun",
        "star",
        "mail",
        "mirror",
        "express",
        "examiner",
        "inquirer",
    ]
)
# Capitalised words after a name that make the phrase a building or institution. Named
# buildings often carry a name from elsewhere ("Bellevue Palace" is in Berlin), so only a major
# place keeps its mention there; institutions are usually named for where they are, so a
# sizeable town keeps it ("Ussuriysk station") and only a small one loses it.
NAMED_BUILDING_HEADS = frozenset(
    """palace hotel tower hall building mall theatre theater arena museum square street
    avenue road house villa manor""".split()
)
# A castle is named for the town it guards ("Edinburgh Castle", "Windsor Castle", "Dublin
# Castle"): like an institution, a sizeable town keeps its mention there.
INSTITUTION_HEADS = frozenset(
    """castle airport station university college school institute hospital base centre center church
    cathedral mosque temple prison embassy consulate bridge market international""".split()
)
# Words that end a building's name: what a possessive place owns ("Venice's Santa Lucia station").
FACILITY_HEADS = (
    NAMED_BUILDING_HEADS
    | INSTITUTION_HEADS
    | frozenset("terminal port harbour harbor stadium".split())
)

# Capitalised words that end the name of a meeting, a contest or a body: a region, sea,
# continent or country in it ("Pacific Islands Forum", "Asia Cup", "Arctic Council", "Ukraine
# Recovery Conference") names who takes part, not where anything happens. A sizeable city keeps
# its mention there: "Vilnius Summit" and "Melbourne Cup" take place in the city.
EVENT_AND_BODY_HEADS = frozenset(
    """forum summit conference games cup council olympics championship championships""".split()
)
EVENT_HEAD_REACH = 3  # capitalised words between the place and the head ("Pacific Islands Forum")


class Token(NamedTuple):
    """A capitalised word of the article with the plain words right around it.

    Only capitalised words (and "U.S."-style abbreviations) are tokens: they are all a name can
    be made of. The guards look at most one word to either side ("in Fargo", "Mr. Kim",
    "Keith recalled"), kept as `before` and `after` (lowercased, "" when a mark or more than two
    characters stand between). Everything is computed once: this is the hot path.
    """

    start: int
    end: int
    text: str
    sentence_index: int
    sentence_initial: bool
    lower: str
    before: str
    after: str


def make_token(
    start: int,
    end: int,
    text: str,
    sentence_index: int,
    initial: bool,
    before: str = "",
    after: str = "",
) -> Token:
    return Token(start, end, text, sentence_index, initial, text.lower(), before, after)


_UPPERCASE = "".join(sorted(c for c in map(chr, range(0x3000)) if c.isupper()))
# A capital not after a word character or a period, then initials ("U.S.") or a word. (The
# capital comes first, the look back after it: so the engine scans for capitals quickly. The
# word is runs of word characters joined by single marks, r"(?:\w|[’'\-‐‑](?=\w))*" written
# so that the engine takes a run at a time rather than a character.)
CAPITALISED_TOKEN_RE = re.compile(
    rf"[{re.escape(_UPPERCASE)}](?<![\w.].)(?:\.(?:[^\W\d_]\.)+|\w*(?:[’'\-‐‑](?=\w)\w*)*)"
)
_WORD_CHAR_RE = re.compile(r"\w")
_WORD_AFTER_RE = re.compile(r"\W{1,2}(\w+)")  # the word before: the same on reversed text
_CONTEXT = 30  # characters looked at on each side for the neighbouring word


def tokenize(article: Article, sentences: Sequence[Sentence]) -> list[Token]:
    """Capitalised words with offsets into the article text and their neighbouring words.

    A possessive 's is left out of the token. `sentence_initial` marks a token with no word
    before it in its sentence.
    """
    tokens: list[Token] = []
    append = tokens.append
    new_token = tuple.__new__  # Token(...) without the Python-level __new__ of a NamedTuple
    text = article.text
    word_after = _WORD_AFTER_RE.match
    capitalised_tokens = CAPITALISED_TOKEN_RE.finditer
    word_char = _WORD_CHAR_RE.search
    for sentence in sentences:
        first = True
        s_start, s_end = sentence.start, sentence.end
        index = sentence.index
        # The word before a token is matched backwards, in the reversed sentence: a search for
        # r"(\w+)\W{1,2}$" tries every character. (The same as that search here: a sentence
        # holds no line break for $ to stop at.) Reversed once, not once per token.
        backwards = text[s_start:s_end][::-1]
        for match in capitalised_tokens(text, s_start, s_end):
            start, end = match.span()
            word = match.group()
            if word.endswith(POSSESSIVE_SUFFIXES) and len(word) > 2:
                end -= 2
                word = word[:-2]
            if first:
                initial = not word_char(text, s_start, start)
                first = False
            else:
                initial = False
            # In text[start - _CONTEXT : start] (not before the sentence), reversed; and in
            # text[end : end + _CONTEXT] (not past it). Comparisons, not min() and max(): this
            # runs for every capitalised word.
            window_start = start - _CONTEXT
            if window_start < s_start:
                window_start = s_start
            window_end = end + _CONTEXT
            if window_end > s_end:
                window_end = s_end
            before_match = word_after(backwards, s_end - start, s_end - window_start)
            after_match = word_after(text, end, window_end)
            append(
                new_token(
                    Token,
                    (
                        start,
                        end,
                        word,
                        index,
                        initial,
                        word.lower(),
                        before_match[1][::-1].lower() if before_match else "",
                        after_match[1].lower() if after_match else "",
                    ),
                )
            )
    return tokens


def _close(left: Token, right: Token) -> bool:
    """Nothing but a space or a mark between the tokens."""
    return left.sentence_index == right.sentence_index and right.start - left.end <= 2


def _is_major(candidates: Sequence[Candidate]) -> bool:
    return any(
        c.place.kind in MAJOR_KINDS or c.place.population >= LARGE_POPULATION for c in candidates
    )


class Readings:
    """A phrase's usable candidates with what the guards ask of them all at once.

    Computed once per phrase (the phrase cache keeps it for every article): asked anew with
    any() and all() at each guard, these questions were a good part of recognition's time.
    """

    __slots__ = (
        "candidates",
        "major",
        "strong",
        "dotted_abbreviation",
        "demonym",
        "any_demonym",
        "country",
        "big_area",
        "exempt",
        "short_acronym",
        "own_name",
        "own_major",
        "all_alternate",
        "supplement_own_name",
        "major_own_name",
        "small",
        "sizeable_name",
        "big_town",
        "strong_countries",
        "named_countries",
    )

    def __init__(self, candidates: list[Candidate]) -> None:
        # One pass over the candidates sets every answer: a generator per question cost more
        # than the questions themselves (a first-time phrase builds one of these).
        self.candidates = candidates
        major = strong = any_demonym = country = big_area = exempt = short_acronym = False
        own_name = own_major = supplement_own_name = major_own_name = False
        sizeable_name = big_town = False
        dotted_abbreviation = demonym = all_alternate = small = True
        strong_countries: set[str | None] = set()
        named_countries: set[str] = set()
        for c in candidates:
            place = c.place
            kind = place.kind
            population = place.population
            name_type = c.name_type
            supplement = place.source.startswith("supplement")
            is_major = kind in MAJOR_KINDS
            own = name_type in ("main", "alias")
            alternate = name_type == "alternate"
            large = population >= LARGE_POPULATION
            sizeable = population >= STRONG_POPULATION
            if is_major or large:
                major = True
            if is_major or sizeable or supplement:  # a strong reading
                strong = True
                strong_countries.add(place.country)
            # "U.S.", "W.Va.": every reading a dotted abbreviation.
            if not (name_type == "abbreviation" and c.matched_name.endswith(".")):
                dotted_abbreviation = False
            if name_type == "demonym":
                any_demonym = True
            else:
                demonym = False
            if kind == "country":
                country = True
            if kind in ("country", "continent", "capital"):
                big_area = True
            # Readings that a word of the language does not rule out. A curated feature's own
            # name ("Atlantic" for the ocean) is not a word-named town.
            if kind in ("country", "continent", "capital") or large or (supplement and own):
                exempt = True
            # What a short word in capitals ("EU", "NATO") must be to name a place.
            if (own or name_type == "abbreviation") and (is_major or kind == "region"):
                short_acronym = True
            if own:
                own_name = True
            # Major or a country by a name of its own, not by another language's ("Ben" for
            # Bern).
            if not alternate and (is_major or large or kind == "country"):
                own_major = True
            if not alternate:
                all_alternate = False
            if supplement and own:
                supplement_own_name = True
            if is_major and own:
                major_own_name = True
            if population >= SURNAME_TOWN_POPULATION:
                small = False
            if own or sizeable:
                sizeable_name = True
            if kind in ("city", "capital", "admin2") and sizeable:
                big_town = True
            # The countries the phrase names (a region names its country too: "Anchorage,
            # Alaska" is about the United States).
            if kind in ("country", "admin1") and place.country and not alternate:
                named_countries.add(place.country)
        self.major = major
        self.strong = strong
        self.dotted_abbreviation = dotted_abbreviation
        self.demonym = demonym
        self.any_demonym = any_demonym
        self.country = country
        self.big_area = big_area
        self.exempt = exempt
        self.short_acronym = short_acronym
        self.own_name = own_name
        self.own_major = own_major
        self.all_alternate = bool(candidates) and all_alternate
        self.supplement_own_name = supplement_own_name
        self.major_own_name = major_own_name
        self.small = small
        self.sizeable_name = sizeable_name
        self.big_town = big_town
        # Countries of the readings strong on their own, and the countries the phrase names.
        self.strong_countries = frozenset(strong_countries)
        self.named_countries = frozenset(named_countries)

    def __bool__(self) -> bool:
        return bool(self.candidates)


NO_READINGS = Readings([])
CACHE_LIMIT = 400_000  # phrases remembered per gazetteer before the caches start afresh


class _PhraseCache:
    """Answers for phrases as written, shared by every article a process reads."""

    def __init__(self) -> None:
        self.candidates: dict[str, Readings] = {}
        self.prefixes: dict[str, bool] = {}

    def trim(self) -> None:
        if len(self.candidates) + len(self.prefixes) > CACHE_LIMIT:
            self.candidates.clear()
            self.prefixes.clear()


_CACHES: dict[int, _PhraseCache] = {}


class _Matcher:
    """Longest gazetteer match from a token; lookups are cached per gazetteer and phrase."""

    def __init__(self, gazetteer: Gazetteer, text: str) -> None:
        self.gazetteer = gazetteer
        self.text = text
        cache = _CACHES.get(id(gazetteer))
        if cache is None:
            cache = _CACHES[id(gazetteer)] = _PhraseCache()
        cache.trim()
        self._lookups = cache.candidates
        self._prefixes = cache.prefixes

    def candidates(self, phrase: str) -> Readings:
        found = self._lookups.get(phrase)
        if found is None:
            usable = usable_candidates(self.gazetteer.lookup(normalize_name(phrase)))
            found = self._lookups[phrase] = Readings(usable) if usable else NO_READINGS
        return found

    def has_prefix(self, phrase: str) -> bool:
        known = self._prefixes.get(phrase)
        if known is None:
            known = self.gazetteer.has_prefix(normalize_name(phrase))
            self._prefixes[phrase] = known
        return known

    def spans_from(self, tokens: Sequence[Token], i: int) -> list[tuple[int, Readings, int]]:
        """Every (last token index, readings, end offset) of a name starting at token i,
        longest first."""
        found: list[tuple[int, Readings, int]] = []
        first = tokens[i]
        text = self.text
        # The caches read here first: a method call per cached answer cost more than the answer.
        known_prefixes, known_readings = self._prefixes, self._lookups
        after_comma: bool | None = None  # looked at once a phrase is known to start a name
        for j in range(i, min(i + MAX_NAME_TOKENS, len(tokens))):
            token = tokens[j]
            if token.sentence_index != first.sentence_index:
                break
            if j > i and not NAME_GAP_RE.fullmatch(text[tokens[j - 1].end : token.start]):
                break
            phrase = text[first.start : token.end]
            hyphen = token.text.find("-") if j > i else -1
            if hyphen > 0:
                # "Los Angeles-based", "New York-born": the name ends at the hyphen.
                cut_end = token.start + hyphen
                cut = self.candidates(text[first.start : cut_end])
                if cut:
                    found.append((j, cut, cut_end))
            prefix_known = known_prefixes.get(phrase)
            if prefix_known is None:
                prefix_known = self.has_prefix(phrase)
            if not prefix_known:
                break
            candidates = known_readings.get(phrase)
            if candidates is None:
                candidates = self.candidates(phrase)
            if candidates:
                found.append((j, candidates, token.end))
            if after_comma is None:
                after_comma = bool(
                    _AFTER_COMMA_RE.search(text, max(0, first.start - 3), first.start)
                )
            tail = _DOTTED_TAIL_RE.match(text, token.end) if after_comma else None
            if tail:
                # "Helena, Mont.", "Charleston, W.Va.": the AP state abbreviation keeps its dots,
                # which the tokens leave out; without them "Mont" and "Va" are foreign villages.
                abbreviation = phrase + tail.group()
                readings = self.candidates(abbreviation).candidates
                dotted = [c for c in readings if c.name_type == "abbreviation"]
                if dotted:
                    found.append((j, Readings(dotted), tail.end()))
        found.reverse()
        return found


def usable_candidates(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Drop small places known only by an alternate name: GeoNames lists thousands of those.
    A spelling of the main name ("Murghab" for Murghob) is kept down to a small town."""
    return [
        c
        for c in candidates
        if c.name_type != "alternate"
        or c.place.population >= ALTERNATE_MIN_POPULATION
        or c.place.kind in MAJOR_KINDS
        or c.place.source.startswith("supplement")
        or (c.place.population >= VARIANT_MIN_POPULATION and _spelling_variant(c))
    ]


def _spelling_variant(candidate: Candidate) -> bool:
    """Is the name matched another transliteration of the place's main name (one or two
    letters apart, same length and first letter)?"""
    name = ascii_fold(candidate.matched_name).casefold()
    main = ascii_fold(candidate.place.name).casefold()
    if len(name) < 5 or len(name) != len(main) or name[0] != main[0]:
        return False
    return sum(a != b for a, b in zip(name, main, strict=True)) <= 2


def _three_part_name(tokens: Sequence[Token], i: int, matcher: _Matcher) -> bool:
    """Three capitalised words in a row, the last two rare words naming no place, the first no
    major place: a person's full name ("Ama Serwaa Boateng", "Tran Thi Mai")."""
    if i + 2 >= len(tokens) or tokens[i].sentence_initial and tokens[i].lower in NEVER_PLACES:
        return False
    middle, last = tokens[i + 1], tokens[i + 2]
    if not (_close(tokens[i], middle) and _close(middle, last)):
        return False
    text = matcher.text
    if not (text[tokens[i].end : middle.start] == " " and text[middle.end : last.start] == " "):
        return False
    if any(is_common_word(t.text) or matcher.candidates(t.text) for t in (middle, last)):
        return False
    if matcher.candidates(text[tokens[i].start : middle.end]):
        return False
    own = [
        c for c in matcher.candidates(tokens[i].text).candidates if c.name_type in ("main", "alias")
    ]
    return not _is_major(own)


# A name given to someone ("She is called Mira", "a stork nicknamed Maren"), whatever town
# shares it; a bare "named"/"called" only after a pronoun, as "a town called Mira" is a place.
_NAMING_VERBS = frozenset({"called", "named", "nicknamed", "dubbed"})
_NAMED_AS_RE = re.compile(
    r"(?:\b(?:she|he)(?: is| was|'s)|\bnicknamed|\bdubbed)[ \t]+(?:called[ \t]+|named[ \t]+)?"
    r"[\"“']?$",
    re.IGNORECASE,
)


def person_token_spans(tokens: Sequence[Token], matcher: _Matcher) -> set[int]:
    """Indices of tokens that belong to person names: after a title, or a given name + surname."""
    person: set[int] = set()
    n = len(tokens)
    text = matcher.text
    for i, token in enumerate(tokens):
        if (
            token.after in SPEECH_VERBS
            and not token.sentence_initial
            and token.before not in LOCATIVE_WORDS
            and not matcher.candidates(token.text).major
        ):
            person.add(i)  # "Noma said", "Keith recalled"
        if token.before in _NAMING_VERBS and _NAMED_AS_RE.search(
            text, max(0, token.start - 40), token.start
        ):
            person.add(i)  # "She is called Mira", "the shark, nicknamed Maren": a name given
        is_title = token.lower.rstrip(".") in PERSON_TITLES
        if is_title or token.before in PERSON_TITLES:
            # "President Vladimir Putin", "the leader Kim Jong Un": the names after the title.
            j = i + 1 if is_title else i
            while j < n and j - i <= 4:
                if j > i and not (
                    tokens[j].sentence_index == token.sentence_index
                    and PERSON_GAP_RE.fullmatch(text[tokens[j - 1].end : tokens[j].start])
                ):
                    break  # "Minister Alexander Kozlov (...) Vladivostok": the name has ended
                if tokens[j].lower.rstrip(".") not in PERSON_TITLES:
                    person.add(j)
                j += 1
            continue
        if i + 1 >= n or token.lower in NEVER_PLACES:
            continue
        if not is_given_name(token.text):
            if _three_part_name(tokens, i, matcher):
                person.update((i, i + 1, i + 2))  # "Ama Serwaa Boateng", not Ama in Japan
            continue
        following = tokens[i + 1]
        if (
            i in person  # already the surname of the name before: "Horace Gee, Gainesville"
            or following.sentence_index != token.sentence_index
            or not PERSON_GAP_RE.fullmatch(text[token.end : following.start])
        ):
            continue
        own = matcher.candidates(token.text)
        if (
            own
            and own.own_major
            and (
                is_common_word(following.text)
                or following.lower in MEDIA_AND_COMPANY_HEADS
                or matcher.candidates(following.text)
            )
        ):
            # A major place's alternate name ("Ben" for Bern) does not outweigh a given name;
            # "Sofia Marković" is a person, but "Jordan Valley" and "Paris Match" are not.
            continue
        if is_common_word(following.text) and (
            not is_surname(following.text) or (own and own.strong)
        ):
            continue  # "Jordan Valley", "Reading Station"; but "Taylor Swift" is a person
        after = matcher.candidates(following.text)
        if after and after.major and (own or not is_surname(following.text)):
            continue  # "Carla Mendoza" is a person, a given name and a surname that is a city
        if matcher.candidates(text[token.start : following.end]).sizeable_name:
            continue  # "San Jose", "Sri Lanka": the two words name a place
        person.update((i, i + 1))
        # A third name ("Kim Jong Un") only when it names no place: "Pat Zavoral Fargo" is a
        # person followed by a town.
        third = i + 2
        if (
            third < n
            and _close(following, tokens[third])
            and not matcher.candidates(tokens[third].text)
        ):
            person.add(third)
    return person


# Words after a subject: a name already used for a person and then one of these is the person.
_SUBJECT_VERBS = frozenset(
    "will would has had was is said says told flew arrived left travelled traveled returned "
    "visited met spent took walked drove began reached crossed stayed could can does did "
    "hopes wants plans recalled added".split()
)


def _accept(
    tokens: Sequence[Token],
    i: int,
    j: int,
    readings: Readings,
    person_words: set[str],
) -> bool | None:
    """The guards: does tokens[i..j] with these readings name a place here?

    None means "only if the document names the place's country elsewhere".
    """
    first = tokens[i]
    single = i == j
    major = readings.major
    strong = readings.strong
    if first.before in PERSON_TITLES and not major:
        return False
    if readings.dotted_abbreviation:
        # "U.S.", "W.Va.": dotted abbreviations are no words and no person's name; but after a
        # number "B.C." is a year ("2,000 U.S. troops" are still American).
        return not first.before.isdigit() or readings.country
    if readings.demonym:
        # "Americans" are people; only the adjective refers to the place.
        last = tokens[j].text
        return not (last.endswith("s") and not last.endswith("ss"))
    if single:
        word = first.text
        if word.lower() in NEVER_PLACES or word.lower() in FOREIGN_FUNCTION_WORDS:
            return False
        previous = tokens[i - 1] if i > 0 else None
        if (
            previous is not None
            and previous.sentence_index == first.sentence_index
            and first.start - previous.end == 1
            and previous.lower not in NEVER_PLACES  # "The Atlantic", "A Midland"
            and previous.lower not in LOCATIVE_WORDS  # "Near Franklin"
            and is_common_word(word)
            and not any(
                c.place.kind in ("country", "continent", "capital")
                and c.name_type != "alternate"
                and c.place.name.casefold() == word.casefold()  # not "The Valley" in "Rift Valley"
                for c in readings.candidates
            )
        ):
            return False  # "Rogers Centre", "Health Center": a word heading an institution's name
        shouting = word.isupper() and len(word) > 1 and "." not in word
        if shouting and len(word) <= 4:
            # "K2": a curated feature's own name with a digit is no acronym
            return readings.short_acronym or (
                readings.supplement_own_name and any(ch.isdigit() for ch in word)
            )
        if shouting and not readings.own_name:
            return False
        introduced = first.before in LOCATIVE_WORDS
        # "Swahili" is a language, but "Ottawa" and "Delaware" name a capital and a state first,
        # and "to Vanimo" is a town whose name a small language shares.
        if (
            is_language_name(word)
            and not readings.any_demonym
            and not readings.major_own_name
            and not (introduced and first.before != "in" and not is_major_language_name(word))
        ):
            return False
        # A word that is also a region ("Pool", a Congolese department) needs more than that.
        if is_common_word(word) and not readings.exempt and not (introduced and not shouting):
            if first.sentence_initial or shouting or not strong:
                return False
            return None  # a word and a sizeable town: only if the document is about its country
        if first.lower in person_words and (
            not major
            or (not introduced and (first.after in _SUBJECT_VERBS or first.after.isdigit()))
        ):
            # "Crown Princess Victoria ... Victoria will remain in Astana": the person again
            return False
        if readings.small and not strong and is_surname(word) and not introduced:
            return False
        following = tokens[j + 1] if j + 1 < len(tokens) else None
        if (
            tokens[j].after in NAME_LINKS
            and following is not None
            and following.sentence_index == first.sentence_index
            and following.before == tokens[j].after
            and following.start - tokens[j].end == len(tokens[j].after) + 2
        ):
            return False  # "the Lagos de Covadonga": part of a longer name the gazetteer lacks
        if (
            following is not None
            and following.sentence_index == first.sentence_index
            and following.start - tokens[j].end == 1  # "Pat Zavoral", not "DUBROVNIK, Croatia"
            # Before another name, a place known here only by a foreign alternate name is a
            # person's given name: "Ama Serwaa Boateng" (not Amman), "Ben Gurion" (not Bern).
            and (not strong or readings.all_alternate)
            and not is_common_word(following.text)
        ):
            return False
    return True


def _hyphen_parts(
    token: Token,
    tokens: Sequence[Token],
    i: int,
    matcher: _Matcher,
    person_words: set[str],
    article: Article,
) -> list[tuple[Mention, Readings, bool]]:
    """Places inside a hyphenated word that is not itself a name: "D-Oakland", "Fargo-Moorhead"."""
    if "-" not in token.text:
        return []
    found: list[tuple[Mention, Readings, bool]] = []
    offset = token.start
    for part in token.text.split("-"):
        start, offset = offset, offset + len(part) + 1
        if len(part) < 3 or not part[:1].isupper():
            continue
        readings = matcher.candidates(part)
        if not readings:
            continue
        sub = make_token(
            start,
            start + len(part),
            part,
            token.sentence_index,
            token.sentence_initial,
            before=token.before if start == token.start else "",
        )
        before = list(tokens[max(0, i - 1) : i])
        window = [*before, sub, *tokens[i + 1 : i + 2]]
        verdict = _accept(window, len(before), len(before), readings, person_words)
        if verdict is False:
            continue
        mention = Mention(
            article_id=article.id,
            sentence_index=token.sentence_index,
            start=sub.start,
            end=sub.end,
            surface=part,
            demonym=readings.demonym,
            embedded=True,  # a modifier ("Pyongyang-Moscow relations"), not where things happen
        )
        found.append((mention, readings, verdict is None))
    return found


def _following_head(tokens: Sequence[Token], j: int, text: str) -> str | None:
    """The lowercased capitalised word right after a name, if it continues the phrase."""
    k = j + 1
    if k >= len(tokens):
        return None
    following = tokens[k]
    if (
        following.sentence_index != tokens[j].sentence_index
        or not text[tokens[j].end : following.start].isspace()
    ):
        return None
    return following.lower


def _names_an_event_or_body(tokens: Sequence[Token], j: int, text: str, readings: Readings) -> bool:
    """Is the place at tokens[..j] part of the name of a meeting, contest or body?"""
    if readings.big_town:
        return False
    for k in range(j + 1, min(j + 1 + EVENT_HEAD_REACH, len(tokens))):
        following = tokens[k]
        gap = text[tokens[k - 1].end : following.start]
        if following.sentence_index != tokens[j].sentence_index or gap not in (" ", "-"):
            return False
        if following.lower in EVENT_AND_BODY_HEADS:
            return True
    return False


def _names_a_facility_of(
    found: Sequence[tuple[Mention, Readings, bool]],
    tokens: Sequence[Token],
    i: int,
    j: int,
    text: str,
) -> bool:
    """Is tokens[i..j] the name of a building in the place just named with a possessive?

    "Venice's Santa Lucia station", "Moscow's Yaroslavsky station": the name is the station's,
    not another place's (Saint Lucia); the place is the possessor.
    """
    if i == 0 or not found or (tokens[j].after not in FACILITY_HEADS):
        return False
    owner = tokens[i - 1]
    return (
        found[-1][0].end == owner.end
        and owner.sentence_index == tokens[i].sentence_index
        and text[owner.end : tokens[i].start].rstrip() in POSSESSIVE_SUFFIXES
    )


def find_mentions(
    article: Article, sentences: Sequence[Sentence], gazetteer: Gazetteer
) -> list[Mention]:
    """Place mentions in reading order, longest match first, never overlapping."""
    tokens = tokenize(article, sentences)
    matcher = _Matcher(gazetteer, article.text)
    person_indices = person_token_spans(tokens, matcher)
    person_words = {tokens[k].lower for k in person_indices}
    found: list[tuple[Mention, Readings, bool]] = []  # (mention, readings, needs context)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in person_indices or token.lower == "the":
            i += 1
            continue
        accepted = None
        for j, readings, end in matcher.spans_from(tokens, i):
            verdict = _accept(tokens, i, j, readings, person_words)
            if verdict is not False:
                accepted = (j, readings, verdict is None, end)
                break
        if accepted is None:
            found.extend(_hyphen_parts(token, tokens, i, matcher, person_words, article))
            i += 1
            continue
        j, readings, needs_context, end = accepted
        head = _following_head(tokens, j, article.text)
        if (head in NAMED_BUILDING_HEADS and not readings.major) or (
            head in INSTITUTION_HEADS and not readings.strong
        ):
            i = j + 1
            continue
        start = token.start
        # Every field given, each already of its type (the flags are bools): no validation.
        mention = trusted(
            Mention,
            {
                "article_id": article.id,
                "sentence_index": token.sentence_index,
                "start": start,
                "end": end,
                "surface": article.text[start:end],
                "demonym": readings.demonym,
                "embedded": head in MEDIA_AND_COMPANY_HEADS
                or _names_an_event_or_body(tokens, j, article.text, readings)
                or _names_a_facility_of(found, tokens, i, j, article.text),
            },
        )
        found.append((mention, readings, needs_context))
        i = j + 1
    named_countries: set[str | None] = set()
    for _, readings, needs_context in found:
        if not needs_context:
            named_countries |= readings.named_countries
    return [
        mention
        for mention, readings, needs_context in found
        if not needs_context or not readings.strong_countries.isdisjoint(named_countries)
    ]
