"""Demo content for one real region: Рязанская область.

Pure data and pure generator functions: no database, no server imports, no I/O. The server's
demo loader and the workstation's training mode both read from here, so that a demo looks like a
real feed of a regional management centre (ЦУР) rather than "test test 123".

Municipalities, agencies and most street names are real; citizens' messages, author names and
source identifiers are invented. Municipal codes are stable ASCII slugs and do not follow the
administrative reform of 2023–2025 (several districts became municipal okrugs; see ``kind``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

from cur_desktop.models.domain import Channel, Importance, ReplyKind, Sector

REGION: dict[str, str] = {"code": "62", "name": "Рязанская область", "timezone": "Europe/Moscow"}

# code, official name, kind, approximate population, administration (as written on letterheads)
_MUNICIPALITY_ROWS: tuple[tuple[str, str, str, int, str], ...] = (
    (
        "ryazan",
        "городской округ город Рязань",
        "city_okrug",
        530_000,
        "Администрация города Рязани",
    ),
    (
        "kasimov",
        "городской округ город Касимов",
        "city_okrug",
        27_500,
        "Администрация города Касимова",
    ),
    ("sasovo", "городской округ город Сасово", "city_okrug", 24_500, "Администрация города Сасово"),
    (
        "skopin",
        "городской округ город Скопин",
        "city_okrug",
        25_500,
        "Администрация города Скопина",
    ),
)

# slug stem, adjective (masculine nominative), kind, approximate population
_DISTRICT_ROWS: tuple[tuple[str, str, str, int], ...] = (
    ("alexandro_nevsky", "Александро-Невский", "municipal_okrug", 10_500),
    ("ermishinsky", "Ермишинский", "municipal_okrug", 6_800),
    ("zakharovsky", "Захаровский", "district", 7_700),
    ("kadomsky", "Кадомский", "municipal_okrug", 7_300),
    ("kasimovsky", "Касимовский", "municipal_okrug", 25_300),
    ("klepikovsky", "Клепиковский", "district", 22_500),
    ("korablinsky", "Кораблинский", "municipal_okrug", 21_500),
    ("miloslavsky", "Милославский", "district", 11_500),
    ("mikhaylovsky", "Михайловский", "municipal_okrug", 30_500),
    ("pitelinsky", "Пителинский", "municipal_okrug", 4_800),
    ("pronsky", "Пронский", "municipal_okrug", 28_100),
    ("putyatinsky", "Путятинский", "municipal_okrug", 6_700),
    ("rybnovsky", "Рыбновский", "district", 38_300),
    ("ryazhsky", "Ряжский", "municipal_okrug", 27_700),
    ("ryazansky", "Рязанский", "municipal_okrug", 60_500),
    ("sapozhkovsky", "Сапожковский", "municipal_okrug", 9_300),
    ("saraevsky", "Сараевский", "district", 14_300),
    ("sasovsky", "Сасовский", "municipal_okrug", 15_000),
    ("skopinsky", "Скопинский", "municipal_okrug", 24_100),
    ("spassky", "Спасский", "municipal_okrug", 26_000),
    ("starozhilovsky", "Старожиловский", "municipal_okrug", 14_500),
    ("shatsky", "Шацкий", "district", 18_000),
    ("shilovsky", "Шиловский", "district", 29_000),
    ("chuchkovsky", "Чучковский", "municipal_okrug", 7_300),
    ("ukholovsky", "Ухоловский", "municipal_okrug", 10_000),
)

_KIND_NOUN = {"district": "муниципальный район", "municipal_okrug": "муниципальный округ"}
_KIND_NOUN_GENITIVE = {
    "district": "муниципального района",
    "municipal_okrug": "муниципального округа",
}


def _genitive(adjective: str) -> str:
    # every adjective above ends in "-ий": Шиловский -> Шиловского, Шацкий -> Шацкого
    return adjective[:-2] + "ого"


def _build_municipalities() -> tuple[list[dict], dict[str, str]]:
    rows: list[dict] = []
    administrations: dict[str, str] = {}
    for code, name, kind, population, administration in _MUNICIPALITY_ROWS:
        rows.append({"code": code, "name": name, "kind": kind, "population": population})
        administrations[code] = administration
    for stem, adjective, kind, population in _DISTRICT_ROWS:
        code = f"{stem}_district"
        name = f"{adjective} {_KIND_NOUN[kind]}"
        rows.append({"code": code, "name": name, "kind": kind, "population": population})
        administrations[code] = f"Администрация {_genitive(adjective)} {_KIND_NOUN_GENITIVE[kind]}"
    return rows, administrations


MUNICIPALITIES, _ADMINISTRATIONS = _build_municipalities()

STREETS: dict[str, list[str]] = {
    "ryazan": [
        "ул. Каширина",
        "Московское шоссе",
        "ул. Полонского",
        "ул. Новосёлов",
        "ул. Бирюзова",
        "ул. Великанова",
        "ул. Зубковой",
        "ул. Интернациональная",
        "ул. Крупской",
        "ул. Братиславская",
        "ул. Гагарина",
        "ул. Есенина",
        "ул. Чкалова",
        "ул. Дзержинского",
        "Первомайский проспект",
        "Михайловское шоссе",
        "проезд Яблочкова",
        "ул. Вокзальная",
    ],
    "kasimov": ["ул. Советская", "ул. Ленина", "ул. Октябрьская", "ул. Набережная", "ул. Садовая"],
    "sasovo": ["ул. Вокзальная", "мкр. Северный", "ул. Ленина", "ул. Пушкина", "ул. Некрасова"],
    "skopin": ["ул. Ленина", "ул. Карла Маркса", "ул. Пушкина", "ул. Орджоникидзе", "ул. Школьная"],
    "alexandro_nevsky_district": [
        "р.п. Александро-Невский, ул. Советская",
        "р.п. Александро-Невский, ул. Почтовая",
        "р.п. Александро-Невский, ул. Молодёжная",
    ],
    "ermishinsky_district": [
        "р.п. Ермишь, ул. Ленина",
        "р.п. Ермишь, ул. Советская",
        "р.п. Ермишь, ул. Школьная",
    ],
    "zakharovsky_district": [
        "с. Захарово, ул. Центральная",
        "с. Захарово, ул. Школьная",
        "с. Захарово, ул. Садовая",
    ],
    "kadomsky_district": [
        "р.п. Кадом, ул. Ленина",
        "р.п. Кадом, ул. Советская",
        "р.п. Кадом, ул. Садовая",
    ],
    "kasimovsky_district": [
        "р.п. Гусь-Железный, ул. Советская",
        "р.п. Елатьма, ул. Ленина",
        "р.п. Лашма, ул. Школьная",
        "с. Ерахтур, ул. Центральная",
    ],
    "klepikovsky_district": [
        "г. Спас-Клепики, ул. Ленина",
        "г. Спас-Клепики, ул. Советская",
        "р.п. Тума, ул. Советская",
        "р.п. Тума, ул. Ленина",
    ],
    "korablinsky_district": [
        "г. Кораблино, ул. Маяковского",
        "г. Кораблино, ул. Кирова",
        "г. Кораблино, ул. Ленина",
    ],
    "miloslavsky_district": [
        "р.п. Милославское, ул. Ленина",
        "р.п. Милославское, ул. Школьная",
        "р.п. Милославское, ул. Гагарина",
    ],
    "mikhaylovsky_district": [
        "г. Михайлов, ул. Ленина",
        "г. Михайлов, ул. Рабочая",
        "р.п. Октябрьский, ул. Октябрьская",
    ],
    "pitelinsky_district": ["р.п. Пителино, ул. Центральная", "р.п. Пителино, ул. Набережная"],
    "pronsky_district": [
        "р.п. Пронск, ул. Советская",
        "г. Новомичуринск, ул. Строителей",
        "г. Новомичуринск, ул. Энергетиков",
        "р.п. Пронск, ул. Школьная",
    ],
    "putyatinsky_district": ["с. Путятино, ул. Ленина", "с. Путятино, ул. Больничная"],
    "rybnovsky_district": [
        "г. Рыбное, ул. Почтовая",
        "г. Рыбное, ул. Большая",
        "г. Рыбное, ул. Перкина",
        "с. Константиново",
    ],
    "ryazhsky_district": [
        "г. Ряжск, ул. Ленина",
        "г. Ряжск, ул. Вокзальная",
        "г. Ряжск, ул. Советская",
    ],
    "ryazansky_district": [
        "с. Дядьково, ул. Школьная",
        "с. Мурмино, ул. Советская",
        "с. Поляны, ул. Центральная",
        "пос. Листвянка",
        "с. Вышгород",
    ],
    "sapozhkovsky_district": ["р.п. Сапожок, ул. Пушкина", "р.п. Сапожок, ул. Советская"],
    "saraevsky_district": ["р.п. Сараи, ул. Ленина", "р.п. Сараи, ул. Молодёжная"],
    "sasovsky_district": ["с. Кустарёвка, ул. Центральная", "с. Агломазово, ул. Школьная"],
    "skopinsky_district": [
        "р.п. Побединка, ул. Ленина",
        "р.п. Побединка, ул. Шахтёрская",
        "с. Чулково",
    ],
    "spassky_district": [
        "г. Спасск-Рязанский, ул. Ленина",
        "г. Спасск-Рязанский, ул. Советская",
        "с. Ижевское, ул. Циолковского",
        "пос. Кирицы",
    ],
    "starozhilovsky_district": [
        "р.п. Старожилово, ул. Советская",
        "р.п. Старожилово, ул. Школьная",
        "пос. совхоза им. Ленина",
        "д. Луговое",
    ],
    "shatsky_district": [
        "г. Шацк, ул. Красная",
        "г. Шацк, ул. Интернациональная",
        "г. Шацк, ул. Садовая",
    ],
    "shilovsky_district": [
        "р.п. Шилово, ул. Советская",
        "р.п. Шилово, ул. Космонавтов",
        "р.п. Шилово, ул. Спасская",
        "р.п. Лесной, ул. Ленина",
    ],
    "chuchkovsky_district": ["р.п. Чучково, ул. Советская", "р.п. Чучково, ул. Школьная"],
    "ukholovsky_district": ["р.п. Ухолово, ул. Ленина", "р.п. Ухолово, ул. Советская"],
}

CATEGORIES: dict[str, list[dict]] = {
    Sector.HEALTH.value: [
        {"code": "doctor_appointment", "name": "Запись к врачу"},
        {"code": "medicine_supply", "name": "Лекарственное обеспечение"},
        {"code": "ambulance", "name": "Работа скорой помощи"},
        {"code": "doctor_shortage", "name": "Нехватка врачей"},
        {"code": "clinic_conditions", "name": "Состояние медицинских учреждений"},
        {"code": "staff_behavior", "name": "Отношение медицинского персонала"},
    ],
    Sector.EDUCATION.value: [
        {"code": "school_meals", "name": "Питание в школах"},
        {"code": "kindergarten_queue", "name": "Очередь в детский сад"},
        {"code": "school_transport", "name": "Подвоз школьников"},
        {"code": "school_repair", "name": "Ремонт школ и детских садов"},
        {"code": "school_safety", "name": "Безопасность детей"},
    ],
    Sector.ROADS.value: [
        {"code": "potholes", "name": "Ямы и разрушение покрытия"},
        {"code": "snow_removal", "name": "Уборка снега и наледи"},
        {"code": "street_lighting", "name": "Освещение улиц"},
        {"code": "sidewalks", "name": "Тротуары и пешеходные переходы"},
        {"code": "traffic_signs", "name": "Светофоры и дорожные знаки"},
        {"code": "yard_driveways", "name": "Дворовые проезды и парковки"},
    ],
    Sector.TRANSPORT.value: [
        {"code": "bus_schedule", "name": "Нарушение расписания"},
        {"code": "route_changes", "name": "Отмена и изменение маршрутов"},
        {"code": "vehicle_condition", "name": "Состояние транспорта"},
        {"code": "driver_behavior", "name": "Поведение водителей и кондукторов"},
        {"code": "fare_payment", "name": "Оплата проезда"},
        {"code": "bus_stops", "name": "Остановочные пункты"},
    ],
    Sector.ENERGY.value: [
        {"code": "power_outage", "name": "Отключение электроэнергии"},
        {"code": "low_voltage", "name": "Низкое напряжение"},
        {"code": "gas_supply", "name": "Газоснабжение"},
        {"code": "gasification", "name": "Газификация и догазификация"},
        {"code": "power_lines", "name": "Аварийные опоры и провода"},
    ],
    Sector.HOUSING.value: [
        {"code": "heating", "name": "Отопление"},
        {"code": "hot_water", "name": "Горячее водоснабжение"},
        {"code": "cold_water", "name": "Холодное водоснабжение"},
        {"code": "roof_leak", "name": "Протечка кровли"},
        {"code": "sewage", "name": "Канализация"},
        {"code": "elevator", "name": "Лифты"},
        {"code": "management_company", "name": "Работа управляющей компании"},
        {"code": "capital_repair", "name": "Капитальный ремонт"},
    ],
    Sector.WASTE.value: [
        {"code": "garbage_not_collected", "name": "Невывоз мусора"},
        {"code": "illegal_dumps", "name": "Стихийные свалки"},
        {"code": "container_sites", "name": "Контейнерные площадки"},
        {"code": "waste_billing", "name": "Начисления за вывоз ТКО"},
        {"code": "bulky_waste", "name": "Крупногабаритные отходы"},
    ],
    Sector.SOCIAL.value: [
        {"code": "benefits", "name": "Выплаты и пособия"},
        {"code": "large_families", "name": "Поддержка многодетных семей"},
        {"code": "disability_support", "name": "Поддержка людей с инвалидностью"},
        {"code": "svo_support", "name": "Поддержка участников СВО и их семей"},
        {"code": "elderly_care", "name": "Социальное обслуживание пожилых"},
        {"code": "rehab_equipment", "name": "Технические средства реабилитации"},
    ],
    Sector.OTHER.value: [
        {"code": "stray_animals", "name": "Безнадзорные животные"},
        {"code": "landscaping", "name": "Благоустройство и озеленение"},
        {"code": "playgrounds", "name": "Детские и спортивные площадки"},
        {"code": "mobile_internet", "name": "Мобильная связь и интернет"},
        {"code": "noise", "name": "Шум и нарушение тишины"},
        {"code": "other_questions", "name": "Прочие вопросы"},
    ],
}

CATEGORY_SECTOR: dict[str, str] = {
    category["code"]: sector for sector, categories in CATEGORIES.items() for category in categories
}

_REGIONAL_AGENCIES: tuple[tuple[str, str, str | None], ...] = (
    ("minzdrav", "Министерство здравоохранения Рязанской области", Sector.HEALTH.value),
    (
        "tfoms",
        "Территориальный фонд обязательного медицинского страхования Рязанской области",
        Sector.HEALTH.value,
    ),
    ("minobr", "Министерство образования Рязанской области", Sector.EDUCATION.value),
    (
        "mintrans",
        "Министерство транспорта и автомобильных дорог Рязанской области",
        Sector.TRANSPORT.value,
    ),
    (
        "road_directorate",
        "ГКУ Рязанской области «Дирекция дорог Рязанской области»",
        Sector.ROADS.value,
    ),
    ("mintek", "Министерство ТЭК и ЖКХ Рязанской области", Sector.ENERGY.value),
    (
        "ryazanenergo",
        "Филиал ПАО «Россети Центр и Приволжье» — «Рязаньэнерго»",
        Sector.ENERGY.value,
    ),
    ("gazprom_gro", "АО «Газпром газораспределение Рязанская область»", Sector.ENERGY.value),
    ("gzhi", "Государственная жилищная инспекция Рязанской области", Sector.HOUSING.value),
    (
        "capital_repair_fund",
        "Фонд капитального ремонта многоквартирных домов Рязанской области",
        Sector.HOUSING.value,
    ),
    (
        "eco_pronsk",
        "ООО «Эко-Пронск» — региональный оператор по обращению с ТКО",
        Sector.WASTE.value,
    ),
    ("minprirody", "Министерство природопользования Рязанской области", Sector.WASTE.value),
    ("minsoc", "Министерство социальной защиты населения Рязанской области", Sector.SOCIAL.value),
    ("sfr", "Отделение Социального фонда России по Рязанской области", Sector.SOCIAL.value),
    (
        "mincifra",
        "Министерство цифрового развития, информационных технологий и связи Рязанской области",
        Sector.OTHER.value,
    ),
    ("mchs", "Главное управление МЧС России по Рязанской области", Sector.OTHER.value),
    ("regional_government", "Правительство Рязанской области", None),
)

_MUNICIPAL_AGENCIES: tuple[tuple[str, str, str, str], ...] = (
    ("urt_ryazan", "МУП «УРТ» г. Рязани", Sector.TRANSPORT.value, "ryazan"),
)


def _build_agencies() -> list[dict]:
    agencies = [
        {"code": code, "name": name, "sector": sector, "municipality_code": None}
        for code, name, sector in _REGIONAL_AGENCIES
    ]
    agencies += [
        {"code": code, "name": name, "sector": sector, "municipality_code": municipality}
        for code, name, sector, municipality in _MUNICIPAL_AGENCIES
    ]
    agencies += [
        {
            "code": f"adm_{municipality['code']}",
            "name": _ADMINISTRATIONS[municipality["code"]],
            "sector": None,
            "municipality_code": municipality["code"],
        }
        for municipality in MUNICIPALITIES
    ]
    return agencies


AGENCIES: list[dict] = _build_agencies()


def administration_code(municipality_code: str) -> str:
    """Agency code of the administration of a municipality (``adm_<municipality code>``)."""
    if municipality_code not in _ADMINISTRATIONS:
        raise KeyError(municipality_code)
    return f"adm_{municipality_code}"


_H, _E, _R, _T = (
    Sector.HEALTH.value,
    Sector.EDUCATION.value,
    Sector.ROADS.value,
    Sector.TRANSPORT.value,
)
_EN, _HO, _W, _S, _O = (
    Sector.ENERGY.value,
    Sector.HOUSING.value,
    Sector.WASTE.value,
    Sector.SOCIAL.value,
    Sector.OTHER.value,
)
_INTERIM, _FINAL, _CLARIFY = (
    ReplyKind.INTERIM.value,
    ReplyKind.FINAL.value,
    ReplyKind.CLARIFICATION.value,
)
_SIGN = "{operator_name}, ЦУР Рязанской области."

# code, title, sector, category, kind, text
_TEMPLATE_ROWS: tuple[tuple[str, str, str | None, str | None, str, str], ...] = (
    # --- universal -------------------------------------------------------------------------
    (
        "universal_clarify_address",
        "Уточнить адрес",
        None,
        None,
        _CLARIFY,
        (
            "{greeting}! Чтобы передать ваше обращение ответственной службе, уточните, пожалуйста, "
            "точный адрес: населённый пункт, улицу и номер дома. Если есть возможность, приложите "
            "фотографию — это ускорит выезд специалистов. "
        )
        + _SIGN,
    ),
    (
        "universal_clarify_details",
        "Уточнить подробности",
        None,
        None,
        _CLARIFY,
        (
            "{greeting}! Уточните, пожалуйста, с какого времени наблюдается проблема по адресу "
            "{address} и обращались ли вы уже в управляющую организацию или администрацию. После "
            "ответа мы сразу направим обращение № {incident_number} исполнителю. "
        )
        + _SIGN,
    ),
    (
        "universal_clarify_contact",
        "Запросить контакт для связи",
        None,
        None,
        _CLARIFY,
        (
            "{greeting}! Для решения вопроса специалисту нужно связаться с вами лично. Пожалуйста, "
            "напишите в личные сообщения сообщества номер телефона и удобное время для звонка — "
            "персональные данные не публикуются. "
        )
        + _SIGN,
    ),
    (
        "universal_interim_forwarded",
        "Передано в ведомство",
        None,
        None,
        _INTERIM,
        (
            "{greeting}! Ваше обращение № {incident_number} передано в {agency}. Ответ по существу "
            "будет дан до {deadline_date}, мы контролируем срок исполнения. "
        )
        + _SIGN,
    ),
    (
        "universal_interim_municipality",
        "Передано в администрацию МО",
        None,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} передано в администрацию, муниципальное "
            "образование — {municipality}. Специалисты проверят информацию по адресу {address} и "
            "сообщат о принятых мерах до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "universal_interim_extended",
        "Продление срока",
        None,
        None,
        _INTERIM,
        (
            "{greeting}! Срок рассмотрения обращения № {incident_number} продлён до "
            "{deadline_date}: ведомство ({agency}) запросило сведения у подрядной организации. "
            "Результат сообщим в этой же ветке комментариев. "
        )
        + _SIGN,
    ),
    (
        "universal_final_not_confirmed",
        "Нарушение не подтвердилось",
        None,
        None,
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} специалисты выезжали по адресу "
            "{address}; на момент проверки нарушение не выявлено. Если проблема сохраняется, "
            "пришлите, пожалуйста, фото с датой, и мы повторно направим обращение в {agency} с "
            "выездом до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "universal_final_done",
        "Вопрос решён",
        None,
        None,
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} работы по адресу {address} выполнены, "
            "результат подтверждён фотоотчётом исполнителя. Если проблема повторится, напишите нам "
            "— обращение будет взято на контроль повторно. "
        )
        + _SIGN,
    ),
    # --- health ----------------------------------------------------------------------------
    (
        "health_interim",
        "Здравоохранение: передано в Минздрав",
        _H,
        None,
        _INTERIM,
        (
            "{greeting}! Ваше обращение № {incident_number} передано в {agency}. Ситуацию в "
            "медицинской организации проверят, ответ будет дан до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "health_clarify_clinic",
        "Здравоохранение: уточнить медорганизацию",
        _H,
        None,
        _CLARIFY,
        (
            "{greeting}! Уточните, пожалуйста, в какую поликлинику или больницу вы обращались, "
            "дату визита и ФИО пациента (в личные сообщения). Без этих сведений медицинская "
            "организация не сможет провести проверку. "
        )
        + _SIGN,
    ),
    (
        "health_final_appointment",
        "Запись к врачу: открыты слоты",
        _H,
        "doctor_appointment",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number}: в поликлинике открыты дополнительные "
            "слоты записи к терапевтам и узким специалистам. Записаться можно на Госуслугах, по "
            "телефону 122 или в регистратуре. Если до {deadline_date} записаться не получится, "
            "напишите нам, и вопрос будет передан главному врачу. "
        )
        + _SIGN,
    ),
    (
        "health_final_medicine",
        "Лекарства: препарат поступил",
        _H,
        "medicine_supply",
        _FINAL,
        (
            "{greeting}! {agency} сообщает, что препарат по обращению № {incident_number} поступил "
            "в аптечный пункт, рецепт будет обслужен до {deadline_date}. Наличие можно уточнить по "
            "телефону аптеки, указанному на рецепте. "
        )
        + _SIGN,
    ),
    (
        "health_final_staff",
        "Персонал: проведена проверка",
        _H,
        "staff_behavior",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} проведена служебная проверка: с "
            "сотрудником проведена беседа, главный врач взял ситуацию на личный контроль. Приносим "
            "извинения за доставленные неудобства. "
        )
        + _SIGN,
    ),
    # --- education -------------------------------------------------------------------------
    (
        "education_interim",
        "Образование: передано в министерство",
        _E,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} передано в {agency}. Ситуацию в "
            "образовательной организации проверят, ответ будет дан до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "education_final_meals",
        "Питание: проведена проверка",
        _E,
        "school_meals",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} проведена проверка организации питания в "
            "школе: поставщику выдано предписание, меню приведено в соответствие с санитарными "
            "нормами. Родители могут участвовать в родительском контроле питания — записаться "
            "можно у классного руководителя. "
        )
        + _SIGN,
    ),
    (
        "education_final_transport",
        "Подвоз: автобус отремонтирован",
        _E,
        "school_transport",
        _FINAL,
        (
            "{greeting}! {agency} сообщает: школьный автобус отремонтирован, подвоз учащихся "
            "возобновится не позднее {deadline_date}. Расписание подвоза размещено на сайте школы. "
        )
        + _SIGN,
    ),
    (
        "education_final_kindergarten",
        "Детский сад: место предоставлено",
        _E,
        "kindergarten_queue",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number}: ребёнку предоставлено место в детском "
            "саду, направление будет выдано до {deadline_date}. Статус заявления можно отслеживать "
            "в личном кабинете на Госуслугах. "
        )
        + _SIGN,
    ),
    # --- roads -----------------------------------------------------------------------------
    (
        "roads_interim",
        "Дороги: участок будет обследован",
        _R,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} о состоянии дороги по адресу {address} "
            "передано в {agency}. Участок обследуют, о сроках ремонта сообщим до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "roads_clarify_location",
        "Дороги: уточнить место",
        _R,
        None,
        _CLARIFY,
        (
            "{greeting}! Уточните, пожалуйста, точное место: ближайший дом, перекрёсток или "
            "ориентир, и по возможности приложите фото. Это нужно подрядчику, чтобы выехать именно "
            "на ваш участок. "
        )
        + _SIGN,
    ),
    (
        "roads_final_potholes",
        "Ямы: ямочный ремонт выполнен",
        _R,
        "potholes",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} выполнен ямочный ремонт по адресу "
            "{address}. Участок включён в перечень для обследования при формировании программы "
            "ремонта дорог на следующий год. "
        )
        + _SIGN,
    ),
    (
        "roads_final_snow",
        "Снег: участок расчищен",
        _R,
        "snow_removal",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} подрядная организация расчистила снег и "
            "обработала противогололёдными материалами участок по адресу {address}. Участок на "
            "контроле до {deadline_date}; если снова образуется наледь, напишите нам. "
        )
        + _SIGN,
    ),
    (
        "roads_final_lighting",
        "Освещение: восстановлено",
        _R,
        "street_lighting",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} заменены неисправные светильники "
            "уличного освещения по адресу {address}, освещение работает в штатном режиме. Спасибо, "
            "что сообщили о проблеме! "
        )
        + _SIGN,
    ),
    # --- transport -------------------------------------------------------------------------
    (
        "transport_interim",
        "Транспорт: запрос перевозчику",
        _T,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} передано в {agency} для проверки работы "
            "маршрута. Перевозчику направлен запрос, ответ будет дан до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "transport_clarify_route",
        "Транспорт: уточнить маршрут и время",
        _T,
        None,
        _CLARIFY,
        (
            "{greeting}! Уточните, пожалуйста, номер маршрута, дату, время и остановку, а если "
            "запомнили — бортовой или государственный номер автобуса. По этим данным перевозчик "
            "сможет проверить рейс по системе ГЛОНАСС. "
        )
        + _SIGN,
    ),
    (
        "transport_final_schedule",
        "Расписание: перевозчику замечание",
        _T,
        "bus_schedule",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} проведена проверка по данным ГЛОНАСС: "
            "нарушение расписания подтвердилось, перевозчику объявлено замечание, в часы пик на "
            "маршрут выпущен дополнительный автобус. Соблюдение расписания остаётся на контроле до "
            "{deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "transport_final_driver",
        "Водитель: служебная проверка",
        _T,
        "driver_behavior",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} перевозчик провёл служебную проверку, "
            "водитель привлечён к дисциплинарной ответственности и повторно проинструктирован. "
            "Благодарим за указанные время и номер маршрута — это помогло установить сотрудника. "
        )
        + _SIGN,
    ),
    (
        "transport_final_stop",
        "Остановка: павильон отремонтирован",
        _T,
        "bus_stops",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} остановочный павильон по адресу "
            "{address} отремонтирован: заменены стёкла и установлена скамейка. Спасибо за "
            "неравнодушие! "
        )
        + _SIGN,
    ),
    # --- energy ----------------------------------------------------------------------------
    (
        "energy_interim_outage",
        "Отключение света: бригада направлена",
        _EN,
        "power_outage",
        _INTERIM,
        (
            "{greeting}! Информация об отключении электроэнергии по адресу {address} передана в "
            "{agency}, аварийная бригада направлена на место. Ориентировочный срок восстановления "
            "— {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "energy_interim",
        "Энергетика: передано ресурсоснабжающей организации",
        _EN,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} передано в {agency}. Специалисты проведут "
            "замеры и осмотр сетей по адресу {address}, ответ будет дан до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "energy_final_restored",
        "Электроснабжение восстановлено",
        _EN,
        "power_outage",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} электроснабжение по адресу {address} "
            "восстановлено, повреждённый участок линии заменён. Если свет снова пропадёт, звоните "
            "на горячую линию «Россети» 8-800-220-0-220 или пишите нам. "
        )
        + _SIGN,
    ),
    (
        "energy_final_gasification",
        "Догазификация: порядок и сроки",
        _EN,
        "gasification",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number}: {agency} сообщает, что ваше "
            "домовладение включено в график догазификации, газопровод до границы участка будет "
            "построен бесплатно до {deadline_date}. Договор на работы внутри участка можно "
            "заключить на Госуслугах или в МФЦ. "
        )
        + _SIGN,
    ),
    # --- housing ---------------------------------------------------------------------------
    (
        "housing_interim",
        "ЖКХ: поручение управляющей организации",
        _HO,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} по адресу {address} передано в {agency}. "
            "Управляющей организации поручено устранить нарушение, ответ будет дан до "
            "{deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "housing_interim_inspection",
        "ЖКХ: внеплановая проверка ГЖИ",
        _HO,
        None,
        _INTERIM,
        (
            "{greeting}! По обращению № {incident_number} Государственная жилищная инспекция "
            "Рязанской области организует выездную проверку управляющей организации по адресу "
            "{address}. Результаты проверки сообщим до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "housing_clarify_flat",
        "ЖКХ: уточнить квартиру",
        _HO,
        None,
        _CLARIFY,
        (
            "{greeting}! Уточните, пожалуйста, номер квартиры и подъезда по адресу {address}, а "
            "также номер заявки в аварийно-диспетчерской службе, если вы туда звонили. Это нужно, "
            "чтобы специалисты согласовали с вами время осмотра. "
        )
        + _SIGN,
    ),
    (
        "housing_final_heating",
        "Отопление: система отрегулирована",
        _HO,
        "heating",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} в доме по адресу {address} выполнена "
            "регулировка и развоздушивание системы отопления, контрольный замер показал "
            "нормативную температуру. Если в квартире снова станет холодно, напишите нам номер "
            "квартиры — организуем повторный замер. "
        )
        + _SIGN,
    ),
    (
        "housing_final_hot_water",
        "ГВС: подача восстановлена",
        _HO,
        "hot_water",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} подача горячей воды по адресу {address} "
            "восстановлена после устранения порыва на сетях. За период отсутствия горячей воды "
            "будет сделан перерасчёт в квитанции. "
        )
        + _SIGN,
    ),
    (
        "housing_final_roof",
        "Кровля: локальный ремонт",
        _HO,
        "roof_leak",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} управляющая организация выполнила "
            "локальный ремонт кровли по адресу {address}. Для возмещения ущерба квартире составьте "
            "акт залива с управляющей организацией; при отказе обращайтесь в Государственную "
            "жилищную инспекцию Рязанской области. "
        )
        + _SIGN,
    ),
    (
        "housing_final_management",
        "УК: выдано предписание",
        _HO,
        "management_company",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} Государственная жилищная инспекция "
            "выдала управляющей организации предписание об устранении нарушений по адресу "
            "{address} со сроком до {deadline_date}. Исполнение предписания будет проверено "
            "повторно. "
        )
        + _SIGN,
    ),
    # --- waste -----------------------------------------------------------------------------
    (
        "waste_interim",
        "ТКО: передано региональному оператору",
        _W,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} о вывозе отходов по адресу {address} "
            "передано региональному оператору ({agency}). Вывоз будет организован до "
            "{deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "waste_final_collected",
        "Мусор вывезен",
        _W,
        "garbage_not_collected",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} региональный оператор вывез отходы с "
            "контейнерной площадки по адресу {address}, график вывоза восстановлен. Площадка "
            "остаётся на контроле до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "waste_final_dump",
        "Свалка ликвидирована",
        _W,
        "illegal_dumps",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} несанкционированная свалка по адресу "
            "{address} ликвидирована, территория убрана. Чтобы свалка не появилась снова, "
            "администрация установит информационный щит и включит место в график рейдов. "
        )
        + _SIGN,
    ),
    (
        "waste_final_billing",
        "ТКО: перерасчёт выполнен",
        _W,
        "waste_billing",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} региональный оператор выполнил "
            "перерасчёт платы за обращение с ТКО по фактическому числу проживающих; исправленная "
            "сумма будет в квитанции за следующий месяц. "
        )
        + _SIGN,
    ),
    # --- social ----------------------------------------------------------------------------
    (
        "social_interim",
        "Соцзащита: проверка права на меры поддержки",
        _S,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} передано в {agency}. Специалисты проверят "
            "право на меры социальной поддержки и свяжутся с вами до {deadline_date}. Пожалуйста, "
            "напишите в личные сообщения номер телефона для связи. "
        )
        + _SIGN,
    ),
    (
        "social_final_benefit",
        "Выплата назначена",
        _S,
        "benefits",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number}: {agency} сообщает, что выплата "
            "назначена и будет перечислена до {deadline_date}. Статус заявления можно проверить в "
            "личном кабинете на Госуслугах. "
        )
        + _SIGN,
    ),
    (
        "social_final_svo",
        "СВО: мера поддержки оформлена",
        _S,
        "svo_support",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} для семьи участника специальной военной "
            "операции оформлена мера поддержки, специалист социальной защиты свяжется с вами до "
            "{deadline_date}. Консультацию также можно получить в филиале фонда «Защитники "
            "Отечества» по Рязанской области. "
        )
        + _SIGN,
    ),
    (
        "social_final_rehab",
        "ТСР: выдача назначена",
        _S,
        "rehab_equipment",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number}: {agency} сообщает, что техническое "
            "средство реабилитации поступило на склад и будет выдано до {deadline_date}. О дате "
            "выдачи вас дополнительно известят по телефону. "
        )
        + _SIGN,
    ),
    # --- other -----------------------------------------------------------------------------
    (
        "other_interim",
        "Прочее: передано исполнителю",
        _O,
        None,
        _INTERIM,
        (
            "{greeting}! Обращение № {incident_number} по теме «{category}» передано в {agency}. "
            "Ответ по существу будет дан до {deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "other_final_animals",
        "Безнадзорные собаки: проведён отлов",
        _O,
        "stray_animals",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} по адресу {address} проведён отлов "
            "безнадзорных собак, животные доставлены в пункт временного содержания. Если собаки "
            "появятся снова, сообщите нам с указанием места и времени. "
        )
        + _SIGN,
    ),
    (
        "other_final_playground",
        "Площадка: оборудование заменят",
        _O,
        "playgrounds",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number} повреждённое оборудование детской "
            "площадки по адресу {address} демонтировано, новое будет установлено до "
            "{deadline_date}. "
        )
        + _SIGN,
    ),
    (
        "other_final_mobile",
        "Связь: базовая станция в плане",
        _O,
        "mobile_internet",
        _FINAL,
        (
            "{greeting}! По обращению № {incident_number}: {agency} сообщает, что населённый пункт "
            "включён в программу устранения цифрового неравенства, базовая станция сотовой связи "
            "будет установлена до {deadline_date}. "
        )
        + _SIGN,
    ),
    # --- information (the Telegram bot's FAQ, `[telegram.faq]`, cur_server/channels/faq.py) ---
    # The bot fills only {greeting}, {citizen_name}, {incident_number} and {municipality}: an
    # answer with any other placeholder (an operator's name, an address) is never sent by it.
    (
        "faq_waste_sorting",
        "Справка: раздельный сбор отходов",
        _W,
        "container_sites",
        _FINAL,
        (
            "{greeting}! Раздельный сбор: в контейнеры с синей крышкой или сетчатые кладут сухие "
            "и чистые пластиковые бутылки и упаковку, бумагу и картон, металлические банки и "
            "стекло; остальное — в обычный контейнер для смешанных отходов. Батарейки, "
            "ртутные лампы и градусники в контейнеры не выбрасывают: их принимают пункты сбора "
            "в крупных магазинах и в администрации. Крупногабаритный мусор (мебель, техника) "
            "вывозит региональный оператор: оставьте его на бункерной площадке или закажите "
            "вывоз по телефону оператора. ЦУР Рязанской области."
        ),
    ),
    (
        "faq_road_works",
        "Справка: ремонт дорог",
        _R,
        "potholes",
        _FINAL,
        (
            "{greeting}! Перечень дорог, которые ремонтируют в этом году, сроки работ и "
            "подрядчики опубликованы на сайте министерства транспорта и автомобильных дорог "
            "Рязанской области и на сайте администрации ({municipality}). Ремонт ведут с мая по "
            "октябрь, в сухую погоду при температуре воздуха выше +5 °C; ямочный ремонт "
            "аварийных мест — круглый год. Если на отремонтированной дороге появились дефекты, "
            "напишите нам адрес и приложите фото: подрядчик устраняет их по гарантии. "
            "ЦУР Рязанской области."
        ),
    ),
    (
        "faq_heating",
        "Справка: отопительный сезон",
        _HO,
        "heating",
        _FINAL,
        (
            "{greeting}! Отопительный сезон начинают, когда среднесуточная температура воздуха "
            "пять дней подряд ниже +8 °C, и заканчивают, когда она пять дней подряд выше +8 °C; "
            "дату объявляет администрация ({municipality}). В жилых комнатах должно быть не "
            "ниже +18 °C, в угловых — не ниже +20 °C. Если батареи холодные, сначала позвоните "
            "в аварийно-диспетчерскую службу своей управляющей компании: она обязана проверить "
            "стояк и составить акт. Если это не помогло, напишите нам адрес и номер квартиры. "
            "ЦУР Рязанской области."
        ),
    ),
)

#: Sample questions of the information templates above, for `[telegram.faq]` (the bot answers
#: a message close enough to one of them with its template): `demo_faq_config()`.
FAQ_QUESTIONS: dict[str, tuple[str, ...]] = {
    "faq_waste_sorting": (
        "Как сортировать мусор?",
        "Куда выбрасывать пластик, стекло и бумагу? Раздельный сбор отходов",
        "Куда сдать батарейки и лампочки?",
        "Как вывезти старый диван или холодильник?",
    ),
    "faq_road_works": (
        "Когда закончится ремонт дороги?",
        "Когда отремонтируют нашу улицу? План ремонта дорог",
        "Почему дорогу ремонтируют зимой?",
    ),
    "faq_heating": (
        "Когда включат отопление?",
        "Когда начнётся отопительный сезон?",
        "В квартире холодно, батареи холодные, куда звонить?",
        "Какая температура должна быть в квартире зимой?",
    ),
}


def demo_faq_config(min_score: float = 0.5):
    """The bot's FAQ over the demo's information templates (a `FaqConfig`); in a channels
    TOML file the same is one `[[telegram.faq.answers]]` per entry of FAQ_QUESTIONS."""
    from cur_server.channels.config import FaqConfig, FaqEntry

    entries = tuple(FaqEntry(code, questions) for code, questions in FAQ_QUESTIONS.items())
    return FaqConfig(enabled=True, min_score=min_score, entries=entries)


TEMPLATES: list[dict] = [
    {
        "code": code,
        "title": title,
        "sector": sector,
        "category": category,
        "kind": kind,
        "text": text,
    }
    for code, title, sector, category, kind, text in _TEMPLATE_ROWS
]

MESSAGES: dict[str, list[str]] = {
    # health
    "doctor_appointment": [
        (
            "Добрый день. Третью неделю не могу записаться к эндокринологу, по телефону никто не "
            "берёт трубку, на Госуслугах нет талонов. Что делать?"
        ),
        (
            "записаться к неврологу невозможно!!! талоны только через месяц, а у мамы давление и "
            "голова болит постоянно"
        ),
        (
            "Почему в регистратуре говорят приходите к 7 утра за талонами? Мы в каком веке живём? "
            "Поликлиника по адресу {address}"
        ),
        "ЗАПИСЬ К ЛОРУ ЗАКРЫТА УЖЕ 2 МЕСЯЦА. ДЕТИ БОЛЕЮТ, ВОЗИМ В ПЛАТНУЮ.",
    ],
    "medicine_supply": [
        (
            "Здравствуйте! Я инвалид 2 группы, уже месяц не могу получить по льготному рецепту "
            "инсулин, в аптеке говорят нет поставки. Помогите пожалуйста."
        ),
        (
            "В аптеке при больнице ({address}) нет льготных препаратов для онкобольных, говорят "
            "ждите. Сколько ждать??"
        ),
        "Выписали рецепт, а лекарства нет ни в одной аптеке района. Ездим в Рязань за свой счёт 😡",
    ],
    "ambulance": [
        (
            "Скорую ждали 2 часа!!! бабушке 84 года, давление под 200. Адрес {address}. Это "
            "нормально вообще?"
        ),
        (
            "Вызвали скорую ребёнку с температурой 39,5, диспетчер сказала вызывайте участкового. "
            "Как так?"
        ),
        (
            "Хочу поблагодарить бригаду, но и сказать: подъезд к дому ({address}) не чистят, "
            "скорая застряла и врачи шли пешком по сугробам."
        ),
    ],
    "doctor_shortage": [
        (
            "В нашей амбулатории ({address}) уже полгода нет терапевта. Фельдшер принимает раз в "
            "неделю. Пожилым людям ездить не на чем."
        ),
        "когда в ЦРБ появится педиатр?? на весь район один врач и тот на полставки",
        (
            "Нет стоматолога в районной больнице с весны. Куда обращаться с зубной болью, в Рязань "
            "за 100 км?"
        ),
    ],
    "clinic_conditions": [
        (
            "В поликлинике по адресу {address} течёт крыша прямо в коридоре, стоят вёдра. Люди "
            "сидят в очереди под капелью."
        ),
        "Лифт в больнице не работает, лежачих пациентов носят на руках на 4 этаж. Сколько можно?",
        "В детской поликлинике холодно, дети в очереди сидят в куртках. Батареи еле тёплые.",
    ],
    "staff_behavior": [
        (
            "Медсестра в регистратуре нахамила моей маме, пожилому человеку, и отказалась "
            "записать. Прошу разобраться."
        ),
        (
            "Врач на приёме даже не посмотрел ребёнка, сидел в телефоне, выписал что-то и "
            "выпроводил. Поликлиника по адресу {address}"
        ),
        (
            "Хочется нормального отношения к пациентам, а не крика в коридорах. Стыдно за такую "
            "медицину."
        ),
    ],
    # education
    "school_meals": [
        (
            "В школьной столовой кормят холодной кашей, дети приходят домой голодные. Школа по "
            "адресу {address}."
        ),
        (
            "Почему в меню опять сосиски третий день подряд?? Где обещанное горячее питание для "
            "1-4 классов"
        ),
        (
            "Ребёнок отравился после обеда в школе, у троих из класса то же самое. Прошу проверить "
            "столовую!"
        ),
    ],
    "kindergarten_queue": [
        (
            "Стоим в очереди в детский сад с рождения, ребёнку уже 3 года, места так и нет. Мне на "
            "работу выходить."
        ),
        (
            "Дали место в садике на другом конце города, а рядом с домом ({address}) мест нет. Как "
            "ребёнка возить без машины?"
        ),
        (
            "Очередь в сад не двигается полгода, на Госуслугах статус «ожидает»... Объясните, как "
            "она формируется?"
        ),
    ],
    "school_transport": [
        (
            "Школьный автобус не ходит уже неделю, дети из деревни добираются пешком 4 км по "
            "трассе. Это опасно!"
        ),
        (
            "Автобус забирает детей в 6:50, а уроки в 8:30. Почему нельзя сделать нормальное "
            "расписание?"
        ),
        "ШКОЛЬНЫЙ АВТОБУС СЛОМАН С ОКТЯБРЯ. РОДИТЕЛИ ВОЗЯТ ДЕТЕЙ САМИ. ГДЕ АДМИНИСТРАЦИЯ?",
    ],
    "school_repair": [
        (
            "В школе ({address}) в спортзале осыпается штукатурка, дети занимаются под ней. Когда "
            "ремонт?"
        ),
        (
            "Туалеты в школе в ужасном состоянии, нет перегородок и не работают краны. Стыдно "
            "перед детьми."
        ),
        "В детском саду протекает крыша над группой, после дождя в спальне лужи.",
    ],
    "school_safety": [
        (
            "Возле школы по адресу {address} нет пешеходного перехода и светофора, дети перебегают "
            "дорогу. Ждём трагедии?"
        ),
        "В школе сломан турникет и нет охранника уже месяц, заходит кто хочет.",
        (
            "Во дворе школы вечером собираются подростки с сигаретами и пивом, учителя боятся "
            "делать замечания."
        ),
    ],
    # roads
    "potholes": [
        (
            "По адресу {address} не дорога, а полоса препятствий. Ямы по колено, пробил колесо "
            "вчера вечером."
        ),
        (
            "Когда отремонтируют дорогу по адресу {address}??? Каждую весну одно и то же, заплатки "
            "держатся неделю"
        ),
        "ЯМА НА ПЕРЕКРЁСТКЕ ({address}) УЖЕ ТРЕТИЙ МЕСЯЦ! СКОЛЬКО МАШИН ЕЩЁ ДОЛЖНО СЛОМАТЬСЯ?",
        (
            "Здравствуйте. Прошу принять меры: после ремонта теплотрассы по адресу {address} "
            "асфальт так и не восстановили, осталась разрытая траншея. Фото прилагаю."
        ),
        (
            "Видео ямы тут: https://vk.com/video-123456_456239017 это по адресу {address}, ездить "
            "невозможно"
        ),
    ],
    "snow_removal": [
        (
            "Дорогу по адресу {address} не чистили с начала снегопада, машины буксуют, скорая не "
            "проедет."
        ),
        (
            "тротуары в наледи, бабушки падают, вчера соседка сломала руку. где песок?? адрес "
            "{address}"
        ),
        (
            "Грейдер прошёл и завалил снегом все выезды со двора. Теперь сами откапываемся. "
            "Спасибо, конечно..."
        ),
    ],
    "street_lighting": [
        "На улице нет освещения уже месяц, дети идут из школы в полной темноте. Адрес: {address}",
        "Фонари горят днём и не горят ночью 🙃 {address}",
        (
            "Прошу восстановить освещение на остановке по адресу {address}, вечером там страшно "
            "стоять."
        ),
    ],
    "sidewalks": [
        "Тротуара по адресу {address} просто нет, люди с колясками идут по проезжей части.",
        "Плитку на тротуаре положили в прошлом году, а она уже вся провалилась и шатается.",
        "Пешеходный переход стёрт полностью, разметки не видно. {address}",
    ],
    "traffic_signs": [
        "Светофор по адресу {address} не работает третий день, чуть не случилось ДТП.",
        "Знак «Дети» сбили ещё зимой, так и лежит в кювете.",
        (
            "Прошу установить искусственную неровность возле детского сада по адресу {address}, "
            "машины носятся под 80."
        ),
    ],
    "yard_driveways": [
        (
            "Во дворе нашего дома ({address}) после дождя не пройти, грязь и ямы, асфальт "
            "последний раз клали в 80-х."
        ),
        "Двор включили в программу благоустройства ещё два года назад, но ничего не сделано.",
        (
            "Машины паркуются на газоне, потому что парковки во дворе нет. Просим сделать "
            "парковочные карманы."
        ),
    ],
    # transport
    "bus_schedule": [
        "Автобус №8 опять не пришёл, простояли на остановке 40 минут на морозе!!!",
        (
            "Почему последний рейс в 19:00? Люди с работы не успевают, приходится ехать на такси "
            "за 800 рублей."
        ),
        "Расписание на остановке одно, в приложении другое, по факту автобус ходит как хочет.",
        "маршрутка с утра переполнена, проезжает мимо остановки не останавливаясь. каждый день так",
    ],
    "route_changes": [
        "Зачем отменили маршрут до больницы? Пожилым людям теперь с пересадкой добираться.",
        "В нашу деревню автобус перестал ходить совсем. До райцентра 25 км. Как жить?",
        "Изменили маршрут и не предупредили, полдня ждали на старой остановке ({address}).",
    ],
    "vehicle_condition": [
        "В автобусе зимой не работает печка, пассажиры едут в ледяном салоне.",
        (
            "Двери у автобуса закрываются на ходу, сиденья порваны, через дыру в полу видно "
            "дорогу. Это безопасно?"
        ),
        "Почему на маршрут выпускают автобусы без низкого пола? Мамы с колясками не могут зайти.",
    ],
    "driver_behavior": [
        (
            "Водитель автобуса курил в салоне и разговаривал по телефону всю дорогу. Госномер "
            "записала."
        ),
        "Кондуктор нахамила пенсионерке из-за социальной карты и высадила её на мороз.",
        "Водитель не дождался пожилого человека, закрыл двери перед носом и уехал.",
    ],
    "fare_payment": [
        (
            "Терминал в автобусе не принимает карты уже неделю, а наличных у меня нет. Водитель "
            "высадил."
        ),
        "Почему стоимость проезда подняли, а качество перевозок нет?",
        "Не проходит оплата по социальной карте, хотя она активна. Что делать?",
    ],
    "bus_stops": [
        "Остановочный павильон по адресу {address} разбит, стёкла выбиты, лавки нет.",
        "Остановку перенесли, а навес оставили на старом месте. Стоим под дождём.",
        "Нет остановки с навесом у поликлиники ({address}), пожилые стоят на солнце и под снегом.",
    ],
    # energy
    "power_outage": [
        (
            "Третий раз за неделю отключают свет без предупреждения! {address}. Холодильник уже "
            "сгорел."
        ),
        "СВЕТА НЕТ С 6 УТРА. ПО АДРЕСУ {address}. ДИСПЕТЧЕР НЕ ОТВЕЧАЕТ.",
        (
            "Отключение электричества в частном секторе ({address}) уже 12 часов, в домах "
            "электрокотлы, дети мёрзнут. Помогите!"
        ),
    ],
    "low_voltage": [
        "Напряжение вечером 160-170 вольт, ничего не работает, насос не качает воду. {address}",
        "Лампочки мигают, бытовая техника выходит из строя. Просим заменить трансформатор.",
        "Уже второй год просим поднять напряжение в деревне, пишем в Россети, ответ — «в плане».",
    ],
    "gas_supply": [
        (
            "Пахнет газом в подъезде по адресу {address}, вызвали аварийку, но хотим, чтобы "
            "проверили всю трубу."
        ),
        "Низкое давление газа, котёл гаснет несколько раз за ночь. {address}",
        (
            "Отключили газ в доме после проверки, говорят менять колонку. Прошу разъяснить, "
            "законно ли это?"
        ),
    ],
    "gasification": [
        (
            "Подали заявку на догазификацию в марте, до сих пор никто даже не приехал. Адрес: "
            "{address}"
        ),
        "Газ проходит в 50 метрах от дома, а нас в программу не включают. Почему?",
        "Сколько можно ждать газ в деревне? Обещают с 2019 года. Топим дровами.",
    ],
    "power_lines": [
        "Опора ЛЭП по адресу {address} сильно наклонилась, провода висят низко над дорогой!",
        "Провода висят над детской площадкой, ветки деревьев лежат на линии. Опасно!",
        "После ветра оборван провод, лежит на земле. Огородили сами лентой. {address}",
    ],
    # housing
    "heating": [
        (
            "В квартире +16, батареи холодные. Управляющая компания говорит, что всё в норме. "
            "{address}"
        ),
        "Когда дадут отопление??? На улице уже ноль, дети болеют! Дом по адресу {address}",
        "ОТОПЛЕНИЯ НЕТ ВО ВСЁМ ДОМЕ ({address})!!! УК НЕ БЕРЁТ ТРУБКУ!!!",
        (
            "Здравствуйте, уважаемая администрация. Пишу уже не в первый раз. В нашем доме по "
            "адресу {address} с начала отопительного сезона батареи в квартирах на пятом этаже еле "
            "тёплые, а в подъезде горячие. Мы вызывали управляющую компанию трижды, приходил "
            "слесарь, стравливал воздух, говорил, что нужна промывка системы, и уходил. У нас в "
            "квартире двое маленьких детей и лежачая бабушка, мы греемся обогревателями и платим "
            "за свет втрое больше. Просим наконец принять меры и сделать промывку, пока не "
            "начались морозы."
        ),
    ],
    "hot_water": [
        "Горячей воды нет уже две недели, отключили на опрессовку и забыли. Адрес {address}",
        "Из крана горячей воды течёт чуть тёплая ржавая вода. А платим как за горячую.",
        "гвс нет 3й день, в уведомлениях ничего не было. {address}",
    ],
    "cold_water": [
        "Вода из-под крана жёлтая и с запахом. Пить страшно. {address}",
        "Нет воды с утра, водовозку не прислали, а у нас маленькие дети. Адрес {address}",
        "Низкое давление воды, на 5 этаж почти не доходит. Жалуемся уже полгода.",
    ],
    "roof_leak": [
        (
            "Крыша течёт, в квартире на последнем этаже плесень и мокрый потолок. Дом по адресу "
            "{address}. УК кормит обещаниями."
        ),
        "После каждого дождя с потолка в подъезде льёт вода прямо на электрощиток. Это опасно!",
        "Капремонт кровли сделали в прошлом году, а она снова течёт. Кто будет отвечать? {address}",
    ],
    "sewage": [
        "В подвале дома по адресу {address} стоят канализационные стоки, запах на весь подъезд.",
        "Засор канализации на первом этаже, всё идёт к нам в ванную. Аварийка приезжала и уехала.",
        "Канализационный колодец во дворе переполнен, течёт по двору прямо к детской площадке 🤢",
    ],
    "elevator": [
        "Лифт не работает уже месяц, на 9 этаже живут лежачие люди и мамы с колясками. {address}",
        "Лифт застревает каждый день, вчера ребёнок просидел в нём полчаса.",
        "Когда заменят лифт? Он работает с 1980 года, скрипит и дёргается.",
    ],
    "management_company": [
        (
            "Управляющая компания не убирает подъезды, в платёжке уборка есть, а по факту никого "
            "нет. {address}"
        ),
        "УК не отвечает на заявки, диспетчер вешает трубку. Как сменить управляющую компанию?",
        "Почему в квитанции строка «содержание» выросла на 30%? Никакого собрания не было!",
        (
            "<b>ВНИМАНИЕ ЖИЛЬЦАМ</b> управляйка собирает деньги за работы, которые не проводились! "
            "Дом по адресу {address}"
        ),
    ],
    "capital_repair": [
        "Капремонт в доме ({address}) начали в мае и бросили, фасад в лесах, окна подъезда забиты.",
        "Подрядчик по капремонту разобрал крышу и ушёл, а сейчас дожди. Нас заливает!",
        (
            "Платим взносы на капремонт 10 лет, а дом в программе только на 2040 год. Это "
            "издевательство."
        ),
    ],
    # waste
    "garbage_not_collected": [
        (
            "Мусор не вывозят уже неделю, контейнеры переполнены, вокруг всё разнесли собаки. "
            "{address}"
        ),
        "Эко-Пронск, вы вообще работаете? Мусор не вывозили с понедельника!!! {address}",
        "МУСОРКА ПЕРЕПОЛНЕНА, ВОНЬ НА ВЕСЬ ДВОР, КРЫСЫ БЕГАЮТ. СДЕЛАЙТЕ ЧТО НИБУДЬ",
        (
            "В частном секторе мешки с мусором забирают раз в две недели, хотя по графику вывоз по "
            "вторникам."
        ),
    ],
    "illegal_dumps": [
        (
            "За гаражами по адресу {address} образовалась огромная свалка строительного мусора. "
            "Жгут по ночам."
        ),
        "В лесу у деревни вывалили несколько машин мусора, фото приложила. Кто будет убирать?",
        "Свалку у реки убирали весной, а она снова появилась. Нужна камера и штрафы.",
    ],
    "container_sites": [
        (
            "Контейнерную площадку убрали, новую не сделали, люди бросают мешки прямо на землю. "
            "{address}"
        ),
        "Площадка под контейнеры без ограждения и навеса, мусор разносит ветром по всей улице.",
        "Прошу перенести контейнеры от окон детского сада ({address}), летом запах невыносимый.",
    ],
    "waste_billing": [
        "Начислили за вывоз мусора на 4 человек, а прописан один. Перерасчёт не делают.",
        "Дом продан два года назад, а квитанции за мусор продолжают приходить на мою фамилию.",
        "Почему платим за вывоз ТКО, если контейнеров на нашей улице нет вообще?",
    ],
    "bulky_waste": [
        "Старые диваны и шкафы стоят у контейнеров месяц, крупногабарит не вывозят. {address}",
        "Куда можно выбросить старую мебель? Оператор говорит не наш вопрос.",
        "Возле площадки ({address}) лежат ветки после обрезки деревьев, никто не забирает.",
    ],
    # social
    "benefits": [
        "Подала документы на единое пособие в феврале, до сих пор ни ответа, ни выплаты.",
        (
            "Отказали в пособии из-за дохода, а доход посчитали за прошлый год, когда я ещё "
            "работала. Как быть?"
        ),
        "Почему задерживают ежемесячную выплату? Уже 20 число, а денег нет.",
    ],
    "large_families": [
        "Многодетная семья, стоим в очереди на земельный участок 6 лет. Когда дадут?",
        (
            "Удостоверение многодетной семьи оформляют уже 2 месяца, без него не можем получить "
            "льготы."
        ),
        "Обещали компенсацию за школьную форму многодетным, в соцзащите говорят денег нет.",
    ],
    "disability_support": [
        "Ребёнку-инвалиду не предоставляют место в коррекционной группе детского сада.",
        "Нет пандуса у подъезда по адресу {address}, колясочник не может выйти на улицу.",
        "Инвалид 1 группы, не могу добиться социального такси до больницы на гемодиализ.",
    ],
    "svo_support": [
        (
            "Муж участник СВО, подали документы на выплату в августе, до сих пор не получили. "
            "Помогите разобраться."
        ),
        (
            "Семьям участников СВО обещали бесплатное питание детей в школе, а в нашей школе об "
            "этом не знают."
        ),
        "Сын вернулся из зоны СВО с ранением, куда обращаться за реабилитацией и льготами?",
    ],
    "elderly_care": [
        (
            "Мама одинокая пенсионерка, 88 лет, соцработник приходит раз в две недели вместо двух "
            "раз в неделю."
        ),
        (
            "Как оформить сиделку для лежачего отца? В соцзащите отправляют от одного кабинета к "
            "другому."
        ),
        (
            "Пожилым людям в деревне не на чем доехать до МФЦ, мобильная бригада обещана, но не "
            "приезжает."
        ),
    ],
    "rehab_equipment": [
        "Полгода жду инвалидную коляску по ИПРА, в Соцфонде говорят нет поставок.",
        "Выдали слуховой аппарат, который не подходит, замену сделать отказываются.",
        "Памперсы для взрослых по ИПРА не выдают с января, покупаем сами по 2000 в неделю.",
    ],
    # other
    "stray_animals": [
        "Стая бездомных собак бросается на детей по адресу {address}. Вчера покусали школьника!",
        (
            "Собаки на остановке ({address}) ведут себя агрессивно, люди боятся ходить. Вызывали "
            "отлов — не приехали."
        ),
        "БРОДЯЧИЕ СОБАКИ У ШКОЛЫ. ЖДЁМ, ПОКА КОГО-ТО ЗАГРЫЗУТ?",
    ],
    "landscaping": [
        "Аварийное дерево по адресу {address} может упасть на дом и машины, просим спилить.",
        "Сквер благоустроили, а через месяц всё сломано и не убирается. Где содержание?",
        "Траву во дворе не косили всё лето, клещи, амброзия.",
    ],
    "playgrounds": [
        (
            "На детской площадке ({address}) сломаны качели, торчат болты, ребёнок порвал куртку и "
            "поранился."
        ),
        "Площадку поставили, а покрытия нет — под горкой грязь и лужи.",
        "Просим установить спортивную площадку в посёлке, подросткам негде заниматься 🙏",
    ],
    "mobile_internet": [
        "В деревне нет связи вообще, чтобы позвонить в скорую, нужно идти на пригорок.",
        "Мобильный интернет не работает с начала месяца, дети не могут делать домашку. {address}",
        "Связь пропадает каждый вечер, операторы кивают друг на друга.",
    ],
    "noise": [
        "Каждую ночь под окнами ({address}) гоняют мотоциклы с прямотоком, спать невозможно.",
        "Кафе на первом этаже играет музыку до 3 утра, полиция приезжает и уезжает.",
        "Стройка работает ночью, грохот техники до часа ночи.",
    ],
    "other_questions": [
        "Подскажите, куда обращаться, если в МФЦ не выдают паспорт уже два месяца?",
        "Почему на сайте администрации не работает форма обращения? Пишу сюда.",
        (
            "Здравствуйте! Хотим поблагодарить администрацию за новый сквер, но просим поставить "
            "урны 👍"
        ),
        "<script>alert(1)</script> проверка, читает ли кто-нибудь эти комментарии",
    ],
}

AUTHOR_NAMES: list[str] = [
    "Ирина Соколова",
    "Сергей П.",
    "Андрей Викторович Ким",
    "Наталья Морозова",
    "Елена Кузнецова",
    "Ольга Владимировна",
    "Дмитрий Волков",
    "Татьяна Н.",
    "Алексей Смирнов",
    "Марина Лебедева",
    "Владимир Иванович",
    "Юлия Павлова",
    "Николай Ермаков",
    "Светлана Григорьева",
    "Анастасия К.",
    "Максим Фролов",
    "Галина Петровна Субботина",
    "Евгений Орлов",
    "Людмила Зайцева",
    "Игорь Рязанцев",
    "Кристина Белова",
    "Артём Тарасов",
    "Валентина Семёновна",
    "Роман Гусев",
    "Оксана Титова",
    "Павел Никитин",
    "Надежда Алексеевна",
    "Виктор Шилов",
    "Анна Мещерякова",
    "Мария Ковалёва",
    "Константин Д.",
    "Денис Сорокин",
    "Любовь Михайловна",
    "Александр Панфилов",
    "Екатерина Романова",
    "Вера Касаткина",
    "Ирина (мама Вани и Сони)",
    "Олег Жуков",
    "Тамара Ивановна Лапшина",
    "Dmitry Kuznetsov",
    "Alena Smirnova",
    "Семья Быковых",
    "Николай Скопинцев",
    "Лариса Сапожникова",
    "Светлана 🌷",
    "Юрий Пронин",
    "Виталий М.",
    "Инна Голованова",
]
ANONYMOUS_SHARE = 0.1

# --- incident generator ----------------------------------------------------------------------

CHANNEL_SHARES: dict[str, float] = {
    Channel.VK.value: 0.40,
    Channel.TELEGRAM.value: 0.15,
    Channel.OK.value: 0.10,
    Channel.MAX.value: 0.05,
    Channel.GOSPUBLIC_COMMENT.value: 0.10,
    Channel.POS.value: 0.15,
    Channel.CHATBOT.value: 0.03,
    Channel.OTHER.value: 0.02,
}

SECTOR_SHARES: dict[str, float] = {
    Sector.HOUSING.value: 0.24,
    Sector.ROADS.value: 0.17,
    Sector.HEALTH.value: 0.11,
    Sector.WASTE.value: 0.10,
    Sector.OTHER.value: 0.09,
    Sector.TRANSPORT.value: 0.08,
    Sector.ENERGY.value: 0.08,
    Sector.SOCIAL.value: 0.07,
    Sector.EDUCATION.value: 0.06,
}

HIGH_IMPORTANCE_SHARE = 0.08
# Life, health or heat at stake: three times as likely to be marked important as the rest.
_URGENT_CATEGORIES = frozenset(
    {
        "ambulance",
        "power_outage",
        "gas_supply",
        "power_lines",
        "heating",
        "cold_water",
        "sewage",
        "stray_animals",
    }
)
_ATTACHMENT_SHARE = {Channel.POS.value: 0.35}
_DEFAULT_ATTACHMENT_SHARE = 0.12

# Relative activity by local (Moscow) hour and weekday: quiet at night, peaks in the morning and
# evening, fewer messages at weekends.
_HOUR_WEIGHTS = (
    0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.30, 0.70, 1.10, 1.40, 1.50, 1.45,
    1.30, 1.30, 1.35, 1.30, 1.25, 1.20, 1.30, 1.40, 1.35, 1.10, 0.70, 0.35,
)  # fmt: skip
_WEEKDAY_WEIGHTS = (1.0, 1.0, 1.0, 0.97, 0.92, 0.62, 0.55)
_TREND_FLOOR = 0.4  # density `days` ago relative to density just before `now`

# Invented numeric ids of public pages where the centre collects messages.
_VK_PUBLICS = (28_931_772, 41_505_613, 72_233_961, 150_884_012, 197_410_085, 31_688_903, 64_310_027)
_VK_GOSPUBLICS = (193_251_604, 201_774_310, 211_468_952, 186_022_377, 215_903_416, 174_509_288)
_OK_GROUPS = (53_418_920_812_033, 54_170_233_610_420, 52_669_148_304_517, 70_000_001_245_118)
_TELEGRAM_CHANNELS = (
    "rzn_today",
    "ryazan_online",
    "rzn_chp",
    "kasimov_life",
    "skopin_news",
    "shilovo_info",
)
_TELEGRAM_GOSPUBLICS = ("gubernator62", "minzdrav62", "adm_rzn", "mintrans62")
_OTHER_SOURCES = ("email", "phone", "site")

_CHUNK = 1024


def _cumulative(weights: list[float]) -> list[float]:
    return list(accumulate(weights))


_CHANNEL_VALUES = tuple(CHANNEL_SHARES)
_CHANNEL_CUM = _cumulative(list(CHANNEL_SHARES.values()))
_MUNICIPALITY_CODES = tuple(m["code"] for m in MUNICIPALITIES)
_MUNICIPALITY_CUM = _cumulative([float(m["population"]) for m in MUNICIPALITIES])
_ADDRESS_POOLS = tuple(tuple(STREETS[code]) for code in _MUNICIPALITY_CODES)


def _category_table() -> tuple[tuple[str, ...], list[float], dict[str, float]]:
    codes: list[str] = []
    weights: list[float] = []
    for sector, categories in CATEGORIES.items():
        raw = [1.0 / (1.0 + 0.25 * i) for i in range(len(categories))]
        total = sum(raw)
        for category, weight in zip(categories, raw, strict=True):
            codes.append(category["code"])
            weights.append(SECTOR_SHARES[sector] * weight / total)
    multipliers = [3.0 if code in _URGENT_CATEGORIES else 1.0 for code in codes]
    base = (
        HIGH_IMPORTANCE_SHARE
        * sum(weights)
        / sum(w * m for w, m in zip(weights, multipliers, strict=True))
    )
    high = {code: base * m for code, m in zip(codes, multipliers, strict=True)}
    return tuple(codes), _cumulative(weights), high


_CATEGORY_CODES, _CATEGORY_CUM, _HIGH_PROBABILITY = _category_table()
_MESSAGE_POOLS = {
    code: tuple((text, "{address}" in text) for text in MESSAGES[code]) for code in _CATEGORY_CODES
}
#: Where an address-less message starts: a street without a house (no address key), a landmark
#: or a count, in a few wordings, so that people writing about the same kind of trouble write
#: different texts, as they do, and only real mass problems (the planted outage) form clusters.
_LEADS = (
    "{street}, у школы №{n}. ",
    "Район: {street}, маршрут №{n}. ",
    "{street}, уже {days}-й день. ",
    "Жалоба с {street}, пишу {days}-й раз. ",
    "Пишут жители, {street}, {n} подъезд. ",
    "Снова {street}! Сколько можно, {days} дн. ",
)
#: House numbers drawn from 1 to this: enough houses per street that random complaints rarely
#: meet at one address.
_HOUSES = 300
_ANONYMOUS_PROBABILITY = {
    # messages on «Госуслуги. Решаем вместе» are signed through Gosuslugi, never anonymous;
    # the other channels carry the whole ANONYMOUS_SHARE between them
    channel: 0.0
    if channel == Channel.POS.value
    else ANONYMOUS_SHARE / (1.0 - CHANNEL_SHARES[Channel.POS.value])
    for channel in CHANNEL_SHARES
}


def _slot_cum_weights(start: datetime, days: int) -> list[float]:
    """Cumulative weights of the hourly slots between ``start`` and ``start + days``."""
    moscow = ZoneInfo(REGION["timezone"])
    slots = days * 24
    weights: list[float] = []
    for i in range(slots):
        local = (start + timedelta(hours=i)).astimezone(moscow)
        trend = _TREND_FLOOR + (1.0 - _TREND_FLOOR) * (i + 0.5) / slots
        weights.append(_HOUR_WEIGHTS[local.hour] * _WEEKDAY_WEIGHTS[local.weekday()] * trend)
    return _cumulative(weights)


class _Sources:
    """Source ids and URLs per channel; unique within one generator run.

    Every channel has its own serial; the numeric id is ``base + serial * 7 + jitter`` with
    ``jitter < 7``, which looks irregular but can never repeat.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._serial = dict.fromkeys(CHANNEL_SHARES, 0)
        self._base = {
            Channel.VK.value: 150_000 + rng.randrange(50_000),
            Channel.TELEGRAM.value: 20_000 + rng.randrange(10_000),
            Channel.OK.value: 155_400_000_000_000 + rng.randrange(10**9),
            Channel.MAX.value: 3_100_000 + rng.randrange(100_000),
            Channel.GOSPUBLIC_COMMENT.value: 400_000 + rng.randrange(100_000),
            Channel.POS.value: 4_200_000 + rng.randrange(300_000),
            Channel.CHATBOT.value: 880_000 + rng.randrange(100_000),
            Channel.OTHER.value: 10_000 + rng.randrange(1_000),
        }

    def _next(self, channel: str) -> int:
        serial = self._serial[channel]
        self._serial[channel] = serial + 1
        return self._base[channel] + serial * 7 + int(self._rng.random() * 7)

    def make(self, channel: str) -> tuple[str, str | None, str]:
        """``(source_id, source_url, attachment platform)`` for the next message of ``channel``."""
        rng = self._rng
        n = self._next(channel)
        if channel == Channel.VK.value:
            group = _VK_PUBLICS[int(rng.random() * len(_VK_PUBLICS))]
            if rng.random() < 0.35:
                reply = 1_000_000 + int(rng.random() * 900_000)
                return (
                    f"vk-comment-{group}_{n}_{reply}",
                    f"https://vk.com/wall-{group}_{n}?reply={reply}",
                    "vk",
                )
            return f"vk-wall-{group}_{n}", f"https://vk.com/wall-{group}_{n}", "vk"
        if channel == Channel.TELEGRAM.value:
            if rng.random() < 0.2:  # a private message to the centre's own account
                return f"tg-dm-{n}", None, "telegram"
            name = _TELEGRAM_CHANNELS[int(rng.random() * len(_TELEGRAM_CHANNELS))]
            return f"tg-{name}-{n}", f"https://t.me/{name}/{n}", "telegram"
        if channel == Channel.OK.value:
            group = _OK_GROUPS[int(rng.random() * len(_OK_GROUPS))]
            return f"ok-topic-{group}_{n}", f"https://ok.ru/group/{group}/topic/{n}", "ok"
        if channel == Channel.GOSPUBLIC_COMMENT.value:
            roll = rng.random()
            if roll < 0.75:
                group = _VK_GOSPUBLICS[int(rng.random() * len(_VK_GOSPUBLICS))]
                post = 1_000 + int(rng.random() * 20_000)
                return (
                    f"gp-vk-{group}_{post}_{n}",
                    f"https://vk.com/wall-{group}_{post}?reply={n}",
                    "vk",
                )
            if roll < 0.9:
                group = _OK_GROUPS[int(rng.random() * len(_OK_GROUPS))]
                topic = 155_000_000_000_000 + int(rng.random() * 10**12)
                return (
                    f"gp-ok-{group}_{topic}_{n}",
                    f"https://ok.ru/group/{group}/topic/{topic}",
                    "ok",
                )
            name = _TELEGRAM_GOSPUBLICS[int(rng.random() * len(_TELEGRAM_GOSPUBLICS))]
            post = 100 + int(rng.random() * 5_000)
            return (
                f"gp-tg-{name}-{post}-{n}",
                f"https://t.me/{name}/{post}?comment={n}",
                "telegram",
            )
        if channel == Channel.POS.value:
            return f"pos-{n}", f"https://pos.gosuslugi.ru/lkp/appeals/{n}", "pos"
        if channel == Channel.MAX.value:
            return f"max-msg-{n}", None, "other"
        if channel == Channel.CHATBOT.value:
            return f"bot-{n}", None, "other"
        source = _OTHER_SOURCES[int(rng.random() * len(_OTHER_SOURCES))]
        return f"other-{source}-{n}", None, "other"


