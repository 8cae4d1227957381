"""A planted systemic problem for the demo: one heating outage reported by many people.

Real traffic has them (a boiler house fails and a whole street writes in within days); the
random generator does not, so without this the demo's spike and cluster lists would be empty.
The burst replaces generated messages rather than adding to them, so `--incidents N` still
seeds exactly N. Pure data and functions, like `content`.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

MUNICIPALITY = "shilovsky_district"
CATEGORY = "heating"
SECTOR = "housing"
#: Reports in the burst: one per 60 generated messages, at most 40; none for tiny seeds.
MAX_SIZE = 40
MIN_SIZE = 5
#: The burst falls in the last days before `now`.
SPAN = timedelta(days=3)

#: The same address as people write it: with and without «ул.», «д.», «дом».
_ADDRESSES = (
    "р.п. Шилово, ул. Советская, д. 12",
    "р.п. Шилово, улица Советская 12",
    "р.п. Шилово, ул. Советская, дом 12",
    "р.п. Шилово, ул Советская 12",
)
_TEXTS = (
    "Нет отопления во всём доме {a}, батареи ледяные со вчерашнего вечера!",
    "Когда дадут тепло? {a}. Дети болеют, в квартире 14 градусов.",
    "ОТОПЛЕНИЯ НЕТ ({a})!!! УК не берёт трубку, аварийная тоже.",
    "Здравствуйте. По адресу {a} вторые сутки холодные батареи. Котельная молчит.",
    "{a} — в доме нет тепла, старики сидят в пальто. Примите меры!",
    "Почему отключили отопление на Советской? Адрес {a}, никакого предупреждения не было.",
    "Прошу разобраться: {a}, отопление не работает, обогреватели выбивают пробки.",
    "Холодно в квартирах, батареи чуть тёплые. {a}. Сколько можно ждать?",
)


def burst_size(count: int) -> int:
    size = min(MAX_SIZE, count // 60)
    return size if size >= MIN_SIZE else 0


def plant_burst(items: list[dict], *, now: datetime, seed: int, days: int) -> None:
    """Turn `burst_size(len(items))` of the generated messages into reports of one outage
    within the last `SPAN` (or `days`, if shorter) before `now`."""
    size = burst_size(len(items))
    if not size:
        return
    rng = random.Random(seed * 7919 + 1)
    span = min(SPAN, timedelta(days=days))
    for item in rng.sample(items, size):
        address = rng.choice(_ADDRESSES)
        item.update(
            text=rng.choice(_TEXTS).format(a=address),
            municipality_code=MUNICIPALITY,
            sector=SECTOR,
            category=CATEGORY,
            received_at=now - span * rng.random(),
        )
