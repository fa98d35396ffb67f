"""A checklist's screening rule as the XPath of XLSForm `calculate` fields, generated from the rule
data with the definitions of screening.py, so a form on a phone gives the outcome the site gives.

The form asks each sign and question (as the checklist page does, not an indicator as a whole),
so every fact is a sign answered yes and shows exactly one element. Then screening.py's matching
for `distinct` comes down to counting: each listed element needs as many facts of its own as the
list names it. An unanswered item is empty in the form and counts as unknown, as on the site.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

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
    SomePresent,
    SomethingUnknown,
)

#: The names of the fields the form computes. Checklist ids never hold `_`, so these never clash
#: with a sign or question, whose field is named by its id.
OUTCOME = "screening_outcome"
PRESENT_COUNT = "indicators_present"
UNKNOWN = "something_unknown"
CONTEXT = "context_recorded"

_XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


def ref(name: str) -> str:
    """An XLSForm reference to a field, which pyxform turns into its path."""
    return "${" + name + "}"


def indicator_field(indicator_id: str) -> str:
    """The field holding an indicator's state: present, absent or unknown."""
    return f"indicator_{indicator_id}"


def element_field(element_id: str) -> str:
    """The field holding how many facts show an element."""
    return f"element_{element_id}"


def why_field(element_id: str) -> str:
    """The field holding the facts (sign ids, space-separated) that show an element, as the
    screening result's `because`."""
    return f"why_{element_id}"


def _quote(value: str) -> str:
    return f"'{value}'"  # ids and answer values hold no quote


def is_yes(item: str) -> str:
    """Whether a sign or question is answered yes."""
    return f"{ref(item)} = 'yes'"


def _is_no(item: str) -> str:
    return f"{ref(item)} = 'no'"


def _sum(terms: list[str]) -> str:
    return " + ".join(f"if({term}, 1, 0)" for term in terms) if terms else "0"


def _either(terms: list[str], empty: str) -> str:
    return " or ".join(terms) if terms else empty


def indicator_state(checklist: Checklist, indicator_id: str) -> str:
    """Present when a counted sign is yes; absent when every counted sign is no (an indicator
    with no counted sign is absent); else unknown."""
    indicator = next(i for i in checklist.indicators if i.id == indicator_id)
    counted = [s.id for s in indicator.signs if s.kind != "context"]
    if not counted:
        return "'absent'"
    yes = " or ".join(map(is_yes, counted))
    no = " and ".join(map(_is_no, counted))
    return f"if({yes}, 'present', if({no}, 'absent', 'unknown'))"


def showing(checklist: Checklist, element_id: str) -> list[str]:
    """The signs that show an element, in checklist order."""
    return [sign.id for indicator in checklist.indicators for sign in indicator.signs
            if indicator.element_of(sign) == element_id]


def element_count(checklist: Checklist, element_id: str) -> str:
    """How many facts show an element."""
    return _sum([is_yes(sign) for sign in showing(checklist, element_id)])


def element_why(checklist: Checklist, element_id: str) -> str:
    """The ids of the facts showing an element, in checklist order, separated by spaces."""
    parts = [f"if({is_yes(sign)}, '{sign} ', '')" for sign in showing(checklist, element_id)]
    if not parts:
        return "''"
    joined = parts[0] if len(parts) == 1 else f"concat({', '.join(parts)})"
    return f"normalize-space({joined})"


def present_count(checklist: Checklist) -> str:
    """How many indicators are present."""
    return _sum([f"{ref(indicator_field(i.id))} = 'present'" for i in checklist.indicators])


def something_unknown(checklist: Checklist) -> str:
    """1 when some indicator is unknown or some question is not answered yes or no, else 0."""
    terms = [f"{ref(indicator_field(i.id))} = 'unknown'" for i in checklist.indicators]
    terms += [f"not({is_yes(q.id)} or {_is_no(q.id)})" for q in checklist.questions]
    return f"if({_either(terms, 'false()')}, 1, 0)"


def context_recorded(checklist: Checklist) -> str:
    """The ids of the context signs answered yes: recorded, never counted."""
    parts = [f"if({is_yes(s.id)}, '{s.id} ', '')" for i in checklist.indicators for s in i.signs
             if s.kind == "context"]
    if not parts:
        return "''"
    return f"normalize-space({parts[0] if len(parts) == 1 else 'concat(' + ', '.join(parts) + ')'})"


def condition(rule: Condition) -> str:
    """One condition of the rule language as an XPath boolean expression."""
    match rule:
        case AllOf():
            return "(" + " and ".join(map(condition, rule.all)) + ")"
        case AnyOf():
            return "(" + " or ".join(map(condition, rule.any)) + ")"
        case NotOf():
            return f"not({condition(rule.not_)})"
        case ElementPresent():
            return f"{ref(element_field(rule.present))} > 0"
        case Distinct():
            needed = Counter(rule.distinct)
            return "(" + " and ".join(f"{ref(element_field(e))} >= {n}" for e, n in needed.items()) + ")"
        case IndicatorPresent():
            return f"{ref(indicator_field(rule.indicator))} = 'present'"
        case AnswerIs():
            item = rule.answer.question
            if rule.answer.is_ == "unknown":
                return f"not({is_yes(item)} or {_is_no(item)})"
            return f"{ref(item)} = {_quote(rule.answer.is_)}"
        case SomethingUnknown():
            return f"{ref(UNKNOWN)} = {1 if rule.unknown else 0}"
        case SomePresent():
            return f"{ref(PRESENT_COUNT)} {'>' if rule.some_present else '='} 0"
    raise TypeError(f"not a condition: {rule!r}")  # pragma: no cover - the model forbids it


def outcome(checklist: Checklist) -> str:
    """The first outcome whose condition holds, as nested `if()`s; empty when none holds, which
    `learnsite check` rules out by asking for a catch-all."""
    expression = "''"
    for candidate in reversed(checklist.outcomes):
        test = "true()" if candidate.when is None else condition(candidate.when)
        expression = f"if({test}, {_quote(candidate.id)}, {expression})"
    return expression


@dataclass(frozen=True)
class Inexpressible:
    """Something in a checklist that an XLSForm cannot hold: where (a key path in its YAML)
    and why."""

    key: tuple[str | int, ...]
    message: str


def inexpressible(checklist: Checklist) -> Iterator[Inexpressible]:
    """What keeps a checklist from becoming an XLSForm that screens as the site does.

    Each sign and question becomes a field named by its id, so answers keep their ids in the
    data a form collects (and a case manager can screen them again with `learnsite screen`). An
    XML name cannot start with a digit, which checklist ids may; renaming the field would make
    the collected data name other ids than the checklist. The last outcome must be the catch-all
    (`outcome-no-catch-all` reports it), or the form would have no outcome to show.
    """
    named: list[tuple[tuple[str | int, ...], str]] = [
        (("questions", q, "id"), question.id) for q, question in enumerate(checklist.questions)]
    named += [(("indicators", i, "signs", s, "id"), sign.id)
              for i, indicator in enumerate(checklist.indicators)
              for s, sign in enumerate(indicator.signs)]
    for key, item in named:
        if not _XML_NAME.match(item):
            yield Inexpressible(key, f"`{item}` cannot name a field of an XLSForm (an XML name "
                                "starts with a letter), so the checklist cannot be exported for "
                                "KoboToolbox or ODK")
