"""Every benchmark in bench/ still runs: each script's `--quick` mode (small sizes, every step
of the full run, seconds) in its own process, and what it prints must be one JSON document.

A change that breaks a benchmark (a renamed argument, a changed signature the bench wraps)
fails here, in `make test`, instead of in the next person's measurement. The figures of a
quick run mean nothing and are not checked; that the JSON is there and says it was quick is.
Benchmarks that need PostgreSQL in their full run use a temporary SQLite database here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(p.name for p in (ROOT / "bench").glob("*.py") if not p.name.startswith("_"))
#: A script that hangs must not hang CI (each takes seconds to a minute on a busy 2-core VM).
TIMEOUT = 600


def test_every_bench_script_is_covered():
    assert {
        "analytics.py",
        "bulk_actions.py",
        "cache_queries.py",
        "server_load.py",
        "sync.py",
        "team.py",
        "ui_queue.py",
    } <= set(SCRIPTS)


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS)
def test_quick_run_prints_its_json(script, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    env.pop("CUR_BENCH_PG_URL", None)  # never a real benchmark database from CI
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, f"{script} failed after {seconds:.0f} s:\n{done.stderr[-4000:]}"
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        pytest.fail(f"{script} printed no JSON document ({exc}):\n{done.stdout[-2000:]}")
    assert isinstance(report, dict) and report, f"{script} printed an empty report"
    assert report.get("quick") is True, f"{script}'s report does not say it was a quick run"
