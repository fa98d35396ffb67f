"""Shared building blocks of the content model: strict records and the value types they use."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Record(BaseModel):
    """A record read from YAML: unknown keys are errors (so typos are caught), values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="An id: lower-case letters and digits joined by hyphens, e.g. `debt-bondage`."),
]


class AuthorText:
    """The mark of `Text`: words an author writes that pages show. Whatever field uses `Text`,
    load/text_checks.py finds it through this mark and checks it as pages are checked."""


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AuthorText()]
Minutes = Annotated[int, Field(gt=0, le=24 * 60, description="A duration in whole minutes, e.g. 45.")]
ClockTime = Annotated[
    str,
    StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
    Field(description='A time of day as HH:MM on the 24-hour clock, e.g. "09:00".'),
]
Method = Literal["presentation", "discussion", "case-study", "role-play", "exercise", "assessment"]
Answer = Literal["yes", "no", "unknown"]
