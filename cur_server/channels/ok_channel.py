"""The Odnoklassniki (OK) channel: a group's chat messages in, replies out, by OK's Bot API.

The Bot API (https://apiok.ru/dev/graph_api/bot_api) is Graph API on `api.ok.ru/graph`, with the
group's access token as the `access_token` query parameter. Intake uses its long polling
subscription: once, `POST /graph/me/subscribe` with `{"types": ["MESSAGE_CREATED"],
"longPolling": true}`, then `GET /graph/me/updates?marker=…&count=…&timeout=…`, which answers
`{"marker": …, "updates": [...]}`. Each update is the webhook's message (`sender.user_id`,
`sender.name`, `recipient.chat_id`, `message.mid`, `message.text`, `message.reply_to`,
`timestamp` in milliseconds) with its type (`message_created`). The marker is stored after every
batch (`channel_cursor:ok:NAME`); passing it on confirms the batch to OK, and intake
deduplicates by (channel, `mid`) anyway, so a restart neither loses nor repeats a message.
A message replying to the centre's answer (`reply_to` its mid) joins that incident. Its
pictures (`message.attachment` / `message.attachments` items of type IMAGE) are downloaded from
their `payload.url` and stored with the incident (`cur_server/attachments.py`).

A reply is `POST /graph/me/messages/{chat_id}` with `{"recipient": {"chat_id": …}, "message":
{"text": …, "reply_to": mid}}`, answering the citizen's last message; OK answers
`{"chat_id": …, "message_id": "mid:…"}`. OK has no idempotency key, so every part sent is written
down under the reply's key at once (as for Telegram): a retry after a crash sends only the parts
not yet sent. Errors answer `{"error_code": N, "error_msg": …}`.

The token is in the query string: errors are reported without the URL, and urllib3's debug log
is given the path with the token masked.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime

import requests

from cur_desktop.models.domain import Channel

from ..attachments import AttachmentRefused, IncomingFile, MissingFile
from .adapter import DeliveryError, Outgoing, Receipt
from .config import OkConfig
from .downloads import download, link_name
from .intake import Inbound, Intake, Rejected
from .log_masking import mask_in_request_logs
from .telegram_channel import split_text

log = logging.getLogger(__name__)

#: Characters of one message sent (a longer reply goes in parts).
MAX_MESSAGE_CHARS = 4000
#: Updates asked for at once.
BATCH = 100
#: OK's error codes (https://apiok.ru/en/dev/errors) by what they mean for a reply. Which code
#: a chat closed to the group gives is not documented: PERMISSION_DENIED is assumed.
TRANSIENT = {1: "unknown error", 2: "service temporarily unavailable", 9999: "system error"}
FLOOD = {7: "action temporarily blocked", 8: "flood control", 11: "limit reached"}
BAD_TOKEN = {102: "session expired", 103: "invalid session key", 104: "invalid signature"}
REFUSED = {
    10: "the group may not write to this chat (permission denied)",
    50: "the token's owner is not the group's administrator",
    100: "a parameter was refused",
    300: "the chat or message was not found",
}

#: The Bot API takes its token in the query string.
mask_in_request_logs("access_token=", r"(access_token=)[^&\s]+", r"\1***")


class OkError(RuntimeError):
    """The Bot API could not be read this time (the next round tries again). No token in it."""


class ApiRefusal(Exception):
    """The Bot API answered `{"error_code": …, "error_msg": …}` (or an HTTP error)."""

    def __init__(self, code: int, message: str):
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message


class OkChannel:
    channel = Channel.OK

    def __init__(self, config: OkConfig, session: requests.Session | None = None):
        self.config = config
        self.name = config.name
        self.http = session or requests.Session()
        self.intake: Intake | None = None

    def attach(self, intake: Intake) -> None:
        """Where the parts already sent are written down (the runner's intake)."""
        self.intake = intake

    # --- the Bot API -----------------------------------------------------------------------

    def call(
        self,
        http_method: str,
        path: str,
        *,
        params: dict | None = None,
        body: dict | None = None,
        timeout: float | None = None,
    ) -> dict:
        """One Graph API call; its JSON object, or ApiRefusal, or OkError (no token in it)."""
        token = self.config.token.reveal()
        query = {**(params or {}), "access_token": token}
        what = f"{http_method} {path}"
        try:
            resp = self.http.request(
                http_method,
                f"{self.config.api_url}/graph/{path}",
                params=query,
                json=body,
                headers={"Content-Type": "application/json;charset=utf-8"} if body else None,
                timeout=timeout or self.config.timeout,
            )
        except requests.RequestException as exc:
            # requests' own text names the URL, and so the token: never passed on, nor chained.
            raise OkError(f"OK Bot API unreachable ({type(exc).__name__}) calling {what}") from None
        try:
            answer = resp.json()
        except ValueError:
            answer = None
        if isinstance(answer, dict) and "error_code" in answer:
            try:
                code = int(answer["error_code"])
            except (TypeError, ValueError):
                code = 0
            message = str(answer.get("error_msg") or resp.reason or "").replace(token, "***")
            raise ApiRefusal(code, message)
        if resp.status_code >= 400:
            raise ApiRefusal(-resp.status_code, f"HTTP {resp.status_code} {resp.reason}")
        if not isinstance(answer, dict):
            raise OkError(f"OK answered {what} with no Bot API response")
        return answer

    # --- intake ----------------------------------------------------------------------------

    @property
    def cursor_key(self) -> str:
        return f"ok:{self.name}"

    def _intake_error(self, exc: ApiRefusal) -> str:
        if exc.code in BAD_TOKEN:
            return (
                f"OK group {self.name!r}: the access token was refused ({exc.code} {exc.message}); "
                "it was revoked or is wrong: generate a new one in the group's settings "
                "(Messages) and put it in place"
            )
        return f"OK group {self.name!r}: {exc.code} {exc.message}"

    def fetch(self, intake: Intake) -> int:
        cursor = intake.cursor(self.cursor_key)
        try:
            if not cursor.get("subscribed"):
                answer = self.call(
                    "POST",
                    "me/subscribe",
                    body={"types": ["MESSAGE_CREATED"], "longPolling": True},
                )
                if answer.get("success") is False:
                    raise OkError(f"OK group {self.name!r}: the long polling subscription failed")
                cursor = {**cursor, "subscribed": True}
                intake.save_cursor(self.cursor_key, cursor)
            seen = 0
            while True:
                params: dict = {"count": BATCH, "timeout": self.config.poll_timeout}
                if cursor.get("marker"):
                    params["marker"] = cursor["marker"]
                answer = self.call(
                    "GET",
                    "me/updates",
                    params=params,
                    timeout=self.config.timeout + self.config.poll_timeout,
                )
                updates = answer.get("updates") or []
                for update in updates:
                    if isinstance(update, dict):
                        self._take(update, intake)
                    seen += 1
                if answer.get("marker") is not None:
                    cursor = {**cursor, "marker": str(answer["marker"])}
                    intake.save_cursor(self.cursor_key, cursor)
                if len(updates) < BATCH:
                    return seen
        except ApiRefusal as exc:
            raise OkError(self._intake_error(exc)) from None

    def files_of(self, msg: dict) -> tuple[tuple[IncomingFile, ...], tuple[MissingFile, ...]]:
        """A message's pictures: its `attachment` and `attachments` items of type IMAGE, each
        downloaded from `payload.url` (`downloads.download`; the token is not sent there), and
        the ones that could not be. Other types (video, stickers, keyboards…) are not files a
        complaint needs and are left alone."""
        items = [msg.get("attachment"), *(msg.get("attachments") or [])]
        images = [
            i for i in items if isinstance(i, dict) and str(i.get("type", "")).upper() == "IMAGE"
        ]
        files, missing = [], []
        for n, item in enumerate(images, start=1):
            url = (item.get("payload") or {}).get("url")
            if not isinstance(url, str) or not url:
                missing.append(
                    MissingFile(f"photo-{n}.jpg", "not_fetched", "IMAGE without payload.url")
                )
                continue
            name = link_name(url, f"photo-{n}.jpg")
            try:
                data = download(
                    self.http, url, timeout=self.config.timeout, api_url=self.config.api_url
                )
            except AttachmentRefused as exc:
                log.warning("ok picture %s of %s not fetched: %s", name, msg.get("mid"), exc)
                missing.append(MissingFile(name, exc.reason, str(exc)))
                continue
            files.append(IncomingFile(name, "image/jpeg", data))
        return tuple(files), tuple(missing)

    def _take(self, update: dict, intake: Intake) -> None:
        kind = str(update.get("webhookType") or update.get("type") or "message_created").lower()
        if kind != "message_created":
            return
        raw = json.dumps(update, ensure_ascii=False).encode()
        msg = update.get("message") or {}
        chat_id = (update.get("recipient") or {}).get("chat_id")
        mid = msg.get("mid")
        if not chat_id or not mid:
            digest = hashlib.sha256(raw).hexdigest()[:24]
            intake.reject(
                Rejected(
                    Channel.OK, f"update:{digest}", "malformed", "no chat or mid", raw, len(raw)
                )
            )
            return
        sender = update.get("sender") or {}
        stamp = update.get("timestamp")
        received = (
            datetime.fromtimestamp(stamp / 1000, UTC) if isinstance(stamp, (int, float)) else None
        )
        reply_to = msg.get("reply_to")
        files, missing = ((), ()) if intake.known(Channel.OK, str(mid)) else self.files_of(msg)
        inbound = Inbound(
            channel=Channel.OK,
            source_id=str(mid),
            text=msg.get("text") or "",
            received_at=received,
            author_name=sender.get("name") or None,
            address=str(chat_id),
            municipality_code=self.config.chats.get(str(chat_id))
            or self.config.default_municipality,
            replies_to=[str(reply_to)] if reply_to else [],
            raw=raw,
            files=files,
            missing_files=missing,
        )
        outcome = intake.take(inbound)
        log.info("ok %s (chat %s): %s", mid, chat_id, outcome)

    # --- delivery --------------------------------------------------------------------------

    def _journal_key(self, out: Outgoing) -> str:
        return f"ok:{self.name}:sent:{out.idempotency_key}"

    def deliver(self, out: Outgoing) -> Receipt:
        if self.intake is None:
            raise DeliveryError("the OK adapter is not attached to a channel runner")
        inbound = [m for m in out.thread if m.direction == "in" and m.address]
        if not inbound:
            raise DeliveryError("no OK chat is known for this incident", permanent=True)
        target = inbound[-1]
        parts = split_text(out.text, MAX_MESSAGE_CHARS)
        if not parts:
            raise DeliveryError("the reply has no text", permanent=True)
        key = self._journal_key(out)
        sent: dict[str, str] = dict(self.intake.cursor(key).get("sent", {}))
        for n, part in enumerate(parts):
            if str(n) in sent:
                continue  # sent on an earlier try: never twice
            sent[str(n)] = self._send(target.address, part, target.message_id if n == 0 else None)
            self.intake.save_cursor(key, {"sent": sent, "parts": len(parts)})
        ordered = [sent[str(n)] for n in range(len(parts))]
        return Receipt(message_id=ordered[0], more_ids=tuple(ordered[1:]))

    def _send(self, chat_id: str, text: str, reply_to: str | None) -> str:
        message: dict = {"text": text}
        if reply_to:
            message["reply_to"] = reply_to
        try:
            answer = self.call(
                "POST",
                f"me/messages/{chat_id}",
                body={"recipient": {"chat_id": chat_id}, "message": message},
            )
        except OkError as exc:
            raise DeliveryError(str(exc)) from None
        except ApiRefusal as exc:
            raise self._delivery_error(exc) from None
        mid = answer.get("message_id") or answer.get("mid")
        if not mid:
            raise DeliveryError("OK accepted the message without a message id")
        return str(mid)

    def _delivery_error(self, exc: ApiRefusal) -> DeliveryError:
        if exc.code < 0:  # an HTTP error without an OK error body (a proxy's page)
            status = -exc.code
            return DeliveryError(f"OK {exc.message}", permanent=400 <= status < 500)
        text = f"OK error {exc.code}: {exc.message}"
        if exc.code in BAD_TOKEN:
            return DeliveryError(
                f"OK refused the group's access token ({exc.code} {exc.message}): it was revoked "
                "or is wrong; generate a new one in the group's settings and put it in place",
                permanent=True,
            )
        if exc.code in FLOOD:
            return DeliveryError(f"{text} ({FLOOD[exc.code]}: retried later)")
        if exc.code in REFUSED:
            return DeliveryError(f"{REFUSED[exc.code]} ({text})", permanent=True)
        if exc.code in TRANSIENT:
            return DeliveryError(f"{text} ({TRANSIENT[exc.code]})")
        # Codes not known here: the same request may well pass later (tries are limited).
        return DeliveryError(text)
