"""The Telegram bot's information service (`[telegram.faq]`, cur_server/channels/faq.py) against
the local Bot API (tests/support/telegram_api.py) over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cur_server.channels.config import Secret, TelegramConfig, parse_config
from cur_server.channels.faq import (
    BOT_FULL_NAME,
    BOT_USERNAME,
    FOOTER,
    HEADER,
    NO_PASSWORD,
    FaqConfig,
    FaqEntry,
)
from cur_server.channels.runner import ChannelRunner
from cur_server.channels.telegram_channel import TelegramChannel
from cur_server.context import load_context
from cur_server.tables import Reply, Template
from tests.server.test_telegram_channel import CITIZEN, tg_incidents
from tests.support.telegram_api import TOKEN, TelegramApi

SORTING = (
    "{greeting}! Раздельный сбор отходов: пластик и металл — в жёлтый контейнер, бумагу — "
    "в синий, стекло — в зелёный. Крупногабаритный мусор вывозят по заявке регионального "
    "оператора."
)
FAQ = FaqConfig(
    enabled=True,
    min_score=0.5,
    entries=(
        FaqEntry(
            "faq_waste_sorting",
            (
                "Как сортировать мусор?",
                "Куда выбрасывать пластик, стекло и бумагу? Раздельный сбор отходов",
            ),
        ),
        FaqEntry("faq_road_works", ("Когда закончится ремонт дороги?",)),
    ),
)


@pytest.fixture
def tg():
    with TelegramApi() as api:
        yield api


@pytest.fixture
def faq_url(seeded_url):
    """The demo seed has these templates (cur_server/demo/content.py); the tests give them
    wording of their own: a short one, and one the bot cannot fill."""
    texts = {
        "faq_waste_sorting": ("Справка: раздельный сбор отходов", "waste", SORTING),
        "faq_road_works": (
            "Справка: ремонт дорог",
            "roads",
            "{greeting}! Ремонт дороги по адресу {address} завершат до {deadline_date}.",
        ),
    }
    with load_context(seeded_url).db.write() as s:
        for code, (title, sector, text) in texts.items():
            t = s.scalar(select(Template).where(Template.code == code))
            if t is None:
                t = Template(code=code, title=title, sector=sector, kind="final", text=text)
                s.add(t)
            t.text = text
    return seeded_url


def runner(url: str, tg: TelegramApi, faq: FaqConfig | None = FAQ) -> ChannelRunner:
    config = TelegramConfig(
        name="bot",
        token=Secret(TOKEN),
        api_url=tg.url,
        default_municipality="ryazan",
        timeout=10,
        faq=faq,
    )
    return ChannelRunner(load_context(url), [TelegramChannel(config)])


def detail(api, incident_id: int) -> dict:
    return api("supervisor1").get(f"/api/v1/incidents/{incident_id}").json()


def test_a_matching_question_is_answered_once_and_the_incident_shows_it(faq_url, api, tg):
    question = tg.user_says("Подскажите, как правильно сортировать мусор: куда девать пластик?")
    run = runner(faq_url, tg)
    assert run.run_round().fetched == 1
    [answer] = tg.sent_to(CITIZEN)
    assert answer["text"].startswith(HEADER)
    assert answer["text"].endswith(FOOTER)
    assert "Уважаемая Ирина" not in answer["text"]  # no patronymic: a neutral greeting
    assert "жёлтый контейнер" in answer["text"] and "{" not in answer["text"]
    assert answer["reply_to_message"]["message_id"] == question["message_id"]
    [params] = tg.calls_of("sendMessage")
    assert params["reply_parameters"]["message_id"] == question["message_id"]

    [inc] = tg_incidents(faq_url)
    shown = detail(api, inc.id)
    assert shown["status"] == "answered"
    [reply] = shown["replies"]
    assert reply["text"] == answer["text"]
    assert reply["approval_state"] == "published" and reply["delivery_state"] == "sent"
    assert shown["final_answered_at"] is not None
    notes = [e for e in shown["events"] if e["kind"] == "note"]
    assert "ответил автоматически" in notes[-1]["data"]["text"]
    assert "faq_waste_sorting" in notes[-1]["data"]["text"]
    # The workstations' directory names the reply's author; that account cannot sign in.
    directory = api("operator1").get("/api/v1/reference").json()["users"]
    [bot] = [u for u in directory if u["id"] == reply["author_id"]]
    assert bot["full_name"] == BOT_FULL_NAME and bot["role"] == "collector"
    assert api().login(BOT_USERNAME, NO_PASSWORD).status_code == 401

    # Nothing more on the next rounds, nor from a new process.
    assert run.run_round().sent == 0
    assert runner(faq_url, tg).run_round().fetched == 0
    assert len(tg.sent_to(CITIZEN)) == 1
    with run.server.db.read() as s:
        assert len(s.scalars(select(Reply).where(Reply.incident_id == inc.id)).all()) == 1


def test_a_crash_after_answering_finishes_the_record_and_answers_nothing_twice(faq_url, api, tg):
    tg.user_says("Как сортировать мусор? Куда выбрасывать стекло?")
    run = runner(faq_url, tg)
    adapter = run.adapters[0]
    record = adapter.faq.record

    def crash(*args, **kw):
        raise RuntimeError("the process died after sending")

    adapter.faq.record = crash
    with pytest.raises(RuntimeError):
        adapter.fetch(run.intake)
    assert len(tg.sent_to(CITIZEN)) == 1
    # Telegram sends the unconfirmed update again to the restarted process.
    adapter.faq.record = record
    tg.state.updates = [
        {"update_id": 815_000_001, "message": tg.state.messages[CITIZEN][101]},
    ]
    restarted = runner(faq_url, tg)
    assert restarted.run_round().fetched == 1
    assert len(tg.sent_to(CITIZEN)) == 1 and len(tg.calls_of("sendMessage")) == 1
    [inc] = tg_incidents(faq_url)
    shown = detail(api, inc.id)
    assert shown["status"] == "answered" and len(shown["replies"]) == 1


def test_a_question_that_does_not_match_is_an_ordinary_incident(faq_url, api, tg):
    tg.user_says("Во дворе дома 5 на улице Ленина прорвало трубу, течёт вода")
    run = runner(faq_url, tg)
    run.run_round()
    assert tg.sent_to(CITIZEN) == []
    [inc] = tg_incidents(faq_url)
    shown = detail(api, inc.id)
    assert shown["status"] == "new" and shown["replies"] == []


def test_a_template_the_bot_cannot_fill_is_never_sent(faq_url, api, tg):
    tg.user_says("Когда закончится ремонт дороги?")  # a full match, but it needs {address}
    runner(faq_url, tg).run_round()
    assert tg.calls_of("sendMessage") == []
    [inc] = tg_incidents(faq_url)
    shown = detail(api, inc.id)
    assert shown["status"] == "new" and shown["replies"] == []


def test_operator_after_an_automatic_answer_hands_it_to_a_person(faq_url, api, tg):
    tg.user_says("Как сортировать мусор?")
    run = runner(faq_url, tg)
    run.run_round()
    [inc] = tg_incidents(faq_url)
    tg.user_says("Оператор!")
    run.run_round()
    assert len(tg_incidents(faq_url)) == 1  # joined, not a new incident
    shown = detail(api, inc.id)
    assert shown["status"] == "reopened"
    assert shown["final_answered_at"] is None and shown["first_answered_at"] is None
    kinds = [e["kind"] for e in shown["events"]]
    assert kinds[-3:] == ["followup", "status_changed", "note"]
    assert "специалиста" in shown["events"][-1]["data"]["text"]
    # The citizen is told, once, quoting the request.
    handover = tg.sent_to(CITIZEN)[-1]
    assert handover["text"].startswith("Ваш вопрос передан специалисту")
    assert shown["number"] in handover["text"]
    run.run_round()
    assert len(tg.sent_to(CITIZEN)) == 2
    # A person can answer it now as any other case, and the bot stays out of it.
    lead = api("supervisor1")
    lead.one("claim", inc.id)
    r = lead.one("add_reply", inc.id, {"kind": "final", "text": "Перезвоним вам сегодня."})
    assert r["outcome"] == "applied", r
    run.run_round()
    texts = [m["text"] for m in tg.sent_to(CITIZEN)]
    assert len(texts) == 3 and texts[-1] == "Перезвоним вам сегодня."

    # Answering the bot's message itself hands it over as well.
    tg.user_says("Где взять жёлтый контейнер, как сортировать мусор?", chat_id=5_550_002)
    run.run_round()
    [bot_answer] = tg.sent_to(5_550_002)
    tg.user_says("Не помогло", chat_id=5_550_002, reply_to=bot_answer["message_id"])
    run.run_round()
    second = tg_incidents(faq_url)[-1]
    assert detail(api, second.id)["status"] == "reopened"


def test_faq_off_is_the_old_behaviour(faq_url, api, tg):
    tg.user_says("Как сортировать мусор?")
    off = FaqConfig(enabled=False, min_score=0.4, entries=FAQ.entries)
    for faq in (None, off):
        run = runner(faq_url, tg, faq=faq)
        run.run_round()
    assert tg.sent_to(CITIZEN) == []
    [inc] = tg_incidents(faq_url)
    assert detail(api, inc.id)["status"] == "new"


def test_the_faq_is_read_from_the_channels_configuration(monkeypatch):
    monkeypatch.setenv("CUR_TEST_TG_TOKEN", TOKEN)
    config = parse_config(
        {
            "telegram": [
                {
                    "name": "bot",
                    "token_env": "CUR_TEST_TG_TOKEN",
                    "faq": {
                        "enabled": True,
                        "min_score": 0.6,
                        "answers": [
                            {"template": "faq_waste_sorting", "questions": ["Как сортировать?"]}
                        ],
                    },
                }
            ]
        }
    )
    [bot] = config.telegram
    assert bot.faq.enabled and bot.faq.min_score == 0.6
    assert bot.faq.entries == (FaqEntry("faq_waste_sorting", ("Как сортировать?",)),)
    assert (
        parse_config({"telegram": [{"name": "b", "token_env": "CUR_TEST_TG_TOKEN"}]})
        .telegram[0]
        .faq
        is None
    )
