"""Day-by-day timetables of a programme, computed from session minutes and breaks.

A programme only says which modules are taught on which day and which breaks the day has; the
clock times follow from the sessions' `minutes`. Computing them in one place keeps the site, the
handbooks and `learnsite check` showing the same timetable. The rules are:

- Each day lays out the sessions of its modules in order, back to back, from the day's `start`.
  Modules missing from the catalogue are skipped (the loader has already reported them).
- Breaks are only ever inserted at a *boundary*: the moment one session ends and the next one
  begins. A boundary's time is the end of the session before it. Nothing is inserted before the
  first session or after the last one, so a break is never the first or last slot of a day.
- A fixed break (`at`) never interrupts a session: it is inserted at the first boundary whose time
  is at or after `at`. When `at` falls inside a session, that is the boundary where the session
  ends; when the day starts after `at`, it is the boundary after the first session. A fixed break
  whose time is not reached before the last session ends is not shown. When several fixed breaks
  are due at the same boundary they are all inserted there, back to back, in clock order.
- A recurring break (`every: N`) is inserted at the first boundary after at least N minutes of
  teaching since the start of the day or since the last break of any kind (a fixed break resets
  the count too). Since every break resets the count, at most one recurring break is inserted at a
  boundary: the first one listed in `breaks` that is due.
- When a fixed break is due at a boundary, no recurring break is inserted there: the fixed break
  takes its place and resets the count.
- A day's `opening` items (welcome, a recap of the day before) come before its first module's
  sessions, and its `closing` items (the day's review) after the last; for breaks they are
  laid out like sessions, and they count as teaching time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from learnsite.model.catalogue import LoadedModule, Session
from learnsite.model.site import Break, Day, Item, Programme

SlotKind = Literal["session", "item", "break"]


def clock(minutes: int) -> str:
    """Minutes since midnight as "HH:MM" (past midnight the hours go on: 24:30)."""
    hours, rest = divmod(minutes, 60)
    return f"{hours:02d}:{rest:02d}"


def _minutes(time: str) -> int:
    """A validated "HH:MM" clock time as minutes since midnight."""
    hours, rest = time.split(":")
    return int(hours) * 60 + int(rest)


@dataclass(frozen=True)
class Slot:
    """One line of a timetable: a session or a break, from `start` to `end` (minutes since midnight)."""

    start: int
    end: int
    kind: SlotKind
    title: str
    module_id: str | None = None
    session_id: str | None = None
    method: str | None = None
    note: str | None = None

    @property
    def minutes(self) -> int:
        """How long the slot lasts."""
        return self.end - self.start


@dataclass(frozen=True)
class DaySchedule:
    """The timetable of one day of a programme."""

    index: int
    title: str | None
    """The day's own title, if site_config.yml gives one (else pages say "Day 1" in their language)."""
    start: int
    slots: tuple[Slot, ...]
    end_limit: int | None = None

    @property
    def end(self) -> int:
        """When the last slot ends, or the start when the day has no slots."""
        return self.slots[-1].end if self.slots else self.start

    @property
    def overrun(self) -> int:
        """Minutes the day runs past its configured end (0 when it has none or keeps to it)."""
        return max(0, self.end - self.end_limit) if self.end_limit is not None else 0

    @property
    def teaching_minutes(self) -> int:
        """Minutes of sessions and of the day's own items (opening, review), breaks left out:
        the hours a certificate states."""
        return sum(slot.minutes for slot in self.slots if slot.kind != "break")


def _day_units(day: Day, modules: Mapping[str, LoadedModule]) -> list[Slot]:
    """What the day teaches in order, as slots starting at 0: its opening items, the sessions of
    its modules (skipping modules that are not loaded), its closing items."""
    sessions = [session for module_id in day.modules if (module := modules.get(module_id))
                for session in module.sessions]
    return [*map(_item_slot, day.opening), *map(_session_slot, sessions), *map(_item_slot, day.closing)]


def _item_slot(item: Item) -> Slot:
    """One of the day's own items."""
    return Slot(0, item.minutes, "item", item.title)


def _session_slot(session: Session) -> Slot:
    """A session."""
    return Slot(0, session.meta.minutes, "session", session.meta.title, session.module_id,
                session.id, session.meta.method)


def _break_slot(start: int, brk: Break) -> Slot:
    """A break starting at `start`."""
    return Slot(start, start + brk.minutes, "break", brk.title, note=brk.note)


def _breaks_at_boundary(now: int, teaching: int, fixed: list[tuple[int, Break]],
                        recurring: Sequence[Break]) -> list[Break]:
    """The breaks to insert at a boundary at `now` after `teaching` minutes since the last break.

    Due fixed breaks are removed from `fixed` (pending, in clock order) as they are taken.
    """
    due = [brk for at, brk in fixed if at <= now]
    if due:
        del fixed[:len(due)]
        return due
    return next(([brk] for brk in recurring if teaching >= (brk.every or 0)), [])


def lay_out(units: Iterable[Slot], start: int, breaks: Sequence[Break]) -> tuple[Slot, ...]:
    """Sessions and items back to back from `start`, with breaks by the module docstring's rules."""
    fixed = sorted(((_minutes(b.at), b) for b in breaks if b.at is not None), key=lambda pair: pair[0])
    recurring = [b for b in breaks if b.every is not None]
    slots: list[Slot] = []
    now, teaching = start, 0
    for unit in units:
        if slots:  # a boundary: after a session, before this one
            for brk in _breaks_at_boundary(now, teaching, fixed, recurring):
                slots.append(_break_slot(now, brk))
                now, teaching = slots[-1].end, 0
        slots.append(replace(unit, start=now, end=now + unit.minutes))
        now, teaching = slots[-1].end, teaching + unit.minutes
    return tuple(slots)


def schedule_day(index: int, day: Day, modules: Mapping[str, LoadedModule]) -> DaySchedule:
    """The timetable of one day; `index` counts from 1."""
    start = _minutes(day.start)
    return DaySchedule(
        index=index,
        title=day.title,
        start=start,
        slots=lay_out(_day_units(day, modules), start, day.breaks),
        end_limit=_minutes(day.end) if day.end is not None else None,
    )


def schedule_programme(programme: Programme, modules: Mapping[str, LoadedModule]) -> list[DaySchedule]:
    """The timetable of every day of `programme`, in order."""
    return [schedule_day(index, day, modules) for index, day in enumerate(programme.days, start=1)]
