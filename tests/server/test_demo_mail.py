"""The demo's e-mail (`make run`): a local SMTP server delivering into IMAP mailboxes on
127.0.0.1, and the e-mail channel run against them. A complaint mailed over SMTP shows up in
the queue over the REST API; the answer comes back into the writer's mailbox."""

from __future__ import annotations

import smtplib
import time

import pytest

from cur_server.demo import mail as demo_mail
from cur_server.demo.mail import CENTRE_ADDRESS, DemoMail

TEXT = "Во дворе дома 7 на улице Есенина неделю не вывозят мусор, контейнеры переполнены."


def wait_for(what, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while True:
        found = what()
        if found:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what.__name__}")
        time.sleep(0.1)


def test_a_mailed_complaint_reaches_the_queue_and_the_answer_the_writers_mailbox(seeded_url, api):
    with DemoMail(seeded_url, smtp_port=0, imap_port=0, poll_seconds=0.2) as mail:
        demo_mail.send(TEXT, sender="irina@localhost", subject="Мусор", port=mail.smtp_port)
        lead = api("supervisor1")

        def the_incident():
            found = [i for i in lead.all_incidents().values() if TEXT in (i["text"] or "")]
            return found[0] if found else None

        inc = wait_for(the_incident)
        assert inc["channel"] == "email" and inc["status"] == "new"
        assert inc["text"].startswith("Тема: Мусор")
        # Nobody has answered yet: the writer's mailbox holds nothing.
        assert demo_mail.read("irina@localhost", port=mail.imap_port) == []

        assert lead.one("claim", inc["id"])["outcome"] == "applied"
        r = lead.one("add_reply", inc["id"], {"kind": "final", "text": "Мусор вывезен сегодня."})
        assert r["outcome"] == "applied", r

        def the_answer():
            return demo_mail.read("irina@localhost", port=mail.imap_port)

        [answer] = wait_for(the_answer)
        assert answer["From"] == CENTRE_ADDRESS and answer["To"] == "irina@localhost"
        assert inc["number"] in answer["Subject"]
        assert answer.get_content().strip() == "Мусор вывезен сегодня."

        def delivered():
            got = lead.get(f"/api/v1/incidents/{inc['id']}").json()
            return got if got["replies"][0]["delivery_state"] == "sent" else None

        assert wait_for(delivered)["first_answered_at"]
        # The answer went to the writer only: the centre's mailbox holds the complaint alone.
        assert len(mail.centre.messages) == 1


def test_the_local_mailboxes_keep_each_address_apart_and_ask_for_the_password():
    with DemoMail(smtp_port=0, imap_port=0) as mail:
        with smtplib.SMTP(mail.host, mail.smtp_port, timeout=10) as conn:
            conn.sendmail("a@localhost", ["b@localhost"], b"Subject: one\r\n\r\nfirst\r\n")
            conn.sendmail("a@localhost", ["c@localhost"], b"Subject: two\r\n\r\nsecond\r\n")
            with pytest.raises(smtplib.SMTPRecipientsRefused):
                conn.sendmail("a@localhost", ["nobody"], b"Subject: x\r\n\r\nx\r\n")
        [b] = demo_mail.read("b@localhost", port=mail.imap_port)
        [c] = demo_mail.read("c@localhost", port=mail.imap_port)
        assert (b["Subject"], c["Subject"]) == ("one", "two")
        assert demo_mail.read("a@localhost", port=mail.imap_port) == []  # no mail, no mailbox
        import imaplib

        conn = imaplib.IMAP4(mail.host, mail.imap_port, timeout=10)
        with pytest.raises(imaplib.IMAP4.error):
            conn.login("b@localhost", "wrong")
        conn.logout()


def test_a_taken_port_is_replaced_by_a_free_one():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        with DemoMail(smtp_port=taken, imap_port=taken) as mail:
            assert mail.smtp_port != taken and mail.imap_port != taken
            assert mail.smtp_port != mail.imap_port
            demo_mail.send("проверка", port=mail.smtp_port)
            assert len(mail.centre.messages) == 1


def test_the_command_sends_and_reads(capsys):
    with DemoMail(smtp_port=0, imap_port=0) as mail:
        assert demo_mail.main(["send", "Яма на дороге", "--port", str(mail.smtp_port)]) == 0
        assert "sent" in capsys.readouterr().out
        assert len(mail.centre.messages) == 1
        assert demo_mail.main(["read", "--port", str(mail.imap_port)]) == 0
        assert "no mail yet" in capsys.readouterr().out
        assert demo_mail.main(["read", CENTRE_ADDRESS, "--port", str(mail.imap_port)]) == 0
        assert "Яма на дороге" in capsys.readouterr().out
    assert demo_mail.main(["send", "x", "--port", str(mail.smtp_port)]) == 1
