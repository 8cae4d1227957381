"""`cur-server`: serve, migrate, seed, create users, run the channels, print the OpenAPI spec."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from cur_desktop.models.domain import Role
from cur_desktop.models.private_files import private_folder
from cur_desktop.models.version import __version__

from .context import ENV_DATABASE_URL, SecretError, database_url_from, sqlite_url_for


def demo_database_url() -> str:
    folder = Path(user_data_dir("cur-workstation", appauthor=False)) / "demo-server"
    private_folder(folder)
    return sqlite_url_for(folder / "demo.db")


def _url(args: argparse.Namespace) -> str:
    if args.demo and not (args.database_url or os.environ.get(ENV_DATABASE_URL)):
        return demo_database_url()
    return database_url_from(args.database_url)


def cmd_migrate(args: argparse.Namespace) -> int:
    from .db import open_database
    from .migrate import upgrade
    from .wire_json import fill_missing

    url = _url(args)
    upgrade(url)
    db = open_database(url)
    try:
        # Incidents written before 0010, or under another contract: their feed JSON, once.
        filled = fill_missing(db)
    finally:
        db.dispose()
    print(f"schema is up to date (feed JSON made for {filled} incidents)", file=sys.stderr)
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from .migrate import upgrade
    from .seed import seed_demo

    if not args.demo:
        print("only `seed --demo` exists for now", file=sys.stderr)
        return 2
    url = _url(args)
    upgrade(url)

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} incidents", end="", file=sys.stderr, flush=True)

    summary = seed_demo(url, args.incidents, progress=progress)
    print(file=sys.stderr)
    print(json.dumps(summary))
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from .db import open_database
    from .security import hash_password
    from .tables import Municipality, User, UserMunicipality

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    if len(password) < 8 and not args.allow_short_password:
        print("error: password shorter than 8 characters", file=sys.stderr)
        return 2
    db = open_database(_url(args))
    try:
        with db.write() as s:
            if s.scalars(select(User).where(User.username == args.username)).first():
                print(f"error: user {args.username!r} exists", file=sys.stderr)
                return 1
            user = User(
                username=args.username,
                full_name=args.full_name or args.username,
                password_hash=hash_password(password),
                role=args.role,
                needs_approval=args.needs_approval,
            )
            s.add(user)
            s.flush()
            for code in args.municipality or []:
                mid = s.scalar(select(Municipality.id).where(Municipality.code == code))
                if mid is None:
                    raise SystemExit(f"error: unknown municipality code {code!r}")
                s.add(UserMunicipality(user_id=user.id, municipality_id=mid))
            print(json.dumps({"id": user.id, "username": user.username, "role": user.role}))
    finally:
        db.dispose()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:

    from .migrate import upgrade
    from .seed import seed_demo
    from .versions import ENV_CLIENT_CURRENT, ENV_CLIENT_MINIMUM, versions_from_environment

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        print("cur-server: --ssl-certfile and --ssl-keyfile go together", file=sys.stderr)
        return 2
    # Through the environment, so worker processes publish the same versions.
    for name, value in (
        (ENV_CLIENT_CURRENT, args.client_current),
        (ENV_CLIENT_MINIMUM, args.client_minimum),
    ):
        if value:
            os.environ[name] = value
    try:
        versions = versions_from_environment()
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    url = _url(args)
    if args.demo:  # the demo database is the server's own: it keeps it current by itself
        upgrade(url)
        seed_demo(url, args.incidents)
    elif not _schema_is_current(url):
        return 1
    scheme = "https" if args.ssl_certfile else "http"
    print(
        f"ЦУР server on {scheme}://{args.host}:{args.port} (database: {_safe(url)}; workstation "
        f"versions: current {versions.current}, minimum {versions.minimum})",
        file=sys.stderr,
    )
    options = {"host": args.host, "port": args.port, "log_level": args.log_level}
    if args.ssl_certfile:
        options |= {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile}
    mail = _demo_mail(url) if args.demo else None
    try:
        _run(args, url, options)
    finally:
        if mail is not None:
            mail.stop()
    return 0


def _demo_mail(url: str):
    """The demo's e-mail (cur_server/demo/mail.py): complaints by mail, answers back."""
    try:
        from .demo.mail import DemoMail

        mail = DemoMail(url).start()
    except Exception as e:  # noqa: BLE001 - the demo serves without its mail
        print(f"demo e-mail not started: {e}", file=sys.stderr)
        return None
    print(
        f"demo e-mail: write to {mail.address} through SMTP {mail.host}:{mail.smtp_port}; "
        f"answers in IMAP {mail.host}:{mail.imap_port} (user: the writer's address, "
        "password: demo)",
        file=sys.stderr,
    )
    return mail


def _run(args: argparse.Namespace, url: str, options: dict) -> None:
    import uvicorn

    from .app import create_app
    from .context import load_context

    if args.workers > 1:
        # Worker processes build their own app, so they find the database in the environment.
        os.environ[ENV_DATABASE_URL] = url
        uvicorn.run(
            "cur_server.app:app_from_environment", factory=True, workers=args.workers, **options
        )
    else:
        uvicorn.run(create_app(load_context(url)), **options)


