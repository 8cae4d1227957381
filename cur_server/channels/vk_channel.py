"""The VK channel: a community's messages and wall comments in by Bots Long Poll, replies out.

Intake asks `groups.getLongPollServer` for the long-poll server and key, then reads events
(`act=a_check&key&ts&wait`) from the `ts` stored in the database after every batch
(`channel_cursor:vk:NAME`): a restart goes on where it stopped, and a batch read twice is
deduplicated by (channel, message id). `failed: 1` (history out of date: some events are lost,
which is logged) goes on from the new ts; `failed: 2` (key expired) takes a new key and keeps
the ts; `failed: 3` (information lost) takes a new key and ts. `message_new` (a private message
to the community) and `wall_reply_new` (a comment under its post) become incidents; a message
replying to the centre's answer, or a comment replying to its comment, joins that incident.

A reply to a comment goes by `wall.createComment` under the same post, replying to the
citizen's comment, from the community, with `guid` derived from the reply's idempotency key; a
reply to a private message by `messages.send` with `random_id` derived from it, so VK itself
drops a repeat. A reply over 4,096 characters goes in parts, each written down when sent (as
for Telegram). Errors: 6 (too many requests per second) waits a second without using up a try;
9 (flood control), 10 (VK's internal error), 14 (captcha) and network errors are retried with
backoff; 5 (token invalid), 901/902 (the citizen does not accept messages), 7/15/212/213
(no access, comments closed) fail for good.

The community token travels in the POST body only, never in a URL; errors never carry it.
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
from .config import VkConfig
from .downloads import download, link_name
from .intake import Inbound, Intake
from .telegram_channel import split_text

log = logging.getLogger(__name__)

#: Errors that a retry does not cure, and what they mean for the supervisor.
PERMANENT = {
    5: "the community token is invalid or revoked; put a new one in place",
    7: "the community has no permission for this",
    15: "access denied",
    100: "VK refused the request's parameters",
    212: "no access to the post's comments",
    213: "comments under the post are closed",
    901: "the citizen does not accept messages from the community",
    902: "the citizen's privacy settings do not allow messages",
}
#: Peer ids from here on are group chats (their messages have conversation ids only).
CHAT_PEERS = 2_000_000_000


class VkError(RuntimeError):
    """VK could not be read this time (the next round tries again). No token in it."""


class ApiRefusal(Exception):
    def __init__(self, code: int, message: str):
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message


def random_id(key: str) -> int:
    """A positive int32 from the idempotency key: VK drops a second message with it."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big") & 0x7FFFFFFF


