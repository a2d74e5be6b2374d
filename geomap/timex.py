"""Time expressions: find them in a sentence and normalise them to dates.

News rarely writes full dates: it writes "on Tuesday", "late July", "four years ago", "Sept. 13".
Those only mean something relative to the article's publication date (or its dateline), and
weekdays point backwards in past-tense sentences and forwards in future-tense ones. Nothing is
guessed without a cue in the text: no expression, no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

from geomap.gates import literal_finder
from geomap.models import TimeSpan

Tense = Literal["past", "future"]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
    "a few": 3,
}  # fmt: skip
DAY_PARTS = ("early morning", "morning", "afternoon", "evening", "night", "overnight", "dawn",
             "noon", "midday", "midnight", "daybreak", "dusk")  # fmt: skip

_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_DAY_RE = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_PART_RE = r"(?:early |late |mid-|mid |the end of |the beginning of |the start of )"
_NUM_RE = (
    r"(?:\d+|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
)
_CLOCK_RE = (
    r"(?:(?:at |around |about |shortly after |just after |before |after )?"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?:\s?(?:GMT|UTC|local time))?"
    r"|(?:at |around |about |shortly after |just after |before |after )?"
    r"(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?)"
)

# A month with no day after it: how the "month" pattern ends, and so what it must contain.
_LONE_MONTH_RE = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Sept\.?|Aug\.?|Oct\.?|Nov\.?|Dec\.?|Jan\.?|Feb\.?)\b(?!\s+[0-3]?\d\b)"
)


@dataclass(frozen=True)
class TimeExpression:
    """One time expression: where it is in the text given, and what it means."""

    start: int
    end: int
    text: str
    span: TimeSpan
    explicit_year: bool = False  # the text names the year ("in 2019", "April 25, 2019")
    relative: bool = False  # depends on the publication date ("on Tuesday", "last week")
    kind: str = ""  # which pattern matched: "weekday", "month_day", "neighbour_day", ...


# One pattern per kind; the order matters only for overlaps (longest match wins anyway).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>" + _YEAR_RE + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "month_day",
        re.compile(
            r"\b(?:(?P<wd>" + _WEEKDAY_RE + r"),?\s+)?(?P<part>" + _PART_RE + r")?"
            r"(?P<mon>" + _MONTH_RE + r")\s+(?P<d>" + _DAY_RE + r")\b(?!\s*(?:km|kilomet|mile|%))"
            r"(?:,?\s+(?P<y>" + _YEAR_RE + r")\b)?"
        ),
    ),
    (
        "day_month",
        re.compile(
            r"\b(?:(?P<wd>" + _WEEKDAY_RE + r"),?\s+)?(?P<d>" + _DAY_RE + r")\s+(?:of\s+)?"
            r"(?P<mon>" + _MONTH_RE + r")(?:,?\s+(?P<y>" + _YEAR_RE + r")\b)?"
        ),
    ),
    (
        "month_year",
        re.compile(
            r"\b(?P<part>"
            + _PART_RE
            + r")?(?P<mon>"
            + _MONTH_RE
            + r"),?\s+(?P<y>"
            + _YEAR_RE
            + r")\b"
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?P<pre>(?i:in|since|during|until|by|from|this|last|next|of|on|early|late|mid))"
            r"[\s-]+)(?P<part>" + _PART_RE + r")?" + _LONE_MONTH_RE
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?P<pre>(?i:in|since|during|until|by|from|of|back in|early|late|mid|the summer of|"
            r"the spring of|the autumn of|the fall of|the winter of))[\s-]+(?P<y>"
            + _YEAR_RE
            + r")\b(?!\s*(?:km|kilomet|mile|people|troops|%))"
            # "whose 1976 voyage", "Kim's 2019 Vladivostok trip": a year naming a journey
            + r"|(?<![\d,.$£€])\b(?P<y2>"
            + _YEAR_RE
            + r")(?=\s+(?:[A-Z][\w'’-]+\s+){0,2}(?:trip|voyage|visit|tour|journey|expedition|"
            r"crossing|pilgrimage|flight|cruise|race|rally)s?\b)"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<rel2>early|late)\s+)?(?:(?P<rel>on|last|next|this|since|until|by|early|"
            r"late|from)\s+)?(?P<wd>" + _WEEKDAY_RE + r")"
            r"(?:\s+(?P<dp>morning|afternoon|evening|night))?"
            r"(?:,?\s+(?:of\s+)?(?P<wk>last|next|this)\s+week)?\b"  # "on Monday of last week"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<w>yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|"
            r"this evening|earlier today|later today|the day before yesterday|"
            r"the day after tomorrow)(?:\s+(?P<dp>morning|afternoon|evening|night))?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?P<rel>last|next|this|earlier this|later this|early next|late last|"
            r"earlier in the|later in the)\s+(?P<unit>week|month|year|weekend)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>" + _NUM_RE + r")\s+(?P<unit>day|week|month|year|decade)s?\s+"
            r"(?P<dir>ago|earlier|later|before|from now)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "neighbour_day",
        re.compile(
            r"\b(?P<w>the previous day|the day before|the next day|the following day|"
            r"a day later|a day earlier|the same day|that day|that evening|that night|"
            r"the next morning|the following morning)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "clock",
        re.compile(r"(?<![\w:.])" + _CLOCK_RE + r"(?![\w:])", re.IGNORECASE),
    ),
    (
        "daypart",
        re.compile(
            r"\b(?P<w>late at night|early in the morning|in the early hours|at dawn|at noon|"
            r"at midday|at midnight|at daybreak|overnight|in the morning|in the afternoon|"
            r"in the evening|at night|(?:shortly |just |soon )?(?:after|before) (?:dawn|"
            r"daybreak|sunrise|midnight|noon|midday))\b",
            re.IGNORECASE,
        ),
    ),
]

# Cheap guards: each pattern needs one of these literals (in the text as written, or in its
# lowercase form for the case-insensitive patterns), so a sentence without any skips it.
_MONTH_LITERALS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                   "Dec")  # fmt: skip
_PATTERN_GUARDS: dict[str, tuple[bool, tuple[str, ...]]] = {
    # kind: (lowercase?, literals)
    "iso": (False, ("-",)),
    "month_day": (False, _MONTH_LITERALS),
    "day_month": (False, _MONTH_LITERALS),
    "month_year": (False, _MONTH_LITERALS),
    # Its months are only written out or cut after three letters ("Mar" lets "Mark" through).
    "month": (False, ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sep", "Oct",
                      "Nov", "Dec")),
    "year": (False, ("1", "2")),
    "weekday": (False, tuple(w.capitalize() for w in WEEKDAYS)),
    "deictic": (True, ("yesterday", "today", "tomorrow", "tonight", "last night",
                       "this morning", "this afternoon", "this evening")),
    "period": (True, ("week", "month", "year")),
    "ago": (True, ("ago", "earlier", "later", "before", "from now")),
    "neighbour_day": (True, ("day", "that evening", "that night", "morning")),
    "clock": (False, ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    "daypart": (True, ("night", "morning", "early hours", "dawn", "noon", "midday", "midnight",
                       "sunrise",
                       "daybreak", "afternoon", "evening")),
}  # fmt: skip
_DIGIT_KINDS = frozenset({"iso", "month_day", "day_month", "month_year", "year", "clock"})
_HAS_DIGIT = re.compile(r"\d")


# Guards that are patterns of their own: the patterns a lone digit lets through, with what
# each must contain.
_GUARD_RES: dict[str, re.Pattern[str]] = {
    "iso": re.compile(r"\d-[01]\d-[0-3]\d"),  # 2023-09-13
    "clock": re.compile(r"\d(?:[:.][0-5]\d|\s?[apAP]\.?[mM])"),  # 6:30, 6 p.m.
    "year": re.compile(r"(?:1[89]|20)\d\d"),
}
# What some patterns that their literal guards let through mostly in vain must contain,
# checked once the literal guard has passed.
_MONTH_WORD_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_TIGHT_GUARD_RES: dict[str, re.Pattern[str]] = {
    "month_day": re.compile(_MONTH_WORD_RE + r"\s+\d"),  # Sept. 13
    "day_month": re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD_RE),  # 13 Sept
    "month_year": re.compile(_MONTH_WORD_RE + r",?\s+" + _YEAR_RE),  # September 2023
    # The pattern's own end: a month not followed by a day (found quickly, as it starts
    # with a capital, where the pattern starts with a look at every word boundary).
    "month": re.compile(_LONE_MONTH_RE),
}
# For a case-blind pattern: words (lowercase) one of which it needs, looked for in the same scan
# as the literal guards (under the kind "<kind>+"); or one of the letters that IGNORECASE
# matches to an ASCII letter without lowercasing to it (İ, ı, ſ, the Kelvin sign).
_TIGHT_WORDS: dict[str, tuple[str, ...]] = {
    "neighbour_day": ("previous day", "day before", "next day", "following day", "day later",
                      "day earlier", "same day", "that day", "that evening", "that night",
                      "next morning", "following morning"),
    "daypart": ("at night", "the morning", "early hours", "at dawn", "at noon", "at midday",
                "at midnight", "at daybreak", "overnight", "the afternoon", "the evening",
                *(f"{when} {hour}" for when in ("after", "before")
                  for hour in ("dawn", "daybreak", "sunrise", "midnight", "noon", "midday"))),
}  # fmt: skip
_CASE_FOLDING_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _literal_kinds(lowercase: bool) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One `literal_finder` for the literals of every other guard on the text as written (or
    on its lowercase form), and for each literal it can match the kinds whose guards it
    passes: those with a literal it begins with."""
    guards = {
        kind: literals
        for kind, (on_lowercase, literals) in _PATTERN_GUARDS.items()
        if on_lowercase == lowercase and kind not in _GUARD_RES
    }
    if lowercase:
        guards.update((kind + "+", words) for kind, words in _TIGHT_WORDS.items())
    every = {literal for literals in guards.values() for literal in literals}
    kinds_of = {
        literal: frozenset(
            kind for kind, literals in guards.items() if literal.startswith(tuple(literals))
        )
        for literal in every
    }
    return literal_finder(every), kinds_of


