"""`cur-server channels` as an administrator runs it, and its configuration's secrets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cur_server.channels.config import ConfigError, load_config
from tests.server.test_cli import run
from tests.server.test_email_channel import letter
from tests.support.imap_server import ImapServer
from tests.support.smtp_server import SmtpServer


def _config(tmp_path, imap_port: int, smtp_port: int, password_line: str) -> str:
    path = tmp_path / "channels.toml"
    path.write_text(
        f"""
[delivery]
max_attempts = 3

[[email]]
name = "main"
address = "cur@cur.region.example"
default_municipality = "ryazan"

[email.imap]
host = "127.0.0.1"
port = {imap_port}
security = "none"
user = "cur"
{password_line}

[email.smtp]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
""",
        encoding="utf-8",
    )
    return str(path)


def test_one_round_from_the_command_line_reads_the_secret_from_the_environment(
    seeded_url, tmp_path
):
    with ImapServer() as imap, SmtpServer() as smtp:
        imap.deliver(letter())
        config = _config(tmp_path, imap.port, smtp.port, 'password_env = "CUR_TEST_IMAP_PW"')
        env = {"CUR_TEST_IMAP_PW": imap.box.password}
        r = run("channels", "--database-url", seeded_url, "--config", config, "--once", env=env)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["fetched"] == 1
        assert imap.box.password not in r.stderr + r.stdout

        imap.box.password = "rotated"
        r = run("channels", "--database-url", seeded_url, "--config", config, "--once", env=env)
        assert r.returncode == 1 and "cannot sign in" in r.stderr
        assert "rotated" not in r.stderr and env["CUR_TEST_IMAP_PW"] not in r.stderr

    r = run("channels", "--database-url", seeded_url, "--rejected", "5")
    assert r.returncode == 0 and r.stdout == ""


def test_a_password_written_into_the_file_or_an_open_secret_file_is_refused(tmp_path):
    path = _config(tmp_path, 1, 2, 'password = "hunter2hunter2"')
    with pytest.raises(ConfigError, match="password_env or password_file") as e:
        load_config(Path(path))
    assert "hunter2" not in str(e.value)

    secret = tmp_path / "imap.secret"
    secret.write_text("s3cret-from-file\n")
    os.chmod(secret, 0o644)
    path = _config(tmp_path, 1, 2, f'password_file = "{secret}"')
    with pytest.raises(ConfigError, match="chmod 600"):
        load_config(Path(path))
    os.chmod(secret, 0o600)
    config = load_config(Path(path))
    assert config.email[0].imap.password.reveal() == "s3cret-from-file"
    assert "s3cret" not in repr(config) and config.retry.max_attempts == 3


BAD_CONFIGS = [
    # (what the administrator wrote, what the message must name)
    (
        '[[telegram]]\ntoken_env = "HOME"\ntimeout = "fast"\n',
        "timeout must be a number, not 'fast'",
    ),
    ('[email]\naddress = "cur@region.example"\n', "written [[email]] (two brackets)"),
    ("[delivery]\nmax_attempts = 2.5\n", "[delivery]: max_attempts must be a whole number"),
    ('[[ok]]\ntoken_env = "HOME"\nchats = ["chat:1"]\n', "chats must be a table"),
    ('[[vk]]\ntoken_env = "HOME"\ngroup_id = "club1"\n', "group_id must be a whole number"),
    ('[[email]]\naddress = "cur@region.example"\nimap = "mail.region.example"\n', "imap: a table"),
    (
        '[[email]]\naddress = "cur@region.example"\n[email.smtp]\nhost = "h"\nport = true\n',
        "smtp: port must be a whole number, not True",
    ),
    ('[[telegram]]\ntoken_env = "HOME"\n[telegram.faq]\nanswers = ["x"]\n', "faq answer 1"),
    ("[[pos]]\nname = 5\n", "name must be text"),
    ("[delivery\n", "cannot read the channels configuration"),
]


@pytest.mark.parametrize(("text", "message"), BAD_CONFIGS)
def test_a_wrong_value_in_the_configuration_is_named_not_a_traceback(tmp_path, text, message):
    path = tmp_path / "channels.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert message in str(e.value)


def test_the_command_says_what_is_wrong_in_one_line(seeded_url, tmp_path):
    text, message = BAD_CONFIGS[0]
    path = tmp_path / "channels.toml"
    path.write_text(text, encoding="utf-8")
    r = run("channels", "--database-url", seeded_url, "--config", str(path), "--once")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines()[-1] == f"cur-server: [[telegram]] telegram1: {message}"
