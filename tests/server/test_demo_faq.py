"""The demo seed's information templates give the Telegram bot's FAQ something to answer:
heating, road works, waste sorting, each filled by the bot alone (no placeholder it cannot
fill), through the local Bot API over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from cur_desktop.models.templates import render
from cur_server.channels.config import Secret, TelegramConfig
from cur_server.channels.faq import FOOTER, HEADER
from cur_server.channels.runner import ChannelRunner
from cur_server.channels.telegram_channel import TelegramChannel
from cur_server.context import load_context
from cur_server.demo.content import FAQ_QUESTIONS, TEMPLATES, demo_faq_config
from tests.server.test_telegram_channel import tg_incidents
from tests.support.telegram_api import TOKEN, TelegramApi

BOT_FILLS = {"greeting": "Здравствуйте", "citizen_name": "Ирина", "incident_number": "ЦУР-1"}


def test_every_faq_template_is_one_the_bot_can_fill():
    by_code = {t["code"]: t for t in TEMPLATES}
    assert set(FAQ_QUESTIONS) == {"faq_waste_sorting", "faq_road_works", "faq_heating"}
    for code in FAQ_QUESTIONS:
        rendered = render(by_code[code]["text"], BOT_FILLS | {"municipality": "Рязань"})
        assert rendered.complete, (code, rendered.missing)


@pytest.mark.parametrize(
    ("question", "code", "words"),
    [
        ("Здравствуйте, когда уже включат отопление в Рязани?", "faq_heating", "+18 °C"),
        ("Подскажите, куда сдать старые батарейки?", "faq_waste_sorting", "синей крышкой"),
        ("Когда отремонтируют дорогу на нашей улице?", "faq_road_works", "по гарантии"),
    ],
)
def test_the_bot_answers_demo_questions_from_the_seeded_templates(
    seeded_url, api, question, code, words
):
    with TelegramApi() as tg:
        tg.user_says(question)
        config = TelegramConfig(
            name="bot",
            token=Secret(TOKEN),
            api_url=tg.url,
            default_municipality="ryazan",
            timeout=10,
            faq=demo_faq_config(),
        )
        run = ChannelRunner(load_context(seeded_url), [TelegramChannel(config)])
        assert run.run_round().fetched == 1
        [answer] = tg.sent_to(5_550_001)
    assert answer["text"].startswith(HEADER) and answer["text"].endswith(FOOTER)
    assert words in answer["text"] and "{" not in answer["text"]
    [inc] = tg_incidents(seeded_url)
    shown = api("supervisor1").get(f"/api/v1/incidents/{inc.id}").json()
    assert shown["status"] == "answered"
    assert code in [e for e in shown["events"] if e["kind"] == "note"][-1]["data"]["text"]


def test_a_complaint_is_not_answered_by_the_bot(seeded_url):
    with TelegramApi() as tg:
        tg.user_says("Во дворе дома 4 по улице Гагарина прорвало трубу, заливает подвал")
        config = TelegramConfig(
            name="bot",
            token=Secret(TOKEN),
            api_url=tg.url,
            default_municipality="ryazan",
            timeout=10,
            faq=demo_faq_config(),
        )
        ChannelRunner(load_context(seeded_url), [TelegramChannel(config)]).run_round()
        assert tg.sent_to(5_550_001) == []
    [inc] = tg_incidents(seeded_url)
    assert inc.status == "new"
