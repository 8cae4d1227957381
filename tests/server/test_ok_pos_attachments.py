"""Pictures from Odnoklassniki (IMAGE attachments downloaded from the local Bot API's links) and
files in ПОС batches (base64 content, or a file in the inbox) are stored as the incident's files
with thumbnails, read over HTTP with the incident's rights; what cannot be stored leaves the
message an incident, named in its text and listed for the administrator. SQLite and PostgreSQL."""

from __future__ import annotations

import base64

import pytest

from cur_desktop.models import contract as c
from cur_desktop.models.channel_rejects import CHANNEL_REJECTS_PATH
from tests.server.test_attachments import photo, thumbnail_size
from tests.server.test_ok_channel import ok_incidents
from tests.server.test_ok_channel import runner as ok_runner
from tests.server.test_pos_channel import pos_incidents
from tests.server.test_pos_channel import runner as pos_runner
from tests.support.ok_api import OkApi
from tests.support.pos_exchange import PosExchange

API = c.API_PREFIX


@pytest.fixture
def ok():
    with OkApi() as api:
        yield api


@pytest.fixture
def pos(tmp_path):
    return PosExchange(tmp_path / "pos")


def files_of(api, incident_id: int) -> list[dict]:
    return api("operator1").get(f"{API}/incidents/{incident_id}").json()["files"]


def rejects(api, channel: str) -> list[dict]:
    body = api("admin").get(CHANNEL_REJECTS_PATH, params={"channel": channel}).json()
    return body["items"]


# --- Odnoklassniki ----------------------------------------------------------------------------


def test_an_ok_picture_is_downloaded_and_stored_with_a_thumbnail(seeded_url, api, ok):
    first, second = photo(1280, 960), photo(640, 480, color=(200, 30, 30))
    ok.user_says("Сломана скамейка у дома 3", photos=[first, second])
    ok.user_says("", photos=[photo(300, 300, color=(0, 0, 0))])  # a picture without words
    events = list(ok.state.events)
    run = ok_runner(seeded_url, ok)
    assert run.run_round().fetched == 2
    assert ok.state.downloads == ["0001", "0002", "0003"]
    captioned, bare = ok_incidents(seeded_url)
    assert bare.text == "[Сообщение без текста, только вложения]"
    files = files_of(api, captioned.id)
    assert [(f["name"], f["size"], f["thumbnail"]) for f in files] == [
        ("0001.jpg", len(first), True),
        ("0002.jpg", len(second), True),
    ]
    operator = api("operator1")
    full = operator.get(API + c.attachment_path(captioned.id, files[0]["id"]))
    assert full.status_code == 200 and full.content == first
    thumb = operator.get(API + c.attachment_path(captioned.id, files[0]["id"], thumbnail=True))
    assert thumbnail_size(thumb.content) == (320, 240)
    path = API + c.attachment_path(captioned.id, files[0]["id"])
    assert api("official1").get(path).status_code == 404  # another district's
    assert rejects(api, "ok") == []

    # Sent again (the stored marker lost): known messages download and store nothing twice.
    ok.state.events = events
    run.intake.save_cursor("ok:group", {"subscribed": True})
    assert ok_runner(seeded_url, ok).run_round().fetched == 2
    assert len(ok.state.downloads) == 3 and len(ok_incidents(seeded_url)) == 2


def test_an_ok_picture_that_cannot_be_fetched_leaves_the_message_an_incident(seeded_url, api, ok):
    ok.user_says("Яма у школы", photos=[photo(), photo(color=(9, 9, 9))])
    del ok.state.images["0002"]  # taken away before it was fetched: 404
    event = ok.user_says("Ещё фото")
    event["message"]["attachments"] = [
        {"type": "IMAGE", "payload": {"url": "http://elsewhere.example/x.jpg"}},  # not https
        {"type": "IMAGE", "payload": {}},
        {"type": "STICKER", "payload": {"code": "sticker"}},  # not a file a complaint needs
    ]
    report = ok_runner(seeded_url, ok).run_round()
    assert report.fetched == 2 and not report.errors
    hole, more = ok_incidents(seeded_url)
    assert len(files_of(api, hole.id)) == 1
    assert hole.text.endswith("[Не сохранены вложения: 0002.jpg (не удалось получить)]")
    assert files_of(api, more.id) == []
    assert more.text.startswith("Ещё фото") and "x.jpg (не удалось получить)" in more.text
    kept = {r["source_id"]: r for r in rejects(api, "ok")}
    assert set(kept) == {f"{hole.source_id}:files", f"{more.source_id}:files"}
    assert {r["reason"] for r in kept.values()} == {"attachment_not_stored"}
    assert "HTTP 404" in kept[f"{hole.source_id}:files"]["detail"]
    detail = kept[f"{more.source_id}:files"]["detail"]
    assert "not https" in detail and "without payload.url" in detail


