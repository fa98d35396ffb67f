"""A page's URL as both engines give it, and the values the theme needs written into the page's
own front matter."""

from __future__ import annotations

import posixpath
from typing import Any

import yaml


def page_url(site_path: str, *, offline_copy: bool = False) -> str:
    """The URL of the page at `site_path`, relative to the site root, as both engines' `page.url`
    gives it: directory URLs (`a/index.md` → `a/`, `a/b.md` → `a/b/`), or in the offline copy,
    read from files, the files themselves (`a/index.html`, `a/b.html`)."""
    stem = site_path.removesuffix(".md")
    if offline_copy:
        return f"{stem}.html"
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def split_front_matter(text: str) -> tuple[str, str]:
    """A page's front matter block, fences included ("" when it has none), and its body: the
    split MkDocs and Zensical make before rendering the body."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                return "".join(lines[:end + 1]), "".join(lines[end + 1:])
    return "", text


def with_front_matter(markdown: str, meta: dict[str, Any]) -> str:
    """`markdown` with `meta` added to its front matter: an existing block is kept line for line
    with the new keys after it; a page without one gets one."""
    if not meta:
        return markdown
    added = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    front, body = split_front_matter(markdown)
    if not front:
        return f"---\n{added}---\n\n{markdown}"
    kept = "".join(line if line.endswith("\n") else f"{line}\n"
                   for line in front.splitlines(keepends=True)[1:-1])
    return f"---\n{kept}{added}---\n{body}"
