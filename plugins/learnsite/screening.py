"""Screening: which checklist outcome a set of answers leads to (the Python twin of checklist.js).

The rule is data in the checklist (ordered outcomes, first match wins). This module and the
browser's checklist.js evaluate the same data with the same definitions:

- an answer is `yes`, `no` or `unknown` (shown as "Not sure"); an unanswered item is unknown;
- a *fact* is a counted sign answered yes, or an indicator answered yes as a whole. A sign shows
  one element (its own, else its indicator's); an indicator answered as a whole may stand for
  any of its counted signs, so it shows each of their elements, yet it is still one fact;
- `context` signs are not counted: those answered yes are listed apart, and they change no
  outcome, not even whether something is unknown;
- an indicator is *present* when it, or one of its counted signs, is a fact; otherwise *absent*
  when it is answered no as a whole or every counted sign is answered no; otherwise *unknown*;
- an element is present when some fact shows it; `distinct: [a, b]` holds when each listed
  element is shown by a different fact, so one fact never fills two elements;
- "something unknown" means some indicator is unknown or some question is not answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from learnsite.model.checklist import (
    AllOf,
    AnswerIs,
    AnyOf,
    Checklist,
    Condition,
    Distinct,
    ElementPresent,
    Indicator,
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
    """What the rules can see: the facts showing each element, the indicators present, the
    answers to questions, and whether something is still unknown."""

    shown: Mapping[str, frozenset[str]]
    indicators: frozenset[str]
    questions: Mapping[str, AnswerValue]
    unknown: bool

    def present(self, element: str) -> bool:
        """Whether some fact shows `element`."""
        return bool(self.shown.get(element))


@dataclass(frozen=True)
class Screening:
    """The result of screening one set of answers, and why."""

    outcome: Outcome
    present: tuple[str, ...]
    unknown: tuple[str, ...]
    because: Mapping[str, tuple[str, ...]]
    """For each element shown, the facts (sign or indicator ids) showing it, in checklist order."""
    context: tuple[str, ...]
    """Context signs answered yes: recorded and shown, never counted."""
    questions: Mapping[str, AnswerValue]


def counted_elements(indicator: Indicator) -> list[str]:
    """The elements an indicator's counted signs show, its own first."""
    elements = [indicator.element]
    for sign in indicator.signs:
        element = indicator.element_of(sign)
        if element is not None and element not in elements:
            elements.append(element)
    return elements


def indicator_state(indicator: Indicator, answers: Mapping[str, AnswerValue]) -> State:
    """Present, absent or unknown, by the definitions in the module docstring."""
    own = answers.get(indicator.id, "unknown")
    signs = [answers.get(s.id, "unknown") for s in indicator.signs if s.kind != "context"]
    if own == "yes" or "yes" in signs:
        return "present"
    if own == "no" or all(answer == "no" for answer in signs):
        return "absent"
    return "unknown"


def facts_shown(checklist: Checklist, answers: Mapping[str, AnswerValue]) -> dict[str, tuple[str, ...]]:
    """For each element, the facts showing it, in checklist order (elements with none left out)."""
    shown: dict[str, list[str]] = {}
    for indicator in checklist.indicators:
        if answers.get(indicator.id) == "yes":
            for element in counted_elements(indicator):
                shown.setdefault(element, []).append(indicator.id)
        for sign in indicator.signs:
            shows = indicator.element_of(sign)
            if shows is not None and answers.get(sign.id) == "yes":
                shown.setdefault(shows, []).append(sign.id)
    return {e.id: tuple(shown[e.id]) for e in checklist.elements if e.id in shown}


def distinct_facts(elements: Iterable[str], shown: Mapping[str, Iterable[str]]) -> dict[str, str] | None:
    """A different fact for each element (element → fact), or None when there is no such choice.

    A fact may show several elements (an indicator answered yes as a whole), so this is a small
    matching: each element in turn takes a free fact, or one whose holder can move to another.
    """
    holder: dict[str, str] = {}  # fact → the element it is given to

    def give(element: str, tried: set[str]) -> bool:
        for fact in shown.get(element, ()):
            if fact in tried:
                continue
            tried.add(fact)
            if fact not in holder or give(holder[fact], tried):
                holder[fact] = element
                return True
        return False

    for element in elements:
        if not give(element, set()):
            return None
    return {element: fact for fact, element in holder.items()}


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
            return facts.present(condition.present)
        case Distinct():
            return distinct_facts(condition.distinct, facts.shown) is not None
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
    states = {i.id: indicator_state(i, answers) for i in checklist.indicators}
    present = tuple(i for i, s in states.items() if s == "present")
    unknown = tuple(i for i, s in states.items() if s == "unknown")
    questions = {q.id: answers.get(q.id, "unknown") for q in checklist.questions}
    shown = facts_shown(checklist, answers)
    facts = Facts({e: frozenset(f) for e, f in shown.items()}, frozenset(present), questions,
                  bool(unknown) or "unknown" in questions.values())
    outcome = first_outcome(checklist, facts)
    if outcome is None:  # `learnsite check` rejects rules without a catch-all
        raise ValueError(f"checklist {checklist.id} has no outcome for these answers")
    context = tuple(s.id for i in checklist.indicators for s in i.signs
                    if s.kind == "context" and answers.get(s.id) == "yes")
    return Screening(outcome, present, unknown, shown, context, questions)
