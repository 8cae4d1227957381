"""Russian spelling against the real hunspell dictionary (Debian's hunspell-ru), plus the rules
for what is not checked at all. CI installs the dictionary, so there it cannot skip."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from cur_desktop.models.spelling import (
    CENTRE_WORDS,
    SHIPPED_DIR,
    Misspelling,
    Speller,
    _Backend,
    candidate_words,
    find_dictionary,
    fold_words,
    load_shared_speller,
    reference_words,
)


@pytest.fixture(scope="module")
def speller() -> Speller:
    s = Speller()
    if not s.available:
        if os.environ.get("CI"):
            pytest.fail(f"no Russian dictionary in CI: {s.reason}")
        pytest.skip(f"no Russian dictionary here: {s.reason}")
    return s


def words(found: list[Misspelling]) -> list[str]:
    return [m.word for m in found]


def test_correct_russian_passes(speller):
    text = "Ваше обращение рассмотрено, светильники во дворе заменят до конца недели."
    assert speller.misspelled(text) == []


def test_misspelled_word_is_flagged_with_its_span(speller):
    text = "Заменили светильнеки во дворе."
    assert speller.misspelled(text) == [Misspelling(9, 20, "светильнеки")]
    assert text[9:20] == "светильнеки"


def test_yo_and_ye_are_the_same_letter(speller):
    assert speller.misspelled("Ёлка ёлка Елка елка ещё еще") == []


def test_yo_variants_are_tried_when_the_dictionary_keeps_one_spelling():
    s = Speller(backends=())
    s._backend = _Backend("fake", lambda w: w in {"ёлка", "передаем"}, lambda w, n: [], set().add)
    assert s.misspelled("ёлка елка передаём передаем") == []
    assert words(s.misspelled("ёлкой")) == ["ёлкой"]


def test_what_is_not_checked(speller):
    text = (
        "Wi-Fi covid ТКО2 5-й 12мкр абв1 {adress} {адресс} https://госуслуги.рф/обращениее "
        "госуслуги.рф/фывап почта@пример.рф #госпабликк ГКУ ПРОВЕРКАА ЖКХ-сфера ща ыы"
    )
    assert speller.misspelled(text) == []
    assert [m.word for m in candidate_words("ЖКХ-сфера вдоль")] == ["ЖКХ-сфера", "вдоль"]


def test_hyphenated_words_are_checked_by_parts(speller):
    assert speller.misspelled("как-то по-русски кое-где") == []
    assert speller.misspelled("Спас-Клепикки") == [Misspelling(5, 13, "Клепикки")]


def test_centre_words_and_added_words_are_known(speller):
    assert speller.misspelled("В госпаблике и в ЦУРе ответили, МФЦ тоже.") == []
    assert words(Speller(words=()).misspelled("госпаблик")) == ["госпаблик"]
    fresh = Speller()
    assert words(fresh.misspelled("в Шиловском районе")) == ["Шиловском"]
    fresh.add_words(["Шиловский муниципальный район"])
    assert fresh.misspelled("в Шиловском районе") == []


def test_the_centres_template_wording_is_known(speller):
    reference = SimpleNamespace(
        region=SimpleNamespace(name="Рязанская область"),
        municipalities=[],
        agencies=[],
        templates=[SimpleNamespace(title="Отопление", text="Выполнено развоздушивание {address}.")],
    )
    fresh = Speller()
    text = "Проведено развоздушивание стояка."
    assert words(fresh.misspelled(text)) == ["развоздушивание"]
    fresh.add_words(reference_words(reference))
    assert fresh.misspelled(text) == []


def test_words_of_the_case_are_known_for_that_text(speller):
    case = fold_words(["Кустарёвка, ул. Центральная", None])
    assert words(speller.misspelled("с. Кустаревка")) == ["Кустаревка"]
    assert speller.misspelled("с. Кустаревка", also_known=case) == []


def test_suggestions(speller):
    assert "светильники" in speller.suggest("светильнеки")
    assert len(speller.suggest("светильнеки", limit=2)) <= 2


def test_results_are_cached_per_word():
    calls: list[str] = []

    def check(word: str) -> bool:
        calls.append(word)
        return word != "дорогга"

    s = Speller(backends=())
    s._backend = _Backend("counting", check, lambda w, n: [], lambda w: None)
    s._is_known.cache_clear()
    text = "Дорогу отремонтируют, дорогга будет ровной. " * 50
    assert len(s.misspelled(text)) == 50
    first = len(calls)
    assert len(s.misspelled(text)) == 50
    assert len(calls) == first  # nothing looked up again


def test_unavailable_speller_says_why(tmp_path):
    s = Speller(backends=("spylls",), dictionary_dirs=[tmp_path])
    assert not s.available
    assert "русский словарь" in s.reason
    assert s.misspelled("светильнеки") == []
    assert s.suggest("светильнеки") == []


def test_shared_speller_loads_once():
    first = load_shared_speller()
    assert first is load_shared_speller()
    assert isinstance(first.result(timeout=60), Speller)


@pytest.mark.slow
def test_pure_python_fallback_reads_the_system_dictionary():
    pytest.importorskip("spylls")
    s = Speller(backends=("spylls",))
    if not s.available:
        pytest.skip(s.reason)
    assert s.backend_name.startswith("spylls")
    text = "Ваше обращение: светильнеки в госпаблике, Ёлка и елка."
    assert words(s.misspelled(text)) == ["светильнеки"]


def test_the_shipped_dictionary_is_found_when_the_system_has_none(monkeypatch, tmp_path):
    """Pointed away from the system's folders, the lookup ends at the copy shipped with the
    workstation, with its licence beside it."""
    monkeypatch.delenv("DICPATH", raising=False)
    monkeypatch.setattr("cur_desktop.models.spelling.DICTIONARY_DIRS", (tmp_path, SHIPPED_DIR))
    assert find_dictionary("ru_RU") == SHIPPED_DIR / "ru_RU.dic"
    assert "Alexander I. Lebedev" in (SHIPPED_DIR / "LICENSE").read_text(encoding="utf-8")
    s = Speller(backends=("spylls",))
    assert s.available and str(SHIPPED_DIR) in s.backend_name
    assert words(s.misspelled("Заменили светильнеки во дворе, ЦУРу и МФЦ сообщили.")) == [
        "светильнеки"
    ]
    assert "светильники" in s.suggest("светильнеки")


def test_the_centres_word_list_is_shipped():
    assert {"Госуслуги", "ЦУР", "МФЦ", "Росреестр"} <= set(CENTRE_WORDS)
    s = Speller(backends=())
    s._backend = _Backend("nothing known", lambda w: False, lambda w, n: [], lambda w: None)
    assert s.misspelled("Госуслугах Росреестра госпабликов") == []
