"""Indicator checklists (content/checklists/<id>.yml) and the rule language of their outcomes.

A rule is data, not code, so experts can review it and the browser can evaluate the very same
rule as Python: conditions are one-key mappings combined with `all`, `any` and `not`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from learnsite.model.base import Answer, Id, Record, Text


class Element(Record):
    """A group of indicators the rules refer to (e.g. involuntariness, coercion; act, means)."""

    id: Id
    title: Text
    description: Text | None = None


class Question(Record):
    """A question that is not an indicator but that rules can test (e.g. is the person a child)."""

    id: Id
    text: Text
    help: Text | None = None


class Sign(Record):
    """Something to ask or to look for; a sign answered yes makes its indicator present."""

    id: Id
    kind: Literal["ask", "look"]
    text: Text


class Indicator(Record):
    """One indicator, belonging to an element, with the signs that show it."""

    id: Id
    title: Text
    element: Id
    dimension: Id | None = Field(None, description="Optional stage or dimension, e.g. recruitment.")
    strength: Literal["strong", "medium", "weak"] | None = None
    description: Text
    signs: list[Sign] = Field(min_length=1)


class AllOf(Record):
    """True when every listed condition is true."""

    all: list[Condition] = Field(min_length=1)


class AnyOf(Record):
    """True when at least one listed condition is true."""

    any: list[Condition] = Field(min_length=1)


class NotOf(Record):
    """True when the condition is false."""

    not_: Condition = Field(alias="not")


class ElementPresent(Record):
    """True when some indicator of this element is present."""

    present: Id


class IndicatorPresent(Record):
    """True when this indicator is present."""

    indicator: Id


class AnswerTest(Record):
    """Which question, and which answer it must have."""

    question: Id
    is_: Answer = Field(alias="is")


class AnswerIs(Record):
    """True when a question has the given answer (unanswered counts as unknown)."""

    answer: AnswerTest


class SomethingUnknown(Record):
    """`unknown: true`: something is unanswered or unknown; `false`: everything is answered."""

    unknown: bool


class SomePresent(Record):
    """`some-present: true`: at least one indicator is present; `false`: none is."""

    some_present: bool = Field(alias="some-present")


def _condition_key(value: Any) -> str | None:
    """The single key that says which condition a mapping is."""
    if isinstance(value, dict):
        return next(iter(value), None) if len(value) == 1 else None
    if isinstance(value, Record):
        return next(iter(value.model_dump(by_alias=True)))
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[ElementPresent, Tag("present")]
    | Annotated[IndicatorPresent, Tag("indicator")]
    | Annotated[AnswerIs, Tag("answer")]
    | Annotated[SomethingUnknown, Tag("unknown")]
    | Annotated[SomePresent, Tag("some-present")],
    Discriminator(_condition_key),
]


class Outcome(Record):
    """A possible result of screening; the first outcome whose `when` holds is the result."""

    id: Id
    title: Text
    tone: Literal["alert", "caution", "info", "neutral"] = "neutral"
    refer: bool = Field(False, description="Show the referral contacts with this outcome.")
    advice: Text
    when: Condition | None = Field(None, description="Omit on the last outcome: the catch-all.")


class Checklist(Record):
    """A whole checklist file."""

    id: Id
    title: Text
    summary: Text
    audiences: list[Id] = Field(default_factory=list)
    elements: list[Element] = Field(min_length=1)
    questions: list[Question] = Field(default_factory=list)
    indicators: list[Indicator] = Field(min_length=1)
    outcomes: list[Outcome] = Field(min_length=1)


for _model in (AllOf, AnyOf, NotOf):
    _model.model_rebuild()
