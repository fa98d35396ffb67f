"""The screening engine and `learnsite screen`: every outcome of both real checklists,
sign- and indicator-level answers, unknowns, and bad answer files."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from learnsite.diagnostics import Diagnostics
from learnsite.load.answers import answerable_ids
from learnsite.load.project import load_checklist
from learnsite.screening import screen

FL = "forced-labour-indicators"
TIP = "trafficking-indicators"
VIGNETTES = Path(__file__).parent / "data" / "screening_vignettes.yml"


@functools.cache
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
    (TIP, {"recruitment": "yes", "forced-labour-or-services": "yes", "fraud-or-deception": "yes",
           "child": "no"}, "refer", None),
    (TIP, {"recruitment": "yes", "sexual-exploitation": "yes", "child": "yes"}, "refer-as-child",
     None),
    (TIP, {"recruitment": "yes", "sexual-exploitation": "yes", "child": "no"},
     "gather-more-information", None),
    (TIP, {"transportation": "yes", "threat-or-force": "yes"}, "gather-more-information", None),
    (TIP, {"child": "yes"}, "incomplete", []),
    (TIP, "all-no", "no-indicators", []),
]

#: The issue's acceptance examples: the signs answered yes; every other answer is no.
ACCEPTANCE = [
    (FL, {"passport-held-by-employer", "cannot-leave-employer"}, set(), "refer"),
    (FL, {"threat-of-absconding-report", "cannot-leave-employer"}, set(), "refer"),
    (FL, {"wages-withheld", "paid-less-than-promised"}, set(), "refer"),
    (FL, {"no-local-language", "employer-provided-housing"}, set(), "no-indicators"),
    (FL, {"recruitment-debt-being-repaid", "no-local-language", "very-long-hours-recorded",
          "overtime-not-agreed", "on-call-day-and-night"}, set(), "gather-more-information"),
    (FL, {"cannot-leave-employer"}, set(), "gather-more-information"),
    (FL, None, set(), "incomplete"),
    (TIP, {"agent-arranged-job", "forced-labour-checklist-refers"}, {"child"}, "refer-as-child"),
    (TIP, {"agent-arranged-job", "bound-work-ahead", "different-work-than-promised"}, set(),
     "refer"),
    (TIP, {"agent-arranged-job", "paid-less-than-promised"}, set(), "gather-more-information"),
]


def answers_for(checklist_id: str, yes: set[str] | None, not_sure: set[str]) -> dict[str, str]:
    """Every sign and question answered: `yes`, `not_sure`, and no for the rest (None: nothing
    answered at all)."""
    if yes is None:
        return {}
    answers = dict.fromkeys(answerable_ids(_checklist(checklist_id)), "no")
    for indicator in _checklist(checklist_id).indicators:
        del answers[indicator.id]  # the page answers signs, not indicators as a whole
    answers.update(dict.fromkeys(not_sure, "unknown"))
    answers.update(dict.fromkeys(yes, "yes"))
    return answers


def screen_file(learnsite, folder: Path, checklist_id: str, answers: dict[str, str]) -> dict:
    """`learnsite screen` on a file of these answers, its JSON read back."""
    path = folder / "answers.yml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in answers.items()) or "{}\n", encoding="utf-8")
    run = learnsite("--root", str(REPO), "screen", checklist_id, str(path))
    assert run.code == 0, run.err
    return dict(json.loads(run.out))


def vignettes() -> list[dict]:
    """The vignettes of tests/data: situations with the answers their facts imply."""
    return list(yaml.safe_load(VIGNETTES.read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", ACCEPTANCE, ids=lambda case: f"{case[0]}-{case[3]}")
def test_acceptance_examples_give_their_outcome(case, learnsite, tmp_path: Path) -> None:
    checklist_id, yes, not_sure, outcome = case
    result = screen_file(learnsite, tmp_path, checklist_id, answers_for(checklist_id, yes, not_sure))
    assert result["outcome"] == outcome
    if outcome.startswith("refer"):
        shown = [fact for facts in result["because"].values() for fact in facts]
        assert len(set(shown)) >= 2 and set(shown) <= (yes or set())


def test_context_is_shown_and_never_counted(learnsite, tmp_path: Path) -> None:
    answers = answers_for(FL, {"no-local-language", "employer-provided-housing"}, set())
    result = screen_file(learnsite, tmp_path, FL, answers)
    assert result["context"] == ["no-local-language", "employer-provided-housing"]
    assert result["because"] == {} and result["present"] == []
    unanswered = {k: v for k, v in answers.items()
                  if k not in ("no-copy-of-contract", "recruitment-debt-being-repaid")}
    assert screen_file(learnsite, tmp_path, FL, unanswered)["outcome"] == "no-indicators"


def test_because_names_the_facts_of_each_element(learnsite, tmp_path: Path) -> None:
    answers = answers_for(FL, {"passport-held-by-employer", "cannot-leave-employer",
                               "unpaid-work"}, set())
    result = screen_file(learnsite, tmp_path, FL, answers)
    assert result["because"] == {"involuntariness": ["cannot-leave-employer", "unpaid-work"],
                                 "coercion": ["passport-held-by-employer"]}
    assert result["present"] == ["not-free-to-leave", "retention-of-identity-documents",
                                 "withholding-of-wages"]


def test_one_fact_never_fills_two_elements() -> None:
    """An indicator answered yes as a whole may stand for signs of either element it holds, but
    it is one fact: alone it never refers."""
    checklist = _checklist(FL)
    alone = screen(checklist, {"withholding-of-wages": "yes"})
    assert alone.outcome.id == "gather-more-information"
    assert dict(alone.because) == {"involuntariness": ("withholding-of-wages",),
                                   "coercion": ("withholding-of-wages",)}
    assert screen(checklist, {"withholding-of-wages": "yes", "deception": "yes"}).outcome.id == "refer"


def test_age_not_sure_is_treated_as_a_child() -> None:
    checklist = _checklist(TIP)
    act_and_purpose = {"agent-arranged-job": "yes", "bound-work-ahead": "yes"}
    assert screen(checklist, {**act_and_purpose, "child": "unknown"}).outcome.id == "refer-as-child"
    assert screen(checklist, {**act_and_purpose, "child": "no"}).outcome.id == \
        "gather-more-information"
    advice = next(o for o in checklist.outcomes if o.id == "refer-as-child").advice
    assert "treat the person as a child" in advice


def test_vignettes_are_many_varied_and_explained() -> None:
    cases = vignettes()
    assert len(cases) >= 30
    assert len({case["id"] for case in cases}) == len(cases)
    sources = {s["id"] for s in yaml.safe_load((REPO / "content/sources.yml").read_text())["sources"]}
    for case in cases:
        assert any(source in case["rationale"] for source in sources), f"{case['id']} cites no source"
    for checklist_id in (FL, TIP):
        outcomes = {case["outcome"] for case in cases if case["checklist"] == checklist_id}
        assert outcomes == {o.id for o in _checklist(checklist_id).outcomes}, checklist_id


@pytest.mark.parametrize("case", vignettes(), ids=lambda case: case["id"])
def test_vignette_gives_its_outcome_and_reasons(case, learnsite, tmp_path: Path) -> None:
    answers = answers_for(case["checklist"], set(case.get("found", [])), set(case.get("not-sure", [])))
    result = screen_file(learnsite, tmp_path, case["checklist"], answers)
    assert result["outcome"] == case["outcome"], case["rationale"]
    if "because" in case:
        assert result["because"] == case["because"]


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
    ("answer-invalid", "deception: maybe\n", 1, "must be yes, no or not sure, not `maybe`"),
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
