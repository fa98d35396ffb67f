"""Which slide decks a programme has: a deck per day in the content's language, and one in each
other language all of whose sessions that day are translated (a projected slide half in another
language serves no one). Plain data from the catalogue, so the programme page can link to the
decks without the renderer."""

from __future__ import annotations

from dataclasses import dataclass

from learnsite.model.catalogue import Catalogue, LoadedModule, Session
from learnsite.model.site import Programme
from learnsite.schedule import schedule_programme
from learnsite.site_paths import session_path

FOLDER = "slides"
"""Where the decks go in the built site, beside `handbooks/`."""


@dataclass(frozen=True)
class DeckFile:
    """A deck the site offers: one day of a programme, in one language."""

    programme: str
    day: int
    """The day's number in the programme, from 1."""
    language: str
    name: str
    """Its file name: `inspectors-forced-labour-day-1.pdf`, `…-day-1-ar.pdf` in another language
    than the content's."""

    @property
    def path(self) -> str:
        """Where it is in the built site: `slides/inspectors-forced-labour-day-1.pdf`."""
        return f"{FOLDER}/{self.name}"


def deck_name(programme_id: str, day: int, language: str, source: str) -> str:
    """The file name of a deck (the content's own language has no suffix)."""
    suffix = "" if language == source else f"-{language}"
    return f"{programme_id}-day-{day}{suffix}.pdf"


def programme_decks(cat: Catalogue, programme_id: str) -> list[DeckFile]:
    """The decks of a programme, day by day, each in the content's language and in every other
    language all of whose sessions that day are translated; for pages and guides to link to.
    `cat` is the content's catalogue or a translation of it (which knows of its own language
    only). No deck for a day without sessions."""
    programme = cat.programme(programme_id)
    if programme is None:
        return []
    source = cat.source_language.code
    languages = [source, *(cat.translations if cat.language == source else [cat.language])]
    return [DeckFile(programme.id, day, language, deck_name(programme.id, day, language, source))
            for day, sessions in enumerate(day_sessions(cat, programme), start=1) if sessions
            for language in languages
            if not untranslated(cat, language, sessions)]


def day_sessions(cat: Catalogue, programme: Programme) -> list[list[tuple[LoadedModule, Session]]]:
    """Each day's sessions with their modules, in timetable order."""
    days = []
    for day in schedule_programme(programme, cat.modules):
        sessions = []
        for slot in day.slots:
            module = cat.modules.get(slot.module_id or "")
            session = module.session(slot.session_id) if module else None
            if module is not None and session is not None:
                sessions.append((module, session))
        days.append(sessions)
    return days


def untranslated(cat: Catalogue, language: str, sessions: list[tuple[LoadedModule, Session]]) -> list[str]:
    """The ids of the sessions not translated into `language` (none, for the content's own)."""
    if language == cat.source_language.code:
        return []
    translated = cat if cat.language == language else cat.translations.get(language)
    if translated is None:
        return [session.id for _, session in sessions]
    return [session.id for module, session in sessions
            if not translated.is_translated(session_path(module.record.id, session.id))]
