import re
import time
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from itertools import islice

import pytest

from cur_desktop.models.domain import Channel, Importance, ReplyKind, Sector
from cur_desktop.models.templates import KNOWN_PLACEHOLDERS, placeholders, validate_template
from cur_server.demo import content
from cur_server.demo.content import (
    AGENCIES,
    ANONYMOUS_SHARE,
    AUTHOR_NAMES,
    CATEGORIES,
    MESSAGES,
    MUNICIPALITIES,
    REGION,
    STREETS,
    TEMPLATES,
    generate_incidents,
)

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
SECTORS = {s.value for s in Sector}
CATEGORY_CODES = {c["code"] for cats in CATEGORIES.values() for c in cats}


def test_region():
    assert REGION == {"code": "62", "name": "Рязанская область", "timezone": "Europe/Moscow"}


def test_municipalities():
    assert len(MUNICIPALITIES) == 29
    codes = [m["code"] for m in MUNICIPALITIES]
    assert len(set(codes)) == 29
    assert all(SLUG.match(code) for code in codes)
    names = [m["name"] for m in MUNICIPALITIES]
    assert len(set(names)) == 29
    kinds = Counter(m["kind"] for m in MUNICIPALITIES)
    assert kinds["city_okrug"] == 4
    assert set(kinds) <= {"city_okrug", "municipal_okrug", "district"}
    by_code = {m["code"]: m for m in MUNICIPALITIES}
    assert by_code["ryazan"]["name"] == "городской округ город Рязань"
    assert by_code["shilovsky_district"]["name"] == "Шиловский муниципальный район"
    assert by_code["kasimovsky_district"]["name"] == "Касимовский муниципальный округ"
    for m in MUNICIPALITIES:
        assert set(m) == {"code", "name", "kind", "population"}
        assert isinstance(m["population"], int) and m["population"] > 1000
    # the regional capital is by far the largest
    assert max(MUNICIPALITIES, key=lambda m: m["population"])["code"] == "ryazan"


def test_all_districts_present():
    adjectives = (
        "Александро-Невский Ермишинский Захаровский Кадомский Касимовский Клепиковский "
        "Кораблинский Милославский Михайловский Пителинский Пронский Путятинский Рыбновский "
        "Ряжский Рязанский Сапожковский Сараевский Сасовский Скопинский Спасский Старожиловский "
        "Шацкий Шиловский Чучковский Ухоловский"
    ).split()
    names = [m["name"] for m in MUNICIPALITIES]
    for adjective in adjectives:
        assert sum(name.startswith(adjective + " ") for name in names) == 1, adjective
    for city in ("Рязань", "Касимов", "Сасово", "Скопин"):
        assert f"городской округ город {city}" in names


def test_streets_for_every_municipality():
    assert set(STREETS) == {m["code"] for m in MUNICIPALITIES}
    for code, streets in STREETS.items():
        assert len(streets) >= 2, code
        assert len(set(streets)) == len(streets), code
        assert all(s.strip() == s and "{" not in s for s in streets)
    assert {"ул. Каширина", "Московское шоссе", "ул. Полонского"} <= set(STREETS["ryazan"])


def test_categories():
    assert set(CATEGORIES) == SECTORS
    codes = [c["code"] for cats in CATEGORIES.values() for c in cats]
    assert len(codes) == len(set(codes))
    for sector, categories in CATEGORIES.items():
        assert sector in SECTORS
        assert 4 <= len(categories) <= 8, sector
        for category in categories:
            assert set(category) == {"code", "name"}
            assert SLUG.match(category["code"])
            assert re.search("[а-яА-ЯёЁ]", category["name"])
        assert len({c["name"] for c in categories}) == len(categories)
    road_names = {c["name"] for c in CATEGORIES["roads"]}
    assert {"Ямы и разрушение покрытия", "Уборка снега и наледи", "Освещение улиц"} <= road_names
    assert {"Отопление", "Горячее водоснабжение", "Протечка кровли"} <= {
        c["name"] for c in CATEGORIES["housing"]
    }
    assert {"Невывоз мусора", "Стихийные свалки"} <= {c["name"] for c in CATEGORIES["waste"]}
    assert content.CATEGORY_SECTOR["potholes"] == "roads"


