"""`cur-server serve --ssl-certfile --ssl-keyfile` serves HTTPS itself (for a small centre
without a TLS-terminating proxy); a certificate without its key is a usage error."""

from __future__ import annotations

import subprocess

import pytest
import requests
from cryptography.hazmat.primitives import serialization

from tests.sync.test_tls import _pem, make_ca, make_server_cert

from .test_cli import CLI, _free_port, run, wait_serving


@pytest.fixture
def pki(tmp_path):
    ca_key, ca_cert = make_ca("ЦУР тестовый УЦ")
    key, cert = make_server_cert(ca_key, ca_cert)
    (tmp_path / "ca.pem").write_bytes(_pem(ca_cert))
    (tmp_path / "server.pem").write_bytes(_pem(cert))
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return tmp_path


def _health(base: str, verify: str | bool) -> int:
    """The status only: a response kept alive keeps its socket open, and uvicorn's TLS shutdown
    then waits for the peer's close_notify."""
    with requests.get(f"{base}/health", timeout=5, verify=verify) as answer:
        return answer.status_code


def test_serve_over_https(tmp_path, pki):
    url = f"sqlite:///{tmp_path / 'centre.db'}"
    subprocess.run([*CLI, "migrate", "--database-url", url], check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [
            *CLI,
            "serve",
            "--port",
            str(port),
            "--database-url",
            url,
            "--log-level",
            "warning",
            "--ssl-certfile",
            str(pki / "server.pem"),
            "--ssl-keyfile",
            str(pki / "key.pem"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"https://127.0.0.1:{port}"
        wait_serving(server, lambda: _health(base, str(pki / "ca.pem")) == 200)
        with pytest.raises(requests.exceptions.SSLError):  # not a publicly trusted certificate
            _health(base, True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise AssertionError(server.stderr.read().decode()[-3000:]) from None
    assert f"https://127.0.0.1:{port}" in server.stderr.read().decode()


def test_a_certificate_without_its_key_is_refused(tmp_path, pki):
    url = f"sqlite:///{tmp_path / 'centre.db'}"
    done = run("serve", "--database-url", url, "--ssl-certfile", str(pki / "server.pem"))
    assert done.returncode == 2 and "--ssl-keyfile" in done.stderr
