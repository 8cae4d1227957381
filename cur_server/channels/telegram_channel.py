"""The Telegram channel: a bot's messages in by `getUpdates`, replies out by `sendMessage`.

Intake asks for the updates after the last one taken and keeps that offset in the database
after every update (`channel_cursor:telegram:NAME`): passing it to the next `getUpdates`
confirms the earlier updates to Telegram, so a restart neither loses one (Telegram keeps
unconfirmed updates for 24 hours) nor takes one twice (and intake deduplicates by
(channel, "chat:message") anyway). A message replying to an earlier one (the citizen answering
the centre's reply) joins that incident; an edited message joins its own incident as a
follow-up with the corrected text (and a picture put in its place, as another file), never a
second incident.

A reply answers the citizen's last message (`reply_parameters`, with
`allow_sending_without_reply`: a deleted message does not stop the answer). A reply over
Telegram's 4,096 characters goes as several messages, split at paragraphs, lines or words, in
order. Telegram has no idempotency key, so every part sent is written down under the reply's
key at once (`channel_cursor:telegram:NAME:sent:cur-reply-N`): a retry after a crash, or after
a later part failed, sends only the parts not yet sent.

With `[telegram.faq]` the bot also answers frequent questions itself from the template base
and records its answer on the incident (`faq.py`); «оператор» hands that case to a person.

The bot token is in the URL path (`/bot<token>/method`): errors are reported without the URL,
and urllib3's own debug log is given the path with the token masked.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import requests

from cur_desktop.models.contract import MAX_ATTACHMENT_BYTES
from cur_desktop.models.domain import Channel

from ..attachments import AttachmentRefused, IncomingFile, MissingFile
from .adapter import DeliveryError, Outgoing, Receipt
from .config import TelegramConfig
from .downloads import download
from .faq import FaqBot, Match
from .intake import CREATED, DUPLICATE, FOLLOWUP, Inbound, Intake, Rejected
from .log_masking import mask_in_request_logs

log = logging.getLogger(__name__)

#: Telegram's limit for one message's text (counted in UTF-16 code units, as its entities are).
MAX_MESSAGE_CHARS = 4096
#: Updates asked for at once (Telegram's maximum).
BATCH = 100
EDITED_PREFIX = "Исправленный текст сообщения:\n"

#: The Bot API takes its token in the path.
mask_in_request_logs("/bot", r"/bot[^/\s]+/", "/bot***/")


class TelegramError(RuntimeError):
    """The Bot API could not be read this time (the next round tries again). No token in it."""


class ApiRefusal(Exception):
    """The Bot API answered `ok: false`."""

    def __init__(self, code: int, description: str, retry_after: float | None):
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description
        self.retry_after = retry_after


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """The text in parts of at most `limit` UTF-16 units, cut at a paragraph, else a line, else
    a space in the second half of a part, else anywhere (never inside a surrogate pair)."""
    parts: list[str] = []
    rest = text.strip()
    while utf16_len(rest) > limit:
        # The longest prefix that fits.
        units, end = 0, 0
        for end, ch in enumerate(rest):  # noqa: B007 - `end` is used after the loop
            units += 2 if ord(ch) > 0xFFFF else 1
            if units > limit:
                break
        head = rest[:end]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            found = head.rfind(sep)
            if found >= len(head) // 2:
                cut = found
                break
        if cut <= 0:
            cut = end
        part, rest = rest[:cut].rstrip(), rest[cut:].lstrip()
        if part:
            parts.append(part)
    if rest:
        parts.append(rest)
    return parts


def _ids(message_id: str) -> tuple[int, int] | None:
    """(chat id, message id) of a stored "chat:message[:…]" id."""
    fields = message_id.split(":")
    try:
        return int(fields[0]), int(fields[1])
    except (IndexError, ValueError):
        return None


def _name(user: dict | None) -> str | None:
    if not user:
        return None
    name = " ".join(p for p in (user.get("first_name"), user.get("last_name")) if p).strip()
    if user.get("username"):
        name = f"{name} (@{user['username']})" if name else f"@{user['username']}"
    return name or None


class TelegramChannel:
    channel = Channel.TELEGRAM

    def __init__(self, config: TelegramConfig, session: requests.Session | None = None):
        self.config = config
        self.name = config.name
        self.http = session or requests.Session()
        self.intake: Intake | None = None
        self.faq: FaqBot | None = None

    def attach(self, intake: Intake) -> None:
        """Where the parts already sent are written down (the runner's intake)."""
        self.intake = intake
        if self.config.faq is not None and self.config.faq.enabled:
            self.faq = FaqBot(self.config.faq, intake.server)

    # --- the Bot API -----------------------------------------------------------------------

    def call(self, method: str, params: dict, *, timeout: float | None = None) -> object:
        """One Bot API method; its `result`, or ApiRefusal, or TelegramError (no token in it)."""
        url = f"{self.config.api_url}/bot{self.config.token.reveal()}/{method}"
        try:
            resp = self.http.post(url, json=params, timeout=timeout or self.config.timeout)
        except requests.RequestException as exc:
            # requests' own text names the URL, and so the token: never passed on, nor chained.
            raise TelegramError(
                f"Telegram Bot API unreachable ({type(exc).__name__}) calling {method}"
            ) from None
        try:
            body = resp.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or "ok" not in body:
            if resp.status_code >= 400:
                raise ApiRefusal(resp.status_code, f"HTTP {resp.status_code} {resp.reason}", None)
            raise TelegramError(f"Telegram answered {method} with no Bot API response")
        if body["ok"]:
            return body.get("result")
        code = int(body.get("error_code") or resp.status_code)
        description = str(body.get("description") or resp.reason or "")
        description = description.replace(self.config.token.reveal(), "***")
        retry_after = (body.get("parameters") or {}).get("retry_after")
        raise ApiRefusal(code, description, float(retry_after) if retry_after else None)

    # --- files (photos) ---------------------------------------------------------------------

    def files_of(self, msg: dict) -> tuple[tuple[IncomingFile, ...], tuple[MissingFile, ...]]:
        """A message's photo (its largest size) or image document, downloaded: `getFile`, then
        `{api_url}/file/bot<token>/<file_path>` as the Bot API documents; and the ones that
        could not be: the message is taken all the same, the incident and the administrator
        are told which."""
        wanted = []
        photos = [p for p in msg.get("photo") or [] if isinstance(p, dict) and p.get("file_id")]
        if photos:
            big = max(
                photos,
                key=lambda p: (p.get("width", 0) * p.get("height", 0), p.get("file_size", 0)),
            )
            wanted.append((big["file_id"], f"photo-{msg.get('message_id')}.jpg", "image/jpeg"))
        doc = msg.get("document")
        if isinstance(doc, dict) and str(doc.get("mime_type", "")).startswith("image/"):
            if doc.get("file_id"):
                wanted.append(
                    (doc["file_id"], str(doc.get("file_name") or "image"), doc["mime_type"])
                )
        files, missing = [], []
        for file_id, name, kind in wanted:
            try:
                found = self.call("getFile", {"file_id": file_id})
                path = found.get("file_path") if isinstance(found, dict) else None
                if not path or (found.get("file_size") or 0) > MAX_ATTACHMENT_BYTES:
                    raise TelegramError(f"no file_path or too large ({found!r:.200})")
                url = f"{self.config.api_url}/file/bot{self.config.token.reveal()}/{path}"
                data = download(
                    self.http, url, timeout=self.config.timeout, api_url=self.config.api_url
                )
                files.append(IncomingFile(name, kind, data))
            except (
                AttachmentRefused,  # its text names the host only, not the token in the path
                ApiRefusal,
                TelegramError,
                requests.RequestException,
                AttributeError,
            ) as exc:
                # requests' own text names the URL, and so the token: only the kind is logged.
                known = TelegramError | ApiRefusal | AttachmentRefused
                what = exc if isinstance(exc, known) else type(exc).__name__
                reason = exc.reason if isinstance(exc, AttachmentRefused) else "not_fetched"
                log.warning(
                    "telegram file %s of message %s not fetched: %s",
                    name,
                    msg.get("message_id"),
                    what,
                )
                missing.append(MissingFile(name, reason, str(what)[:300]))
        return tuple(files), tuple(missing)

    # --- intake ----------------------------------------------------------------------------

    @property
    def cursor_key(self) -> str:
        return f"telegram:{self.name}"

    def fetch(self, intake: Intake) -> int:
        seen = 0
        offset = intake.cursor(self.cursor_key).get("offset")
        while True:
            params: dict = {
                "limit": BATCH,
                "timeout": self.config.poll_timeout,
                "allowed_updates": ["message", "edited_message"],
            }
            if offset is not None:
                params["offset"] = offset
            try:
                updates = self.call(
                    "getUpdates", params, timeout=self.config.timeout + self.config.poll_timeout
                )
            except ApiRefusal as exc:
                raise TelegramError(self._intake_error(exc)) from None
            if not updates:
                return seen
            for update in sorted(updates, key=lambda u: u["update_id"]):
                if offset is not None and update["update_id"] < offset:
                    continue  # confirmed already (a server that resends)
                self._take(update, intake)
                seen += 1
                offset = update["update_id"] + 1
                intake.save_cursor(self.cursor_key, {"offset": offset})
            if len(updates) < BATCH:
                return seen

    def _intake_error(self, exc: ApiRefusal) -> str:
        if exc.code == 401:
            return (
                f"Telegram bot {self.name!r}: the token was refused (401 {exc.description}); "
                "it was revoked or is wrong: put the new one from @BotFather in place"
            )
        if exc.code == 409:
            return (
                f"Telegram bot {self.name!r}: {exc.description} (a webhook is set or another "
                "process reads the same bot)"
            )
        return f"Telegram bot {self.name!r}: getUpdates refused: {exc.code} {exc.description}"

    def _take(self, update: dict, intake: Intake) -> None:
        edited = "message" not in update
        msg = update.get("message") or update.get("edited_message")
        if not msg:
            return
        raw = json.dumps(update, ensure_ascii=False).encode()
        chat = msg.get("chat") or {}
        chat_id, message_id = chat.get("id"), msg.get("message_id")
        if chat_id is None or message_id is None:
            intake.reject(
                Rejected(
                    Channel.TELEGRAM,
                    f"update:{update['update_id']}",
                    "malformed",
                    "no chat or message id",
                    raw,
                    len(raw),
                )
            )
            return
        own_id = f"{chat_id}:{message_id}"
        text = msg.get("text") or msg.get("caption") or ""
        stamp = msg.get("edit_date") if edited else msg.get("date")
        received = datetime.fromtimestamp(stamp, UTC) if isinstance(stamp, int) else None
        if edited:
            source_id = f"{own_id}:edit:{stamp or update['update_id']}"
            replies_to = [own_id]
            text = EDITED_PREFIX + text if text.strip() else text
        else:
            source_id = own_id
            answered = (msg.get("reply_to_message") or {}).get("message_id")
            replies_to = [f"{chat_id}:{answered}"] if answered is not None else []
        faq_match = None
        if self.faq is not None and not edited:
            if not replies_to and self.faq.is_handoff(text):
                # «оператор» on its own: it continues the bot's last answer in this chat.
                last = intake.cursor(self._faq_chat_key(chat_id)).get("answer")
                replies_to = [last] if last else []
            elif not replies_to:
                faq_match = self._faq_pending(intake, own_id, text)
        username = chat.get("username")
        # An edit may put another picture in a photo message: it joins the incident's files
        # (a caption-only edit brings the same bytes, stored and listed once).
        known = intake.known(Channel.TELEGRAM, source_id)
        files, missing = ((), ()) if known else self.files_of(msg)
        inbound = Inbound(
            channel=Channel.TELEGRAM,
            source_id=source_id,
            text=text,
            received_at=received,
            author_name=_name(msg.get("from")) or chat.get("title"),
            source_url=f"https://t.me/{username}/{message_id}" if username else None,
            address=str(chat_id),
            subject=chat.get("title"),
            municipality_code=self.config.chats.get(str(chat_id))
            or self.config.default_municipality,
            replies_to=replies_to,
            raw=raw,
            files=files,
            missing_files=missing,
        )
        outcome = intake.take(inbound)
        log.info("telegram %s (update %s): %s", source_id, update["update_id"], outcome)
        if self.faq is not None and outcome in (CREATED, DUPLICATE) and faq_match is not None:
            self._faq_answer(intake, own_id, chat_id, message_id, faq_match)
        elif self.faq is not None and outcome == FOLLOWUP:
            incident_id = intake.incident_of(Channel.TELEGRAM, source_id)
            if incident_id is not None and self.faq.hand_over(incident_id, text):
                log.info("telegram %s: the bot's answer handed to a person", source_id)
                self._faq_handed_over(intake, source_id, chat_id, message_id, incident_id)

    # --- the information service (channels/faq.py) -----------------------------------------

    def _faq_key(self, own_id: str) -> str:
        return f"telegram:{self.name}:faq:{own_id}"

    def _faq_chat_key(self, chat_id: int) -> str:
        return f"telegram:{self.name}:faq-chat:{chat_id}"

    def _faq_pending(self, intake: Intake, own_id: str, text: str) -> Match | None:
        """The FAQ answer this message is to get: written down before its incident exists, so
        a crash anywhere after leaves the answer to finish, never to repeat or to guess."""
        journal = intake.cursor(self._faq_key(own_id))
        if journal:
            return None if journal.get("done") else Match(journal["template"], journal["score"])
        if intake.known(Channel.TELEGRAM, own_id):
            return None  # taken before the service was on: an ordinary incident
        match = self.faq.match(text)
        if match is not None:
            intake.save_cursor(
                self._faq_key(own_id), {"template": match.template_code, "score": match.score}
            )
        return match

    def _faq_handed_over(
        self, intake: Intake, source_id: str, chat_id: int, message_id: int, incident_id: int
    ) -> None:
        """Tell the citizen a person has the case now (once; a failure is only logged)."""
        text = self.faq.handover_text(incident_id)
        try:
            sent = self._send_parts(
                f"telegram:{self.name}:sent:faq-handover-{source_id}", chat_id, [text], message_id
            )
        except DeliveryError as exc:
            log.warning("telegram %s: the hand-over notice was not sent: %s", source_id, exc)
            return
        self.faq.remember_sent(incident_id, [intake.key(i) for i in sent], Channel.TELEGRAM.value)

    def _faq_answer(
        self, intake: Intake, own_id: str, chat_id: int, message_id: int, match: Match
    ) -> None:
        incident_id = intake.incident_of(Channel.TELEGRAM, own_id)
        key = self._faq_key(own_id)
        text = self.faq.answer_text(incident_id, match.template_code) if incident_id else None
        if text is None:
            intake.save_cursor(key, {"done": True, "answered": False})
            return
        try:
            sent = self._send_parts(
                f"telegram:{self.name}:sent:faq-{own_id}", chat_id, split_text(text), message_id
            )
        except DeliveryError as exc:
            # The citizen could not be answered: the incident stays an ordinary one.
            log.warning("telegram %s: the FAQ answer was not sent: %s", own_id, exc)
            intake.save_cursor(key, {"done": True, "answered": False, "error": str(exc)})
            return
        stored = [intake.key(i) for i in sent]
        self.faq.record(
            incident_id, f"faq:{self.name}:{own_id}", match, text, stored, Channel.TELEGRAM.value
        )
        intake.save_cursor(self._faq_chat_key(chat_id), {"answer": sent[-1]})
        intake.save_cursor(key, {"done": True, "answered": True})

    # --- delivery --------------------------------------------------------------------------

    def _journal_key(self, out: Outgoing) -> str:
        return f"telegram:{self.name}:sent:{out.idempotency_key}"

    def deliver(self, out: Outgoing) -> Receipt:
        if self.intake is None:
            raise DeliveryError("the Telegram adapter is not attached to a channel runner")
        inbound = [m for m in out.thread if m.direction == "in" and m.address]
        if not inbound:
            raise DeliveryError("no Telegram chat is known for this incident", permanent=True)
        target = inbound[-1]
        chat_id = int(target.address)
        ids = _ids(target.message_id)
        reply_to = ids[1] if ids and ids[0] == chat_id else None
        parts = split_text(out.text)
        if not parts:
            raise DeliveryError("the reply has no text", permanent=True)
        ordered = self._send_parts(self._journal_key(out), chat_id, parts, reply_to)
        return Receipt(message_id=ordered[0], more_ids=tuple(ordered[1:]))

    def _send_parts(
        self, key: str, chat_id: int, parts: list[str], reply_to: int | None
    ) -> list[str]:
        """Send the parts not yet written down under `key`; the ids of all, in order."""
        journal = self.intake.cursor(key)
        sent: dict[str, str] = dict(journal.get("sent", {}))
        for n, part in enumerate(parts):
            if str(n) in sent:
                continue  # sent on an earlier try: never twice
            message_id = self._send(chat_id, part, reply_to if n == 0 else None)
            sent[str(n)] = f"{chat_id}:{message_id}"
            self.intake.save_cursor(key, {"sent": sent, "parts": len(parts)})
        return [sent[str(n)] for n in range(len(parts))]

    def _send(self, chat_id: int, text: str, reply_to: int | None) -> int:
        params: dict = {"chat_id": chat_id, "text": text}
        if reply_to is not None:
            params["reply_parameters"] = {
                "message_id": reply_to,
                "chat_id": chat_id,
                "allow_sending_without_reply": True,
            }
        try:
            try:
                result = self.call("sendMessage", params)
            except ApiRefusal as exc:
                if exc.code == 400 and "replied" in exc.description.lower() and reply_to:
                    # The citizen deleted the message answered: the answer goes all the same.
                    params.pop("reply_parameters")
                    result = self.call("sendMessage", params)
                else:
                    raise
        except TelegramError as exc:
            raise DeliveryError(str(exc)) from None
        except ApiRefusal as exc:
            raise self._delivery_error(exc) from None
        if not isinstance(result, dict) or "message_id" not in result:
            raise DeliveryError("Telegram accepted sendMessage without a message id")
        return int(result["message_id"])

    def _delivery_error(self, exc: ApiRefusal) -> DeliveryError:
        text = f"Telegram {exc.code}: {exc.description}"
        if exc.code == 429:
            wait = exc.retry_after or 30
            return DeliveryError(f"{text} (flood control: waiting {wait:g} s)", retry_after=wait)
        if exc.code == 401:
            return DeliveryError(
                f"Telegram refused the bot token ({exc.code} {exc.description}): it was revoked "
                "or is wrong; put the new one from @BotFather in place",
                permanent=True,
            )
        if exc.code == 403:
            lowered = exc.description.lower()
            if "blocked" in lowered:
                why = "the citizen blocked the bot"
            elif "deactivated" in lowered:
                why = "the citizen's account is deleted"
            else:
                why = "the bot may not write to this chat"
            return DeliveryError(f"{why} ({text})", permanent=True)
        if exc.code >= 500:
            return DeliveryError(text)
        # 400 (chat not found, text refused) and the like: the same request would fail again.
        return DeliveryError(text, permanent=400 <= exc.code < 500)