def test_agencies():
    codes = [a["code"] for a in AGENCIES]
    assert len(codes) == len(set(codes))
    municipality_codes = {m["code"] for m in MUNICIPALITIES}
    for agency in AGENCIES:
        assert set(agency) == {"code", "name", "sector", "municipality_code"}
        assert SLUG.match(agency["code"])
        assert agency["sector"] is None or agency["sector"] in SECTORS
        assert (
            agency["municipality_code"] is None or agency["municipality_code"] in municipality_codes
        )
    names = {a["name"] for a in AGENCIES}
    for expected in (
        "Министерство здравоохранения Рязанской области",
        "Министерство образования Рязанской области",
        "Министерство транспорта и автомобильных дорог Рязанской области",
        "Министерство ТЭК и ЖКХ Рязанской области",
        "Министерство социальной защиты населения Рязанской области",
        "Государственная жилищная инспекция Рязанской области",
        "Администрация города Рязани",
        "Администрация Шиловского муниципального района",
        "Администрация Касимовского муниципального округа",
    ):
        assert expected in names
    # every sector has a regional body to route to
    regional_sectors = {a["sector"] for a in AGENCIES if a["municipality_code"] is None}
    assert SECTORS <= regional_sectors


def test_every_municipality_has_an_administration():
    for municipality in MUNICIPALITIES:
        administrations = [
            a
            for a in AGENCIES
            if a["municipality_code"] == municipality["code"]
            and a["name"].startswith("Администрация")
        ]
        assert len(administrations) == 1, municipality["code"]
        code = content.administration_code(municipality["code"])
        assert administrations[0]["code"] == code
    with pytest.raises(KeyError):
        content.administration_code("moscow")


def test_templates_valid():
    assert len(TEMPLATES) >= 36
    codes = [t["code"] for t in TEMPLATES]
    assert len(codes) == len(set(codes))
    kinds = {k.value for k in ReplyKind}
    for template in TEMPLATES:
        assert set(template) == {"code", "title", "sector", "category", "kind", "text"}
        assert SLUG.match(template["code"])
        assert template["kind"] in kinds
        assert template["sector"] is None or template["sector"] in SECTORS
        if template["category"] is not None:
            assert template["category"] in CATEGORY_CODES
            assert content.CATEGORY_SECTOR[template["category"]] == template["sector"]
        validate_template(template["text"])
        assert template["text"].startswith("{greeting}"), template["code"]
        assert template["text"].rstrip().endswith("ЦУР Рязанской области."), template["code"]
        assert "принято к сведению" not in template["text"].lower()
        sentences = [s for s in re.split(r"[.!?](?:\s|$)", template["text"]) if s.strip()]
        assert 2 <= len(sentences) <= 6, template["code"]


def test_templates_cover_every_sector_and_kind():
    present = {(t["sector"], t["kind"]) for t in TEMPLATES}
    for sector in SECTORS:
        assert (sector, "interim") in present, sector
        assert (sector, "final") in present, sector
    for kind in ("interim", "final", "clarification"):
        assert (None, kind) in present
    universal_clarifications = [
        t for t in TEMPLATES if t["sector"] is None and t["kind"] == "clarification"
    ]
    assert any("адрес" in t["text"] for t in universal_clarifications)


def test_templates_use_the_main_placeholders():
    used = Counter(name for t in TEMPLATES for name in placeholders(t["text"]))
    assert set(used) <= set(KNOWN_PLACEHOLDERS)
    for name in (
        "greeting",
        "incident_number",
        "agency",
        "deadline_date",
        "address",
        "operator_name",
    ):
        assert used[name] >= 5, name


