"""The workstation's attachments against the real server over HTTP: the stored files reach the
cache with the incident, thumbnails and files are fetched and kept in the encrypted cache,
shown offline from it, and the cache keeps within its limit, the least recently used first."""

from __future__ import annotations

import io
import json
import secrets

from PIL import Image

from cur_desktop.models.cache.attachment_cache import AttachmentCache, cache_key
from cur_desktop.models.domain import Channel
from cur_desktop.sync.attachments import MISSING, OFFLINE, AttachmentSource
from cur_server.attachments import IncomingFile
from cur_server.channels.intake import CREATED, Inbound, Intake
from cur_server.context import load_context
from cur_server.embedded import EmbeddedServer
from tests.sync.harness import Workstation


def picture(seed: int, side: int = 900) -> bytes:
    img = Image.new("RGB", (side, side * 2 // 3), (seed * 40 % 255, 90, 160))
    img.paste((250, 250, 250), (seed * 10, 10, seed * 10 + 60, 80))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def incident_with_photos(
    server_url: str, source_id: str, *photos: bytes, names: list[str] | None = None
) -> None:
    names = names or [f"фото-{n}.jpg" for n in range(len(photos))]
    files = tuple(
        IncomingFile(name, "image/jpeg", p) for name, p in zip(names, photos, strict=True)
    )
    message = Inbound(
        channel=Channel.TELEGRAM,
        source_id=source_id,
        text="Яма у дома 3, фото приложены",
        received_at=None,
        author_name="Ирина",
        municipality_code="ryazan",
        files=files,
    )
    assert Intake(load_context(server_url)).accept(message) == CREATED


def test_files_are_fetched_cached_and_shown_offline(server_url, tmp_path):
    photos = [picture(1), picture(2)]
    incident_with_photos(server_url, "5550001:901", *photos)
    with EmbeddedServer(server_url) as server:
        ws = Workstation(server.url, "operator1", tmp_path / "ws", key=secrets.token_hex(32))
        ws.sync()
        row = ws.first(source_id="5550001:901")
        files = json.loads(row["files"])
        assert [f["name"] for f in files] == ["фото-0.jpg", "фото-1.jpg"]
        assert all(f["thumbnail"] for f in files)
        source = AttachmentSource(ws.client, AttachmentCache(ws.store))

        thumb = source.fetch(row["id"], files[0]["id"], thumbnail=True)
        assert thumb.data is not None and not thumb.from_cache
        assert thumb.data[:2] == b"\xff\xd8" and len(thumb.data) < len(photos[0])
        full = source.fetch(row["id"], files[0]["id"], thumbnail=False)
        assert full.data == photos[0]
        again = source.fetch(row["id"], files[0]["id"], thumbnail=True)
        assert again.from_cache and again.data == thumb.data
        gone = source.fetch(row["id"], 999_999, thumbnail=True)
        assert gone.data is None and gone.why == MISSING
        before = ws.client.bytes_received

    # The server is gone: what was seen is there, what was not says why.
    assert source.fetch(row["id"], files[0]["id"], thumbnail=False).data == photos[0]
    assert source.fetch(row["id"], files[0]["id"], thumbnail=True).data == thumb.data
    unseen = source.fetch(row["id"], files[1]["id"], thumbnail=True)
    assert unseen.data is None and unseen.why == OFFLINE
    assert ws.client.bytes_received == before

    # Kept in the encrypted cache: a new session on the same file has them too.
    ws.close()
    from cur_desktop.models.cache.store import CacheStore

    store = CacheStore(tmp_path / "ws" / "cache.db", ws.key)
    try:
        reopened = AttachmentCache(store)
        assert reopened.get(cache_key(files[0]["id"], thumbnail=False)) == photos[0]
    finally:
        store.close()


def test_the_cache_keeps_within_its_limit_dropping_the_least_recently_used(server_url, tmp_path):
    photos = [picture(n, side=1200) for n in range(1, 5)]
    incident_with_photos(server_url, "5550001:902", *photos)
    with EmbeddedServer(server_url) as server:
        ws = Workstation(server.url, "operator1", tmp_path / "ws", key=secrets.token_hex(32))
        try:
            ws.sync()
            row = ws.first(source_id="5550001:902")
            ids = [f["id"] for f in json.loads(row["files"])]
            largest = max(len(p) for p in photos)
            cache = AttachmentCache(ws.store, limit_bytes=int(largest * 2.5))
            ticks = iter(range(1, 1000))
            cache.now = lambda: float(next(ticks))
            source = AttachmentSource(ws.client, cache)

            for n in (0, 1):
                assert source.fetch(row["id"], ids[n], thumbnail=False).data == photos[n]
            assert source.fetch(row["id"], ids[0], thumbnail=False).from_cache  # 0 used again
            assert source.fetch(row["id"], ids[2], thumbnail=False).data == photos[2]
            # 1 was the least recently used: it went to make room for 2.
            assert cache.keys() == {cache_key(i, thumbnail=False) for i in (ids[0], ids[2])}
            count, size = cache.usage()
            assert count == 2 and size <= cache.limit_bytes
            refetched = source.fetch(row["id"], ids[1], thumbnail=False)
            assert refetched.data == photos[1] and not refetched.from_cache

            # A lower limit evicts at once; a file larger than the whole limit is not kept.
            cache.set_limit(largest)
            assert cache.usage()[0] == 1
            cache.set_limit(100)
            assert cache.usage() == (0, 0)
            assert source.fetch(row["id"], ids[3], thumbnail=False).data == photos[3]
            assert cache.usage() == (0, 0)
        finally:
            ws.close()