def _attachment_url(platform: str, rng: random.Random) -> str:
    key = f"{rng.getrandbits(64):016x}"
    if platform == "vk":
        return f"https://sun9-{1 + int(rng.random() * 88)}.userapi.com/impg/{key}.jpg"
    if platform == "ok":
        return f"https://i.mycdn.me/i?r={key}"
    if platform == "telegram":
        return f"https://cdn4.telesco.pe/file/{key}.jpg"
    if platform == "pos":
        return f"https://pos.gosuslugi.ru/files/{key}.jpg"
    return f"https://cur62.example/attachments/{key}.jpg"


def generate_incidents(
    count: int, *, seed: int = 62, now: datetime, days: int = 60
) -> Iterator[dict]:
    """Yield ``count`` plain dicts describing incoming citizens' messages.

    Deterministic for a given ``seed``, ``now`` and ``days``; a shorter run is a prefix of a longer
    one. ``received_at`` is an aware UTC datetime in ``[now - days, now]``. Nothing is kept in
    memory between items, so a quarter of a million can be streamed into a database.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if days < 1:
        raise ValueError("days must be at least 1")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return _generate(count, seed, now.astimezone(UTC), days)


def _generate(count: int, seed: int, now: datetime, days: int) -> Iterator[dict]:
    rng = random.Random(seed)
    random_ = rng.random
    choices = rng.choices
    start = now - timedelta(days=days)
    slot_cum = _slot_cum_weights(start, days)
    slots = range(len(slot_cum))
    sources = _Sources(rng)
    authors = AUTHOR_NAMES
    n_authors = len(authors)
    high, normal = Importance.HIGH.value, Importance.NORMAL.value

    produced = 0
    while produced < count:
        # Draw whole chunks even for the tail, so that a shorter run is a prefix of a longer one.
        channels = choices(_CHANNEL_VALUES, cum_weights=_CHANNEL_CUM, k=_CHUNK)
        municipalities = choices(
            range(len(_MUNICIPALITY_CODES)), cum_weights=_MUNICIPALITY_CUM, k=_CHUNK
        )
        categories = choices(_CATEGORY_CODES, cum_weights=_CATEGORY_CUM, k=_CHUNK)
        hours = choices(slots, cum_weights=slot_cum, k=_CHUNK)
        for i in range(min(_CHUNK, count - produced)):
            channel = channels[i]
            municipality = municipalities[i]
            category = categories[i]
            source_id, source_url, platform = sources.make(channel)

            pool = _MESSAGE_POOLS[category]
            text, has_slot = pool[int(random_() * len(pool))]
            streets = _ADDRESS_POOLS[municipality]
            street = streets[int(random_() * len(streets))]
            if has_slot:
                text = text.replace("{address}", f"{street}, д. {1 + int(random_() * _HOUSES)}")
            else:
                lead = _LEADS[int(random_() * len(_LEADS))]
                days, n = 2 + int(random_() * 29), 1 + int(random_() * 40)
                text = lead.format(street=street, days=days, n=n) + text

            if random_() < _ANONYMOUS_PROBABILITY[channel]:
                author = None
            else:
                author = authors[int(random_() * n_authors)]

            attachments: list[str] = []
            if random_() < _ATTACHMENT_SHARE.get(channel, _DEFAULT_ATTACHMENT_SHARE):
                for _ in range(1 + int(random_() * 3)):
                    attachments.append(_attachment_url(platform, rng))

            yield {
                "channel": channel,
                "source_id": source_id,
                "source_url": source_url,
                "author_name": author,
                "text": text,
                "attachments": attachments,
                "received_at": start + timedelta(hours=hours[i] + random_()),
                "municipality_code": _MUNICIPALITY_CODES[municipality],
                "sector": CATEGORY_SECTOR[category],
                "category": category,
                "importance": high if random_() < _HIGH_PROBABILITY[category] else normal,
            }
        produced += _CHUNK
