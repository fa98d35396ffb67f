"""Case studies screened by the engine: a `/// case-study` block that names a checklist and the
answers its facts imply gets its outcome computed, and the model answer that follows it must not
name another one. The checks (here) and the pages (render/pages.py) read a case the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import yaml
from pydantic import ValidationError

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.answers import answerable_ids
from learnsite.load.mdscan import Block, Scan
from learnsite.load.suggest import did_you_mean
from learnsite.model.blocks import CaseStudyOptions
from learnsite.model.catalogue import MarkdownSource
from learnsite.model.checklist import Checklist, Outcome
from learnsite.screening import AnswerValue, Screening, screen

_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EDGES = " .:;,!?()،؛«»\"'“”"


@dataclass(frozen=True)
class Case:
    """A case study that names a checklist, with the block that holds it and its model answer."""

    block: Block
    options: CaseStudyOptions
    answer: Block | None


def screened_cases(scanned: Scan) -> Iterator[Case]:
    """Every case study naming a checklist, each with the `answer` block that follows it before
    the next case study (its model answer), if any."""
    blocks = scanned.blocks
    for index, block in enumerate(blocks):
        if block.name != "case-study" or not block.closed:
            continue
        options = case_options(block)
        if options is None or options.checklist is None:
            continue
        yield Case(block, options, following_answer(blocks, index))


def following_answer(blocks: Sequence[Block], index: int) -> Block | None:
    """The first `answer` block after blocks[index] and before the next case study."""
    for later in blocks[index + 1:]:
        if later.name == "case-study":
            return None
        if later.name == "answer" and later.line > (blocks[index].end_line or 0):
            return later
    return None


def case_options(block: Block) -> CaseStudyOptions | None:
    """A case study's options, or None when it has none or they are invalid (the Markdown
    checks report why)."""
    if not block.options:
        return None
    try:
        return CaseStudyOptions.model_validate(yaml.safe_load(block.options))
    except (ValidationError, yaml.YAMLError):
        return None


def case_answers(options: CaseStudyOptions, checklist: Checklist) -> dict[str, AnswerValue]:
    """The full answers a case implies: yes for its `found` ids, not sure for its `not-sure`
    ids, and no for every other sign and question (indicators are left to their signs)."""
    answers: dict[str, AnswerValue] = {q.id: "no" for q in checklist.questions}
    answers.update({s.id: "no" for i in checklist.indicators for s in i.signs})
    answers.update(dict.fromkeys(options.not_sure, "unknown"))
    answers.update(dict.fromkeys(options.found, "yes"))
    return answers


def screen_case(options: CaseStudyOptions, checklist: Checklist) -> Screening:
    """The checklist's result for the case."""
    return screen(checklist, case_answers(options, checklist))


def named_outcomes(body: str, answer: Block, outcomes: list[Outcome]) -> Iterator[tuple[Outcome, int, int]]:
    """The outcomes a model answer names in bold (`**Refer.**`), with line and column in `body`."""
    labels = {_plain(o.label): o for o in outcomes}
    lines = body.splitlines()
    for number in range(answer.line, (answer.end_line or answer.line) + 1):
        for match in _BOLD.finditer(lines[number - 1]):
            outcome = labels.get(_plain(match.group(1) or match.group(2)))
            if outcome is not None:
                yield outcome, number, match.start() + 1


def _plain(text: str) -> str:
    return " ".join(text.casefold().split()).strip(_EDGES)


def check_cases(source: MarkdownSource, scanned: Scan, checklists: Mapping[str, Checklist],
                diags: Diagnostics) -> None:
    """Each screened case names a known checklist and its ids; its model answer names no outcome
    but the computed one (any outcome that refers agrees with another that refers); and a model
    answer of an unscreened case names none at all."""
    for case in screened_cases(scanned):
        checklist = checklists.get(case.options.checklist or "")
        where = _option_at(source, case.block, "checklist")
        if checklist is None:
            guess = did_you_mean(case.options.checklist or "", checklists)
            diags.add("ref-unknown-checklist", where,
                      f"unknown checklist `{case.options.checklist}`{guess}",
                      f"Known checklists: {', '.join(sorted(checklists)) or 'none yet'}.")
            continue
        known = answerable_ids(checklist)
        unknown = [i for i in (*case.options.found, *case.options.not_sure) if i not in known]
        for answer_id in unknown:
            diags.add("answer-unknown-id", _option_at(source, case.block, answer_id),
                      f"`{answer_id}` is not a sign or question of `{checklist.id}`"
                      f"{did_you_mean(answer_id, known)}")
        if unknown or case.answer is None:
            continue
        result = screen_case(case.options, checklist).outcome
        for named, line, col in named_outcomes(source.body, case.answer, checklist.outcomes):
            if named.id != result.id and not (named.refer and result.refer):
                diags.add("case-outcome-mismatch", _at(source, line, col),
                          f"the model answer says **{named.label}**, but `{checklist.id}` gives "
                          f"**{result.label}** for the answers of the case "
                          f"“{case.block.title or ''}”")
    _check_typed(source, scanned, checklists, diags)


def _check_typed(source: MarkdownSource, scanned: Scan, checklists: Mapping[str, Checklist],
                 diags: Diagnostics) -> None:
    """Model answers of case studies that name no checklist, yet name an outcome by hand."""
    outcomes = [o for checklist in checklists.values() for o in checklist.outcomes]
    for index, block in enumerate(scanned.blocks):
        if block.name != "case-study":
            continue
        options = case_options(block)
        answer = following_answer(scanned.blocks, index)
        if (options is not None and options.checklist) or answer is None:
            continue
        for named, line, col in named_outcomes(source.body, answer, outcomes):
            diags.add("case-outcome-typed", _at(source, line, col),
                      f"the model answer of the case “{block.title or ''}” names the outcome "
                      f"**{named.label}** by hand")
            break


def _at(source: MarkdownSource, line: int, col: int) -> Location:
    return Location(source.path, source.first_line + line - 1, col)


def _option_at(source: MarkdownSource, block: Block, text: str) -> Location:
    """The line of the block's option that mentions `text` (the header line if none does)."""
    for offset, line in enumerate(block.options.splitlines(), start=1):
        column = line.find(text)
        if column >= 0:
            return _at(source, block.line + offset, block.col + 4 + column)
    return _at(source, block.line, block.col)
