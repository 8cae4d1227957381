"""A workstation process for tests/sync/test_kill.py, which kills it with SIGKILL.

    kill_client.py notes CACHE_DIR INCIDENT_ID TAG
        add notes to one incident until killed: "note <mutation id> <text>" per note
    kill_client.py sync CACHE_DIR SERVER_URL USERNAME PAGE_SIZE INCIDENT_ID...
        add one note to each incident ("note ..."), then sync once, reporting "push N" and
        "pull N" as each batch or page is stored, and "done" at the end

Each line is printed only after the write it reports has committed, so the test knows what must
survive the kill. The cache key comes in CUR_CACHE_PASSPHRASE and the password on stdin (no
keyring here: the tests' keyring lives in their own process); neither is ever printed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from cur_desktop.models.cache.store import CacheStore
from cur_desktop.sync.actions import LocalActions
from cur_desktop.sync.client import ApiClient
from cur_desktop.sync.engine import SyncCore
from cur_desktop.sync.profile import ENV_PASSPHRASE

#: A child the test forgot to kill stops by itself.
LIFETIME = 60.0


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def add_notes(store: CacheStore, incident_id: int, tag: str) -> None:
    actions = LocalActions(store)
    give_up = time.monotonic() + LIFETIME
    serial = 0
    while time.monotonic() < give_up:
        serial += 1
        text = f"{tag} {serial}"
        say(f"note {actions.add_note(incident_id, text)} {text}")


def sync(store: CacheStore, server: str, username: str, page_size: int, ids: list[int]) -> None:
    client = ApiClient(server, timeout=(2.0, 5.0))
    client.login(username, sys.stdin.readline().rstrip("\n"))
    with store.write() as conn:
        store.set_meta(conn, "user", client.user.model_dump(mode="json"))
    actions = LocalActions(store)
    for incident_id in ids:
        text = f"before the sync, on {incident_id}"
        say(f"note {actions.add_note(incident_id, text)} {text}")
    core = SyncCore(
        client,
        store,
        page_size=page_size,
        push_batch=1,
        progress=lambda phase, done: say(f"{phase} {done}"),
    )
    core.sync_once()
    say("done")


def main(argv: list[str]) -> None:
    mode, folder = argv[0], Path(argv[1])
    store = CacheStore(folder / "cache.db", os.environ[ENV_PASSPHRASE])
    try:
        if mode == "notes":
            add_notes(store, int(argv[2]), argv[3])
        elif mode == "sync":
            sync(store, argv[2], argv[3], int(argv[4]), [int(i) for i in argv[5:]])
        else:
            raise SystemExit(f"unknown mode {mode!r}")
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
