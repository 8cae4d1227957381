"""The OK channel against a local Bot API (tests/support/ok_api.py) over HTTP: long polling
intake with the marker kept in the database, POST /graph/me/messages delivery. Nothing mocked."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from cur_desktop.models.domain import Channel
from cur_server.channels.config import OkConfig, Secret
from cur_server.channels.delivery import RetryPolicy, claim_due
from cur_server.channels.ok_channel import OkChannel
from cur_server.channels.runner import ChannelRunner
from cur_server.context import load_context
from cur_server.tables import ChannelMessage, ChannelReject, Delivery, Incident, Municipality
from tests.support.ok_api import PRIVATE_CHAT, TOKEN, OkApi

GROUP_CHAT = "chat:C9kasimov00001"
SECRET_PART = TOKEN.split(":")[1]


@pytest.fixture
def ok():
    with OkApi() as api:
        yield api


def ok_channel(ok: OkApi, **kw) -> OkChannel:
    config = OkConfig(
        name="group",
        token=Secret(kw.pop("token", TOKEN)),
        api_url=ok.url,
        default_municipality=kw.pop("default_municipality", "ryazan"),
        chats={GROUP_CHAT: "kasimov"},
        timeout=10,
        **kw,
    )
    return OkChannel(config)


def runner(url: str, ok: OkApi, retry: RetryPolicy | None = None, **kw) -> ChannelRunner:
    return ChannelRunner(load_context(url), [ok_channel(ok, **kw)], retry=retry or RetryPolicy())


def ok_incidents(url: str) -> list[Incident]:
    """The OK incidents that came through the bot (the demo data has collectors' ones)."""
    through_bot = select(ChannelMessage.incident_id).where(ChannelMessage.channel == "ok")
    with load_context(url).db.read() as s:
        return list(
            s.scalars(
                select(Incident)
                .where(Incident.channel == "ok", Incident.id.in_(through_bot))
                .order_by(Incident.id)
            )
        )


def events(api, incident_id: int) -> list[dict]:
    return api("supervisor1").get(f"/api/v1/incidents/{incident_id}").json()["events"]


# --- intake -----------------------------------------------------------------------------------


def test_messages_become_incidents_once_across_runs_and_a_restart(seeded_url, ok):
    first = ok.user_says("Во дворе дома 5 на улице Ленина не вывозят мусор.")
    ok.user_says("На остановке разбито стекло", chat_id=GROUP_CHAT, name="Пётр Иванов")
    run = runner(seeded_url, ok)
    report = run.run_round()
    assert report.fetched == 2 and not report.errors
    private, group = ok_incidents(seeded_url)
    assert private.source_id == first["message"]["mid"]
    assert private.author_name == "Ирина Соколова" and group.author_name == "Пётр Иванов"
    assert private.text == "Во дворе дома 5 на улице Ленина не вывозят мусор."
    with run.server.db.read() as s:
        codes = {i.id: s.get(Municipality, i.municipality_id).code for i in (private, group)}
    assert codes == {private.id: "ryazan", group.id: "kasimov"}  # the mapped chat's
    assert ok.state.subscribed and len(ok.calls_of("me/subscribe")) == 1
    assert run.intake.cursor("ok:group")["marker"] == str(first["message"]["seq"] + 1)

    # Nothing new: nothing fetched; the marker passed confirmed both events to OK.
    assert run.run_round().fetched == 0
    assert ok.state.events == [] and ok.calls_of("me/updates")[-1][0]["marker"] == "2"

    # A restart (a new process) goes on from the stored marker and does not subscribe again.
    ok.user_says("И ещё: контейнер сломан")
    assert runner(seeded_url, ok).run_round().fetched == 1
    assert len(ok_incidents(seeded_url)) == 3 and len(ok.calls_of("me/subscribe")) == 1


def test_a_restart_before_the_marker_was_stored_creates_nothing_twice(seeded_url, ok):
    ok.user_says("Яма на дороге у школы №3")
    run = runner(seeded_url, ok)
    run.run_round()
    # The stored marker is lost (a restored backup): OK sends the event again; it is known.
    run.intake.save_cursor("ok:group", {"subscribed": True})
    event = next(iter(ok.state.messages.values()))
    ok.state.events = [(1, {"sender": {"user_id": "user:1"}, "recipient": {"chat_id": PRIVATE_CHAT},
                            "message": {"mid": event["mid"], "text": event["text"]},
                            "timestamp": 1764900000000})]  # fmt: skip
    assert runner(seeded_url, ok).run_round().fetched == 1
    assert len(ok_incidents(seeded_url)) == 1


def test_what_cannot_be_an_incident_is_kept_and_intake_goes_on(seeded_url, ok):
    ok.user_says("")  # a sticker without text
    ok.user_says("Из чата без района", chat_id="chat:Cunmapped")
    ok.user_says("Из чата с районом", chat_id=GROUP_CHAT)
    ok.state.events.append((99, {"webhookType": "MESSAGE_CREATED", "message": {"text": "x"}}))
    report = runner(seeded_url, ok, default_municipality=None).run_round()
    assert report.fetched == 4 and not report.errors
    [inc] = ok_incidents(seeded_url)
    assert inc.text == "Из чата с районом"
    with load_context(seeded_url).db.read() as s:
        kept = {r.reason for r in s.scalars(select(ChannelReject))}
    assert kept == {"empty", "unknown_municipality", "malformed"}


def test_a_revoked_token_is_a_clear_error_of_the_round_that_never_shows_it(seeded_url, ok, caplog):
    caplog.set_level(logging.DEBUG)
    run = runner(seeded_url, ok)
    ok.revoke_token()
    [error] = run.run_round().errors
    assert "102" in error and "revoked" in error and SECRET_PART not in error
    gone = runner(seeded_url, ok)
    gone.adapters[0].config = OkConfig(
        name="group", token=Secret(TOKEN), api_url="http://127.0.0.1:9", timeout=2
    )
    [error] = gone.run_round().errors
    assert "unreachable" in error and SECRET_PART not in error
    assert SECRET_PART not in caplog.text
    assert "access_token=***" in caplog.text  # urllib3's debug line, masked
    assert "Secret('***')" in repr(gone.adapters[0].config)


# --- delivery ---------------------------------------------------------------------------------


def _publish(api, incident_id: int, text: str, kind: str = "final") -> dict:
    lead = api("supervisor1")
    lead.one("claim", incident_id)
    r = lead.one("add_reply", incident_id, {"kind": kind, "text": text})
    assert r["outcome"] == "applied", r
    return r["incident"]


def _incident_with_reply(seeded_url, api, ok, text="Мусор вывезен 3 декабря.", **kw):
    event = ok.user_says("Во дворе не вывозят мусор")
    run = runner(seeded_url, ok, **kw)
    run.run_round()
    [inc] = ok_incidents(seeded_url)
    return run, event, _publish(api, inc.id, text)


def test_a_reply_answers_the_citizens_message_once_and_a_reply_to_it_continues(seeded_url, api, ok):
    run, event, published = _incident_with_reply(seeded_url, api, ok)
    [reply] = published["replies"]
    assert reply["delivery_state"] == "queued" and published["first_answered_at"] is None
    assert run.run_round().sent == 1
    [sent] = ok.sent_to(PRIVATE_CHAT)
    assert sent["text"] == "Мусор вывезен 3 декабря."
    assert sent["reply_to"] == event["message"]["mid"]
    [(query, body)] = ok.calls_of("me/messages")
    assert body == {
        "recipient": {"chat_id": PRIVATE_CHAT},
        "message": {"text": "Мусор вывезен 3 декабря.", "reply_to": event["message"]["mid"]},
    }
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    assert inc["replies"][0]["delivery_state"] == "sent"
    assert inc["final_answered_at"] == inc["replies"][0]["delivered_at"]
    assert run.run_round().sent == 0 and len(ok.sent_to(PRIVATE_CHAT)) == 1

    ok.user_says("Спасибо, но так и не вывезли", reply_to=sent["mid"])
    run.run_round()
    assert len(ok_incidents(seeded_url)) == 1
    texts = [e["data"]["text"] for e in events(api, published["id"]) if e["kind"] == "followup"]
    assert texts == ["Спасибо, но так и не вывезли"]


def test_a_crash_between_sending_and_confirming_sends_nothing_twice(seeded_url, api, ok):
    run, event, published = _incident_with_reply(seeded_url, api, ok)
    policy = RetryPolicy(lease=timedelta(minutes=10))
    [claimed] = claim_due(run.server, Channel.OK, "dead", datetime.now(UTC), policy)
    run.adapters[0].deliver(claimed)  # sent; the process dies before confirm_sent
    later = ChannelRunner(
        load_context(seeded_url), [ok_channel(ok)], retry=RetryPolicy(lease=timedelta(0))
    )
    assert later.run_round().sent == 1
    assert len(ok.sent_to(PRIVATE_CHAT)) == 1 and len(ok.calls_of("me/messages")) == 1
    with later.server.db.read() as s:
        assert s.scalars(select(Delivery)).one().state == "sent"


def test_a_long_reply_goes_in_parts_and_a_failed_part_is_not_resent(seeded_url, api, ok):
    paragraph = "Сообщаем, что работы по вывозу мусора выполнены в полном объёме. " * 30
    text = "\n\n".join(f"{n}. {paragraph.strip()}" for n in range(1, 5))  # ~7,800 characters
    run, event, published = _incident_with_reply(
        seeded_url, api, ok, text=text, retry=RetryPolicy(backoff=timedelta(0))
    )
    ok.fail("me/messages", 2, "SERVICE : Service temporarily unavailable", after=1)
    report = run.run_round()
    assert report.retried == 1 and len(ok.sent_to(PRIVATE_CHAT)) == 1
    with run.server.db.write() as s:
        d = s.scalars(select(Delivery)).one()
        assert "OK error 2" in d.last_error
        d.next_attempt_at = datetime.now(UTC)
    assert run.run_round().sent == 1
    parts = ok.sent_to(PRIVATE_CHAT)
    assert len(parts) >= 2 and all(len(p["text"]) <= 4000 for p in parts)
    assert "\n\n".join(p["text"] for p in parts) == text
    assert parts[0]["reply_to"] == event["message"]["mid"] and "reply_to" not in parts[1]


def test_errors_are_retried_or_fail_for_good_and_never_show_the_token(seeded_url, api, ok, caplog):
    caplog.set_level(logging.DEBUG)
    run, event, published = _incident_with_reply(
        seeded_url, api, ok, retry=RetryPolicy(backoff=timedelta(0), max_attempts=10)
    )
    ok.fail_html("me/messages", 502)
    assert run.run_round().retried == 1
    ok.fail("me/messages", 8, "FLOOD_BLOCKED : Flood blocked")
    assert run.run_round().retried == 1
    with run.server.db.read() as s:
        assert "flood" in s.scalars(select(Delivery)).one().last_error
    ok.revoke_token()
    assert run.run_round().failed == 1
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    error = inc["replies"][0]["delivery_error"]
    assert "102" in error and "revoked" in error and SECRET_PART not in error
    assert inc["status"] == "reopened"
    assert SECRET_PART not in caplog.text and not ok.sent_to(PRIVATE_CHAT)


def test_a_chat_closed_to_the_group_fails_for_good_with_the_reason(seeded_url, api, ok):
    run, event, published = _incident_with_reply(seeded_url, api, ok)
    ok.close_chat(PRIVATE_CHAT)
    assert run.run_round().failed == 1
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    [reply] = inc["replies"]
    assert reply["delivery_state"] == "failed" and "may not write" in reply["delivery_error"]
    assert "OK error 10" in reply["delivery_error"] and inc["status"] == "reopened"


# --- configuration ----------------------------------------------------------------------------


def test_the_token_is_never_written_into_the_configuration(monkeypatch):
    from cur_server.channels.config import ConfigError, parse_config
    from cur_server.channels.runner import adapters_from

    with pytest.raises(ConfigError, match="token_env or token_file") as e:
        parse_config({"ok": [{"name": "group", "token": TOKEN}]})
    assert SECRET_PART not in str(e.value)
    with pytest.raises(ConfigError, match="token is missing"):
        parse_config({"ok": [{"name": "group"}]})
    monkeypatch.setenv("CUR_TEST_OK_TOKEN", TOKEN)
    two = {"token_env": "CUR_TEST_OK_TOKEN"}
    assert len(parse_config({"ok": [{"name": "a", **two}, {"name": "b", **two}]}).ok) == 2
    with pytest.raises(ConfigError, match="its own name"):
        parse_config({"ok": [{"name": "a", **two}, {"name": "a", **two}]})
    config = parse_config(
        {
            "ok": [
                {
                    "name": "group",
                    "token_env": "CUR_TEST_OK_TOKEN",
                    "chats": {GROUP_CHAT: "kasimov"},
                    "api_url": "http://127.0.0.1:1/",
                }
            ]
        }
    )
    [group] = config.ok
    assert group.token.reveal() == TOKEN and SECRET_PART not in repr(config)
    assert group.chats == {GROUP_CHAT: "kasimov"} and group.api_url == "http://127.0.0.1:1"
    [adapter] = adapters_from(config)
    assert isinstance(adapter, OkChannel)


def test_one_round_from_the_command_line_with_the_token_in_a_file(seeded_url, ok, tmp_path):
    import json
    import os

    from tests.server.test_cli import run

    secret = tmp_path / "ok.secret"
    secret.write_text(TOKEN + "\n")
    os.chmod(secret, 0o600)
    config = tmp_path / "channels.toml"
    config.write_text(
        f"""
[[ok]]
name = "group"
token_file = "{secret}"
api_url = "{ok.url}"
default_municipality = "ryazan"
""",
        encoding="utf-8",
    )
    ok.user_says("Не горит фонарь у дома 3")
    args = ("channels", "--database-url", seeded_url, "--config", str(config), "--once")
    r = run(*args)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["fetched"] == 1
    ok.revoke_token()
    r = run(*args)
    assert r.returncode == 1 and "revoked" in r.stderr
    assert SECRET_PART not in r.stderr + r.stdout
