"""Attachments the server stores: photos from Telegram (getFile and the file download against
the local Bot API) and image parts of e-mail become the incident's files, with a thumbnail made
at intake, fetched over HTTP with the incident's own rights. On SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import io
from email.message import EmailMessage

import pytest
from PIL import Image
from sqlalchemy import func, select

from cur_desktop.models import contract as c
from cur_server.attachments import IncomingFile, store_file
from cur_server.channels.email_message import read_email
from cur_server.channels.intake import CREATED, Intake
from cur_server.context import load_context
from cur_server.tables import Attachment, ChannelReject, Incident
from tests.server.test_telegram_channel import runner, tg_incidents
from tests.support.telegram_api import TelegramApi

API = c.API_PREFIX


def photo(width: int = 1600, height: int = 1200, color=(30, 120, 200), fmt: str = "JPEG") -> bytes:
    img = Image.new("RGB", (width, height), color)
    for x in range(0, width, 40):  # some detail, so it is a picture and not one colour
        img.paste((255, 200, 0), (x, 0, x + 10, height))
    out = io.BytesIO()
    img.save(out, fmt)
    return out.getvalue()


@pytest.fixture
def tg():
    with TelegramApi() as api:
        yield api


def thumbnail_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG"
        return img.size


def test_a_telegram_photo_is_stored_with_a_thumbnail_and_read_with_the_incidents_rights(
    seeded_url, api, tg
):
    picture = photo()
    tg.user_sends_photo(picture, "Яма во дворе дома 7 на Есенина")
    tg.user_sends_photo(photo(color=(200, 30, 30)))  # no caption: still an incident
    run = runner(seeded_url, tg)
    assert run.run_round().fetched == 2
    assert tg.state.downloads == ["photos/file_2.jpg", "photos/file_4.jpg"]  # the largest sizes
    captioned, bare = tg_incidents(seeded_url)
    assert bare.text == "[Сообщение без текста, только вложения]"

    operator = api("operator1")
    body = operator.get(f"{API}/incidents/{captioned.id}").json()
    assert body["attachments"] == []
    (file,) = body["files"]
    assert file["media_type"] == "image/jpeg" and file["thumbnail"] is True
    assert file["size"] == len(picture) and file["name"].endswith(".jpg")

    full = operator.get(API + c.attachment_path(captioned.id, file["id"]))
    assert full.status_code == 200 and full.content == picture
    assert full.headers["content-type"] == "image/jpeg"
    assert full.headers["x-content-type-options"] == "nosniff"
    thumb = operator.get(API + c.attachment_path(captioned.id, file["id"], thumbnail=True))
    assert thumb.status_code == 200
    assert max(thumbnail_size(thumb.content)) == c.THUMBNAIL_SIZE
    assert len(thumb.content) < len(picture)

    # The same rights as GET /incidents/{id}: the incident is in Рязань.
    for user, status in [("official1", 404), ("trainer1", 404), ("collector", 403)]:
        for thumbnail in (False, True):
            path = API + c.attachment_path(captioned.id, file["id"], thumbnail=thumbnail)
            assert api(user).get(path).status_code == status, (user, thumbnail)
    assert api().get(API + c.attachment_path(captioned.id, file["id"])).status_code == 401
    # A stored file is read only through an incident that names it.
    other = body_of_other = operator.get(f"{API}/incidents/{bare.id}").json()
    assert other["files"][0]["id"] != file["id"]
    path = API + c.attachment_path(bare.id, file["id"])
    assert operator.get(path).status_code == 404
    assert body_of_other["files"][0]["thumbnail"] is True


def test_the_same_photo_twice_is_stored_once(seeded_url, tg):
    picture = photo()
    tg.user_sends_photo(picture, "Опять яма")
    tg.user_sends_photo(picture, "И снова яма", chat_id=5_550_002)
    run = runner(seeded_url, tg)
    assert run.run_round().fetched == 2
    first, second = tg_incidents(seeded_url)
    assert first.attachments[0]["id"] == second.attachments[0]["id"]
    digest = hashlib.sha256(picture).hexdigest()
    with run.server.db.read() as s:
        assert s.scalar(select(func.count()).where(Attachment.sha256 == digest)) == 1


def test_a_photo_that_cannot_be_fetched_leaves_the_message_an_incident(seeded_url, tg):
    msg = tg.user_sends_photo(photo(), "Фото не скачается")
    tg.state.files.pop(msg["photo"][-1]["file_id"])  # getFile: 400 invalid file_id
    run = runner(seeded_url, tg)
    assert run.run_round().fetched == 1
    (inc,) = tg_incidents(seeded_url)
    assert inc.attachments == []
    assert (
        inc.text
        == "Фото не скачается\n\n[Не сохранены вложения: photo-101.jpg (не удалось получить)]"
    )
    # The administrator sees which file and why (channel_rejects), the token never.
    with run.server.db.read() as s:
        (kept,) = s.scalars(select(ChannelReject)).all()
    assert kept.reason == "attachment_not_stored" and kept.source_id.endswith(":files")
    assert "photo-101.jpg: not_fetched" in kept.detail and "invalid file_id" in kept.detail


def mail_with(*parts: tuple[bytes, str, str], text: str = "Посмотрите фото") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ирина <irina@example.ru>"
    msg["To"] = "cur@ryazan.example"
    msg["Subject"] = "Яма"
    msg["Message-ID"] = f"<photo-{len(parts)}-{hash(text) & 0xFFFF}@example.ru>"
    msg.set_content(text)
    for data, kind, name in parts:
        maintype, subtype = kind.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def test_email_image_parts_become_files_and_other_parts_stay_named(seeded_url, api):
    picture = photo(800, 600, fmt="PNG")
    raw = mail_with(
        (picture, "image/png", "двор.png"),
        (b"%PDF-1.4 not really", "application/pdf", "акт.pdf"),
    )
    inbound = read_email(raw, default_municipality="ryazan")
    intake = Intake(load_context(seeded_url))
    assert intake.accept(inbound) == CREATED
    with intake.server.db.read() as s:
        inc = s.scalars(select(Incident).order_by(Incident.id.desc()).limit(1)).one()
    assert "[Вложения: двор.png, акт.pdf]" in inc.text
    body = api("operator1").get(f"{API}/incidents/{inc.id}").json()
    (file,) = body["files"]
    assert file == {
        "id": file["id"],
        "name": "двор.png",
        "media_type": "image/png",
        "size": len(picture),
        "thumbnail": True,
    }
    thumb = api("operator1").get(API + c.attachment_path(inc.id, file["id"], thumbnail=True))
    assert thumbnail_size(thumb.content) == (320, 240)


def test_broken_huge_and_oversize_files_never_crash_intake(seeded_url, api):
    broken = b"\xff\xd8\xff\xe0" + b"not a jpeg at all" * 100
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG")  # 144 Mpx in a few KB
    oversize = b"\x00" * (c.MAX_ATTACHMENT_BYTES + 1)
    raw = mail_with(
        (broken, "image/jpeg", "сломано.jpg"),
        (bomb.getvalue(), "image/png", "огромная.png"),
        (oversize, "image/jpeg", "большая.jpg"),
        text="Три файла",
    )
    intake = Intake(load_context(seeded_url))
    assert intake.accept(read_email(raw, default_municipality="ryazan")) == CREATED
    with intake.server.db.read() as s:
        inc = s.scalars(select(Incident).order_by(Incident.id.desc()).limit(1)).one()
    assert "[Не сохранены вложения: большая.jpg (больше 20 МБ)]" in inc.text
    operator = api("operator1")
    files = {f["name"]: f for f in operator.get(f"{API}/incidents/{inc.id}").json()["files"]}
    assert set(files) == {"сломано.jpg", "огромная.png"}
    assert files["сломано.jpg"]["thumbnail"] is False
    # Told image/jpeg, but not an image: not served as one.
    assert files["сломано.jpg"]["media_type"] == "application/octet-stream"
    assert files["огромная.png"] == {**files["огромная.png"], "thumbnail": False}
    assert files["огромная.png"]["media_type"] == "image/png"
    for f in files.values():
        thumb = operator.get(API + c.attachment_path(inc.id, f["id"], thumbnail=True))
        assert thumb.status_code == 404 and thumb.json()["error"] == "not_found"
        full = operator.get(API + c.attachment_path(inc.id, f["id"]))
        assert full.status_code == 200 and len(full.content) == f["size"]
    full = operator.get(API + c.attachment_path(inc.id, files["сломано.jpg"]["id"]))
    assert full.headers["content-type"] == "application/octet-stream"
    assert full.headers["content-disposition"] == "attachment"
    with intake.server.db.read() as s:
        notes = dict(s.execute(select(Attachment.name, Attachment.thumbnail_note)).all())
    assert "pixels" in notes["огромная.png"] and notes["сломано.jpg"]


def test_store_file_names_are_cleaned_and_content_is_deduplicated(db_url):
    server = load_context(db_url)
    with server.db.write() as s:
        first = store_file(s, IncomingFile("..\\..\\etc/пас\x00порт.jpg", "image/jpeg", photo()))
        again = store_file(s, IncomingFile("другое.jpg", "image/jpeg", photo()))
    assert first["name"] == "паспорт.jpg"
    assert again["id"] == first["id"] and again["name"] == "другое.jpg"


def test_links_from_collectors_still_work(api):
    url = "https://sun9-1.userapi.com/photo.jpg"
    item = {
        "channel": "vk",
        "source_id": "wall-1_777",
        "text": "Сломана скамейка",
        "attachments": [url],
        "received_at": "2026-12-01T10:00:00+03:00",
        "municipality_code": "ryazan",
    }
    made = api("collector").post(f"{API}/ingest", json={"items": [item]}).json()
    incident_id = made["results"][0]["incident_id"]
    body = api("operator1").get(f"{API}/incidents/{incident_id}").json()
    assert body["attachments"] == [url] and body["files"] == []


@pytest.fixture
def vk():
    from tests.support.vk_api import VkApi

    with VkApi() as api:
        yield api


def test_a_vk_photo_is_downloaded_in_its_largest_size_and_stored(seeded_url, api, vk):
    from tests.server.test_vk_channel import runner as vk_runner
    from tests.server.test_vk_channel import vk_incidents

    run = vk_runner(seeded_url, vk)
    picture = photo(1280, 853)
    vk.user_writes("Сломанная горка на детской площадке", photos=[picture])
    assert run.run_round().fetched == 1
    (inc,) = vk_incidents(seeded_url)
    body = api("operator1").get(f"{API}/incidents/{inc.id}").json()
    (file,) = body["files"]
    assert file["name"] == "1_z.jpg" and file["size"] == len(picture) and file["thumbnail"]
    full = api("operator1").get(API + c.attachment_path(inc.id, file["id"]))
    assert full.content == picture


def test_a_follow_up_with_a_photo_adds_it_to_the_incident(seeded_url, api):
    intake = Intake(load_context(seeded_url))
    first = mail_with((photo(640, 480), "image/jpeg", "первое.jpg"), text="Яма у подъезда")
    assert intake.accept(read_email(first, default_municipality="ryazan")) == CREATED
    with intake.server.db.read() as s:
        inc = s.scalars(select(Incident).order_by(Incident.id.desc()).limit(1)).one()
    msg = EmailMessage()
    msg["From"] = "Ирина <irina@example.ru>"
    msg["To"] = "cur@ryazan.example"
    msg["Subject"] = f"Re: {inc.number}"
    msg["Message-ID"] = "<followup-photo@example.ru>"
    msg.set_content("Ещё фото: яма стала больше")
    msg.add_attachment(
        photo(640, 480, color=(0, 0, 0)), maintype="image", subtype="jpeg", filename="второе.jpg"
    )
    assert intake.accept(read_email(msg.as_bytes(), default_municipality="ryazan")) == "followup"
    body = api("operator1").get(f"{API}/incidents/{inc.id}").json()
    assert [f["name"] for f in body["files"]] == ["первое.jpg", "второе.jpg"]
    followup = [e for e in body["events"] if e["kind"] == "followup"][-1]
    assert followup["data"]["files"] == ["второе.jpg"]


def test_a_phone_photo_thumbnail_stands_upright(db_url):
    from cur_server.attachments import load

    img = Image.new("RGB", (800, 400), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned, view rotated 90° clockwise
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    server = load_context(db_url)
    with server.db.write() as s:
        ref = store_file(s, IncomingFile("IMG_0001.JPG", "image/jpeg", out.getvalue()))
    with server.db.read() as s:
        row = load(s, ref["id"], full=False)
        assert thumbnail_size(row.thumbnail) == (160, 320)
        assert (row.width, row.height) == (800, 400)  # the file itself is kept as sent


def test_a_picture_put_in_by_editing_a_telegram_message_joins_the_incident(seeded_url, api, tg):
    first, second = photo(), photo(color=(200, 30, 30))
    msg = tg.user_sends_photo(first, "Яма во дворе дома 7")
    run = runner(seeded_url, tg)
    run.run_round()
    edited = tg.user_replaces_photo(msg, second)
    run.run_round()
    (inc,) = tg_incidents(seeded_url)
    body = api("operator1").get(f"{API}/incidents/{inc.id}").json()
    assert [f["size"] for f in body["files"]] == [len(first), len(second)]
    [followup] = [e for e in body["events"] if e["kind"] == "followup"]
    assert len(followup["data"]["files"]) == 1
    # A later edit of the caption alone brings the same picture: stored and listed once.
    tg.user_edits(edited, "Яма во дворе дома 7, у второго подъезда")
    run.run_round()
    body = api("operator1").get(f"{API}/incidents/{inc.id}").json()
    assert len(body["files"]) == 2
    texts = [e["data"]["text"] for e in body["events"] if e["kind"] == "followup"]
    assert texts[-1].endswith("у второго подъезда")
    digest = hashlib.sha256(second).hexdigest()
    with run.server.db.read() as s:
        assert s.scalar(select(func.count()).where(Attachment.sha256 == digest)) == 1
