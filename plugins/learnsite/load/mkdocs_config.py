"""Reading the Markdown configuration from mkdocs.yml, without MkDocs and without running code.

mkdocs.yml stays the one place that lists the Markdown extensions (a plugin-free copy of it is
what another engine reads), and the handbooks render through the same list. MkDocs reads the file
with tags that call Python; this reader understands exactly the tags the file uses in
`markdown_extensions:` (`!ENV`, and `!!python/object/apply:` of the functions in
CALLABLE_OPTIONS) and reports any other one where it stands. The rest of mkdocs.yml (theme,
plugins) is the engine's business: `learnsite export-docs` copies it, as plain data, into the
plugin-free configuration it writes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from learnsite.diagnostics import Location
from learnsite.load.reader import SourceReader
from learnsite.load.source import compose_yaml
from learnsite.model.markdown_config import CALLABLE_OPTIONS, Call, MarkdownConfig

MKDOCS_FILE = "mkdocs.yml"
_KEY = "markdown_extensions"
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
"""Extensions MkDocs always loads before those listed (mkdocs/config/defaults.py), so a page on
the web gets them whether listed or not; print must get them too."""
_ENV = "!ENV"
_APPLY = "tag:yaml.org,2002:python/object/apply:"
_TAG_RULE = "yaml-unsupported-tag"
_KNOWN_TAGS = f"`!ENV` and `!!python/object/apply:` of {', '.join(CALLABLE_OPTIONS)}"


class _UnreadableError(Exception):
    """A value this reader will not interpret: the rule broken, and why, at the node's position."""

    def __init__(self, node: yaml.Node, message: str, rule: str = "schema-wrong-type") -> None:
        super().__init__(message)
        self.node = node
        self.rule = rule


def load_markdown_config(reader: SourceReader, path: Path) -> MarkdownConfig:
    """The Markdown configuration of the mkdocs.yml at `path`; each problem is reported (and the
    configuration falls back to MkDocs' built-in extensions, so checks can go on)."""
    rel = reader.rel(path)
    if not path.is_file():
        reader.diags.add("file-missing", Location(rel), f"{rel} is missing",
                         "The site and the handbooks take their Markdown extensions from "
                         "mkdocs.yml: copy it from the learnsite repository.")
        return _with_builtins({})
    text = reader.text(path)
    node = compose_yaml(text, rel, reader.diags) if text is not None else None
    listed = _child(node, _KEY) if isinstance(node, yaml.MappingNode) else None
    try:
        extensions = _extensions(listed) if listed is not None else {}
    except _UnreadableError as exc:
        mark = exc.node.start_mark
        reader.diags.add(exc.rule, Location(rel, mark.line + 1, mark.column + 1), str(exc))
        return _with_builtins({})
    return _with_builtins(extensions)


ENGINE_OWN = frozenset({"markdown_extensions", "plugins", "hooks", "docs_dir", "site_dir", "nav"})
"""Keys of mkdocs.yml the exported configuration writes itself rather than copies."""


def plugin_options(path: Path, plugin: str) -> dict[str, Any]:
    """The options mkdocs.yml gives `plugin` (`- learnsite` alone: none), so that a build by
    another engine does what the centre asked of the MkDocs one."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    listed = _child(node, "plugins") if isinstance(node, yaml.MappingNode) else None
    entries = listed.value if isinstance(listed, yaml.SequenceNode) else []
    for entry in entries:
        if isinstance(entry, yaml.MappingNode) and len(entry.value) == 1 \
                and entry.value[0][0].value == plugin:
            options = _value(entry.value[0][1])
            return options if isinstance(options, dict) else {}
    return {}


class SettingsError(Exception):
    """A setting of mkdocs.yml that cannot be copied as plain data, located."""


def engine_settings(path: Path) -> dict[str, Any]:
    """The settings of mkdocs.yml an engine needs besides learnsite's own (site name, theme,
    validation…), as plain data, for the plugin-free copy."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)  # no tag runs
    if not isinstance(node, yaml.MappingNode):
        return {}
    settings: dict[str, Any] = {}
    for key, value in node.value:
        if key.value in ENGINE_OWN:
            continue
        try:
            settings[str(key.value)] = _value(value)
        except _UnreadableError as exc:
            mark = exc.node.start_mark
            raise SettingsError(
                f"{path.name}:{mark.line + 1}:{mark.column + 1}: `{key.value}` uses the tag "
                f"`{_shown(exc.node.tag)}`, which learnsite cannot copy into the plugin-free "
                f"configuration; write the value itself (learnsite reads {_KNOWN_TAGS})") from None
    return settings


