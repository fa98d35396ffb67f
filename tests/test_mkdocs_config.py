"""mkdocs.yml's Markdown configuration read without MkDocs: the same extensions and options MkDocs
reads, `!ENV` resolved as MkDocs resolves it, and every tag that would run other code refused
where it stands."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

from conftest import FIXTURE, REPO
from learnsite.load.mkdocs_config import load_markdown_config
from learnsite.load.reader import SourceReader
from learnsite.model.blocks import ADMONITION_TYPES
from learnsite.model.markdown_config import Call
from learnsite.render.markdown import extension_options


def _read(root: Path) -> tuple[Any, list[str]]:
    reader = SourceReader(root)
    config = load_markdown_config(reader, root / "mkdocs.yml")
    return config, [f"{d.location.line}:{d.location.col} {d.rule_id}: {d.message}"
                    for d in reader.diags.sorted()]


def _comparable(value: Any) -> Any:
    """Options with functions made comparable: a slugify is its function and keywords."""
    if isinstance(value, functools.partial):
        return (value.func, value.keywords)
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    return value


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["repository", "fixture"])
def test_print_reads_the_extensions_and_options_mkdocs_reads(root: Path) -> None:
    config, problems = _read(root)
    assert problems == []
    mkdocs = load_config(str(root / "mkdocs.yml"))
    assert list(config.extensions) == mkdocs.markdown_extensions
    assert _comparable(extension_options(config)) == _comparable(
        {name: mkdocs.mdx_configs.get(name, {}) for name in mkdocs.markdown_extensions})
    assert config.options["toc"]["slugify"] == Call("pymdownx.slugs.slugify", (), {"case": "lower"})


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["repository", "fixture"])
def test_the_blocks_check_accepts_are_the_blocks_the_configuration_renders(root: Path) -> None:
    config, _ = _read(root)
    assert tuple(config.options["pymdownx.blocks.admonition"]["types"]) == ADMONITION_TYPES
    assert {"pymdownx.blocks.details", "pymdownx.blocks.tab", "learnsite.render.blocks"} <= \
        set(config.extensions), "details, tab and the curriculum blocks"


def test_env_tags_resolve_as_mkdocs_resolves_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "plugins:\n  - offline:\n      enabled: !relative $config_dir\n"  # not Markdown: not read
        "markdown_extensions:\n"
        "  toc:\n    permalink: !ENV [LS_PERMALINK, false]\n    baselevel: !ENV [LS_UNSET, 2]\n"
        "  abbr:\n", encoding="utf-8")
    monkeypatch.setenv("LS_PERMALINK", "true")
    monkeypatch.delenv("LS_UNSET", raising=False)
    config, problems = _read(tmp_path)
    assert problems == []
    assert config.extensions == ("toc", "tables", "fenced_code", "abbr"), "MkDocs' built-ins first"
    assert config.options == {"toc": {"permalink": True, "baselevel": 2}}


@pytest.mark.parametrize(("yaml", "expected"), [
    ("  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify\n",
     "3:16 yaml-unsupported-tag: learnsite cannot read the tag "
     "`!!python/name:markdown.extensions.toc.slugify` in mkdocs.yml's Markdown settings"),
    ("  - toc:\n      slugify: !!python/object/apply:os.system [ls]\n",
     "3:16 yaml-unsupported-tag: learnsite does not call `os.system` from mkdocs.yml"),
    ("  - toc:\n      permalink: !relative $docs_dir\n",
     "3:18 yaml-unsupported-tag: learnsite cannot read the tag `!relative`"),
    ("  - toc: [permalink]\n", "2:10 schema-wrong-type: the options of `toc` must be `key: value` lines"),
    ("  toc\n", "2:3 schema-wrong-type: `markdown_extensions` must be a list of extension names"),
], ids=["python-name", "other-function", "relative", "options-not-a-mapping", "not-a-list"])
def test_what_it_cannot_read_is_reported_where_it_stands(tmp_path: Path, yaml: str, expected: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"markdown_extensions:\n{yaml}", encoding="utf-8")
    config, problems = _read(tmp_path)
    assert len(problems) == 1 and problems[0].startswith(expected), problems
    assert config.extensions == ("toc", "tables", "fenced_code"), "checks go on with the built-ins"
