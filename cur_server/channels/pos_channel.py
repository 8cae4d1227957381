"""«Госуслуги. Решаем вместе» (ПОС): an exchange of JSON files with the region's integration.

ПОС has no open API, so the region's integration and this server meet in four folders (the
format is in docs/pos-exchange.md):

- `inbox/`: the integration drops `*.json` files, each a batch of citizens' messages (written
  under another name and renamed, so a file is never read half-written; `min_age_seconds` also
  waits for one copied in place). Each message becomes an incident once: intake deduplicates by
  (channel `pos`, the message's ПОС id), so a file dropped again, or read again after a crash
  before it was moved, creates nothing twice. A message's files (`attachments`: base64 content,
  or a file in a subfolder of the inbox; `pos_files.py`) are stored with its incident.
- `processed/`: a well-formed file is moved here once all its messages are taken.
- `rejected/`: a file that is not the documented format is moved here, and a message of a good
  file that cannot be an incident is written here on its own, each with a `.reason.json` next
  to it. Nothing dropped is lost, and nothing stops intake: the next file is read all the same.
- `outbox/`: every reply (interim or final) is written as one file named by the reply's
  idempotency key (`cur-reply-N.json`), written to a temporary file and renamed, so the
  integration never sees half a file, and a retry after a crash between writing and confirming
  overwrites the same file instead of making a second. A reply is written down in the database
  as soon as its file is in place (`channel_cursor:pos:NAME:sent:cur-reply-N`): a retry after
  that confirms without writing again, even if the integration has already taken the file.

The files are the channel: no token, no network. A folder that cannot be read or written is an
error of the round (intake) or a retried delivery, never a crash.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from cur_desktop.models.domain import Channel

from ..tables import Municipality
from .adapter import DeliveryError, Outgoing, Receipt
from .config import PosConfig, pos_key
from .intake import CREATED, DUPLICATE, FOLLOWUP, REJECTED, Inbound, Intake, Rejected
from .pos_files import read_attachments

log = logging.getLogger(__name__)

FORMAT = "cur-pos-exchange/1"
MAX_ID_CHARS = 200
#: The ПОС status a reply reports (docs/pos-exchange.md).
STATUSES = {"interim": "in_progress", "final": "answered"}


class PosError(RuntimeError):
    """The exchange folders cannot be used this round (the next round tries again)."""


class BadFile(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def write_atomically(path: Path, data: bytes) -> None:
    """`data` at `path` whole or not at all: a temporary file in the same folder, flushed to
    disk, then renamed over the name (rename is atomic within a filesystem)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _dump(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _free_name(folder: Path, name: str, data: bytes) -> Path:
    """Where `data` named `name` goes in `folder`: its own name, unless another file of that
    name with other content is there already (then the name carries the content's hash)."""
    target = folder / name
    try:
        if not target.exists() or target.read_bytes() == data:
            return target
    except OSError:
        pass
    stem, dot, ext = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:12]
    return folder / (f"{stem}-{digest}.{ext}" if dot and stem else f"{name}-{digest}")


def _text(value: object, field: str, *, required: bool = False, limit: int | None = None):
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadFile(f"missing_{field}", f"{field} is missing or empty")
        return None
    if not isinstance(value, str):
        raise BadFile("bad_field", f"{field} must be a string, not {type(value).__name__}")
    if "\x00" in value:
        raise BadFile("bad_field", f"{field} contains a NUL character")
    if limit is not None and len(value) > limit:
        raise BadFile("bad_field", f"{field} is longer than {limit} characters")
    return value.strip()


def _message_id(item: dict, limit: int) -> str:
    """The message's ПОС id; at most `limit` characters (less than MAX_ID_CHARS for an exchange
    whose ids are stored with its name before them: one of several exchanges)."""
    value = item.get("id")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise BadFile("missing_id", "id (the message's ПОС id, a string or a number) is missing")
    return _text(str(value), "id", required=True, limit=limit)


def _created_at(value: object) -> datetime:
    if not isinstance(value, str):
        raise BadFile("bad_created_at", "created_at (ISO 8601 with a UTC offset) is missing")
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadFile("bad_created_at", f"created_at {value[:60]!r} is not ISO 8601") from None
    if at.tzinfo is None:
        raise BadFile("bad_created_at", f"created_at {value[:60]!r} has no UTC offset")
    return at


