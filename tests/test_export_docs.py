"""`learnsite export-docs`: one language of the site as a plain docs folder with a plugin-free
mkdocs.yml, which MkDocs builds without learnsite's plugin (Zensical's build of it is compared
with MkDocs' in test_engines.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import edit, make_bilingual

EDIT_BASE = "https://example.org/centre/edit/main/"


def _bilingual_with_repository(root: Path) -> Path:
    make_bilingual(root)
    (root / "site_config.yml").write_text(
        (root / "site_config.yml").read_text(encoding="utf-8")
        + f"repository:\n  edit_url: {EDIT_BASE}\n", encoding="utf-8")
    return root


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return dict(yaml.safe_load(text.split("---\n", 2)[1]))


def test_export_writes_a_plugin_free_folder_in_the_language_asked(learnsite, tmp_path: Path) -> None:
    root = _bilingual_with_repository(tmp_path / "project")
    out = tmp_path / "export"
    run = learnsite("--root", str(root), "export-docs", "--language", "ar", "--out", str(out))
    assert run.code == 0, run.out + run.err
    assert "wrote" in run.out

    config = yaml.load((out / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    assert config["plugins"] == ["search"]
    assert config["theme"]["language"] == "ar"
    assert config["theme"]["direction"] == "rtl"
    assert config["theme"]["custom_dir"] == "overrides"
    assert {"learnsite.render.blocks": {"edition": "web", "language": "ar"}} in config["markdown_extensions"]
    assert config["nav"][0] == {"الرئيسية": "index.md"}
    assert "assets/learnsite/arabic-search.js" in config["extra_javascript"]
    assert (out / "overrides" / "partials" / "alternate.html").is_file()
    assert (out / "docs" / "assets" / "learnsite" / "learnsite.css").is_file()
    assert not list((out / "docs").rglob("*.ar.md")), "translations are in place of their sources"

    home = out / "docs" / "index.md"
    assert "العربية" not in (root / "content" / "index.md").read_text(encoding="utf-8")
    assert _front_matter(home)["edit_url"] == f"{EDIT_BASE}content/index.ar.md"
    assert _front_matter(home)["learnsite_alternate"] == [
        {"name": "English", "lang": "en", "link": "../"},
        {"name": "العربية", "lang": "ar", "link": "../ar/"}]
    assert "{{ contacts }}" not in home.read_text(encoding="utf-8"), "marks are filled in"
    session = _front_matter(out / "docs" / "modules" / "indicators" / "signs.md")
    assert session["edit_url"] == f"{EDIT_BASE}modules/indicators/signs.ar.md"


def test_export_keeps_the_authors_front_matter(learnsite, tmp_path: Path) -> None:
    root = _bilingual_with_repository(tmp_path / "project")
    edit(root / "content" / "index.md", "title: Home\n", "title: Home\nhide:\n  - toc\n")
    out = tmp_path / "export"
    assert learnsite("--root", str(root), "export-docs", "--out", str(out)).code == 0
    meta = _front_matter(out / "docs" / "index.md")
    assert meta["title"] == "Home" and meta["hide"] == ["toc"]
    assert meta["edit_url"] == f"{EDIT_BASE}content/index.md"


def test_mkdocs_builds_the_export_without_the_plugin(learnsite, tmp_path: Path) -> None:
    root = _bilingual_with_repository(tmp_path / "project")
    edit(root / "mkdocs.yml", "    - content.tooltips\n",
         "    - content.tooltips\n    - content.action.edit\n")
    out = tmp_path / "export"
    assert learnsite("--root", str(root), "export-docs", "--out", str(out)).code == 0
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                           str(tmp_path / "site")], cwd=out, capture_output=True, text=True,
                          check=False, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="{EDIT_BASE}content/index.md"' in page
    assert 'hreflang="ar" lang="ar" class="md-select__link"' in page


def test_export_stops_on_content_errors_and_writes_nothing(learnsite, tmp_path: Path) -> None:
    root = _bilingual_with_repository(tmp_path / "project")
    edit(root / "modules" / "basics" / "module.yml", "title:", "titel:")
    out = tmp_path / "export"
    run = learnsite("--root", str(root), "export-docs", "--out", str(out))
    assert run.code == 1
    assert "modules/basics/module.yml:" in run.out and "error[" in run.out
    assert not out.exists()


def test_export_names_the_languages_there_are(learnsite, tmp_path: Path) -> None:
    root = _bilingual_with_repository(tmp_path / "project")
    run = learnsite("--root", str(root), "export-docs", "--language", "fr", "--out",
                    str(tmp_path / "export"))
    assert run.code == 2
    assert "no language fr in site_config.yml; known: en, ar" in run.err


def test_export_never_replaces_the_projects_own_files(learnsite, tmp_path: Path) -> None:
    root = _bilingual_with_repository(tmp_path / "project")
    own = (root / "mkdocs.yml").read_text(encoding="utf-8")
    run = learnsite("--root", str(root), "export-docs", "--out", str(root))
    assert run.code == 2 and "holds the project itself" in run.err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "mkdocs.yml").write_text("site_name: someone else's\n", encoding="utf-8")
    run = learnsite("--root", str(root), "export-docs", "--out", str(elsewhere))
    assert run.code == 2 and "was not written by `learnsite export-docs`" in run.err
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == own
    assert (elsewhere / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: someone else's\n"
    out = tmp_path / "export"
    for _ in range(2):  # an earlier export is replaced
        assert learnsite("--root", str(root), "export-docs", "--out", str(out)).code == 0


def test_export_says_which_setting_it_cannot_copy(learnsite, tmp_path: Path) -> None:
    root = _bilingual_with_repository(tmp_path / "project")
    edit(root / "mkdocs.yml", "  name: material\n", "  name: material\n  logo: !relative logo.png\n")
    run = learnsite("--root", str(root), "export-docs", "--out", str(tmp_path / "export"))
    assert run.code == 1
    assert "mkdocs.yml:12:9: `theme` uses the tag `!relative`, which learnsite cannot copy" in run.err
