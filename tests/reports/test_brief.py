"""The municipality brief against the real server: the numbers in the PDF and the XLSX equal
counts taken straight from the server's database, citizens' text comes out as written, and the
command line writes a document or a clear error and no file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import and_, create_engine, func, or_, select
from sqlalchemy.orm import Session

from cur_desktop.models.contract import MunicipalityOut
from cur_desktop.models.domain import SECTOR_LABELS
from cur_desktop.models.statuses import OPEN_STATUSES
from cur_desktop.reports.brief import build_brief
from cur_desktop.reports.brief_pdf import write_brief_pdf
from cur_desktop.reports.brief_source import ServerSource
from cur_desktop.reports.brief_xlsx import write_brief_xlsx
from cur_desktop.reports.municipality import BriefError, resolve_municipality
from cur_desktop.sync.client import ApiClient
from cur_server.tables import Category, Incident, Municipality
from tests.server.api import Api

PERIOD = (date(2026, 11, 20), date(2026, 11, 24))
PREVIOUS_DAY = date(2026, 11, 17)
#: Europe/Moscow, the demo region's zone: local days are UTC+3.
OFFSET = timedelta(hours=3)
#: A citizen's message that is markup in reportlab and a formula in a spreadsheet.
HOSTILE = (
    '=HYPERLINK("http://example.invalid/") Нет отопления <b>жирный</b> & '
    '<script>alert("x")</script> в подъезде'
)
OPEN = sorted(s.value for s in OPEN_STATUSES)
SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC) - OFFSET


def _busiest(url: str) -> tuple[int, str, str]:
    """The municipality with most seeded incidents in the period: (id, code, name)."""
    engine = create_engine(url)
    with Session(engine) as s:
        row = s.execute(
            select(Municipality.id, Municipality.code, Municipality.name)
            .join(Incident, Incident.municipality_id == Municipality.id)
            .where(Incident.received_at >= _utc(PERIOD[0]))
            .group_by(Municipality.id, Municipality.code, Municipality.name)
            .order_by(func.count().desc(), Municipality.id)
            .limit(1)
        ).one()
    engine.dispose()
    return row.id, row.code, row.name


def _ingest(base: str, municipality_code: str, url: str) -> None:
    """Six copies of the hostile message in the period (a cluster, so it is an example) and
    four incidents in the previous period, so the trend compares against something."""
    engine = create_engine(url)
    with Session(engine) as s:
        heating = s.scalars(select(Category.code).where(Category.sector == "housing")).first()
    engine.dispose()
    items = [
        {
            "channel": "vk",
            "source_id": f"brief-hostile-{n}",
            "text": HOSTILE,
            "received_at": f"2026-11-21T1{n}:00:00+03:00",  # a Saturday: overdue by now
            "municipality_code": municipality_code,
            "sector": "housing",
            "category_code": heating,
        }
        for n in range(6)
    ] + [
        {
            "channel": "telegram",
            "source_id": f"brief-previous-{n}",
            "text": f"Прорвало трубу, вода в подвале уже {n + 2} дня",
            "received_at": f"{PREVIOUS_DAY + timedelta(days=n % 2)}T10:00:00+03:00",
            "municipality_code": municipality_code,
            "sector": "housing",
            "category_code": heating,
        }
        for n in range(4)
    ]
    r = Api(base, "collector").post("/api/v1/ingest", json={"items": items})
    assert r.status_code == 200, r.text


def _expected(url: str, municipality_id: int, now: datetime) -> dict:
    """The brief's figures counted from the database directly, not through the analytics."""
    start, end = _utc(PERIOD[0]), _utc(PERIOD[1] + timedelta(days=1))
    previous_start = start - (end - start)
    i = Incident
    engine = create_engine(url)
    with Session(engine) as s:
        names = dict(s.execute(select(Category.id, Category.name)).all())
        rows = s.execute(
            select(i.received_at, i.category_id, i.sector, i.status)
            .add_columns(i.first_answered_at, i.first_answer_due)
            .where(
                i.municipality_id == municipality_id,
                i.training_session_id.is_(None),
                i.received_at >= previous_start,
                i.received_at < end,
            )
        ).all()
        overdue_now = s.scalar(
            select(func.count())
            .select_from(i)
            .where(
                i.municipality_id == municipality_id,
                i.training_session_id.is_(None),
                i.status.in_(OPEN),
                or_(
                    and_(i.first_answered_at.is_(None), i.first_answer_due <= now),
                    and_(
                        i.first_answered_at.is_not(None),
                        i.final_answered_at.is_(None),
                        i.final_answer_due <= now,
                    ),
                ),
            )
        )
    engine.dispose()
    current = [r for r in rows if r.received_at >= start]
    previous = [r for r in rows if r.received_at < start]

    def topic(r) -> str:
        return names.get(r.category_id) or f"{SECTOR_LABELS[r.sector]}: без категории"

    answered = [r for r in current if r.first_answered_at is not None]
    return {
        "total": len(current),
        "previous": len(previous),
        "topics": Counter(map(topic, current)),
        "topics_previous": Counter(map(topic, previous)),
        "by_day": Counter((r.received_at + OFFSET).date() for r in current),
        "answered": len(answered),
        "on_time": sum(
            r.first_answer_due is None or r.first_answered_at <= r.first_answer_due
            for r in answered
        ),
        "sla_overdue": sum(
            r.first_answered_at is None and r.status in OPEN and r.first_answer_due <= now
            for r in current
        ),
        "overdue_now": overdue_now,
    }


