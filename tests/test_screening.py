"""The screening engine and `learnsite screen`: every outcome of both real checklists,
sign- and indicator-level answers, unknowns, and bad answer files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO
from learnsite.diagnostics import Diagnostics
from learnsite.load.project import load_checklist
from learnsite.screening import screen

FL = "forced-labour-indicators"
TIP = "trafficking-indicators"


def _checklist(checklist_id: str):
    checklist = load_checklist(REPO, checklist_id, Diagnostics())
    assert checklist is not None
    return checklist


def _all(checklist_id: str, answer: str) -> dict[str, str]:
    checklist = _checklist(checklist_id)
    answers = {q.id: answer for q in checklist.questions}
    answers.update({i.id: answer for i in checklist.indicators})
    return answers


def _first_sign(checklist_id: str, indicator_id: str) -> str:
    indicator = next(i for i in _checklist(checklist_id).indicators if i.id == indicator_id)
    return indicator.signs[0].id


CASES = [
    # (checklist, answers, expected outcome, expected present)
    (FL, {"deception": "yes", "debt-bondage": "yes"}, "refer", ["deception", "debt-bondage"]),
    (FL, {"excessive-overtime": "yes", "isolation": "yes"}, "refer", None),
    (FL, {"deception": "yes"}, "gather-more-information", ["deception"]),
    (FL, {"retention-of-identity-documents": "yes", "debt-bondage": "yes"},
     "gather-more-information", None),
    (FL, {}, "incomplete", []),
    (FL, "all-no", "no-indicators", []),
    (TIP, {"recruitment": "yes", "forced-labour-or-services": "yes", "fraud-or-deception": "yes"},
     "refer", None),
    (TIP, {"recruitment": "yes", "sexual-exploitation": "yes", "child": "yes"}, "refer", None),
    (TIP, {"recruitment": "yes", "sexual-exploitation": "yes", "child": "no"},
     "gather-more-information", None),
    (TIP, {"transportation": "yes", "threat-or-force": "yes"}, "gather-more-information", None),
    (TIP, {"child": "yes"}, "incomplete", []),
    (TIP, "all-no", "no-indicators", []),
]


@pytest.mark.parametrize(("checklist_id", "answers", "outcome", "present"), CASES)
def test_outcomes_of_both_checklists(checklist_id, answers, outcome, present) -> None:
    given = _all(checklist_id, "no") if answers == "all-no" else answers
    result = screen(_checklist(checklist_id), given)
    assert result.outcome.id == outcome
    if present is not None:
        assert list(result.present) == present


def test_a_sign_answered_yes_makes_its_indicator_present() -> None:
    answers = {_first_sign(FL, "deception"): "yes", _first_sign(FL, "withholding-of-wages"): "yes"}
    result = screen(_checklist(FL), answers)
    assert result.outcome.id == "refer"
    assert set(result.present) == {"deception", "withholding-of-wages"}


def test_an_indicator_is_absent_when_all_its_signs_are_no() -> None:
    checklist = _checklist(FL)
    answers = {s.id: "no" for i in checklist.indicators for s in i.signs}
    assert screen(checklist, answers).outcome.id == "no-indicators"
    one_unknown = {**answers, checklist.indicators[0].signs[-1].id: "unknown"}
    result = screen(checklist, one_unknown)
    assert result.outcome.id == "incomplete"
    assert result.unknown == (checklist.indicators[0].id,)


def test_an_unanswered_question_is_unknown() -> None:
    answers = {k: v for k, v in _all(TIP, "no").items() if k != "child"}
    assert screen(_checklist(TIP), answers).outcome.id == "incomplete"


def test_no_indicators_is_worded_so_it_rules_nothing_out() -> None:
    for checklist_id in (FL, TIP):
        outcome = next(o for o in _checklist(checklist_id).outcomes if o.id == "no-indicators")
        assert "not rule out" in (outcome.title + outcome.advice).lower()


def test_screen_command_prints_the_outcome_as_json(tmp_path: Path, learnsite) -> None:
    answers = tmp_path / "answers.yml"
    answers.write_text("deception: yes\ndebt-bondage: yes\nisolation: no\n", encoding="utf-8")
    run = learnsite("--root", str(REPO), "screen", FL, str(answers))
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["outcome"] == "refer"
    assert result["present"] == ["deception", "debt-bondage"]
    assert "isolation" not in result["unknown"] and "excessive-overtime" in result["unknown"]
    assert result["title"]


def test_unquoted_yaml_1_1_booleans_read_as_yes_and_no(tmp_path: Path, learnsite) -> None:
    answers = tmp_path / "answers.yml"
    answers.write_text("deception: true\ndebt-bondage: on\nisolation: off\n", encoding="utf-8")
    result = json.loads(learnsite("--root", str(REPO), "screen", FL, str(answers)).out)
    assert result["present"] == ["deception", "debt-bondage"]


ANSWER_CASES = [
    ("answer-unknown-id", "deceptoin: yes\n", 1, "did you mean `deception`?"),
    ("answer-invalid", "deception: maybe\n", 1, "must be yes, no or unknown, not `maybe`"),
    ("yaml-syntax", "deception: [yes\n", 2, ""),
    ("schema-wrong-type", "- deception\n", 1, "`id: answer` lines"),
]


@pytest.mark.parametrize(("rule", "text", "line", "message"), ANSWER_CASES)
def test_bad_answers_are_errors_with_exit_2(rule, text, line, message, tmp_path: Path,
                                            learnsite) -> None:
    answers = tmp_path / "answers.yml"
    answers.write_text(text, encoding="utf-8")
    run = learnsite("--root", str(REPO), "screen", FL, str(answers))
    assert run.code == 2
    assert run.out == ""
    assert f"{answers}:{line}:" in run.err and f"error[{rule}]" in run.err
    assert message in run.err


def test_unknown_checklist_is_an_error_with_exit_2(tmp_path: Path, learnsite) -> None:
    answers = tmp_path / "answers.yml"
    answers.write_text("x: yes\n", encoding="utf-8")
    run = learnsite("--root", str(REPO), "screen", "forced-labour", str(answers))
    assert run.code == 2
    assert "there is no checklist `forced-labour`" in run.err
    assert FL in run.err