def test_messages():
    assert set(MESSAGES) == CATEGORY_CODES
    corpus = [text for texts in MESSAGES.values() for text in texts]
    for code, texts in MESSAGES.items():
        assert len(texts) >= 3, code
        assert len(set(texts)) == len(texts), code
        for text in texts:
            # {address} is the only slot; other braces would survive into the feed
            assert placeholders(text) in ([], ["address"]), text
    assert sum("{address}" in text for text in corpus) >= 50
    assert any("<script>alert(1)</script>" in text for text in corpus)
    assert any("<b>" in text for text in corpus)
    assert any("https://" in text for text in corpus)
    assert any(re.search("[\U0001f300-\U0001faff]", text) for text in corpus)
    assert any(text.isupper() or text.upper() == text for text in corpus)


def test_author_names():
    assert len(AUTHOR_NAMES) >= 30
    assert len(set(AUTHOR_NAMES)) == len(AUTHOR_NAMES)
    assert "Аноним" not in AUTHOR_NAMES
    assert ANONYMOUS_SHARE == 0.1


def test_generator_yields_exactly_count_and_is_lazy():
    stream = generate_incidents(5, now=NOW)
    assert iter(stream) is stream
    assert len(list(stream)) == 5
    assert list(generate_incidents(0, now=NOW)) == []
    assert sum(1 for _ in generate_incidents(2500, now=NOW)) == 2500
    # taking a few items from a huge run is instant: nothing is built up front
    started = time.perf_counter()
    assert len(list(islice(generate_incidents(10**9, now=NOW), 3))) == 3
    assert time.perf_counter() - started < 1


def test_generator_is_deterministic():
    first = list(generate_incidents(3000, seed=7, now=NOW))
    second = list(generate_incidents(3000, seed=7, now=NOW))
    assert first == second
    other = list(generate_incidents(3000, seed=8, now=NOW))
    assert first != other
    # a shorter run is a prefix of a longer one
    assert list(generate_incidents(1500, seed=7, now=NOW)) == first[:1500]
    assert list(generate_incidents(10, now=NOW)) == list(generate_incidents(10, seed=62, now=NOW))


def test_generator_rejects_bad_arguments():
    with pytest.raises(ValueError):
        generate_incidents(10, now=datetime(2026, 3, 16, 9, 30))
    with pytest.raises(ValueError):
        generate_incidents(-1, now=NOW)
    with pytest.raises(ValueError):
        generate_incidents(10, now=NOW, days=0)


def test_generated_items_are_well_formed():
    municipality_codes = {m["code"] for m in MUNICIPALITIES}
    channels = {c.value for c in Channel}
    start = NOW - timedelta(days=30)
    for item in generate_incidents(5000, now=NOW, days=30):
        assert set(item) == {
            "channel",
            "source_id",
            "source_url",
            "author_name",
            "text",
            "attachments",
            "received_at",
            "municipality_code",
            "sector",
            "category",
            "importance",
        }
        assert item["channel"] in channels
        assert isinstance(item["source_id"], str) and item["source_id"]
        assert item["source_url"] is None or item["source_url"].startswith("https://")
        assert item["author_name"] is None or item["author_name"] in AUTHOR_NAMES
        assert "{address}" not in item["text"]
        assert item["text"]
        assert isinstance(item["attachments"], list) and len(item["attachments"]) <= 3
        assert all(url.startswith("https://") for url in item["attachments"])
        received = item["received_at"]
        assert received.tzinfo is not None and received.utcoffset() == timedelta(0)
        assert start <= received <= NOW
        assert item["municipality_code"] in municipality_codes
        assert item["category"] in CATEGORY_CODES
        assert content.CATEGORY_SECTOR[item["category"]] == item["sector"]
        assert item["importance"] in {i.value for i in Importance}
        if item["channel"] == "vk":
            assert item["source_url"].startswith("https://vk.com/wall-")
        if item["channel"] == "pos":
            assert item["source_url"].startswith("https://pos.gosuslugi.ru/")
            assert item["author_name"] is not None