def cmd_openapi(args: argparse.Namespace) -> int:
    from .app import create_app, openapi_json
    from .context import load_context

    print(openapi_json(create_app(load_context(_url(args)))))
    return 0


def cmd_channels(args: argparse.Namespace) -> int:
    """Run the configured channel adapters (fetch and deliver) until stopped."""
    import signal
    import threading

    from .channels.config import ENV_CHANNELS_CONFIG, ConfigError, load_config
    from .channels.rejects import print_rejects
    from .channels.runner import ChannelRunner, adapters_from
    from .context import load_context

    url = _url(args)
    if not _schema_is_current(url):
        return 1
    if args.rejected:
        return print_rejects(load_context(url), args.rejected)
    path = args.config or os.environ.get(ENV_CHANNELS_CONFIG)
    if not path:
        print(f"cur-server: give --config or set ${ENV_CHANNELS_CONFIG}", file=sys.stderr)
        return 2
    try:
        config = load_config(Path(path))
    except ConfigError as e:
        print(f"cur-server: {e}", file=sys.stderr)
        return 2
    adapters = adapters_from(config)
    if not adapters:
        print(f"cur-server: {path} configures no channel", file=sys.stderr)
        return 2
    runner = ChannelRunner(load_context(url), adapters, retry=config.retry)
    names = ", ".join(f"{a.channel.value}:{a.name}" for a in adapters)
    print(f"ЦУР channels {names} (database: {_safe(url)})", file=sys.stderr)
    if args.once:
        report = runner.run_round()
        print(json.dumps(report.__dict__, ensure_ascii=False))
        return 1 if report.errors else 0
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    runner.run_forever(config.poll_seconds, stop)
    return 0


def _schema_is_current(url: str) -> bool:
    """Whether the database has this code's schema; says why not on stderr."""
    from sqlalchemy.exc import SQLAlchemyError

    from .migrate import SchemaNotCurrent, check_current

    try:
        check_current(url)
    except SchemaNotCurrent as e:
        print(f"error: {e}", file=sys.stderr)
        return False
    except SQLAlchemyError as e:
        print(f"error: cannot open the database {_safe(url)}: {e}", file=sys.stderr)
        return False
    return True


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


class _Version(argparse.Action):
    """`--version`: the release and the database schema this code needs (what an administrator
    compares with the database's revision), read only when asked."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from .migrate import head_revision

        print(f"cur-server {__version__} (database schema {head_revision()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cur-server", description=__doc__)
    parser.add_argument("--version", action=_Version)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        help=f"SQLAlchemy URL (else ${ENV_DATABASE_URL}, else sqlite file cur_server.db here)",
    )
    common.add_argument(
        "--demo", action="store_true", help="use the demo database in the user data folder"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--incidents", type=int, default=3_000, help="with --demo: seed size")
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (uvicorn)")
    serve.add_argument(
        "--ssl-certfile",
        help="PEM certificate (chain) to serve HTTPS; else put a TLS proxy in front",
    )
    serve.add_argument("--ssl-keyfile", help="PEM private key of --ssl-certfile")
    serve.add_argument(
        "--client-current",
        help="the newest workstation version, announced to older ones (else $CUR_CLIENT_CURRENT, "
        "else this server's version)",
    )
    serve.add_argument(
        "--client-minimum",
        help="older workstations may read but not write (else $CUR_CLIENT_MINIMUM, else the "
        "server's version)",
    )
    serve.set_defaults(func=cmd_serve)

    migrate = sub.add_parser("migrate", parents=[common], help="create or upgrade the schema")
    migrate.set_defaults(func=cmd_migrate)

    seed = sub.add_parser("seed", parents=[common], help="fill an empty database")
    seed.add_argument("--incidents", type=int, default=3_000)
    seed.set_defaults(func=cmd_seed)

    create = sub.add_parser("create-user", parents=[common], help="add a staff account")
    create.add_argument("username")
    create.add_argument("--role", choices=[r.value for r in Role], required=True)
    create.add_argument("--full-name")
    create.add_argument("--municipality", action="append", help="municipality code (repeatable)")
    create.add_argument("--needs-approval", action="store_true")
    create.add_argument("--password-stdin", action="store_true")
    create.add_argument("--allow-short-password", action="store_true", help=argparse.SUPPRESS)
    create.set_defaults(func=cmd_create_user)

    channels = sub.add_parser(
        "channels",
        parents=[common],
        help="run the channel adapters (e-mail, Telegram, VK, OK, ПОС; several of each): "
        "intake, delivery",
    )
    channels.add_argument(
        "--config", help="channels TOML file (else $CUR_CHANNELS_CONFIG); see channels/config.py"
    )
    channels.add_argument("--once", action="store_true", help="one round, then print its report")
    channels.add_argument(
        "--rejected",
        type=int,
        metavar="N",
        help="list the N latest messages kept without an incident, with the reason, and exit",
    )
    channels.set_defaults(func=cmd_channels)

    openapi = sub.add_parser("openapi", parents=[common], help="print the OpenAPI spec")
    openapi.set_defaults(func=cmd_openapi)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # Alembic names each of its autogenerate plugins as it loads them: not an administrator's
    # concern at every start (its migration steps are still logged).
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SecretError as exc:  # a misconfigured JWT secret: say so, without a traceback
        print(f"cur-server: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
