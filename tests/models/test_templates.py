import pytest

from cur_desktop.models.templates import (
    KNOWN_PLACEHOLDERS,
    Rendered,
    TemplateError,
    placeholders,
    render,
    validate_template,
)


def test_known_placeholders_labels():
    assert KNOWN_PLACEHOLDERS["citizen_name"] == "Имя заявителя"
    assert KNOWN_PLACEHOLDERS["incident_number"] == "Номер обращения"
    assert KNOWN_PLACEHOLDERS["municipality"] == "Муниципальное образование"
    assert set(KNOWN_PLACEHOLDERS) == {
        "citizen_name",
        "citizen_name_dative",
        "greeting",
        "address",
        "agency",
        "deadline_date",
        "incident_number",
        "operator_name",
        "municipality",
        "category",
    }


def test_placeholders_unique_in_order_of_first_appearance():
    text = "{greeting}! Адрес {address}, ещё раз {greeting}, срок {deadline_date}, {address}."
    assert placeholders(text) == ["greeting", "address", "deadline_date"]


def test_placeholders_ignore_escapes_and_non_identifiers():
    text = "{{address}} {Иван} { x } {Name} {1abc} {} {_ok} {a1_b}"
    assert placeholders(text) == ["_ok", "a1_b"]


def test_placeholders_empty_text():
    assert placeholders("") == []
    assert placeholders("Без полей") == []


def test_render_fills_all_values():
    result = render(
        "{greeting}! Обращение № {incident_number} передано в {agency}.",
        {
            "greeting": "Здравствуйте, Ирина",
            "incident_number": "ЦУР-2026-000123",
            "agency": "Администрацию города Рязани",
        },
    )
    assert result == Rendered(
        text=(
            "Здравствуйте, Ирина! Обращение № ЦУР-2026-000123 "
            "передано в Администрацию города Рязани."
        ),
        missing=(),
        spans=(),
    )
    assert result.complete


def test_render_missing_values_stay_and_are_reported_with_spans():
    text = "{greeting}! Срок — {deadline_date}. Адрес: {address}. {greeting}"
    result = render(text, {"greeting": "Добрый день", "deadline_date": "  ", "address": None})
    assert result.text == "Добрый день! Срок — {deadline_date}. Адрес: {address}. Добрый день"
    assert result.missing == ("deadline_date", "address")
    assert result.spans == ((20, 35, "deadline_date"), (44, 53, "address"))
    for start, end, name in result.spans:
        assert result.text[start:end] == "{" + name + "}"
    assert not result.complete


def test_render_empty_string_and_absent_key_are_missing():
    result = render("{citizen_name}, {category}", {"citizen_name": ""})
    assert result.text == "{citizen_name}, {category}"
    assert result.missing == ("citizen_name", "category")
    assert result.spans == ((0, 14, "citizen_name"), (16, 26, "category"))


def test_render_repeated_missing_placeholder_has_one_missing_entry_and_two_spans():
    result = render("{address} / {address}", {})
    assert result.text == "{address} / {address}"
    assert result.missing == ("address",)
    assert result.spans == ((0, 9, "address"), (12, 21, "address"))


def test_render_escapes_become_single_braces_and_shift_spans():
    result = render("{{код}} {{address}} {address} }}", {})
    assert result.text == "{код} {address} {address} }"
    # only the real placeholder is reported, at its position in the rendered text
    assert result.spans == ((16, 25, "address"),)
    assert result.missing == ("address",)


def test_render_triple_braces_wrap_value_in_literal_braces():
    assert render("{{{address}}}", {"address": "ул. Каширина"}).text == "{ул. Каширина}"


def test_render_non_identifier_braces_are_literal():
    text = "{Иван}, { x } и {Name}: {greeting}"
    result = render(text, {"greeting": "Здравствуйте", "Name": "нет", "x": "нет"})
    assert result.text == "{Иван}, { x } и {Name}: Здравствуйте"
    assert result.missing == ()


def test_render_lone_braces_are_literal():
    assert render("a { b } c {", {}).text == "a { b } c {"
    assert render("}{", {}).text == "}{"


def test_render_values_inserted_verbatim_without_recursion():
    result = render(
        "{citizen_name}, {address}",
        {"citizen_name": "Пётр {address} {{x}}", "address": "  ул. Полонского, д. 5 "},
    )
    assert result.text == "Пётр {address} {{x}},   ул. Полонского, д. 5 "
    assert result.missing == ()
    assert result.spans == ()


def test_render_span_positions_after_multibyte_value():
    result = render("{greeting} {agency}", {"greeting": "Здравствуйте 😊"})
    assert result.text == "Здравствуйте 😊 {agency}"
    assert result.spans == ((15, 23, "agency"),)


def test_render_unknown_name_is_just_missing_not_an_error():
    result = render("{foo}", {})
    assert result.text == "{foo}"
    assert result.missing == ("foo",)


def test_rendered_is_frozen():
    result = render("x", {})
    with pytest.raises(AttributeError):
        result.text = "y"  # type: ignore[misc]


def test_validate_template_accepts_known_and_literal_braces():
    validate_template("{greeting}! {{фигурные}} {Иван} { x } {address} {operator_name}")
    validate_template("")


def test_validate_template_rejects_unknown_with_russian_message():
    with pytest.raises(TemplateError) as info:
        validate_template("{greeting}! {adress} и {deadline} и снова {adress}")
    message = str(info.value)
    assert message == "Неизвестные поля подстановки в шаблоне: {adress}, {deadline}"
    assert info.value.unknown == ("adress", "deadline")
    assert isinstance(info.value, ValueError)


def test_validate_template_single_unknown_message():
    with pytest.raises(TemplateError, match=r"^Неизвестное поле подстановки в шаблоне: \{foo\}$"):
        validate_template("{foo}")


def test_validate_template_custom_allowed():
    validate_template("{a} {b}", allowed=["a", "b"])
    validate_template("{a}", allowed=iter(["a"]))
    with pytest.raises(TemplateError):
        validate_template("{greeting}", allowed=["a"])


def test_validate_template_escaped_unknown_is_fine():
    validate_template("{{unknown}}")
