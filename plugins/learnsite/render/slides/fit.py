"""A slide, and how a piece's points are shared over as many slides as they need: each holds
what fits under its title, the next ones marked as continued beside the line above the title.
What fits is measured with the shipped fonts at the sizes of slides.css (measure.py); a point too
long for a slide of its own is cut into sentences, and a sentence into clauses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import groupby

from learnsite.render.slides import markup
from learnsite.render.slides.markup import Marker, Point, clauses, sentences, shortened
from learnsite.render.slides.measure import Face


@dataclass(frozen=True)
class Slide:
    """One slide: what it says, and which piece it was cut from (`key`, for a tighter cut)."""

    kind: str
    """cover, session, objectives, heading, or the block it shows: activity, case-study,
    key-messages, slide."""
    title: str
    """Inline HTML."""
    key: str
    kicker: str = ""
    """Inline HTML: the line above the title, naming the module, the session, or the block and
    its minutes."""
    facts: str = ""
    """A line under the title: the session's minutes and method, the day."""
    label: str = ""
    """A heading over the points ("Objectives")."""
    points: tuple[Point, ...] = ()
    continued: bool = False

    @property
    def groups(self) -> list[tuple[Marker, list[Point]]]:
        """The points as the lists and paragraphs they were: consecutive points alike together."""
        return [(marker, list(points)) for marker, points in groupby(self.points, lambda p: p.marker)]


@dataclass(frozen=True)
class Room:
    """What a slide holds, in points, from the sizes in slides.css (keep the two in step: the
    renderer checks every slide and cuts tighter any that runs over, but each check is one more
    render of its deck)."""

    width: float
    """The text column."""
    indent: float
    """A list item's, from the column's edge."""
    height: float
    """Below the line over the title: for the title, facts, label and points."""
    kicker: Face
    title: Face
    body: Face
    gap: float
    """Between two points."""
    facts: float
    """The facts line of a session's title slide, with its rule, and its title's margin."""
    label: float


_LATIN, _LATIN_BOLD = ("NotoSans-Regular.ttf",), ("NotoSans-Bold.ttf",)
_ARABIC = ("NotoNaskhArabic-Regular.ttf", "NotoSans-Regular.ttf")  # Latin words from Noto Sans
_ARABIC_BOLD = ("NotoNaskhArabic-Bold.ttf", "NotoSans-Bold.ttf")
_JOINED = 0.85  # joined Arabic letters: see Face.scale
ROOMS = {
    "ltr": Room(width=623, indent=28.6, height=264, kicker=Face(_LATIN, _LATIN_BOLD, 24, 28.8),
                title=Face(_LATIN, _LATIN_BOLD, 36, 41.4), body=Face(_LATIN, _LATIN_BOLD, 26, 33.8),
                gap=7.8, facts=66, label=40),
    "rtl": Room(width=623, indent=30.8, height=264, kicker=Face(_ARABIC, _ARABIC_BOLD, 24, 28.8, _JOINED),
                title=Face(_ARABIC, _ARABIC_BOLD, 38, 51.3, _JOINED),
                body=Face(_ARABIC, _ARABIC_BOLD, 28, 39.2, _JOINED), gap=8.4, facts=71.3, label=42)}
SQUEEZE = 0.8
"""What a slide found running over keeps of its room, each time (a tighter cut of its piece)."""


def fitted(slide: Slide, room: Room, squeeze: Mapping[str, int], mark: str) -> Iterator[Slide]:
    """The slide as one or more that fit, the next ones marked as continued (`mark`) and without
    the facts line, which the first one gave (a title slide with no room left keeps only its
    facts)."""
    free = room.height * SQUEEZE ** squeeze.get(slide.key, 0) \
        - room.title.lines([(markup.plain(slide.title), True)], room.width) * room.title.line \
        - room.label * bool(slide.label)

    slide = replace(slide, kicker=shortened(   # with room for the mark a continued slide adds
        slide.kicker, lambda shown: room.kicker.width(f"{shown} {mark}", True) <= room.width))
    pages: list[list[Point]] = [[]]
    left = free - room.facts * bool(slide.facts)
    for point in _split_long(slide.points, room, free):
        need = _height(point, room)
        if need - room.gap > left and (pages[-1] or (len(pages) == 1 and slide.facts)):
            # a lead-in ("Cards:") goes on with what it introduces
            lead = [pages[-1].pop()] if len(pages[-1]) > 1 and pages[-1][-1].text.endswith(":") else []
            pages.append(lead)
            left = free - sum(_height(p, room) for p in lead)
        pages[-1].append(point)
        left -= need
    yield replace(slide, points=tuple(pages[0]), label=slide.label if pages[0] else "")
    for page in pages[1:]:
        yield replace(slide, points=tuple(page), facts="", continued=True)


def _split_long(points: tuple[Point, ...], room: Room, free: float) -> Iterator[Point]:
    """Points too long for a slide of their own, cut into their sentences, and a sentence still
    too long at its colons and semicolons (the first piece keeps the point's bullet or number;
    the others follow as paragraphs)."""
    for point in points:
        if _height(point, room) <= free or point.marker == "block":
            yield point
            continue
        pieces = [piece for sentence in sentences(point.html)
                  for piece in ([sentence] if _height(replace(point, html=sentence), room) <= free
                                else clauses(sentence))]
        yield replace(point, html=pieces[0])
        yield from (Point(piece, "p") for piece in pieces[1:])


def _height(point: Point, room: Room) -> float:
    """The height a point takes, with the space after it."""
    width = room.width - (room.indent if point.marker in {"ul", "ol"} else 0)
    return room.body.lines(markup.runs(point.html), width) * room.body.line + room.gap
