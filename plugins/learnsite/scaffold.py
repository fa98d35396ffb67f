"""`learnsite new`: starter files for a module, a session or a checklist.

Scaffolds list every required field, empty, with a comment saying what goes there, so
`learnsite check` then names each field still to fill in, with its line. Existing files are
never overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from learnsite.load.layout import CHECKLISTS_DIR, MODULES_DIR
from learnsite.model.base import ID_PATTERN
from learnsite.model.site import SiteConfig

FIRST_SESSION = "introduction"


class ScaffoldError(Exception):
    """A scaffold that cannot be written; the message says why and what to do instead."""


@dataclass(frozen=True)
class Scaffolded:
    """What was written, and what the author should do next."""

    written: list[Path]
    next_steps: list[str]


def _render(template: str, **context: object) -> str:
    env = Environment(loader=PackageLoader("learnsite.render", "templates/scaffold"),
                      keep_trailing_newline=True, undefined=StrictUndefined)
    return env.get_template(template).render(**context)


def _check_id(kind: str, value: str) -> None:
    if not re.fullmatch(ID_PATTERN, value):
        raise ScaffoldError(f"`{value}` is not a valid {kind} id: use lower-case letters and digits "
                            "joined by hyphens, e.g. `interviewing-workers`")


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path} already exists; learnsite new never overwrites a file")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_module(root: Path, module_id: str, site: SiteConfig | None) -> Scaffolded:
    """modules/<id>/module.yml and a first session file."""
    _check_id("module", module_id)
    folder = root / MODULES_DIR / module_id
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists; choose another id or edit that module")
    audiences = [a.id for a in site.audiences] if site else []
    written = [
        _write(folder / "module.yml", _render("module.yml.j2", id=module_id, audiences=audiences,
                                              session=FIRST_SESSION)),
        _write(folder / f"{FIRST_SESSION}.md", _render("session.md.j2")),
    ]
    return Scaffolded(written, [
        f"Fill in title, summary, last_reviewed, audiences and objectives in {written[0]}.",
        f"Fill in title, minutes and method in {written[1]}, and write the session.",
        "Add the module to a programme's day in site_config.yml to put it in a timetable.",
        "Run `learnsite check`: it names every field still empty, with its line.",
    ])


def new_session(root: Path, module_id: str, session_id: str) -> Scaffolded:
    """modules/<module>/<session>.md, listed at the end of the module's `sessions:`."""
    _check_id("session", session_id)
    module_file = root / MODULES_DIR / module_id / "module.yml"
    if not module_file.is_file():
        raise ScaffoldError(f"there is no module `{module_id}` ({module_file} is missing); "
                            f"create it first with `learnsite new module {module_id}`")
    written = [_write(module_file.parent / f"{session_id}.md", _render("session.md.j2"))]
    steps = [f"Fill in title, minutes and method in {written[0]}, and write the session."]
    if _append_session(module_file, session_id):
        steps.append(f"It was added at the end of `sessions:` in {module_file}; move it where it "
                     "belongs in the teaching order.")
    else:
        steps.append(f"Add `{session_id}` under `sessions:` in {module_file}.")
    return Scaffolded(written, [*steps, "Run `learnsite check`."])


def _append_session(module_file: Path, session_id: str) -> bool:
    """Add `- id` after the last item of a block-style `sessions:` list; False if not found."""
    lines = module_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"sessions:\s*(#.*)?$", line)), None)
    if start is None:
        return False
    end = start
    while end + 1 < len(lines) and re.match(r"\s+- ", lines[end + 1]):
        end += 1
    if end == start:
        return False
    indent = re.match(r"(\s+)- ", lines[end])
    prefix = indent.group(1) if indent else "  "
    if not lines[end].endswith("\n"):
        lines[end] += "\n"
    lines.insert(end + 1, f"{prefix}- {session_id}\n")
    module_file.write_text("".join(lines), encoding="utf-8")
    return True


def new_checklist(root: Path, checklist_id: str, site: SiteConfig | None) -> Scaffolded:
    """content/checklists/<id>.yml."""
    _check_id("checklist", checklist_id)
    audiences = [a.id for a in site.audiences] if site else []
    path = _write(root / CHECKLISTS_DIR / f"{checklist_id}.yml",
                  _render("checklist.yml.j2", id=checklist_id, audiences=audiences))
    return Scaffolded([path], [
        f"Fill in {path}: elements, indicators with their signs, and outcomes "
        "(see content/checklists/forced-labour-indicators.yml for a complete example).",
        "Run `learnsite check`.",
    ])
