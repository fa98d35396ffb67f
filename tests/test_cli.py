"""The `learnsite` command as authors and CI use it: exit codes, formats, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import edit

BROKEN_MINUTES = ("minutes: 45", "minutes: abc")


def test_clean_project_passes(project: Path, learnsite) -> None:
    run = learnsite("--root", str(project), "check")
    assert run.code == 0
    assert run.out.strip().startswith("No problems found")


def test_all_problems_are_reported_in_one_run(project: Path, learnsite) -> None:
    edit(project / "modules/basics/definitions.md", *BROKEN_MINUTES)
    edit(project / "modules/indicators/module.yml", "objectives:", "objetives:")
    edit(project / "content/index.md", "programmes/workshop/index.md", "programmes/nope.md")
    run = learnsite("--root", str(project), "check", "--format", "json")
    assert run.code == 1
    assert {"schema-wrong-type", "schema-unknown-key", "link-broken"} <= set(run.rules())


def test_text_report_names_file_line_rule_and_hint(project: Path, learnsite) -> None:
    edit(project / "modules/basics/definitions.md", *BROKEN_MINUTES)
    run = learnsite("--root", str(project), "check")
    assert run.out.splitlines() == [
        "modules/basics/definitions.md:3:10: error[schema-wrong-type]: "
        "`minutes` must be a whole number, not `abc`",
        "  hint: A duration in whole minutes, e.g. 45.",
        "1 problem (1 error, 0 warnings) in 1 file; 12 files checked.",
    ]


def test_github_format_prints_annotations(project: Path, learnsite) -> None:
    edit(project / "modules/basics/definitions.md", *BROKEN_MINUTES)
    run = learnsite("--root", str(project), "check", "--format", "github")
    first = run.out.splitlines()[0]
    assert first.startswith("::error file=modules/basics/definitions.md,line=3,col=10,"
                            "title=schema-wrong-type::`minutes` must be a whole number")
    assert "%0AA duration in whole minutes" in first


def test_github_actions_environment_selects_annotations(project: Path, learnsite,
                                                        monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    edit(project / "modules/basics/definitions.md", *BROKEN_MINUTES)
    run = learnsite("--root", str(project), "check")
    assert run.out.startswith("::error file=modules/basics/definitions.md,line=3")


def test_json_format_is_machine_readable(project: Path, learnsite) -> None:
    edit(project / "modules/basics/definitions.md", *BROKEN_MINUTES)
    run = learnsite("--root", str(project), "check", "--format", "json")
    assert json.loads(run.out) == [{
        "rule": "schema-wrong-type", "severity": "error",
        "path": "modules/basics/definitions.md", "line": 3, "col": 10,
        "message": "`minutes` must be a whole number, not `abc`",
        "hint": "A duration in whole minutes, e.g. 45.",
    }]


def test_warnings_fail_only_when_strict(project: Path, learnsite) -> None:
    (project / "modules/basics/notes.md").write_text("---\ntitle: Notes\n---\n", encoding="utf-8")
    assert learnsite("--root", str(project), "check").code == 0
    strict = learnsite("--root", str(project), "check", "--strict")
    assert strict.code == 1
    assert "warning[session-file-unlisted]" in strict.out


def test_severity_can_be_tuned_in_site_config(project: Path, learnsite) -> None:
    (project / "modules/basics/notes.md").write_text("---\ntitle: Notes\n---\n", encoding="utf-8")
    with (project / "site_config.yml").open("a", encoding="utf-8") as handle:
        handle.write("diagnostics:\n  session-file-unlisted: off\n")
    run = learnsite("--root", str(project), "check", "--strict")
    assert run.code == 0, run.out


def test_bad_usage_exits_2(learnsite) -> None:
    assert learnsite("check", "--format", "xml").code == 2
    assert learnsite("no-such-command").code == 2
    assert learnsite().code == 2


def test_yaml_1_1_surprises_read_as_the_author_meant(project: Path) -> None:
    from learnsite.load.project import load_project

    edit(project / "modules/basics/module.yml", 'version: "1.0"', "version: 1.10")
    edit(project / "modules/basics/module.yml", "title: Basics", "title: yes")
    result = load_project(project)
    assert not result.diagnostics.items
    module = result.catalogue.modules["basics"].record
    assert (module.version, module.title) == ("1.10", "yes")


def test_footnotes_and_abbreviations_are_not_taken_for_links(project: Path, learnsite) -> None:
    edit(project / "modules/basics/definitions.md", "## Three parts\n",
         "## Three parts\n\nThe ILO says so.[^ilo]\n\n[^ilo]: Convention No. 29.\n"
         "*[ILO]: International Labour Organization\n")
    run = learnsite("--root", str(project), "check", "--strict")
    assert run.code == 0, run.out


def test_console_script_prints_no_traceback(project: Path) -> None:
    (project / "modules/basics/module.yml").write_bytes(b"id: basics\n\xff\xfe: [\n")
    (project / "modules/indicators/signs.md").write_text("", encoding="utf-8")
    (project / "site_config.yml").write_text("organisation: [\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "learnsite.cli", "check"], cwd=project,
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "GITHUB_ACTIONS": ""})
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "modules/basics/module.yml:2:1: error[file-encoding]" in done.stdout
    assert "modules/indicators/signs.md:1:1: error[file-empty]" in done.stdout
    assert "site_config.yml:2:1: error[yaml-syntax]" in done.stdout


def test_rules_command_lists_every_rule(learnsite) -> None:
    from learnsite.rules import RULES

    run = learnsite("rules")
    assert run.code == 0
    assert [line.split()[0] for line in run.out.splitlines()] == list(RULES)
