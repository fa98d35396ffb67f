"""The slides of one programme day in one language (files.py says which decks there are), as
plain data: a cover, then per session in timetable order its title slide and the slides its
headings and blocks give (render/slides/markup.py), each cut so that it fits the screen.

How much goes on each slide, fit.py decides; the renderer checks every slide of the rendered deck
and asks for a tighter cut of any that still runs over (`squeeze`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from learnsite.load.mdscan import replace_blocks
from learnsite.model.catalogue import Catalogue, LoadedModule, Session
from learnsite.render.handbook.document import session_anchor
from learnsite.render.markdown import BLOCKS, converter
from learnsite.render.pages import expand_page, language_name
from learnsite.render.slides import markup
from learnsite.render.slides.files import DeckFile, day_sessions, untranslated
from learnsite.render.slides.fit import ROOMS, Room, Slide, fitted
from learnsite.render.slides.markup import Piece, Point
from learnsite.site_paths import module_path, session_path
from learnsite.strings import translator


@dataclass(frozen=True)
class SessionSlides:
    """The slides of one session, its title slide first."""

    anchor: str
    title: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class Deck:
    """One day's deck, ready for the template."""

    file: DeckFile
    title: str
    """The programme's title."""
    day: str
    """The day's title, or "Day 2"."""
    organisation: str
    date: str
    """The latest review of its modules: the PDF's dates, so a deck of the same sources is the
    same file."""
    language: str
    direction: str
    sessions: tuple[SessionSlides, ...]

    @property
    def cover(self) -> Slide:
        """The first slide: the programme and the day."""
        return Slide("cover", html.escape(self.title), "cover", html.escape(self.organisation), self.day)

    @property
    def slides(self) -> list[Slide]:
        """Every slide, in order."""
        return [self.cover, *(slide for session in self.sessions for slide in session.slides)]


def untranslated_days(cat: Catalogue, programme_id: str) -> list[str]:
    """For the build log: each day and language that has no deck because some of its sessions are
    not translated, naming them (`cat` is the content's catalogue)."""
    programme = cat.programme(programme_id)
    if programme is None:
        return []
    notes = []
    for day, sessions in enumerate(day_sessions(cat, programme), start=1):
        for language, translated in cat.translations.items():
            missing = untranslated(cat, language, sessions)
            if sessions and missing:
                notes.append(f"no slides in {language_name(translated)} ({language}) for {programme.id} "
                             f"day {day}: {len(missing)} of {len(sessions)} sessions not translated "
                             f"({', '.join(missing)})")
    return notes


def build_deck(cat: Catalogue, file: DeckFile, squeeze: Mapping[str, int] | None = None) -> Deck:
    """The deck `file` names (`cat`: the content's catalogue, holding its translations);
    `squeeze` counts, by slide key, how often that piece's slides ran over when rendered."""
    language_cat = cat if file.language == cat.language else cat.translations[file.language]
    programme = language_cat.programme(file.programme)
    assert programme is not None, file
    t = translator(file.language)
    room = ROOMS[_direction(language_cat)]
    sessions = day_sessions(language_cat, programme)[file.day - 1]
    day = programme.days[file.day - 1]
    return Deck(
        file, programme.title, day.title or t("day", n=file.day),
        language_cat.site.organisation.name if language_cat.site else "",
        max(module.record.last_reviewed for module, _ in sessions).isoformat(),
        file.language, _direction(language_cat),
        tuple(_session_slides(language_cat, module, session, room, squeeze or {})
              for module, session in sessions))


def _direction(cat: Catalogue) -> str:
    return next((lang.dir for lang in cat.site.languages if lang.code == cat.language), "ltr") \
        if cat.site else "ltr"


def _session_slides(cat: Catalogue, module: LoadedModule, session: Session, room: Room,
                    squeeze: Mapping[str, int]) -> SessionSlides:
    """A session's title slide (its minutes, method and objectives, which go on slides of their
    own when they do not all fit under the title), then its pieces' slides; a test shows its
    instructions, never its questions."""
    t = translator(cat.language)
    anchor = session_anchor(session)
    meta = session.meta
    module_title = module.record.title if cat.is_translated(module_path(module.record.id)) else ""
    objectives = tuple(Point(html.escape(objective)) for objective in meta.objectives)
    title = Slide("session", html.escape(meta.title), f"{anchor}-0", html.escape(module_title),
                  f"{meta.minutes} {t('minutes')} · {t(meta.method)}",
                  t("objectives") if objectives else "", objectives)
    slides = list(fitted(title, room, squeeze, t("continued")))
    if len(slides) > 1:
        slides = [replace(title, label="", points=()),
                  *fitted(Slide("objectives", html.escape(t("objectives")), f"{anchor}-objectives",
                                 html.escape(meta.title), points=objectives), room, squeeze,
                           t("continued"))]
    for index, piece in enumerate(pieces(cat, session), start=1):
        if meta.method == "assessment" and piece.kind == "heading":
            continue  # a test's questions are answered on paper, not read off the screen
        slides += fitted(_slide(piece, f"{anchor}-{index}", meta.title, t), room, squeeze,
                          t("continued"))
    return SessionSlides(anchor, meta.title, tuple(slides))


def pieces(cat: Catalogue, session: Session) -> list[Piece]:
    """What a session's slides are cut from: its Markdown, filled as on its page (glossary
    terms, contacts, citations) but for embedded checklists, an interactive form that has no
    place on a slide, converted in the slides edition."""
    path = session_path(session.module_id, session.id)
    text = replace_blocks(session.source.body, "checklist", lambda _: "")
    md = converter(cat.markdown, {BLOCKS: {"edition": "slides", "language": cat.language}})
    md.convert(expand_page(text, cat, path))
    reader = md.treeprocessors[markup.NAME]
    assert isinstance(reader, markup.SlidesTreeprocessor)
    return reader.pieces


def _slide(piece: Piece, key: str, session_title: str, t: Callable[..., str]) -> Slide:
    """A piece as one slide, before it is cut to fit: a heading, key messages or an author's
    slide under its session's title; an activity or case study under its name (and minutes)."""
    if piece.kind in {"heading", "key-messages", "slide"}:
        fallback = session_title if piece.kind == "slide" else piece.label
        return Slide(piece.kind, piece.title or html.escape(fallback), key, html.escape(session_title),
                     points=piece.points)
    kicker = " · ".join([piece.label, *([f"{piece.minutes} {t('min')}"] if piece.minutes else [])])
    return Slide(piece.kind, piece.title or html.escape(piece.label), key, html.escape(kicker),
                 points=piece.points)