_LITERAL_KINDS = {lowercase: _literal_kinds(lowercase) for lowercase in (False, True)}


def _kinds_found(text: str, lowercase: bool) -> set[str]:
    """The kinds whose literal guards (on the lowercase text, if `lowercase`) the text passes."""
    finder, kinds_of = _LITERAL_KINDS[lowercase]
    search = finder.search
    found: set[str] = set()
    m = search(text)
    while m is not None:
        found |= kinds_of[m.group()]
        m = search(text, m.start() + 1)
    return found


# Each pattern: (kind, pattern, its own guard pattern if any, its tighter guard pattern if
# any, needs a digit?).
_GUARDED_PATTERNS = [
    (kind, pattern, _GUARD_RES.get(kind), _TIGHT_GUARD_RES.get(kind), kind in _DIGIT_KINDS)
    for kind, pattern in _PATTERNS
]


def _passes_tight_words(kind: str, found: set[str], text: str) -> bool:
    return (
        kind not in _TIGHT_WORDS
        or kind + "+" in found
        or any(map(text.__contains__, _CASE_FOLDING_LETTERS))
    )


def _candidate_patterns(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns whose guards pass. The literal guards are checked all at once, by one scan
    of the text and one of its lowercase form (_kinds_found)."""
    has_digit = _HAS_DIGIT.search(text) is not None
    found = _kinds_found(text, False) | _kinds_found(text.lower(), True)
    kinds: list[tuple[str, re.Pattern[str]]] = []
    for kind, pattern, guard, tight, needs_digit in _GUARDED_PATTERNS:
        if needs_digit and not has_digit:
            continue
        if (
            (kind in found if guard is None else guard.search(text) is not None)
            and (tight is None or tight.search(text) is not None)
            and _passes_tight_words(kind, found, text)
        ):
            kinds.append((kind, pattern))
    return kinds


_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|is (?:expected|set|due|scheduled|slated|poised|planning|going) to|"
    r"are (?:expected|set|due|scheduled|slated|poised|planning|going) to|plans? to|"
    r"intends? to|hopes? to|next|tomorrow|upcoming|later this|"
    r"(?:is|are) (?:expected|due|scheduled) (?:back|home|in|at))\b|'ll\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    r"\b(?:was|were|had|did|yesterday|last|ago|earlier|previously|"
    r"(?-i:[a-z]{3,}ed))\b",  # lower case: "United", "Ahmed" and "Reed" are names
    re.IGNORECASE,
)


# A word each alternative of `_FUTURE_RE` needs (in the lowercase text); or one of the letters
# that IGNORECASE matches to an ASCII letter without lowercasing to it (İ, ı, ſ). Checked first:
# the case-blind pattern behind \b tries every position, and most clauses have no future marker.
_FUTURE_WORDS = ("will", "would", "shall", "expected", "set", "due", "scheduled", "slated",
                 "poised", "planning", "going", "plan", "intend", "hope", "next", "tomorrow",
                 "upcoming", "later", "'ll")  # fmt: skip
_FOLDING_LETTERS = ("\u0130", "\u0131", "\u017f")


def _may_be_future(text: str) -> bool:
    low = text.lower()
    return any(map(low.__contains__, _FUTURE_WORDS)) or any(
        map(text.__contains__, _FOLDING_LETTERS)
    )


def detect_tense(text: str) -> Tense | None:
    """Rough tense of a clause: future markers win over past ones ("said he will travel")."""
    if _may_be_future(text) and _FUTURE_RE.search(text):
        return "future"
    if _PAST_RE.search(text):
        return "past"
    return None


def _month_from(token: str) -> int | None:
    key = token.rstrip(".").lower()
    if key in MONTHS:
        return MONTHS[key]
    return MONTHS.get(key[:3])


def _day_of(token: str) -> int | None:
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    part = (part or "").strip().lower()
    if part in ("early", "the beginning of", "the start of"):
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part in ("mid-", "mid"):
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part in ("late", "the end of"):
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


def _infer_year(
    month: int, day: int | None, ref: dt.date | None, tense: Tense | None
) -> int | None:
    """Year of a month (and day) written without one: the occurrence nearest the reference date,
    in the tense's direction when the tense is known."""
    if ref is None:
        return None
    candidate = _safe_date(ref.year, month, day or 1) or dt.date(ref.year, month, 1)
    if tense == "future" and candidate < ref - dt.timedelta(days=0 if day else 31):
        return ref.year + 1
    if tense == "past" and candidate > ref + dt.timedelta(days=0 if day else 31):
        return ref.year - 1
    # No tense ("the tour moves on to Edmonton on April 10", written in January): the nearest
    # occurrence, up to half a year ahead.
    if tense is None and (candidate - ref).days > 183:
        return ref.year - 1
    return ref.year


def _weekday_date(weekday: int, ref: dt.date, tense: Tense | None, rel: str | None) -> dt.date:
    rel = (rel or "").lower()
    if rel == "next" or (rel != "last" and tense == "future"):
        ahead = (weekday - ref.weekday()) % 7
        if rel == "next" and ahead == 0:
            ahead = 7
        return ref + dt.timedelta(days=ahead)
    back = (ref.weekday() - weekday) % 7
    if rel == "last" and back <= 1:
        back += 7  # said on Saturday, "last Friday" is a week before: yesterday is "yesterday"
    return ref - dt.timedelta(days=back)


def _clock_of(text: str) -> str:
    """ "6 a.m." -> "06:00", "14.30" -> "14:30"; keeps the text when it cannot read it."""
    m = re.search(r"(\d{1,2})(?:[:.](\d{2}))?\s?([ap])?\.?m?\.?", text, re.IGNORECASE)
    if not m:
        return text
    hour = int(m.group(1))
    minute = int(m.group(2) or 0)
    ampm = (m.group(3) or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    if ampm == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _daypart(text: str) -> str | None:
    low = text.lower()
    if "early hours" in low or "dawn" in low or "daybreak" in low:
        return "dawn"
    if "late at night" in low or "midnight" in low or "overnight" in low:
        return "night"
    for part in ("morning", "afternoon", "evening", "night", "noon", "midday"):
        if part in low:
            return "noon" if part == "midday" else part
    if low.startswith("early"):
        return "early"
    if low.startswith("late"):
        return "late"
    return None


def _interpret(
    kind: str, m: re.Match[str], ref: dt.date | None, tense: Tense | None
) -> tuple[dt.date | None, dt.date | None, str | None, bool, bool] | None:
    """(start, end, time_of_day, explicit_year, relative) for one match, or None to drop it."""
    g = m.groupdict()
    if kind == "iso":
        day = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (day, day, None, True, False) if day else None
    if kind in ("month_day", "day_month"):
        month = _month_from(g["mon"])
        day_num = _day_of(g["d"])
        if month is None or day_num is None or not 1 <= day_num <= 31:
            return None
        year = int(g["y"]) if g.get("y") else _infer_year(month, day_num, ref, tense)
        if year is None:
            return None, None, None, False, True
        day = _safe_date(year, month, day_num)
        if day is None:
            return None
        return day, day, None, bool(g.get("y")), not g.get("y")
    if kind == "month_year":
        month = _month_from(g["mon"])
        if month is None:
            return None
        start, end = _month_span(int(g["y"]), month, g.get("part"))
        return start, end, None, True, False
    if kind == "month":
        month = _month_from(g["mon"])
        if month is None:
            return None
        pre = (g.get("pre") or "").lower()
        part = g.get("part") or (pre if pre in ("early", "late", "mid") else None)
        local_tense: Tense | None = tense
        if pre == "last":
            local_tense = "past"
        elif pre == "next":
            local_tense = "future"
        year = _infer_year(month, None, ref, local_tense)
        if year is None:
            return None, None, None, False, True
        start, end = _month_span(year, month, part)
        return start, end, None, False, True
    if kind == "year":
        year = int(g["y"] or g["y2"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), None, True, False
    if kind == "weekday":
        weekday = WEEKDAYS[g["wd"].lower()]
        tod = g.get("dp") or (g.get("rel2") or "").lower() or None
        rel = (g.get("rel") or "").lower()
        if rel in ("early", "late"):
            tod = tod or rel
            rel = ""
        if ref is None:
            return None, None, tod, False, True
        week = (g.get("wk") or "").lower()
        if week:
            step = {"last": -1, "this": 0, "next": 1}[week]
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
            day = monday + dt.timedelta(days=weekday)
        else:
            day = _weekday_date(weekday, ref, tense, rel)
        return day, day, tod, False, True
    if kind == "deictic":
        word = g["w"].lower()
        if ref is None:
            return None, None, _daypart(word), False, True
        offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2, "last night": -1}.get(word, 0)  # fmt: skip
        tod = "night" if word in ("tonight", "last night") else _daypart(word)
        if g.get("dp"):
            tod = g["dp"].lower()
        day = ref + dt.timedelta(days=offset)
        return day, day, tod, False, True
    if kind == "period":
        if ref is None:
            return None, None, None, False, True
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = -1 if rel in ("last", "late last") else 1 if rel in ("next", "early next") else 0
        if unit in ("week", "weekend"):
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
            if unit == "weekend":
                return (
                    monday + dt.timedelta(days=5),
                    monday + dt.timedelta(days=6),
                    None,
                    False,
                    True,
                )
            return monday, monday + dt.timedelta(days=6), None, False, True
        if unit == "month":
            first = ref.replace(day=1) + relativedelta(months=step)
            start, end = _month_span(first.year, first.month, None)
            if rel == "earlier this":
                end = ref
            elif rel == "later this":
                start = ref
            return start, end, None, False, True
        year = ref.year + step
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if rel == "earlier this":
            end = ref
        elif rel == "later this":
            start = ref
        return start, end, None, False, True
    if kind == "ago":
        if ref is None or g["dir"].lower() in ("later", "before", "earlier"):
            # "Three days later": after the story's last event, not after publication.
            return None, None, None, False, True
        number = g["n"].lower()
        count = int(number) if number.isdigit() else NUMBER_WORDS.get(number, 1)
        unit = g["unit"].lower()
        sign = 1 if g["dir"].lower() in ("later", "from now") else -1
        delta = {
            "day": relativedelta(days=count),
            "week": relativedelta(weeks=count),
            "month": relativedelta(months=count),
            "year": relativedelta(years=count),
            "decade": relativedelta(years=10 * count),
        }[unit]
        day = ref + delta if sign > 0 else ref - delta
        if unit in ("year", "decade"):
            return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), None, False, True
        if unit == "month":
            start, end = _month_span(day.year, day.month, None)
            return start, end, None, False, True
        return day, day, None, False, True
    if kind == "neighbour_day":
        # Relative to another date in the same sentence; resolved by the caller.
        return None, None, _daypart(g["w"]), False, True
    if kind == "clock":
        return None, None, _clock_of(m.group(0)), False, False
    if kind == "daypart":
        return None, None, _daypart(g["w"]), False, False
    return None


def find_time_expressions(
    text: str, published: dt.date | None, tense: Tense | None = None
) -> list[TimeExpression]:
    """Every time expression in `text`, left to right, overlaps resolved longest-first."""
    kinds = _candidate_patterns(text)
    if not kinds:
        return []  # no digit, month, weekday or day-part word: nothing can match
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in kinds:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), kind, m))
    if not found:
        return []
    if tense is None:
        tense = detect_tense(text)
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for item in sorted(found, key=lambda it: -(it[1] - it[0])):
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    chosen.sort(key=lambda it: it[0])
    result: list[TimeExpression] = []
    for start, end, kind, m in chosen:
        meaning = _interpret(kind, m, published, tense)
        if meaning is None:
            continue
        day_start, day_end, tod, explicit_year, relative = meaning
        result.append(
            TimeExpression(
                start=start,
                end=end,
                text=m.group(0).strip(),
                span=TimeSpan(
                    start=day_start, end=day_end, text=m.group(0).strip(), time_of_day=tod
                ),
                explicit_year=explicit_year,
                relative=relative,
                kind=kind,
            )
        )
    return _attach_neighbours(result)


