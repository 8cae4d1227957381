"""Reply checks and placeholder values: what blocks sending, what warns, and greetings that
agree with the citizen's gender only when the patronymic tells it."""

from __future__ import annotations

import pytest

from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.reply_fill import greeting, placeholder_values, rank_templates

GOOD_FINAL = (
    "Здравствуйте! Яму на ул. Ленина, 5 заделают до 1 декабря: работы включены в план "
    "подрядчика, ход работ проверит администрация района."
)


def codes(text: str, kind: str = "final") -> set[str]:
    return {f.code for f in check_reply(text, kind)}


def test_a_concrete_final_answer_passes():
    assert codes(GOOD_FINAL) == set()


def test_unfilled_placeholder_blocks_and_is_located():
    text = GOOD_FINAL + " Адрес: {address}."
    (finding,) = [f for f in check_reply(text, "final") if f.code == "placeholder"]
    assert finding.blocking and text[finding.start : finding.end] == "{address}"


def test_too_short_blocks():
    findings = check_reply("Спасибо.", "interim")
    assert any(f.code == "too_short" and f.blocking for f in findings)


def test_brush_off_alone_warns_but_not_when_followed_by_substance():
    bare = "Уважаемый заявитель! Ваше обращение принято к сведению."
    assert "brush_off" in codes(bare, "interim")
    assert "brush_off" not in codes(
        "Ваше обращение принято к сведению, бригада выехала на место и заменит трубу до 10.12.",
        "interim",
    )


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        (
            "Здравствуйте! Спасибо за обращение, мы очень ценим вашу активную гражданскую позицию.",
            {"no_action", "no_date"},
        ),
        (
            "Здравствуйте! Работы будут выполнены в ближайшее время, "
            "спасибо за ваше терпение и понимание.",
            {"no_date"},
        ),
    ],
)
def test_final_answer_must_name_an_action_and_a_date(text, missing):
    assert missing <= codes(text) and not (codes(text) & {"too_short"})
    assert not ({"no_action", "no_date"} & codes(text, "interim"))


def test_a_report_of_work_done_needs_no_date_but_a_promise_does():
    done = (
        "Здравствуйте! В доме по адресу ул. Ленина, д. 5 выполнена регулировка системы "
        "отопления, контрольный замер показал нормативную температуру."
    )
    assert not ({"no_action", "no_date"} & codes(done))
    promise = done.replace("выполнена регулировка", "будет выполнена регулировка")
    assert "no_date" in codes(promise)
    assert "no_date" not in codes(promise + " Срок — до 15 декабря.")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Иван Петрович", "Уважаемый Иван Петрович"),
        ("Петрова Анна Сергеевна", "Уважаемая Анна Сергеевна"),
        ("Гасанов Рашид Ильхам оглы", "Уважаемый Рашид Ильхам оглы"),
        ("Мария", "Здравствуйте, Мария"),
        ("Иван Петров", "Здравствуйте"),
        (None, "Здравствуйте"),
        ("", "Здравствуйте"),
    ],
)
def test_greeting_follows_the_patronymic(name, expected):
    assert greeting(name) == expected


def test_placeholder_values_from_the_incident():
    values = placeholder_values(
        {"number": "ЦУР-2026-000001", "author_name": None, "first_answer_due": 1_764_000_000},
        operator_name="Смирнова А. В.",
        agency=None,
        municipality="Шиловский район",
        category=None,
    )
    assert values["incident_number"] == "ЦУР-2026-000001"
    assert values["greeting"] == "Здравствуйте" and values["citizen_name"] is None
    assert values["agency"] is None and values["deadline_date"].count(".") == 2
    assert values["address"] is None  # no address in the message: the operator fills it


def test_address_placeholder_comes_from_the_message():
    incident = {"number": "ЦУР-2026-000002", "text": "Течёт крыша, ул. Есенина, д. 7а, кв. 12"}
    values = placeholder_values(
        incident, operator_name="Оператор", agency=None, municipality=None, category=None
    )
    assert values["address"] == "ул. Есенина, д. 7а"


def test_templates_ranked_by_closeness_to_the_message():
    templates = [
        {
            "id": 1,
            "title": "Освещение восстановлено",
            "text": "Светильники уличного освещения заменены",
        },
        {"id": 2, "title": "Ямочный ремонт", "text": "Ямы на дороге заделаны"},
        {"id": 3, "title": "Вывоз мусора", "text": "Контейнерная площадка очищена"},
    ]
    ranked = rank_templates(templates, "На нашей улице не горят фонари, нет освещения")
    assert ranked[0][1]["id"] == 1 and ranked[0][0] > ranked[1][0]
    assert rank_templates(templates, "Огромная яма на дороге")[0][1]["id"] == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Иван Петрович", "Ивану Петровичу"),
        ("Петрова Анна Сергеевна", "Анне Сергеевне Петровой"),
        ("Саша", None),
        ("Иван Петров", None),
        (None, None),
    ],
)
def test_names_declined_for_a_template_that_needs_the_dative(name, expected):
    from cur_desktop.models.reply_fill import dative

    assert dative(name) == expected
