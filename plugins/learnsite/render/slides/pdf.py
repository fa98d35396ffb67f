"""Slide decks to PDF: each deck one WeasyPrint document, rendered by the handbooks' workers and
kept, like a handbook's units, in a cache under a hash of its HTML and stylesheet
(render/handbook/cache.py), so a build with nothing changed renders nothing.

Every slide must fit its page. The rendered anchors show which page each slide begins on; a slide
that ran over is cut tighter and its deck rendered again, up to ATTEMPTS times. One that still
runs over (a single sentence longer than a slide holds) is written as it is and reported by name,
as is a deck that lost content while rendering (then nothing is written). One deck failing does
not stop the others.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment

from learnsite.model.catalogue import Catalogue
from learnsite.render.assets import PDF_FONT_FACES
from learnsite.render.handbook.cache import RenderCache, write_atomically
from learnsite.render.handbook.pdf import TAGGED
from learnsite.render.handbook.scheduler import Renderer, Workers
from learnsite.render.handbook.worker import Facts, Job
from learnsite.render.page_templates import html_templates
from learnsite.render.slides.deck import Deck, build_deck, untranslated_days
from learnsite.render.slides.files import DeckFile, programme_decks
from learnsite.render.slides.fit import Slide
from learnsite.render.slides.markup import plain
from learnsite.strings import human_size, translator

CSS = PDF_FONT_FACES + (Path(__file__).parent / "slides.css").read_text(encoding="utf-8")
CACHE = Path(".cache") / "slides"
"""Where rendered decks are kept between builds, inside the project folder (apart from the
handbooks' units: each build prunes its own cache)."""
ATTEMPTS = 3


@dataclass(frozen=True)
class WrittenDeck:
    """A deck written to its file."""

    file: DeckFile
    path: Path
    slides: int
    size: int
    rendered: bool
    """Whether it was rendered in this build, rather than taken from the cache."""


@dataclass
class SlidesBuild:
    """What a build of the decks wrote, what it has to say, and what failed."""

    written: list[WrittenDeck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Decks not offered (a day not wholly translated), and WeasyPrint's warnings."""
    failures: list[str] = field(default_factory=list)


def deck_html(deck: Deck) -> str:
    """The deck as one HTML document, a section per slide."""
    return _templates().get_template("deck.html.j2").render(deck=deck, t=translator(deck.language))


@cache
def _templates() -> Environment:
    return html_templates("learnsite.render.slides")


def build_slides(cat: Catalogue, folder: Path, only: list[str] | None = None, cache: Path | None = None,
                 workers: Workers | None = None) -> SlidesBuild:
    """Every deck of the site's programmes (or of those in `only`) into `folder`, reusing decks
    rendered before from `cache` (none kept without one), rendering in `workers` when given."""
    programmes = [p.id for p in (cat.site.programmes if cat.site else []) if not only or p.id in only]
    done = SlidesBuild(notes=[note for p in programmes for note in untranslated_days(cat, p)])
    squeeze: dict[DeckFile, Counter[str]] = {file: Counter() for programme in programmes
                                             for file in programme_decks(cat, programme)}
    store = RenderCache(cache)
    try:
        with Renderer(workers, CSS) as renderer:
            pending, fresh = list(squeeze), set[DeckFile]()
            for attempt in range(1, ATTEMPTS + 1):
                decks = {f: build_deck(cat, f, squeeze[f]) for f in pending}
                jobs = {f: _job(deck, store) for f, deck in decks.items()}
                renderer.start(list(jobs.values()))
                futures = {f: renderer.submit(job) for f, job in jobs.items()}
                fresh |= {f for f, job in jobs.items() if job.entry.pdf in renderer.fresh}
                pending = []
                for file, future in futures.items():
                    over = _settle(file, decks[file], jobs[file], future, folder, done,
                                   file in fresh, last=attempt == ATTEMPTS)
                    squeeze[file].update(over)
                    pending += [file] if over else []
        if cache is not None and not only:
            store.prune()
        order = list(squeeze)
        done.written.sort(key=lambda written: order.index(written.file))
    finally:
        store.close()
    return done


def _job(deck: Deck, store: RenderCache) -> Job:
    html = deck_html(deck)
    return Job(html, CSS, store.entry(html, CSS, TAGGED), TAGGED,
               tuple(f"end-{session.anchor}" for session in deck.sessions))


def _settle(file: DeckFile, deck: Deck, job: Job, rendered: Future[Facts], folder: Path,
            done: SlidesBuild, fresh: bool, last: bool) -> list[str]:
    """Write a rendered deck whose slides all fit (or, on the `last` attempt, say which do not);
    else return the keys of the slides that ran over, to be cut tighter."""
    try:
        facts = rendered.result()
    except Exception as exc:  # one deck failing does not stop the others
        done.failures.append(f"slides `{file.name}` failed to render: {exc}")
        return []
    if facts.missing:
        done.failures.append(f"slides `{file.name}` lost content while rendering: "
                             f"{', '.join(facts.missing)} did not render in full")
        return []
    over = overflowing(deck, facts)
    if over and not last:
        return [slide.key for _, slide in over]
    target = folder / file.name
    write_atomically(target, job.entry.pdf.read_bytes())
    done.written.append(WrittenDeck(file, target, len(deck.slides), target.stat().st_size, fresh))
    done.notes += [note for warning in (*facts.stylesheet_warnings, *facts.warnings)
                   if (note := f"{file.path}: {warning}") not in done.notes]
    done.failures += [f"slides `{file.name}`: slide {number} (“{plain(slide.title)}”) does not fit on "
                      f"one slide; shorten its text or split its sentences" for number, slide in over]
    return []


def overflowing(deck: Deck, facts: Facts) -> list[tuple[int, Slide]]:
    """The slides (numbered from 1) that take more than one page."""
    slides = deck.slides
    starts = [facts.anchors.get(f"slide-{number}", -1) for number in range(1, len(slides) + 1)]
    ends = [*starts[1:], facts.pages]
    return [(number, slide)
            for number, (slide, start, end) in enumerate(zip(slides, starts, ends, strict=True), start=1)
            if end - start != 1]


def log_line(written: WrittenDeck, shown: str) -> str:
    """A written deck as the build log gives it: its file (`shown` as given), its size, and
    whether it was rendered or reused."""
    facts = f"{written.slides} slides, {human_size(written.size, 'en')}"
    return f"{shown} ({facts}; {'rendered' if written.rendered else 'reused from the cache'})"
