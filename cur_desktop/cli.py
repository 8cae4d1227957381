"""`cur-desktop`: the workstation. Headless commands for scripts, support staff and tests:

cur-desktop sync --server URL --username U --password-stdin [--data-dir DIR] [--ca-bundle F]
cur-desktop cache-info [--data-dir DIR]
cur-desktop brief --municipality NAME --from DATE --to DATE --out FILE.pdf|.xlsx
            (--server URL --user U [--password-stdin] | --demo | --offline)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from cur_desktop.models.cache.incidents import count_incidents
from cur_desktop.models.cache.repair import CacheFault
from cur_desktop.models.cache.store import CacheLocked

from .brief_cli import add_brief_command
from .models.version import __version__
from .sync.client import ApiClient, SyncError
from .sync.credentials import KEYRING_STATUS_LABELS, CredentialStore
from .sync.engine import DEFAULT_PULL_PAGE, SyncCore
from .sync.logfile import install_log_file
from .sync.profile import NeedPassphrase, Profile, data_root
from .sync.sign_in import sign_in

log = logging.getLogger("cur_desktop")


def _fail(message: str, code: int = 1) -> int:
    """One line on stderr, even when the detail (a validation report) spans many."""
    line = " ".join(message.split())
    if len(line) > 300:
        line = line[:299] + "…"
    print(f"cur-desktop: {line}", file=sys.stderr)
    return code


def _tell_repair(store) -> None:
    """A cache rebuilt at open is said on stderr (the UI says it in the status bar)."""
    if store.repair is not None:
        r = store.repair
        print(
            f"Локальный кэш был повреждён ({r.damage.value}) и создан заново, повреждённый файл: "
            f"{r.set_aside or '—'}; сохранено неотправленных изменений: {r.outbox}",
            file=sys.stderr,
        )


def cmd_sync(args: argparse.Namespace) -> int:
    credentials = CredentialStore()
    if not credentials.persistent:
        print(KEYRING_STATUS_LABELS[credentials.status], file=sys.stderr)
    profile = Profile(data_root(args.data_dir), args.server, args.username)
    client = ApiClient(args.server, ca_bundle=args.ca_bundle)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    try:
        sign_in(client, profile, credentials, password)
        profile.remember()
        store = profile.open_cache(credentials)
    except (NeedPassphrase, CacheLocked) as exc:
        return _fail(str(exc), 2)
    except SyncError as exc:
        return _fail(f"{exc.message} ({exc.detail or type(exc).__name__})")
    _tell_repair(store)
    try:
        with store.write() as conn:
            store.set_meta(conn, "user", client.user.model_dump(mode="json"))
            store.set_meta(conn, "server_url", args.server)
        core = SyncCore(client, store, page_size=args.page_size)
        try:
            summary = core.sync_once()
        except (SyncError, CacheFault) as exc:
            return _fail(f"{exc.message} ({exc.detail or type(exc).__name__})")
        print(json.dumps({**summary.as_json(), **core.counts()}, ensure_ascii=False))
        return 0
    finally:
        store.close()


def cmd_cache_info(args: argparse.Namespace) -> int:
    root = data_root(args.data_dir)
    profile = Profile.last(root)
    if profile is None:
        return _fail(f"в {root} нет ни одного профиля")
    try:
        store = profile.open_cache(CredentialStore())
    except (NeedPassphrase, CacheLocked) as exc:
        return _fail(str(exc), 2)
    _tell_repair(store)
    try:
        with store.read() as conn:
            info = {
                "server_url": profile.server_url,
                "username": profile.username,
                "incidents_cached": count_incidents(conn),
                "cursor": store.get_meta(conn, "cursor", 0),
                "last_sync_at": store.get_meta(conn, "last_sync_at"),
            }
        core = SyncCore(ApiClient(profile.server_url), store)
        print(json.dumps({**info, **core.counts()}, ensure_ascii=False))
        return 0
    finally:
        store.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cur-desktop",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cur-desktop {__version__}")
    parser.add_argument("--demo", action="store_true", help="embedded demo server and data")
    parser.add_argument(
        "--training",
        metavar="SCENARIO",
        help="single-machine training practice: a bundled scenario name or a YAML file",
    )
    parser.add_argument(
        "--role",
        default="operator",
        choices=["operator", "supervisor", "district_official", "trainer"],
        help="demo role to sign in as",
    )
    parser.add_argument("--server", dest="server", help="server address for the sign-in dialog")
    parser.add_argument("--data-dir", help="where profiles live (default: user data folder)")
    parser.add_argument("--ca-bundle", help="CA certificates for the server (PEM)")
    parser.add_argument("--lang", choices=["ru", "en"], help="interface language (default ru)")
    parser.add_argument("--screenshot", metavar="FILE", help="render the window to a PNG, quit")
    parser.add_argument("--view", choices=["queue", "incident", "editor"], default="queue")
    sub = parser.add_subparsers(dest="command")
    sync = sub.add_parser("sync", help="one full sync (push, then pull); prints JSON")
    sync.add_argument("--server", required=True)
    sync.add_argument("--username", required=True)
    sync.add_argument("--password-stdin", action="store_true")
    sync.add_argument("--data-dir")
    sync.add_argument("--ca-bundle", help="CA certificates for this server (PEM)")
    sync.add_argument("--page-size", type=int, default=DEFAULT_PULL_PAGE)
    sync.set_defaults(func=cmd_sync)
    info = sub.add_parser("cache-info", help="counts of the last profile's cache; prints JSON")
    info.add_argument("--data-dir")
    info.set_defaults(func=cmd_cache_info)
    add_brief_command(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    args = build_parser().parse_args(argv)
    install_log_file()
    if args.command is None:
        from .ui.app import run_gui  # Qt only for the window, never for headless commands

        return run_gui(args)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
