"""Rejected channel messages over the API (`GET /api/v1/admin/channel-rejects`): admins only,
newest first, page by page, each with its reason and a plain-text preview of what is kept.
Rejects come from the real e-mail channel (local IMAP) and from the intake itself."""

from __future__ import annotations

from cur_desktop.models.domain import Channel
from cur_server.channels.intake import Intake, Rejected
from cur_server.context import load_context
from tests.server.test_email_channel import letter, runner
from tests.support.imap_server import ImapServer
from tests.support.smtp_server import SmtpServer

PATH = "/api/v1/admin/channel-rejects"


def test_bad_mail_is_listed_for_the_admin_with_reason_and_preview(seeded_url, api):
    with ImapServer() as imap, SmtpServer() as smtp:
        run = runner(seeded_url, imap, smtp, default_municipality=None, max_message_bytes=50_000)
        imap.deliver(letter("Куда писать?", message_id="nowhere@citizen.example"))
        imap.deliver(letter("x" * 60_000, message_id="huge@citizen.example"))
        assert run.run_round().fetched == 2
    r = api("admin").get(PATH)
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["next_before_id"] is None
    huge, nowhere = page["items"]  # newest first
    assert nowhere["channel"] == "email" and nowhere["source_id"] == "nowhere@citizen.example"
    assert nowhere["reason"] == "unknown_municipality" and nowhere["detail"]
    assert nowhere["preview"].startswith("From: ") and "\r" not in nowhere["preview"]
    assert "Subject: =?utf-8?" in nowhere["preview"] or "Subject: Мусор" in nowhere["preview"]
    assert nowhere["kept_bytes"] == nowhere["size"] > 0
    assert huge["reason"] == "too_large" and huge["size"] > 50_000
    assert 0 < huge["kept_bytes"] < 5_000  # the headers only
    assert huge["preview"].startswith("From: ") and "x" * 100 not in huge["preview"]
    assert huge["received_at"] and huge["id"] > nowhere["id"]


def test_pages_go_back_to_the_oldest_and_previews_are_plain_text(seeded_url, api):
    intake = Intake(load_context(seeded_url))
    for n in range(7):
        intake.reject(Rejected(Channel.TELEGRAM, f"tg-{n}", "malformed", f"case {n}", b"{}", 2))
    hostile = b"\x1b[31mred\x00\x07 text\r\nnext \xff\xfe line\xe2\x80\xa8" + "я".encode() * 3000
    intake.reject(Rejected(Channel.VK, "vk-1", "unreadable", "bytes", hostile, len(hostile)))
    intake.reject(Rejected(Channel.POS, "pos-1", "empty", "no text", None, 0))

    admin = api("admin")
    seen, before, pages = [], None, 0
    while True:
        params = {"limit": 4} | ({"before_id": before} if before else {})
        body = admin.get(PATH, params=params).json()
        pages += 1
        assert len(body["items"]) <= 4
        seen += body["items"]
        before = body["next_before_id"]
        if before is None:
            break
    assert pages == 3
    assert [x["source_id"] for x in seen] == ["pos-1", "vk-1"] + [
        f"tg-{n}" for n in range(6, -1, -1)
    ]
    ids = [x["id"] for x in seen]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 9
    pos, vk = seen[0], seen[1]
    assert pos["preview"] == "" and pos["kept_bytes"] == 0
    assert vk["preview"].startswith("[31mred text\nnext \ufffd\ufffd line")
    assert len(vk["preview"]) == 2000 and vk["kept_bytes"] == len(hostile)
    assert not any(ch < " " and ch not in "\n\t" for ch in vk["preview"])

    only_vk = admin.get(PATH, params={"channel": "vk"}).json()
    assert [x["source_id"] for x in only_vk["items"]] == ["vk-1"]
    assert admin.get(PATH, params={"limit": 0}).status_code == 422
    assert admin.get(PATH, params={"limit": 501}).status_code == 422


def test_no_other_role_sees_the_rejects(seeded_url, api):
    Intake(load_context(seeded_url)).reject(
        Rejected(Channel.EMAIL, "secret@x", "malformed", "private", b"From: someone", 13)
    )
    for username in ("operator1", "operator3", "supervisor1", "official1", "trainer1", "collector"):
        r = api(username).get(PATH)
        assert r.status_code == 403, username
        assert r.json()["error"] == "forbidden" and "secret" not in r.text
    assert api(None).get(PATH).status_code == 401
    assert api("admin").get(PATH).json()["items"][0]["source_id"] == "secret@x"
