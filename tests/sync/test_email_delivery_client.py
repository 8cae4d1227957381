"""A workstation answering an e-mail: the answer is «в очереди» and the SLA clock runs until the
channel process has mailed it; the next sync brings «отправлено» and the answered time."""

from __future__ import annotations

from tests.server.test_email_channel import email_incidents, letter, runner
from tests.support.imap_server import ImapServer
from tests.support.smtp_server import SmtpServer


def test_the_cache_follows_a_reply_until_the_channel_took_it(workstation, server_url):
    with ImapServer() as imap, SmtpServer() as smtp:
        imap.deliver(letter())
        channels = runner(server_url, imap, smtp)
        channels.run_round()
        [mail] = email_incidents(server_url)

        ws = workstation("supervisor1")
        ws.sync()
        assert ws.incident(mail.id)["channel"] == "email"
        ws.actions.claim(mail.id)
        ws.actions.add_reply(mail.id, "final", "Мусор вывезен 3 декабря.")
        local = ws.incident(mail.id)
        assert local["status"] == "answered" and local["first_answered_at"] is None
        ws.sync()
        [reply] = ws.replies(mail.id)
        assert reply["delivery_state"] == "queued"
        assert ws.incident(mail.id)["first_answered_at"] is None

        assert channels.run_round().sent == 1 and len(smtp.messages) == 1
        ws.sync()
        [reply] = ws.replies(mail.id)
        assert reply["delivery_state"] == "sent" and reply["delivery_error"] is None
        after = ws.incident(mail.id)
        assert after["first_answered_at"] is not None and after["final_answered_at"] is not None
        assert after["first_answered_at"] == after["final_answered_at"]
