"""The municipality brief's key figures say how many answers reached the citizens' channels
(real e-mail channel, real server, the brief written to PDF and XLSX)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from cur_desktop.reports.brief import build_brief
from cur_desktop.reports.brief_pdf import write_brief_pdf
from cur_desktop.reports.brief_source import ServerSource
from cur_desktop.reports.brief_xlsx import write_brief_xlsx
from cur_desktop.sync.client import ApiClient
from tests.reports.test_brief import _pdf_text
from tests.ui.test_analytics_deliveries_ui import _deliveries

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@SQLITE_ONLY  # the counting itself runs on both: tests/server/test_analytics_deliveries.py
def test_the_brief_counts_the_answers_delivered(live, seeded_url, tmp_path):
    _deliveries(seeded_url, live.url)  # into Рязань: one delivered, one failed, one queued
    client = ApiClient(live.url)
    client.login("supervisor1", "demo")
    today = (datetime.now(UTC) + timedelta(hours=3)).date()
    period = (today - timedelta(days=1), today)

    brief = build_brief(ServerSource(client), "Рязань", *period, examples=0)
    assert brief.deliveries == (1, 1, 1)
    pdf, xlsx = tmp_path / "brief.pdf", tmp_path / "brief.xlsx"
    write_brief_pdf(brief, pdf)
    write_brief_xlsx(brief, xlsx)
    text = _pdf_text(pdf)
    assert "Ответов доставлено в каналы заявителей 1 из 3" in text
    assert "Ответов в очереди на доставку 1" in text
    assert "Ответов не доставлено (отказ канала) 1" in text
    summary = {r[0]: r[1] for r in load_workbook(xlsx)["Итоги"].iter_rows(values_only=True)}
    assert summary["Ответов доставлено в каналы заявителей"] == 1
    assert summary["Ответов в очереди на доставку"] == 1
    assert summary["Ответов не доставлено (отказ канала)"] == 1

    # Another municipality had no answers to deliver: no such lines at all.
    other = build_brief(ServerSource(client), "Касимов", *period, examples=0)
    assert other.deliveries is None
    write_brief_pdf(other, pdf)
    assert "каналы заявителей" not in _pdf_text(pdf)
