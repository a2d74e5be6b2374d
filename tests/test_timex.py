"""Time expressions normalised against the publication date."""

from __future__ import annotations

import datetime as dt

from geomap.timex import detect_tense, find_time_expressions, normalise_time, reference_date

WED = dt.date(2023, 9, 13)  # a Wednesday


def test_explicit_dates_in_several_styles() -> None:
    for text in ("on Sept. 13", "September 13, 2023", "13 September", "2023-09-13"):
        span = normalise_time(text, WED)
        assert span is not None and span.start == dt.date(2023, 9, 13), text


def test_weekday_points_back_in_past_tense_and_forward_in_future_tense() -> None:
    assert normalise_time("Kim arrived on Tuesday", WED).start == dt.date(2023, 9, 12)  # type: ignore[union-attr]
    assert normalise_time("He will arrive on Friday", WED).start == dt.date(2023, 9, 15)  # type: ignore[union-attr]


def test_relative_words() -> None:
    assert normalise_time("yesterday morning", WED).start == dt.date(2023, 9, 12)  # type: ignore[union-attr]
    assert normalise_time("yesterday morning", WED).time_of_day == "morning"  # type: ignore[union-attr]
    assert normalise_time("tomorrow", WED).start == dt.date(2023, 9, 14)  # type: ignore[union-attr]
    week = normalise_time("last week", WED)
    assert (
        week is not None and week.start == dt.date(2023, 9, 4) and week.end == dt.date(2023, 9, 10)
    )
    ago = normalise_time("four years ago", WED)
    assert ago is not None and ago.start == dt.date(2019, 1, 1)


def test_years_and_months() -> None:
    year = normalise_time("In 2019, Mr. Kim traveled by train", WED)
    assert year is not None and (year.start, year.end) == (
        dt.date(2019, 1, 1),
        dt.date(2019, 12, 31),
    )
    late_july = normalise_time("In late July, the minister visited", WED)
    assert late_july is not None and late_july.start == dt.date(2023, 7, 21)
    assert normalise_time("May 2022", WED).start == dt.date(2022, 5, 1)  # type: ignore[union-attr]


def test_times_of_day() -> None:
    span = normalise_time("arrived at 6 a.m. on Tuesday", WED)
    assert span is not None and span.start == dt.date(2023, 9, 12) and span.time_of_day == "06:00"
    assert normalise_time("at 14:00 local time", WED).time_of_day == "14:00"  # type: ignore[union-attr]
    assert normalise_time("late at night", WED).time_of_day == "night"  # type: ignore[union-attr]
    early = normalise_time("early Wednesday", WED)
    assert early is not None and early.start == WED and early.time_of_day == "early"


def test_no_cue_no_date() -> None:
    assert normalise_time("Kim may go to Russia", WED) is None
    assert normalise_time("the 2,000 km border", WED) is None
    # Without a publication date a weekday cannot be placed.
    span = normalise_time("on Tuesday", None)
    assert span is not None and span.start is None


def test_previous_day_counts_from_the_other_date() -> None:
    span = normalise_time(
        "a photo carried on Sept. 13, 2023, shows him there the previous day", None
    )
    assert span is not None and span.start == dt.date(2023, 9, 12)


def test_offsets_and_tense() -> None:
    text = "He left on Monday and will return on Friday."
    exprs = find_time_expressions(text, WED)
    assert [text[e.start : e.end] for e in exprs] == ["on Monday", "on Friday"]
    assert detect_tense("he will travel") == "future"
    assert detect_tense("he travelled") == "past"


def test_reference_date_from_dateline_only() -> None:
    assert reference_date("SEOUL, Sept. 13, 2023 (Yonhap) — Kim arrived.", None) == dt.date(
        2023, 9, 13
    )
    # Other dates in the text (captions, history) are not the article's date.
    assert reference_date("A photo from April 25, 2019 shows them.", None) is None
    assert reference_date("anything", WED) == WED


def test_last_weekday_is_never_yesterday() -> None:
    thursday = dt.date(2023, 9, 14)
    assert normalise_time("I landed last Wednesday", thursday).start == dt.date(2023, 9, 6)  # type: ignore[union-attr]
    assert normalise_time("I landed last Monday", thursday).start == dt.date(2023, 9, 11)  # type: ignore[union-attr]


def test_a_year_naming_a_journey_dates_it() -> None:
    found = find_time_expressions("the canoe whose 1976 voyage from Hawaii", WED, None)
    assert [(t.text, t.span.start) for t in found] == [("1976", dt.date(1976, 1, 1))]
    assert not find_time_expressions("some 2019 people came", WED, None)


def test_a_capitalised_word_ending_in_ed_is_no_past_verb() -> None:
    assert detect_tense("United face Arsenal") is None
    assert detect_tense("Ahmed meets the minister") is None
    assert detect_tense("She visited Rome") == "past"


def test_a_weekday_of_last_or_next_week() -> None:
    ref = dt.date(2024, 9, 9)  # a Monday
    found = find_time_expressions("He left Rome on Monday of last week.", ref, "past")
    assert [(t.text, t.span.start) for t in found] == [
        ("on Monday of last week", dt.date(2024, 9, 2))
    ]
    found = find_time_expressions("He arrives on Friday next week.", ref, "future")
    assert [t.span.start for t in found] == [dt.date(2024, 9, 20)]
