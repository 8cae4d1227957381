"""Photos for the demo: a few of the newest incidents with links get drawn street pictures as
files the server stores (a pothole, a rubbish heap, a broken bench), so the demo card shows
thumbnails and the viewer. Drawn, not shipped: no binary files in the repository, and the same
pictures from the same seed."""

from __future__ import annotations

import io
import logging
import random

from sqlalchemy import select

from ..attachments import IncomingFile, store_file
from ..db import Database
from ..tables import Incident

log = logging.getLogger(__name__)

#: Incidents (the newest with links, from messengers and social networks) that get photos.
DEMO_PHOTO_INCIDENTS = 12
_CHANNELS = ("telegram", "vk", "ok", "max", "email")


def street_photo(rng: random.Random, width: int = 1280, height: int = 960) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    horizon = height * rng.randint(38, 50) // 100
    cloudy = rng.random() < 0.5
    for y in range(horizon):
        shade = 140 + 100 * y // horizon
        sky = (shade - 10, shade, shade + 10) if cloudy else (shade - 70, shade - 25, 255)
        draw.line([(0, y), (width, y)], fill=sky)
    x = -rng.randint(0, 80)
    while x < width:
        w = rng.randint(width // 7, width // 4)
        top = horizon - rng.randint(height // 8, height // 3)
        colour = rng.choice([(186, 150, 120), (160, 160, 150), (200, 190, 170), (140, 110, 95)])
        draw.rectangle([x, top, x + w - 12, horizon], fill=colour)
        for wy in range(top + 20, horizon - 30, 46):
            for wx in range(x + 16, x + w - 40, 44):
                draw.rectangle([wx, wy, wx + 20, wy + 24], fill=(70, 85, 105))
        x += w
    draw.rectangle([0, horizon, width, height], fill=(98, 98, 104))
    kind = rng.choice(["pothole", "rubbish", "bench"])
    cx, cy = rng.randint(width // 4, width * 3 // 4), rng.randint(horizon + 120, height - 120)
    if kind == "pothole":
        r = rng.randint(70, 130)
        draw.ellipse([cx - 2 * r, cy - r, cx + 2 * r, cy + r], fill=(48, 43, 40))
        draw.ellipse([cx - r, cy - r // 3, cx + r, cy + r // 3], fill=(96, 116, 146))
    elif kind == "rubbish":
        for _ in range(40):
            bx, by = cx + rng.randint(-200, 200), cy + rng.randint(-90, 60)
            s = rng.randint(20, 60)
            colour = rng.choice([(40, 40, 40), (230, 230, 225), (60, 110, 60), (150, 90, 40)])
            draw.ellipse([bx - s, by - s // 2, bx + s, by + s // 2], fill=colour)
    else:
        draw.rectangle([cx - 220, cy - 60, cx + 40, cy - 36], fill=(130, 80, 40))
        draw.polygon(
            [(cx + 40, cy - 60), (cx + 220, cy + 10), (cx + 205, cy + 30), (cx + 40, cy - 36)],
            fill=(120, 72, 36),
        )
        for lx in (cx - 200, cx - 20, cx + 180):
            draw.rectangle([lx, cy - 36, lx + 14, cy + 40], fill=(50, 50, 55))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def attach_demo_photos(db: Database, seed: int = 62) -> int:
    """Give the newest incidents with links drawn photos instead; how many got them."""
    try:
        import PIL  # noqa: F401 - a server installed without Pillow seeds without photos
    except ImportError:
        return 0
    rng = random.Random(seed)
    with db.write() as s:
        chosen = s.scalars(
            select(Incident)
            .where(Incident.channel.in_(_CHANNELS), Incident.training_session_id.is_(None))
            .order_by(Incident.received_at.desc())
            .limit(400)
        ).all()
        chosen = [i for i in chosen if i.attachments][:DEMO_PHOTO_INCIDENTS]
        for inc in chosen:
            refs = [
                store_file(
                    s,
                    IncomingFile(
                        f"IMG_{rng.randint(1000, 9999)}.jpg", "image/jpeg", street_photo(rng)
                    ),
                )
                for _ in inc.attachments[:2]
            ]
            inc.attachments = refs
    return len(chosen)