def _attach_neighbours(exprs: list[TimeExpression]) -> list[TimeExpression]:
    """Give "the previous day" a date from another dated expression in the same sentence, and
    fold a bare time of day into the date expression beside it ("on Tuesday at 6 a.m.")."""
    dated = [e for e in exprs if e.span.start is not None]
    out: list[TimeExpression] = []
    for e in exprs:
        low = e.text.lower()
        if (
            e.kind == "neighbour_day"
            and e.span.start is None
            and dated
            and (
                "previous" in low
                or "before" in low
                or "earlier" in low
                or "next" in low
                or "following" in low
                or "later" in low
                or "same" in low
                or low.startswith("that")
            )
        ):
            anchor = dated[0].span.start
            assert anchor is not None
            shift = (
                -1
                if ("previous" in low or "before" in low or "earlier" in low)
                else (1 if ("next" in low or "following" in low or "later" in low) else 0)
            )
            day = anchor + dt.timedelta(days=shift)
            e = TimeExpression(
                e.start, e.end, e.text,
                TimeSpan(start=day, end=day, text=e.text, time_of_day=e.span.time_of_day),
                e.explicit_year, True, e.kind,
            )  # fmt: skip
        out.append(e)
    return out


def merge_expressions(exprs: list[TimeExpression]) -> TimeSpan | None:
    """One TimeSpan for a clause: the most specific date, with any time of day beside it."""
    if not exprs:
        return None
    dated = [e for e in exprs if e.span.start is not None]
    tods = [e.span.time_of_day for e in exprs if e.span.time_of_day]
    if dated:
        neighbours = [e for e in dated if e.kind == "neighbour_day"]
        best = neighbours[0] if neighbours else min(dated, key=lambda e: _span_days(e.span))
        tod = best.span.time_of_day or (tods[0] if tods else None)
        text = " ".join(e.text for e in exprs)
        return TimeSpan(start=best.span.start, end=best.span.end, text=text, time_of_day=tod)
    return TimeSpan(text=" ".join(e.text for e in exprs), time_of_day=tods[0] if tods else None)