def test_addresses_come_from_the_chosen_municipality():
    checked = 0
    for item in generate_incidents(3000, now=NOW):
        streets = STREETS[item["municipality_code"]]
        for template in MESSAGES[item["category"]]:
            if "{address}" not in template:
                continue
            prefix, _, _ = template.partition("{address}")
            if item["text"].startswith(prefix) and prefix:
                rest = item["text"][len(prefix) :]
                if any(rest.startswith(street + ", д. ") for street in streets):
                    checked += 1
                    break
    assert checked > 300


def test_received_at_with_non_utc_now():
    moscow_now = datetime(2026, 3, 16, 12, 30, tzinfo=timezone(timedelta(hours=3)))
    items = list(generate_incidents(500, now=moscow_now, days=2))
    assert all(i["received_at"].tzinfo is UTC for i in items)
    assert all(moscow_now - timedelta(days=2) <= i["received_at"] <= moscow_now for i in items)


def test_shares_roughly_as_stated():
    items = list(generate_incidents(20_000, now=NOW))
    n = len(items)
    channels = Counter(i["channel"] for i in items)
    expected = {
        "vk": 0.40,
        "telegram": 0.15,
        "ok": 0.10,
        "max": 0.05,
        "gospublic_comment": 0.10,
        "pos": 0.15,
        "chatbot": 0.03,
        "other": 0.02,
    }
    for channel, share in expected.items():
        assert abs(channels[channel] / n - share) < 0.015, channel
    high = sum(i["importance"] == "high" for i in items) / n
    assert 0.065 < high < 0.095
    anonymous = sum(i["author_name"] is None for i in items) / n
    assert 0.085 < anonymous < 0.115
    with_attachments = sum(bool(i["attachments"]) for i in items) / n
    assert 0.05 < with_attachments < 0.3
    assert {i["sector"] for i in items} == SECTORS
    assert len({i["category"] for i in items}) == len(CATEGORY_CODES)
    assert len({i["municipality_code"] for i in items}) == 29


def test_distribution_by_population_and_time():
    items = list(generate_incidents(20_000, now=NOW, days=60))
    n = len(items)
    municipalities = Counter(i["municipality_code"] for i in items)
    total_population = sum(m["population"] for m in MUNICIPALITIES)
    ryazan = next(m for m in MUNICIPALITIES if m["code"] == "ryazan")
    assert abs(municipalities["ryazan"] / n - ryazan["population"] / total_population) < 0.02
    assert municipalities["ryazan"] > 10 * municipalities["pitelinsky_district"]

    moscow_hours = Counter((i["received_at"] + timedelta(hours=3)).hour for i in items)
    assert moscow_hours[11] > 4 * moscow_hours[3]
    weekdays = Counter((i["received_at"] + timedelta(hours=3)).weekday() for i in items)
    assert weekdays[2] > 1.3 * weekdays[6]
    recent = sum(i["received_at"] >= NOW - timedelta(days=20) for i in items)
    oldest = sum(i["received_at"] < NOW - timedelta(days=40) for i in items)
    assert recent > 1.3 * oldest


def test_source_ids_unique():
    ids = [i["source_id"] for i in generate_incidents(50_000, now=NOW)]
    assert len(set(ids)) == len(ids)
    prefixes = Counter(source_id.split("-")[0] for source_id in ids)
    assert {"vk", "tg", "ok", "max", "gp", "pos", "bot", "other"} <= set(prefixes)


@pytest.mark.slow
def test_generator_speed():
    started = time.perf_counter()
    count = sum(1 for _ in generate_incidents(250_000, now=NOW))
    elapsed = time.perf_counter() - started
    assert count == 250_000
    # about 1.2 s on a developer machine; generous bound for loaded CI runners
    assert elapsed < 10
