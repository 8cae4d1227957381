"""The scorecard of a scripted session whose right figures are worked out by hand below, and the
trainer's live view and comments on the way."""

from __future__ import annotations

import csv
import io

from pypdf import PdfReader

from tests.server.api import Api
from tests.server.training_support import (
    TRAINING,
    act,
    add_users,
    install_clock,
    join,
    new_session,
)

SCENARIO = """\
title: Счёт
duration: 60
default_speed: 2
sla: {normal: 30, high: 10}
incidents:
  - key: k1
    at: 0
    text: "Нет отопления в доме 12 по улице Советской"
    municipality: shilovsky_district
    expected:
      sector: housing
      category: heating
      agency: adm_shilovsky_district
      reply: final
      facts: [["отоплени"], ["сегодня", "завтра"]]
      forbidden: ["обратитесь в управляющую компанию"]
  - key: k2
    at: 5
    importance: high
    text: "Провал на дороге у моста, машины объезжают по встречке"
    municipality: ryazan
    expected:
      agency: [road_directorate]
      reply: interim
      facts: [["дорог"]]
  - key: k3
    at: 10
    text: "Не могу записаться к терапевту"
    municipality: kasimov
    expected: {agency: minzdrav}
  - key: k4
    at: 20
    wrong_municipality: true
    text: "В Рязани на Первомайском проспекте не убран снег"
    municipality: skopin
    expected: {municipality: ryazan}
"""

#: Passes every reply check; holds both facts of k1 and its forbidden phrase.
K1_TEXT = (
    "Здравствуйте! Обратитесь в управляющую компанию, если батареи снова остынут. Подача "
    "отопления в доме восстановлена сегодня в 15:00, аварийная бригада выполнила ремонт задвижки."
)
#: Too short (fails the checks); holds k2's fact.
K2_TEXT = "Дорога будет отремонтирована."
#: An interim answer that passes the checks.
K3_TEXT = (
    "Здравствуйте! Ваше обращение передано в министерство здравоохранения Рязанской области, "
    "ответ поступит в течение трёх рабочих дней."
)


