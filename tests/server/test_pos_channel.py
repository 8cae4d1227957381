"""The ПОС file exchange (docs/pos-exchange.md) against real folders: the region's side drops
batch files into the inbox and reads the outbox (tests/support/pos_exchange.py). Nothing mocked."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from cur_desktop.models.domain import Channel
from cur_server.channels.config import PosConfig, pos_key
from cur_server.channels.delivery import RetryPolicy, claim_due
from cur_server.channels.pos_channel import PosChannel
from cur_server.channels.runner import ChannelRunner
from cur_server.context import load_context
from cur_server.tables import (
    Category,
    ChannelMessage,
    ChannelReject,
    Delivery,
    Incident,
    Municipality,
)
from tests.support.pos_exchange import PosExchange


@pytest.fixture
def pos(tmp_path):
    return PosExchange(tmp_path / "pos")


def pos_channel(pos: PosExchange, **kw) -> PosChannel:
    config = PosConfig(
        name="pos",
        inbox=pos.inbox,
        outbox=pos.outbox,
        processed=pos.processed,
        rejected=pos.rejected,
        default_municipality=kw.pop("default_municipality", None),
        municipalities={pos_key(k): v for k, v in {"61701000": "ryazan"}.items()},
        categories={pos_key("Благоустройство"): "landscaping"},
        min_age_seconds=kw.pop("min_age_seconds", 0),
        **kw,
    )
    return PosChannel(config)


def runner(url: str, pos: PosExchange, retry: RetryPolicy | None = None, **kw) -> ChannelRunner:
    return ChannelRunner(load_context(url), [pos_channel(pos, **kw)], retry=retry or RetryPolicy())


def pos_incidents(url: str) -> list[Incident]:
    """The ПОС incidents that came through the exchange (the demo data has others)."""
    through = select(ChannelMessage.incident_id).where(ChannelMessage.channel == "pos")
    with load_context(url).db.read() as s:
        return list(
            s.scalars(
                select(Incident)
                .where(Incident.channel == "pos", Incident.id.in_(through))
                .order_by(Incident.id)
            )
        )


def municipality_code(url: str, incident: Incident) -> str:
    with load_context(url).db.read() as s:
        return s.get(Municipality, incident.municipality_id).code


# --- intake -----------------------------------------------------------------------------------


def test_a_dropped_file_becomes_incidents_once_across_a_redrop_and_a_restart(seeded_url, pos):
    first = pos.message("Во дворе дома 5 по улице Ленина не вывозят мусор.")
    second = pos.message(
        "Яма на дороге у школы №3",
        id=4_200_777,  # ПОС ids may come as numbers
        author=None,
        municipality={"name": "Городской округ  город Касимов"},  # by name, as in the database
        category="Дороги",  # not mapped: the incident has no category
        link=None,
    )
    pos.drop("batch-001.json", [first, second])
    run = runner(seeded_url, pos)
    report = run.run_round()
    assert report.fetched == 2 and not report.errors
    a, b = pos_incidents(seeded_url)
    assert a.source_id == first["id"] and b.source_id == "4200777"
    assert a.text == "Во дворе дома 5 по улице Ленина не вывозят мусор."
    assert a.author_name == "Мария Иванова" and b.author_name is None
    assert a.source_url == "https://pos.gosuslugi.ru/lkp/fb/"
    assert a.received_at == datetime(2026, 12, 5, 5, 40, tzinfo=UTC)
    assert municipality_code(seeded_url, a) == "ryazan"  # by OKTMO
    assert municipality_code(seeded_url, b) == "kasimov"  # by name
    with run.server.db.read() as s:
        assert s.get(Category, a.category_id).code == "landscaping"
        assert a.sector == s.get(Category, a.category_id).sector
    assert b.category_id is None
    assert pos.names(pos.inbox) == [] and pos.names(pos.processed) == ["batch-001.json"]
    assert pos.names(pos.rejected) == []

    # Nothing new: nothing fetched.
    assert run.run_round().fetched == 0
    # The same file dropped again (the integration resent it), and the same messages in a new
    # batch: read, and nothing created twice.
    pos.drop("batch-001.json", [first, second])
    pos.drop("batch-002.json", [second, first])
    restarted = runner(seeded_url, pos)
    assert restarted.run_round().fetched == 4
    assert len(pos_incidents(seeded_url)) == 2
    assert pos.names(pos.processed) == ["batch-001.json", "batch-002.json"]

    # A restart that finds a file still in the inbox (the process died before moving it).
    third = pos.message("Не горит фонарь у дома 3")
    path = pos.drop("batch-003.json", [first, third])
    saved = path.read_bytes()
    runner(seeded_url, pos).run_round()
    path.write_bytes(saved)  # as if it had never been moved
    assert runner(seeded_url, pos).run_round().fetched == 2
    assert len(pos_incidents(seeded_url)) == 3
    assert pos.names(pos.inbox) == [] and pos.names(pos.processed).count("batch-003.json") == 1


def test_a_malformed_file_and_a_bad_item_go_to_rejected_with_the_reason(seeded_url, pos):
    cut_off = b'{"messages": [{"id": "1", "text": "oops"'
    pos.drop("broken.json", raw=cut_off)
    pos.drop("not-a-batch.json", raw=json.dumps([{"id": "2"}]).encode())
    good = pos.message("Нет отопления в доме 7")
    pos.drop(
        "mixed.json",
        [
            pos.message("Без даты", created_at=None),
            good,
            pos.message("", id="4100999"),
            "не сообщение",
            pos.message("Без района", municipality={"oktmo": "00000000"}),
            pos.message("Наивная дата", created_at="2026-12-05T08:40:00"),
        ],
    )
    (pos.inbox / ".being-written.json.part").write_text("{")  # not a .json yet: left alone
    (pos.inbox / "notes.txt").write_text("not for the server")
    run = runner(seeded_url, pos)
    report = run.run_round()
    assert not report.errors and report.fetched == 6
    [inc] = pos_incidents(seeded_url)
    assert inc.source_id == good["id"]
    assert pos.names(pos.inbox) == [".being-written.json.part", "notes.txt"]
    assert pos.names(pos.processed) == ["mixed.json"]

    rejected = pos.names(pos.rejected)
    assert "broken.json" in rejected and "not-a-batch.json" in rejected
    reason = json.loads((pos.rejected / "broken.json.reason.json").read_text())
    assert reason["reason"] == "not_json" and reason["file"] == "broken.json"
    reason = json.loads((pos.rejected / "not-a-batch.json.reason.json").read_text())
    assert reason["reason"] == "bad_format"
    # The broken file is kept as it came, byte for byte.
    assert (pos.rejected / "broken.json").read_bytes() == cut_off

    items = {}
    for name in rejected:
        if ".item-" in name and name.endswith(".reason.json"):
            r = json.loads((pos.rejected / name).read_text())
            kept = json.loads((pos.rejected / name.replace(".reason.json", ".json")).read_text())
            items[r["item"]] = (r["reason"], kept)
            assert r["file"] == "mixed.json" and r["detail"]
    assert {n: why for n, (why, _) in items.items()} == {
        1: "bad_created_at",
        3: "missing_text",
        4: "not_an_object",
        5: "unknown_municipality",
        6: "bad_created_at",
    }
    assert items[4][1] == "не сообщение" and items[5][1]["text"] == "Без района"
    # The administrator sees them too (`cur-server channels --rejected`).
    with run.server.db.read() as s:
        reasons = {r.reason for r in s.scalars(select(ChannelReject))}
    assert {"not_json", "bad_format", "bad_created_at", "unknown_municipality"} <= reasons

    # The same bad file again: rejected again, nothing overwritten of the first, no crash.
    pos.drop("broken.json", raw=b"{also broken")
    assert not run.run_round().errors
    assert len([n for n in pos.names(pos.rejected) if n.startswith("broken")]) == 4


def test_a_file_still_being_copied_waits_and_a_missing_inbox_is_an_error_of_the_round(
    seeded_url, pos, tmp_path
):
    pos.drop("fresh.json", [pos.message("Только что")])
    assert runner(seeded_url, pos, min_age_seconds=3600).run_round().fetched == 0
    assert pos.names(pos.inbox) == ["fresh.json"]
    assert runner(seeded_url, pos).run_round().fetched == 1

    gone = PosExchange(tmp_path / "elsewhere")
    gone.inbox.rmdir()
    [error] = runner(seeded_url, gone).run_round().errors
    assert "inbox" in error and "does not exist" in error


def test_a_file_that_cannot_be_moved_stays_and_holds_up_no_other(seeded_url, pos):
    pos.drop("a.json", [pos.message("Первое")])
    pos.drop("b.json", [pos.message("Второе")])
    pos.processed.write_text("a file where the folder should be")
    run = runner(seeded_url, pos)
    report = run.run_round()
    [error] = report.errors
    assert "a.json" in error and "b.json" in error and "left in the inbox" in error
    assert len(pos_incidents(seeded_url)) == 2  # both files' messages were taken
    assert pos.names(pos.inbox) == ["a.json", "b.json"]
    pos.processed.unlink()
    report = run.run_round()
    assert not report.errors and report.fetched == 2
    assert len(pos_incidents(seeded_url)) == 2 and pos.names(pos.processed) == ["a.json", "b.json"]


# --- delivery ---------------------------------------------------------------------------------


def _publish(api, incident_id: int, text: str, kind: str = "final") -> dict:
    lead = api("supervisor1")
    lead.one("claim", incident_id)
    r = lead.one("add_reply", incident_id, {"kind": kind, "text": text})
    assert r["outcome"] == "applied", r
    return r["incident"]


def _incident_with_reply(seeded_url, api, pos, text="Мусор вывезен 5 декабря.", kind="final"):
    msg = pos.message("Во дворе не вывозят мусор")
    pos.drop("batch.json", [msg])
    run = runner(seeded_url, pos)
    run.run_round()
    [inc] = pos_incidents(seeded_url)
    return run, msg, _publish(api, inc.id, text, kind)


def test_a_reply_is_written_to_the_outbox_once_in_the_documented_shape(seeded_url, api, pos):
    run, msg, published = _incident_with_reply(seeded_url, api, pos)
    [reply] = published["replies"]
    assert reply["delivery_state"] == "queued" and published["first_answered_at"] is None
    assert run.run_round().sent == 1
    key = f"cur-reply-{reply['id']}"
    answers = pos.answers()
    assert list(answers) == [f"{key}.json"]
    answer = answers[f"{key}.json"]
    assert set(answer) == {
        "format",
        "idempotency_key",
        "message_id",
        "incident_number",
        "kind",
        "status",
        "text",
        "answered_at",
    }
    assert answer["format"] == "cur-pos-exchange/1"
    assert answer["idempotency_key"] == key and answer["message_id"] == msg["id"]
    assert answer["incident_number"] == published["number"]
    assert answer["kind"] == "final" and answer["status"] == "answered"
    assert answer["text"] == "Мусор вывезен 5 декабря."
    assert datetime.fromisoformat(answer["answered_at"]).tzinfo is not None
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    assert inc["replies"][0]["delivery_state"] == "sent"
    assert inc["final_answered_at"] == inc["replies"][0]["delivered_at"]
    # The integration takes the file away; nothing is written again.
    (pos.outbox / f"{key}.json").unlink()
    assert run.run_round().sent == 0 and pos.answers() == {}
    assert not [p for p in pos.outbox.iterdir()]  # no temporary file left behind


def test_an_interim_reply_reports_in_progress(seeded_url, api, pos):
    run, msg, published = _incident_with_reply(
        seeded_url, api, pos, text="Заявка передана в управляющую компанию.", kind="interim"
    )
    assert run.run_round().sent == 1
    [answer] = pos.answers().values()
    assert answer["kind"] == "interim" and answer["status"] == "in_progress"


def test_a_message_continuing_an_earlier_one_joins_its_incident(seeded_url, api, pos):
    run, msg, published = _incident_with_reply(seeded_url, api, pos)
    pos.drop(
        "batch-2.json", [pos.message("Уточняю: дом 5, второй подъезд", parent_id=int(msg["id"]))]
    )
    assert run.run_round().fetched == 1
    [inc] = pos_incidents(seeded_url)
    followups = [
        e["data"]["text"]
        for e in api("supervisor1").get(f"/api/v1/incidents/{inc.id}").json()["events"]
        if e["kind"] == "followup"
    ]
    assert followups == ["Уточняю: дом 5, второй подъезд"]
    # The answer still names the message the обращение began with.
    [answer] = pos.answers().values()
    assert answer["message_id"] == msg["id"]


def test_a_crash_between_writing_and_confirming_writes_the_reply_once(seeded_url, api, pos):
    run, msg, published = _incident_with_reply(seeded_url, api, pos)
    policy = RetryPolicy(lease=timedelta(minutes=10))
    # Crash 1: the file is written, the process dies before writing it down or confirming.
    [claimed] = claim_due(run.server, Channel.POS, "dead", datetime.now(UTC), policy)
    adapter = run.adapters[0]
    adapter.deliver(claimed)
    run.intake.save_cursor(adapter._journal_key(claimed), {})  # the note was never written
    [name] = pos.answers()
    first = (pos.outbox / name).read_bytes()
    later = ChannelRunner(
        load_context(seeded_url), [pos_channel(pos)], retry=RetryPolicy(lease=timedelta(0))
    )
    assert later.run_round().sent == 1
    assert list(pos.answers()) == [name]  # the same file overwritten, not a second one
    assert json.loads(first)["idempotency_key"] == pos.answers()[name]["idempotency_key"]
    with later.server.db.read() as s:
        d = s.scalars(select(Delivery)).one()
        assert d.state == "sent"


def test_a_crash_after_writing_it_down_confirms_without_writing_again(seeded_url, api, pos):
    run, msg, published = _incident_with_reply(seeded_url, api, pos)
    policy = RetryPolicy(lease=timedelta(minutes=10))
    [claimed] = claim_due(run.server, Channel.POS, "dead", datetime.now(UTC), policy)
    run.adapters[0].deliver(claimed)  # written and noted; the process dies before confirming
    [name] = pos.answers()
    (pos.outbox / name).unlink()  # the integration took it meanwhile
    later = ChannelRunner(
        load_context(seeded_url), [pos_channel(pos)], retry=RetryPolicy(lease=timedelta(0))
    )
    assert later.run_round().sent == 1
    assert pos.answers() == {}  # not written a second time
    inc = load_context(seeded_url)
    with inc.db.read() as s:
        assert s.scalars(select(Delivery)).one().state == "sent"


def test_an_outbox_that_cannot_be_written_is_retried(seeded_url, api, pos):
    run, msg, published = _incident_with_reply(seeded_url, api, pos)
    pos.outbox.parent.mkdir(parents=True, exist_ok=True)
    pos.outbox.write_text("a file where the folder should be")
    run = runner(seeded_url, pos, retry=RetryPolicy(backoff=timedelta(0)))
    report = run.run_round()
    assert report.retried == 1 and report.sent == 0
    with run.server.db.read() as s:
        d = s.scalars(select(Delivery)).one()
        assert d.state == "queued" and "outbox" in d.last_error
    pos.outbox.unlink()
    with run.server.db.write() as s:
        s.scalars(select(Delivery)).one().next_attempt_at = datetime.now(UTC)
    assert run.run_round().sent == 1 and len(pos.answers()) == 1


def test_a_pos_incident_not_from_the_exchange_is_still_answered_on_publishing(seeded_url, api, pos):
    from cur_desktop.models.contract import IngestItem, IngestRequest
    from cur_server.ingest import ingest

    item = IngestItem(
        channel=Channel.POS,
        source_id="collector-pos-1",
        text="Обращение, внесённое вручную",
        received_at=datetime.now(UTC),
        municipality_code="ryazan",
    )
    [result] = ingest(load_context(seeded_url), None, IngestRequest(items=[item])).results
    published = _publish(api, result.incident_id, "Ответ дан.")
    assert published["replies"][-1]["delivery_state"] in (None, "")
    assert published["final_answered_at"] is not None
    assert runner(seeded_url, pos).run_round().sent == 0 and pos.answers() == {}


# --- configuration ----------------------------------------------------------------------------


def test_the_configuration_names_the_folders(tmp_path):
    from cur_server.channels.config import ConfigError, parse_config
    from cur_server.channels.runner import adapters_from

    config = parse_config(
        {
            "pos": [
                {
                    "name": "pos",
                    "folder": str(tmp_path),
                    "outbox": str(tmp_path / "answers"),
                    "default_municipality": "ryazan",
                    "municipalities": {"61701000": "ryazan", "Касимовский  район": "kasimovsky"},
                    "categories": {"Дороги": "roads"},
                }
            ]
        }
    )
    [exchange] = config.pos
    assert exchange.inbox == tmp_path / "inbox" and exchange.outbox == tmp_path / "answers"
    assert exchange.rejected == tmp_path / "rejected"
    assert exchange.municipalities == {"61701000": "ryazan", "касимовский район": "kasimovsky"}
    assert exchange.min_age_seconds == 2
    [adapter] = adapters_from(config)
    assert isinstance(adapter, PosChannel)
    with pytest.raises(ConfigError, match="folder"):
        parse_config({"pos": [{"name": "pos"}]})
    # Several exchanges, each by its own name (default pos1, pos2…).
    two = parse_config({"pos": [{"folder": "/a"}, {"folder": "/b"}]})
    assert [x.name for x in two.pos] == ["pos1", "pos2"]
    with pytest.raises(ConfigError, match="its own name"):
        parse_config({"pos": [{"name": "x", "folder": "/a"}, {"name": "x", "folder": "/b"}]})


def test_one_round_from_the_command_line(seeded_url, pos, tmp_path):
    from tests.server.test_cli import run

    config = tmp_path / "channels.toml"
    config.write_text(
        f"""
