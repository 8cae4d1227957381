"""TLS: the reference server on HTTPS with a certificate from a private CA.

The client trusts exactly what it was told to (its own `ca_bundle`, else certifi's public CAs):
the environment (REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE) can neither widen nor narrow that, and
certificate checking cannot be switched off.
"""

from __future__ import annotations

import datetime as dt
import io
import ipaddress
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

import certifi
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cur_desktop import cli
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.sync.client import ApiClient, Unreachable
from cur_desktop.sync.engine import SyncCore
from cur_server.embedded import EmbeddedServer
from tests.conftest import SEED_INCIDENTS
from tests.sync.seeded import seeded_copy

# --- a private CA ----------------------------------------------------------------------------


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ЦУР тест"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_ca(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_server_cert(
    ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


@dataclass(frozen=True)
class Pki:
    ca: Path  # the private CA that signed the server's certificate
    other_ca: Path  # an unrelated CA: trusting it alone must not reach the server
    cert: Path
    key: Path


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    ca_key, ca_cert = make_ca("ЦУР тестовый УЦ")
    _, other_cert = make_ca("Чужой УЦ")
    key, cert = make_server_cert(ca_key, ca_cert)
    pki = Pki(folder / "ca.pem", folder / "other-ca.pem", folder / "server.pem", folder / "key.pem")
    pki.ca.write_bytes(_pem(ca_cert))
    pki.other_ca.write_bytes(_pem(other_cert))
    pki.cert.write_bytes(_pem(cert))
    pki.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pki


@pytest.fixture
def server_url(tmp_path) -> str:
    return seeded_copy(tmp_path / "server")


@pytest.fixture
def tls(server_url, pki):
    with EmbeddedServer(server_url, ssl_certfile=str(pki.cert), ssl_keyfile=str(pki.key)) as srv:
        assert srv.url.startswith("https://127.0.0.1:")
        yield srv


@pytest.fixture(autouse=True)
def clean_tls_environment(monkeypatch):
    """Tests set these themselves; whatever the machine has must not leak in."""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)


def assert_refused_for_certificate(client: ApiClient) -> None:
    with pytest.raises(Unreachable) as caught:
        client.login("operator1", "demo")
    assert "сертификат" in caught.value.message
    assert "CERTIFICATE_VERIFY_FAILED" in (caught.value.detail or "")
    assert client.access_token is None and client.user is None


def full_sync(client: ApiClient, folder: Path) -> int:
    client.login("operator1", "demo")
    store = CacheStore(folder / "cache.db", secrets.token_hex(32))
    try:
        with store.write() as conn:
            store.set_meta(conn, "user", client.user.model_dump(mode="json"))
        return SyncCore(client, store, page_size=50).sync_once().pulled
    finally:
        store.close()


# --- the client --------------------------------------------------------------------------------


def test_without_the_ca_bundle_the_client_refuses(tls):
    client = ApiClient(tls.url, timeout=(2.0, 5.0))
    assert client.verify == certifi.where()
    assert_refused_for_certificate(client)


def test_with_the_ca_bundle_it_works(tls, pki, tmp_path):
    client = ApiClient(tls.url, ca_bundle=str(pki.ca), timeout=(2.0, 5.0))
    assert full_sync(client, tmp_path) == SEED_INCIDENTS
    assert client.wire_bytes > 0


def test_an_unrelated_ca_bundle_is_refused(tls, pki):
    assert_refused_for_certificate(ApiClient(tls.url, ca_bundle=str(pki.other_ca)))


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_environment_cannot_widen_what_the_client_trusts(variable, tls, pki, monkeypatch):
    monkeypatch.setenv(variable, str(pki.ca))
    # The variable does work on a plain requests call: it is the client that ignores it.
    assert requests.get(f"{tls.url}/openapi.json", timeout=5).status_code == 200
    assert_refused_for_certificate(ApiClient(tls.url, timeout=(2.0, 5.0)))


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_environment_cannot_narrow_what_the_client_trusts(
    variable, tls, pki, monkeypatch, tmp_path
):
    monkeypatch.setenv(variable, str(pki.other_ca))
    with pytest.raises(requests.exceptions.SSLError):  # it would, for a plain requests call
        requests.get(f"{tls.url}/openapi.json", timeout=5)
    client = ApiClient(tls.url, ca_bundle=str(pki.ca), timeout=(2.0, 5.0))
    assert full_sync(client, tmp_path) == SEED_INCIDENTS


@pytest.mark.parametrize("ca_bundle", ["", None, False, 0])
def test_verification_cannot_be_switched_off(ca_bundle, tls, monkeypatch):
    monkeypatch.setenv("CURL_CA_BUNDLE", "")  # empty: requests' old spelling of "verify nothing"
    client = ApiClient(tls.url, ca_bundle=ca_bundle, timeout=(2.0, 5.0))  # type: ignore[arg-type]
    client.http.verify = False  # the session's own switch is overridden on every request
    client.http.trust_env = True
    assert client.verify == certifi.where()
    assert_refused_for_certificate(client)


def test_plain_http_to_the_tls_port_and_bad_bundles_are_typed_errors(tls, tmp_path):
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    plain = ApiClient(tls.url.replace("https://", "http://"), timeout=(2.0, 2.0))
    with pytest.raises(Unreachable):
        plain.login("operator1", "demo")
    for bundle in (garbage, empty, tmp_path / "missing.pem"):
        client = ApiClient(tls.url, ca_bundle=str(bundle), timeout=(2.0, 2.0))
        with pytest.raises(Unreachable) as caught:
            client.login("operator1", "demo")
        assert "сертификат" in caught.value.message, bundle.name
        assert client.access_token is None


# --- the headless command ----------------------------------------------------------------------


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_sync_with_ca_bundle(tls, pki, tmp_path, monkeypatch, capsys):
    sync = ["sync", "--server", tls.url, "--username", "operator1", "--password-stdin"]
    sync += ["--data-dir", str(tmp_path / "data")]

    code, out, err = run_cli(monkeypatch, capsys, *sync)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("cur-desktop: ") and "сертификат" in err

    code, out, err = run_cli(monkeypatch, capsys, *sync, "--ca-bundle", str(tmp_path / "nope.pem"))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "сертификат" in err and "Traceback" not in err

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(pki.other_ca))
    code, out, err = run_cli(monkeypatch, capsys, *sync, "--ca-bundle", str(pki.ca))
    assert code == 0, err
    summary = json.loads(out)
    assert summary["pulled"] == SEED_INCIDENTS and summary["outbox_pending"] == 0

    data_dir = str(tmp_path / "data")
    code, out, err = run_cli(monkeypatch, capsys, "cache-info", "--data-dir", data_dir)
    assert code == 0, err
    info = json.loads(out)
    assert (info["server_url"], info["incidents_cached"]) == (tls.url, SEED_INCIDENTS)
