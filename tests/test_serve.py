"""The live preview authors use: `mkdocs serve` injects an inline script that reloads the page
when a file is saved, so its pages carry no Content-Security-Policy that would block it (the
built site always does)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    """The page at `url` once the server answers (it first builds the site)."""
    for _ in range(240):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            time.sleep(0.25)
    raise AssertionError(f"{url} never answered")


def test_preview_pages_reload_on_save_and_carry_no_policy(project: Path) -> None:
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                          cwd=project, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as server:
        try:
            html = _fetch(f"http://127.0.0.1:{port}/")
        finally:
            server.terminate()
    assert "livereload(" in html, "the preview reloads on save"
    assert "Content-Security-Policy" not in html
