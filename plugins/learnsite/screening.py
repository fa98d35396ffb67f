"""Screening: which checklist outcome a set of answers leads to (the Python twin of checklist.js).

The rule is data in the checklist (ordered outcomes, first match wins). This module and the
browser's checklist.js evaluate the same data with the same definitions:

- an answer is `yes`, `no` or `unknown`; an unanswered item counts as unknown;
- an indicator is *present* when it, or any of its signs, is answered yes;
- otherwise it is *absent* when it is answered no as a whole, or every sign is answered no;
- otherwise it is *unknown*;
- "something unknown" means some indicator is unknown or some question is not answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from learnsite.model.checklist import (
    AllOf,
    AnswerIs,
    AnyOf,
    Checklist,
    Condition,
    ElementPresent,
    IndicatorPresent,
    NotOf,
    Outcome,
    SomePresent,
    SomethingUnknown,
)

AnswerValue = Literal["yes", "no", "unknown"]
State = Literal["present", "absent", "unknown"]


@dataclass(frozen=True)
class Facts:
    """What the rules can see: element presence, indicator presence, question answers."""

    elements: frozenset[str]
    indicators: frozenset[str]
    questions: Mapping[str, AnswerValue]
    unknown: bool


@dataclass(frozen=True)
class Screening:
    """The result of screening one set of answers."""

    outcome: Outcome
    present: tuple[str, ...]
    unknown: tuple[str, ...]


def indicator_state(checklist: Checklist, indicator_id: str,
                    answers: Mapping[str, AnswerValue]) -> State:
    """Present, absent or unknown, by the definitions in the module docstring."""
    indicator = next(i for i in checklist.indicators if i.id == indicator_id)
    own = answers.get(indicator.id, "unknown")
    signs = [answers.get(sign.id, "unknown") for sign in indicator.signs]
    if own == "yes" or "yes" in signs:
        return "present"
    if own == "no" or all(answer == "no" for answer in signs):
        return "absent"
    return "unknown"


def evaluate(condition: Condition, facts: Facts) -> bool:
    """Whether one condition of the rule language holds for `facts`."""
    match condition:
        case AllOf():
            return all(evaluate(c, facts) for c in condition.all)
        case AnyOf():
            return any(evaluate(c, facts) for c in condition.any)
        case NotOf():
            return not evaluate(condition.not_, facts)
        case ElementPresent():
            return condition.present in facts.elements
        case IndicatorPresent():
            return condition.indicator in facts.indicators
        case AnswerIs():
            return facts.questions.get(condition.answer.question, "unknown") == condition.answer.is_
        case SomethingUnknown():
            return facts.unknown == condition.unknown
        case SomePresent():
            return bool(facts.indicators) == condition.some_present
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover - the model forbids it


def first_outcome(checklist: Checklist, facts: Facts) -> Outcome | None:
    """The first outcome whose condition holds (an outcome without one always holds)."""
    return next((o for o in checklist.outcomes if o.when is None or evaluate(o.when, facts)), None)


def screen(checklist: Checklist, answers: Mapping[str, AnswerValue]) -> Screening:
    """Screen one set of answers (ids of indicators, signs or questions → answer)."""
    states = {i.id: indicator_state(checklist, i.id, answers) for i in checklist.indicators}
    present = tuple(i for i, s in states.items() if s == "present")
    unknown = tuple(i for i, s in states.items() if s == "unknown")
    questions = {q.id: answers.get(q.id, "unknown") for q in checklist.questions}
    elements = frozenset(i.element for i in checklist.indicators if i.id in present)
    facts = Facts(elements, frozenset(present), questions,
                  bool(unknown) or "unknown" in questions.values())
    outcome = first_outcome(checklist, facts)
    if outcome is None:  # `learnsite check` rejects rules without a catch-all
        raise ValueError(f"checklist {checklist.id} has no outcome for these answers")
    return Screening(outcome, present, unknown)
