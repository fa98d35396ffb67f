"""A course: a programme of site_config.yml taught on given dates to given participants, with
what its paperwork states (titles in English and Arabic, hours from the timetable, a
verification code per certificate).

The paperwork is bilingual whatever languages the site is published in, because the centre's
participants read English or Arabic: a text the project has no Arabic for is given in English
only, and never made up.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from learnsite.course.participants import Participant
from learnsite.diagnostics import Diagnostics
from learnsite.load.source import YamlDoc
from learnsite.load.suggest import did_you_mean
from learnsite.model.catalogue import Catalogue, LoadedModule
from learnsite.model.site import Programme
from learnsite.schedule import schedule_programme
from learnsite.site_paths import module_path
from learnsite.strings import translator

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not
mistaken."""


@dataclass(frozen=True)
class Bilingual:
    """A text in English and, where the project has it, in Arabic."""

    en: str
    ar: str | None = None

    def get(self, language: str) -> str | None:
        """The text in `language`, or None when the project has none."""
        return self.en if language == "en" else self.ar


@dataclass(frozen=True)
class CourseDay:
    """One day of the course: its number, date and title ("Day 1" where it has none)."""

    index: int
    date: date
    title: Bilingual


@dataclass(frozen=True)
class Certificate:
    """A participant's certificate: who, and the code that finds them in certificates.csv."""

    participant: Participant
    code: str


@dataclass(frozen=True)
class Course:
    """Everything the paperwork of one course prints."""

    programme_id: str
    title: Bilingual
    organisation: Bilingual
    partnership: Bilingual | None
    days: tuple[CourseDay, ...]
    minutes: int
    """Teaching time from the timetable, summed over the days."""
    modules: tuple[Bilingual, ...]
    """The titles of the modules the evaluation asks about, in teaching order."""
    certificates: tuple[Certificate, ...]

    @property
    def dates(self) -> tuple[date, ...]:
        """The course's dates, one a day."""
        return tuple(day.date for day in self.days)


def find_programme(cat: Catalogue, programme_id: str, doc: YamlDoc,
                   diags: Diagnostics) -> tuple[int, Programme] | None:
    """The programme of that id and its index in site_config.yml, or None (reported)."""
    programmes = cat.site.programmes if cat.site else []
    for index, programme in enumerate(programmes):
        if programme.id == programme_id:
            return index, programme
    known = [p.id for p in programmes]
    diags.add("ref-unknown-programme", doc.key_at(("programmes",)),
              f"no programme `{programme_id}` in site_config.yml{did_you_mean(programme_id, known)}",
              f"Use the `id:` of a programme: {', '.join(f'`{p}`' for p in known) or 'none yet'}.")
    return None


def check_dates(given: Sequence[str], programme: Programme, index: int, doc: YamlDoc,
                diags: Diagnostics) -> list[date]:
    """The dates of the course, one per programme day, each checked: every problem is reported
    at the day of site_config.yml it is the date of (or at `days:` when there is no such day)."""
    days_key = ("programmes", index, "days")
    count = len(programme.days)
    if len(given) != count:
        diags.add("course-dates", doc.key_at(days_key),
                  f"programme `{programme.id}` has {count} day{'s' if count > 1 else ''}, so the "
                  f"course needs {count} date{'s' if count > 1 else ''}; {len(given)} "
                  f"{'were' if len(given) != 1 else 'was'} given")
    dates: list[date] = []
    for number, text in enumerate(given, start=1):
        at = doc.at((*days_key, number - 1)) if number <= count else doc.key_at(days_key)
        try:
            day = date.fromisoformat(text) if _ISO_DATE.fullmatch(text) else None
        except ValueError:
            day = None
        if day is None:
            diags.add("course-dates", at, f"the date of day {number}, `{text}`, is not a date "
                      "written YYYY-MM-DD", "Write each date as year-month-day, e.g. 2026-03-03.")
            continue
        if dates and day <= dates[-1]:
            diags.add("course-dates", at, f"the date of day {number}, {day}, is not after the "
                      f"date before it, {dates[-1]}",
                      "Give the dates in the order of the programme's days, each later than the last.")
        dates.append(day)
    return dates


def plan_course(cat: Catalogue, programme: Programme, dates: Sequence[date],
                participants: Sequence[Participant]) -> Course:
    """The course of `programme` on `dates` (one a day, checked) for `participants`."""
    arabic = cat.translations.get("ar")
    ar_programme = arabic.programme(programme.id) if arabic else None
    ar_site = arabic.site if arabic else None
    site = cat.site
    assert site is not None, "a programme comes from site_config.yml"
    en, ar = translator("en"), translator("ar")
    days = []
    for number, (day, when) in enumerate(zip(programme.days, dates, strict=True), start=1):
        ar_title = ar_programme.days[number - 1].title if ar_programme else None
        days.append(CourseDay(number, when, _both(day.title or en("day", n=number),
                                                  ar_title or (None if day.title else ar("day", n=number)))))
    partnership = site.organisation.partnership
    return Course(
        programme_id=programme.id,
        title=_both(programme.title, ar_programme.title if ar_programme else None),
        organisation=_both(site.organisation.name, ar_site.organisation.name if ar_site else None),
        partnership=_both(partnership, ar_site.organisation.partnership if ar_site else None)
        if partnership else None,
        days=tuple(days),
        minutes=sum(day.teaching_minutes for day in schedule_programme(programme, cat.modules)),
        modules=tuple(_module_title(module, arabic) for module_id in programme.module_ids
                      if (module := cat.modules.get(module_id)) and _teaches(module)),
        certificates=tuple(Certificate(p, verification_code(programme.id, dates, p))
                           for p in participants),
    )


def verification_code(programme_id: str, dates: Sequence[date], participant: Participant) -> str:
    """A short code derived from the course and the participant's names, e.g. `7K3Q-9MXD`.

    The same details always give the same code, so certificates printed again match the list the
    centre keeps. It is a key to look a certificate up in certificates.csv, not a proof: anyone
    who knows the details can compute it, so the centre verifies by finding the code there with
    the same names. 40 bits: two participants of one course sharing a code is a one in a
    trillion chance.
    """
    details = [programme_id, [day.isoformat() for day in dates], participant.name_en, participant.name_ar]
    digest = hashlib.sha256(json.dumps(details, ensure_ascii=False).encode()).digest()
    number = int.from_bytes(digest[:5], "big")
    code = "".join(_CODE_ALPHABET[(number >> shift) & 31] for shift in range(35, -1, -5))
    return f"{code[:4]}-{code[4:]}"


def _both(en: str, ar: str | None) -> Bilingual:
    """English, and Arabic where the translation says something of its own (an untranslated
    text falls back to the English one, which is then not repeated as Arabic)."""
    return Bilingual(en, ar if ar and ar != en else None)


def _module_title(module: LoadedModule, arabic: Catalogue | None) -> Bilingual:
    """A module's title in both languages, Arabic from its module.ar.yml when translated."""
    module_id = module.record.id
    translated = arabic is not None and arabic.is_translated(module_path(module_id))
    return _both(module.record.title, arabic.modules[module_id].record.title
                 if arabic is not None and translated else None)


def _teaches(module: LoadedModule) -> bool:
    """Whether a module teaches something participants can rate: a pre-test or post-test, all
    assessment, teaches nothing to rate."""
    return any(session.meta.method != "assessment" for session in module.sessions)
