"""The e-mail channel against real local servers: IMAP intake (tests/support/imap_server.py,
spoken to by the standard `imaplib`) and SMTP delivery (aiosmtpd). Nothing mail-related mocked."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from cur_server.channels.config import EmailConfig, Endpoint, Secret
from cur_server.channels.delivery import RetryPolicy
from cur_server.channels.email_channel import EmailChannel
from cur_server.channels.runner import ChannelRunner
from cur_server.context import load_context
from cur_server.tables import ChannelReject, Incident
from tests.support.imap_server import ImapServer
from tests.support.smtp_server import SmtpServer

ADDRESS = "cur@cur.region.example"


@pytest.fixture
def mail():
    with ImapServer() as imap, SmtpServer() as smtp:
        yield imap, smtp


def email_channel(imap: ImapServer, smtp: SmtpServer, **kw) -> EmailChannel:
    config = EmailConfig(
        name="main",
        address=ADDRESS,
        imap=Endpoint(
            "127.0.0.1",
            imap.port,
            security="none",
            user=imap.box.user,
            password=Secret(imap.box.password),
            timeout=10,
        ),
        smtp=Endpoint("127.0.0.1", smtp.port, security="none", timeout=10),
        municipalities={"kasimov@cur.region.example": "kasimov"},
        default_municipality=kw.pop("default_municipality", "ryazan"),
        **kw,
    )
    return EmailChannel(config)


def runner(url: str, imap, smtp, retry: RetryPolicy | None = None, **kw) -> ChannelRunner:
    return ChannelRunner(
        load_context(url), [email_channel(imap, smtp, **kw)], retry=retry or RetryPolicy()
    )


def letter(
    text: str = "Во дворе дома 5 на улице Ленина третий день не вывозят мусор.",
    *,
    subject: str = "Мусор во дворе",
    message_id: str = "m1@citizen.example",
    to: str = ADDRESS,
    html: str | None = None,
    **headers: str,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ирина Соколова <irina@citizen.example>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{message_id}>"
    msg["Date"] = "Wed, 02 Dec 2026 10:15:00 +0300"
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg.as_bytes()


def email_incidents(url: str) -> list[Incident]:
    ctx = load_context(url)
    with ctx.db.read() as s:
        return list(
            s.scalars(select(Incident).where(Incident.channel == "email").order_by(Incident.id))
        )


def rejects(url: str) -> list[ChannelReject]:
    with load_context(url).db.read() as s:
        return list(s.scalars(select(ChannelReject).order_by(ChannelReject.id)))


def test_a_letter_becomes_a_message_incident_once(seeded_url, mail):
    imap, smtp = mail
    imap.deliver(letter())
    run = runner(seeded_url, imap, smtp)
    assert run.run_round().fetched == 1
    [inc] = email_incidents(seeded_url)
    assert inc.source_id == "m1@citizen.example"
    assert inc.author_name == "Ирина Соколова"
    assert inc.text.startswith("Тема: Мусор во дворе\n\nВо дворе дома 5")
    assert inc.status == "new" and inc.received_at.isoformat().startswith("2026-12-02T07:15")
    # Nothing new in the folder: nothing fetched; the same letter again: no second incident.
    assert run.run_round().fetched == 0
    imap.deliver(letter())
    assert run.run_round().fetched == 1
    assert len(email_incidents(seeded_url)) == 1
    # The centre's mailbox is only read: nothing marked, moved or deleted.
    assert not {"STORE", "UID STORE", "EXPUNGE", "COPY", "UID COPY"} & set(imap.box.commands)
    assert "EXAMINE" in imap.box.commands


def test_follow_ups_join_by_number_then_by_references(seeded_url, mail):
    imap, smtp = mail
    run = runner(seeded_url, imap, smtp)
    imap.deliver(letter())
    imap.deliver(letter("Про яму на дороге", subject="Яма", message_id="other@citizen.example"))
    run.run_round()
    first, other = email_incidents(seeded_url)
    imap.deliver(
        letter("Так и не вывезли!", subject=f"Re: {first.number}", message_id="f1@citizen.example")
    )
    imap.deliver(
        letter(
            "И ещё: контейнер сломан",
            subject="Re: Мусор во дворе",
            message_id="f2@citizen.example",
            In_Reply_To="<m1@citizen.example>",
            References="<m1@citizen.example>",
        )
    )
    imap.deliver(letter("Новая тема", subject="Свет", message_id="new@citizen.example"))
    run.run_round()
    incidents = email_incidents(seeded_url)
    assert len(incidents) == 3
    ctx = load_context(seeded_url)
    from cur_server.serialize import incidents_out

    with ctx.db.read() as s:
        out = incidents_out(s, [first.id])[first.id]
    followups = [e.data["text"] for e in out.events if e.kind == "followup"]
    assert len(followups) == 2
    assert "Так и не вывезли!" in followups[0] and "контейнер сломан" in followups[1]
    assert out.version > first.version


def test_html_mail_is_read_as_plain_text(seeded_url, mail):
    imap, smtp = mail
    msg = EmailMessage()
    msg["From"] = "petr@citizen.example"
    msg["To"] = ADDRESS
    msg["Subject"] = "Отопление"
    msg["Message-ID"] = "<h1@citizen.example>"
    msg.set_content(
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head>"
        "<body><p>В квартире <b>+14&deg;C</b>,</p><p>батареи холодные</p>"
        '<img src="http://tracker.example/x.png"></body></html>',
        subtype="html",
    )
    imap.deliver(msg.as_bytes())
    runner(seeded_url, imap, smtp).run_round()
    [inc] = email_incidents(seeded_url)
    assert "В квартире +14°C," in inc.text and "батареи холодные" in inc.text
    assert "<" not in inc.text and "alert" not in inc.text and "color" not in inc.text


def test_bad_mail_is_kept_for_the_administrator_and_never_stops_intake(seeded_url, mail):
    imap, smtp = mail
    run = runner(seeded_url, imap, smtp, default_municipality=None, max_message_bytes=50_000)
    imap.deliver(letter(message_id="nowhere@citizen.example"))  # no municipality for ADDRESS
    imap.deliver(letter("x" * 60_000, message_id="huge@citizen.example"))
    imap.deliver(b"\xff\xfe garbage \x00 without any header structure\r\n\r\n\x00\x01")
    imap.deliver(letter(message_id="ok@citizen.example", to="kasimov@cur.region.example"))
    report = run.run_round()
    assert report.fetched == 4 and not report.errors
    [inc] = email_incidents(seeded_url)
    assert inc.source_id == "ok@citizen.example"
    kept = {r.source_id: r for r in rejects(seeded_url)}
    assert kept["nowhere@citizen.example"].reason == "unknown_municipality"
    assert (
        kept["nowhere@citizen.example"].raw.startswith(b"From:")
        or kept["nowhere@citizen.example"].raw
    )
    huge = kept["huge@citizen.example"]
    assert huge.reason == "too_large" and huge.size > 50_000 and len(huge.raw) < 5_000
    garbage = [r for r in kept.values() if r.source_id.startswith("sha256:")]
    assert len(garbage) == 1 and garbage[0].reason in ("no_sender", "malformed")
    # Fetched again (the cursor lost): nothing is stored twice.
    run.intake.save_cursor("email:main", {})
    run.run_round()
    assert len(rejects(seeded_url)) == 3 and len(email_incidents(seeded_url)) == 1


def test_a_wrong_password_is_an_error_of_the_round_not_a_crash(seeded_url, mail):
    imap, smtp = mail
    run = runner(seeded_url, imap, smtp)
    imap.box.password = "changed-by-the-admin"
    imap.deliver(letter())
    report = run.run_round()
    assert report.fetched == 0 and "cannot sign in" in report.errors[0]
    assert "secret-imap-password" not in report.errors[0]
    assert "secret-imap-password" not in repr(run.adapters[0].config)


# --- delivery ---------------------------------------------------------------------------------


def _answer(api, run, imap, kind: str = "final", text: str = "Мусор вывезен 3 декабря.") -> dict:
    imap.deliver(letter())
    run.run_round()
    [inc] = email_incidents(run.server.db.url)
    lead = api("supervisor1")
    assert lead.one("claim", inc.id)["outcome"] == "applied"
    r = lead.one("add_reply", inc.id, {"kind": kind, "text": text})
    assert r["outcome"] == "applied", r
    return r["incident"]


def test_an_approved_reply_is_mailed_once_and_only_then_counts_as_answered(seeded_url, api, mail):
    imap, smtp = mail
    run = runner(seeded_url, imap, smtp)
    published = _answer(api, run, imap)
    [reply] = published["replies"]
    assert reply["delivery_state"] == "queued"
    assert published["status"] == "answered"
    assert published["first_answered_at"] is None and published["final_answered_at"] is None

    report = run.run_round()
    assert report.sent == 1
    [sent] = smtp.messages
    assert sent["Message-ID"] == f"<cur-reply-{reply['id']}@cur.region.example>"
    assert sent["In-Reply-To"] == "<m1@citizen.example>"
    assert sent["To"] == "irina@citizen.example"
    assert published["number"] in sent["Subject"]
    assert sent.get_content().strip() == "Мусор вывезен 3 декабря."

    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    [reply] = inc["replies"]
    assert reply["delivery_state"] == "sent" and reply["delivered_at"]
    assert inc["first_answered_at"] == reply["delivered_at"] == inc["final_answered_at"]
    assert any(e["kind"] == "reply_delivered" for e in inc["events"])

    assert run.run_round().sent == 0
    assert len(smtp.messages) == 1


def test_a_claim_left_by_a_dead_process_is_retried_with_the_same_message_id(seeded_url, api, mail):
    from datetime import UTC, datetime

    from cur_desktop.models.domain import Channel
    from cur_server.channels.delivery import claim_due

    imap, smtp = mail
    policy = RetryPolicy(lease=timedelta(minutes=10))
    run = runner(seeded_url, imap, smtp, retry=policy)
    published = _answer(api, run, imap)
    # A process claims the reply and dies before confirming (or even sending).
    now = datetime.now(UTC)
    [claimed] = claim_due(run.server, Channel.EMAIL, "dead-process", now, policy)
    assert run.run_round().sent == 0  # the claim still holds: nobody doubles a live sender
    # Restarted after the lease: the reply goes out, under the key derived from the reply.
    later = ChannelRunner(run.server, run.adapters, retry=RetryPolicy(lease=timedelta(0)))
    assert later.run_round().sent == 1
    [sent] = smtp.messages
    assert sent["Message-ID"] == f"<{claimed.idempotency_key}@cur.region.example>"
    assert claimed.idempotency_key == f"cur-reply-{published['replies'][0]['id']}"
    assert later.run_round().sent == 0


def test_a_refused_reply_fails_with_a_note_and_reopens_the_incident(seeded_url, api, mail):
    imap, smtp = mail
    run = runner(seeded_url, imap, smtp)
    published = _answer(api, run, imap)
    smtp.refuse("550 5.1.1 <irina@citizen.example>: mailbox unavailable")
    report = run.run_round()
    assert report.failed == 1 and not smtp.messages
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    [reply] = inc["replies"]
    assert reply["delivery_state"] == "failed"
    assert "550" in reply["delivery_error"] and "mailbox unavailable" in reply["delivery_error"]
    assert inc["status"] == "reopened" and inc["first_answered_at"] is None
    notes = [e["data"]["text"] for e in inc["events"] if e["kind"] == "note"]
    assert notes and "Ответ не доставлен" in notes[-1] and "550" in notes[-1]


def test_a_temporary_refusal_is_retried_with_backoff_then_gives_up(seeded_url, api, mail):
    from datetime import UTC, datetime

    from cur_server.tables import Delivery

    imap, smtp = mail
    policy = RetryPolicy(max_attempts=2, backoff=timedelta(hours=1))
    run = runner(seeded_url, imap, smtp, retry=policy)
    published = _answer(api, run, imap)
    smtp.refuse("451 4.3.0 try again later")
    assert run.run_round().retried == 1
    assert run.run_round().retried == 0  # waiting for its backoff
    with run.server.db.write() as s:
        d = s.scalars(select(Delivery)).one()
        assert d.state == "queued" and d.attempts == 1 and "451" in d.last_error
        # Equal jitter (models/backoff.py): between half the step and the step.
        wait = d.next_attempt_at - datetime.now(UTC)
        assert timedelta(minutes=29) < wait <= timedelta(hours=1)
        d.next_attempt_at = datetime.now(UTC)
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    assert inc["replies"][0]["delivery_state"] == "queued"
    assert run.run_round().failed == 1
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    assert inc["replies"][0]["delivery_state"] == "failed"


def test_an_interim_reply_sets_the_final_deadline_when_delivered(seeded_url, api, mail):
    imap, smtp = mail
    run = runner(seeded_url, imap, smtp)
    published = _answer(api, run, imap, kind="interim", text="Передали в управляющую компанию.")
    assert published["status"] == "interim_answer" and published["final_answer_due"] is None
    run.run_round()
    inc = api("supervisor1").get(f"/api/v1/incidents/{published['id']}").json()
    assert inc["first_answered_at"] == inc["replies"][0]["delivered_at"]
    assert inc["final_answer_due"] > inc["first_answered_at"]
    assert inc["final_answered_at"] is None


def test_two_processes_never_send_one_reply_twice(seeded_url, api, mail):
    import threading

    imap, smtp = mail
    run = runner(seeded_url, imap, smtp)
    for n in range(6):
        imap.deliver(letter(f"Жалоба номер {n}", subject=f"Тема {n}", message_id=f"c{n}@x.example"))
    run.run_round()
    lead = api("supervisor1")
    for inc in email_incidents(seeded_url):
        lead.one("claim", inc.id)
        assert (
            lead.one("add_reply", inc.id, {"kind": "final", "text": "Сделано."})["outcome"]
            == "applied"
        )
    runners = [
        ChannelRunner(load_context(seeded_url), run.adapters, batch_size=2, worker=f"w{n}")
        for n in range(3)
    ]
    barrier = threading.Barrier(3)

    def work(r: ChannelRunner) -> None:
        barrier.wait()
        for _ in range(4):
            r.run_round()

    threads = [threading.Thread(target=work, args=(r,)) for r in runners]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    ids = [m["Message-ID"] for m in smtp.messages]
    assert len(ids) == 6 and len(set(ids)) == 6


def test_a_very_long_letter_is_shortened_in_the_incident_and_kept_whole(seeded_url, mail):
    imap, smtp = mail
    body = "Подробное описание проблемы. " * 1_000  # ~29k characters, over MAX_TEXT_CHARS
    imap.deliver(letter(body, message_id="long@citizen.example"))
    runner(seeded_url, imap, smtp).run_round()
    [inc] = email_incidents(seeded_url)
    assert len(inc.text) == 20_000 and inc.text.endswith("хранится у администратора.")
    [kept] = rejects(seeded_url)
    assert kept.reason == "text_shortened" and kept.source_id == "long@citizen.example"
    assert kept.size > 29_000 and len(kept.raw) == kept.size


def test_a_letter_the_ingest_refuses_is_kept_and_reading_goes_on(seeded_url, mail):
    imap, smtp = mail
    # A municipality code the contract refuses (blank): every letter for it fails validation.
    run = runner(seeded_url, imap, smtp, default_municipality="   ")
    imap.deliver(letter(message_id="blank@citizen.example"))
    imap.deliver(letter(message_id="mapped@citizen.example", to="kasimov@cur.region.example"))
    report = run.run_round()
    assert report.fetched == 2 and not report.errors
    [inc] = email_incidents(seeded_url)
    assert inc.source_id == "mapped@citizen.example"
    [kept] = rejects(seeded_url)
    assert (kept.source_id, kept.reason) == ("blank@citizen.example", "unreadable")
    assert "ValidationError" in kept.detail
