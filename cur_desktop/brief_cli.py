"""`cur-desktop brief`: the municipality brief from the command line, for scheduled use.
The brief itself is made in `reports/`; this module only reads arguments and signs in.

With --offline the brief is counted from the local cache of the last profile (or of --server
and --user) without asking the server, and says so in its header: only what was synced, within
the user's access.

Exit codes: 0 written (the path is printed), 1 the server failed or could not be reached,
2 bad input (dates, file type, unknown municipality, no password, no profile or cache key),
3 sign-in refused. A failed run leaves no file behind: the document is written to a temporary
file and renamed at the end.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from cur_desktop.models.analytics import MAX_PERIOD_DAYS
from cur_desktop.models.clock import Clock
from cur_desktop.reports.brief_document import WRITERS, write_brief

DEFAULT_DAYS = 30
DEMO_USER = "supervisor1"


def _day(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"дата «{text}» не в формате ГГГГ-ММ-ДД или ДД.ММ.ГГГГ")


def add_brief_command(sub) -> None:
    p = sub.add_parser(
        "brief",
        help="справка по муниципальному образованию (PDF или XLSX)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--municipality", required=True, metavar="МО", help="название, код или номер")
    p.add_argument(
        "--from",
        dest="date_from",
        type=_day,
        metavar="ДАТА",
        help=f"первый день (по умолчанию: {DEFAULT_DAYS} дней до конца периода)",
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=_day,
        metavar="ДАТА",
        help="последний день (по умолчанию сегодня)",
    )
    p.add_argument("--out", required=True, metavar="ФАЙЛ", help="файл .pdf или .xlsx")
    p.add_argument("--user", "--username", dest="username", help="имя пользователя")
    p.add_argument("--password-stdin", action="store_true", help="пароль из стандартного ввода")
    p.add_argument(
        "--offline",
        action="store_true",
        help="по локальному кэшу последнего профиля, без сервера (справка помечается так)",
    )
    # Also accepted before the subcommand (`cur-desktop --demo brief ...`): SUPPRESS keeps the
    # main parser's value instead of overwriting it with this parser's default.
    keep = argparse.SUPPRESS
    p.add_argument("--server", default=keep, help="адрес сервера")
    p.add_argument("--demo", action="store_true", default=keep, help="встроенный демо-сервер")
    p.add_argument("--data-dir", default=keep, help="папка профилей (по умолчанию: папка данных)")
    p.add_argument("--ca-bundle", default=keep, help="сертификаты УЦ сервера (PEM)")
    p.set_defaults(func=cmd_brief)


def _fail(message: str, code: int) -> int:
    print(f"cur-desktop brief: {' '.join(message.split())}", file=sys.stderr)
    return code


def cmd_brief(args: argparse.Namespace) -> int:
    from cur_desktop.reports.brief import build_brief
    from cur_desktop.reports.brief_source import ServerSource
    from cur_desktop.reports.municipality import BriefError
    from cur_desktop.sync.client import ApiClient, AuthFailed, SyncError

    out = Path(args.out).expanduser().resolve()
    if out.suffix.lower() not in WRITERS:
        return _fail(f"файл должен быть .pdf или .xlsx: {out.name}", 2)
    if not out.parent.is_dir():
        return _fail(f"нет папки {out.parent}", 2)
    clock = _clock(args)
    date_to = args.date_to or clock.today()  # the server's today, as last measured
    date_from = args.date_from or date_to - timedelta(days=DEFAULT_DAYS - 1)
    if date_from > date_to:
        return _fail("начало периода позже его конца", 2)
    if (date_to - date_from).days + 1 > MAX_PERIOD_DAYS:
        return _fail(f"период длиннее {MAX_PERIOD_DAYS} дней", 2)
    if args.offline:
        if args.demo:
            return _fail("--offline и --demo несовместимы", 2)
        return _offline(args, date_from, date_to, out, clock)
    if not args.demo and not (args.server and args.username):
        return _fail("укажите --server и --user или --demo (или --offline)", 2)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None

    demo = None
    try:
        if args.demo:
            from cur_desktop.demo import DEMO_PASSWORD, DemoServer
            from cur_desktop.sync.profile import data_root

            demo = DemoServer(data_root(args.data_dir) / "demo")
            client = ApiClient(demo.url)
            client.login(args.username or DEMO_USER, password or DEMO_PASSWORD)
        else:
            client = ApiClient(args.server, ca_bundle=args.ca_bundle, clock=clock)
            code = _sign_in(client, args, password)
            if code:
                return code
        brief = build_brief(ServerSource(client), args.municipality, date_from, date_to)
        write_brief(brief, out)
    except BriefError as exc:
        return _fail(str(exc), 2)
    except AuthFailed as exc:
        return _fail(exc.message, 3)
    except EOFError:  # asked for a password with nothing on standard input
        return _fail("пароль не введён", 3)
    except SyncError as exc:
        return _fail(f"{exc.message} ({exc.detail or type(exc).__name__})", 1)
    finally:
        if demo is not None:
            demo.stop()
    print(out)
    return 0


def _clock(args: argparse.Namespace) -> Clock:
    """The computer's clock with the server's offset as the profile last measured it (see
    models/clock.py), so a default period ends on the server's today even offline."""
    from cur_desktop.sync.clock_offset import restore_offset

    clock = Clock()
    profile = None if args.demo else _profile(args)
    if profile is not None:
        restore_offset(profile, clock)
    return clock


def _profile(args: argparse.Namespace):
    from cur_desktop.sync.profile import Profile, data_root

    root = data_root(args.data_dir)
    if args.server and args.username:
        return Profile(root, args.server, args.username)
    return Profile.last(root)


def _offline(
    args: argparse.Namespace, date_from: date, date_to: date, out: Path, clock: Clock
) -> int:
    """The brief from a profile's cache: opened with the keyring's key or the passphrase
    (`CUR_CACHE_PASSPHRASE`, or asked on a terminal), as the workstation opens it offline."""
    from cur_desktop.models.cache.store import CacheLocked
    from cur_desktop.reports.brief import build_brief
    from cur_desktop.reports.brief_source import CacheSource
    from cur_desktop.reports.municipality import BriefError
    from cur_desktop.sync.credentials import CredentialStore
    from cur_desktop.sync.profile import NeedPassphrase, data_root

    root = data_root(args.data_dir)
    profile = _profile(args)
    if profile is None or not profile.cache_path.exists():
        return _fail(f"в {root} нет локального кэша профиля", 2)
    try:
        store = profile.open_cache(CredentialStore())
    except (NeedPassphrase, CacheLocked) as exc:
        return _fail(str(exc), 2)
    try:
        brief = build_brief(
            CacheSource(store, now=clock.now()), args.municipality, date_from, date_to
        )
        write_brief(brief, out)
    except BriefError as exc:
        return _fail(str(exc), 2)
    finally:
        store.close()
    print(out)
    return 0


def _sign_in(client, args: argparse.Namespace, password: str | None) -> int:
    """The password if given, else the sign-in remembered in the keyring (as `sync` does).
    Without either and without a terminal to ask on, say so instead of waiting for input."""
    from cur_desktop.sync.credentials import CredentialStore
    from cur_desktop.sync.profile import Profile, data_root
    from cur_desktop.sync.sign_in import sign_in

    credentials = CredentialStore()
    profile = Profile(data_root(args.data_dir), args.server, args.username)
    if password is None and not sys.stdin.isatty():
        token = credentials.load_refresh_token(args.server, args.username)
        if not token:
            return _fail("нет сохранённого входа: передайте пароль через --password-stdin", 2)
    sign_in(client, profile, credentials, password)
    return 0
