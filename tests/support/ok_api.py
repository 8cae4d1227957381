"""A local Odnoklassniki Bot API (https://apiok.ru/dev/graph_api/bot_api) on 127.0.0.1 for tests.

It speaks the documented shapes: Graph API paths under `/graph/`, the group's token as the
`access_token` query parameter, errors as `{"error_code": N, "error_msg": …}`.
`POST /graph/me/subscribe` with `{"types": [...], "longPolling": true}` starts the long polling
subscription; `GET /graph/me/updates?marker&count&timeout` answers `{"marker": …, "updates": […]}`
with the events after the marker (passing a marker confirms, and forgets, those before it), each
the webhook's message shape (`sender`, `recipient.chat_id`, `message.mid`, `message.text`,
`message.reply_to`, `timestamp` in ms) with `webhookType: "MESSAGE_CREATED"`;
`POST /graph/me/messages/{chat_id}` with `{"recipient": {"chat_id"}, "message": {"text",
"reply_to"}}` keeps the message and answers `{"chat_id": …, "message_id": "mid:…"}`. A message
with pictures carries them as the documented message format does: `message.attachments`, items
`{"type": "IMAGE", "payload": {"id", "url"}}`, the url on this server's `/i/` (no token: OK's
picture links are plain links). Tests make citizens write (`user_says`, with `photos`), close a
chat to the group, revoke the token, take a picture away, or queue any error for the next calls
of a path (`fail`, `fail_html`).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

TOKEN = "tkn1OkGroupTestToken:CQABPOJKAKEKEKEKE-never-in-any-log"
PRIVATE_CHAT = "chat:C3ecb9d02a600"


@dataclass
class Failure:
    path: str
    status: int
    body: bytes
    content_type: str = "application/json"
    after: int = 0


@dataclass
class State:
    token: str = TOKEN
    subscribed: bool = False
    #: (sequence number, event): the events not yet confirmed by a marker
    events: list[tuple[int, dict]] = field(default_factory=list)
    confirmed: int = 0
    #: mid → message, every message of every chat
    messages: dict[str, dict] = field(default_factory=dict)
    sent: list[dict] = field(default_factory=list)
    closed: set[str] = field(default_factory=set)
    calls: list[tuple[str, str, dict, dict]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: picture id → its bytes (served at /i/{id}.jpg), and the ids downloaded, in order
    images: dict[str, bytes] = field(default_factory=dict)
    downloads: list[str] = field(default_factory=list)


class OkApi:
    def __init__(self) -> None:
        self.state = State()
        self.lock = threading.Lock()
        self._seq = itertools.count(1)
        self._mids = itertools.count(0x15CEA67D78D2059)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- running ---------------------------------------------------------------------------

    def __enter__(self) -> OkApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else {}
                except ValueError:
                    body = {}
                status, out, ctype = api.handle(self.command, self.path, body)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            do_GET = do_POST = _serve  # noqa: N815

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # --- what the test does ----------------------------------------------------------------

    def _mid(self, chat_id: str) -> str:
        return f"mid:{chat_id.removeprefix('chat:')}.{next(self._mids):x}"

    def user_says(
        self,
        text: str,
        *,
        chat_id: str = PRIVATE_CHAT,
        user_id: str = "user:572581930001",
        name: str | None = "Ирина Соколова",
        reply_to: str | None = None,
        photos: list[bytes] = (),
    ) -> dict:
        """A group member writes in a chat with the group: the event (returned) is queued."""
        with self.lock:
            message = {"text": text, "seq": next(self._seq), "mid": self._mid(chat_id)}
            if reply_to:
                message["reply_to"] = reply_to
            if photos:
                message["attachments"] = []
                for data in photos:
                    image_id = f"{len(self.state.images) + 1:04d}"
                    self.state.images[image_id] = data
                    payload = {"id": image_id, "url": f"{self.url}/i/{image_id}.jpg"}
                    message["attachments"].append({"type": "IMAGE", "payload": payload})
            sender = {"user_id": user_id}
            if name:
                sender["name"] = name
            event = {
                "webhookType": "MESSAGE_CREATED",
                "sender": sender,
                "recipient": {"chat_id": chat_id},
                "message": message,
                "timestamp": int(time.time() * 1000),
            }
            self.state.messages[message["mid"]] = {"chat_id": chat_id, **message}
            self.state.events.append((message["seq"], event))
            return event

    def close_chat(self, chat_id: str) -> None:
        """The citizen forbade the group to write to them."""
        self.state.closed.add(chat_id)

    def revoke_token(self) -> None:
        self.state.token = "tkn1OkGroupNewToken:CQABnewnewnew"

    def fail(self, path: str, code: int, message: str, *, times: int = 1, after: int = 0) -> None:
        """The next `times` calls of `path` (e.g. "me/messages") answer this OK error."""
        body = json.dumps({"error_code": code, "error_msg": message, "error_data": None}).encode()
        for _ in range(times):
            self.state.failures.append(Failure(path, 200, body, after=after))

    def fail_html(self, path: str, status: int = 502, times: int = 1) -> None:
        page = f"<html><body><h1>{status} Bad Gateway</h1></body></html>".encode()
        for _ in range(times):
            self.state.failures.append(Failure(path, status, page, "text/html"))

    def sent_to(self, chat_id: str) -> list[dict]:
        return [m for m in self.state.sent if m["chat_id"] == chat_id]

    def calls_of(self, path: str) -> list[tuple[dict, dict]]:
        """(query, body) of every call of a path ("me/messages" matches every chat's)."""
        return [(q, b) for _, p, q, b in self.state.calls if p.startswith(path)]

    # --- the API ---------------------------------------------------------------------------

    @staticmethod
    def _json(value: dict, status: int = 200) -> tuple[int, bytes, str]:
        return status, json.dumps(value).encode(), "application/json;charset=utf-8"

    def _error(self, code: int, message: str) -> tuple[int, bytes, str]:
        return self._json({"error_code": code, "error_msg": message, "error_data": None})

    def handle(self, verb: str, target: str, body: dict) -> tuple[int, bytes, str]:
        parts = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        path = unquote(parts.path).removeprefix("/graph/")
        with self.lock:
            if verb == "GET" and parts.path.startswith("/i/"):
                image_id = parts.path.removeprefix("/i/").removesuffix(".jpg")
                self.state.downloads.append(image_id)
                if image_id not in self.state.images:
                    return 404, b"<html>Not Found</html>", "text/html"
                return 200, self.state.images[image_id], "image/jpeg"
            if query.get("access_token") != self.state.token:
                return self._error(102, "PARAM_SESSION_EXPIRED : Session expired")
            query.pop("access_token")
            self.state.calls.append((verb, path, query, body))
            for n, failure in enumerate(self.state.failures):
                if path.startswith(failure.path):
                    if failure.after:
                        failure.after -= 1
                        break
                    del self.state.failures[n]
                    return failure.status, failure.body, failure.content_type
            if verb == "POST" and path == "me/subscribe":
                return self._subscribe(body)
            if verb == "GET" and path == "me/updates":
                return self._updates(query)
            if verb == "POST" and path.startswith("me/messages/"):
                return self._send(path.removeprefix("me/messages/"), body)
            return self._error(3, "METHOD : Method does not exist")

    def _subscribe(self, body: dict):
        if not body.get("longPolling"):
            return self._error(100, "PARAM : only long polling here")
        self.state.subscribed = True
        return self._json({"success": True})

    def _updates(self, query: dict):
        if not self.state.subscribed:
            return self._error(10, "PERMISSION_DENIED : no long polling subscription")
        marker = int(query.get("marker") or 0)
        if marker:
            # Events up to the marker are confirmed: OK forgets them.
            self.state.events = [(s, e) for s, e in self.state.events if s > marker]
            self.state.confirmed = max(self.state.confirmed, marker)
        count = max(1, min(int(query.get("count", 100)), 100))
        batch = self.state.events[:count]
        last = batch[-1][0] if batch else max(marker, self.state.confirmed)
        return self._json({"marker": str(last), "updates": [e for _, e in batch]})

    def _send(self, chat_id: str, body: dict):
        if (body.get("recipient") or {}).get("chat_id") != chat_id:
            return self._error(100, "PARAM : recipient.chat_id does not match the path")
        message = body.get("message") or {}
        text = message.get("text") or ""
        if not text.strip():
            return self._error(100, "PARAM : message.text is empty")
        if len(text) > 4000:
            return self._error(100, "PARAM : message.text is too long")
        if chat_id not in {m["chat_id"] for m in self.state.messages.values()}:
            return self._error(300, "NOT_FOUND : chat not found")
        if chat_id in self.state.closed:
            return self._error(10, "PERMISSION_DENIED : User does not accept messages from group")
        mid = self._mid(chat_id)
        sent = {"chat_id": chat_id, "mid": mid, "text": text}
        reply_to = message.get("reply_to")
        if reply_to:
            if reply_to not in self.state.messages:
                return self._error(300, "NOT_FOUND : message to reply to not found")
            sent["reply_to"] = reply_to
        self.state.messages[mid] = sent
        self.state.sent.append(sent)
        return self._json({"chat_id": chat_id, "message_id": mid})