def _with_builtins(extensions: dict[str, dict[str, Any]]) -> MarkdownConfig:
    """MkDocs' built-in extensions first, then the listed ones, each once (as MkDocs orders them)."""
    names = tuple(dict.fromkeys((*MKDOCS_BUILTINS, *extensions)))
    return MarkdownConfig(names, {name: options for name, options in extensions.items() if options})


def _child(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    """The value of `key` in a mapping, as a node (None when the key is absent)."""
    return next((value for name, value in node.value if name.value == key), None)


def _extensions(node: yaml.Node) -> dict[str, dict[str, Any]]:
    """`markdown_extensions:` as MkDocs accepts it: a list of names or one-key mappings of a name
    to its options, or one mapping of names to options."""
    if isinstance(node, yaml.MappingNode):
        items = list(node.value)
    elif isinstance(node, yaml.SequenceNode):
        items = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                items.append((item, None))
            elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                items.append(item.value[0])
            else:
                raise _UnreadableError(item, "each entry of `markdown_extensions` must be an extension "
                                   "name, or a name followed by a colon and its options")
    else:
        raise _UnreadableError(node, "`markdown_extensions` must be a list of extension names")
    result: dict[str, dict[str, Any]] = {}
    for name, options in items:
        value = _value(options) if options is not None else None
        if value is not None and not isinstance(value, dict):
            raise _UnreadableError(options, f"the options of `{name.value}` must be `key: value` lines")
        result.setdefault(str(name.value), value or {})
    return result


def _value(node: yaml.Node) -> Any:
    """A node as plain data, `!ENV` resolved as MkDocs resolves it, an allowed call kept as a Call."""
    if node.tag == _ENV:
        return _environment(node)
    if node.tag.startswith(_APPLY):
        return _call(node, node.tag.removeprefix(_APPLY))
    if node.tag.startswith("!") or "python/" in node.tag:
        raise _UnreadableError(node, f"learnsite cannot read the tag `{_shown(node.tag)}` in mkdocs.yml's "
                           f"Markdown settings; it reads {_KNOWN_TAGS}", _TAG_RULE)
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): _value(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    return SafeConstructor().construct_object(node)


def _call(node: yaml.Node, function: str) -> Call:
    """`!!python/object/apply:NAME` with `args:`/`kwds:` (or a list of arguments)."""
    if function not in CALLABLE_OPTIONS:
        raise _UnreadableError(node, f"learnsite does not call `{function}` from mkdocs.yml; it reads "
                           f"{_KNOWN_TAGS}", _TAG_RULE)
    if isinstance(node, yaml.SequenceNode):
        return Call(function, tuple(_value(item) for item in node.value))
    parts = {str(key.value): _value(value) for key, value in node.value} \
        if isinstance(node, yaml.MappingNode) else {}
    args, kwargs = parts.get("args") or [], parts.get("kwds") or {}
    if not isinstance(args, list) or not isinstance(kwargs, dict) or set(parts) - {"args", "kwds"}:
        raise _UnreadableError(node, f"`{function}` takes `args:` (a list) and `kwds:` (a mapping)")
    return Call(function, tuple(args), kwargs)


def _environment(node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, …, default]`: the first variable set, typed as YAML types it,
    else the default (what MkDocs' pyyaml_env_tag does)."""
    default: Any = None
    names = [node]
    if isinstance(node, yaml.SequenceNode):
        names = node.value[:-1] if len(node.value) > 1 else node.value
        default = _value(node.value[-1]) if len(node.value) > 1 else None
    for name in names:
        if not isinstance(name, yaml.ScalarNode):
            raise _UnreadableError(name, "`!ENV` takes a variable name, or a list of names and a default")
        if name.value in os.environ:
            value = os.environ[name.value]
            tag = Resolver().resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            return SafeConstructor().construct_object(yaml.ScalarNode(tag, value))
    return default


def _shown(tag: str) -> str:
    """A tag as it is written in the file: `!!python/...` rather than its long form."""
    return tag.replace("tag:yaml.org,2002:", "!!")
