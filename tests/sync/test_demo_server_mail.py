"""`make run` starts the demo server with its e-mail: the embedded server, the local SMTP/IMAP
pair and the e-mail channel, all stopped with the demo."""

from __future__ import annotations

import smtplib
import time

import pytest

from cur_desktop.demo import DemoServer
from cur_server.demo import mail as demo_mail
from tests.server.api import Api


def test_the_demo_server_takes_complaints_by_mail(tmp_path):
    demo = DemoServer(root=tmp_path / "demo", incidents=20)
    try:
        info = demo.mail_info
        assert info is not None and info.address == "cur@localhost" and info.host == "127.0.0.1"
        demo_mail.send("Не горит фонарь у подъезда дома 3.", port=info.smtp_port)
        lead = Api(demo.url, "supervisor1")
        deadline = time.monotonic() + 60
        while not [
            i for i in lead.all_incidents().values() if "фонарь у подъезда" in (i["text"] or "")
        ]:
            assert time.monotonic() < deadline, "the mailed complaint never reached the server"
            time.sleep(0.3)
    finally:
        demo.stop()
    with pytest.raises(OSError):  # stopped with the demo
        smtplib.SMTP(info.host, info.smtp_port, timeout=5)
