"""Several adapters of one channel in one process: two Telegram bots, two VK communities and two
mailboxes, each against its own local server. The same citizen's message 1 to each bot is two
incidents, not one; each answer goes out through the bot, community or mailbox the citizen wrote
to, once; a server that had one bot keeps its conversations when a second is added. SQLite and
PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cur_server.channels.runner import ChannelRunner
from cur_server.context import load_context
from cur_server.tables import ChannelMessage, Delivery
from tests.server.test_email_channel import email_channel, email_incidents, letter
from tests.server.test_telegram_channel import _publish, telegram_channel, tg_incidents
from tests.server.test_vk_channel import vk_channel, vk_incidents
from tests.support.imap_server import ImapServer
from tests.support.smtp_server import SmtpServer
from tests.support.telegram_api import TelegramApi
from tests.support.vk_api import VkApi

CITIZEN = 5_550_001


@pytest.fixture
def two_tg():
    with TelegramApi() as main, TelegramApi() as kasimov:
        yield main, kasimov


@pytest.fixture
def two_vk():
    with VkApi() as main, VkApi() as kasimov:
        yield main, kasimov


def named(adapter, name: str, **changes):
    adapter.config = replace(adapter.config, name=name, **changes)
    adapter.name = name
    return adapter


def two_bots(url: str, main: TelegramApi, kasimov: TelegramApi) -> ChannelRunner:
    adapters = [
        named(telegram_channel(main), "cur"),
        named(telegram_channel(kasimov), "kasimov", default_municipality="kasimov"),
    ]
    return ChannelRunner(load_context(url), adapters)


def test_two_bots_take_colliding_messages_apart_and_answer_each_through_its_own(
    seeded_url, api, two_tg
):
    main, kasimov = two_tg
    to_main = main.user_says("Во дворе не вывозят мусор")
    to_kasimov = kasimov.user_says("В Касимове яма на дороге")
    # The same citizen, the same chat id, the same message id: only the bot differs.
    assert (to_main["chat"]["id"], to_main["message_id"]) == (
        to_kasimov["chat"]["id"],
        to_kasimov["message_id"],
    )
    run = two_bots(seeded_url, main, kasimov)
    report = run.run_round()
    assert report.fetched == 2 and not report.errors
    first, second = tg_incidents(seeded_url)
    assert (
        first.text == "Во дворе не вывозят мусор"
        and first.source_id == f"cur/{CITIZEN}:{to_main['message_id']}"
    )
    assert second.text == "В Касимове яма на дороге"
    assert second.source_id == f"kasimov/{CITIZEN}:{to_kasimov['message_id']}"
    # Each bot's offset is its own.
    assert run.intake.cursor("telegram:cur")["offset"] == main.state.updates[-1]["update_id"] + 1
    assert run.intake.cursor("telegram:kasimov")["offset"]

    _publish(api, second.id, "Яму заделают до пятницы.")
    _publish(api, first.id, "Мусор вывезен.")
    assert run.run_round().sent == 2
    [from_main] = main.sent_to(CITIZEN)
    [from_kasimov] = kasimov.sent_to(CITIZEN)
    assert from_main["text"] == "Мусор вывезен."
    assert from_kasimov["text"] == "Яму заделают до пятницы."
    assert from_kasimov["reply_to_message"]["message_id"] == to_kasimov["message_id"]

    # The citizen answers the Kasimov bot's reply: it joins the Kasimov incident, not the other.
    kasimov.user_says("Спасибо, жду", reply_to=from_kasimov["message_id"])
    again = two_bots(seeded_url, main, kasimov)  # a restart: nothing twice
    assert again.run_round().fetched == 1
    assert len(tg_incidents(seeded_url)) == 2
    kinds = [
        e["kind"] for e in api("supervisor1").get(f"/api/v1/incidents/{second.id}").json()["events"]
    ]
    assert "followup" in kinds
    assert again.run_round().sent == 0
    assert len(main.sent_to(CITIZEN)) == 1 and len(kasimov.sent_to(CITIZEN)) == 1


def test_a_second_bot_added_later_leaves_the_first_ones_conversations_as_they_were(
    seeded_url, api, two_tg
):
    main, kasimov = two_tg
    n = main.user_says("Не горит фонарь")["message_id"]
    alone = ChannelRunner(load_context(seeded_url), [named(telegram_channel(main), "cur")])
    alone.run_round()
    [old] = tg_incidents(seeded_url)
    assert old.source_id == f"{CITIZEN}:{n}"  # one bot: ids as they always were
    _publish(api, old.id, "Фонарь починят завтра.")

    k = kasimov.user_says("Не горит фонарь в Касимове")["message_id"]
    m = main.user_says("И второй фонарь тоже")["message_id"]
    run = two_bots(seeded_url, main, kasimov)
    report = run.run_round()
    assert report.fetched == 2 and report.sent == 1 and not report.errors
    [answer] = main.sent_to(CITIZEN)  # the old incident's answer: through the first bot
    assert answer["text"] == "Фонарь починят завтра." and kasimov.sent_to(CITIZEN) == []
    ids = {i.source_id for i in tg_incidents(seeded_url)}
    assert ids == {f"{CITIZEN}:{n}", f"kasimov/{CITIZEN}:{k}", f"{CITIZEN}:{m}"}


def test_a_reply_whose_bot_is_gone_waits_with_the_reason(seeded_url, api, two_tg):
    main, kasimov = two_tg
    kasimov.user_says("Яма")
    two_bots(seeded_url, main, kasimov).run_round()
    [inc] = tg_incidents(seeded_url)
    _publish(api, inc.id, "Заделаем.")
    only_main = ChannelRunner(load_context(seeded_url), [named(telegram_channel(main), "cur")])
    report = only_main.run_round()
    assert report.retried == 1 and report.sent == 0
    assert main.sent_to(CITIZEN) == [] and kasimov.sent_to(CITIZEN) == []
    # The process that has the bot configured sends it once its backoff is over.
    with only_main.server.db.write() as s:
        (d,) = s.query(Delivery).all()
        assert "'kasimov'" in d.last_error and "not configured" in d.last_error
        d.next_attempt_at = d.created_at
    assert two_bots(seeded_url, main, kasimov).run_round().sent == 1
    assert len(kasimov.sent_to(CITIZEN)) == 1


def test_two_vk_communities_answer_each_through_its_own(seeded_url, api, two_vk):
    main, kasimov = two_vk
    adapters = [named(vk_channel(main), "cur"), named(vk_channel(kasimov), "kasimov")]
    run = ChannelRunner(load_context(seeded_url), adapters)
    run.run_round()  # the first round takes each long poll's ts
    to_main = main.user_writes("Нет отопления в доме 4")
    to_kasimov = kasimov.user_writes("Нет отопления в Касимове")
    assert to_main["id"] == to_kasimov["id"] and to_main["peer_id"] == to_kasimov["peer_id"]
    assert run.run_round().fetched == 2
    first, second = vk_incidents(seeded_url)
    assert first.source_id == f"cur/msg:1001:{to_main['id']}"
    assert second.source_id == f"kasimov/msg:1001:{to_kasimov['id']}"
    assert run.intake.cursor("vk:cur")["ts"] and run.intake.cursor("vk:kasimov")["ts"]
    _publish(api, first.id, "Отопление дадут сегодня.")
    _publish(api, second.id, "Бригада выехала.")
    assert run.run_round().sent == 2
    assert [m["text"] for m in main.sent_to(1001)] == ["Отопление дадут сегодня."]
    assert [m["text"] for m in kasimov.sent_to(1001)] == ["Бригада выехала."]
    again = ChannelRunner(
        load_context(seeded_url),
        [named(vk_channel(main), "cur"), named(vk_channel(kasimov), "kasimov")],
    )
    assert again.run_round().sent == 0 and len(vk_incidents(seeded_url)) == 2


KASIMOV_MAILBOX = "kasimov@kasimov.region.example"


@pytest.fixture
def two_mail():
    with ImapServer() as imap1, SmtpServer() as smtp1, ImapServer() as imap2, SmtpServer() as smtp2:
        yield (imap1, smtp1), (imap2, smtp2)


def two_mailboxes(url: str, cur, kasimov) -> ChannelRunner:
    mailboxes = [
        named(email_channel(*cur), "cur"),
        named(email_channel(*kasimov), "kasimov", address=KASIMOV_MAILBOX),
    ]
    return ChannelRunner(load_context(url), mailboxes)


def test_two_mailboxes_answer_each_letter_from_the_one_it_came_to(seeded_url, api, two_mail):
    (imap1, smtp1), (imap2, smtp2) = two_mail
    run = two_mailboxes(seeded_url, *two_mail)
    imap1.deliver(letter("Во дворе не вывозят мусор", message_id="a@citizen.example"))
    imap2.deliver(letter("В Касимове яма", message_id="b@citizen.example", to=KASIMOV_MAILBOX))
    assert run.run_round().fetched == 2
    to_cur, to_kasimov = email_incidents(seeded_url)
    # Message-IDs stay as they are: the mailbox is stored beside them.
    assert (to_cur.source_id, to_kasimov.source_id) == ("a@citizen.example", "b@citizen.example")
    with run.server.db.read() as s:
        stored = dict(s.query(ChannelMessage.message_id, ChannelMessage.adapter).all())
    assert stored == {"a@citizen.example": "cur", "b@citizen.example": "kasimov"}

    _publish(api, to_kasimov.id, "Яму заделают до пятницы.")
    _publish(api, to_cur.id, "Мусор вывезен.")
    assert run.run_round().sent == 2
    [from_cur] = smtp1.messages
    [from_kasimov] = smtp2.messages
    assert from_cur["In-Reply-To"] == "<a@citizen.example>"
    assert from_kasimov["In-Reply-To"] == "<b@citizen.example>"
    assert from_kasimov["From"] == KASIMOV_MAILBOX
    assert from_kasimov.get_content().strip() == "Яму заделают до пятницы."


def test_a_letter_stored_before_mailboxes_were_recorded_is_answered_by_the_first(
    seeded_url, api, two_mail
):
    (imap1, smtp1), (imap2, smtp2) = two_mail
    run = two_mailboxes(seeded_url, *two_mail)
    imap2.deliver(letter("В Касимове яма", to=KASIMOV_MAILBOX))
    run.run_round()
    with run.server.db.write() as s:  # as a row from before migration 0011
        s.query(ChannelMessage).update({ChannelMessage.adapter: None})
    [inc] = email_incidents(seeded_url)
    _publish(api, inc.id, "Яму заделают.")
    assert run.run_round().sent == 1
    assert len(smtp1.messages) == 1 and smtp2.messages == []
