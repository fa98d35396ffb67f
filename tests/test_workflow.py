"""The pull-request workflow runs only commands that exist, its summary script maps changed files
to the right pages, and CONTRIBUTING.md quotes only real rule ids."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from learnsite.cli import main
from learnsite.rules import RULES

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "pull-request.yml"
SUMMARY = REPO / "scripts" / "pr-summary.py"
FIXTURE = Path(__file__).parent / "fixtures" / "minimal"

# Tools the runner provides; anything else a step runs must come from this repository.
SYSTEM_TOOLS = {"sudo", "apt-get", "git"}
PYTHONS = {"python", "python3", ".venv/bin/python"}
SEPARATORS = {"&&", "||", "|", ";"}


def load_workflow():
    # PyYAML reads a bare `on:` key as the boolean True (YAML 1.1).
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_scripts():
    workflow = load_workflow()
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def commands(script):
    """Each simple command of a `run:` script, as its list of words."""
    script = script.replace("\\\n", " ")
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.commenters = "#"
        lexer.whitespace_split = True
        words = []
        for token in lexer:
            if token in SEPARATORS:
                if words:
                    yield words
                words = []
            else:
                words.append(token)
        if words:
            yield words


def makefile_targets():
    """Targets of the Makefile, with its simple `NAME := value` variables expanded."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^(\w+)\s*[:?]?=\s*(\S+)\s*$", text, re.MULTILINE))

    def expand(word):
        for _ in range(5):
            word = re.sub(r"\$\((\w+)\)", lambda m: variables.get(m[1], m[0]), word)
        return word

    targets = set()
    for names in re.findall(r"^([^\s#:=][^:=]*?):(?!=)", text, re.MULTILINE):
        targets.update(expand(name) for name in names.split())
    return {target for target in targets if not re.fullmatch(r"\.[A-Z_]+", target)}  # not .PHONY


def learnsite_subcommands():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--help"])
    return set(re.findall(r"^ {4}([a-z][\w-]*)\s", out.getvalue(), re.MULTILINE))


def test_workflow_parses_and_runs_on_pull_requests():
    workflow = load_workflow()
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers
    assert "workflow_dispatch" in triggers
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"


def test_helpers_see_the_makefile_and_the_cli():
    assert {"site", "test", "check", "serve", ".venv/.installed"} <= makefile_targets()
    assert {"check", "schema", "new", "rules"} <= learnsite_subcommands()


def test_every_run_command_exists():
    targets = makefile_targets()
    subcommands = learnsite_subcommands()
    checked = []
    for script in run_scripts():
        for words in commands(script):
            while re.fullmatch(r"\w+=\S*", words[0]):  # FOO=bar command ...
                words = words[1:]
            tool, args = words[0], words[1:]
            if tool == "sudo":
                tool, args = args[0], args[1:]
            if tool == "make":
                wanted = [a for a in args if not a.startswith("-")]
                assert wanted, f"`make` without a target: {words}"
                assert set(wanted) <= targets, f"no such make target: {wanted}"
            elif tool == ".venv/bin/learnsite":
                # The first word after the global options (--root takes a value) is the subcommand.
                rest = args[2:] if args[:1] == ["--root"] else args
                assert rest and rest[0] in subcommands, f"no such learnsite subcommand: {words}"
            elif tool in PYTHONS:
                assert args and args[0].startswith("scripts/"), f"run repository scripts only: {words}"
                assert (REPO / args[0]).is_file(), f"{args[0]} does not exist"
            elif tool.startswith("scripts/"):
                assert (REPO / tool).is_file(), f"{tool} does not exist"
            else:
                assert tool in SYSTEM_TOOLS, f"unexpected command `{tool}` in the workflow"
            checked.append(tool)
    assert {"make", ".venv/bin/learnsite", "python3"} <= set(checked)


