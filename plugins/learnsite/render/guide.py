"""A programme's facilitator guide: what to prepare and how long before, every material of every
session with its copies and where it comes from, each day at a glance, and what to do after the
course. Written from the programme and its sessions, so it changes when a session changes; the
web page and the trainer handbook print the same Markdown."""

from __future__ import annotations

from learnsite.model.catalogue import Catalogue, Session
from learnsite.model.site import Programme
from learnsite.render.materials import MaterialLine, session_materials
from learnsite.render.page_templates import render
from learnsite.schedule import DaySchedule, Slot, clock, schedule_programme
from learnsite.site_paths import session_path
from learnsite.strings import translator


def guide_markdown(cat: Catalogue, programme: Programme) -> str:
    """The guide's Markdown in the catalogue's language."""
    t = translator(cat.language)
    days = schedule_programme(programme, cat.modules)
    needs = {(slot.module_id, slot.session_id): _needs(cat, slot)
             for day in days for slot in day.slots if slot.kind == "session"}

    def source(line: MaterialLine) -> str:
        if line.kind == "file":
            return f"{t('material-file')} ({t('trainers-only')})" if line.for_trainers else t("material-file")
        return t("handout-in-session") if line.kind == "handout" else t("bring")

    minutes = sum(day.teaching_minutes for day in days)
    return render(
        "guide.md.j2", cat, programme=programme, days=days, clock=clock, modules=cat.modules,
        tasks=sorted(programme.preparation, key=lambda task: -task.days_before),
        groups=_group_work(cat, days),
        materials={day.index: [(slot, line) for slot in _sessions(day)
                               for line in needs[(slot.module_id, slot.session_id)]]
                   for day in days},
        needs=lambda slot: "<br>".join(line.title for line in needs.get(
            (slot.module_id, slot.session_id), [])),
        source=source, pre=_session_title(cat, programme.pre_test),
        post=_session_title(cat, programme.post_test),
        evaluation=_session_title(cat, programme.evaluation),
        dates=" ".join(t("date-placeholder") for _ in days),
        hours=t("hours-minutes", h=minutes // 60, m=minutes % 60))


def _sessions(day: DaySchedule) -> list[Slot]:
    """The day's sessions, without its breaks and own items."""
    return [slot for slot in day.slots if slot.kind == "session"]


def _session(cat: Catalogue, slot: Slot) -> Session:
    """The session a timetable slot teaches (the timetable lays out loaded sessions only)."""
    session = cat.modules[slot.module_id or ""].session(slot.session_id)
    assert session is not None, slot
    return session


def _needs(cat: Catalogue, slot: Slot) -> list[MaterialLine]:
    return session_materials(cat, cat.modules[slot.module_id or ""], _session(cat, slot))


def _group_work(cat: Catalogue, days: list[DaySchedule]) -> dict[int, list[str]]:
    """The sessions that work in groups, by group size: how the room must be laid out."""
    groups: dict[int, list[str]] = {}
    for day in days:
        for slot in _sessions(day):
            size = _session(cat, slot).meta.group_size
            if size:
                groups.setdefault(size, []).append(slot.title)
    return dict(sorted(groups.items()))


def _session_title(cat: Catalogue, ref: str | None) -> str | None:
    """A `module/session` reference as a link to the session, titled as it is."""
    if ref is None:
        return None
    module_id, _, session_id = ref.partition("/")
    module = cat.modules.get(module_id)
    session = module.session(session_id) if module else None
    if session is None:
        return None
    return f"[{session.meta.title}](../../{session_path(module_id, session_id)})"

