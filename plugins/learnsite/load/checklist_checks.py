"""Checks on a checklist's data and its rules: ids unique, references known, each fact under one
element, prompts where they belong, every outcome reachable, a final catch-all, and nothing an
XLSForm could not hold. Reachability is decided by trying every combination of the facts the
rules can see, so an unreachable outcome is found whatever the rule looks like."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from learnsite.diagnostics import Diagnostics
from learnsite.load.references import refs, unique
from learnsite.load.source import Key, YamlDoc
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
)
from learnsite.screening import AnswerValue, Facts, counted_elements, first_outcome
from learnsite.xlsform.xpath import inexpressible

_MAX_STATES = 200_000
_SPACE = re.compile(r"\s+")


def check_checklist(checklist: Checklist, doc: YamlDoc, diags: Diagnostics) -> None:
    """Every check on one checklist file."""
    if checklist.id != doc.path.stem:
        diags.add("id-mismatch", doc.at(("id",)),
                  f"checklist id `{checklist.id}` differs from its file name `{doc.path.name}`")
    answerable: list[tuple[Key, str]] = [(("questions", q, "id"), question.id)
                                         for q, question in enumerate(checklist.questions)]
    for i, indicator in enumerate(checklist.indicators):
        answerable.append((("indicators", i, "id"), indicator.id))
        answerable += [(("indicators", i, "signs", s, "id"), sign.id)
                       for s, sign in enumerate(indicator.signs)]
    unique(doc, answerable, diags, "indicators, signs and questions")
    unique(doc, [(("elements", e, "id"), el.id) for e, el in enumerate(checklist.elements)], diags,
           "elements")
    unique(doc, [(("outcomes", o, "id"), out.id) for o, out in enumerate(checklist.outcomes)],
           diags, "outcomes")
    elements = {e.id for e in checklist.elements}
    named: list[tuple[Key, str]] = [(("indicators", i, "element"), ind.element)
                                    for i, ind in enumerate(checklist.indicators)]
    named += [(("indicators", i, "signs", s, "element"), sign.element)
              for i, ind in enumerate(checklist.indicators)
              for s, sign in enumerate(ind.signs) if sign.element]
    clean = refs(doc, named, elements, "ref-unknown-element", "element", diags)
    _check_signs(checklist, doc, diags)
    for problem in inexpressible(checklist):
        diags.add("xlsform-inexpressible", doc.at(problem.key), problem.message)
    for o, outcome in enumerate(checklist.outcomes):
        if outcome.when is not None:
            clean &= _check_condition(checklist, outcome.when, ("outcomes", o, "when"), doc, diags)
    last = len(checklist.outcomes) - 1
    if checklist.outcomes[-1].when is not None:
        diags.add("outcome-no-catch-all", doc.at(("outcomes", last, "id")),
                  f"the last outcome `{checklist.outcomes[-1].id}` has a `when:`, so some answers "
                  "may match no outcome")
    elif clean:
        _check_reachable(checklist, doc, diags)


def _check_signs(checklist: Checklist, doc: YamlDoc, diags: Diagnostics) -> None:
    """Prompts only on `ask` signs, no element on context signs, and each fact under one element."""
    first_seen: dict[str, tuple[str, str]] = {}  # fact text → (element or "context", sign id)
    for i, indicator in enumerate(checklist.indicators):
        for s, sign in enumerate(indicator.signs):
            key: Key = ("indicators", i, "signs", s)
            if (sign.kind == "ask") != (sign.prompt is not None):
                diags.add("sign-prompt-missing", doc.at((*key, "prompt" if sign.prompt else "id")),
                          f"the {sign.kind} sign `{sign.id}` " + (
                              "has no `prompt`" if sign.kind == "ask" else "has a `prompt`, "
                              "which only `ask` signs use"))
            if sign.kind == "context" and sign.element:
                diags.add("sign-context-element", doc.at((*key, "element")),
                          f"the context sign `{sign.id}` names the element `{sign.element}`, but "
                          "context never counts toward an element")
            where = indicator.element_of(sign) or "context"
            fact = _SPACE.sub(" ", sign.text.casefold()).strip(" .")
            earlier = first_seen.setdefault(fact, (where, sign.id))
            if earlier[0] != where:
                diags.add("sign-in-two-elements", doc.at((*key, "text")),
                          f"the sign `{sign.id}` states the same fact as `{earlier[1]}`, but under "
                          f"{_side(where)} instead of {_side(earlier[0])}, so it would count twice")


def _side(element: str) -> str:
    return "context" if element == "context" else f"`{element}`"


def _check_condition(checklist: Checklist, condition: Condition, key: Key, doc: YamlDoc,
                     diags: Diagnostics) -> bool:
    """Check the ids a condition names; True when all are known."""
    match condition:
        case AllOf() | AnyOf():
            parts = condition.all if isinstance(condition, AllOf) else condition.any
            name = "all" if isinstance(condition, AllOf) else "any"
            results = [_check_condition(checklist, c, (*key, name, i), doc, diags)
                       for i, c in enumerate(parts)]
            return all(results)
        case NotOf():
            return _check_condition(checklist, condition.not_, (*key, "not"), doc, diags)
        case ElementPresent():
            return refs(doc, [((*key, "present"), condition.present)],
                        {e.id for e in checklist.elements}, "ref-unknown-element", "element",
                        diags)
        case Distinct():
            return refs(doc, [((*key, "distinct", i), e) for i, e in enumerate(condition.distinct)],
                        {e.id for e in checklist.elements}, "ref-unknown-element", "element",
                        diags)
        case IndicatorPresent():
            return refs(doc, [((*key, "indicator"), condition.indicator)],
                        {i.id for i in checklist.indicators}, "ref-unknown-indicator", "indicator",
                        diags)
        case AnswerIs():
            return refs(doc, [((*key, "answer", "question"), condition.answer.question)],
                        {q.id for q in checklist.questions}, "ref-unknown-question", "question",
                        diags)
    return True


def _named_indicators(condition: Condition | None) -> set[str]:
    match condition:
        case AllOf():
            return set().union(*map(_named_indicators, condition.all))
        case AnyOf():
            return set().union(*map(_named_indicators, condition.any))
        case NotOf():
            return _named_indicators(condition.not_)
        case IndicatorPresent():
            return {condition.indicator}
    return set()


def possible_facts(checklist: Checklist) -> Iterator[Facts]:
    """Every combination of facts the rules can distinguish that some answers can produce: which
    named indicators are present, which elements are shown (by a fact each, or, through an
    indicator answered yes as a whole, several by one shared fact), the questions' answers and
    whether something is unknown."""
    named = sorted(set().union(*(_named_indicators(o.when) for o in checklist.outcomes)))
    element_of = {i.id: i.element for i in checklist.indicators}
    # An element can be present through an indicator no rule names individually.
    free = sorted({e for i in checklist.indicators if i.id not in named for e in counted_elements(i)})
    shared = {frozenset(counted_elements(i)) for i in checklist.indicators
              if len(counted_elements(i)) > 1}
    questions = [q.id for q in checklist.questions]
    choices: tuple[AnswerValue, ...] = ("yes", "no", "unknown")
    for shown in itertools.product((False, True), repeat=len(named)):
        present = {n for n, on in zip(named, shown, strict=True) if on}
        implied = {element_of[n] for n in present}
        for extra in itertools.product((False, True), repeat=len(free)):
            on = implied | {e for e, more in zip(free, extra, strict=True) if more}
            indicators = present | {f"*{e}" for e in on - implied}
            everything_present = len(present) == len(checklist.indicators)
            for facts_of in _fact_layouts(sorted(on), shared):
                for answers in itertools.product(choices, repeat=len(questions)):
                    for unknown in (False, True):
                        if unknown != ("unknown" in answers) and (not unknown or everything_present):
                            continue
                        yield Facts(facts_of, frozenset(indicators),
                                    dict(zip(questions, answers, strict=True)), unknown)


def _fact_layouts(on: list[str], shared: set[frozenset[str]]) -> Iterator[dict[str, frozenset[str]]]:
    """The ways facts can show the elements in `on`: a fact of its own for each, and, for each
    indicator whose signs show several elements, one of its facts showing them all."""
    yield {e: frozenset({f"*{e}"}) for e in on}
    for group in sorted(shared, key=sorted):
        together = group & set(on)
        if len(together) > 1:
            yield {e: frozenset({"*shared"} if e in together else {f"*{e}"}) for e in on}


def _check_reachable(checklist: Checklist, doc: YamlDoc, diags: Diagnostics) -> None:
    named = set().union(*(_named_indicators(o.when) for o in checklist.outcomes))
    if 2 ** (len(named) + len(checklist.elements)) * 3 ** len(checklist.questions) > _MAX_STATES:
        return
    reached = {outcome.id for facts in possible_facts(checklist)
               if (outcome := first_outcome(checklist, facts)) is not None}
    for o, outcome in enumerate(checklist.outcomes):
        if outcome.id not in reached:
            diags.add("outcome-unreachable", doc.at(("outcomes", o, "id")),
                      f"no answers can lead to the outcome `{outcome.id}`: the outcomes before "
                      "it always match first")
