"""Full-text search over incident texts and replies on the real encrypted cache: Russian word
forms, «ё», case, words being typed, hostile input, and the index following every change."""

from __future__ import annotations

import secrets

import pytest

from cur_desktop.models.cache import queue as q
from cur_desktop.models.cache.incidents import apply_server_incidents, delete_incidents
from cur_desktop.models.cache.search import match_query, tokens
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.contract import IncidentOut
from cur_desktop.sync.outbox import Outbox
from tests.models.test_queue import ME, NOW, put, server_incident, ts

HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "**",
    "дорога*",
    '"дорога',
    "NEAR",
    "NEAR(дорога яма, 2)",
    "AND",
    "OR",
    "NOT",
    "дорога AND",
    "AND OR NOT",
    "(",
    ")",
    "((дорога",
    "дорога))",
    "^",
    ":",
    "body:дорога",
    "{body}: яма",
    "-дорога",
    "+",
    "\\",
    "\x00",
    "'; DROP TABLE incidents; --",
    "дорога\nяма",
    "🙂",
    " " * 10,
]


@pytest.fixture
def store(tmp_path):
    s = CacheStore(tmp_path / "cache.db", secrets.token_hex(32))
    yield s
    s.close()


def found(store, typed: str, **kw) -> list[int]:
    f = q.QueueFilter(text=typed, **kw)
    with store.read() as conn:
        ids = sorted(r["id"] for r in q.page(conn, f, q.Sort(), 0, 1000, ts(NOW)))
        assert q.count(conn, f, ts(NOW)) == len(ids)
    return ids


@pytest.fixture
def texts(store):
    put(
        store,
        server_incident(1, text="Разбитые дороги на улице Ленина, ямы по колено"),
        server_incident(2, text="Нет отопления в поликлинике №2", author_name="Пётр Ёжиков"),
        server_incident(3, text="Под окнами вырубили все ёлки!"),
        server_incident(4, text="ДОРОГА к школе не чищена от снега", status="closed"),
        server_incident(5, text="Когда уберут ёлку с площади?"),
        server_incident(6, text="Автобус 12 не ходит по расписанию"),
    )
    return store


def test_word_forms_find_each_other(texts):
    assert found(texts, "дорога") == [1, 4]
    assert found(texts, "дорогами") == [1, 4]
    assert found(texts, "ямы") == [1]
    assert found(texts, "яма") == [1]
    assert found(texts, "поликлиника") == [2]
    assert found(texts, "отопление") == [2]


def test_case_and_yo_are_folded(texts):
    assert found(texts, "ДОРОГА") == [1, 4]
    assert found(texts, "Ёлка") == [3, 5]
    assert found(texts, "елки") == [3, 5]
    assert found(texts, "ЁЛОЧКА") == []  # another word, not a form of «ёлка»
    assert found(texts, "ежиков") == [2]  # the author's name is indexed too


def test_words_are_found_as_they_are_typed(texts):
    for typed in ("д", "до", "дор", "доро", "дорог", "дорога"):
        assert set(found(texts, typed)) >= ({1, 4} if len(typed) >= 3 else set())
    assert found(texts, "дор") == [1, 4]
    assert found(texts, "поликл") == [2]
    assert found(texts, "разбитые дор") == [1]
    assert found(texts, "дорога школ") == [4]


def test_every_word_must_match_and_stop_words_do_not_count(texts):
    assert found(texts, "дорога яма") == [1]
    assert found(texts, "дорога на улице") == [1]
    assert found(texts, "дорога автобус") == []
    assert found(texts, "не") == [4, 6]  # a stop word alone is still searched


def test_numbers_and_incident_numbers(texts):
    assert found(texts, "ЦУР-2026-000003") == [3]
    assert found(texts, "000003") == [3]
    assert found(texts, "автобус 12") == [6]
    assert found(texts, "№2") == [2]


def test_text_combines_with_other_filters(texts):
    assert found(texts, "дорога", sla_state=q.SlaState.done) == [4]
    assert found(texts, "дорога", statuses={"new"}) == [1]


@pytest.mark.parametrize("limit", [0, 10_000])
def test_both_ways_of_applying_the_text_agree(texts, monkeypatch, limit):
    monkeypatch.setattr(q, "TEXT_LOOKUP_LIMIT", limit)
    assert found(texts, "дорога") == [1, 4]
    assert found(texts, "ёлка", statuses={"new"}) == [3, 5]


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_query_text_never_raises(texts, typed):
    expression = match_query(typed)
    assert expression is None or all(part.startswith('"') for part in expression.split(" AND "))
    found(texts, typed)


def test_query_syntax_is_searched_as_words(texts):
    assert found(texts, "NEAR(дорога яма, 2)") == []  # «near» is not in any text
    assert found(texts, '"дорога" AND (яма') == []  # «and» is not either
    assert found(texts, "дорога*") == [1, 4]
    assert found(texts, "body:дорога") == []  # no column filters either


def test_match_query_shape():
    assert match_query("") is None
    assert match_query("!!! ???") is None
    assert match_query("Яма на дороге") == '"ям" AND "дорог"*'
    assert match_query("ЦУР-2026-000123") == '"2026" AND "000123"*'
    assert match_query("на") == '"на"'
    assert tokens("Ёжики в ТУМАНЕ") == ["ежик", "в", "туман"]


def test_replies_are_searchable_and_follow_changes(store):
    reply = {
        "id": 31,
        "kind": "interim",
        "text": "Бригада выехала, асфальт уложат до пятницы",
        "author_id": ME,
        "approval_state": "published",
        "created_at": NOW,
    }
    first = server_incident(1, text="Яма у подъезда", version=1)
    with store.write() as conn:
        apply_server_incidents(conn, [IncidentOut.model_validate(first)], {"id": ME})
    assert found(store, "асфальтом") == []
    # The server sends the incident again with a reply and an edited text.
    second = {**first, "text": "Провал у подъезда", "version": 2, "replies": [reply]}
    with store.write() as conn:
        apply_server_incidents(conn, [IncidentOut.model_validate(second)], {"id": ME})
    assert found(store, "асфальтом") == [1]
    assert found(store, "провал") == [1]
    assert found(store, "яма") == []  # the old text is gone from the index


def test_a_local_reply_is_searchable_before_the_server_has_it(store):
    put(store, server_incident(1, text="Не вывозят мусор"))
    with store.write() as conn:
        store.set_meta(conn, "user", {"id": ME, "role": "supervisor"})
        Outbox(store).record(
            conn, "add_reply", 1, {"kind": "interim", "text": "Контейнеры заменят завтра"}
        )
    assert found(store, "контейнер") == [1]
    assert found(store, "мусор") == [1]


def test_incidents_leaving_scope_leave_the_index(texts):
    with texts.write() as conn:
        delete_incidents(conn, [1, 3])
    assert found(texts, "дорога") == [4]
    assert found(texts, "ёлка") == [5]
    with texts.read() as conn:
        rows = conn.exec_driver_sql("SELECT count(*) FROM incident_search").scalar()
    assert rows == 4


def test_the_index_is_encrypted_on_disk(texts):
    texts.close()
    raw = texts.path.read_bytes()
    wal = texts.path.with_name(texts.path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    for word in ("дорог", "поликлиник", "Ленина"):
        assert word.encode() not in raw
