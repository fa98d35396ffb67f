"""The plugin-free mkdocs.yml of an exported docs folder, in the subset of the format that both
MkDocs and Zensical read: the project's own settings, and what the learnsite plugin would have set
for this language (its navigation, theme language, styles, scripts and Markdown options)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from learnsite.model.markdown_config import Call, MarkdownConfig
from learnsite.render.markdown import BLOCKS
from learnsite.site_build import ThemeSettings

DOCS = "docs"
OVERRIDES = "overrides"
HEADER = "# Written by `learnsite export-docs`: run it again rather than edit this file.\n"
"""The first line of an exported mkdocs.yml, by which a later export knows it may replace it."""
PLUGINS = ["search"]
"""The engines' own plugins the site uses; neither engine needs learnsite's."""
OFFLINE_PLUGINS = [*PLUGINS, "offline"]
"""For the offline copy: the engine's offline plugin makes the pages work from files (plain
file links, the search index as a script)."""


def engine_config(settings: dict[str, Any], theme: ThemeSettings, markdown: MarkdownConfig, *,
                  unlisted: frozenset[str], site_dir: Path, offline_copy: bool = False) -> str:
    """The text of mkdocs.yml for a docs folder exported in `theme`'s language."""
    config = {key: value for key, value in settings.items() if key != "theme"}
    if theme.site_name:
        config["site_name"] = theme.site_name
    config.update(docs_dir=DOCS, site_dir=str(site_dir))
    config["theme"] = {**settings.get("theme", {}), "language": theme.language,
                       "direction": theme.direction, "custom_dir": OVERRIDES,
                       "variant": "classic"}   # Zensical's look that is Material's; MkDocs ignores it
    config["nav"] = theme.nav
    if unlisted:
        config["not_in_nav"] = "\n".join(f"/{path}" for path in sorted(unlisted))
    config["extra_css"] = [*theme.extra_css, *settings.get("extra_css", [])]
    config["extra_javascript"] = [*settings.get("extra_javascript", []), *theme.extra_javascript]
    config["extra"] = {**settings.get("extra", {}), **_extra(theme)}
    config["plugins"] = OFFLINE_PLUGINS if offline_copy else PLUGINS
    config["markdown_extensions"] = _extensions(markdown, theme.language)
    return HEADER + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              width=10_000)


def _extra(theme: ThemeSettings) -> dict[str, Any]:
    """The theme's `extra:` values learnsite sets for every page of this language."""
    extra: dict[str, Any] = {}
    if theme.alternate:
        extra["alternate"] = theme.alternate
    if theme.polyfills is not None:
        extra["polyfills"] = theme.polyfills
    if theme.app is not None:
        extra["learnsite_app"] = theme.app
    return extra


def _extensions(markdown: MarkdownConfig, language: str) -> list[Any]:
    """Every extension MkDocs would load, in its order (its built-in ones listed, since Zensical
    loads only what is listed), with learnsite's blocks told the page language."""
    options = {name: dict(value) for name, value in markdown.options.items()}
    options.setdefault(BLOCKS, {})["language"] = language
    return [{name: options[name]} if name in options else name for name in markdown.extensions]


class _Dumper(yaml.SafeDumper):
    """Writes a Call as the `!!python/object/apply:` tag both engines' loaders call."""


def _represent_call(dumper: yaml.SafeDumper, call: Call) -> yaml.Node:
    return dumper.represent_mapping(f"tag:yaml.org,2002:python/object/apply:{call.function}",
                                    {"args": list(call.args), "kwds": dict(call.kwargs)})


_Dumper.add_representer(Call, _represent_call)
_Dumper.ignore_aliases = lambda self, data: True  # type: ignore[method-assign]