class VkChannel:
    channel = Channel.VK

    def __init__(self, config: VkConfig, session: requests.Session | None = None):
        self.config = config
        self.name = config.name
        self.http = session or requests.Session()
        self.intake: Intake | None = None

    def attach(self, intake: Intake) -> None:
        self.intake = intake

    # --- the API ---------------------------------------------------------------------------

    def call(self, method: str, params: dict) -> object:
        data = {**params, "access_token": self.config.token.reveal(), "v": self.config.api_version}
        try:
            resp = self.http.post(
                f"{self.config.api_url}/{method}", data=data, timeout=self.config.timeout
            )
        except requests.RequestException as exc:
            raise VkError(f"VK API unreachable ({type(exc).__name__}) calling {method}") from None
        if resp.status_code >= 500:
            raise VkError(f"VK answered {method} with HTTP {resp.status_code}")
        try:
            body = resp.json()
        except ValueError:
            raise VkError(f"VK answered {method} with no API response") from None
        if isinstance(body, dict) and "error" in body:
            err = body["error"] or {}
            text = str(err.get("error_msg") or "").replace(self.config.token.reveal(), "***")
            raise ApiRefusal(int(err.get("error_code") or 0), text)
        if not isinstance(body, dict) or "response" not in body:
            raise VkError(f"VK answered {method} with no API response")
        return body["response"]

    # --- intake ----------------------------------------------------------------------------

    @property
    def cursor_key(self) -> str:
        return f"vk:{self.name}"

    def _server(self) -> dict:
        try:
            found = self.call("groups.getLongPollServer", {"group_id": self.config.group_id})
        except ApiRefusal as exc:
            why = PERMANENT.get(exc.code, exc.message)
            raise VkError(
                f"VK community {self.name!r}: groups.getLongPollServer refused: {exc.code} {why}"
            ) from None
        return found

    def _check(self, server: dict, ts: str) -> dict:
        params = {"act": "a_check", "key": server["key"], "ts": ts, "wait": self.config.wait}
        try:
            resp = self.http.get(
                server["server"], params=params, timeout=self.config.timeout + self.config.wait
            )
            body = resp.json()
        except (requests.RequestException, ValueError) as exc:
            # The URL carries the long-poll key: not passed on.
            raise VkError(f"VK long poll unreachable ({type(exc).__name__})") from None
        if not isinstance(body, dict):
            raise VkError("VK long poll answered with no events")
        return body

    def fetch(self, intake: Intake) -> int:
        seen = 0
        server = self._server()
        ts = str(intake.cursor(self.cursor_key).get("ts") or server["ts"])
        for _ in range(100):  # a bounded round; the next one goes on
            body = self._check(server, ts)
            failed = body.get("failed")
            if failed == 1:
                log.warning(
                    "VK community %s: the event history went out of date; events between "
                    "ts %s and %s are lost",
                    self.name,
                    ts,
                    body.get("ts"),
                )
                ts = str(body["ts"])
                intake.save_cursor(self.cursor_key, {"ts": ts})
                continue
            if failed == 2:
                server = self._server()  # the key expired; the ts holds
                continue
            if failed == 3:
                log.warning("VK community %s: long-poll information lost; starting anew", self.name)
                server = self._server()
                ts = str(server["ts"])
                intake.save_cursor(self.cursor_key, {"ts": ts})
                continue
            if failed is not None:
                raise VkError(f"VK long poll failed ({failed})")
            updates = body.get("updates") or []
            names = self._names(updates)
            for update in updates:
                if self._take(update, intake, names):
                    seen += 1
            ts = str(body.get("ts", ts))
            intake.save_cursor(self.cursor_key, {"ts": ts})
            if not updates:
                break
        return seen

    def _names(self, updates: list[dict]) -> dict[int, str]:
        ids = set()
        for u in updates:
            obj = u.get("object") or {}
            obj = obj.get("message", obj)
            if isinstance(obj.get("from_id"), int) and obj["from_id"] > 0:
                ids.add(obj["from_id"])
        if not ids:
            return {}
        try:
            users = self.call("users.get", {"user_ids": ",".join(map(str, sorted(ids)))})
        except (ApiRefusal, VkError) as exc:
            log.warning("VK users.get failed, authors shown by id: %s", exc)
            return {}
        return {
            u["id"]: " ".join(p for p in (u.get("first_name"), u.get("last_name")) if p)
            for u in users or []
        }

    def files_of(self, msg: dict) -> tuple[tuple[IncomingFile, ...], tuple[MissingFile, ...]]:
        """A message's or comment's photo attachments, each its largest size downloaded
        (`downloads.download`), and the ones that could not be: the message is taken all the
        same, and the incident and the administrator are told which."""
        files, missing = [], []
        for n, item in enumerate(msg.get("attachments") or []):
            photo = item.get("photo") if isinstance(item, dict) else None
            sizes = [x for x in (photo or {}).get("sizes") or [] if isinstance(x, dict)]
            sizes = [x for x in sizes if isinstance(x.get("url"), str)]
            if item.get("type") != "photo" or not sizes:
                continue
            big = max(sizes, key=lambda x: (x.get("width") or 0) * (x.get("height") or 0))
            name = link_name(big["url"], f"photo-{n + 1}.jpg")
            try:
                data = download(
                    self.http, big["url"], timeout=self.config.timeout, api_url=self.config.api_url
                )
            except AttachmentRefused as exc:
                log.warning("vk photo %s not fetched: %s", name, exc)
                missing.append(MissingFile(name, exc.reason, str(exc)))
                continue
            files.append(IncomingFile(name, "image/jpeg", data))
        return tuple(files), tuple(missing)

    def _take(self, update: dict, intake: Intake, names: dict[int, str]) -> bool:
        kind = update.get("type")
        obj = update.get("object") or {}
        raw = json.dumps(update, ensure_ascii=False).encode()
        if kind == "message_new":
            msg = obj.get("message", obj)
            peer = msg.get("peer_id")
            own = msg.get("id") or f"c{msg.get('conversation_message_id')}"
            source_id = f"msg:{peer}:{own}"
            answered = (msg.get("reply_message") or {}).get("id")
            replies_to = [f"msg:{peer}:{answered}"] if answered else []
            url = None
        elif kind == "wall_reply_new":
            msg = obj
            owner, post = msg.get("post_owner_id") or msg.get("owner_id"), msg.get("post_id")
            if msg.get("from_id") == -self.config.group_id:
                return False  # the community's own comment (an answer sent)
            source_id = f"wall:{owner}_{post}:{msg.get('id')}"
            answered = msg.get("reply_to_comment")
            replies_to = [f"wall:{owner}_{post}:{answered}"] if answered else []
            url = f"https://vk.com/wall{owner}_{post}?reply={msg.get('id')}"
        else:
            return False  # an event the community sends that is not a citizen's message
        from_id = msg.get("from_id")
        author = names.get(from_id) if isinstance(from_id, int) else None
        if author is None and isinstance(from_id, int):
            author = f"vk.com/id{from_id}" if from_id > 0 else f"vk.com/club{-from_id}"
        stamp = msg.get("date")
        text = msg.get("text") or ""
        files, missing = ((), ()) if intake.known(Channel.VK, source_id) else self.files_of(msg)
        inbound = Inbound(
            channel=Channel.VK,
            source_id=source_id,
            text=text,
            received_at=datetime.fromtimestamp(stamp, UTC) if isinstance(stamp, int) else None,
            author_name=author,
            source_url=url,
            address=source_id,
            municipality_code=self.config.default_municipality,
            replies_to=replies_to,
            raw=raw,
            files=files,
            missing_files=missing,
        )
        outcome = intake.take(inbound)
        log.info("vk %s: %s", source_id, outcome)
        return True

    # --- delivery --------------------------------------------------------------------------

    def deliver(self, out: Outgoing) -> Receipt:
        if self.intake is None:
            raise DeliveryError("the VK adapter is not attached to a channel runner")
        inbound = [m for m in out.thread if m.direction == "in" and m.address]
        if not inbound:
            raise DeliveryError("no VK conversation is known for this incident", permanent=True)
        target = inbound[-1].address
        parts = split_text(out.text)
        if not parts:
            raise DeliveryError("the reply has no text", permanent=True)
        key = f"vk:{self.name}:sent:{out.idempotency_key}"
        sent: dict[str, str] = dict(self.intake.cursor(key).get("sent", {}))
        for n, part in enumerate(parts):
            if str(n) in sent:
                continue
            part_key = out.idempotency_key if n == 0 else f"{out.idempotency_key}-{n}"
            sent[str(n)] = self._send(target, part, part_key, first=n == 0)
            self.intake.save_cursor(key, {"sent": sent, "parts": len(parts)})
        ordered = [sent[str(n)] for n in range(len(parts))]
        return Receipt(message_id=ordered[0], more_ids=tuple(ordered[1:]))

    def _send(self, target: str, text: str, key: str, *, first: bool) -> str:
        kind, _, rest = target.partition(":")
        try:
            if kind == "wall":
                place, _, comment = rest.partition(":")
                owner, _, post = place.partition("_")
                params = {
                    "owner_id": int(owner),
                    "post_id": int(post),
                    "message": text,
                    "reply_to_comment": int(comment),
                    "from_group": self.config.group_id,
                    "guid": key,
                }
                result = self.call("wall.createComment", params)
                return f"wall:{owner}_{post}:{result['comment_id']}"
            if kind == "msg":
                peer, _, own = rest.partition(":")
                params = {"peer_id": int(peer), "message": text, "random_id": random_id(key)}
                if first and own.isdigit() and int(peer) < CHAT_PEERS:
                    params["reply_to"] = int(own)
                result = self.call("messages.send", params)
                return f"msg:{peer}:{result}"
        except VkError as exc:
            raise DeliveryError(str(exc)) from None
        except ApiRefusal as exc:
            raise self._delivery_error(exc) from None
        except (KeyError, TypeError, ValueError) as exc:
            raise DeliveryError(f"VK answered without the sent id ({exc})") from None
        raise DeliveryError(f"unknown VK conversation {target!r}", permanent=True)

    def _delivery_error(self, exc: ApiRefusal) -> DeliveryError:
        text = f"VK error {exc.code}: {exc.message}"
        if exc.code in PERMANENT:
            return DeliveryError(f"{PERMANENT[exc.code]} ({text})", permanent=True)
        if exc.code == 6:
            return DeliveryError(f"{text} (waiting a second)", retry_after=1)
        if exc.code == 14:
            return DeliveryError(f"VK asks for a captcha; tried again later ({text})")
        return DeliveryError(text)  # 9 flood control, 10 internal error and the rest: retry