class PosChannel:
    channel = Channel.POS

    def __init__(self, config: PosConfig):
        self.config = config
        self.name = config.name
        self.intake: Intake | None = None

    def attach(self, intake: Intake) -> None:
        """Where the replies written are noted (the runner's intake)."""
        self.intake = intake

    # --- intake ----------------------------------------------------------------------------

    def _inbox_files(self) -> list[Path]:
        inbox = self.config.inbox
        try:
            entries = list(os.scandir(inbox))
        except FileNotFoundError:
            raise PosError(
                f"ПОС exchange {self.name!r}: the inbox {inbox} does not exist"
            ) from None
        except OSError as exc:
            raise PosError(
                f"ПОС exchange {self.name!r}: cannot read the inbox {inbox}: {exc.strerror}"
            ) from None
        now = time.time()
        files = []
        for e in entries:
            if e.name.startswith(".") or not e.name.endswith(".json"):
                continue  # a file still being written under another name
            try:
                if not e.is_file(follow_symlinks=False):
                    continue
                mtime = e.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            if now - mtime < self.config.min_age_seconds:
                continue  # still being copied in: the next round takes it
            files.append((mtime, e.name, Path(e.path)))
        return [p for _, _, p in sorted(files)]

    def fetch(self, intake: Intake) -> int:
        seen, failed = 0, []
        for path in self._inbox_files():
            try:
                seen += self._take_file(path, intake)
            except OSError as exc:
                # One file that cannot be read or moved holds up no other; it stays in the
                # inbox and is read again next round (its messages are known by then).
                log.error("ПОС file %s: %s", path.name, exc)
                failed.append(f"{path.name} ({exc.strerror or type(exc).__name__})")
        if failed:
            raise PosError(
                f"ПОС exchange {self.name!r}: left in the inbox, to retry: {', '.join(failed)}"
            )
        return seen

    def _take_file(self, path: Path, intake: Intake) -> int:
        try:
            size = path.stat().st_size
            if size > self.config.max_file_bytes:
                self._reject_file(
                    path,
                    None,
                    "too_large",
                    f"the file has {size} bytes; at most {self.config.max_file_bytes} are read",
                    intake,
                )
                return 0
            data = path.read_bytes()
        except FileNotFoundError:
            return 0  # taken by another process meanwhile
        try:
            items = self._parse(data)
        except BadFile as exc:
            self._reject_file(path, data, exc.reason, exc.detail, intake)
            return 0
        for n, item in enumerate(items, start=1):
            outcome, reason, detail = self._take_item(item, n, path.name, intake)
            if outcome == REJECTED:
                self._reject_item(path.name, data, n, item, reason, detail)
        self._move(path, data, self.config.processed)
        log.info("ПОС file %s: %d messages taken", path.name, len(items))
        return len(items)

    @staticmethod
    def _parse(data: bytes) -> list:
        try:
            doc = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise BadFile("not_utf8", f"the file is not UTF-8: {exc}") from None
        except ValueError as exc:
            raise BadFile("not_json", f"the file is not JSON: {exc}") from None
        if not isinstance(doc, dict):
            raise BadFile("bad_format", "the file is not a JSON object")
        if doc.get("format", FORMAT) != FORMAT:
            raise BadFile("bad_format", f"format {doc.get('format')!r} is not {FORMAT!r}")
        items = doc.get("messages")
        if not isinstance(items, list):
            raise BadFile("bad_format", "messages (a list of messages) is missing")
        return items

    def _municipality(self, item: dict, intake: Intake) -> str | None:
        where = item.get("municipality")
        if isinstance(where, str):
            where = {"name": where}
        if not isinstance(where, dict):
            where = {}
        oktmo = where.get("oktmo")
        name = where.get("name")
        code = where.get("code")
        mapped = self.config.municipalities
        if isinstance(oktmo, (str, int)) and not isinstance(oktmo, bool):
            if pos_key(str(oktmo)) in mapped:
                return mapped[pos_key(str(oktmo))]
        if isinstance(name, str) and name.strip():
            if pos_key(name) in mapped:
                return mapped[pos_key(name)]
            with intake.server.db.read() as s:
                for m_code, m_name in s.execute(select(Municipality.code, Municipality.name)):
                    if pos_key(m_name) == pos_key(name):
                        return m_code
        if isinstance(code, str) and code.strip():
            return code.strip()
        return self.config.default_municipality

    def _take_item(
        self, item: object, n: int, file_name: str, intake: Intake
    ) -> tuple[str, str, str]:
        if not isinstance(item, dict):
            return REJECTED, "not_an_object", f"message {n} is not a JSON object"
        raw = _dump(item)
        try:
            source_id = _message_id(item, MAX_ID_CHARS - len(intake.prefix))
            text = _text(item.get("text"), "text", required=True)
            received = _created_at(item.get("created_at"))
            author = item.get("author")
            if isinstance(author, dict):
                author = author.get("name")
            author = _text(author, "author", limit=200)
            link = _text(item.get("link"), "link", limit=2000)
            if link is not None and not link.startswith(("https://", "http://")):
                raise BadFile("bad_field", "link must be an http(s) address")
            category = _text(item.get("category"), "category", limit=1000)
            parent = item.get("parent_id")
            if parent is not None:
                if isinstance(parent, bool) or not isinstance(parent, (str, int)):
                    raise BadFile("bad_field", "parent_id must be a string or a number")
                parent = _text(str(parent), "parent_id", limit=MAX_ID_CHARS)
        except BadFile as exc:
            self._keep(intake, f"{file_name}#{n}", exc.reason, exc.detail, raw)
            return REJECTED, exc.reason, exc.detail
        files, missing = read_attachments(item.get("attachments"), self.config.inbox)
        inbound = Inbound(
            channel=Channel.POS,
            source_id=source_id,
            text=text,
            received_at=received,
            author_name=author,
            source_url=link,
            address=source_id,
            subject=category,
            municipality_code=self._municipality(item, intake),
            replies_to=[parent] if parent else [],
            raw=raw,
            category_code=self.config.categories.get(pos_key(category)) if category else None,
            files=files,
            missing_files=missing,
        )
        outcome = intake.take(inbound)
        log.info("ПОС message %s (%s #%d): %s", source_id, file_name, n, outcome)
        if outcome == REJECTED:
            return REJECTED, *(intake.reject_of(Channel.POS, source_id) or ("rejected", ""))
        assert outcome in (CREATED, DUPLICATE, FOLLOWUP)
        return outcome, "", ""

    @staticmethod
    def _keep(intake: Intake, source_id: str, reason: str, detail: str, raw: bytes) -> None:
        intake.reject(Rejected(Channel.POS, source_id, reason, detail, raw, len(raw)))

    def _reason(self, file_name: str, reason: str, detail: str, **more) -> bytes:
        return _dump(
            {
                "format": FORMAT,
                "file": file_name,
                **more,
                "reason": reason,
                "detail": detail,
                "rejected_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
        )

    def _reject_item(
        self, file_name: str, data: bytes, n: int, item: object, reason: str, detail: str
    ) -> None:
        stem = file_name.removesuffix(".json")
        digest = hashlib.sha256(data).hexdigest()[:12]
        # Named by the file's content: read again after a crash, the same item overwrites its
        # own copy; another file of the same name keeps its own.
        base = self.config.rejected / f"{stem}-{digest}.item-{n}"
        message_id = item.get("id") if isinstance(item, dict) else None
        write_atomically(base.with_name(base.name + ".json"), _dump(item))
        write_atomically(
            base.with_name(base.name + ".reason.json"),
            self._reason(file_name, reason, detail, item=n, id=message_id),
        )
        log.warning("ПОС %s message %d rejected: %s (%s)", file_name, n, reason, detail)

    def _reject_file(
        self, path: Path, data: bytes | None, reason: str, detail: str, intake: Intake
    ) -> None:
        digest = hashlib.sha256(data).hexdigest()[:16] if data is not None else "large"
        self._keep(intake, f"file:{path.name}:{digest}", reason, detail, (data or b"")[:65536])
        target = self._move(path, data, self.config.rejected)
        write_atomically(
            target.with_name(target.name + ".reason.json"), self._reason(path.name, reason, detail)
        )
        log.warning("ПОС file %s rejected: %s (%s)", path.name, reason, detail)

    @staticmethod
    def _move(path: Path, data: bytes | None, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_name(folder, path.name, data) if data is not None else folder / path.name
        if data is None and target.exists():
            target = folder / f"{path.stem}-{int(time.time())}{path.suffix}"
        os.replace(path, target)
        return target

    # --- delivery --------------------------------------------------------------------------

    def _journal_key(self, out: Outgoing) -> str:
        return f"pos:{self.name}:sent:{out.idempotency_key}"

    def answer(self, out: Outgoing, message_id: str, at: datetime) -> dict:
        """The outbox file's content (docs/pos-exchange.md)."""
        return {
            "format": FORMAT,
            "idempotency_key": out.idempotency_key,
            "message_id": message_id,
            "incident_number": out.incident_number,
            "kind": out.kind,
            "status": STATUSES.get(out.kind, "in_progress"),
            "text": out.text,
            "answered_at": at.isoformat(timespec="seconds"),
        }

    def deliver(self, out: Outgoing) -> Receipt:
        if self.intake is None:
            raise DeliveryError("the ПОС adapter is not attached to a channel runner")
        inbound = [m for m in out.thread if m.direction == "in"]
        if not inbound:
            raise DeliveryError("no ПОС message is known for this incident", permanent=True)
        if not out.text.strip():
            raise DeliveryError("the reply has no text", permanent=True)
        receipt = Receipt(message_id=f"outbox:{out.idempotency_key}")
        key = self._journal_key(out)
        if self.intake.cursor(key).get("written"):
            return receipt  # written on an earlier try, perhaps taken already: never twice
        target = self.config.outbox / f"{out.idempotency_key}.json"
        now = datetime.now(UTC)
        try:
            write_atomically(target, _dump(self.answer(out, inbound[0].message_id, now)))
        except OSError as exc:
            raise DeliveryError(
                f"cannot write to the ПОС outbox {self.config.outbox}: "
                f"{exc.strerror or type(exc).__name__}"
            ) from None
        self.intake.save_cursor(key, {"written": now.isoformat(), "file": target.name})
        return receipt
