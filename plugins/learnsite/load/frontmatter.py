"""Splitting a Markdown file into its YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from learnsite.diagnostics import Diagnostics
from learnsite.load.source import YamlDoc, parse_yaml
from learnsite.model.catalogue import MarkdownSource


@dataclass(frozen=True)
class SplitFile:
    """Front matter (None unless `state` is "ok") and the Markdown after it."""

    meta: YamlDoc | None
    state: Literal["absent", "empty", "broken", "ok"]
    source: MarkdownSource


def split(text: str, rel: PurePosixPath, diags: Diagnostics) -> SplitFile:
    """Split `text`; YAML errors in the front matter are reported at their line in the file."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return SplitFile(None, "absent", MarkdownSource(rel, text, 1))
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            yaml_text = "".join(lines[1:end])
            body = "".join(lines[end + 1:])
            source = MarkdownSource(rel, body, end + 2)
            if not yaml_text.strip():
                return SplitFile(None, "empty", source)
            meta = parse_yaml(yaml_text, rel, diags, line_offset=1)
            return SplitFile(meta, "ok" if meta else "broken", source)
    return SplitFile(None, "absent", MarkdownSource(rel, text, 1))