def test_workflow_checks_strictly_builds_and_uploads():
    steps = load_workflow()["jobs"]["check-and-build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert any("learnsite check --strict --format github" in run for run in runs)
    assert "make site" in runs
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the summary compares with the base branch"
    uploads = {step["with"]["name"]: step["with"] for step in steps
               if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["site"]["path"].rstrip("/") == "site"
    assert uploads["handbooks"]["path"].rstrip("/") == "site/handbooks"
    assert uploads["handbooks"]["if-no-files-found"] == "ignore"


def summarise(files, *, root=FIXTURE, via_stdin=True):
    args = [sys.executable, str(SUMMARY), "--root", str(root)]
    done = subprocess.run([*args] if via_stdin else [*args, *files],
                          input="\n".join(files) + "\n" if via_stdin else "",
                          capture_output=True, text=True, check=True)
    return done.stdout


def sections(markdown):
    """`### Heading` -> the subjects of its top-level list items (before the arrow)."""
    found = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith("### "):
            current = found.setdefault(line[4:], [])
        elif line.startswith("- ") and current is not None:
            current.append(line[2:].split(" ←")[0])
    return found


CHANGED = [
    "content/index.md",
    "content/index.ar.md",
    "modules/basics/module.yml",
    "modules/basics/definitions.md",
    "content/checklists/mini.yml",
    "content/glossary.yml",
    "tests/test_bad_inputs.py",
]


def test_summary_maps_changed_files_to_pages():
    out = summarise(CHANGED)
    assert out.startswith("## What this change affects")
    found = sections(out)
    pages = found["Pages"]
    for page in ["`index.md`", "`modules/basics/index.md`", "`modules/basics/definitions.md`",
                 "`checklists/mini.md`", "`glossary.md`",
                 "`modules/indicators/signs.md`"]:  # embeds `/// checklist | mini`
        assert page in pages, (page, pages)
    assert "programme pages whose timetable includes `basics`" in pages
    assert "**All pages**, because of:" not in pages
    assert "(ar translation)" in out
    assert found["Handbooks"] == ["**Every handbook**"], "module.yml changes every handbook"
    assert found["Not published on the site"] == ["`tests/test_bad_inputs.py`"]


def test_summary_of_a_session_names_its_module_handbooks():
    found = sections(summarise(["modules/basics/definitions.md"], via_stdin=False))
    assert found["Pages"] == ["`modules/basics/definitions.md`"]
    assert found["Handbooks"] == ["handbooks that include the module `basics`"]


def test_summary_of_site_config_is_every_page_and_handbook(tmp_path):
    (tmp_path / "handbooks").mkdir()
    (tmp_path / "handbooks" / "workshop-trainer.pdf").write_bytes(b"%PDF")
    out = subprocess.run([sys.executable, str(SUMMARY), "--site", str(tmp_path), "site_config.yml"],
                         capture_output=True, text=True, check=True).stdout
    found = sections(out)
    assert found["Pages"] == ["**All pages**, because of:"]
    assert found["Handbooks"] == ["**Every handbook**: `workshop-trainer.pdf`"]


def test_summary_of_nothing():
    assert "No changed files." in summarise([])


def test_contributing_quotes_only_real_rules():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    quoted = re.findall(r"\b(error|warning|notice)\[([^\]\s]+)\]", text)
    assert len({rule for _, rule in quoted}) >= 10, "the common errors section quotes real messages"
    for severity, rule in quoted:
        assert rule in RULES, f"CONTRIBUTING.md quotes `{rule}`, which `learnsite rules` does not list"
        assert RULES[rule].severity.value == severity, f"`{rule}` is a {RULES[rule].severity.value}"


def test_summary_lists_what_the_change_adds_to_and_removes_from_the_review_queue(tmp_path):
    page = tmp_path / "content" / "referral.md"
    page.parent.mkdir()
    block = "/// to-confirm | {}\n    reason: not yet known\n\nText.\n///\n\n"
    page.write_text(block.format("The hotline") + block.format("The shelters"), encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(tmp_path)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    page.write_text(block.format("The hotline") + block.format("Passport rules"), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SUMMARY), "--root", str(tmp_path), "--base", "HEAD",
                          "content/referral.md"], capture_output=True, text=True, check=True).stdout
    assert sections(out)["Review queue (statements the centre must confirm)"] == [
        "added: Passport rules (`content/referral.md`)", "removed: The shelters (`content/referral.md`)"]