def _pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\xa0", " ").split())


def _period(a: date, b: date) -> str:
    return f"{a:%d.%m.%Y} – {b:%d.%m.%Y}"


def test_brief_numbers_equal_the_database(live, seeded_url, tmp_path):
    mid, code, name = _busiest(seeded_url)
    _ingest(live.url, code, seeded_url)
    client = ApiClient(live.url)
    client.login("supervisor1", "demo")

    brief = build_brief(ServerSource(client), name.upper(), *PERIOD)
    want = _expected(seeded_url, mid, brief.generated_at)
    assert (brief.municipality_id, brief.municipality) == (mid, name)
    assert want["previous"] >= 4 and want["total"] >= 3  # the data can show a trend

    pdf, xlsx = tmp_path / "brief.pdf", tmp_path / "brief.xlsx"
    write_brief_pdf(brief, pdf)
    write_brief_xlsx(brief, xlsx)
    text = _pdf_text(pdf)

    # Totals, trend, overdue and first-answer SLA, as printed.
    assert "Справка по муниципальному образованию" in text and name in text
    assert f"Обращений за период ({_period(*PERIOD)}) {want['total']}" in text
    prev = _period(PERIOD[0] - timedelta(days=5), PERIOD[0] - timedelta(days=1))
    assert f"За предыдущий период ({prev}) {want['previous']}" in text
    assert f"Просрочено сейчас (нет ответа в срок) {want['overdue_now']}" in text
    sla = f"Всего {want['total']} {want['answered']} {want['on_time']} {want['sla_overdue']} "
    assert sla in text

    # Main topics: each listed one with its counts; the listed ones are really the largest.
    assert brief.topics, "the period has incidents, so it has topics"
    for t in brief.topics:
        assert (t.count, t.previous) == (want["topics"][t.name], want["topics_previous"][t.name])
        assert f"{t.name} {t.group} {t.count} {t.previous} " in text
    listed = {t.name for t in brief.topics}
    smallest = min(t.count for t in brief.topics)
    assert all(n <= smallest for k, n in want["topics"].items() if k not in listed)
    rest = want["total"] - sum(t.count for t in brief.topics)
    if rest:
        assert f"Прочие темы {rest} " in text

    # A citizen's text is printed as written: markup neither applied nor lost.
    assert '<b>жирный</b> & <script>alert("x")</script> в подъезде' in text
    assert HOSTILE in [e.text for e in brief.examples]

    # The same numbers in the workbook, as numbers.
    wb = load_workbook(xlsx)
    summary = {r[0]: r[1] for r in wb["Итоги"].iter_rows(values_only=True)}
    assert summary["Обращений за период"] == want["total"]
    assert summary["Обращений за предыдущий период"] == want["previous"]
    assert summary["Просрочено сейчас"] == want["overdue_now"]
    assert summary["Начало периода"] == datetime.combine(PERIOD[0], time(0))
    topics = {r[0]: r[2:4] for r in wb["Темы"].iter_rows(min_row=2, values_only=True)}
    assert sum(n for n, _ in topics.values()) == want["total"]
    for t in brief.topics:
        assert topics[t.name] == (want["topics"][t.name], want["topics_previous"][t.name])
    days = {r[0].date(): r[1] for r in wb["По дням"].iter_rows(min_row=2, values_only=True)}
    first = PERIOD[0]
    assert days == {first + timedelta(k): want["by_day"][first + timedelta(k)] for k in range(5)}
    sla_row = next(r for r in wb["Сроки"].iter_rows(min_row=2, values_only=True) if r[0] == "Всего")
    assert sla_row[1:5] == (want["total"], want["answered"], want["on_time"], want["sla_overdue"])
    # The message starting with «=» stays text, in the cluster list and among the examples.
    keys = [row[1] for row in wb["Повторы"].iter_rows(min_row=2)]
    hostile = [cell for cell in keys if str(cell.value).startswith("=HYPERLINK")]
    assert hostile and all(cell.data_type == "s" for cell in hostile)
    texts = [row[6] for row in wb["Примеры"].iter_rows(min_row=2)]
    assert [c.data_type for c in texts if c.value == HOSTILE] == ["s"]


