"""The Telegram channel against a local Bot API (tests/support/telegram_api.py) over HTTP:
getUpdates intake with the offset kept in the database, sendMessage delivery. Nothing mocked."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from cur_desktop.models.domain import Channel
from cur_server.channels.config import Secret, TelegramConfig
from cur_server.channels.delivery import RetryPolicy, claim_due
from cur_server.channels.runner import ChannelRunner
from cur_server.channels.telegram_channel import TelegramChannel, split_text, utf16_len
from cur_server.context import load_context
from cur_server.tables import ChannelMessage, ChannelReject, Delivery, Incident
from tests.support.telegram_api import TOKEN, TelegramApi

CITIZEN = 5_550_001


@pytest.fixture
def tg():
    with TelegramApi() as api:
        yield api


def telegram_channel(tg: TelegramApi, **kw) -> TelegramChannel:
    config = TelegramConfig(
        name="bot",
        token=Secret(kw.pop("token", TOKEN)),
        api_url=tg.url,
        default_municipality=kw.pop("default_municipality", "ryazan"),
        chats={"-100200300": "kasimov"},
        timeout=10,
        **kw,
    )
    return TelegramChannel(config)


def runner(url: str, tg: TelegramApi, retry: RetryPolicy | None = None, **kw) -> ChannelRunner:
    return ChannelRunner(
        load_context(url), [telegram_channel(tg, **kw)], retry=retry or RetryPolicy()
    )


def tg_incidents(url: str) -> list[Incident]:
    """The Telegram incidents that came through the bot (the demo data has collectors' ones)."""
    through_bot = select(ChannelMessage.incident_id).where(ChannelMessage.channel == "telegram")
    with load_context(url).db.read() as s:
        return list(
            s.scalars(
                select(Incident)
                .where(Incident.channel == "telegram", Incident.id.in_(through_bot))
                .order_by(Incident.id)
            )
        )


def events(api, incident_id: int) -> list[dict]:
    return api("supervisor1").get(f"/api/v1/incidents/{incident_id}").json()["events"]


# --- intake -----------------------------------------------------------------------------------


def test_messages_become_incidents_once_across_runs_and_a_restart(seeded_url, tg):
    first = tg.user_says("Во дворе дома 5 на улице Ленина не вывозят мусор.", username="irina_s")
    tg.user_says(
        "На остановке разбито стекло",
        chat_id=-100200300,
        chat_type="supergroup",
        chat_title="Касимов: жалобы",
        chat_username="kasimov_talk",
        first_name="Пётр",
        last_name=None,
    )
    run = runner(seeded_url, tg)
    assert run.run_round().fetched == 2
    private, group = tg_incidents(seeded_url)
    assert private.source_id == f"{CITIZEN}:{first['message_id']}"
    assert private.author_name == "Ирина Соколова (@irina_s)"
    assert private.text == "Во дворе дома 5 на улице Ленина не вывозят мусор."
    assert group.author_name == "Пётр" and group.source_url == "https://t.me/kasimov_talk/101"
    with run.server.db.read() as s:
        munis = {
            i.id: s.scalar(select(Incident.municipality_id).where(Incident.id == i.id))
            for i in (private, group)
        }
    assert munis[private.id] != munis[group.id]  # the mapped chat's municipality
    assert run.intake.cursor("telegram:bot")["offset"] == tg.state.updates[-1]["update_id"] + 1

    # Nothing new: nothing fetched; the offset passed confirmed both updates to Telegram.
    assert run.run_round().fetched == 0
    assert tg.state.updates == []
    assert tg.calls_of("getUpdates")[-1]["offset"] == tg.state.confirmed

    # A restart (a new process, a new adapter) goes on from the stored offset.
    tg.user_says("И ещё: контейнер сломан")
    restarted = runner(seeded_url, tg)
    assert restarted.run_round().fetched == 1
    assert len(tg_incidents(seeded_url)) == 3


def test_a_restart_before_the_offset_was_confirmed_stores_nothing_twice(seeded_url, tg):
    tg.user_says("Яма на дороге у школы №3")
    run = runner(seeded_url, tg)
    run.run_round()
    # The process died before its next getUpdates confirmed the offset, and the stored offset
    # is lost too (a restored backup): Telegram sends the update again; it is known.
    run.intake.save_cursor("telegram:bot", {})
    tg.state.updates = [{"update_id": 815_000_001, "message": tg.state.messages[CITIZEN][101]}]
    assert runner(seeded_url, tg).run_round().fetched == 1
    assert len(tg_incidents(seeded_url)) == 1


def test_an_edit_joins_its_incident_and_a_reply_to_the_bot_continues_it(seeded_url, api, tg):
    msg = tg.user_says("Нет отопления в доме 7")
    run = runner(seeded_url, tg)
    run.run_round()
    tg.user_edits(msg, "Нет отопления в доме 7, корпус 2")
    run.run_round()
    [inc] = tg_incidents(seeded_url)
    [followup] = [e for e in events(api, inc.id) if e["kind"] == "followup"]
    assert followup["data"]["text"].endswith("Нет отопления в доме 7, корпус 2")
    assert followup["data"]["text"].startswith("Исправленный текст")

    _publish(api, inc.id, "Отопление включат сегодня.")
    run.run_round()
    [answer] = tg.sent_to(CITIZEN)
    tg.user_says("Спасибо, но так и не включили", reply_to=answer["message_id"])
    run.run_round()
    assert len(tg_incidents(seeded_url)) == 1
    texts = [e["data"]["text"] for e in events(api, inc.id) if e["kind"] == "followup"]
    assert texts[-1] == "Спасибо, но так и не включили"


def test_what_cannot_be_an_incident_is_kept_and_intake_goes_on(seeded_url, tg):
    tg.user_says("", caption=True)  # a sticker-like message without text
    tg.user_says("Нормальное сообщение")
    run = runner(seeded_url, tg, default_municipality=None)
    tg.user_says("Из чата с районом", chat_id=-100200300, chat_type="group", chat_title="Чат")
    report = run.run_round()
    assert report.fetched == 3 and not report.errors
    [inc] = tg_incidents(seeded_url)
    assert inc.text == "Из чата с районом"
    with run.server.db.read() as s:
        kept = {r.reason for r in s.scalars(select(ChannelReject))}
    assert kept == {"empty", "unknown_municipality"}


def test_a_revoked_token_is_a_clear_error_of_the_round_that_never_shows_the_token(
    seeded_url, tg, caplog
):
    run = runner(seeded_url, tg)
    tg.revoke_token()
    caplog.set_level(logging.DEBUG)
    report = run.run_round()
    assert report.fetched == 0
    [error] = report.errors
    assert "401" in error and "revoked" in error
    assert TOKEN not in error and TOKEN.split(":")[1] not in caplog.text
    # The API away entirely: requests' own message names the URL; none of it comes through.
    gone = runner(seeded_url, tg)
    gone.adapters[0].config = TelegramConfig(
        name="bot", token=Secret(TOKEN), api_url="http://127.0.0.1:9", timeout=2
    )
    [error] = gone.run_round().errors
    assert "unreachable" in error and TOKEN not in error
    assert TOKEN.split(":")[1] not in caplog.text
    assert "Secret('***')" in repr(gone.adapters[0].config)


# --- delivery ---------------------------------------------------------------------------------


def _publish(api, incident_id: int, text: str, kind: str = "final") -> dict:
    lead = api("supervisor1")
    lead.one("claim", incident_id)
    r = lead.one("add_reply", incident_id, {"kind": kind, "text": text})
    assert r["outcome"] == "applied", r
    return r["incident"]


def _incident_with_reply(seeded_url, api, tg, text="Мусор вывезен 3 декабря.", **kw):
    msg = tg.user_says("Во дворе не вывозят мусор")
    run = runner(seeded_url, tg, **kw)
    run.run_round()
    [inc] = tg_incidents(seeded_url)
    return run, msg, _publish(api, inc.id, text)


def test_a_reply_answers_the_citizens_message_once_and_then_counts(seeded_url, api, tg):
    run, msg, published = _incident_with_reply(seeded_url, api, tg)
    [reply] = published["replies"]
    assert reply["delivery_state"] == "queued" and published["first_answered_at"] is None
    assert run.run_round().sent == 1
    [sent] = tg.sent_to(CITIZEN)
    assert sent["text"] == "Мусор вывезен 3 декабря."
    assert sent["reply_to_message"]["message_id"] == msg["message_id"]
    [params] = tg.calls_of("sendMessage")
    assert params["reply_parameters"]["message_id"] == msg["message_id"]
    assert params["reply_parameters"]["chat_id"] == CITIZEN
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    assert inc["replies"][0]["delivery_state"] == "sent"
    assert inc["final_answered_at"] == inc["replies"][0]["delivered_at"]
    assert run.run_round().sent == 0 and len(tg.sent_to(CITIZEN)) == 1


def test_a_crash_between_sending_and_confirming_sends_nothing_twice(seeded_url, api, tg):
    run, msg, published = _incident_with_reply(seeded_url, api, tg)
    policy = RetryPolicy(lease=timedelta(minutes=10))
    [claimed] = claim_due(run.server, Channel.TELEGRAM, "dead", datetime.now(UTC), policy)
    run.adapters[0].deliver(claimed)  # sent; the process dies before confirm_sent
    assert len(tg.sent_to(CITIZEN)) == 1
    later = ChannelRunner(
        load_context(seeded_url), [telegram_channel(tg)], retry=RetryPolicy(lease=timedelta(0))
    )
    assert later.run_round().sent == 1
    assert len(tg.sent_to(CITIZEN)) == 1 and len(tg.calls_of("sendMessage")) == 1
    with later.server.db.read() as s:
        d = s.scalars(select(Delivery)).one()
        assert d.state == "sent"


def test_a_long_reply_goes_in_order_in_parts_and_a_failed_part_is_not_resent(seeded_url, api, tg):
    paragraph = "Сообщаем, что работы по вывозу мусора выполнены в полном объёме. " * 30
    text = "\n\n".join(f"{n}. {paragraph.strip()}" for n in range(1, 6))  # ~9,800 characters
    run, msg, published = _incident_with_reply(
        seeded_url, api, tg, text=text, retry=RetryPolicy(backoff=timedelta(0))
    )
    # The second part meets a Bot API outage; the first is already with the citizen.
    tg.fail("sendMessage", 502, "Bad Gateway", after=1)
    report = run.run_round()
    assert report.retried == 1
    assert len(tg.sent_to(CITIZEN)) == 1
    with run.server.db.write() as s:
        d = s.scalars(select(Delivery)).one()
        assert "502" in d.last_error
        d.next_attempt_at = datetime.now(UTC)
    assert run.run_round().sent == 1
    parts = tg.sent_to(CITIZEN)
    assert len(parts) == 3
    assert all(utf16_len(p["text"]) <= 4096 for p in parts)
    assert "\n\n".join(p["text"] for p in parts) == text
    assert parts[0]["reply_to_message"]["message_id"] == msg["message_id"]
    assert "reply_to_message" not in parts[1]
    # Every part is a message of the conversation: the citizen answering any joins the case.
    with run.server.db.read() as s:
        out = s.scalars(
            select(ChannelMessage.message_id).where(ChannelMessage.direction == "out")
        ).all()
    assert sorted(out) == sorted(f"{CITIZEN}:{p['message_id']}" for p in parts)


def test_flood_control_is_honoured_without_using_up_a_try(seeded_url, api, tg):
    policy = RetryPolicy(max_attempts=1)
    run, msg, published = _incident_with_reply(seeded_url, api, tg, retry=policy)
    tg.fail("sendMessage", 429, "Too Many Requests: retry after 37", retry_after=37)
    report = run.run_round()
    assert report.retried == 1 and report.failed == 0
    with run.server.db.write() as s:
        d = s.scalars(select(Delivery)).one()
        assert d.state == "queued" and d.attempts == 0 and "429" in d.last_error
        wait = (d.next_attempt_at - datetime.now(UTC)).total_seconds()
        assert 30 < wait <= 37
    assert run.run_round().sent == 0  # not before Telegram's time
    with run.server.db.write() as s:
        s.scalars(select(Delivery)).one().next_attempt_at = datetime.now(UTC)
    assert run.run_round().sent == 1 and len(tg.sent_to(CITIZEN)) == 1


def test_a_blocked_bot_fails_for_good_with_the_reason(seeded_url, api, tg):
    run, msg, published = _incident_with_reply(seeded_url, api, tg)
    tg.block(CITIZEN)
    assert run.run_round().failed == 1
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    [reply] = inc["replies"]
    assert reply["delivery_state"] == "failed"
    assert "blocked the bot" in reply["delivery_error"] and "403" in reply["delivery_error"]
    assert inc["status"] == "reopened"


def test_a_deleted_message_is_answered_without_the_quote(seeded_url, api, tg):
    run, msg, published = _incident_with_reply(seeded_url, api, tg)
    tg.delete(CITIZEN, msg["message_id"])
    tg.fail("sendMessage", 400, "Bad Request: message to be replied not found")
    assert run.run_round().sent == 1
    [sent] = tg.sent_to(CITIZEN)
    assert "reply_to_message" not in sent
    assert "reply_parameters" not in tg.calls_of("sendMessage")[-1]


def test_a_revoked_token_or_an_outage_on_delivery(seeded_url, api, tg, caplog):
    caplog.set_level(logging.DEBUG)
    run, msg, published = _incident_with_reply(
        seeded_url, api, tg, retry=RetryPolicy(backoff=timedelta(0))
    )
    tg.fail_html("sendMessage", 502)
    assert run.run_round().retried == 1
    tg.fail("sendMessage", 500, "Internal Server Error")
    assert run.run_round().retried == 1
    tg.revoke_token()
    assert run.run_round().failed == 1
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    error = inc["replies"][0]["delivery_error"]
    assert "401" in error and "revoked" in error and TOKEN not in error
    assert TOKEN.split(":")[1] not in caplog.text
    assert not tg.sent_to(CITIZEN)


def test_a_collectors_telegram_incident_is_still_answered_on_publishing(seeded_url, api, tg):
    """An incident a collector brought (no conversation with the bot) has no chat to answer in:
    publishing stays the answer there, as before the bot."""
    from cur_desktop.models.contract import IngestItem, IngestRequest
    from cur_server.ingest import ingest

    item = IngestItem(
        channel=Channel.TELEGRAM,
        source_id="collector-post-1",
        text="Пост в городском канале про сломанный светофор",
        received_at=datetime.now(UTC),
        municipality_code="ryazan",
    )
    [result] = ingest(load_context(seeded_url), None, IngestRequest(items=[item])).results
    published = _publish(api, result.incident_id, "Светофор починили.")
    assert published["replies"][-1]["delivery_state"] in (None, "")
    assert published["final_answered_at"] is not None
    assert runner(seeded_url, tg).run_round().sent == 0


def test_split_text_keeps_words_and_surrogate_pairs():
    assert split_text("короткий") == ["короткий"]
    emoji = "😀" * 3000  # 6,000 UTF-16 units
    parts = split_text(emoji)
    assert "".join(parts) == emoji and all(utf16_len(p) <= 4096 for p in parts)
    words = ("слово " * 1500).strip()
    parts = split_text(words)
    assert " ".join(parts) == words and all(not p.endswith(" ") for p in parts)


def test_the_token_is_never_written_into_the_configuration(tmp_path, monkeypatch):
    from cur_server.channels.config import ConfigError, parse_config
    from cur_server.channels.runner import adapters_from

    with pytest.raises(ConfigError, match="token_env or token_file") as e:
        parse_config({"telegram": [{"name": "bot", "token": TOKEN}]})
    assert TOKEN not in str(e.value)
    with pytest.raises(ConfigError, match="token is missing"):
        parse_config({"telegram": [{"name": "bot"}]})
    monkeypatch.setenv("CUR_TEST_TG_TOKEN", TOKEN)
    two = {"token_env": "CUR_TEST_TG_TOKEN"}
    assert (
        len(parse_config({"telegram": [{"name": "a", **two}, {"name": "b", **two}]}).telegram) == 2
    )
    with pytest.raises(ConfigError, match="1-32 letters"):
        parse_config({"telegram": [{"name": "a", **two}, {"name": "b/c", **two}]})
    config = parse_config(
        {
            "telegram": [
                {
                    "name": "bot",
                    "token_env": "CUR_TEST_TG_TOKEN",
                    "default_municipality": "ryazan",
                    "chats": {-100200300: "kasimov"},
                    "api_url": "http://127.0.0.1:1/",
                }
            ]
        }
    )
    [bot] = config.telegram
    assert bot.token.reveal() == TOKEN and TOKEN not in repr(config)
    assert bot.chats == {"-100200300": "kasimov"} and bot.api_url == "http://127.0.0.1:1"
    [adapter] = adapters_from(config)
    assert isinstance(adapter, TelegramChannel)


def test_one_round_from_the_command_line_with_the_token_in_a_file(seeded_url, tg, tmp_path):
    import json
    import os

    from tests.server.test_cli import run

    secret = tmp_path / "telegram.secret"
    secret.write_text(TOKEN + "\n")
    os.chmod(secret, 0o600)
    config = tmp_path / "channels.toml"
    config.write_text(
        f"""
[[telegram]]
name = "bot"
token_file = "{secret}"
api_url = "{tg.url}"
default_municipality = "ryazan"
""",
        encoding="utf-8",
    )
    tg.user_says("Не горит фонарь у дома 3")
    args = ("channels", "--database-url", seeded_url, "--config", str(config), "--once")
    r = run(*args)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["fetched"] == 1
    tg.revoke_token()
    r = run(*args)
    assert r.returncode == 1 and "revoked" in r.stderr
    assert TOKEN.split(":")[1] not in r.stderr + r.stdout
