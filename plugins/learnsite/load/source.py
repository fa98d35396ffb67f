"""Reading source text and YAML with the position of every key and value kept for diagnostics.

Plain (unquoted) YAML scalars are kept as text and the typed model converts them. That makes
YAML 1.1 surprises harmless: `title: yes` stays "yes", `version: 1.10` stays "1.10" and a time
`09:00` stays "09:00", exactly as the author wrote them, while `minutes: 45` still becomes 45.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import yaml

from learnsite.diagnostics import Diagnostics, Location

try:  # the C loader is several times faster and reports the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in every PyYAML wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Key = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class TextStart:
    """Where a text value's own characters begin in the file, and how the YAML writes it:
    `""` plain, a quote, `|` (lines kept) or `>` (lines folded)."""

    start: Location
    style: str
    one_line: bool


@dataclass
class YamlDoc:
    """Parsed YAML plus where each value and key sits, addressed by its path of keys/indexes."""

    path: PurePosixPath
    data: Any
    values: dict[Key, Location] = field(default_factory=dict)
    keys: dict[Key, Location] = field(default_factory=dict)
    texts: dict[Key, TextStart] = field(default_factory=dict)

    def at(self, key: Key) -> Location:
        """The location of the value at `key`, or of its nearest located ancestor."""
        for end in range(len(key), -1, -1):
            found = self.values.get(key[:end])
            if found is not None:
                return found
        return Location(self.path)

    def key_at(self, key: Key) -> Location:
        """The location of the key itself (for unknown keys), else of its value."""
        return self.keys.get(key) or self.at(key)

    def text_at(self, key: Key, line: int, col: int) -> Location:
        """Where the character at `line` and `col` of the text value at `key` is in the file;
        the text's start where YAML folded its lines and the place cannot be followed."""
        text = self.texts.get(key)
        if text is None:
            return self.at(key)
        if text.style == "|":
            return replace(text.start, line=text.start.line + line - 1, col=text.start.col + col - 1)
        if text.one_line and line == 1:
            return replace(text.start, col=text.start.col + col - 1)
        return text.start


def read_text(path: Path, rel: PurePosixPath, diags: Diagnostics) -> str | None:
    """Read a UTF-8 file; report a located `file-encoding` error instead of raising."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        diags.add("file-encoding", Location(rel, line, col),
                  f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded")
        return None


def parse_yaml(text: str, rel: PurePosixPath, diags: Diagnostics, line_offset: int = 0) -> YamlDoc | None:
    """Parse YAML text into a YamlDoc; syntax errors and empty files become diagnostics.

    `line_offset` shifts positions for YAML embedded in a larger file (front matter).
    """
    node = compose_yaml(text, rel, diags, line_offset)
    if node is None:
        return None
    doc = YamlDoc(rel, None)
    doc.data = _build(node, (), doc, diags, _Place(text.splitlines(), line_offset))
    return doc


def compose_yaml(text: str, rel: PurePosixPath, diags: Diagnostics, line_offset: int = 0) -> yaml.Node | None:
    """YAML text as a node tree, tags and positions kept and nothing constructed (so no tag can
    run code); syntax errors and empty files become diagnostics."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        context = ""
        if exc.context and exc.context_mark:
            context = f" ({exc.context} started at line {exc.context_mark.line + 1 + line_offset})"
        if _char_at(text, line, col) == "\t":
            problem, context = "a tab character is used for indentation", "; YAML needs spaces"
        diags.add("yaml-syntax", Location(rel, line + line_offset, col), f"{problem}{context}")
        return None
    except yaml.YAMLError as exc:  # e.g. a control character: no mark to give
        diags.add("yaml-syntax", Location(rel, 1 + line_offset, 1), str(exc))
        return None
    if node is None:
        diags.add("file-empty", Location(rel, 1 + line_offset, 1), "the YAML has no content")
    return node


def _char_at(text: str, line: int, col: int) -> str:
    """The character at a 1-based position, or "" past the end."""
    lines = text.splitlines()
    return lines[line - 1][col - 1: col] if 0 < line <= len(lines) else ""


def _loc(doc: YamlDoc, node: yaml.Node, line_offset: int) -> Location:
    mark = node.start_mark
    return Location(doc.path, mark.line + 1 + line_offset, mark.column + 1)


class _Place(NamedTuple):
    """The YAML text's lines, and how far its first line is into the file (front matter)."""

    lines: list[str]
    offset: int


def _text_start(node: yaml.ScalarNode, path: PurePosixPath, place: _Place) -> TextStart:
    """Where a scalar's characters start: after its quote, or on the first line of a block."""
    lines = place.lines
    mark = node.start_mark
    style = node.style or ""
    line, col = mark.line + 1, mark.column + 1
    if style in ("|", ">"):
        line = next((n for n in range(mark.line + 2, len(lines) + 1) if lines[n - 1].strip()), line)
        if line <= len(lines):
            col = len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1
    elif style:
        col += 1
    return TextStart(Location(path, line + place.offset, col), style, node.end_mark.line == mark.line)


def _build(node: yaml.Node, key: Key, doc: YamlDoc, diags: Diagnostics, place: _Place) -> Any:
    """Turn a composed node into plain Python data, recording positions on the way."""
    doc.values[key] = _loc(doc, node, place.offset)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = (*key, name)
            if name in result:
                diags.add("yaml-duplicate-key", _loc(doc, key_node, place.offset),
                          f"`{name}` is given twice in this mapping")
            doc.keys[child] = _loc(doc, key_node, place.offset)
            result[name] = _build(value_node, child, doc, diags, place)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*key, i), doc, diags, place) for i, item in enumerate(node.value)]
    value = node.value
    if isinstance(node, yaml.ScalarNode):
        doc.texts[key] = _text_start(node, doc.path, place)
    # A plain scalar's style is None with the Python loader and "" with the C loader.
    if isinstance(node, yaml.ScalarNode) and not node.style and value in _NULLS:
        return None
    return value
