"""The policy allows the theme's inline scripts by their exact hash, and nothing else inline."""

from __future__ import annotations

import base64
import hashlib

from learnsite.render.content_policy import content_security_policy, script_hashes


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_inline_scripts_are_hashed_as_written_and_data_and_files_are_not() -> None:
    html = ('<script>var a = "é";</script>\n<script type="application/json">{"b": 1}</script>'
            '<script src="x.js"></script><script type="module">go()</script>'
            '<script>var a = "é";</script>')
    assert script_hashes(html) == [_hash('var a = "é";'), _hash("go()")]


def test_the_policy_keeps_everything_to_the_site() -> None:
    policy = dict(part.split(" ", 1) for part in content_security_policy("<script>x()</script>").split("; "))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == f"'self' {_hash('x()')}"
    assert policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe" not in " ".join(policy.values())
