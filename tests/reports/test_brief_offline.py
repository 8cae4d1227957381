"""The municipality brief from the local cache against the real server: a workstation synced
from the server builds the same brief (the same numbers in the PDF and the XLSX) for the same
municipality and period, marked as counted from the cache; the cache refuses what the server
refuses; `cur-desktop brief --offline` writes it from the last profile's cache."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from cur_desktop.models.cache.store import CacheStore
from cur_desktop.reports.brief import BriefData, build_brief
from cur_desktop.reports.brief_pdf import write_brief_pdf
from cur_desktop.reports.brief_source import CacheSource, ServerSource
from cur_desktop.reports.brief_xlsx import write_brief_xlsx
from cur_desktop.reports.municipality import BriefError
from cur_desktop.sync.client import ApiClient
from tests.reports.test_brief import (
    HOSTILE,
    PERIOD,
    SQLITE_ONLY,
    _busiest,
    _cli,
    _ingest,
    _pdf_text,
)
from tests.sync.harness import Workstation

MARK = "Составлено по локальному кэшу рабочего места на"


def _synced(live, tmp_path, username: str) -> Workstation:
    ws = Workstation(live.url, username, tmp_path / username, key=secrets.token_hex(32))
    ws.sync()
    return ws


def _seconds(value: datetime) -> datetime:
    return value.replace(microsecond=0)


def _same_numbers(mine: BriefData, theirs: BriefData) -> None:
    """Every figure of the two briefs; times to the second (the cache keeps whole seconds)."""
    for name in (
        "region",
        "municipality",
        "municipality_id",
        "date_from",
        "date_to",
        "previous_from",
        "previous_to",
        "timezone",
        "total",
        "total_previous",
        "by_day",
        "by_week",
        "by_sector",
        "topics",
        "other_topics",
        "by_status",
        "overdue_now",
        "spike_rule",
        "spikes",
        "cluster_rule",
    ):
        assert getattr(mine, name) == getattr(theirs, name), name
    sla = [mine.sla_total, *mine.sla_by_agency], [theirs.sla_total, *theirs.sla_by_agency]
    for got, want in zip(*sla, strict=True):
        assert got.__dict__ | {"median_minutes": None} == want.__dict__ | {"median_minutes": None}
        assert got.median_minutes == pytest.approx(want.median_minutes, abs=2 / 60)
    assert [x.__dict__ | {"received_at": None, "due": None} for x in mine.overdue] == [
        x.__dict__ | {"received_at": None, "due": None} for x in theirs.overdue
    ]
    assert [(_seconds(x.received_at), x.due and _seconds(x.due)) for x in mine.overdue] == [
        (_seconds(x.received_at), x.due and _seconds(x.due)) for x in theirs.overdue
    ]
    assert [(x.kind, x.key, x.count, x.open_count) for x in mine.clusters] == [
        (x.kind, x.key, x.count, x.open_count) for x in theirs.clusters
    ]
    assert [_seconds(x.first_received_at) for x in mine.clusters] == [
        _seconds(x.first_received_at) for x in theirs.clusters
    ]


def test_brief_from_the_cache_equals_the_servers(live, seeded_url, tmp_path):
    mid, code, name = _busiest(seeded_url)
    _ingest(live.url, code, seeded_url)
    ws = _synced(live, tmp_path, "supervisor1")
    try:
        remote = build_brief(ServerSource(ws.client), name, *PERIOD)
        source = CacheSource(ws.store, now=remote.generated_at.astimezone(UTC))
        local = build_brief(source, name, *PERIOD)
    finally:
        ws.close()

    assert remote.total >= 3 and remote.overdue and remote.clusters, "the data shows something"
    _same_numbers(local, remote)
    # The examples come from the cached incidents of the period: the planted cluster is there.
    assert HOSTILE in [e.text for e in local.examples]
    assert len(local.examples) == len(remote.examples)
    assert remote.cached_at is None and remote.source_line is None
    with ws.store.read() as conn:
        synced = ws.store.get_meta(conn, "last_sync_at")
    tz = ZoneInfo(remote.timezone)
    assert local.cached_at == datetime.fromtimestamp(synced, UTC).astimezone(tz)
    when = f"{local.cached_at:%d.%m.%Y %H:%M}"

    texts = {}
    for label, brief in (("local", local), ("remote", remote)):
        pdf, xlsx = tmp_path / f"{label}.pdf", tmp_path / f"{label}.xlsx"
        write_brief_pdf(brief, pdf)
        write_brief_xlsx(brief, xlsx)
        summary = {r[0]: r[1] for r in load_workbook(xlsx)["Итоги"].iter_rows(values_only=True)}
        texts[label] = (_pdf_text(pdf), summary)
    pdf_local, xlsx_local = texts["local"]
    pdf_remote, xlsx_remote = texts["remote"]

    line = f"{MARK} {when}: только синхронизированные данные в пределах доступа пользователя"
    assert line in pdf_local and MARK not in pdf_remote
    assert xlsx_local.pop("Источник данных") == line and "Источник данных" not in xlsx_remote
    xlsx_local.pop("Сформирована"), xlsx_remote.pop("Сформирована")
    median = "Медианное время до первого ответа, мин"
    assert xlsx_local.pop(median) == pytest.approx(xlsx_remote.pop(median), abs=2 / 60)
    assert xlsx_local == xlsx_remote
    assert xlsx_local["Обращений за период"] == remote.total
    # The printed figures: totals, overdue, first-answer SLA, topics.
    for printed in (
        f"Обращений за период ({PERIOD[0]:%d.%m.%Y} – {PERIOD[1]:%d.%m.%Y}) {remote.total}",
        f"Просрочено сейчас (нет ответа в срок) {remote.overdue_now}",
        f"Всего {remote.sla_total.incidents} {remote.sla_total.answered} "
        f"{remote.sla_total.answered_on_time} {remote.sla_total.overdue} ",
        *(f"{t.name} {t.group} {t.count} {t.previous} " for t in remote.topics),
    ):
        assert printed in pdf_local and printed in pdf_remote, printed


@SQLITE_ONLY
def test_an_officials_cache_refuses_other_municipalities(live, tmp_path):
    ws = _synced(live, tmp_path, "official1")
    try:
        source = CacheSource(ws.store)
        own = build_brief(source, "Шиловский", *PERIOD, examples=0)
        remote = build_brief(ServerSource(ws.client), "Шиловский", *PERIOD, examples=0)
        assert own.total == remote.total > 0 and own.source_line
        with pytest.raises(BriefError, match="только по своим"):
            build_brief(source, "город Рязань", *PERIOD)
    finally:
        ws.close()


def test_a_cache_never_synced_says_so(tmp_path):
    store = CacheStore(tmp_path / "cache.db", secrets.token_hex(32))
    try:
        with pytest.raises(BriefError, match="ещё не синхронизировалось"):
            build_brief(CacheSource(store), "Шиловский", PERIOD[0], PERIOD[0] + timedelta(days=6))
    finally:
        store.close()


@SQLITE_ONLY
def test_cli_offline_writes_the_brief_from_the_last_profiles_cache(live, tmp_path):
    data = str(tmp_path / "profiles")
    client = ApiClient(live.url)
    client.login("supervisor1", "demo")
    remote = build_brief(ServerSource(client), "шиловский", *PERIOD, examples=0)
    key = {"CUR_CACHE_PASSPHRASE": secrets.token_hex(16)}
    synced = subprocess.run(
        [sys.executable, "-m", "cur_desktop.cli", "sync", "--server", live.url]
        + ["--username", "supervisor1", "--password-stdin", "--data-dir", data],
        input="demo\n",
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **key},
    )
    assert synced.returncode == 0, synced.stderr
    live.stop()  # the brief below cannot have asked the server

    out = tmp_path / "offline.pdf"
    args = ["--offline", "--data-dir", data, "--municipality", "шиловский"]
    period = ["--from", f"{PERIOD[0]}", "--to", f"{PERIOD[1]}", "--out", str(out)]
    done = _cli(*args, *period, env=key)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    text = _pdf_text(out)
    assert MARK in text and "Шиловский муниципальный район" in text
    total = f"Обращений за период ({PERIOD[0]:%d.%m.%Y} – {PERIOD[1]:%d.%m.%Y}) {remote.total}"
    assert total in text

    # A wrong cache passphrase or a folder without profiles: a clear error and no file.
    out.unlink()
    wrong = _cli(*args, *period, env={"CUR_CACHE_PASSPHRASE": "wrong"})
    assert wrong.returncode == 2 and wrong.stderr.strip() and not out.exists()
    empty = ["--offline", "--data-dir", str(tmp_path / "none"), "--municipality", "1"]
    nothing = _cli(*empty, "--out", str(out), env=key)
    assert nothing.returncode == 2 and "нет локального кэша" in nothing.stderr
    assert not out.exists()