[[pos]]
name = "pos"
folder = "{pos.root}"
min_age_seconds = 0

[pos.municipalities]
"61701000" = "ryazan"
""",
        encoding="utf-8",
    )
    pos.drop("batch.json", [pos.message("Сломана скамейка в сквере")])
    args = ("channels", "--database-url", seeded_url, "--config", str(config), "--once")
    r = run(*args)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["fetched"] == 1
    assert Path(pos.processed / "batch.json").exists()


def test_a_message_the_ingest_refuses_is_rejected_as_unreadable_and_the_file_goes_on(
    seeded_url, pos
):
    # A municipality code the contract refuses (blank): the ingest's validation fails.
    blank = pos.message("Нет света в подъезде", municipality={"oktmo": "00000000"})
    good = pos.message("Нет отопления в доме 7")
    pos.drop("batch.json", [blank, good])
    report = runner(seeded_url, pos, default_municipality="   ").run_round()
    assert not report.errors and report.fetched == 2
    assert [i.source_id for i in pos_incidents(seeded_url)] == [good["id"]]
    [name] = [n for n in pos.names(pos.rejected) if n.endswith(".reason.json")]
    why = json.loads((pos.rejected / name).read_text())
    assert why["reason"] == "unreadable" and "ValidationError" in why["detail"]
    with load_context(seeded_url).db.read() as s:
        [kept] = s.scalars(select(ChannelReject).where(ChannelReject.source_id == blank["id"]))
    assert kept.reason == "unreadable"
