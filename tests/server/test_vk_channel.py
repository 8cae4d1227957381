"""The VK channel against a local VK API and Bots Long Poll server (tests/support/vk_api.py)
over HTTP: private messages and wall comments in, replies out. Nothing mocked."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from cur_desktop.models.domain import Channel
from cur_server.channels.config import Secret, VkConfig
from cur_server.channels.delivery import RetryPolicy, claim_due
from cur_server.channels.runner import ChannelRunner
from cur_server.channels.vk_channel import VkChannel, random_id
from cur_server.context import load_context
from cur_server.tables import ChannelMessage, Delivery, Incident
from tests.support.vk_api import GROUP, TOKEN, VkApi


@pytest.fixture
def vk():
    with VkApi() as api:
        yield api


def vk_channel(vk: VkApi, **kw) -> VkChannel:
    config = VkConfig(
        name="group",
        group_id=GROUP,
        token=Secret(kw.pop("token", TOKEN)),
        api_url=vk.url,
        default_municipality=kw.pop("default_municipality", "ryazan"),
        timeout=10,
        **kw,
    )
    return VkChannel(config)


def runner(url: str, vk: VkApi, retry: RetryPolicy | None = None, **kw) -> ChannelRunner:
    run = ChannelRunner(load_context(url), [vk_channel(vk, **kw)], retry=retry or RetryPolicy())
    run.run_round()  # the first round takes the long-poll ts: what comes next is read
    return run


def vk_incidents(url: str) -> list[Incident]:
    through = select(ChannelMessage.incident_id).where(ChannelMessage.channel == "vk")
    with load_context(url).db.read() as s:
        return list(
            s.scalars(
                select(Incident)
                .where(Incident.channel == "vk", Incident.id.in_(through))
                .order_by(Incident.id)
            )
        )


def _publish(api, incident_id: int, text: str, kind: str = "final") -> dict:
    lead = api("supervisor1")
    lead.one("claim", incident_id)
    r = lead.one("add_reply", incident_id, {"kind": kind, "text": text})
    assert r["outcome"] == "applied", r
    return r["incident"]


def test_messages_and_comments_become_incidents_once_across_runs_and_a_restart(seeded_url, vk):
    run = runner(seeded_url, vk)
    msg = vk.user_writes("Во дворе дома 5 не вывозят мусор")
    comment = vk.user_comments("На остановке разбито стекло", post_id=77)
    assert run.run_round().fetched == 2
    dm, wall = vk_incidents(seeded_url)
    assert dm.source_id == f"msg:1001:{msg['id']}" and dm.author_name == "Ирина Соколова"
    assert wall.source_id == f"wall:-{GROUP}_77:{comment['id']}"
    assert wall.author_name == "Пётр Иванов"
    assert wall.source_url == f"https://vk.com/wall-{GROUP}_77?reply={comment['id']}"
    assert run.run_round().fetched == 0

    vk.user_writes("Ещё одна жалоба", from_id=1002)
    restarted = ChannelRunner(load_context(seeded_url), [vk_channel(vk)])
    assert restarted.run_round().fetched == 1
    # The stored ts lost (a restored backup): the batch read again is known.
    restarted.intake.save_cursor("vk:group", {"ts": "1"})
    restarted.run_round()
    assert len(vk_incidents(seeded_url)) == 3


def test_long_poll_failures_1_2_3_are_recovered(seeded_url, vk, caplog):
    run = runner(seeded_url, vk)
    vk.expire_key()  # failed: 2 — a new key, the same ts: nothing lost
    vk.user_writes("Первое")
    assert run.run_round().fetched == 1
    vk.state.lose_information = True  # failed: 3 — a new key and ts
    vk.user_writes("Второе")
    report = run.run_round()
    assert not report.errors
    vk.user_writes("Третье")
    vk.lose_history()  # failed: 1 — history out of date: go on from the new ts, logged
    caplog.set_level(logging.WARNING)
    assert not run.run_round().errors
    assert "lost" in caplog.text
    vk.user_writes("Четвёртое")
    assert run.run_round().fetched == 1
    texts = [i.text for i in vk_incidents(seeded_url)]
    assert texts[0] == "Первое" and texts[-1] == "Четвёртое"
    assert len(vk.calls_of("groups.getLongPollServer")) >= 3


def _incident_with_reply(seeded_url, api, vk, *, wall: bool, text="Мусор вывезен.", **kw):
    run = runner(seeded_url, vk, **kw)
    src = (
        vk.user_comments("Во дворе не вывозят мусор")
        if wall
        else vk.user_writes("Во дворе не вывозят мусор")
    )
    run.run_round()
    [inc] = vk_incidents(seeded_url)
    return run, src, _publish(api, inc.id, text)


def test_a_comment_is_answered_under_the_post_once_even_after_a_crash(seeded_url, api, vk):
    run, comment, published = _incident_with_reply(seeded_url, api, vk, wall=True)
    policy = RetryPolicy(lease=timedelta(minutes=10))
    [claimed] = claim_due(run.server, Channel.VK, "dead", datetime.now(UTC), policy)
    run.adapters[0].deliver(claimed)  # sent; the process dies before confirming
    # Even the adapter's own record of it lost: VK drops the repeat by its guid.
    run.intake.save_cursor(f"vk:group:sent:{claimed.idempotency_key}", {})
    later = ChannelRunner(
        load_context(seeded_url), [vk_channel(vk)], retry=RetryPolicy(lease=timedelta(0))
    )
    assert later.run_round().sent == 1
    [answer] = vk.community_comments()
    assert answer["text"] == "Мусор вывезен." and answer["reply_to_comment"] == comment["id"]
    calls = vk.calls_of("wall.createComment")
    assert len(calls) == 2 and {c["guid"] for c in calls} == {claimed.idempotency_key}
    assert calls[0]["owner_id"] == str(-GROUP) and calls[0]["post_id"] == "77"
    assert calls[0]["from_group"] == str(GROUP)
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    assert inc["replies"][0]["delivery_state"] == "sent" and inc["final_answered_at"]
    # The community's own comment comes back as an event: not an incident; the citizen
    # replying to it joins the incident.
    vk.user_comments("Спасибо, но не всё", reply_to_comment=answer["id"])
    later.run_round()
    assert len(vk_incidents(seeded_url)) == 1


def test_a_private_message_is_answered_by_messages_send_once(seeded_url, api, vk):
    run, msg, published = _incident_with_reply(seeded_url, api, vk, wall=False)
    assert run.run_round().sent == 1
    [answer] = vk.sent_to(1001)
    assert answer["text"] == "Мусор вывезен." and answer["reply_to"] == msg["id"]
    [params] = vk.calls_of("messages.send")
    key = f"cur-reply-{published['replies'][0]['id']}"
    assert params["random_id"] == str(random_id(key))
    assert run.run_round().sent == 0 and len(vk.sent_to(1001)) == 1
    vk.user_writes("А когда следующий вывоз?", reply_to=answer["id"])
    run.run_round()
    assert len(vk_incidents(seeded_url)) == 1


def test_a_long_answer_goes_in_parts_each_once(seeded_url, api, vk):
    paragraph = ("Работы выполнены в полном объёме. " * 60).strip()
    text = "\n\n".join(f"{n}. {paragraph}" for n in range(3))  # ~6,100 characters
    run, msg, published = _incident_with_reply(
        seeded_url, api, vk, wall=False, text=text, retry=RetryPolicy(backoff=timedelta(0))
    )
    vk.fail("messages.send", 10, "Internal server error", after=1)
    assert run.run_round().retried == 1
    with run.server.db.write() as s:
        s.scalars(select(Delivery)).one().next_attempt_at = datetime.now(UTC)
    assert run.run_round().sent == 1
    parts = vk.sent_to(1001)
    assert len(parts) == 2 and "\n\n".join(p["text"] for p in parts) == text
    assert len({p["id"] for p in parts}) == 2


@pytest.mark.parametrize(
    ("code", "message", "state", "needle"),
    [
        (6, "Too many requests per second", "queued", "waiting a second"),
        (9, "Flood control", "queued", "9"),
        (14, "Captcha needed", "queued", "captcha"),
        (901, "Can't send messages for users without permission", "failed", "does not accept"),
        (5, "User authorization failed: invalid access_token", "failed", "token"),
    ],
)
def test_vk_errors_are_retried_or_final(seeded_url, api, vk, code, message, state, needle):
    run, msg, published = _incident_with_reply(
        seeded_url, api, vk, wall=False, retry=RetryPolicy(max_attempts=3)
    )
    vk.fail("messages.send", code, message)
    run.run_round()
    with run.server.db.read() as s:
        d = s.scalars(select(Delivery)).one()
    assert d.state == state and needle in d.last_error and TOKEN not in d.last_error
    if code == 6:
        assert d.attempts == 0  # VK's own wait uses up no try
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    if state == "failed":
        assert inc["status"] == "reopened" and str(code) in inc["replies"][0]["delivery_error"]
    else:
        assert inc["replies"][0]["delivery_state"] == "queued"


def test_a_revoked_token_stops_intake_with_a_clear_error_and_no_token(seeded_url, vk, caplog):
    caplog.set_level(logging.DEBUG)
    run = runner(seeded_url, vk)
    vk.state.token = "vk1.a.new-token"
    [error] = run.run_round().errors
    assert "invalid or revoked" in error and TOKEN not in error
    assert TOKEN not in caplog.text


def test_the_vk_configuration(monkeypatch):
    from cur_server.channels.config import ConfigError, parse_config
    from cur_server.channels.runner import adapters_from

    with pytest.raises(ConfigError, match="token_env or token_file") as e:
        parse_config({"vk": [{"name": "g", "group_id": 1, "token": TOKEN}]})
    assert TOKEN not in str(e.value)
    monkeypatch.setenv("CUR_TEST_VK_TOKEN", TOKEN)
    with pytest.raises(ConfigError, match="group_id"):
        parse_config({"vk": [{"name": "g", "token_env": "CUR_TEST_VK_TOKEN"}]})
    config = parse_config(
        {"vk": [{"name": "g", "group_id": -GROUP, "token_env": "CUR_TEST_VK_TOKEN"}]}
    )
    [group] = config.vk
    assert group.group_id == GROUP and TOKEN not in repr(config)
    [adapter] = adapters_from(config)
    assert isinstance(adapter, VkChannel)
