"""A local VK API and Bots Long Poll server (https://dev.vk.com/ru/api/bots-long-poll) for tests.

Methods are `POST /method/<name>` with form parameters (`access_token`, `v`), answering
`{"response": …}` or `{"error": {"error_code": N, "error_msg": …}}`. `groups.getLongPollServer`
gives `{key, server, ts}`; the server answers `GET <server>?act=a_check&key&ts&wait` with
`{"ts", "updates": [{"type", "object", "group_id", "event_id"}]}` or `{"failed": 1, "ts"}`
(history out of date), `{"failed": 2}` (key expired), `{"failed": 3}` (information lost).
`messages.send` drops a repeat `random_id` to one peer, `wall.createComment` a repeat `guid`,
as VK does. Tests make citizens write (`user_writes`, `user_comments`), expire the key, lose the
history, block messages, revoke the token, or queue errors (`fail`).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TOKEN = "vk1.a.community-token-never-in-any-log"
GROUP = 219_000_001
USERS = {
    1001: {"id": 1001, "first_name": "Ирина", "last_name": "Соколова"},
    1002: {"id": 1002, "first_name": "Пётр", "last_name": "Иванов"},
}


@dataclass
class Failure:
    method: str
    code: int
    message: str
    after: int = 0


@dataclass
class State:
    token: str = TOKEN
    key: str = "lp-key-1"
    #: (event number, event); a_check returns those numbered from `ts` on.
    events: list[tuple[int, dict]] = field(default_factory=list)
    #: Event numbers below this are no longer in the history (failed: 1).
    history_from: int = 0
    lose_information: bool = False
    messages: list[dict] = field(default_factory=list)
    comments: list[dict] = field(default_factory=list)
    random_ids: dict[tuple[int, int], int] = field(default_factory=dict)
    guids: dict[str, int] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    closed_posts: set[int] = field(default_factory=set)
    calls: list[tuple[str, dict]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: path → bytes of photos citizens attached (the largest size only)
    photos: dict[str, bytes] = field(default_factory=dict)


class VkApi:
    def __init__(self) -> None:
        self.state = State()
        self.lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._ids = itertools.count(501)
        self._server: ThreadingHTTPServer | None = None

    def __enter__(self) -> VkApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, body: dict) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode()) if length else {}
                params = {k: v[-1] for k, v in form.items()}
                path = urlsplit(self.path).path
                self._answer(api.method(path.removeprefix("/method/"), params))

            def do_GET(self) -> None:  # noqa: N802
                path = urlsplit(self.path).path
                if path.startswith("/photos/"):  # a photo server (sun9-….userapi.com)
                    data = api.state.photos.get(path)
                    self.send_response(200 if data is not None else 404)
                    self.send_header("Content-Length", str(len(data or b"")))
                    self.end_headers()
                    self.wfile.write(data or b"")
                    return
                query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
                self._answer(api.a_check(query))

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/method"

    # --- what the test does ----------------------------------------------------------------

    def _event(self, kind: str, obj: dict) -> None:
        number = next(self._numbers)
        event = {"type": kind, "object": obj, "group_id": GROUP, "event_id": f"e{number}"}
        self.state.events.append((number, event))

    def photo(self, data: bytes) -> dict:
        """A photo attachment as VK sends it: sizes smallest first, each with its URL (here the
        largest is `data`, served at /photos/…; the smaller ones are not served)."""
        n = len(self.state.photos) + 1
        base = self.url.removesuffix("/method")
        self.state.photos[f"/photos/{n}_z.jpg"] = data
        sizes = [
            {"type": "s", "width": 75, "height": 50, "url": f"{base}/photos/{n}_s.jpg"},
            {"type": "z", "width": 1280, "height": 853, "url": f"{base}/photos/{n}_z.jpg"},
            {"type": "m", "width": 130, "height": 87, "url": f"{base}/photos/{n}_m.jpg"},
        ]
        return {"type": "photo", "photo": {"id": 457_000 + n, "owner_id": 1001, "sizes": sizes}}

    def user_writes(
        self,
        text: str,
        *,
        from_id: int = 1001,
        reply_to: int | None = None,
        photos: list[bytes] | None = None,
    ) -> dict:
        """A private message to the community (peer = the user), with photos if given."""
        with self.lock:
            msg = {
                "id": next(self._ids),
                "date": int(time.time()),
                "peer_id": from_id,
                "from_id": from_id,
                "text": text,
                "conversation_message_id": len(self.state.messages) + 1,
            }
            if reply_to is not None:
                msg["reply_message"] = {"id": reply_to, "from_id": -GROUP}
            if photos:
                msg["attachments"] = [self.photo(p) for p in photos]
            self.state.messages.append(msg)
            self._event("message_new", {"message": msg, "client_info": {}})
            return msg

    def user_comments(
        self,
        text: str,
        *,
        post_id: int = 77,
        from_id: int = 1002,
        reply_to_comment: int | None = None,
    ) -> dict:
        with self.lock:
            comment = {
                "id": next(self._ids),
                "from_id": from_id,
                "date": int(time.time()),
                "text": text,
                "post_owner_id": -GROUP,
                "owner_id": -GROUP,
                "post_id": post_id,
            }
            if reply_to_comment is not None:
                comment["reply_to_comment"] = reply_to_comment
            self.state.comments.append(comment)
            self._event("wall_reply_new", comment)
            return comment

    def expire_key(self) -> None:
        self.state.key += "x"

    def lose_history(self) -> None:
        """Every event so far drops out of the history (a consumer away too long)."""
        self.state.history_from = next(self._numbers)

    def fail(self, method: str, code: int, message: str, *, times: int = 1, after: int = 0):
        for _ in range(times):
            self.state.failures.append(Failure(method, code, message, after))

    def calls_of(self, method: str) -> list[dict]:
        return [p for m, p in self.state.calls if m == method]

    def sent_to(self, peer_id: int) -> list[dict]:
        return [m for m in self.state.messages if m["peer_id"] == peer_id and m["from_id"] < 0]

    def community_comments(self) -> list[dict]:
        return [c for c in self.state.comments if c["from_id"] == -GROUP]

    # --- long poll -------------------------------------------------------------------------

    def a_check(self, q: dict) -> dict:
        with self.lock:
            if q.get("act") != "a_check":
                return {"failed": 4}
            if q.get("key") != self.state.key:
                return {"failed": 2}
            if self.state.lose_information:
                self.state.lose_information = False
                return {"failed": 3}
            now = self.state.events[-1][0] + 1 if self.state.events else 1
            ts = int(q.get("ts", 0))
            if ts < self.state.history_from:
                return {"failed": 1, "ts": str(max(now, self.state.history_from))}
            batch = [e for n, e in self.state.events if n >= ts]
            return {"ts": str(max(now, ts)), "updates": batch}

    # --- methods ---------------------------------------------------------------------------

    @staticmethod
    def _error(code: int, message: str) -> dict:
        return {"error": {"error_code": code, "error_msg": message, "request_params": []}}

    def method(self, name: str, params: dict) -> dict:
        with self.lock:
            if params.get("access_token") != self.state.token:
                return self._error(5, "User authorization failed: invalid access_token (4).")
            if not params.get("v"):
                return self._error(8, "Invalid request: v (version) is required")
            shown = {k: v for k, v in params.items() if k != "access_token"}
            self.state.calls.append((name, shown))
            for n, failure in enumerate(self.state.failures):
                if failure.method == name:
                    if failure.after:
                        failure.after -= 1
                        break
                    del self.state.failures[n]
                    return self._error(failure.code, failure.message)
            handler = getattr(self, "_" + name.replace(".", "_"), None)
            if handler is None:
                return self._error(3, "Unknown method passed")
            return handler(params)

    def _groups_getLongPollServer(self, p: dict) -> dict:  # noqa: N802
        if int(p.get("group_id", 0)) != GROUP:
            return self._error(15, "Access denied: no access to this group")
        now = self.state.events[-1][0] + 1 if self.state.events else 1
        server = self.url.removesuffix("/method") + "/lp"
        return {"response": {"key": self.state.key, "server": server, "ts": str(now)}}

    def _users_get(self, p: dict) -> dict:
        ids = [int(i) for i in p.get("user_ids", "").split(",") if i]
        return {"response": [USERS[i] for i in ids if i in USERS]}

    def _messages_send(self, p: dict) -> dict:
        peer, rid = int(p["peer_id"]), int(p.get("random_id", 0))
        if peer in self.state.blocked:
            return self._error(901, "Can't send messages for users without permission")
        if len(p.get("message", "")) > 4096:
            return self._error(914, "Message is too long")
        if rid and (peer, rid) in self.state.random_ids:
            return {"response": self.state.random_ids[(peer, rid)]}
        msg = {
            "id": next(self._ids),
            "peer_id": peer,
            "from_id": -GROUP,
            "text": p.get("message", ""),
            "date": int(time.time()),
        }
        if p.get("reply_to"):
            msg["reply_to"] = int(p["reply_to"])
        self.state.messages.append(msg)
        if rid:
            self.state.random_ids[(peer, rid)] = msg["id"]
        return {"response": msg["id"]}

    def _wall_createComment(self, p: dict) -> dict:  # noqa: N802
        post = int(p["post_id"])
        if int(p["owner_id"]) != -GROUP:
            return self._error(15, "Access denied")
        if post in self.state.closed_posts:
            return self._error(213, "Access to status replies denied")
        guid = p.get("guid")
        if guid and guid in self.state.guids:
            return {"response": {"comment_id": self.state.guids[guid], "parents_stack": []}}
        comment = {
            "id": next(self._ids),
            "from_id": -GROUP if p.get("from_group") else 0,
            "date": int(time.time()),
            "text": p.get("message", ""),
            "post_owner_id": -GROUP,
            "owner_id": -GROUP,
            "post_id": post,
        }
        if p.get("reply_to_comment"):
            comment["reply_to_comment"] = int(p["reply_to_comment"])
        self.state.comments.append(comment)
        if guid:
            self.state.guids[guid] = comment["id"]
        # VK tells the community of its own comment too: the adapter must skip it.
        self._event("wall_reply_new", comment)
        return {"response": {"comment_id": comment["id"], "parents_stack": []}}
