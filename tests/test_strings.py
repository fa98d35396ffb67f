"""Every interface string the templates and code ask for exists in every language."""

from __future__ import annotations

import re

from conftest import REPO
from learnsite.strings import STRINGS

_CALL = re.compile(r"""\bt\(\s*["']([a-z-]+)["']\s*[,)]""")


def test_every_string_used_is_defined_in_every_language() -> None:
    package = REPO / "plugins/learnsite"
    used = {key for path in [*package.rglob("*.py"), *package.rglob("*.j2")]
            for key in _CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 40
    for language, table in STRINGS.items():
        assert not used - set(table), (language, sorted(used - set(table)))


def test_languages_have_the_same_strings() -> None:
    assert set(STRINGS["ar"]) == set(STRINGS["en"])
