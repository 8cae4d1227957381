"""`cur-server` as an administrator runs it: migrate, seed, create a user, serve."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import requests

CLI = [sys.executable, "-m", "cur_server.cli"]


def run(*args: str, env: dict | None = None, stdin: str | None = None):
    return subprocess.run(
        [*CLI, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_serving(server: subprocess.Popen, up, seconds: float = 60) -> None:
    """Polls `up()` until it is true; fails with the server's stderr if the server exits."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if up():
                return
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, "server did not start"
        assert server.poll() is None, server.stderr.read().decode()
        time.sleep(0.2)


def test_migrate_seed_create_user_and_serve(tmp_path):
    url = f"sqlite:///{tmp_path / 'centre.db'}"
    env = {"CUR_DATABASE_URL": url}
    assert run("migrate", env=env).returncode == 0

    seeded = run("seed", "--demo", "--incidents", "150", env=env)
    assert seeded.returncode == 0, seeded.stderr
    summary = json.loads(seeded.stdout)
    assert summary["incidents_created"] == summary["incidents_total"] == 150

    again = json.loads(run("seed", "--demo", "--incidents", "150", env=env).stdout)
    assert (again["incidents_created"], again["incidents_total"]) == (0, 150)

    made = run(
        "create-user",
        "petrova",
        "--role",
        "district_official",
        "--full-name",
        "Петрова Ольга Ивановна",
        "--municipality",
        "kasimov",
        "--password-stdin",
        env=env,
        stdin="длинный-пароль\n",
    )
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["role"] == "district_official"
    dup = run(
        "create-user",
        "petrova",
        "--role",
        "operator",
        "--password-stdin",
        env=env,
        stdin="длинный-пароль\n",
    )
    assert dup.returncode != 0 and "exists" in dup.stderr
    short = run(
        "create-user", "x", "--role", "operator", "--password-stdin", env=env, stdin="short\n"
    )
    assert short.returncode == 2

    port = _free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), "--database-url", url, "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_serving(server, lambda: requests.get(f"{base}/health", timeout=1).status_code == 200)
        r = requests.post(
            f"{base}/api/v1/auth/login",
            json={"username": "petrova", "password": "длинный-пароль"},
            timeout=10,
        )
        assert r.status_code == 200, r.text
        token = r.json()["access_token"]
        assert r.json()["user"]["municipality_ids"]
        feed = requests.get(
            f"{base}/api/v1/changes",
            params={"limit": 1000},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        ).json()
        ids = set(r.json()["user"]["municipality_ids"])
        assert feed["items"] and all(i["municipality_id"] in ids for i in feed["items"])
        spec = requests.get(f"{base}/openapi.json", timeout=10).json()
        assert "/api/v1/mutations" in spec["paths"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_openapi_command_prints_the_spec(tmp_path):
    url = f"sqlite:///{tmp_path / 'spec.db'}"
    assert run("migrate", "--database-url", url).returncode == 0
    out = run("openapi", "--database-url", url)
    assert out.returncode == 0, out.stderr
    spec = json.loads(out.stdout)
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/auth/login", "/api/v1/changes", "/api/v1/ingest"} <= set(spec["paths"])


def test_serve_refuses_a_database_whose_schema_is_not_current(tmp_path):
    """An administrator who upgraded the program but not the database is told what to run,
    instead of a server failing request by request."""
    from cur_server.migrate import check_current, head_revision, upgrade

    url = f"sqlite:///{tmp_path / 'centre.db'}"
    empty = run("serve", "--port", str(_free_port()), "--database-url", url)
    assert empty.returncode == 1
    assert "no schema" in empty.stderr and "cur-server migrate" in empty.stderr
    assert "Traceback" not in empty.stderr

    upgrade(url, "0006")
    old = run("serve", "--port", str(_free_port()), "--database-url", url)
    assert old.returncode == 1
    assert f"revision 0006, this server needs {head_revision()}" in old.stderr
    assert "cur-server migrate" in old.stderr and "Traceback" not in old.stderr

    assert run("migrate", "--database-url", url).returncode == 0
    check_current(url)  # now it would serve

    broken = run("serve", "--database-url", "postgresql+psycopg://nobody:x@127.0.0.1:1/none")
    assert broken.returncode == 1 and "cannot open the database" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_version_names_the_release_and_the_schema_it_needs():
    from cur_desktop.models.version import __version__
    from cur_server.migrate import head_revision

    server = run("--version")
    assert server.returncode == 0, server.stderr
    assert server.stdout == f"cur-server {__version__} (database schema {head_revision()})\n"
    assert server.stderr == ""  # no library's start-up notes around the answer
    desktop = subprocess.run(
        [sys.executable, "-m", "cur_desktop.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (desktop.returncode, desktop.stdout) == (0, f"cur-desktop {__version__}\n")
