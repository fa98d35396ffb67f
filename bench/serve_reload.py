"""How long `mkdocs serve` takes to show an edit to one session (edit → page served anew).

Starts `mkdocs serve` on a loopback port, appends a marker to a session file, and polls the
session's page until the marker appears. Prints each run and the median. The session file is
restored afterwards.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SESSION = REPO / "modules/eleven-indicators/how-indicators-combine.md"
URL = "http://127.0.0.1:8123/modules/eleven-indicators/how-indicators-combine/"
RUNS = 5


def _page() -> str:
    try:
        with urllib.request.urlopen(URL, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(text: str, limit: float = 60.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in _page():
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{text!r} did not appear within {limit} s")


def main() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve",
                               "--dev-addr", "127.0.0.1:8123"], cwd=REPO, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    original = SESSION.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for("How the indicators combine", limit=120)
        for run in range(RUNS):
            marker = f"benchmark-marker-{run}-{time.time_ns()}"
            SESSION.write_text(original + f"\n{marker}\n", encoding="utf-8")
            times.append(_wait_for(marker))
            print(f"run {run + 1}: {times[-1]:.2f} s")
    finally:
        SESSION.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=10)
    print(f"median edit-to-page time: {statistics.median(times):.2f} s over {RUNS} runs")


if __name__ == "__main__":
    main()
