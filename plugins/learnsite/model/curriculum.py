"""Modules (module.yml), session front matter and content-page front matter."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, field_validator

from learnsite.model.base import Id, Method, Minutes, Record, Text


class TranslationMeta(Record):
    """The `translation:` header of a translated file."""

    source: str | None = Field(None, description="Hash of the source this translates; written by "
                               "`learnsite translations --stamp`.")
    status: Literal["draft", "reviewed"] = Field("draft", description="`draft` until an expert "
                                                 "has reviewed the translation.")


class Module(Record):
    """A training module: its sessions in teaching order and what it is for."""

    id: Id = Field(description="Same as the module's folder name.")
    title: Text = Field(description="The module's name, as shown in menus and handbooks.")
    summary: Text = Field(description="One or two sentences saying what the module is for.")
    version: Text = Field(description='Content version, e.g. "1.2" (quote it).')
    status: Literal["draft", "review", "published", "retired"]
    last_reviewed: date = Field(description="Date of the last expert review, YYYY-MM-DD.")
    audiences: list[Id] = Field(min_length=1, description="Audience ids from site_config.yml, "
                                "e.g. `[labour-inspectors]`.")
    objectives: list[Text] = Field(min_length=1, description="What participants can do afterwards, "
                                   "one per line starting with `- `.")
    prerequisites: list[Id] = Field(default_factory=list, description="Module ids to take first.")
    sessions: list[Id] = Field(min_length=1, description="Session ids in order; each is <id>.md.")
    assessment: Id | None = Field(None, description="Optional assessment file id (<id>.md).")


Per = Literal["participant", "group", "room"]
"""Who gets a copy of a material: each participant, each group, or the room once."""

MATERIAL_FILE = r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(md|pdf)$"
"""A path inside the module's folder: no `..`, no leading slash, Markdown or PDF."""


class FileMaterial(Record):
    """A material kept in the repository: a handout, a case pack, role cards, a form."""

    file: str = Field(description="A Markdown or PDF file under the module's folder, e.g. "
                      "`materials/role-cards.md`.")
    per: Per = Field("participant", description="A copy for each `participant`, each `group`, or "
                     "one for the `room`.")
    copies: int = Field(1, gt=0, le=50, description="How many copies each of them gets.")

    @field_validator("file")
    @classmethod
    def _inside_module(cls, file: str) -> str:
        """A session may only name its own module's files, which travel with the module."""
        if not re.fullmatch(MATERIAL_FILE, file):
            raise ValueError("give a path inside the module's folder ending in .md or .pdf, e.g. "
                             "materials/role-cards.md (no `..`, no leading `/`)")
        return file


class BringMaterial(Record):
    """Something the trainer brings: a flip chart, markers, a printed checklist."""

    bring: Text = Field(description='What to bring, e.g. "Flip chart and markers".')
    per: Per = Field("room", description="One for each `participant`, each `group`, or the `room`.")
    copies: int = Field(1, gt=0, le=50, description="How many each of them gets.")


def _material_kind(value: Any) -> str:
    """Which kind of material an entry is: a `file:` or (otherwise) a thing to `bring:`."""
    if isinstance(value, dict):
        return "file" if "file" in value else "bring"
    return "file" if isinstance(value, FileMaterial) else "bring"


Material = Annotated[Annotated[FileMaterial, Tag("file")] | Annotated[BringMaterial, Tag("bring")],
                     Discriminator(_material_kind)]


class MaterialMeta(Record):
    """The front matter of a material file (modules/<id>/materials/<name>.md)."""

    title: Text = Field(description="The material's name, as printed on it and in lists.")
    audience: Literal["trainers", "participants"] = Field(
        "participants", alias="for", description="`trainers` for what participants must not see "
        "before the exercise (role-card keys, answer sheets): printed only in trainer outputs.")
    translation: TranslationMeta | None = None


class SessionMeta(Record):
    """The front matter of a session file."""

    title: Text = Field(description="The session's name.")
    minutes: Minutes
    method: Method = Field(description="One of: presentation, discussion, case-study, role-play, "
                           "exercise, assessment.")
    materials: list[Material] = Field(default_factory=list, description="Files under the module "
                                      "(`file:`) and things to bring (`bring:`); the session's "
                                      "handouts count as materials by themselves.")
    group_size: int | None = Field(None, ge=2, le=12, description="People per group, for group "
                                   "work and materials given `per: group`.")
    objectives: list[Text] = Field(default_factory=list)
    translation: TranslationMeta | None = None

    @property
    def material_files(self) -> list[str]:
        """The files of its module it names under `materials:`, in order."""
        return [m.file for m in self.materials if isinstance(m, FileMaterial)]


class PageMeta(Record):
    """The front matter of a content page; Material's own page keys are allowed too."""

    title: Text | None = None
    description: Text | None = None
    audiences: list[Id] = Field(default_factory=list)
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(
        default_factory=list
    )
    search: dict[str, Any] | None = None
    tags: list[Text] = Field(default_factory=list)
    template: Text | None = None
    icon: Text | None = None
    status: Text | None = None
    subtitle: Text | None = None
    translation: TranslationMeta | None = None