@SQLITE_ONLY
def test_district_official_gets_only_their_municipality(live, seeded_url):
    client = ApiClient(live.url)
    client.login("official1", "demo")
    own = build_brief(ServerSource(client), "Шиловский", *PERIOD, examples=0)
    engine = create_engine(seeded_url)
    with Session(engine) as s:
        total = s.scalar(
            select(func.count())
            .select_from(Incident)
            .join(Municipality, Municipality.id == Incident.municipality_id)
            .where(
                Municipality.code == "shilovsky_district",
                Incident.received_at >= _utc(PERIOD[0]),
                Incident.received_at < _utc(PERIOD[1] + timedelta(days=1)),
            )
        )
    engine.dispose()
    assert own.total == total
    with pytest.raises(BriefError, match="только по своим"):
        build_brief(ServerSource(client), "город Рязань", *PERIOD)


def test_municipality_names_resolve_or_say_what_is_near():
    known = [
        MunicipalityOut(id=1, code="ryazan", name="городской округ город Рязань", kind="city"),
        MunicipalityOut(id=2, code="kasimov", name="городской округ город Касимов", kind="city"),
        MunicipalityOut(
            id=3, code="kasimovsky_district", name="Касимовский муниципальный округ", kind="mo"
        ),
        MunicipalityOut(
            id=4, code="shilovsky_district", name="Шиловский муниципальный район", kind="district"
        ),
        MunicipalityOut(
            id=5, code="shatsky_district", name="Шацкий муниципальный район", kind="district"
        ),
    ]
    assert resolve_municipality(known, "  РЯЗАНЬ ").id == 1
    assert resolve_municipality(known, "Касимов").id == 2  # the whole word: the town
    assert resolve_municipality(known, "касимовский").id == 3
    assert resolve_municipality(known, "SHILOVSKY_DISTRICT").id == 4
    assert resolve_municipality(known, "5").id == 5
    with pytest.raises(BriefError, match="Шацкий муниципальный район; Шиловский"):
        resolve_municipality(known, "муниципальный район")
    with pytest.raises(BriefError, match="«Шиловской» не найдено. Похожие: Шиловский"):
        resolve_municipality(known, "Шиловской")
    with pytest.raises(BriefError, match="номером 99"):
        resolve_municipality(known, "99")


# --- the command line -------------------------------------------------------------------------


def _cli(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cur_desktop.cli", "brief", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        # No real keyring in a test: the sign-in is kept in memory only.
        env={
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            **(env or {}),
        },
    )


def _against(live, tmp_path, *args: str, password: str = "demo") -> subprocess.CompletedProcess:
    return _cli(
        "--server",
        live.url,
        "--user",
        "supervisor1",
        "--password-stdin",
        "--data-dir",
        str(tmp_path / "profiles"),
        *args,
        stdin=f"{password}\n",
    )


@SQLITE_ONLY
def test_cli_writes_a_pdf_against_the_server(live, tmp_path):
    out = tmp_path / "Справка Шилово.pdf"
    done = _against(
        live,
        tmp_path,
        "--municipality",
        "шиловский",
        "--from",
        "20.11.2026",
        "--to",
        "2026-11-24",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF-")
    text = _pdf_text(out)
    assert "Шиловский муниципальный район" in text and _period(*PERIOD) in text


@SQLITE_ONLY
def test_cli_unknown_municipality_or_bad_input_leaves_no_file(live, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "brief.pdf"
    done = _against(live, tmp_path, "--municipality", "Шиловской", "--out", str(out))
    assert done.returncode == 2
    assert (
        "«Шиловской» не найдено" in done.stderr and "Шиловский муниципальный район" in done.stderr
    )
    wrong = _against(live, tmp_path, "--municipality", "1", "--out", str(out), password="x")
    assert wrong.returncode == 3 and "Неверное имя пользователя или пароль" in wrong.stderr
    backwards = _against(
        live,
        tmp_path,
        "--municipality",
        "1",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-20",
        "--out",
        str(out),
    )
    assert backwards.returncode == 2 and "позже" in backwards.stderr
    odd = _against(live, tmp_path, "--municipality", "1", "--out", str(folder / "brief.doc"))
    assert odd.returncode == 2 and ".pdf или .xlsx" in odd.stderr
    assert list(folder.iterdir()) == []


def test_cli_demo_writes_an_xlsx(tmp_path):
    out = tmp_path / "brief.xlsx"
    done = _cli(
        "--demo",
        "--data-dir",
        str(tmp_path),
        "--municipality",
        "рязань",
        "--out",
        str(out),
        env={"CUR_DEMO_INCIDENTS": "200"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    summary = {r[0]: r[1] for r in load_workbook(out)["Итоги"].iter_rows(values_only=True)}
    assert summary["Справка по муниципальному образованию"] == "городской округ город Рязань"
    assert summary["Обращений за период"] > 0
