"""The REST client: one HTTP session to the central server, every answer checked.

Each call makes one attempt; retrying and backing off is the sync engine's job, so a slow link
never multiplies requests behind the user's back. Every response is size-capped while it is
read and validated against the contract, so a malformed or hostile answer becomes a typed error,
never a crash or a half-applied page.
"""

from __future__ import annotations

import logging
import os
from typing import Any, TypeVar

import certifi
import requests
from pydantic import BaseModel, ValidationError

from cur_desktop.models import contract as c
from cur_desktop.models.clock import Clock
from cur_desktop.models.said import said
from cur_desktop.models.version import __version__

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)

DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read (between bytes): a stalled transfer is aborted
#: Decoded bytes of one answer. A page of 500 incidents is about 1 MB; 32 MB still leaves 64 KB
#: for each of them (a 20,000-character text is 40 KB), and bounds what a hostile answer costs.
MAX_RESPONSE_BYTES = 32 * 1024 * 1024


class SyncError(Exception):
    """Base of the client's errors; `message` is fit to show the user (Russian)."""

    def __init__(self, message: str, *, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail


class Unreachable(SyncError):
    """No answer: no network, connection refused or reset, timed out."""


class ServerBusy(SyncError):
    """The server answered 5xx or 429; try later (after `retry_after` seconds if it said so)."""

    def __init__(self, message: str, *, retry_after: float | None = None, status: int = 503):
        super().__init__(message)
        self.retry_after, self.status = retry_after, status


class AuthFailed(SyncError):
    """Wrong credentials, or the sign-in was revoked: the user must sign in again."""


class ProtocolError(SyncError):
    """The answer is not what the contract promises (bad JSON, wrong types, too big)."""


class RequestRejected(SyncError):
    """A 4xx answer other than 401: the request itself was wrong."""

    def __init__(self, message: str, *, status: int, code: str, details: Any = None):
        super().__init__(message)
        self.status, self.code, self.details = status, code, details


class ClientTooOld(RequestRejected):
    """This workstation is older than the server's minimum: it may read, but its changes stay
    in the outbox until a newer version is installed."""

    def __init__(self, current: str | None = None):
        newer = f" {current}" if current else ""
        super().__init__(
            said(
                "client_too_old",
                f"Версия программы устарела: изменения не отправляются и ждут в очереди. "
                f"Установите версию{newer} или новее",
                version=current or "",
            ),
            status=426,
            code=c.CLIENT_TOO_OLD,
        )


def outdated(versions: c.ClientVersion | None) -> bool:
    """Whether this workstation is below the server's minimum version."""
    return versions is not None and c.version_key(__version__) < c.version_key(versions.minimum)


def newer_version(versions: c.ClientVersion | None) -> str | None:
    """The server's current workstation version when it is newer than this one."""
    if versions is None or c.version_key(versions.current) <= c.version_key(__version__):
        return None
    return versions.current


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _wire_size(response: requests.Response, body: bytes) -> int:
    try:
        return int(response.raw.tell())  # urllib3 counts bytes before decompression
    except (AttributeError, TypeError, ValueError):
        return len(body)


class ApiClient:
    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        clock: Clock | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_response_bytes = max_response_bytes
        # An explicit path, never True: requests would let REQUESTS_CA_BUNDLE from the
        # environment replace True, and the custom bundle applies to this server only.
        self.verify: str = ca_bundle or certifi.where()
        self.http = requests.Session()
        self.http.headers["User-Agent"] = f"cur-desktop/{__version__}"
        self.http.headers[c.CLIENT_VERSION_HEADER] = __version__
        self.http.headers["Accept-Encoding"] = "gzip"
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.user: c.UserOut | None = None
        self.bytes_received = 0  # decoded body bytes
        self.wire_bytes = 0  # bytes as they came over the network (compressed)
        self.clock = clock or Clock()  # told the server's time by every answer

    # --- transport ------------------------------------------------------------------------

    def _send(self, method: str, path: str, **kw) -> tuple[int, bytes, requests.Response]:
        headers = kw.pop("headers", {})
        if not os.path.exists(self.verify):  # requests would raise a bare OSError
            raise Unreachable(
                said(
                    "no_ca_file", "Не удалось проверить сертификат сервера: нет файла сертификатов"
                ),
                detail=self.verify,
            )
        if self.access_token and "Authorization" not in headers:
            headers["Authorization"] = f"Bearer {self.access_token}"
        sent = self.clock.local()
        try:
            response = self.http.request(
                method,
                f"{self.base_url}{path}",
                headers=headers,
                timeout=self.timeout,
                verify=self.verify,
                stream=True,
                **kw,
            )
            server_time = c.server_time_of(response.headers)  # stamped as the headers left
            if server_time is not None:
                self.clock.observe(server_time, sent, self.clock.local())
            body = self._read_capped(response)
        except requests.exceptions.SSLError as exc:
            raise Unreachable(
                said("certificate", "Не удалось проверить сертификат сервера"), detail=str(exc)
            ) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Unreachable(
                said("unreachable", "Сервер недоступен"), detail=type(exc).__name__
            ) from exc
        except requests.exceptions.ContentDecodingError as exc:  # a gzip body that is not gzip
            raise ProtocolError(
                said("damaged_answer", "Сервер прислал повреждённый ответ"), detail=str(exc)
            ) from exc
        except requests.RequestException as exc:  # truncated body, bad chunking
            raise Unreachable(
                said("connection_lost", "Связь с сервером прервалась"), detail=type(exc).__name__
            ) from exc
        self.bytes_received += len(body)
        self.wire_bytes += _wire_size(response, body)
        return response.status_code, body, response

    def _read_capped(self, response: requests.Response) -> bytes:
        chunks, size = [], 0
        try:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_response_bytes:
                raise ProtocolError(  # refused before reading a byte of it
                    said("too_large", "Ответ сервера слишком велик"),
                    detail=f"Content-Length {declared}",
                )
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_response_bytes:
                    raise ProtocolError(
                        said("too_large", "Ответ сервера слишком велик"),
                        detail=f">{self.max_response_bytes} bytes",
                    )
                chunks.append(chunk)
        finally:
            response.close()
        return b"".join(chunks)

    def _answer(self, method: str, path: str, *, auth: bool = True, **kw) -> bytes:
        """The body of a successful answer (signed in again once if the token expired)."""
        status, body, response = self._send(method, path, **kw)
        if status == 401 and auth and self.refresh_token:
            self.refresh()
            status, body, response = self._send(method, path, **kw)
        self._raise_for(status, body, response)
        return body

    def _call(self, method: str, path: str, model: type[M], *, auth: bool = True, **kw) -> M:
        return self._parse(model, self._answer(method, path, auth=auth, **kw))

    @staticmethod
    def _parse(model: type[M], body: bytes) -> M:
        try:
            return model.model_validate_json(body)
        except ValidationError as exc:
            # Where and what, never the values: a value may be a citizen's text (152-ФЗ).
            where = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['type']}"
                for e in exc.errors(include_input=False, include_url=False)[:10]
            )
            raise ProtocolError(
                said("off_protocol", "Сервер прислал ответ не по протоколу"), detail=where
            ) from exc

    @staticmethod
    def _raise_for(status: int, body: bytes, response: requests.Response) -> None:
        if status < 400:
            return
        try:
            err = c.ErrorBody.model_validate_json(body)
            code, message, details = err.error, err.message, err.details
        except ValidationError:
            code, details = f"http_{status}", None
            message = said("http_error", f"Ошибка сервера ({status})", status=status)
        if status == 401:
            raise AuthFailed(message, detail=code)
        if code == c.CLIENT_TOO_OLD:
            current = details.get("current") if isinstance(details, dict) else None
            raise ClientTooOld(current if isinstance(current, str) else None)
        if status == 429 or status >= 500:
            raise ServerBusy(message, retry_after=_retry_after(response), status=status)
        raise RequestRejected(message, status=status, code=code, details=details)

    # --- auth -----------------------------------------------------------------------------

    def login(self, username: str, password: str) -> c.TokenPair:
        pair = self._call(
            "POST",
            f"{c.API_PREFIX}/auth/login",
            c.TokenPair,
            auth=False,
            json={"username": username, "password": password},
        )
        self._take(pair)
        return pair

    def refresh(self) -> c.TokenPair:
        if not self.refresh_token:
            raise AuthFailed(said("sign_in_required", "Требуется вход в систему"))
        pair = self._call(
            "POST",
            f"{c.API_PREFIX}/auth/refresh",
            c.TokenPair,
            auth=False,
            json={"refresh_token": self.refresh_token},
        )
        self._take(pair)
        return pair

    def _take(self, pair: c.TokenPair) -> None:
        self.access_token, self.refresh_token, self.user = (
            pair.access_token,
            pair.refresh_token,
            pair.user,
        )

    def logout(self) -> None:
        if self.refresh_token:
            self._call(
                "POST",
                f"{c.API_PREFIX}/auth/logout",
                c.LogoutResult,
                auth=False,
                json={"refresh_token": self.refresh_token},
            )
        self.access_token = self.refresh_token = None

    # --- data -----------------------------------------------------------------------------

    def reference(self, etag: str | None = None) -> tuple[c.Reference | None, str | None]:
        """The reference document, or None when it is unchanged since `etag`."""
        headers = {"If-None-Match": etag} if etag else {}
        status, body, response = self._send("GET", f"{c.API_PREFIX}/reference", headers=headers)
        if status == 401 and self.refresh_token:
            self.refresh()
            status, body, response = self._send("GET", f"{c.API_PREFIX}/reference", headers=headers)
        if status == 304:
            return None, etag
        self._raise_for(status, body, response)
        return self._parse(c.Reference, body), response.headers.get("ETag")

    def changes(self, cursor: int, limit: int = c.DEFAULT_CHANGES_PAGE) -> c.ChangesPage:
        return self._call(
            "GET",
            f"{c.API_PREFIX}/changes",
            c.ChangesPage,
            params={"cursor": cursor, "limit": limit},
        )

    def changes_with_body(
        self, cursor: int, limit: int = c.DEFAULT_CHANGES_PAGE
    ) -> tuple[c.ChangesPage, bytes]:
        """`changes`, and the answer's JSON as it came (kept to read a few incidents again)."""
        params = {"cursor": cursor, "limit": limit}
        body = self._answer("GET", f"{c.API_PREFIX}/changes", params=params)
        return self._parse(c.ChangesPage, body), body

    def client_version(self) -> c.ClientVersion:
        """The workstation versions the server publishes (no sign-in needed)."""
        return self._call("GET", f"{c.API_PREFIX}/client-version", c.ClientVersion, auth=False)

    def mutations(self, body: dict[str, Any]) -> c.MutationResults:
        return self._call("POST", f"{c.API_PREFIX}/mutations", c.MutationResults, json=body)

    def attachment(self, incident_id: int, attachment_id: int, *, thumbnail: bool) -> bytes:
        """A stored file of an incident, or its JPEG thumbnail: the bytes (size-capped)."""
        path = c.API_PREFIX + c.attachment_path(incident_id, attachment_id, thumbnail=thumbnail)
        return self._answer("GET", path)

    # --- any other endpoint: one call, the answer checked against its model ------------------

    def get(self, path: str, model: type[M], params: dict[str, Any] | None = None) -> M:
        """GET `path` (under /api/v1) with query `params`."""
        return self._call("GET", f"{c.API_PREFIX}{path}", model, params=params)

    def post(self, path: str, model: type[M], body: dict[str, Any]) -> M:
        """POST the JSON `body` to `path` (under /api/v1)."""
        return self._call("POST", f"{c.API_PREFIX}{path}", model, json=body)
