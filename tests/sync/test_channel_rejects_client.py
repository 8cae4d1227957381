"""The workstation's client for the rejected channel messages, against the real server: pages
through to the oldest as an admin; refused (403) to anyone else."""

from __future__ import annotations

import pytest

from cur_desktop.models.domain import Channel
from cur_desktop.sync.channel_rejects import all_rejects, rejects_page
from cur_desktop.sync.client import ApiClient, RequestRejected
from cur_server.channels.intake import Intake, Rejected
from cur_server.context import load_context


def test_an_admin_pages_through_the_rejects_and_an_operator_is_refused(server, server_url):
    intake = Intake(load_context(server_url))
    for n in range(5):
        body = f"From: nobody\r\n\r\nписьмо {n}".encode()
        intake.reject(Rejected(Channel.EMAIL, f"m{n}@x", "unknown_municipality", "", body, 30))
    admin = ApiClient(server.url)
    admin.login("admin", "demo")
    got = list(all_rejects(admin, page=2))
    assert [r.source_id for r in got] == [f"m{n}@x" for n in range(4, -1, -1)]
    assert got[0].preview == "From: nobody\n\nписьмо 4" and got[0].reason == "unknown_municipality"
    first = rejects_page(admin, limit=2)
    assert first.next_before_id == first.items[-1].id
    assert rejects_page(admin, channel="vk").items == []

    operator = ApiClient(server.url)
    operator.login("operator1", "demo")
    with pytest.raises(RequestRejected) as refused:
        rejects_page(operator)
    assert refused.value.status == 403
