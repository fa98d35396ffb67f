"""Markdown to HTML through the project's one Markdown configuration (mkdocs.yml's extensions and
options), as MkDocs renders the web pages, with an edition's own settings on top."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import markdown

from learnsite.model.markdown_config import CALLABLE_OPTIONS, Call, MarkdownConfig

BLOCKS = "learnsite.render.blocks"
"""learnsite's blocks extension, which each edition and language sets options of."""


def convert(text: str, config: MarkdownConfig, settings: Mapping[str, Mapping[str, Any]]) -> str:
    """`text` as HTML, rendered with every extension of `config`; `settings` replaces options of
    extensions the configuration lists (e.g. the edition of `learnsite.render.blocks`)."""
    return str(converter(config, settings).convert(text))


def converter(config: MarkdownConfig, settings: Mapping[str, Mapping[str, Any]]) -> markdown.Markdown:
    """The converter `convert` uses, for a renderer that reads what an extension leaves on it
    besides the HTML (the slides edition's pieces)."""
    return markdown.Markdown(extensions=list(config.extensions),
                             extension_configs=extension_options(config, settings))


def extension_options(config: MarkdownConfig, settings: Mapping[str, Mapping[str, Any]] | None = None
                      ) -> dict[str, dict[str, Any]]:
    """Each extension's options as Python-Markdown takes them (what MkDocs calls `mdx_configs`)."""
    return {name: {**_called(dict(config.options.get(name, {}))), **(settings or {}).get(name, {})}
            for name in config.extensions}


def _called(value: Any) -> Any:
    """An option's value with every Call in it made (only functions the configuration may call)."""
    if isinstance(value, dict):
        return {key: _called(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_called(item) for item in value]
    if not isinstance(value, Call):
        return value
    assert value.function in CALLABLE_OPTIONS, value.function  # the loader reports any other
    module, _, name = value.function.rpartition(".")
    return getattr(importlib.import_module(module), name)(*_called(list(value.args)),
                                                          **_called(dict(value.kwargs)))
