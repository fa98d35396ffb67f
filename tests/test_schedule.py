"""Timetables: sessions laid out from the day's start, fixed and recurring breaks at session
boundaries, overruns, missing modules, day numbering, and the repository's real programme."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from learnsite.load.project import load_project
from learnsite.model.catalogue import LoadedModule, MarkdownSource, Session
from learnsite.model.curriculum import Module, SessionMeta
from learnsite.model.site import Programme
from learnsite.schedule import DaySchedule, Slot, clock, schedule_programme

REPO = Path(__file__).resolve().parent.parent

LUNCH = {"title": "Lunch", "at": "12:30", "minutes": 45}
COFFEE = {"title": "Coffee", "every": 90, "minutes": 15}


def _module(module_id: str, *minutes: int) -> LoadedModule:
    """A loaded module whose sessions `<module_id>-1`, `-2`, … last `minutes`."""
    ids = [f"{module_id}-{n}" for n in range(1, len(minutes) + 1)]
    record = Module(id=module_id, title=module_id.title(), summary="A module.", version="1.0",
                    status="published", last_reviewed=date(2024, 1, 1), audiences=["inspectors"],
                    objectives=["Learn."], sessions=ids)
    sessions = tuple(
        Session(session_id, module_id,
                SessionMeta(title=f"Session {session_id}", minutes=length, method="discussion"),
                MarkdownSource(path=PurePosixPath("x.md"), body="", first_line=1))
        for session_id, length in zip(ids, minutes, strict=True)
    )
    return LoadedModule(record=record, path=PurePosixPath(f"modules/{module_id}"), sessions=sessions)


def _programme(*days: dict[str, Any]) -> Programme:
    return Programme.model_validate({"id": "p", "title": "P", "summary": "S", "days": list(days)})


def _day(modules: list[str], breaks: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"start": "09:00", "modules": modules, "breaks": breaks or [], **extra}


def _one_day(modules: dict[str, LoadedModule], **day: Any) -> DaySchedule:
    [schedule] = schedule_programme(_programme(_day(list(modules), **day)), modules)
    return schedule


def _table(schedule: DaySchedule) -> list[tuple[str, str, str]]:
    """The day as (start, end, title) rows, for readable assertions."""
    return [(clock(s.start), clock(s.end), s.title) for s in schedule.slots]


def test_clock_formats_minutes_since_midnight():
    assert clock(0) == "00:00"
    assert clock(9 * 60 + 5) == "09:05"
    assert clock(23 * 60 + 59) == "23:59"


def test_sessions_follow_each_other_from_the_start():
    schedule = _one_day({"a": _module("a", 45, 60), "b": _module("b", 30)})
    assert _table(schedule) == [
        ("09:00", "09:45", "Session a-1"),
        ("09:45", "10:45", "Session a-2"),
        ("10:45", "11:15", "Session b-1"),
    ]
    first = schedule.slots[0]
    assert first == Slot(9 * 60, 9 * 60 + 45, "session", "Session a-1", "a", "a-1", "discussion")
    assert first.minutes == 45
    assert schedule.end == 11 * 60 + 15
    assert schedule.teaching_minutes == 135
    assert schedule.end_limit is None
    assert schedule.overrun == 0


def test_lunch_arriving_mid_session_starts_when_the_session_ends():
    # 09:00-11:00, 11:00-13:00 (12:30 falls inside), then lunch 13:00-13:45
    schedule = _one_day({"a": _module("a", 120, 120, 60)}, breaks=[LUNCH])
    assert _table(schedule) == [
        ("09:00", "11:00", "Session a-1"),
        ("11:00", "13:00", "Session a-2"),
        ("13:00", "13:45", "Lunch"),
        ("13:45", "14:45", "Session a-3"),
    ]
    assert schedule.slots[2].kind == "break"
    assert schedule.slots[2].module_id is None
    assert schedule.teaching_minutes == 300


def test_lunch_exactly_at_a_boundary():
    schedule = _one_day({"a": _module("a", 90, 120, 60)}, breaks=[LUNCH])
    assert _table(schedule) == [
        ("09:00", "10:30", "Session a-1"),
        ("10:30", "12:30", "Session a-2"),
        ("12:30", "13:15", "Lunch"),
        ("13:15", "14:15", "Session a-3"),
    ]


def test_lunch_not_reached_before_the_last_session_is_not_shown():
    schedule = _one_day({"a": _module("a", 60, 60)}, breaks=[LUNCH])
    assert [s.kind for s in schedule.slots] == ["session", "session"]


def test_lunch_due_when_the_last_session_ends_is_not_shown():
    schedule = _one_day({"a": _module("a", 90, 120)}, breaks=[LUNCH])
    assert [s.kind for s in schedule.slots] == ["session", "session"]
    assert schedule.end == 12 * 60 + 30


def test_coffee_every_90_minutes_at_the_first_boundary_and_reset_by_lunch():
    schedule = _one_day({"a": _module("a", 60, 45, 60, 45, 45, 60, 45)}, breaks=[LUNCH, COFFEE])
    assert _table(schedule) == [
        ("09:00", "10:00", "Session a-1"),
        ("10:00", "10:45", "Session a-2"),  # 105 minutes of teaching: coffee at the boundary
        ("10:45", "11:00", "Coffee"),
        ("11:00", "12:00", "Session a-3"),
        ("12:00", "12:45", "Session a-4"),  # 105 minutes again, but lunch (12:30) is due: lunch only
        ("12:45", "13:30", "Lunch"),
        ("13:30", "14:15", "Session a-5"),  # 45 since lunch: no coffee
        ("14:15", "15:15", "Session a-6"),  # 105 since lunch: coffee
        ("15:15", "15:30", "Coffee"),
        ("15:30", "16:15", "Session a-7"),
    ]


def test_coffee_exactly_at_90_minutes():
    schedule = _one_day({"a": _module("a", 45, 45, 45)}, breaks=[COFFEE])
    assert _table(schedule) == [
        ("09:00", "09:45", "Session a-1"),
        ("09:45", "10:30", "Session a-2"),
        ("10:30", "10:45", "Coffee"),
        ("10:45", "11:30", "Session a-3"),
    ]


def test_no_break_after_the_last_session():
    schedule = _one_day({"a": _module("a", 60, 120)}, breaks=[COFFEE])
    assert _table(schedule) == [
        ("09:00", "10:00", "Session a-1"),
        ("10:00", "12:00", "Session a-2"),
    ]
    assert schedule.slots[-1].kind == "session"


def test_fixed_breaks_are_taken_in_clock_order():
    tea = {"title": "Tea", "at": "15:00", "minutes": 15}
    schedule = _one_day({"a": _module("a", 120, 120, 60, 120, 60)}, breaks=[tea, LUNCH])
    assert [(clock(s.start), clock(s.end), s.title) for s in schedule.slots if s.kind == "break"] == [
        ("13:00", "13:45", "Lunch"),
        ("16:45", "17:00", "Tea"),  # the boundary at 14:45 is before 15:00
    ]


def test_fixed_breaks_due_at_the_same_boundary_follow_each_other():
    prayer = {"title": "Prayer", "at": "13:15", "minutes": 10}
    schedule = _one_day({"a": _module("a", 60, 300, 60)}, breaks=[prayer, LUNCH, COFFEE])
    assert _table(schedule) == [
        ("09:00", "10:00", "Session a-1"),
        ("10:00", "15:00", "Session a-2"),
        ("15:00", "15:45", "Lunch"),
        ("15:45", "15:55", "Prayer"),
        ("15:55", "16:55", "Session a-3"),
    ]


def test_a_day_starting_after_the_fixed_time_takes_the_break_after_its_first_session():
    schedule = _one_day({"a": _module("a", 60, 60)}, breaks=[LUNCH], start="13:00")
    assert _table(schedule) == [
        ("13:00", "14:00", "Session a-1"),
        ("14:00", "14:45", "Lunch"),
        ("14:45", "15:45", "Session a-2"),
    ]


def test_overrun_against_the_configured_end():
    schedule = _one_day({"a": _module("a", 240, 160)}, breaks=[LUNCH], end="16:00")  # lunch 13:00-13:45
    assert clock(schedule.end) == "16:25"
    assert schedule.end_limit == 16 * 60
    assert schedule.overrun == 25


def test_no_overrun_within_the_configured_end():
    schedule = _one_day({"a": _module("a", 60, 60)}, end="16:00")
    assert schedule.overrun == 0


def test_a_module_missing_from_the_mapping_is_skipped():
    modules = {"a": _module("a", 30), "c": _module("c", 30)}
    [schedule] = schedule_programme(_programme(_day(["a", "missing", "c"])), modules)
    assert [s.session_id for s in schedule.slots] == ["a-1", "c-1"]
    assert clock(schedule.slots[1].start) == "09:30"


def test_a_day_without_loaded_modules_is_empty():
    [schedule] = schedule_programme(_programme(_day(["missing"], [LUNCH], end="10:00")), {})
    assert schedule.slots == ()
    assert schedule.end == schedule.start == 9 * 60
    assert schedule.overrun == 0
    assert schedule.teaching_minutes == 0


def test_days_are_numbered_and_titled():
    modules = {"a": _module("a", 30), "b": _module("b", 45)}
    programme = _programme(_day(["a"], title="Introduction"), {"start": "10:00", "modules": ["b"]})
    first, second = schedule_programme(programme, modules)
    assert (first.index, first.title) == (1, "Introduction")
    assert (second.index, second.title) == (2, None), "pages name it in their own language"
    assert _table(second) == [("10:00", "10:45", "Session b-1")]


def test_the_real_inspectors_programme():
    result = load_project(REPO)
    site = result.catalogue.site
    assert site is not None
    programme = next(p for p in site.programmes if p.id == "inspectors-forced-labour")
    modules = result.catalogue.modules
    first = schedule_programme(programme, modules)[0]
    assert clock(first.slots[0].start) == "08:00"
    assert first.slots[0].kind == "item"
    expected = [s.id for module_id in programme.days[0].modules for s in modules[module_id].sessions]
    assert expected
    assert [s.session_id for s in first.slots if s.kind == "session"] == expected
    assert any(s.kind == "break" and s.title == "Lunch" for s in first.slots)
    for before, after in zip(first.slots, first.slots[1:], strict=False):
        assert before.end == after.start