def test_scripted_trainees_score_as_worked_out_by_hand(live, api):
    clock = install_clock(live)
    add_users(live.context.db.url, ("trainee1", "trainee"), ("trainee2", "trainee"))
    trainer = api("trainer1")
    sid = new_session(trainer, SCENARIO)["id"]  # ×2: scenario minute m at wall minute m / 2
    join(trainer, sid, "trainee1", "trainee2")
    clock.at(0)
    act(trainer, sid, "start")
    a, b = api("trainee1"), api("trainee2")
    ref = a.get("/api/v1/reference").json()
    agency = {x["code"]: x["id"] for x in ref["agencies"]}
    category = {x["code"]: x["id"] for x in ref["categories"]}
    municipality = {x["code"]: x["id"] for x in ref["municipalities"]}

    def iid(who: Api, key: str) -> int:
        found = [i for i in who.all_incidents().values() if i["source_id"].endswith(f":{key}")]
        return found[0]["id"]

    def ok(result: dict) -> None:
        assert result["outcome"] == "applied", result

    clock.at(1)  # minute 2
    k1 = iid(a, "k1")
    ok(a.one("claim", k1))
    ok(a.one("set_category", k1, {"sector": "housing", "category_id": category["heating"]}))
    ok(a.one("route", k1, {"agency_id": agency["adm_shilovsky_district"]}))
    clock.at(5)  # minute 10: k1 answered 10 minutes after arrival, due at 30
    ok(a.one("add_reply", k1, {"kind": "final", "text": K1_TEXT}))
    clock.at(6)  # minute 12
    k2 = iid(a, "k2")
    ok(a.one("claim", k2))
    ok(a.one("route", k2, {"agency_id": agency["mintrans"]}))  # wrong agency
    clock.at(8)  # minute 16: 11 minutes after arrival, due at 5 + 10 = 15: missed
    ok(a.one("add_reply", k2, {"kind": "final", "text": K2_TEXT}))  # interim was expected
    clock.at(11)  # minute 22
    k4 = iid(a, "k4")
    ok(a.one("claim", k4))
    ok(a.one("set_municipality", k4, {"municipality_id": municipality["ryazan"]}))
    clock.at(12)  # minute 24
    k3 = iid(b, "k3")
    ok(b.one("claim", k3))
    ok(b.one("route", k3, {"agency_id": agency["minzdrav"]}))
    ok(b.one("add_reply", k3, {"kind": "interim", "text": K3_TEXT}))

    live_view = trainer.get(f"{TRAINING}/sessions/{sid}/live").json()
    by_name = {t["username"]: t for t in live_view["trainees"]}
    assert (by_name["trainee1"]["claimed"], by_name["trainee1"]["answered"]) == (3, 2)
    assert by_name["trainee1"]["routed"] == 2 and by_name["trainee1"]["overdue"] == 1
    sla = {i["key"]: i["sla"] for i in by_name["trainee1"]["incidents"]}
    assert sla == {"k1": "met", "k2": "missed", "k4": "running"}
    replies = {i["key"]: i["replies"] for i in by_name["trainee2"]["incidents"]}
    assert [(r["text"], r["minute"]) for r in replies["k3"]] == [(K3_TEXT, 24)]
    assert live_view["unassigned"] == []

    r = trainer.request(
        "PUT",
        f"{TRAINING}/sessions/{sid}/comments/{a.user['id']}",
        json={"text": "Следить за сроками"},
    )
    assert r.status_code == 200
    clock.at(20)  # minute 40: k4 (due 50) is not yet due
    card = trainer.get(f"{TRAINING}/sessions/{sid}/scorecard").json()
    rows = {r["username"]: r for r in card["rows"]}
    assert _figures(rows["trainee1"]) == {
        "handled": 2,  # k1, k2 answered; k4 only held
        "sla_met": 1,  # k1
        "sla_due": 2,  # k1 and k2 answered; k4 not yet due
        "median_first_answer_minutes": 10.5,  # median of 10 and 11
        "routing_correct": 2,  # k1 (sector, category, agency), k4 (moved to Рязань)
        "routing_checked": 3,  # k2 went to the wrong agency
        "reply_kind_correct": 1,  # k1 final; k2 final where interim was expected
        "reply_kind_checked": 2,
        "facts_present": 3,  # k1 both, k2 «дорог»
        "facts_expected": 3,
        "forbidden_used": 1,  # «обратитесь в управляющую компанию» in k1
        "replies": 2,
        "replies_failed_checks": 1,  # k2: too short, no date
        "comment": "Следить за сроками",
    }
    assert _figures(rows["trainee2"]) == {
        "handled": 1,
        "sla_met": 1,  # answered at minute 24, due at 40
        "sla_due": 1,
        "median_first_answer_minutes": 14.0,
        "routing_correct": 1,
        "routing_checked": 1,
        "reply_kind_correct": 0,  # interim where the default final was expected
        "reply_kind_checked": 1,
        "facts_present": 0,
        "facts_expected": 0,
        "forbidden_used": 0,
        "replies": 1,
        "replies_failed_checks": 0,
        "comment": None,
    }

    exported = trainer.get(f"{TRAINING}/sessions/{sid}/scorecard.csv")
    assert exported.status_code == 200
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "Слушатель" and len(table) == 3
    line = {r[1]: r for r in table[1:]}["trainee1"]
    assert line[2:6] == ["2", "1 из 2", "10,5", "2 из 3"] and line[-1] == "Следить за сроками"
    pdf = trainer.get(f"{TRAINING}/sessions/{sid}/scorecard.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Итоги учебного занятия" in text and "Следить за сроками" in text
    assert "1 из 2" in text and "10,5" in text


def _figures(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("user_id", "username", "full_name")}