# --- ПОС --------------------------------------------------------------------------------------


def test_pos_files_in_base64_and_in_the_inbox_are_stored(seeded_url, api, pos):
    inline, beside = photo(800, 600, fmt="PNG"), photo(1024, 768)
    (pos.inbox / "files").mkdir()
    (pos.inbox / "files" / "4100001-2.jpg").write_bytes(beside)
    item = pos.message(
        "Яма во дворе, фото приложены",
        attachments=[
            {
                "name": "двор.png",
                "media_type": "image/png",
                "content_base64": base64.b64encode(inline).decode(),
            },
            {"media_type": "image/jpeg", "file": "files/4100001-2.jpg"},
            {
                "name": "акт.pdf",
                "media_type": "application/pdf",
                "content_base64": base64.b64encode(b"%PDF-1.4 act").decode(),
            },
        ],
    )
    pos.drop("batch-1.json", [item])
    assert pos_runner(seeded_url, pos).run_round().fetched == 1
    (inc,) = pos_incidents(seeded_url)
    assert inc.text == "Яма во дворе, фото приложены"
    files = {f["name"]: f for f in files_of(api, inc.id)}
    assert set(files) == {"двор.png", "4100001-2.jpg", "акт.pdf"}
    assert files["двор.png"]["media_type"] == "image/png" and files["двор.png"]["thumbnail"]
    assert files["акт.pdf"]["media_type"] == "application/pdf"
    assert not files["акт.pdf"]["thumbnail"]
    full = api("operator1").get(API + c.attachment_path(inc.id, files["4100001-2.jpg"]["id"]))
    assert full.content == beside
    assert rejects(api, "pos") == []
    assert pos.names(pos.processed) == ["batch-1.json"]
    assert (pos.inbox / "files" / "4100001-2.jpg").exists()  # only read; the integration's


def test_bad_pos_files_leave_the_message_an_incident_and_say_why(seeded_url, api, pos):
    files = pos.inbox / "files"
    files.mkdir()
    (pos.root / "secret.txt").write_text("not for the server")
    (files / "link.jpg").symlink_to(pos.root / "secret.txt")
    with open(files / "huge.jpg", "wb") as f:  # sparse: larger than the limit, never read
        f.truncate(c.MAX_ATTACHMENT_BYTES + 1)
    item = pos.message(
        "Фото не дошли",
        attachments=[
            {"name": "битое.jpg", "content_base64": "это не base64!"},
            {"name": "нет.jpg", "file": "files/absent.jpg"},
            {"name": "чужое.txt", "file": "../secret.txt"},
            {"file": "files/link.jpg"},
            {"name": "оба.jpg", "file": "files/a.jpg", "content_base64": "AAAA"},
            "не объект",
        ],
    )
    huge = pos.message("Огромное фото", attachments=[{"file": "files/huge.jpg"}])
    not_a_list = pos.message("Вложения не списком", attachments={"name": "x.jpg"})
    pos.drop("batch-2.json", [item, huge, not_a_list])
    report = pos_runner(seeded_url, pos).run_round()
    assert report.fetched == 3 and not report.errors
    lost, big, odd = pos_incidents(seeded_url)
    for inc in (lost, odd, big):
        assert files_of(api, inc.id) == []
    assert lost.text.startswith("Фото не дошли\n\n[Не сохранены вложения: битое.jpg (повреждён); ")
    assert "нет.jpg (не удалось получить)" in lost.text and "чужое.txt" in lost.text
    assert big.text.endswith("[Не сохранены вложения: huge.jpg (больше 20 МБ)]")
    kept = {r["source_id"]: r["detail"] for r in rejects(api, "pos")}
    assert set(kept) == {f"{i.source_id}:files" for i in (lost, odd, big)}
    detail = kept[f"{lost.source_id}:files"]
    assert "not base64" in detail and "no such file" in detail and "without '..'" in detail
    assert "link.jpg: not_fetched: file leads outside the inbox" in detail
    assert "either content_base64 or file" in detail and "not a JSON object" in detail
    assert "must be a list" in kept[f"{odd.source_id}:files"]
    assert "huge.jpg: too_large" in kept[f"{big.source_id}:files"]
    # The batch itself was good: processed, nothing in rejected/.
    assert pos.names(pos.processed) == ["batch-2.json"] and pos.names(pos.rejected) == []
