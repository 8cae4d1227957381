"""The connection test says in Russian what is wrong, checked against real sockets on
127.0.0.1: a closed port, a name that does not resolve (`.invalid`: no query leaves the
machine), a certificate from an unknown CA, a certificate for another name, http:// to an
HTTPS port and https:// to an HTTP one; and the system-wide settings file, whole or broken."""

from __future__ import annotations

import socket

import pytest

from cur_desktop.sync.connection import (
    Connection,
    ConnectionProblem,
    check_connection,
    preset,
    remember,
    remembered,
    system_default,
)
from cur_desktop.sync.profile import Profile
from tests.sync.test_tls import clean_tls_environment, pki, server_url, tls  # noqa: F401


def problem(url: str, ca: str | None = None) -> str:
    with pytest.raises(ConnectionProblem) as caught:
        check_connection(url, ca, timeout=5)
    assert "Traceback" not in caught.value.message
    return caught.value.message


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nobody listens


def test_a_good_server_answers_with_its_versions(tls, pki):  # noqa: F811
    assert check_connection(tls.url, str(pki.ca)).current


def test_refused_unresolvable_and_malformed_addresses():
    port = closed_port()
    assert problem(f"http://127.0.0.1:{port}").startswith(
        f"Сервер 127.0.0.1:{port} отказал в соединении"
    )
    assert problem("https://cur-server.invalid").startswith("Сервер «cur-server.invalid» не найден")
    for bad in ("cur.example.ru", "ftp://host", "https://", "https://host:99999"):
        assert problem(bad).startswith("Адрес сервера указан неверно")


def test_certificate_problems(tls, pki, tmp_path):  # noqa: F811
    assert problem(tls.url).startswith("Сертификат сервера не подтверждён")  # no CA bundle
    assert problem(tls.url, str(pki.other_ca)).startswith("Сертификат сервера не подтверждён")
    wrong_name = tls.url.replace("127.0.0.1", "localhost")
    assert problem(wrong_name, str(pki.ca)).startswith(
        "Сертификат сервера выдан на другое имя, не «localhost»"
    )
    assert problem(tls.url, str(tmp_path / "none.pem")).startswith("Файл сертификатов не найден")
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    assert "не содержит сертификатов" in problem(tls.url, str(junk))


def test_the_wrong_scheme_either_way(tls, server):  # noqa: F811
    plain_to_tls = tls.url.replace("https://", "http://")
    assert "адрес должен начинаться с https://" in problem(plain_to_tls)
    tls_to_plain = server.url.replace("http://", "https://")
    assert "адрес должен начинаться с http://" in problem(tls_to_plain)


def test_not_a_cur_server(tmp_path):
    import http.server
    import threading

    httpd = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        assert "не сервер ЦУР" in problem(f"http://127.0.0.1:{httpd.server_port}")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_system_wide_file(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    monkeypatch.setenv("CUR_DESKTOP_CONFIG", str(config))
    assert system_default() is None  # no file: nothing preset
    config.write_text('[server]\nurl = "https://cur.example.ru"\nca_bundle = "/etc/ca.pem"\n')
    assert system_default() == Connection("https://cur.example.ru", "/etc/ca.pem")
    assert preset(tmp_path / "data", None, None) == Connection(
        "https://cur.example.ru", "/etc/ca.pem"
    )
    # --server wins over the file
    assert preset(tmp_path / "data", "https://other", None) == Connection("https://other", None)

    config.write_text('[server\nurl = "https://cur.example.ru"\n')
    with pytest.raises(ConnectionProblem) as caught:
        system_default()
    assert caught.value.message.startswith(f"Файл настроек {config} повреждён")
    assert "line 1" in caught.value.message
    config.write_text("[server]\nurl = 5\n")
    with pytest.raises(ConnectionProblem) as caught:
        system_default()
    assert "ожидается раздел [server]" in caught.value.message
    config.write_bytes(b"\xff\xfe[server]")
    with pytest.raises(ConnectionProblem):
        system_default()


def test_the_ca_bundle_is_remembered_per_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("CUR_DESKTOP_CONFIG", str(tmp_path / "absent.toml"))
    root = tmp_path / "data"
    a = Profile(root, "https://a.example", "operator1")
    b = Profile(root, "https://b.example", "operator1")
    remember(a, "/etc/a-ca.pem")
    remember(b, None)
    a.remember()
    assert remembered(a) == Connection("https://a.example", "/etc/a-ca.pem")
    assert remembered(b) == Connection("https://b.example", None)
    assert preset(root, None, None) == Connection("https://a.example", "/etc/a-ca.pem")


def test_signing_in_remembers_the_ca_bundle_for_offline_start(tls, pki, tmp_path):  # noqa: F811
    from cur_desktop.sync.credentials import CredentialStore
    from cur_desktop.sync.workspace import Workspace

    root = tmp_path / "data"
    credentials = CredentialStore()
    ws = Workspace.sign_in(
        root,
        tls.url,
        "operator1",
        "demo",
        remember=True,
        credentials=credentials,
        ca_bundle=str(pki.ca),
    )
    ws.store.close()
    assert remembered(Profile.last(root)) == Connection(tls.url, str(pki.ca))
    again = Workspace.open_last(root, credentials)  # no --ca-bundle this time
    try:
        assert again.client.verify == str(pki.ca)
        assert again.client.client_version().current  # and it reaches the server
    finally:
        again.store.close()
