"""Counts, dates and durations as the paperwork writes them, in English and in Arabic.

The words are interface strings (strings.py); what is here is grammar. An Arabic count takes a
different form of its noun for one, two, three to ten, and eleven to ninety-nine ("ساعتان",
"3 ساعات", "11 ساعة"), so a string that counts holds every form, separated by `|`, and the
number chooses among them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from learnsite.strings import translator


def _english(n: int) -> int:
    """one | other."""
    return 0 if n == 1 else 1


def _arabic(n: int) -> int:
    """one | two | few (3–10) | many (11–99) | other (0, 100, 101, 102...), by the last two
    digits as Arabic grammar (and CLDR's plural rules) count."""
    rest = n % 100
    if n in (1, 2):
        return n - 1
    if 3 <= rest <= 10:
        return 2
    return 3 if 11 <= rest <= 99 else 4


_FORMS: dict[int, Callable[[int], int]] = {2: _english, 5: _arabic}
"""Which form a number takes, by how many forms the string gives."""


def plural(language: str, key: str, n: int) -> str:
    """`n` with the noun of the string `key` in the form its number needs: "3 hours", "3 ساعات"."""
    forms = translator(language)(key, n=n).split("|")
    return forms[_FORMS[len(forms)](n)]


def duration(minutes: int, language: str) -> str:
    """Minutes as hours and minutes: "11 hours and 30 minutes", "11 ساعة و30 دقيقة"."""
    hours, rest = divmod(minutes, 60)
    if not rest:
        return plural(language, "course-hours", hours)
    if not hours:
        return plural(language, "course-minutes", rest)
    return translator(language)("course-duration", hours=plural(language, "course-hours", hours),
                                minutes=plural(language, "course-minutes", rest))


def long_date(day: date, language: str) -> str:
    """A date as a reader writes it: "3 March 2026", "3 مارس 2026"."""
    t = translator(language)
    return t("course-date", day=day.day, month=t("course-months").split("|")[day.month - 1],
             year=day.year)


def date_list(days: Sequence[date], language: str) -> str:
    """The days of a course, the month and year said once: "3 and 4 March 2026",
    "27 February and 3 March 2026", "3 و4 مارس 2026"."""
    t = translator(language)
    months = t("course-months").split("|")
    groups: list[list[date]] = []
    for day in days:
        if groups and (groups[-1][-1].year, groups[-1][-1].month) == (day.year, day.month):
            groups[-1].append(day)
        else:
            groups.append([day])
    parts = []
    for index, group in enumerate(groups):
        last_of_year = index == len(groups) - 1 or groups[index + 1][0].year != group[0].year
        numbers = _listed([str(day.day) for day in group], t)
        month = months[group[0].month - 1]
        parts.append(t("course-date", day=numbers, month=month, year=group[0].year)
                     if last_of_year else t("course-day-month", day=numbers, month=month))
    return _listed(parts, t)


def _listed(items: list[str], t: Callable[..., str]) -> str:
    """"a, b and c" in the language of `t`."""
    if len(items) < 2:
        return "".join(items)
    return t("course-dates-comma").join(items[:-1]) + t("course-dates-and") + items[-1]
