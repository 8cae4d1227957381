"""A local Telegram Bot API (https://core.telegram.org/bots/api) on 127.0.0.1 for tests.

It speaks the documented shapes: `POST /bot<token>/<method>` with JSON parameters, answers
`{"ok": true, "result": …}` or `{"ok": false, "error_code": N, "description": …,
"parameters": {"retry_after": N}}`; `getUpdates` returns the Update objects with ids from
`offset` on and forgets those before it (offset confirms them); `sendMessage` keeps the
Message it creates, checks the 4,096-character limit and `reply_parameters` (a deleted message
is "message to be replied not found" unless `allow_sending_without_reply`). Tests make the
citizens write (`user_says`, `user_edits`, `user_sends_photo`), delete messages, block the bot,
revoke the token, or queue any error for the next calls of a method (`fail`, `fail_html`).

Files: a photo is a Message with `photo` (PhotoSize objects, smallest first, as Telegram sends
them); `getFile` answers the File object with a `file_path`, and the bytes are downloaded by
`GET /file/bot<token>/<file_path>` (404 for an unknown path, 401 for a wrong token).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "7000000001:AAF-test-token-never-in-any-log"
BOT = {"id": 7000000001, "is_bot": True, "first_name": "ЦУР", "username": "cur_region_bot"}


@dataclass
class Failure:
    method: str
    status: int
    body: bytes
    content_type: str = "application/json"
    #: Calls of the method that still succeed before this failure.
    after: int = 0


@dataclass
class State:
    token: str = TOKEN
    updates: list[dict] = field(default_factory=list)
    #: chat id → message id → the Message
    messages: dict[int, dict[int, dict]] = field(default_factory=dict)
    chats: dict[int, dict] = field(default_factory=dict)
    sent: list[dict] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    calls: list[tuple[str, dict]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    confirmed: int = 0
    #: file_id → (file_path, bytes) of files citizens sent
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    downloads: list[str] = field(default_factory=list)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class TelegramApi:
    def __init__(self) -> None:
        self.state = State()
        self.lock = threading.Lock()
        self._update_ids = itertools.count(815_000_001)
        self._message_ids: dict[int, itertools.count] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- running ---------------------------------------------------------------------------

    def __enter__(self) -> TelegramApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    params = json.loads(raw) if raw else {}
                except ValueError:
                    params = {}
                status, body, ctype = api.handle(self.path, params)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST  # noqa: N815

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

    def _message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(101)))

    def _chat(self, chat_id: int, kind: str, title: str | None, username: str | None) -> dict:
        chat = {"id": chat_id, "type": kind}
        if title:
            chat["title"] = title
        if username:
            chat["username"] = username
        return self.state.chats.setdefault(chat_id, chat)

    def user_says(
        self,
        text: str,
        *,
        chat_id: int = 5_550_001,
        first_name: str = "Ирина",
        last_name: str | None = "Соколова",
        username: str | None = None,
        reply_to: int | None = None,
        chat_type: str = "private",
        chat_title: str | None = None,
        chat_username: str | None = None,
        caption: bool = False,
    ) -> dict:
        """A citizen writes to the bot: a Message and its Update (returned: the Message)."""
        with self.lock:
            user = {"id": chat_id if chat_type == "private" else 9_000_001, "is_bot": False}
            user["first_name"] = first_name
            if last_name:
                user["last_name"] = last_name
            if username:
                user["username"] = username
            chat = self._chat(chat_id, chat_type, chat_title, chat_username)
            msg = {
                "message_id": self._message_id(chat_id),
                "from": user,
                "chat": chat,
                "date": int(time.time()),
                ("caption" if caption else "text"): text,
            }
            if reply_to is not None:
                msg["reply_to_message"] = dict(self.state.messages[chat_id][reply_to])
            self.state.messages.setdefault(chat_id, {})[msg["message_id"]] = msg
            self.state.updates.append({"update_id": next(self._update_ids), "message": msg})
            return msg

    def add_file(self, data: bytes, suffix: str = "jpg") -> str:
        """A file on Telegram's servers; its file_id."""
        n = len(self.state.files) + 1
        file_id = f"AgACAgIAAxkBAAI{n:06d}"
        self.state.files[file_id] = (f"photos/file_{n}.{suffix}", data)
        return file_id

    def user_sends_photo(
        self, data: bytes, caption: str | None = None, *, chat_id: int = 5_550_001, **kw
    ) -> dict:
        """A citizen sends a photo (with a caption or none): Telegram offers it in sizes, the
        largest last; here the small ones are the same bytes under other ids."""
        msg = self.user_says(caption or "", chat_id=chat_id, caption=True, **kw)
        with self.lock:
            sizes = []
            for w, h, payload in ((90, 60, b"thumb-of-" + data[:16]), (1280, 853, data)):
                file_id = self.add_file(payload)
                sizes.append(
                    {
                        "file_id": file_id,
                        "file_unique_id": file_id[-8:],
                        "width": w,
                        "height": h,
                        "file_size": len(payload),
                    }
                )
            msg["photo"] = sizes
            if not caption:
                msg.pop("caption", None)
            return msg

    def user_replaces_photo(self, msg: dict, data: bytes) -> dict:
        """A citizen puts another picture in a photo message they sent (Telegram lets media be
        edited): an `edited_message` with the new sizes and the same caption."""
        with self.lock:
            sizes = []
            for w, h, payload in ((90, 60, b"thumb-of-" + data[:16]), (1280, 853, data)):
                file_id = self.add_file(payload)
                sizes.append(
                    {"file_id": file_id, "file_unique_id": file_id[-8:], "width": w, "height": h}
                )
            edited = dict(msg, photo=sizes, edit_date=_edit_date(msg))
            self.state.messages[msg["chat"]["id"]][msg["message_id"]] = edited
            self.state.updates.append(
                {"update_id": next(self._update_ids), "edited_message": edited}
            )
            return edited

    def user_edits(self, msg: dict, text: str) -> dict:
        with self.lock:
            edited = dict(msg, text=text, edit_date=_edit_date(msg))
            self.state.messages[msg["chat"]["id"]][msg["message_id"]] = edited
            update = {"update_id": next(self._update_ids), "edited_message": edited}
            self.state.updates.append(update)
            return edited

    def delete(self, chat_id: int, message_id: int) -> None:
        with self.lock:
            self.state.messages[chat_id].pop(message_id, None)

    def block(self, chat_id: int) -> None:
        self.state.blocked.add(chat_id)

    def revoke_token(self) -> None:
        self.state.token = "7000000001:AAF-the-new-token-from-botfather"

    def fail(
        self,
        method: str,
        code: int,
        description: str,
        *,
        retry_after: int | None = None,
        times: int = 1,
        after: int = 0,
    ) -> None:
        """The next `times` calls of `method` (after `after` that succeed) answer this error."""
        body: dict = {"ok": False, "error_code": code, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        for _ in range(times):
            self.state.failures.append(
                Failure(method, code, json.dumps(body).encode(), after=after)
            )

    def fail_html(self, method: str, status: int = 502, times: int = 1) -> None:
        """A proxy in front of the API fails with its own HTML page (no Bot API JSON)."""
        page = f"<html><body><h1>{status} Bad Gateway</h1></body></html>".encode()
        for _ in range(times):
            self.state.failures.append(Failure(method, status, page, "text/html"))

    def sent_to(self, chat_id: int) -> list[dict]:
        return [m for m in self.state.sent if m["chat"]["id"] == chat_id]

    def calls_of(self, method: str) -> list[dict]:
        return [p for m, p in self.state.calls if m == method]

    # --- the API ---------------------------------------------------------------------------

    def handle(self, path: str, params: dict) -> tuple[int, bytes, str]:
        if path.startswith("/file/"):
            return self._download(path)
        prefix, _, method = path.lstrip("/").partition("/")
        method = method.split("?")[0]
        with self.lock:
            if prefix != f"bot{self.state.token}":
                return self._error(401, "Unauthorized")
            self.state.calls.append((method, params))
            for n, failure in enumerate(self.state.failures):
                if failure.method == method:
                    if failure.after:
                        failure.after -= 1
                        break
                    del self.state.failures[n]
                    return failure.status, failure.body, failure.content_type
            handler = getattr(self, f"_api_{method}", None)
            if handler is None:
                return self._error(404, "Not Found")
            return handler(params)

    def _download(self, path: str) -> tuple[int, bytes, str]:
        prefix, _, file_path = path.removeprefix("/file/").partition("/")
        with self.lock:
            if prefix != f"bot{self.state.token}":
                return self._error(401, "Unauthorized")
            self.state.downloads.append(file_path)
            for stored_path, data in self.state.files.values():
                if stored_path == file_path:
                    return 200, data, "application/octet-stream"
            return self._error(404, "Not Found")

    def _api_getFile(self, params: dict):  # noqa: N802
        found = self.state.files.get(str(params.get("file_id")))
        if found is None:
            return self._error(400, "Bad Request: invalid file_id")
        file_id = str(params["file_id"])
        return self._ok(
            {
                "file_id": file_id,
                "file_unique_id": file_id[-8:],
                "file_size": len(found[1]),
                "file_path": found[0],
            }
        )

    @staticmethod
    def _ok(result) -> tuple[int, bytes, str]:
        return 200, json.dumps({"ok": True, "result": result}).encode(), "application/json"

    @staticmethod
    def _error(code: int, description: str) -> tuple[int, bytes, str]:
        body = {"ok": False, "error_code": code, "description": description}
        return code, json.dumps(body).encode(), "application/json"

    def _api_getMe(self, params: dict):  # noqa: N802
        return self._ok(BOT)

    def _api_getUpdates(self, params: dict):  # noqa: N802
        offset = params.get("offset")
        if offset is not None:
            offset = int(offset)
            # Updates before the offset are confirmed: Telegram forgets them.
            self.state.updates = [u for u in self.state.updates if u["update_id"] >= offset]
            self.state.confirmed = max(self.state.confirmed, offset)
        limit = max(1, min(int(params.get("limit", 100)), 100))
        allowed = params.get("allowed_updates")
        out = [u for u in self.state.updates if not allowed or any(kind in u for kind in allowed)]
        return self._ok(out[:limit])

    def _api_sendMessage(self, params: dict):  # noqa: N802
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, TypeError, ValueError):
            return self._error(400, "Bad Request: chat_id is empty")
        text = params.get("text") or ""
        if not text.strip():
            return self._error(400, "Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            return self._error(400, "Bad Request: message is too long")
        if chat_id not in self.state.chats:
            return self._error(400, "Bad Request: chat not found")
        if chat_id in self.state.blocked:
            return self._error(403, "Forbidden: bot was blocked by the user")
        msg = {
            "message_id": self._message_id(chat_id),
            "from": BOT,
            "chat": self.state.chats[chat_id],
            "date": int(time.time()),
            "text": text,
        }
        reply = params.get("reply_parameters")
        if reply:
            target_chat = int(reply.get("chat_id", chat_id))
            target = self.state.messages.get(target_chat, {}).get(int(reply["message_id"]))
            if target is not None:
                msg["reply_to_message"] = target
            elif not reply.get("allow_sending_without_reply"):
                return self._error(400, "Bad Request: message to be replied not found")
        self.state.messages.setdefault(chat_id, {})[msg["message_id"]] = msg
        self.state.sent.append(msg)
        return self._ok(msg)


def _edit_date(msg: dict) -> int:
    """Later than the message's last edit, even within one second (each edit is its own)."""
    return max(int(time.time()), msg.get("edit_date", 0)) + 1
