"""Reading a file of checklist answers (for `learnsite screen`), as authors write it by hand.

Answers are `yes`, `no` or `not sure` (also written `unknown`). YAML 1.1 habits are accepted as
meant: `true`/`on`/`y` read as yes, `false`/`off`/`n` as no, and an empty value as not sure.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from learnsite.diagnostics import Diagnostics
from learnsite.load.source import parse_yaml, read_text
from learnsite.load.suggest import did_you_mean
from learnsite.model.checklist import Checklist
from learnsite.screening import AnswerValue

_SPELLINGS: dict[str, AnswerValue] = {
    **dict.fromkeys(("yes", "y", "true", "on"), "yes"),
    **dict.fromkeys(("no", "n", "false", "off"), "no"),
    **dict.fromkeys(("unknown", "?", "not sure", "don't know"), "unknown"),
}


def answerable_ids(checklist: Checklist) -> list[str]:
    """Every id an answer may be given for: questions, indicators and signs."""
    ids = [q.id for q in checklist.questions]
    for indicator in checklist.indicators:
        ids += [indicator.id, *(sign.id for sign in indicator.signs)]
    return ids


def read_answers(path: Path, display: PurePosixPath, checklist: Checklist,
                 diags: Diagnostics) -> dict[str, AnswerValue]:
    """The answers in `path`, normalised; every problem is reported with its line."""
    text = read_text(path, display, diags)
    doc = parse_yaml(text, display, diags) if text is not None else None
    if doc is None:
        return {}
    if not isinstance(doc.data, dict):
        diags.add("schema-wrong-type", doc.at(()), "answers must be `id: answer` lines",
                  "For example `deception: yes` on one line, `debt-bondage: no` on the next.")
        return {}
    known = answerable_ids(checklist)
    answers: dict[str, AnswerValue] = {}
    for key, value in doc.data.items():
        if key not in known:
            guess = did_you_mean(key, known)
            diags.add("answer-unknown-id", doc.key_at((key,)),
                      f"`{key}` is not an indicator, sign or question of `{checklist.id}`{guess}")
            continue
        answer = _SPELLINGS.get(str(value).strip().lower()) if value is not None else "unknown"
        if answer is None or isinstance(value, list | dict):
            diags.add("answer-invalid", doc.at((key,)),
                      f"`{key}`: the answer must be yes, no or not sure, not `{value}`")
            continue
        answers[key] = answer
    return answers
