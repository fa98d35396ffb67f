"""The centre's own settings (site_config.yml): organisation, languages, audiences, programmes,
handbooks, referral contacts, review policy and diagnostic severities."""

from __future__ import annotations

import typing
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from learnsite.model.base import ClockTime, Id, Minutes, Record, Text


class Organisation(Record):
    """Who publishes the site and the handbooks."""

    name: Text = Field(description="The centre's full official name, shown on covers and pages.")
    partnership: Text | None = Field(None, description="Who launched the centre and with whom, as "
                                     "it is: shown on handbook covers and programme pages.")


class Language(Record):
    """A language the site is published in; the first listed is the default."""

    code: str = Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code, e.g. `en` or `ar`.")
    name: Text = Field(description="The language's name in itself, e.g. English, العربية.")
    dir: Literal["ltr", "rtl"] = Field("ltr", description="Writing direction.")


ENGLISH = Language(code="en", name="English")
"""The language of a project that names none."""


class Audience(Record):
    """A group of frontliners that guidance and modules are written for."""

    id: Id
    title: Text = Field(description='Plural name, e.g. "Labour inspectors".')
    description: Text | None = None


class Break(Record):
    """A break in a training day: at a clock time (lunch) or after each stretch of teaching."""

    title: Text = Field(description='Shown in the timetable, e.g. "Lunch".')
    minutes: Minutes
    at: ClockTime | None = Field(None, description="Clock time the break starts.")
    every: Minutes | None = Field(None, description="A break after each this many minutes of teaching.")
    note: Text | None = Field(None, description="Shown under the break in the timetable, e.g. how "
                              "to set its time.")

    @model_validator(mode="after")
    def _at_or_every(self) -> Self:
        if (self.at is None) == (self.every is None):
            raise ValueError("a break needs exactly one of `at` (a clock time) or `every` (minutes)")
        return self


class Item(Record):
    """A timed part of a day that is not a module's session: the opening, a recap of the day
    before, the day's review."""

    title: Text = Field(description='Shown in the timetable, e.g. "Welcome and introductions".')
    minutes: Minutes
    notes: list[Text] = Field(default_factory=list, description="What the trainer does, one step "
                              "per line: shown in the facilitator guide.")


class Day(Record):
    """One day of a programme: the modules taught that day, in order."""

    title: Text | None = None
    start: ClockTime = Field(description='When teaching starts, e.g. "09:00".')
    end: ClockTime | None = Field(None, description='When the day must end, e.g. "16:00".')
    opening: list[Item] = Field(default_factory=list, description="Timed items before the first "
                                "module: welcome, introductions, a recap of the day before.")
    modules: list[Id] = Field(min_length=1, description="Module ids taught that day, in order.")
    closing: list[Item] = Field(default_factory=list, description="Timed items after the last "
                                "module, e.g. the day's review.")
    breaks: list[Break] = Field(default_factory=list)


SessionRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"),
                      Field(description="A session as `module-id/session-id`.")]


class Task(Record):
    """Something to arrange before a course, and how long before."""

    task: Text = Field(description='What to do, e.g. "Book an independent interpreter".')
    days_before: int = Field(ge=0, le=365, description="How many days before the first day it "
                             "must be done.")
    why: Text | None = Field(None, description="Why, in a sentence, when it is not obvious.")


class Programme(Record):
    """A training programme: modules arranged over days."""

    id: Id
    title: Text
    summary: Text
    audiences: list[Id] = Field(default_factory=list)
    days: list[Day] = Field(min_length=1)
    preparation: list[Task] = Field(default_factory=list, description="What the trainer arranges "
                                    "before the course, each with its lead time: the facilitator "
                                    "guide lists them with what the sessions need.")
    pre_test: SessionRef | None = Field(None, description="The test taken before teaching starts, "
                                        "as `module/session`: the guide says to compare it with "
                                        "`post_test`.")
    post_test: SessionRef | None = Field(None, description="The same test taken at the end, as "
                                         "`module/session`.")
    evaluation: SessionRef | None = Field(None, description="The session in which participants "
                                          "evaluate the course, as `module/session`.")
    after: list[Text] = Field(default_factory=list, description="What the trainer does after the "
                              "course, besides the tests, the evaluation and the certificates.")

    @property
    def module_ids(self) -> list[str]:
        """The modules taught, each once, in the order they are first taught."""
        return list(dict.fromkeys(m for day in self.days for m in day.modules))


Part = Literal["cover", "contents", "overview", "guide", "modules", "checklists", "glossary", "handouts",
               "sources"]
PARTS: tuple[Part, ...] = typing.get_args(Part)
FRONT_PARTS: tuple[Part, ...] = ("cover", "contents")
"""The front matter, which opens the book in this order whatever else it holds."""


class Handbook(Record):
    """A printable PDF handbook: a programme or a list of modules, in one edition and language."""

    id: Id
    title: Text
    programme: Id | None = Field(None, description="The programme the handbook covers.")
    modules: list[Id] | None = Field(None, description="Or: the modules it covers, in order.")
    edition: Literal["trainer", "participant"]
    language: str = Field("en", description="Language code from `languages:`.")
    paper: Literal["A4", "A5", "letter"] = "A4"
    include: list[Part] = Field(default_factory=lambda: list(PARTS),
                                description="The parts to include, in this order (the cover and "
                                "the contents first).")

    @field_validator("include")
    @classmethod
    def _front_matter_first(cls, include: list[Part]) -> list[Part]:
        """Parts print in the order listed, so an order the book cannot have is refused rather
        than silently changed: each part once, the cover and the contents before the rest."""
        if len(set(include)) < len(include):
            raise ValueError("list each part once")
        front = [part for part in FRONT_PARTS if part in include]
        if include[:len(front)] != front:
            raise ValueError("the cover and then the contents open the handbook: list them first")
        return include

    @model_validator(mode="after")
    def _programme_or_modules(self) -> Self:
        if (self.programme is None) == (self.modules is None):
            raise ValueError("a handbook needs exactly one of `programme` or `modules`")
        return self


class Contact(Record):
    """A referral contact shown wherever guidance says "refer"."""

    id: Id
    title: Text
    value: Text = Field(description="The number, address or link.")
    kind: Literal["phone", "email", "address", "url", "text"] = "text"
    placeholder: bool = Field(False, description="True until an expert has confirmed the value.")
    note: Text | None = None


class ReviewPolicy(Record):
    """How often modules must be reviewed by a subject expert."""

    max_age_months: int = Field(12, gt=0, description="Months after which a review is due.")


class Repository(Record):
    """Where the sources live, for "Edit this page" links."""

    edit_url: str = Field(pattern=r"^https?://\S+/$", description="Base of the edit links, ending in "
                          "a slash; a page's source path is appended, e.g. "
                          "https://github.com/ORG/REPO/edit/main/")


class SiteConfig(Record):
    """The whole of site_config.yml."""

    title: Text | None = Field(None, description="The site's name in the header; defaults to "
                               "`site_name` in mkdocs.yml.")
    organisation: Organisation
    languages: list[Language] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    programmes: list[Programme] = Field(default_factory=list)
    handbooks: list[Handbook] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    review: ReviewPolicy = Field(default_factory=ReviewPolicy)
    repository: Repository | None = None
    diagnostics: dict[str, Literal["error", "warning", "notice", "off"]] = Field(
        default_factory=dict, description="Severity per rule id, e.g. `session-file-unlisted: off`."
    )
