"""The build-time half of Arabic search: the forms added to the search index of either engine."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from learnsite.render.arabic_search import expand_search_indexes, forms, hidden_forms

TEXT = "<p>تحقق المفتش من بجواز السفر والأجور.</p>"
ENTRY = {"location": "index.html#x", "title": "الوثائق", "text": TEXT}
#: What a reader cannot see but search finds: the shortest form of every word.
EXPECTED = {"جواز", "اجور", "وثائق", "مفتش", "سفر"}


def _added(text: str) -> set[str]:
    """The forms in the hidden span at the end of an entry's text."""
    found = re.fullmatch(re.escape(TEXT) + r'<span class="ls-search-forms" hidden="hidden">([^<]*)</span>',
                         text)
    assert found, text
    return set(found[1].split())


def _write(site: Path, name: str, index: dict[str, object], *, script: str = "") -> Path:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False)
    path.write_text(f"var __index = {text}{script}" if path.suffix == ".js" else text, encoding="utf-8")
    return path


def _read(path: Path) -> dict[str, list[dict[str, object]]]:
    text = path.read_text(encoding="utf-8")
    return dict(json.loads(text.removeprefix("var __index = ").removesuffix(";")))


@pytest.mark.parametrize(("word", "expected"), [
    ("بجواز", ["بجواز", "جواز"]),
    ("والأجور", ["والاجور", "اجور"]),   # وال goes at once
    ("جَوَازُ", ["جواز"]),
    ("مستشفى", ["مستشفي"]),
    ("ولد", ["ولد"]),              # too short to lose its first letter
])
def test_forms_end_with_the_shortest(word: str, expected: list[str]) -> None:
    assert forms(word) == expected


def test_hidden_forms_leave_out_the_written_word_and_markup() -> None:
    assert hidden_forms("<b>ولد</b>") == ""
    assert hidden_forms('<a href="بجواز">السفر</a>') == (
        '<span class="ls-search-forms" hidden="hidden">سفر</span>')


def test_material_index_and_its_offline_script(tmp_path: Path) -> None:
    """Material: search/search_index.json of {"config", "docs"}; its offline plugin's copy as a
    script has no semicolon."""
    index = {"config": {"lang": ["ar"]}, "docs": [dict(ENTRY)]}
    files = [_write(tmp_path, "search/search_index.json", index),
             _write(tmp_path, "search/search_index.js", index)]
    expand_search_indexes(tmp_path)
    for path in files:
        expanded = _read(path)
        assert expanded["config"] == {"lang": ["ar"]}
        assert _added(str(expanded["docs"][0]["text"])) >= EXPECTED
    assert not (tmp_path / "search.json").exists()


def test_zensical_index_and_its_script(tmp_path: Path) -> None:
    """Zensical: search.json of {"config", "items"}, items with a level, a path and tags that
    stay as they are; search.js is the same index as a script, for pages opened from disk."""
    item = {**ENTRY, "level": 2, "path": ["الرئيسية"], "tags": []}
    index = {"config": {"lang": ["ar"], "separator": "[\\s]+"}, "items": [item]}
    files = [_write(tmp_path, "search.json", index), _write(tmp_path, "search.js", index, script=";")]
    expand_search_indexes(tmp_path)
    for path in files:
        expanded = _read(path)
        assert expanded["config"] == index["config"]
        entry = expanded["items"][0]
        assert {key: entry[key] for key in ("location", "title", "level", "path", "tags")} == {
            key: item[key] for key in ("location", "title", "level", "path", "tags")}
        assert _added(str(entry["text"])) >= EXPECTED
    assert files[1].read_text(encoding="utf-8").endswith("};")
    assert not (tmp_path / "search").exists()


def test_expanding_twice_changes_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, "search.json", {"config": {}, "items": [dict(ENTRY)]})
    expand_search_indexes(tmp_path)
    once = path.read_text(encoding="utf-8")
    expand_search_indexes(tmp_path)
    assert path.read_text(encoding="utf-8") == once


def test_a_site_without_an_index_is_left_alone(tmp_path: Path) -> None:
    expand_search_indexes(tmp_path)
    assert not list(tmp_path.iterdir())
