"""A checklist's rule in plain words, in the page's language: what an expert reads to review the
rule, and what a frontliner reads to trust the result. Written from the rule data itself, so the
words cannot drift from what the engine does."""

from __future__ import annotations

from collections.abc import Callable

from learnsite.model.checklist import (
    AllOf,
    AnswerIs,
    AnyOf,
    Checklist,
    Condition,
    Distinct,
    ElementPresent,
    IndicatorPresent,
    NotOf,
    Outcome,
    SomePresent,
    SomethingUnknown,
)

Translate = Callable[..., str]


def outcome_rule(outcome: Outcome, checklist: Checklist, t: Translate) -> str:
    """When an outcome is the result: "when …", or "in every other case" for the catch-all."""
    if outcome.when is None:
        return t("rule-otherwise")
    return t("rule-when", condition=condition_words(outcome.when, checklist, t))


def condition_words(condition: Condition, checklist: Checklist, t: Translate) -> str:
    """One condition as a clause ("there is a sign of *coercion*")."""
    match condition:
        case AllOf():
            return t("rule-and").join(condition_words(c, checklist, t) for c in condition.all)
        case AnyOf():
            return t("rule-or").join(condition_words(c, checklist, t) for c in condition.any)
        case NotOf() if isinstance(condition.not_, AnswerIs):
            return _answer(condition.not_, checklist, t, "rule-answer-not")
        case NotOf():
            return t("rule-not", condition=condition_words(condition.not_, checklist, t))
        case ElementPresent():
            return t("rule-present", element=_element(condition.present, checklist))
        case Distinct() if len(condition.distinct) == 1:
            return t("rule-distinct-one", element=_element(condition.distinct[0], checklist))
        case Distinct():
            return t("rule-distinct", elements=_listing(
                [f"*{_element(e, checklist)}*" for e in condition.distinct], t))
        case IndicatorPresent():
            titles = {i.id: i.title for i in checklist.indicators}
            return t("rule-indicator", indicator=titles.get(condition.indicator, condition.indicator))
        case AnswerIs():
            return _answer(condition, checklist, t, "rule-answer")
        case SomethingUnknown():
            return t("rule-unknown" if condition.unknown else "rule-known")
        case SomePresent():
            return t("rule-some" if condition.some_present else "rule-none")
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover - the model forbids it


def _element(element_id: str, checklist: Checklist) -> str:
    return next((e.title for e in checklist.elements if e.id == element_id), element_id)


def _answer(condition: AnswerIs, checklist: Checklist, t: Translate, key: str) -> str:
    texts = {q.id: q.text for q in checklist.questions}
    question = condition.answer.question
    return t(key, question=texts.get(question, question).rstrip("?؟ "),
             answer=t(condition.answer.is_))


def _listing(items: list[str], t: Translate) -> str:
    """"A, B and C" in the page's language."""
    if len(items) < 2:
        return "".join(items)
    return t("list-comma").join(items[:-1]) + t("rule-and") + items[-1]
