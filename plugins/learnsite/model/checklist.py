"""Indicator checklists (content/checklists/<id>.yml) and the rule language of their outcomes.

A rule is data, not code, so experts can review it and the browser can evaluate the very same
rule as Python: conditions are one-key mappings combined with `all`, `any` and `not`.

A sign is one fact a frontliner can establish, and it shows one element (its own `element`, or
its indicator's). A `context` sign records vulnerability that is not yet abuse of it: it is shown
with the result and never counts toward an element, so an ordinary situation (no local
language, housing from the employer, a fee being repaid) never raises a result by itself.
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


SignKind = Literal["ask", "look", "context"]


class Sign(Record):
    """One fact to establish, worded as the finding the frontliner records ("The employer holds
    the worker's passport"). `ask` signs carry an open prompt that starts the conversation, as the
    interviewing module teaches, rather than a closed yes/no question."""

    id: Id
    kind: SignKind = Field(description="`ask`: learnt by talking with the person (give a `prompt`); "
                           "`look`: seen in the place, papers or records; `context`: vulnerability "
                           "that is recorded and shown but never counted toward an element.")
    text: Text = Field(description="The finding, as the frontliner would record it.")
    prompt: Text | None = Field(None, description="For `ask` signs: an open question or request "
                                "that starts the conversation, e.g. \"Tell me about your passport: "
                                "where is it kept?\"")
    element: Id | None = Field(None, description="The element this sign shows, when it is not its "
                               "indicator's (an indicator may hold signs of both elements where its "
                               "source says so). Not for `context` signs.")


class Indicator(Record):
    """One indicator, belonging to an element, with the signs that show it."""

    id: Id
    title: Text
    element: Id
    dimension: Id | None = Field(None, description="Optional stage or dimension, e.g. recruitment.")
    strength: Literal["strong", "medium", "weak"] | None = None
    source: Id | None = Field(None, description="The id, in content/sources.yml, of the source "
                              "this indicator comes from.")
    description: Text
    signs: list[Sign] = Field(min_length=1)

    def element_of(self, sign: Sign) -> str | None:
        """The element a sign shows (None for context signs, which show none)."""
        return None if sign.kind == "context" else sign.element or self.element


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


class Distinct(Record):
    """True when each listed element is shown by a sign of its own: different facts for different
    elements, so one fact never fills two elements and one sign alone never meets the rule."""

    distinct: list[Id] = Field(min_length=1)


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
    | Annotated[Distinct, Tag("distinct")]
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
    label: Text = Field(description="The outcome's short name, e.g. \"Refer\": how the decision "
                        "page and case studies name it, and how a model answer names it in bold.")
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