def _span_days(span: TimeSpan) -> int:
    if span.start is None or span.end is None:
        return 10**6
    return (span.end - span.start).days


def normalise_time(
    sentence_text: str, published: dt.date | None, tense: Tense | None = None
) -> TimeSpan | None:
    """The time a sentence speaks of, normalised against the publication date; None if none."""
    return merge_expressions(find_time_expressions(sentence_text, published, tense))


_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{1,40},\s*(?:[A-Z][A-Za-z ]{1,30},\s*)?(?P<date>"
    + _MONTH_RE
    + r"\s+[0-3]?\d(?:,\s*"
    + _YEAR_RE
    + r")?)"
)


def reference_date(text: str, published: dt.date | None) -> dt.date | None:
    """The date an article's relative expressions count from: its publication date, else the
    date on its dateline ("SEOUL, Sept. 13 (Yonhap) —"), else None."""
    if published is not None:
        return published
    for line in text.splitlines()[:12]:
        m = _DATELINE_RE.match(line)
        if m:
            stamp = find_time_expressions(m.group("date"), None, "past")
            if stamp:
                exprs_year = stamp[0].span.start.year if stamp[0].span.start else None
                if exprs_year is not None:
                    return stamp[0].span.start
                latest_year = _latest_year(text)  # only here: a scan of the whole text
                if latest_year is not None:
                    month_day = re.search(_MONTH_RE + r"\s+([0-3]?\d)", m.group("date"))
                    if month_day:
                        month = _month_from(month_day.group(0).split()[0])
                        day = _safe_date(latest_year, month or 1, int(month_day.group(1)))
                        if day is not None:
                            return day
    # Other full dates in the text (photo captions, history) are not its date.
    return None


def _latest_year(text: str) -> int | None:
    years = [int(y) for y in _YEAR_WORD_RE.findall(text)]
    return max(years) if years else None


_YEAR_WORD_RE = re.compile(r"\b(" + _YEAR_RE + r")\b")


def reference_year(text: str, published: dt.date | None) -> int | None:
    """The year an article's news belongs to, for telling earlier trips apart."""
    ref = reference_date(text, published)
    if ref is not None:
        return ref.year
    return _latest_year(text)


def time_of_day_rank(value: str | None) -> int:
    """Minutes after midnight for ordering stops on the same day (unknown sorts in the middle)."""
    if not value:
        return 12 * 60 + 1
    m = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if m:
        return int(m.group(1)) * 60 + int(m.group(2))
    return {
        "dawn": 5 * 60, "early": 6 * 60, "early morning": 6 * 60, "morning": 9 * 60,
        "noon": 12 * 60, "afternoon": 15 * 60, "evening": 19 * 60, "late": 21 * 60,
        "night": 22 * 60, "overnight": 23 * 60,
    }.get(value, 12 * 60 + 1)  # fmt: skip
