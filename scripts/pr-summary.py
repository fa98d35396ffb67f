#!/usr/bin/env python3
"""Which site pages and handbooks a change affects, and which statements it adds to or removes
from the centre's review queue (`/// to-confirm` blocks), as Markdown for a pull request's job
summary.

    git diff --name-only origin/main...HEAD \
        | python3 scripts/pr-summary.py --base origin/main >> "$GITHUB_STEP_SUMMARY"
    python3 scripts/pr-summary.py modules/eleven-indicators/module.yml content/referral.md

Changed files come as arguments, or one per line on standard input. Pages are named by their
place in the site (`referral.md`, `modules/<id>/<session>.md`), as learnsite's messages name
them. Standard library only: it runs before, and without, the project's virtual environment.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3})$")
EMBED = re.compile(r"^///\s*checklist\s*\|\s*(?P<id>[\w-]+)\s*$", re.MULTILINE)
TO_CONFIRM = re.compile(r"^\s*/{3,}\s*to-confirm\b\s*(?:\|\s*(?P<title>.*?))?\s*$\n"
                        r"(?P<after>(?:.*\n){0,4})", re.MULTILINE)

EVERYTHING = {
    "site_config.yml": "the centre's settings changed",
    "mkdocs.yml": "the site's theme or Markdown settings changed",
    "pyproject.toml": "the site generator's dependencies changed",
}
GENERATOR = "plugins/"  # the site generator itself


@dataclass
class Effects:
    """What a set of changed files touches on the built site."""

    pages: dict[str, set[str]] = field(default_factory=dict)  # site page (or a group) -> why
    all_pages: set[str] = field(default_factory=set)  # why every page changes
    handbooks: dict[str, set[str]] = field(default_factory=dict)  # which handbooks -> why
    every_handbook: set[str] = field(default_factory=set)  # why every handbook changes
    unpublished: set[str] = field(default_factory=set)  # files that are not on the site

    def page(self, page: str, why: str) -> None:
        """One page, by its place in the site."""
        self.group(f"`{page}`", why)

    def group(self, pages: str, why: str) -> None:
        """Pages named by a description (which of them depends on the content)."""
        self.pages.setdefault(pages, set()).add(why)

    def handbook(self, which: str, why: str) -> None:
        self.handbooks.setdefault(which, set()).add(why)


def _split_language(name: str) -> tuple[str, str | None]:
    """`referral.ar` -> (`referral`, `ar`); `referral` -> (`referral`, None)."""
    match = TRANSLATION.match(name)
    return (match["stem"], match["lang"]) if match else (name, None)


def _embedding_pages(root: Path, checklist_id: str) -> list[str]:
    """Site pages whose Markdown embeds the checklist with `/// checklist | ID`."""
    found = []
    for folder, prefix in (("content", ""), ("modules", "modules/")):
        base = root / folder
        for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            if any(m["id"] == checklist_id for m in EMBED.finditer(text)):
                found.append(prefix + path.relative_to(base).as_posix())
    return found


def classify(changed: list[str], root: Path) -> Effects:
    """Map each changed file (a path from the repository root) to what it affects."""
    effects = Effects()
    for name in changed:
        path = PurePosixPath(name)
        parts = path.parts
        src = f"`{name}`"
        if name in EVERYTHING:
            effects.all_pages.add(f"{src}: {EVERYTHING[name]}")
            effects.every_handbook.add(src)
        elif name.startswith(GENERATOR):
            effects.all_pages.add(f"{src}: the site generator changed")
            effects.every_handbook.add(src)
        elif parts[:1] == ("content",) and len(parts) > 1:
            _content(effects, path, src, root)
        elif parts[:1] == ("modules",) and len(parts) == 3:
            _module(effects, path, src)
        else:
            effects.unpublished.add(name)
    return effects


def _content(effects: Effects, path: PurePosixPath, src: str, root: Path) -> None:
    inner = PurePosixPath(*path.parts[1:])
    if path.suffix == ".md":
        stem, lang = _split_language(inner.stem)
        page = (inner.parent / f"{stem}.md").as_posix()
        effects.page(page, f"{src} ({lang} translation)" if lang else src)
    elif inner.parts[0] == "checklists" and len(inner.parts) == 2 and path.suffix == ".yml":
        checklist_id = inner.stem
        effects.page(f"checklists/{checklist_id}.md", f"{src} (the checklist's own page)")
        for page in _embedding_pages(root, checklist_id):
            effects.page(page, f"{src} (embedded with `/// checklist | {checklist_id}`)")
    elif inner.as_posix() == "glossary.yml":
        effects.page("glossary.md", src)
        effects.group("pages that mark a glossary term with `[[...]]` (its definition shows "
                      "on hover)", src)
    else:
        effects.page(inner.as_posix(), f"{src} (a file the pages may link to)")


def _module(effects: Effects, path: PurePosixPath, src: str) -> None:
    module_id = path.parts[1]
    if path.name == "module.yml":
        effects.page(f"modules/{module_id}/index.md", f"{src} (the module's page)")
        effects.group(f"programme pages whose timetable includes `{module_id}`", src)
        effects.group(f"audience pages (`audiences/…`) that list `{module_id}`", src)
        effects.every_handbook.add(src)
    elif path.suffix == ".md":
        stem, lang = _split_language(path.stem)
        effects.page(f"modules/{module_id}/{stem}.md", f"{src} ({lang} translation)" if lang else src)
        effects.handbook(f"handbooks that include the module `{module_id}`", src)
    else:
        effects.page(f"modules/{module_id}/{path.name}", f"{src} (a file the sessions may link to)")


def _handbook_files(site: Path | None) -> list[str]:
    folder = site / "handbooks" if site else None
    if folder is None or not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def _open_items(text: str) -> set[str]:
    """The `/// to-confirm` blocks of a Markdown text, each named by its title, else by its
    first line of text."""
    items = set()
    for match in TO_CONFIRM.finditer(text):
        lines = [line.strip() for line in match["after"].splitlines()]
        body = next((line for line in lines if line and ":" not in line.split(" ", 1)[0]), "")
        items.add(match["title"] or body[:80] or "(untitled)")
    return items


def _at_base(root: Path, base: str, name: str) -> str:
    """A file as it is on the base branch (empty when it did not exist there)."""
    shown = subprocess.run(["git", "show", f"{base}:{name}"], cwd=root, capture_output=True,
                           text=True, check=False)
    return shown.stdout if shown.returncode == 0 else ""


def review_queue(changed: list[str], root: Path, base: str) -> list[str]:
    """What the change adds to and removes from the review queue, as summary lines."""
    lines = []
    for name in changed:
        if not name.endswith(".md") or not name.startswith(("content/", "modules/")):
            continue
        path = root / name
        now = _open_items(path.read_text(encoding="utf-8")) if path.is_file() else set()
        before = _open_items(_at_base(root, base, name))
        lines += [f"- added: {item} (`{name}`)" for item in sorted(now - before)]
        lines += [f"- removed: {item} (`{name}`)" for item in sorted(before - now)]
    return lines


def render(effects: Effects, handbook_files: list[str], queue: list[str] | None = None) -> str:
    """The job summary: pages, handbooks and unpublished files, as a Markdown list."""
    lines = ["## What this change affects", ""]
    if not (effects.pages or effects.all_pages or effects.handbooks or effects.every_handbook
            or effects.unpublished):
        return "\n".join([*lines, "No changed files.", ""])

    lines += ["### Pages", ""]
    if effects.all_pages:
        lines.append("- **All pages**, because of:")
        lines += [f"  - {why}" for why in sorted(effects.all_pages)]
    lines += [f"- {page} ← {', '.join(sorted(why))}" for page, why in sorted(effects.pages.items())]
    if not (effects.all_pages or effects.pages):
        lines.append("- none")

    lines += ["", "### Handbooks", ""]
    if effects.every_handbook:
        named = f": {', '.join(f'`{f}`' for f in handbook_files)}" if handbook_files else ""
        lines.append(f"- **Every handbook**{named} ← {', '.join(sorted(effects.every_handbook))}")
    else:
        lines += [f"- {which} ← {', '.join(sorted(why))}" for which, why in sorted(effects.handbooks.items())]
    if not (effects.every_handbook or effects.handbooks):
        lines.append("- none")

    if effects.unpublished:
        lines += ["", "### Not published on the site", ""]
        lines += [f"- `{name}`" for name in sorted(effects.unpublished)]
    if queue is not None:
        lines += ["", "### Review queue (statements the centre must confirm)", ""]
        lines += queue or ["- no change"]
    return "\n".join([*lines, ""])


def main(argv: list[str] | None = None) -> int:
    """Read the changed files, print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="changed files, relative to the repository root (default: read stdin)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the repository (default: the current folder)")
    parser.add_argument("--site", type=Path, default=None,
                        help="the built site, to name the handbook files in site/handbooks/")
    parser.add_argument("--base", default=None,
                        help="the branch the change goes into, to list what it adds to or removes "
                        "from the review queue (e.g. origin/main)")
    args = parser.parse_args(argv)
    names = args.files if args.files else sys.stdin.read().splitlines()
    changed = sorted({n.strip() for n in names if n.strip()})
    queue = review_queue(changed, args.root, args.base) if args.base else None
    print(render(classify(changed, args.root), _handbook_files(args.site), queue), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
