"""The Telegram bot's information service: frequent questions answered from the template base.

The FAQ is a short list in the channel configuration (`[telegram.faq]`): each entry names an
answer template of the server's base (by its code) and a few sample questions. A new message
(not a reply, not an edit) is scored against every entry with the workstation's own template
ranking (`reply_fill.rank_templates`: TF-IDF cosine of stems, against each sample question on
its own, the best one counting); at `min_score` or above the bot answers at once. The answer is
the template filled with what the bot knows (greeting, citizen, incident number, municipality);
a template that would keep an unfilled placeholder is never sent: the message stays an
ordinary incident.

What the citizen gets starts with «Автоматический ответ справочной службы» and ends with how to
reach a person. The incident is created all the same and recorded as answered by the bot: a
published final reply authored by the bot's own account (a collector that cannot sign in),
delivered, with a note naming the template and the score, so the operator sees what the bot
said and the analytics count it. The citizen writing «оператор» (or answering the bot's
message) reopens it for a person, with the SLA clock started again.

Exactly once: the match is written down before the incident is created
(`channel_cursor:telegram:NAME:faq:CHAT:MSG`), the parts sent go into the adapter's per-part
journal, and the reply is stored under a unique client id: an update Telegram sends again after
a crash finishes what was left and sends nothing twice.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select

from cur_desktop.models.domain import ApprovalState, DeliveryState, ReplyKind, Role
from cur_desktop.models.reply_fill import greeting, rank_templates
from cur_desktop.models.statuses import Status
from cur_desktop.models.templates import render

from ..changes import record_change
from ..tables import ChannelMessage, Incident, Municipality, Reply, Template, User
from .config import FaqConfig, FaqEntry, parse_faq  # noqa: F401 - the FAQ's own names

log = logging.getLogger(__name__)

HEADER = "Автоматический ответ справочной службы:"
FOOTER = "Если вопрос не решён, напишите «оператор» — обращение передадут специалисту."
HANDOVER = "Ваш вопрос передан специалисту справочной службы, он ответит здесь. Обращение"
BOT_USERNAME = "telegram-faq-bot"
BOT_FULL_NAME = "Бот справочной службы (Telegram)"
#: Not a hash any password verifies against: the bot's account can never sign in.
NO_PASSWORD = "!bot-account-no-sign-in"


@dataclass(frozen=True)
class Match:
    template_code: str
    score: float


@dataclass
class FaqBot:
    config: FaqConfig
    server: object
    _bot_id: int | None = field(default=None, repr=False)

    # --- matching --------------------------------------------------------------------------

    def is_handoff(self, text: str) -> bool:
        word = re.sub(r"[^\w]+", " ", text.casefold()).strip()
        return word in self.config.handoff_words

    def match(self, text: str) -> Match | None:
        if not self.config.enabled or not self.config.entries or not text.strip():
            return None
        codes = [e.template for e in self.config.entries]
        with self.server.db.read() as s:
            titles = set(
                s.scalars(
                    select(Template.code).where(Template.code.in_(codes), Template.active.is_(True))
                )
            )
        # One item per sample question: a short question is not drowned by its neighbours.
        items = [
            {"title": "", "text": q, "code": e.template}
            for e in self.config.entries
            if e.template in titles
            for q in e.questions
        ]
        if not items:
            return None
        score, best = rank_templates(items, text, limit=1)[0]
        if score < self.config.min_score:
            return None
        return Match(best["code"], round(score, 3))

    def answer_text(self, incident_id: int, code: str) -> str | None:
        """The filled template with the header and the way to a person; None if a placeholder
        would stay open (the bot never sends «{address}»)."""
        with self.server.db.read() as s:
            t = s.scalar(select(Template).where(Template.code == code))
            inc = s.get(Incident, incident_id)
            if t is None or inc is None:
                return None
            muni = s.get(Municipality, inc.municipality_id)
            values = {
                "greeting": greeting(inc.author_name),
                "citizen_name": inc.author_name or None,
                "incident_number": inc.number,
                "municipality": muni.name if muni is not None else None,
            }
        rendered = render(t.text, values)
        if not rendered.complete:
            log.warning("FAQ template %s needs %s: not sent", code, ", ".join(rendered.missing))
            return None
        return f"{HEADER}\n\n{rendered.text.strip()}\n\n{FOOTER}"

    # --- recording -------------------------------------------------------------------------

    def bot_user_id(self) -> int:
        if self._bot_id is None:
            with self.server.db.write() as s:
                user = s.scalar(select(User).where(User.username == BOT_USERNAME))
                if user is None:
                    user = User(
                        username=BOT_USERNAME,
                        full_name=BOT_FULL_NAME,
                        password_hash=NO_PASSWORD,
                        role=Role.COLLECTOR.value,
                        # Active, so the workstations' directory names the reply's author; no
                        # password verifies against its hash, and a collector takes no cases.
                        active=True,
                    )
                    s.add(user)
                    s.flush()
                self._bot_id = user.id
        return self._bot_id

    def record(
        self,
        incident_id: int,
        client_id: str,
        match: Match,
        text: str,
        sent_ids: list[str],
        channel: str,
    ) -> bool:
        """The bot's answer in the incident's thread, once (the reply's client id is unique)."""
        bot = self.bot_user_id()
        now = datetime.now(UTC)
        with self.server.db.write() as s:
            if s.scalar(select(Reply.id).where(Reply.client_id == client_id)) is not None:
                return False
            inc = s.scalars(
                select(Incident).where(Incident.id == incident_id).with_for_update()
            ).one()
            template_id = s.scalar(select(Template.id).where(Template.code == match.template_code))
            reply = Reply(
                incident_id=inc.id,
                client_id=client_id,
                kind=ReplyKind.FINAL.value,
                text=text,
                author_id=bot,
                template_id=template_id,
                approval_state=ApprovalState.PUBLISHED.value,
                created_at=now,
                delivery_state=DeliveryState.SENT.value,
                delivered_at=now,
            )
            s.add(reply)
            s.flush()
            for sent_id in dict.fromkeys(sent_ids):
                s.add(
                    ChannelMessage(
                        channel=channel,
                        message_id=sent_id,
                        incident_id=inc.id,
                        direction="out",
                        at=now,
                    )
                )
            events = [
                ("reply_added", {"reply_id": reply.id, "kind": reply.kind, "pending": False}),
                ("reply_published", {"reply_id": reply.id, "kind": reply.kind}),
                ("reply_delivered", {"reply_id": reply.id}),
                (
                    "note",
                    {
                        "text": f"Бот справочной службы ответил автоматически по шаблону "
                        f"«{match.template_code}» (совпадение {match.score:.2f})",
                        "bot_answer": {"template": match.template_code, "score": match.score},
                    },
                ),
            ]
            current = Status(inc.status)
            if current in (Status.NEW, Status.REOPENED):
                inc.status = Status.ANSWERED.value
                events.append(("status_changed", {"from": current.value, "to": "answered"}))
            inc.first_answered_at = inc.first_answered_at or now
            inc.final_answered_at = now
            record_change(s, inc, now, events, actor_id=bot)
        return True

    def handover_text(self, incident_id: int) -> str:
        with self.server.db.read() as s:
            number = s.scalar(select(Incident.number).where(Incident.id == incident_id))
        return f"{HANDOVER} № {number}." if number else f"{HANDOVER}."

    def remember_sent(self, incident_id: int, sent_ids: list[str], channel: str) -> None:
        """The bot's own messages are the conversation's too: the citizen answering one of
        them joins the incident."""
        now = datetime.now(UTC)
        with self.server.db.write() as s:
            known = set(
                s.scalars(
                    select(ChannelMessage.message_id).where(
                        ChannelMessage.channel == channel,
                        ChannelMessage.message_id.in_(sent_ids),
                    )
                )
            )
            for sent_id in dict.fromkeys(sent_ids):
                if sent_id not in known:
                    s.add(
                        ChannelMessage(
                            channel=channel,
                            message_id=sent_id,
                            incident_id=incident_id,
                            direction="out",
                            at=now,
                        )
                    )

    def hand_over(self, incident_id: int, text: str) -> bool:
        """The citizen asked for a person after the bot's answer: the case goes back to work."""
        if self._bot_id is None:
            with self.server.db.read() as s:
                self._bot_id = s.scalar(select(User.id).where(User.username == BOT_USERNAME))
            if self._bot_id is None:
                return False
        now = datetime.now(UTC)
        with self.server.db.write() as s:
            inc = s.scalars(
                select(Incident).where(Incident.id == incident_id).with_for_update()
            ).one()
            last = s.scalar(
                select(Reply.author_id)
                .where(
                    Reply.incident_id == inc.id,
                    Reply.approval_state == ApprovalState.PUBLISHED.value,
                )
                .order_by(Reply.id.desc())
                .limit(1)
            )
            if inc.status != Status.ANSWERED.value or last != self._bot_id:
                return False
            reason = "Гражданин просит специалиста после автоматического ответа бота"
            inc.status = Status.REOPENED.value
            inc.sla_started_at = now
            inc.first_answer_due = self.server.clock.first_answer_due(now, inc.importance)
            inc.first_answered_at = inc.final_answered_at = inc.final_answer_due = None
            record_change(
                s,
                inc,
                now,
                [
                    ("status_changed", {"from": "answered", "to": "reopened", "reason": reason}),
                    (
                        "note",
                        {
                            "text": f"{reason}: «{text[:200]}». Бот сообщил гражданину, что "
                            "обращение передано специалисту."
                        },
                    ),
                ],
                actor_id=self._bot_id,
            )
        return True
