"""`make run-server` (`cur-server serve --demo`) runs the demo's e-mail too: a complaint mailed
to the address it prints reaches the server's queue."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import requests

from cur_server.demo import mail as demo_mail
from tests.server.api import Api
from tests.server.test_cli import _free_port, wait_serving


def test_serve_demo_prints_where_to_write_and_takes_the_mail(tmp_path):
    port = _free_port()
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    server = subprocess.Popen(
        [sys.executable, "-m", "cur_server.cli", "serve", "--demo", "--database-url", url]
        + ["--incidents", "10", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        said = ""
        while "demo e-mail:" not in said:
            line = server.stderr.readline()
            assert line, f"the server ended: {said}"
            said += line
        found = re.search(r"write to (\S+) through SMTP 127\.0\.0\.1:(\d+)", said)
        assert found and found.group(1) == "cur@localhost", said
        base = f"http://127.0.0.1:{port}"
        wait_serving(server, lambda: requests.get(f"{base}/health", timeout=1).status_code == 200)
        demo_mail.send("Не убирают снег во дворе дома 9.", port=int(found.group(2)))
        lead = Api(base, "supervisor1")
        deadline = time.monotonic() + 60
        while not [i for i in lead.all_incidents().values() if "снег во дворе дома 9" in i["text"]]:
            assert time.monotonic() < deadline, "the mailed complaint never arrived"
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(30)
