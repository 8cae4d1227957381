<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name />
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="112" />
        <source> [демо]</source>
        <translation> [демо]</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="55" />
        <source>{sector}: без рубрики</source>
        <extracomment>Incidents listed under one spike or cluster (a cluster lists at most 500 ids anyway). How a column's raw value is shown: text, a count, a count with its change against the previous period ((count, previous) pairs), a share 0..1, minutes, a date, a ratio. Bars in the SLA chart: the groups with the most incidents.</extracomment>
        <translation>{sector}: без рубрики</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="66" />
        <source>Обращений за период</source>
        <translation>Обращений за период</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="67" />
        <source>К предыдущему периоду</source>
        <translation>К предыдущему периоду</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="68" />
        <source>Просрочено сейчас</source>
        <translation>Просрочено сейчас</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="69" />
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="29" />
        <source>Первый ответ в срок</source>
        <translation>Первый ответ в срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="70" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="351" />
        <source>Медиана первого ответа</source>
        <translation>Медиана первого ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="81" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="97" />
        <source>По дням</source>
        <translation>По дням</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="82" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="100" />
        <source>По неделям</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="84" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="223" />
        <source>Обращения по дням</source>
        <translation>Обращения по дням</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="85" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="109" />
        <source>Основные темы</source>
        <translation>Основные темы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="97" />
        <source>День</source>
        <translation>День</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="97" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="104" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="113" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="346" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="93" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="107" />
        <source>Обращений</source>
        <translation>Обращений</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="102" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="92" />
        <source>Неделя с</source>
        <translation>Неделя с</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="103" />
        <source>Дней в периоде</source>
        <translation>Дней в периоде</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="111" />
        <location filename="../../cur_desktop/ui/finding_text.py" line="32" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="91" />
        <source>Тема</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="121" />
        <source>Доставка ответов</source>
        <translation>Доставка ответов</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="124" />
        <source>Доставлено</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="125" />
        <source>В очереди</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="126" />
        <source>Не доставлено</source>
        <translation>Не доставлено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="136" />
        <source>Ответы, отправленные в канал заявителя (почта, мессенджеры), поставленные в очередь за период: сколько доставлено, ждёт отправки и не доставлено.</source>
        <translation>Ответы, отправленные в канал заявителя (почта, мессенджеры), поставленные в очередь за период: сколько доставлено, ждёт отправки и не доставлено.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="207" />
        <source>Ответов доставлено в каналы заявителей: {sent} из {total}</source>
        <translation>Ответов доставлено в каналы заявителей: {sent} из {total}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="212" />
        <source>Ответов в каналы заявителей за период не было</source>
        <translation>Ответов в каналы заявителей за период не было</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="220" />
        <source>Обращения по неделям (с понедельника)</source>
        <translation>Обращения по неделям (с понедельника)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="237" />
        <source>Сферы × МО</source>
        <translation>Сферы × МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="242" />
        <source>В ячейке: обращений за период (изменение к предыдущему периоду).</source>
        <translation>В ячейке: обращений за период (изменение к предыдущему периоду).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="262" />
        <source>Всего</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="272" />
        <source>Итого</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="295" />
        <source>По операторам</source>
        <translation>По операторам</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="296" />
        <source>По ведомствам</source>
        <translation>По ведомствам</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="297" />
        <source>По МО</source>
        <translation>По МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="312" />
        <source>Сроки: </source>
        <translation>Сроки: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="316" />
        <source>Первый ответ в срок, %</source>
        <translation>Первый ответ в срок, %</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="323" />
        <source>Доля в срок: первые ответы до срока среди отвеченных и просроченных; неотвеченные, у которых срок ещё не истёк, не учитываются.</source>
        <translation>Доля в срок: первые ответы до срока среди отвеченных и просроченных; неотвеченные, у которых срок ещё не истёк, не учитываются.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="340" />
        <location filename="../../cur_desktop/ui/app.py" line="128" />
        <location filename="../../cur_desktop/ui/finding_text.py" line="30" />
        <location filename="../../cur_desktop/ui/quality_review.py" line="179" />
        <source>Оператор</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="342" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="90" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="105" />
        <source>МО</source>
        <translation>МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="347" />
        <source>Отвечено</source>
        <translation>Отвечено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="350" />
        <source>Доля в срок</source>
        <translation>Доля в срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="359" />
        <source>Не направлено</source>
        <translation>Не направлено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="129" />
        <source>Старший смены</source>
        <translation>Старший смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="130" />
        <source>Сотрудник МО</source>
        <translation>Сотрудник МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="131" />
        <source>Тренер</source>
        <translation>Тренер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="134" />
        <source>Войти как: </source>
        <translation>Войти как: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="15" />
        <source>Взять в работу</source>
        <extracomment>One per MutationType (tests/ui/test_code_labels.py walks them all).</extracomment>
        <translation>Взять в работу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="16" />
        <location filename="../../cur_desktop/ui/main_actions.py" line="27" />
        <source>Вернуть в очередь</source>
        <translation>Вернуть в очередь</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="17" />
        <source>Назначить</source>
        <translation>Назначить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="18" />
        <location filename="../../cur_desktop/ui/status_dialog.py" line="47" />
        <source>Сменить статус</source>
        <translation>Сменить статус</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="19" />
        <source>Сменить сферу</source>
        <translation>Сменить сферу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="20" />
        <source>Передать в другое МО</source>
        <translation>Передать в другое МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="21" />
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="55" />
        <location filename="../../cur_desktop/ui/main_actions.py" line="31" />
        <source>Направить в ведомство</source>
        <translation>Направить в ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="179" />
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="333" />
        <location filename="../../cur_desktop/ui/code_labels.py" line="22" />
        <source>Ответ</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="23" />
        <location filename="../../cur_desktop/ui/menu_bar.py" line="42" />
        <source>Согласовать ответ</source>
        <translation>Согласовать ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="24" />
        <source>Вернуть ответ</source>
        <translation>Вернуть ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="25" />
        <location filename="../../cur_desktop/ui/code_labels.py" line="44" />
        <location filename="../../cur_desktop/ui/main_actions.py" line="35" />
        <source>Заметка</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="32" />
        <source>Конфликт</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="74" />
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="33" />
        <source>Отклонено</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="49" />
        <source>Применить снова</source>
        <translation>Применить снова</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="50" />
        <source>Отбросить</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="58" />
        <source>Правки, которые сервер не принял. Ваш текст сохранён: примените его снова или отбросьте.</source>
        <translation>Правки, которые сервер не принял. Ваш текст сохранён: примените его снова или отбросьте.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/dialogs.py" line="103" />
        <source>Заполните обязательные поля</source>
        <translation>Заполните обязательные поля</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="31" />
        <location filename="../../cur_desktop/ui/code_labels.py" line="32" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="198" />
        <source>Поступило</source>
        <extracomment>One per event kind the server records (the test finds them in cur_server's source).</extracomment>
        <translation>Поступило</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="33" />
        <location filename="../../cur_desktop/ui/main_window.py" line="338" />
        <source>Взято в работу</source>
        <translation>Взято в работу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="34" />
        <source>Возвращено в очередь</source>
        <translation>Возвращено в очередь</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="35" />
        <location filename="../../cur_desktop/ui/team_board.py" line="54" />
        <source>Назначено</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="36" />
        <source>Статус изменён</source>
        <translation>Статус изменён</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="37" />
        <source>Сфера/рубрика изменена</source>
        <translation>Сфера/рубрика изменена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="38" />
        <source>Передано в другое МО</source>
        <translation>Передано в другое МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="39" />
        <location filename="../../cur_desktop/ui/code_labels.py" line="69" />
        <source>Направлено в ведомство</source>
        <translation>Направлено в ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="40" />
        <source>Добавлен ответ</source>
        <translation>Добавлен ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="41" />
        <source>Ответ опубликован</source>
        <translation>Ответ опубликован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="42" />
        <source>Ответ согласован</source>
        <translation>Ответ согласован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="43" />
        <source>Ответ возвращён на доработку</source>
        <translation>Ответ возвращён на доработку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="237" />
        <source>Вз&amp;ять</source>
        <translation>Вз&amp;ять</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="238" />
        <source>Вернуть в о&amp;чередь</source>
        <translation>Вернуть в о&amp;чередь</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="239" />
        <source>Отв&amp;етить</source>
        <translation>Отв&amp;етить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="240" />
        <source>&amp;Направить…</source>
        <translation>&amp;Направить…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="241" />
        <source>Сфер&amp;а…</source>
        <translation>Сфер&amp;а…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="242" />
        <source>Стат&amp;ус…</source>
        <translation>Стат&amp;ус…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="243" />
        <source>Отк&amp;лонить…</source>
        <translation>Отк&amp;лонить…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="244" />
        <source>&amp;Заметка…</source>
        <translation>&amp;Заметка…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="45" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="190" />
        <source>Автор</source>
        <extracomment>(action name, incident id): claim, release, reply, route, category, status, reject, note the signed-in user's role: supervisors may change a colleague's case, others not who holds the shown incident when it is a colleague (not the user), else None</extracomment>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="46" />
        <source>Вид</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="47" />
        <source>Ждёт</source>
        <translation>Ждёт</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="73" />
        <location filename="../../cur_desktop/ui/formats.py" line="86" />
        <source>{d} дн {h} ч</source>
        <translation>{d} дн {h} ч</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="75" />
        <location filename="../../cur_desktop/ui/formats.py" line="88" />
        <source>{h} ч {m} мин</source>
        <translation>{h} ч {m} мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="85" />
        <source>Вернуть на доработку</source>
        <translation>Вернуть на доработку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="184" />
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="332" />
        <source>Согласовать</source>
        <translation>Согласовать</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="195" />
        <source>Вернуть…</source>
        <translation>Вернуть…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="260" />
        <source>Ждут согласования: {n}</source>
        <translation>Ждут согласования: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="123" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="191" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="52" />
        <source>Канал</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="192" />
        <source>Источник</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="193" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="51" />
        <source>Муниципалитет</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="194" />
        <source>Сфера / рубрика</source>
        <translation>Сфера / рубрика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="195" />
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="70" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="49" />
        <location filename="../../cur_desktop/ui/trainer_live.py" line="30" />
        <source>Важность</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="341" />
        <location filename="../../cur_desktop/ui/finding_text.py" line="27" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="196" />
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="31" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="137" />
        <source>Ведомство</source>
        <extracomment>The mark of a suggested entry in a choice list.</extracomment>
        <translation>Ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="48" />
        <source>Передача смены</source>
        <translation>Передача смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="11" />
        <source>Не заполнено поле {field}</source>
        <translation>Не заполнено поле {field}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="12" />
        <source>Ответ короче {n} знаков</source>
        <translation>Ответ короче {n} знаков</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="13" />
        <source>Отписка: «{phrase}» без сути ответа</source>
        <translation>Отписка: «{phrase}» без сути ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="14" />
        <source>В окончательном ответе не названо действие</source>
        <translation>В окончательном ответе не названо действие</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="15" />
        <source>В окончательном ответе не назван срок или дата</source>
        <translation>В окончательном ответе не назван срок или дата</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="16" />
        <source>Дата {date} уже прошла: укажите срок не раньше сегодняшнего дня</source>
        <translation>Дата {date} уже прошла: укажите срок не раньше сегодняшнего дня</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="17" />
        <source>Возможна опечатка: «{word}»</source>
        <translation>Возможна опечатка: «{word}»</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="23" />
        <source>Имя заявителя</source>
        <extracomment>Tried in this order after the application's own face. The same file the PDF reports embed (cur_desktop/reports/fonts.py), without loading reportlab. The placeholders' names in the UI's language, one per models/templates.KNOWN_PLACEHOLDERS (tests/ui/test_english_ui.py checks the two agree).</extracomment>
        <translation>Имя заявителя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="24" />
        <source>Имя заявителя (кому)</source>
        <translation>Имя заявителя (кому)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="25" />
        <source>Обращение к заявителю</source>
        <translation>Обращение к заявителю</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="28" />
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59" />
        <location filename="../../cur_desktop/ui/trainer_live.py" line="31" />
        <source>Срок</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="29" />
        <source>Номер обращения</source>
        <translation>Номер обращения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="31" />
        <source>Муниципальное образование</source>
        <translation>Муниципальное образование</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59" />
        <source>До</source>
        <translation>До</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="60" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="197" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="53" />
        <source>Исполнитель</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="70" />
        <source>Что важно знать следующей смене</source>
        <translation>Что важно знать следующей смене</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="77" />
        <source>Записать для следующей смены</source>
        <translation>Записать для следующей смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="120" />
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="79" />
        <source>Закрыть</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="92" />
        <source>Новая запись:</source>
        <translation>Новая запись:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="111" />
        <source>Нет связи с сервером: передачу смены сейчас не получить.</source>
        <translation>Нет связи с сервером: передачу смены сейчас не получить.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="118" />
        <source>Напишите текст записи</source>
        <translation>Напишите текст записи</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="129" />
        <source>Запись не сохранена: нет связи с сервером. Текст остался, попробуйте ещё раз.</source>
        <translation>Запись не сохранена: нет связи с сервером. Текст остался, попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="142" />
        <source>Записей о передаче смены ещё нет.</source>
        <translation>Записей о передаче смены ещё нет.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="147" />
        <source>Последняя запись: {who}, {when}</source>
        <translation>Последняя запись: {who}, {when}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="153" />
        <source>Под угрозой и просрочено сейчас: {n}</source>
        <translation>Под угрозой и просрочено сейчас: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="45" />
        <location filename="../../cur_desktop/ui/code_labels.py" line="46" />
        <source>Ответ оценён старшим смены</source>
        <translation>Ответ оценён старшим смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="199" />
        <source>Первый ответ до</source>
        <translation>Первый ответ до</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="200" />
        <source>Окончательный ответ до</source>
        <translation>Окончательный ответ до</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="201" />
        <source>Вложения</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="28" />
        <source>Ответить</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="33" />
        <source>Статус…</source>
        <translation>Статус…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="34" />
        <source>Отклонить…</source>
        <translation>Отклонить…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="264" />
        <source>Сообщение</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="270" />
        <source>История</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="282" />
        <location filename="../../cur_desktop/ui/main_actions.py" line="74" />
        <source>Выберите обращение в очереди</source>
        <translation>Выберите обращение в очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="301" />
        <source>Аноним</source>
        <translation>Аноним</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="165" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="316" />
        <source>не назначено</source>
        <translation>не назначено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="372" />
        <source>система</source>
        <translation>система</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="372" />
        <source> (не отправлено)</source>
        <translation> (не отправлено)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="16" />
        <source>промежуточный</source>
        <translation>промежуточный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="17" />
        <source>окончательный</source>
        <translation>окончательный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="18" />
        <source>уточнение</source>
        <translation>уточнение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="21" />
        <source>черновик</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="22" />
        <source>на согласовании</source>
        <translation>на согласовании</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="23" />
        <source>согласован</source>
        <translation>согласован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="24" />
        <source>возвращён на доработку</source>
        <translation>возвращён на доработку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="25" />
        <source>опубликован</source>
        <translation>опубликован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="121" />
        <source>сотрудник №{id}</source>
        <extracomment>Official municipality names shortened the way Russian documents abbreviate them, for narrow columns: «городской округ город Рязань» → «г. Рязань», «Шиловский муниципальный район» → «Шиловский р-н». The part that tells them apart comes first.</extracomment>
        <translation>сотрудник №{id}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="71" />
        <location filename="../../cur_desktop/ui/labels.py" line="140" />
        <source>Высокая</source>
        <translation>Высокая</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="71" />
        <location filename="../../cur_desktop/ui/labels.py" line="141" />
        <source>Обычная</source>
        <translation>Обычная</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="63" />
        <source>Вход — ЦУР</source>
        <translation>Вход — ЦУР</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="71" />
        <source>Вход по учебному коду</source>
        <translation>Вход по учебному коду</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="75" />
        <source>Фамилия Имя Отчество</source>
        <translation>Фамилия Имя Отчество</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="77" />
        <source>Запомнить вход (в хранилище паролей ОС)</source>
        <translation>Запомнить вход (в хранилище паролей ОС)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="97" />
        <source>Работать офлайн</source>
        <translation>Работать офлайн</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="102" />
        <source>Войти</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="114" />
        <source>Сервер</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="117" />
        <source>Пользователь</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="118" />
        <source>Пароль</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="120" />
        <source>Учебный код</source>
        <translation>Учебный код</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="121" />
        <source>Ваше имя</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="204" />
        <source>Вход…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="235" />
        <source>Можно работать офлайн с последним профилем.</source>
        <translation>Можно работать офлайн с последним профилем.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="264" />
        <source>Открываю локальный профиль…</source>
        <translation>Открываю локальный профиль…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="25" />
        <source>Взять следующее</source>
        <translation>Взять следующее</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="26" />
        <source>Взять выбранное</source>
        <translation>Взять выбранное</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="29" />
        <source>Отправить ответ</source>
        <translation>Отправить ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="30" />
        <source>Следующий вид ответа</source>
        <translation>Следующий вид ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="32" />
        <source>Сфера и рубрика…</source>
        <translation>Сфера и рубрика…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="36" />
        <source>Поиск</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="37" />
        <source>Синхронизировать</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="39" />
        <source>К очереди</source>
        <translation>К очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="40" />
        <source>Крупнее</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="41" />
        <source>Мельче</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="42" />
        <source>Обычный размер</source>
        <translation>Обычный размер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="43" />
        <source>Настройки…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="44" />
        <source>Выйти…</source>
        <translation>Выйти…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="45" />
        <source>Закрыть программу</source>
        <translation>Закрыть программу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="78" />
        <source>«{action}» сейчас недоступно для этого обращения</source>
        <translation>«{action}» сейчас недоступно для этого обращения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="116" />
        <source>Очередь: {tab}</source>
        <translation>Очередь: {tab}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="63" />
        <source>Клавиши</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="63" />
        <source>Действие</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="77" />
        <location filename="../../cur_desktop/ui/main_actions.py" line="46" />
        <source>Руководство оператора</source>
        <translation>Руководство оператора</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="78" />
        <location filename="../../cur_desktop/ui/main_actions.py" line="47" />
        <source>Горячие клавиши</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="77" />
        <source>ЦУР — рабочее место</source>
        <translation>ЦУР — рабочее место</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="57" />
        <source>Поиск по тексту (Ctrl+F)</source>
        <translation>Поиск по тексту (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="72" />
        <source>Сохранённые представления</source>
        <translation>Сохранённые представления</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="77" />
        <source>Сохранить текущее представление</source>
        <translation>Сохранить текущее представление</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="94" />
        <source>Все статусы</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="95" />
        <source>Все сферы</source>
        <translation>Все сферы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="53" />
        <source>Неделя</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="54" />
        <source>Месяц</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="55" />
        <source>Квартал</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="128" />
        <location filename="../../cur_desktop/ui/analytics_window.py" line="490" />
        <source>Аналитика</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="150" />
        <location filename="../../cur_desktop/ui/quality_review.py" line="167" />
        <source>Показать</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="163" />
        <source>Экспорт в XLSX…</source>
        <translation>Экспорт в XLSX…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="166" />
        <source>Справка по МО…</source>
        <translation>Справка по МО…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="171" />
        <source>Период:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="201" />
        <source>Обзор</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="202" />
        <source>Секторы × МО</source>
        <translation>Секторы × МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="203" />
        <source>Сроки</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="204" />
        <source>Системные проблемы</source>
        <translation>Системные проблемы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="222" />
        <location filename="../../cur_desktop/ui/queue_filters.py" line="97" />
        <source>Все МО</source>
        <translation>Все МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="222" />
        <source>Все мои МО</source>
        <translation>Все мои МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="292" />
        <source>Посчитано по локальному кэшу на {t}.</source>
        <translation>Посчитано по локальному кэшу на {t}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="294" />
        <source>Данные сервера на {t}.</source>
        <translation>Данные сервера на {t}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="296" />
        <source>Период {a} — {b}, сравнение с {c} — {d}.</source>
        <translation>Период {a} — {b}, сравнение с {c} — {d}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="311" />
        <source>Нет связи с сервером: цифры посчитаны по локальному кэшу. В нём только ваша зона ответственности и то, что успело синхронизироваться, поэтому они могут быть меньше серверных.</source>
        <translation>Нет связи с сервером: цифры посчитаны по локальному кэшу. В нём только ваша зона ответственности и то, что успело синхронизироваться, поэтому они могут быть меньше серверных.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="329" />
        <source>Нет связи с сервером: аналитика считается на сервере.</source>
        <translation>Нет связи с сервером: аналитика считается на сервере.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="330" />
        <source>Сервер отказал: {m}</source>
        <translation>Сервер отказал: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="332" />
        <source>Не удалось получить данные: {m}</source>
        <translation>Не удалось получить данные: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="338" />
        <source>Показаны прежние цифры.</source>
        <translation>Показаны прежние цифры.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="372" />
        <source>Сначала загрузите данные за период.</source>
        <translation>Сначала загрузите данные за период.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="377" />
        <source>Экспорт таблиц</source>
        <translation>Экспорт таблиц</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="379" />
        <source>Книга Excel (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="389" />
        <source>Не удалось записать файл: {m}</source>
        <translation>Не удалось записать файл: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="391" />
        <source>Таблицы сохранены: {p}</source>
        <translation>Таблицы сохранены: {p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="400" />
        <source>Выберите муниципальное образование для справки.</source>
        <translation>Выберите муниципальное образование для справки.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="406" />
        <location filename="../../cur_desktop/ui/analytics_window.py" line="463" />
        <source>Справка по МО</source>
        <translation>Справка по МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="408" />
        <source>PDF (*.pdf);;Книга Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="440" />
        <source>Справка не сформирована: {m}</source>
        <translation>Справка не сформирована: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="452" />
        <source>Нет связи с сервером: справка составлена по локальному кэшу и помечена так. Сохранена: {p}</source>
        <translation>Нет связи с сервером: справка составлена по локальному кэшу и помечена так. Сохранена: {p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="456" />
        <source>Справка сохранена: {p}</source>
        <translation>Справка сохранена: {p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="465" />
        <source>Справка сохранена:
{p}</source>
        <translation>Справка сохранена:
{p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="29" />
        <location filename="../../cur_desktop/ui/analytics_window.py" line="466" />
        <source>Открыть папку</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="203" />
        <location filename="../../cur_desktop/ui/queue_filters.py" line="100" />
        <source>Все каналы</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="102" />
        <source>Любой срок</source>
        <translation>Любой срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="348" />
        <location filename="../../cur_desktop/ui/quality_review.py" line="47" />
        <location filename="../../cur_desktop/ui/queue_filters.py" line="104" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="33" />
        <source>В срок</source>
        <extracomment>Symbol + colour: the symbol carries the meaning for colour-blind users, the colour helps everyone else (blue/orange/red-purple are told apart in the common colour-vision deficiencies).</extracomment>
        <translation>В срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="105" />
        <location filename="../../cur_desktop/ui/queue_source.py" line="25" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="34" />
        <source>Под угрозой</source>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="349" />
        <location filename="../../cur_desktop/ui/queue_filters.py" line="106" />
        <location filename="../../cur_desktop/ui/reassign.py" line="66" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="35" />
        <location filename="../../cur_desktop/ui/team_board.py" line="57" />
        <source>Просрочено</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="107" />
        <source>Действия</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="193" />
        <source>Представления…</source>
        <translation>Представления…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="201" />
        <source>Сохранить представление</source>
        <translation>Сохранить представление</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="201" />
        <source>Название:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="317" />
        <source>Действие невозможно</source>
        <translation>Действие невозможно</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="333" />
        <source>Свободных обращений нет</source>
        <translation>Свободных обращений нет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="58" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="310" />
        <source>Комментарий</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="64" />
        <source>Сфера и рубрика</source>
        <translation>Сфера и рубрика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="112" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="237" />
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="262" />
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="65" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="50" />
        <source>Сфера</source>
        <translation>Сфера</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="67" />
        <source>Рубрика</source>
        <translation>Рубрика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="67" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="58" />
        <location filename="../../cur_desktop/ui/status_dialog.py" line="131" />
        <source>Новый статус</source>
        <translation>Новый статус</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="79" />
        <source>Внутренняя заметка</source>
        <translation>Внутренняя заметка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="80" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="47" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="43" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="138" />
        <source>Текст</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_flow.py" line="63" />
        <source>Ответ сохранён и будет отправлен</source>
        <translation>Ответ сохранён и будет отправлен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="23" />
        <source>Обращение изменилось</source>
        <translation>Обращение изменилось</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="25" />
        <source>Пока вы писали ответ, обращение изменили:</source>
        <translation>Пока вы писали ответ, обращение изменили:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="26" />
        <source>Отправить ответ в этом виде?</source>
        <translation>Отправить ответ в этом виде?</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="28" />
        <source>Отправить</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="29" />
        <source>Вернуться к ответу</source>
        <translation>Вернуться к ответу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/deadline_watch.py" line="31" />
        <source>Срок под угрозой</source>
        <translation>Срок под угрозой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/deadline_watch.py" line="32" />
        <source>Срок нарушен</source>
        <translation>Срок нарушен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="44" />
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="107" />
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="43" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="134" />
        <source>Номер</source>
        <extracomment>What identifies a view's rows on the current data (see QueueService.view_key), or None.</extracomment>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="44" />
        <source>Срок ответа</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="48" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="136" />
        <location filename="../../cur_desktop/ui/trainer_live.py" line="29" />
        <source>Статус</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="54" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="135" />
        <source>Получено</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="370" />
        <source>Есть изменения, ещё не отправленные на сервер</source>
        <extracomment>Which cache sort key each column sorts by. Columns whose whole text is the tooltip (a long excerpt, sector or municipality is cut). Where a row keeps its display texts once computed (the SLA column's changes every beat). Dragged queue rows: the incident ids, comma-separated (dropped on the team board).</extracomment>
        <translation>Есть изменения, ещё не отправленные на сервер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="23" />
        <source>Мои</source>
        <translation>Мои</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="357" />
        <location filename="../../cur_desktop/ui/queue_source.py" line="24" />
        <location filename="../../cur_desktop/ui/trainer_live.py" line="107" />
        <source>Без исполнителя</source>
        <translation>Без исполнителя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="26" />
        <source>Просрочены</source>
        <translation>Просрочены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="27" />
        <source>Все</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="52" />
        <location filename="../../cur_desktop/ui/reply_editor.py" line="68" />
        <source>Промежуточный</source>
        <translation>Промежуточный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="53" />
        <location filename="../../cur_desktop/ui/reply_editor.py" line="69" />
        <source>Окончательный</source>
        <translation>Окончательный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="80" />
        <source>Ответить всем обращениям группы ({n})</source>
        <translation>Ответить всем обращениям группы ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="97" />
        <source>Этот срок получат все ответы группы</source>
        <translation>Этот срок получат все ответы группы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="107" />
        <source>Текст ответа</source>
        <translation>Текст ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="107" />
        <source>Замечания</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="133" />
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="293" />
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="96" />
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="149" />
        <source>Отмена</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="145" />
        <source>Срок для всех ответов:</source>
        <translation>Срок для всех ответов:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="148" />
        <source>Шаблон:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="228" />
        <source>Нет шаблонов этого вида для группы.</source>
        <translation>Нет шаблонов этого вида для группы.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="249" />
        <source>✔ будет отправлен</source>
        <translation>✔ будет отправлен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="258" />
        <source>Будет отправлено ответов: {n}.</source>
        <translation>Будет отправлено ответов: {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="260" />
        <source>Пропущено: {m} (причины в таблице).</source>
        <translation>Пропущено: {m} (причины в таблице).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="264" />
        <source>Отправить ответы ({n})</source>
        <translation>Отправить ответы ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="70" />
        <source>Уточнение</source>
        <translation>Уточнение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="159" />
        <source>Поиск шаблона…</source>
        <extracomment>The server's today (the workstation clock): dates before it block sending.</extracomment>
        <translation>Поиск шаблона…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="175" />
        <source>Текст ответа заявителю</source>
        <translation>Текст ответа заявителю</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="141" />
        <location filename="../../cur_desktop/ui/reply_editor.py" line="228" />
        <source>Вид ответа:</source>
        <translation>Вид ответа:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="196" />
        <source>Отп&amp;равить (Ctrl+Enter)</source>
        <translation>Отп&amp;равить (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="269" />
        <source>Проверка орфографии выключена: {reason}</source>
        <translation>Проверка орфографии выключена: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="315" />
        <source>Ответ уйдёт старшему смены на согласование перед публикацией.</source>
        <extracomment>The incident's version the user started writing on (see `changes_by_others`).</extracomment>
        <translation>Ответ уйдёт старшему смены на согласование перед публикацией.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="337" />
        <source>без комментария</source>
        <translation>без комментария</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="338" />
        <source>Старший смены вернул ответ на доработку: {comment}</source>
        <translation>Старший смены вернул ответ на доработку: {comment}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="489" />
        <source>Enter — вставить этот текст в ответ</source>
        <translation>Enter — вставить этот текст в ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="499" />
        <source>В ответе уже есть ваш текст. Enter ещё раз — заменить его этим шаблоном.</source>
        <translation>В ответе уже есть ваш текст. Enter ещё раз — заменить его этим шаблоном.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="539" />
        <source>Орфография: {n}</source>
        <translation>Орфография: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="541" />
        <source>✓ Проверки пройдены</source>
        <translation>✓ Проверки пройдены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="603" />
        <source>Нет вариантов</source>
        <translation>Нет вариантов</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="656" />
        <source>Не отправлено: выберите обращение в очереди</source>
        <translation>Не отправлено: выберите обращение в очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="658" />
        <source>Не отправлено: ответ пуст</source>
        <translation>Не отправлено: ответ пуст</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="660" />
        <source>проверки не пройдены</source>
        <translation>проверки не пройдены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="662" />
        <source>(и ещё {n})</source>
        <translation>(и ещё {n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="663" />
        <source>Не отправлено: {reason}</source>
        <translation>Не отправлено: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="576" />
        <source>Пропустить «{word}»</source>
        <translation>Пропустить «{word}»</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="96" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="36" />
        <source>Завершено</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="46" />
        <source>{d} р.д. {h} ч</source>
        <translation>{d} р.д. {h} ч</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="48" />
        <location filename="../../cur_desktop/ui/team_board.py" line="71" />
        <source>{h} ч {m:02d} мин</source>
        <translation>{h} ч {m:02d} мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="122" />
        <source>просрочено с {moment}</source>
        <translation>просрочено с {moment}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="76" />
        <location filename="../../cur_desktop/ui/formats.py" line="89" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="49" />
        <location filename="../../cur_desktop/ui/team_board.py" line="72" />
        <source>{m} мин</source>
        <translation>{m} мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="120" />
        <source>просрочено на {span}</source>
        <translation>просрочено на {span}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="24" />
        <source>На связи</source>
        <translation>На связи</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="27" />
        <source>Нет связи с сервером — работа продолжается локально</source>
        <translation>Нет связи с сервером — работа продолжается локально</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="30" />
        <source>Синхронизация…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="31" />
        <source>Ошибка синхронизации</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="30" />
        <location filename="../../cur_desktop/ui/status_bar.py" line="126" />
        <source>отправлено</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="127" />
        <source>получено</source>
        <translation>получено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="130" />
        <source>К отправке: {n}</source>
        <translation>К отправке: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="136" />
        <source>никогда</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="137" />
        <source>Синхронизировано: {when}</source>
        <translation>Синхронизировано: {when}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="178" />
        <source>Часы компьютера расходятся с сервером на {span} — сроки показаны по времени сервера</source>
        <translation>Часы компьютера расходятся с сервером на {span} — сроки показаны по времени сервера</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="34" />
        <source>просматривает</source>
        <extracomment>A run of text with no space longer than this may be broken (a URL, a long file name).</extracomment>
        <translation>просматривает</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="35" />
        <source>пишет ответ</source>
        <translation>пишет ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="36" />
        <source>не активен</source>
        <translation>не активен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="55" />
        <source>Также открыто: {who}</source>
        <extracomment>Typing counts as «writing» for this long after the last keystroke.</extracomment>
        <translation>Также открыто: {who}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="44" />
        <source>Вежливо</source>
        <translation>Вежливо</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="45" />
        <source>Конкретные действия и сроки</source>
        <translation>Конкретные действия и сроки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="46" />
        <source>Верное ведомство</source>
        <translation>Верное ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="48" />
        <source>Без отписки</source>
        <translation>Без отписки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="66" />
        <source>Оценка качества ответа</source>
        <extracomment>Statuses in which an incident has a published answer to score.</extracomment>
        <translation>Оценка качества ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="80" />
        <source>Опубликованного ответа нет</source>
        <translation>Опубликованного ответа нет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="108" />
        <source>Комментарий (необязательно)</source>
        <translation>Комментарий (необязательно)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="170" />
        <source>С</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="172" />
        <source>по</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="179" />
        <source>Оценено</source>
        <translation>Оценено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="180" />
        <source>Итог</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="205" />
        <source>Не удалось получить оценки: {error}</source>
        <translation>Не удалось получить оценки: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="210" />
        <source>Оценено ответов за период: {n}</source>
        <translation>Оценено ответов за период: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="58" />
        <source>Назначить обращения</source>
        <extracomment>Who may be given cases: those who handle the queue. The row value for «снять назначение» (None is «nothing chosen»).</extracomment>
        <translation>Назначить обращения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="61" />
        <source>Выбрано обращений: {n}</source>
        <translation>Выбрано обращений: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="94" />
        <source>— снять назначение —</source>
        <translation>— снять назначение —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="30" />
        <source>Назначить…</source>
        <translation>Назначить…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="31" />
        <source>Оценить ответ…</source>
        <translation>Оценить ответ…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="32" />
        <source>Передача смены…</source>
        <translation>Передача смены…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="58" />
        <source>Команда смены</source>
        <translation>Команда смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="59" />
        <source>Согласование</source>
        <translation>Согласование</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="60" />
        <source>Качество ответов</source>
        <translation>Качество ответов</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="55" />
        <source>Справка</source>
        <translation>Справка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="130" />
        <source>Выберите обращения в очереди</source>
        <translation>Выберите обращения в очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="157" />
        <source>Снято назначение с обращений: {n}</source>
        <translation>Снято назначение с обращений: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="159" />
        <source>Назначено обращений: {n} — {who}</source>
        <translation>Назначено обращений: {n} — {who}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="150" />
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="193" />
        <source>Оценить можно только обращение с опубликованным ответом</source>
        <translation>Оценить можно только обращение с опубликованным ответом</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="206" />
        <source>Оценка сохранена и будет отправлена</source>
        <translation>Оценка сохранена и будет отправлена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="26" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="40" />
        <source>Адрес</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="88" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="151" />
        <source>Всплески</source>
        <translation>Всплески</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="94" />
        <source>Обычно в неделю</source>
        <translation>Обычно в неделю</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="95" />
        <source>Рост</source>
        <translation>Рост</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="102" />
        <source>Группы похожих</source>
        <translation>Группы похожих</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="104" />
        <source>Признак</source>
        <translation>Признак</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="106" />
        <source>Адрес или текст</source>
        <translation>Адрес или текст</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="65" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="108" />
        <source>Открыто</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="50" />
        <source>Всплеск: за неделю (с понедельника) не меньше {min_count} обращений одной рубрики в одном МО и в {factor} раза больше среднего за {weeks} пред. недель</source>
        <translation>Всплеск: за неделю (с понедельника) не меньше {min_count} обращений одной рубрики в одном МО и в {factor} раза больше среднего за {weeks} пред. недель</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="63" />
        <source>Группа: не меньше {min_size} обращений за период в одном МО с одним адресом в одной отрасли или с одинаковым текстом</source>
        <translation>Группа: не меньше {min_size} обращений за период в одном МО с одним адресом в одной отрасли или с одинаковым текстом</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="109" />
        <source>Первое</source>
        <translation>Первое</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="110" />
        <source>Последнее</source>
        <translation>Последнее</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="115" />
        <source>Направить все…</source>
        <translation>Направить все…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="117" />
        <source>Направить все обращения группы в одно ведомство</source>
        <translation>Направить все обращения группы в одно ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="122" />
        <source>Ответить всем шаблоном…</source>
        <translation>Ответить всем шаблоном…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="126" />
        <source>Ответить на каждое обращение группы по одному шаблону, с его данными</source>
        <translation>Ответить на каждое обращение группы по одному шаблону, с его данными</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="132" />
        <source>Обращения</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="146" />
        <source>Выберите всплеск или группу, чтобы увидеть обращения.</source>
        <translation>Выберите всплеск или группу, чтобы увидеть обращения.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="147" />
        <source>Открыть в главном окне</source>
        <translation>Открыть в главном окне</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="155" />
        <source>Группы похожих обращений</source>
        <translation>Группы похожих обращений</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="239" />
        <source>Всплеск: {mun}, {topic}, неделя с {week}</source>
        <translation>Всплеск: {mun}, {topic}, неделя с {week}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="357" />
        <source>Ответов поставлено в очередь: {n}; уйдут на сервер при синхронизации.</source>
        <translation>Ответов поставлено в очередь: {n}; уйдут на сервер при синхронизации.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="361" />
        <source>Пропущено: {m}.</source>
        <translation>Пропущено: {m}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="155" />
        <location filename="../../cur_desktop/ui/systemic_view.py" line="264" />
        <source>Группа: {key}</source>
        <translation>Группа: {key}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="274" />
        <source>обращений в кэше: {n}</source>
        <translation>обращений в кэше: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="306" />
        <source>Направить все обращения группы ({n})</source>
        <translation>Направить все обращения группы ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="331" />
        <source>Направлено обращений: {n}; уйдут на сервер при синхронизации.</source>
        <translation>Направлено обращений: {n}; уйдут на сервер при синхронизации.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="335" />
        <source>Пропущено (уже с ответом, закрыто или уже там): {n}.</source>
        <translation>Пропущено (уже с ответом, закрыто или уже там): {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="45" />
        <source>В сети</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="46" />
        <source>Отошёл</source>
        <translation>Отошёл</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="47" />
        <source>Не в сети</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="65" />
        <location filename="../../cur_desktop/ui/team_board.py" line="51" />
        <source>Сотрудник</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="65" />
        <location filename="../../cur_desktop/ui/team_board.py" line="52" />
        <source>Присутствие</source>
        <translation>Присутствие</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="68" />
        <location filename="../../cur_desktop/ui/team_board.py" line="55" />
        <source>В работе</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="53" />
        <source>Открыто
сейчас</source>
        <translation>Открыто
сейчас</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="81" />
        <location filename="../../cur_desktop/ui/team_board.py" line="48" />
        <source>Нет данных</source>
        <translation>Нет данных</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="56" />
        <source>Под
угрозой</source>
        <translation>Под
угрозой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="58" />
        <source>Ответов
сегодня</source>
        <translation>Ответов
сегодня</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="59" />
        <source>Медиана
1-го ответа</source>
        <translation>Медиана
1-го ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="163" />
        <source>Перетащите строки очереди на сотрудника, чтобы назначить их ему.</source>
        <translation>Перетащите строки очереди на сотрудника, чтобы назначить их ему.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="231" />
        <source>Нет связи с сервером: показано по локальному кэшу на {time} (ваша зона, что успело синхронизироваться; присутствие неизвестно).</source>
        <translation>Нет связи с сервером: показано по локальному кэшу на {time} (ваша зона, что успело синхронизироваться; присутствие неизвестно).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="235" />
        <source>Обновлено в {time}</source>
        <translation>Обновлено в {time}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="238" />
        <source>Нет связи с сервером: данных о смене пока нет.</source>
        <translation>Нет связи с сервером: данных о смене пока нет.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="242" />
        <source>Нет связи с сервером: показаны данные на {time}.</source>
        <translation>Нет связи с сервером: показаны данные на {time}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="255" />
        <source>Без исполнителя: {n}, под угрозой {risk}, просрочено {late}</source>
        <translation>Без исполнителя: {n}, под угрозой {risk}, просрочено {late}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="280" />
        <source>Последняя активность: {when}</source>
        <translation>Последняя активность: {when}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="36" />
        <source>строка {0}</source>
        <translation>строка {0}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="68" />
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="37" />
        <source>файл</source>
        <translation>файл</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="49" />
        <source>Новое учебное занятие</source>
        <translation>Новое учебное занятие</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="53" />
        <source>{0} обращений, {1} мин</source>
        <translation>{0} обращений, {1} мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="58" />
        <source>Из файла…</source>
        <translation>Из файла…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="63" />
        <source>по названию сценария</source>
        <translation>по названию сценария</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="75" />
        <source>Создать</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="79" />
        <source>Сценарий</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="81" />
        <source>Название</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="82" />
        <location filename="../../cur_desktop/ui/trainer_window.py" line="84" />
        <source>Скорость</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="90" />
        <source>Файл сценария</source>
        <translation>Файл сценария</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="90" />
        <source>Сценарии (*.yaml *.yml)</source>
        <translation>Сценарии (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="102" />
        <source>Файл не прочитан: </source>
        <translation>Файл не прочитан: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="125" />
        <source>Коды для входа слушателей</source>
        <translation>Коды для входа слушателей</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="126" />
        <source>Раздайте по одному коду каждому слушателю. Коды показываются один раз.</source>
        <translation>Раздайте по одному коду каждому слушателю. Коды показываются один раз.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="20" />
        <source>идёт</source>
        <translation>идёт</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="160" />
        <location filename="../../cur_desktop/ui/trainer_live.py" line="21" />
        <source>под угрозой</source>
        <translation>под угрозой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="159" />
        <location filename="../../cur_desktop/ui/trainer_live.py" line="22" />
        <source>просрочено</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="23" />
        <source>в срок</source>
        <translation>в срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="24" />
        <source>с нарушением</source>
        <translation>с нарушением</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="28" />
        <source>Обращение</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="32" />
        <source>Поступило, мин</source>
        <translation>Поступило, мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="33" />
        <source>Ответов</source>
        <translation>Ответов</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="34" />
        <source>Черновик ответа</source>
        <translation>Черновик ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="53" />
        <source>пишет: {0}</source>
        <extracomment>Characters of a draft shown in the tree; the whole text is in the pane below. A draft its author left unsent for another incident: there, but nobody is writing it.</extracomment>
        <translation>пишет: {0}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="54" />
        <source>{0} пишет: {1}</source>
        <translation>{0} пишет: {1}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="56" />
        <source>не отправлено: {0}</source>
        <translation>не отправлено: {0}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="57" />
        <source>{0}, не отправлено: {1}</source>
        <translation>{0}, не отправлено: {1}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="76" />
        <source>Выберите обращение, чтобы увидеть ответы слушателя</source>
        <translation>Выберите обращение, чтобы увидеть ответы слушателя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="100" />
        <source>взято {0}, отвечено {1}, направлено {2}, просрочено {3}</source>
        <translation>взято {0}, отвечено {1}, направлено {2}, просрочено {3}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="127" />
        <source>высокая</source>
        <translation>высокая</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="128" />
        <source>обычная</source>
        <translation>обычная</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="158" />
        <location filename="../../cur_desktop/ui/trainer_live.py" line="163" />
        <source>, мин {0:.0f}</source>
        <translation>, мин {0:.0f}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="166" />
        <source>{0} пишет сейчас</source>
        <translation>{0} пишет сейчас</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="168" />
        <source>{0}, черновик не отправлен</source>
        <translation>{0}, черновик не отправлен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="172" />
        <source>Ответов по этому обращению пока нет</source>
        <translation>Ответов по этому обращению пока нет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="27" />
        <source>Слушатель</source>
        <translation>Слушатель</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="28" />
        <source>Обработано</source>
        <translation>Обработано</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="30" />
        <source>Медиана первого ответа, мин</source>
        <translation>Медиана первого ответа, мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="31" />
        <source>Маршрут верный</source>
        <translation>Маршрут верный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="32" />
        <source>Вид ответа верный</source>
        <translation>Вид ответа верный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="33" />
        <source>Ключевые факты</source>
        <translation>Ключевые факты</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="34" />
        <source>Запрещённые фразы</source>
        <translation>Запрещённые фразы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="35" />
        <source>Ответы с ошибками проверки</source>
        <translation>Ответы с ошибками проверки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="36" />
        <source>Комментарий преподавателя</source>
        <translation>Комментарий преподавателя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="84" />
        <source>Обновить</source>
        <extracomment>The trainee's name column at least this wide; the figures as wide as their longest word.</extracomment>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="86" />
        <source>Экспорт в PDF…</source>
        <translation>Экспорт в PDF…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="88" />
        <source>Экспорт в CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="156" />
        <source>Двойной щелчок — изменить комментарий</source>
        <translation>Двойной щелчок — изменить комментарий</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="169" />
        <source>Документ PDF (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="170" />
        <source>Таблица CSV (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="170" />
        <source>Сохранить оценочный лист</source>
        <translation>Сохранить оценочный лист</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="44" />
        <source>Учебные занятия — ЦУР</source>
        <translation>Учебные занятия — ЦУР</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="50" />
        <source>Занятие</source>
        <translation>Занятие</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="59" />
        <source>Новое занятие…</source>
        <translation>Новое занятие…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="61" />
        <source>Добавить слушателей…</source>
        <translation>Добавить слушателей…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="62" />
        <source>Выдать коды…</source>
        <translation>Выдать коды…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="73" />
        <source>Начать</source>
        <translation>Начать</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="95" />
        <location filename="../../cur_desktop/ui/trainer_window.py" line="74" />
        <source>Пауза</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="70" />
        <location filename="../../cur_desktop/ui/trainer_window.py" line="75" />
        <source>Продолжить</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="76" />
        <source>Завершить</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="66" />
        <location filename="../../cur_desktop/ui/trainer_window.py" line="100" />
        <source>Ход занятия</source>
        <translation>Ход занятия</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="101" />
        <source>Оценочный лист</source>
        <translation>Оценочный лист</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="160" />
        <source>Занятие не выбрано: создайте новое</source>
        <translation>Занятие не выбрано: создайте новое</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="172" />
        <source>слушателей: {0}, выдано обращений: {1} из {2}</source>
        <translation>слушателей: {0}, выдано обращений: {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="247" />
        <source>Добавить слушателей</source>
        <translation>Добавить слушателей</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="248" />
        <source>Учётные записи слушателей через запятую:</source>
        <translation>Учётные записи слушателей через запятую:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="261" />
        <source>Слушатели добавлены</source>
        <translation>Слушатели добавлены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="265" />
        <source>Выдать коды</source>
        <translation>Выдать коды</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="266" />
        <source>Сколько одноразовых кодов выдать:</source>
        <translation>Сколько одноразовых кодов выдать:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="322" />
        <source>Комментарий сохранён</source>
        <translation>Комментарий сохранён</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="334" />
        <source>Файл не сохранён: </source>
        <translation>Файл не сохранён: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="336" />
        <source>Оценочный лист сохранён: </source>
        <translation>Оценочный лист сохранён: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/session_line.py" line="14" />
        <source>занятие ещё не назначено</source>
        <translation>занятие ещё не назначено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/session_line.py" line="16" />
        <source>{0} из {1} мин</source>
        <translation>{0} из {1} мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="57" />
        <location filename="../../cur_desktop/ui/training_mode.py" line="115" />
        <source>Учебный режим</source>
        <translation>Учебный режим</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="80" />
        <source>Учебный режим — обращения ненастоящие, ответы никуда не уходят</source>
        <translation>Учебный режим — обращения ненастоящие, ответы никуда не уходят</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="139" />
        <source>Учебные занятия</source>
        <translation>Учебные занятия</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="36" />
        <source>Локальная копия была повреждена</source>
        <translation>Локальная копия была повреждена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="37" />
        <source>Локальная копия была создана более новой версией программы</source>
        <translation>Локальная копия была создана более новой версией программы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="38" />
        <source>Локальная копия не найдена</source>
        <translation>Локальная копия не найдена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="46" />
        <source>она заполняется заново с сервера (без связи — как только сервер станет доступен).</source>
        <translation>она заполняется заново с сервера (без связи — как только сервер станет доступен).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="47" />
        <source>Неотправленных изменений сохранено: {n}, они будут отправлены.</source>
        <translation>Неотправленных изменений сохранено: {n}, они будут отправлены.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="58" />
        <source>Черновиков сохранено: {n}.</source>
        <translation>Черновиков сохранено: {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="61" />
        <source>Повреждённый файл сохранён для службы поддержки: {path}</source>
        <translation>Повреждённый файл сохранён для службы поддержки: {path}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="163" />
        <location filename="../../cur_desktop/ui/status_bar.py" line="166" />
        <location filename="../../cur_desktop/ui/status_bar.py" line="169" />
        <source>Локальная копия восстановлена</source>
        <translation>Локальная копия восстановлена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/link_warning.py" line="28" />
        <source>⚠ Соединение не защищено (http://): пароль и обращения видны в сети</source>
        <translation>⚠ Соединение не защищено (http://): пароль и обращения видны в сети</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/link_warning.py" line="33" />
        <source>Попросите администратора включить HTTPS на сервере и входите по адресу https://</source>
        <translation>Попросите администратора включить HTTPS на сервере и входите по адресу https://</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="109" />
        <source>Подключение…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="51" />
        <location filename="../../cur_desktop/ui/about_dialog.py" line="91" />
        <source>О программе</source>
        <translation>О программе</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="52" />
        <source>ЦУР: рабочее место оператора</source>
        <translation>ЦУР: рабочее место оператора</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="60" />
        <source>доступна новая версия {version}</source>
        <translation>доступна новая версия {version}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="67" />
        <source>Версия:</source>
        <translation>Версия:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="68" />
        <source>Сервер:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="69" />
        <source>Журнал работы:</source>
        <translation>Журнал работы:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="70" />
        <source>Локальный кэш:</source>
        <translation>Локальный кэш:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="76" />
        <source>В журнале нет паролей, ключей и текстов обращений: его можно передать в техническую поддержку.</source>
        <translation>В журнале нет паролей, ключей и текстов обращений: его можно передать в техническую поддержку.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="574" />
        <source>Поиск вариантов…</source>
        <translation>Поиск вариантов…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="149" />
        <source>Доступна новая версия программы: {version}</source>
        <translation>Доступна новая версия программы: {version}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="43" />
        <source>Подключение к серверу — ЦУР</source>
        <translation>Подключение к серверу — ЦУР</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="50" />
        <source>файл .pem, если ИТ-отдел его выдал</source>
        <translation>файл .pem, если ИТ-отдел его выдал</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="51" />
        <source>Выбрать…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="58" />
        <source>Проверить соединение</source>
        <translation>Проверить соединение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="79" />
        <source>Адрес сервера и файл сертификатов сообщает ИТ-отдел. Они запоминаются для вашего профиля.</source>
        <translation>Адрес сервера и файл сертификатов сообщает ИТ-отдел. Они запоминаются для вашего профиля.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="84" />
        <source>Адрес сервера</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="85" />
        <source>Сертификаты (CA)</source>
        <translation>Сертификаты (CA)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="97" />
        <source>Файл сертификатов</source>
        <translation>Файл сертификатов</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="99" />
        <source>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</source>
        <translation>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="109" />
        <source>Проверяю соединение…</source>
        <translation>Проверяю соединение…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="121" />
        <source>Соединение установлено: сервер ЦУР отвечает (версия программы {v})</source>
        <translation>Соединение установлено: сервер ЦУР отвечает (версия программы {v})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="50" />
        <source>Фраза-пароль не подходит к локальной копии. Ничего не изменено и не потеряно: введите фразу, заданную при первом входе.</source>
        <translation>Фраза-пароль не подходит к локальной копии. Ничего не изменено и не потеряно: введите фразу, заданную при первом входе.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="88" />
        <source>Хранилище паролей системы недоступно: локальная копия будет зашифрована этой фразой; её нужно вводить при каждом входе</source>
        <translation>Хранилище паролей системы недоступно: локальная копия будет зашифрована этой фразой; её нужно вводить при каждом входе</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="124" />
        <source>Фраза-пароль</source>
        <translation>Фраза-пароль</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="125" />
        <source>Повторите фразу</source>
        <translation>Повторите фразу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="181" />
        <location filename="../../cur_desktop/ui/login_dialog.py" line="226" />
        <location filename="../../cur_desktop/ui/login_dialog.py" line="262" />
        <source>Введите фразу-пароль для локальной копии.</source>
        <translation>Введите фразу-пароль для локальной копии.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="183" />
        <source>Фразы не совпадают: введите одну и ту же фразу дважды.</source>
        <translation>Фразы не совпадают: введите одну и ту же фразу дважды.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_table.py" line="54" />
        <source>Ничего не найдено</source>
        <extracomment>The citizen's text takes the width the other columns leave, but never less than this: on a narrow table the columns after it scroll, the text stays readable.</extracomment>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_table.py" line="56" />
        <source>Сбросить фильтры</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="24" />
        <source>Выход</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="27" />
        <source>Выйти</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="45" />
        <source>{name}, выйти из учётной записи? Запомненный вход на этом компьютере будет забыт: следующему сотруднику понадобится его собственный пароль.</source>
        <translation>{name}, выйти из учётной записи? Запомненный вход на этом компьютере будет забыт: следующему сотруднику понадобится его собственный пароль.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="50" />
        <source>Неотправленных изменений: {n}. Они сохранены на этом компьютере и будут отправлены при вашем следующем входе.</source>
        <translation>Неотправленных изменений: {n}. Они сохранены на этом компьютере и будут отправлены при вашем следующем входе.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/menu_bar.py" line="43" />
        <source>Вернуть ответ на доработку…</source>
        <translation>Вернуть ответ на доработку…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/menu_bar.py" line="87" />
        <source>Нет ответов, ждущих согласования</source>
        <translation>Нет ответов, ждущих согласования</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="47" />
        <source>Ответ доставлен заявителю</source>
        <translation>Ответ доставлен заявителю</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="48" />
        <source>Ответ не доставлен</source>
        <translation>Ответ не доставлен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="49" />
        <source>Новое сообщение заявителя</source>
        <translation>Новое сообщение заявителя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="29" />
        <source>в очереди</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="135" />
        <source>ошибка: {reason}</source>
        <translation>ошибка: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="135" />
        <source>причина не указана</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="38" />
        <location filename="../../cur_desktop/ui/main_docks.py" line="16" />
        <source>Не принятые сервером правки</source>
        <translation>Не принятые сервером правки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="324" />
        <source>Неверный период: конец раньше начала.</source>
        <translation>Неверный период: конец раньше начала.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="325" />
        <source>Неверный период: не длиннее {n} дней.</source>
        <translation>Неверный период: не длиннее {n} дней.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="53" />
        <source>Правок, не принятых сервером, сохранено: {n}.</source>
        <translation>Правок, не принятых сервером, сохранено: {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="57" />
        <source>Правка</source>
        <translation>Правка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="131" />
        <source>Не принято сервером: {n}</source>
        <translation>Не принято сервером: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="26" />
        <source>Оценка ответа</source>
        <translation>Оценка ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="66" />
        <source>Событие</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="67" />
        <source>Новое</source>
        <extracomment>The names the models give to statuses, sectors and channels, marked here for the catalogue (lupdate reads only ui/); tests/ui/test_english_ui.py checks each model name is among them.</extracomment>
        <translation>Новое</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="70" />
        <source>Дан промежуточный ответ</source>
        <translation>Дан промежуточный ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="71" />
        <source>Дан ответ</source>
        <translation>Дан ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="72" />
        <source>Решено</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="73" />
        <source>Закрыто</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="75" />
        <source>Возобновлено</source>
        <translation>Возобновлено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="76" />
        <source>Здравоохранение</source>
        <translation>Здравоохранение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="77" />
        <source>Образование</source>
        <translation>Образование</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="78" />
        <source>Дороги</source>
        <translation>Дороги</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="79" />
        <source>Транспорт</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="80" />
        <source>Энергетика</source>
        <translation>Энергетика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="81" />
        <source>ЖКХ</source>
        <translation>ЖКХ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="82" />
        <source>ТКО</source>
        <translation>ТКО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="83" />
        <source>Социальная защита</source>
        <translation>Социальная защита</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="84" />
        <source>Прочее</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="85" />
        <source>ВКонтакте</source>
        <translation>ВКонтакте</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="86" />
        <source>Одноклассники</source>
        <translation>Одноклассники</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="87" />
        <source>Комментарий в госпаблике</source>
        <translation>Комментарий в госпаблике</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="88" />
        <source>Госуслуги. Решаем вместе (ПОС)</source>
        <translation>Госуслуги. Решаем вместе (ПОС)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="89" />
        <source>Чат-бот</source>
        <translation>Чат-бот</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="90" />
        <source>Электронная почта</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="93" />
        <source>Готово к началу</source>
        <translation>Готово к началу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="94" />
        <source>Идёт</source>
        <translation>Идёт</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="114" />
        <location filename="../../cur_desktop/ui/code_labels.py" line="128" />
        <source>другой статус</source>
        <extracomment>code → the workstation's own name, for the codes it knows (the server sends codes; the names it sends too are used only for codes a newer server added).</extracomment>
        <translation>другой статус</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="129" />
        <source>Обращение уже в работе у другого сотрудника</source>
        <extracomment>Why the server refused or set aside an edit, by its code (MutationResult.error). The server words the reason in Russian, often with a name or a status in it: a Russian UI shows that; another language shows these, which say the same without the particulars.</extracomment>
        <translation>Обращение уже в работе у другого сотрудника</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="130" />
        <source>Обращение изменил другой сотрудник, пока вы с ним работали</source>
        <translation>Обращение изменил другой сотрудник, пока вы с ним работали</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="131" />
        <source>Обращение не найдено</source>
        <translation>Обращение не найдено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="132" />
        <source>Такая смена статуса не разрешена</source>
        <translation>Такая смена статуса не разрешена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="133" />
        <source>Обращение уже обработано</source>
        <translation>Обращение уже обработано</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="134" />
        <source>Это может только старший смены</source>
        <translation>Это может только старший смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="135" />
        <source>Этому сотруднику обращение назначить нельзя</source>
        <translation>Этому сотруднику обращение назначить нельзя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="136" />
        <source>Укажите ведомство: используйте действие «Направить»</source>
        <translation>Укажите ведомство: используйте действие «Направить»</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="137" />
        <source>Укажите причину отклонения</source>
        <translation>Укажите причину отклонения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="138" />
        <source>Опишите, что сделано: одного ответа мало для «Решено»</source>
        <translation>Опишите, что сделано: одного ответа мало для «Решено»</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="139" />
        <source>Сначала опубликуйте ответ</source>
        <translation>Сначала опубликуйте ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="140" />
        <source>Рубрика не относится к выбранной сфере</source>
        <translation>Рубрика не относится к выбранной сфере</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="141" />
        <source>Такого муниципального образования нет в справочнике</source>
        <translation>Такого муниципального образования нет в справочнике</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="142" />
        <source>Такого ведомства нет в справочнике</source>
        <translation>Такого ведомства нет в справочнике</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="143" />
        <source>Нужно согласование старшего смены</source>
        <translation>Нужно согласование старшего смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="144" />
        <source>В ответе не заполнены поля шаблона</source>
        <translation>В ответе не заполнены поля шаблона</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="145" />
        <location filename="../../cur_desktop/ui/problem_text.py" line="29" />
        <source>Сначала возьмите обращение в работу</source>
        <translation>Сначала возьмите обращение в работу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="146" />
        <source>Текст ответа пуст</source>
        <translation>Текст ответа пуст</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="147" />
        <source>Такого шаблона нет</source>
        <translation>Такого шаблона нет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="148" />
        <source>У обращения нет такого ответа</source>
        <translation>У обращения нет такого ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="149" />
        <source>Ответ не ждёт согласования</source>
        <translation>Ответ не ждёт согласования</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="151" />
        <source>Свой ответ оценивает другой старший смены</source>
        <translation>Свой ответ оценивает другой старший смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="152" />
        <source>Повтор чужой правки отклонён</source>
        <translation>Повтор чужой правки отклонён</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="163" />
        <source>Сервер не принял правку</source>
        <translation>Сервер не принял правку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="432" />
        <source>другого сотрудника</source>
        <translation>другого сотрудника</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="432" />
        <source>В работе у {name}</source>
        <translation>В работе у {name}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="51" />
        <source>Укажите конкретный срок</source>
        <extracomment>Ready-made comments for a returned reply: what supervisors write most often.</extracomment>
        <translation>Укажите конкретный срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="52" />
        <source>Напишите, что именно будет сделано</source>
        <translation>Напишите, что именно будет сделано</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="53" />
        <source>Ответ не по существу обращения</source>
        <translation>Ответ не по существу обращения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="54" />
        <source>Проверьте ведомство</source>
        <translation>Проверьте ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="55" />
        <source>Исправьте ошибки и опечатки</source>
        <translation>Исправьте ошибки и опечатки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="56" />
        <source>Смягчите тон ответа</source>
        <translation>Смягчите тон ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="100" />
        <source>Что ещё исправить в ответе</source>
        <translation>Что ещё исправить в ответе</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="109" />
        <source>Комментарий автору (обязательно) *:</source>
        <translation>Комментарий автору (обязательно) *:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="134" />
        <source>Отметьте замечание или напишите, что исправить</source>
        <translation>Отметьте замечание или напишите, что исправить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="178" />
        <location filename="../../cur_desktop/ui/quality_review.py" line="82" />
        <source>Обращение гражданина</source>
        <translation>Обращение гражданина</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="332" />
        <source>Согласовать с правкой</source>
        <translation>Согласовать с правкой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="333" />
        <source>Ответ (с правкой)</source>
        <translation>Ответ (с правкой)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="186" />
        <source>Опубликовать ответ (Ctrl+Enter)</source>
        <translation>Опубликовать ответ (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="188" />
        <source>Править ответ</source>
        <translation>Править ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="191" />
        <source>Исправить текст и согласовать с правкой</source>
        <translation>Исправить текст и согласовать с правкой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="193" />
        <source>Отменить правку</source>
        <translation>Отменить правку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="203" />
        <source>Ctrl+Enter — согласовать</source>
        <translation>Ctrl+Enter — согласовать</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="34" />
        <source>— выберите ведомство —</source>
        <translation>— выберите ведомство —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="37" />
        <source>★ — подходит по сфере и муниципалитету</source>
        <translation>★ — подходит по сфере и муниципалитету</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="49" />
        <source>Из этого статуса отклонить нельзя</source>
        <translation>Из этого статуса отклонить нельзя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="28" />
        <source>Дубль</source>
        <extracomment>Standard reasons for a rejection; «другое» (None) asks for a text.</extracomment>
        <translation>Дубль</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="29" />
        <source>Спам</source>
        <translation>Спам</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="30" />
        <source>Не в компетенции</source>
        <translation>Не в компетенции</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="31" />
        <source>Нет предмета обращения</source>
        <translation>Нет предмета обращения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="91" />
        <location filename="../../cur_desktop/ui/status_dialog.py" line="36" />
        <source>Другое</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="47" />
        <source>Отклонить обращение</source>
        <translation>Отклонить обращение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="56" />
        <source>— выберите статус —</source>
        <translation>— выберите статус —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="62" />
        <source>— выберите причину —</source>
        <translation>— выберите причину —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="67" />
        <location filename="../../cur_desktop/ui/status_dialog.py" line="134" />
        <source>Причина отклонения</source>
        <translation>Причина отклонения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="70" />
        <location filename="../../cur_desktop/ui/status_dialog.py" line="119" />
        <location filename="../../cur_desktop/ui/status_dialog.py" line="136" />
        <source>Пояснение</source>
        <translation>Пояснение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="72" />
        <source>Например: «Яма заделана 03.12, фото в ответе»</source>
        <translation>Например: «Яма заделана 03.12, фото в ответе»</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="73" />
        <location filename="../../cur_desktop/ui/status_dialog.py" line="138" />
        <source>Что сделано</source>
        <translation>Что сделано</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="75" />
        <source>* — обязательное поле</source>
        <translation>* — обязательное поле</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="121" />
        <source>Причина (необязательно)</source>
        <translation>Причина (необязательно)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="125" />
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="280" />
        <source>Отправить ответы</source>
        <translation>Отправить ответы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="281" />
        <source>Отправить ответы гражданам: {n}? Отозвать их после публикации нельзя.</source>
        <translation>Отправить ответы гражданам: {n}? Отозвать их после публикации нельзя.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="290" />
        <source>Отправить ({n})</source>
        <translation>Отправить ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="83" />
        <source>Оценивается последний опубликованный ответ</source>
        <translation>Оценивается последний опубликованный ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="88" />
        <source>Каждый пункт: да или нет *</source>
        <translation>Каждый пункт: да или нет *</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="93" />
        <source>Да</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="93" />
        <source>Нет</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="134" />
        <source>Не оценено пунктов: {n}</source>
        <translation>Не оценено пунктов: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="101" />
        <source>★ — уже ведут обращения этого муниципалитета и сферы.</source>
        <translation>★ — уже ведут обращения этого муниципалитета и сферы.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="103" />
        <source>«Открыто» — обращения в работе.</source>
        <translation>«Открыто» — обращения в работе.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="150" />
        <source>Учебные обращения получают слушатели. Занятия, ход занятия и оценочный лист — в окне «Учебные занятия» ({keys}).</source>
        <translation>Учебные обращения получают слушатели. Занятия, ход занятия и оценочный лист — в окне «Учебные занятия» ({keys}).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="151" />
        <source>Открыть учебные занятия</source>
        <translation>Открыть учебные занятия</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="212" />
        <source>Шаблоны: Enter — вставить, Esc — закрыть</source>
        <translation>Шаблоны: Enter — вставить, Esc — закрыть</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="221" />
        <source>Шаблоны… (Ctrl+Space)</source>
        <translation>Шаблоны… (Ctrl+Space)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="19" />
        <source>Напишите жалобу на {address} через {host}:{port}</source>
        <translation>Напишите жалобу на {address} через {host}:{port}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="38" />
        <source>Демо-сервер принимает почту: напишите жалобу на {address} через SMTP-сервер {host}:{smtp} (без пароля и шифрования), и через несколько секунд она появится в очереди.</source>
        <translation>Демо-сервер принимает почту: напишите жалобу на {address} через SMTP-сервер {host}:{smtp} (без пароля и шифрования), и через несколько секунд она появится в очереди.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="42" />
        <source>Ответ оператора придёт в почтовый ящик автора: IMAP {host}:{imap}, логин — адрес автора, пароль «{password}». Почта хранится только до выхода из программы.</source>
        <translation>Ответ оператора придёт в почтовый ящик автора: IMAP {host}:{imap}, логин — адрес автора, пароль «{password}». Почта хранится только до выхода из программы.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="43" />
        <source>Из терминала (в папке проекта, .venv/bin/python):</source>
        <translation>Из терминала (в папке проекта, .venv/bin/python):</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="57" />
        <source>Жалоба по e-mail…</source>
        <translation>Жалоба по e-mail…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="62" />
        <source>Жалоба по e-mail</source>
        <translation>Жалоба по e-mail</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="50" />
        <source>документ PDF</source>
        <extracomment>What each kind of file is called («Это …»).</extracomment>
        <translation>документ PDF</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="51" />
        <source>текстовый документ</source>
        <translation>текстовый документ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="52" />
        <source>таблица</source>
        <translation>таблица</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="53" />
        <source>презентация</source>
        <translation>презентация</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="54" />
        <source>текстовый файл</source>
        <translation>текстовый файл</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="55" />
        <source>изображение</source>
        <translation>изображение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="56" />
        <source>видеозапись</source>
        <translation>видеозапись</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="57" />
        <source>аудиозапись</source>
        <translation>аудиозапись</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="58" />
        <source>архив</source>
        <translation>архив</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="59" />
        <source>программа (исполняемый файл)</source>
        <translation>программа (исполняемый файл)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="60" />
        <source>сценарий, макрос или ярлык</source>
        <translation>сценарий, макрос или ярлык</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="61" />
        <source>веб-страница</source>
        <translation>веб-страница</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="62" />
        <source>файл неизвестного типа</source>
        <translation>файл неизвестного типа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="33" />
        <source>Сохранить вложение</source>
        <translation>Сохранить вложение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="75" />
        <source>{n} МБ</source>
        <translation>{n} МБ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="76" />
        <source>{n} КБ</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="74" />
        <source>Не удалось сохранить файл: {error}</source>
        <translation>Не удалось сохранить файл: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="77" />
        <source>Сохранено: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="106" />
        <location filename="../../cur_desktop/ui/attachment_view.py" line="154" />
        <location filename="../../cur_desktop/ui/attachment_view.py" line="207" />
        <source>Загрузка…</source>
        <extracomment>"loading", "ready", OFFLINE or MISSING the copy handed to the system, once opened the folder copies are opened from (this run's private folder)</extracomment>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="114" />
        <source>&amp;Открыть в программе…</source>
        <translation>&amp;Открыть в программе…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="46" />
        <source>&amp;Сохранить как…</source>
        <translation>&amp;Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="166" />
        <source>Файл не сохранён на этом компьютере, а сервер недоступен. Откройте его, когда связь восстановится.</source>
        <translation>Файл не сохранён на этом компьютере, а сервер недоступен. Откройте его, когда связь восстановится.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="168" />
        <source>Файл недоступен: на сервере его нет или обращение вам больше не видно.</source>
        <translation>Файл недоступен: на сервере его нет или обращение вам больше не видно.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="184" />
        <source>Это {kind}. Такие файлы на рабочем месте не открываются: запущенные, они могут повредить компьютер и сеть. Файл можно только сохранить, например чтобы передать на проверку.</source>
        <translation>Это {kind}. Такие файлы на рабочем месте не открываются: запущенные, они могут повредить компьютер и сеть. Файл можно только сохранить, например чтобы передать на проверку.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="191" />
        <source>Тип файла не определён, поэтому открыть его нельзя. Файл можно сохранить.</source>
        <translation>Тип файла не определён, поэтому открыть его нельзя. Файл можно сохранить.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="200" />
        <source>Это {kind}. Файл откроется в программе, назначенной для таких файлов в системе.

Файлы от граждан могут быть опасны: открывайте только то, что ожидали получить, и не включайте в них макросы и правку.</source>
        <translation>Это {kind}. Файл откроется в программе, назначенной для таких файлов в системе.

Файлы от граждан могут быть опасны: открывайте только то, что ожидали получить, и не включайте в них макросы и правку.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="215" />
        <source>Не удалось подготовить файл: {error}</source>
        <translation>Не удалось подготовить файл: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="221" />
        <source>В системе нет программы для файлов этого типа. Сохраните файл и откройте его.</source>
        <translation>В системе нет программы для файлов этого типа. Сохраните файл и откройте его.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="96" />
        <source>Без миниатюры</source>
        <translation>Без миниатюры</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="97" />
        <source>Файл</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="180" />
        <source>Нет связи</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="183" />
        <source>Недоступно</source>
        <translation>Недоступно</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="85" />
        <location filename="../../cur_desktop/ui/attachment_view.py" line="197" />
        <source>Вложение</source>
        <translation>Вложение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="211" />
        <source>Esc — закрыть</source>
        <translation>Esc — закрыть</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="240" />
        <source>Этот файл не изображение: просмотр недоступен</source>
        <translation>Этот файл не изображение: просмотр недоступен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="252" />
        <source>Миниатюра: полный файл откроется на связи</source>
        <translation>Миниатюра: полный файл откроется на связи</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="254" />
        <source>Файл не сохранён на этом компьютере, а сервер недоступен</source>
        <translation>Файл не сохранён на этом компьютере, а сервер недоступен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="256" />
        <source>Файл недоступен</source>
        <translation>Файл недоступен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="19" />
        <source>Обращение не найдено в локальном кэше</source>
        <translation>Обращение не найдено в локальном кэше</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="20" />
        <source>Обращение {number} не найдено в локальном кэше</source>
        <translation>Обращение {number} не найдено в локальном кэше</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="21" />
        <source>Не выбрано ни одного обращения</source>
        <translation>Не выбрано ни одного обращения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="22" />
        <source>Ответ длиннее {n} знаков</source>
        <translation>Ответ длиннее {n} знаков</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="23" />
        <source>Некорректное действие</source>
        <translation>Некорректное действие</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="24" />
        <source>Нет такой неотправленной правки</source>
        <translation>Нет такой неотправленной правки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="25" />
        <source>Обращение уже не ждёт ответа (закрыто или с ответом)</source>
        <translation>Обращение уже не ждёт ответа (закрыто или с ответом)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="26" />
        <source>Ответ по этому шаблону уже есть</source>
        <translation>Ответ по этому шаблону уже есть</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="27" />
        <source>Не заполнить: {fields}</source>
        <translation>Не заполнить: {fields}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="30" />
        <source>Обращение в работе у другого сотрудника</source>
        <translation>Обращение в работе у другого сотрудника</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="31" />
        <source>Обращение в работе у сотрудника {name}</source>
        <translation>Обращение в работе у сотрудника {name}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="32" />
        <source>В работе у другого сотрудника</source>
        <translation>В работе у другого сотрудника</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="33" />
        <source>В работе у сотрудника {name}</source>
        <translation>В работе у сотрудника {name}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="38" />
        <source>Версия программы устарела: изменения не отправляются и ждут в очереди. Установите версию {version} или новее</source>
        <translation>Версия программы устарела: изменения не отправляются и ждут в очереди. Установите версию {version} или новее</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="39" />
        <source>Не удалось проверить сертификат сервера: нет файла сертификатов</source>
        <translation>Не удалось проверить сертификат сервера: нет файла сертификатов</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="40" />
        <source>Не удалось проверить сертификат сервера</source>
        <translation>Не удалось проверить сертификат сервера</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="41" />
        <source>Сервер недоступен</source>
        <translation>Сервер недоступен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="42" />
        <source>Сервер прислал повреждённый ответ</source>
        <translation>Сервер прислал повреждённый ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="43" />
        <source>Связь с сервером прервалась</source>
        <translation>Связь с сервером прервалась</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="44" />
        <source>Ответ сервера слишком велик</source>
        <translation>Ответ сервера слишком велик</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="45" />
        <source>Сервер прислал ответ не по протоколу</source>
        <translation>Сервер прислал ответ не по протоколу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="46" />
        <source>Ошибка сервера ({status})</source>
        <translation>Ошибка сервера ({status})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="47" />
        <source>Требуется вход в систему</source>
        <translation>Требуется вход в систему</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="48" />
        <source>Сервер не ответил ни на одно изменение</source>
        <translation>Сервер не ответил ни на одно изменение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="49" />
        <source>Внутренняя ошибка синхронизации</source>
        <translation>Внутренняя ошибка синхронизации</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="50" />
        <source>На этом компьютере нет сохранённого профиля</source>
        <translation>На этом компьютере нет сохранённого профиля</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="53" />
        <source>Из последнего профиля вышли: войдите с паролем, когда будет связь с сервером</source>
        <translation>Из последнего профиля вышли: войдите с паролем, когда будет связь с сервером</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="55" />
        <source>Файл настроек {path} не читается</source>
        <translation>Файл настроек {path} не читается</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="58" />
        <source>Файл настроек {path} повреждён ({error}); адрес сервера можно указать вручную</source>
        <translation>Файл настроек {path} повреждён ({error}); адрес сервера можно указать вручную</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="62" />
        <source>В файле настроек {path} ожидается раздел [server] со строками url и ca_bundle; адрес сервера можно указать вручную</source>
        <translation>В файле настроек {path} ожидается раздел [server] со строками url и ca_bundle; адрес сервера можно указать вручную</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="63" />
        <source>Адрес сервера указан неверно: нужен вид https://имя-сервера[:порт]</source>
        <translation>Адрес сервера указан неверно: нужен вид https://имя-сервера[:порт]</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="67" />
        <source>Сертификат сервера выдан на другое имя, не «{host}»: проверьте адрес (он должен совпадать с именем в сертификате)</source>
        <translation>Сертификат сервера выдан на другое имя, не «{host}»: проверьте адрес (он должен совпадать с именем в сертификате)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="71" />
        <source>Сертификат сервера не подтверждён: он выдан неизвестным центром сертификации (или самоподписан). Укажите файл сертификатов (CA) вашей организации</source>
        <translation>Сертификат сервера не подтверждён: он выдан неизвестным центром сертификации (или самоподписан). Укажите файл сертификатов (CA) вашей организации</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="74" />
        <source>Сервер {where} не отвечает по HTTPS: возможно, адрес должен начинаться с http://</source>
        <extracomment>Training only: send the reply being written with each heartbeat. One per code that sync/ and models/ say (tests/ui/test_english_ui.py finds them all).</extracomment>
        <translation>Сервер {where} не отвечает по HTTPS: возможно, адрес должен начинаться с http://</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="75" />
        <source>Не удалось установить защищённое соединение с {where}</source>
        <translation>Не удалось установить защищённое соединение с {where}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="76" />
        <source>Сервер «{host}» не найден: проверьте адрес (имя не находится в DNS)</source>
        <translation>Сервер «{host}» не найден: проверьте адрес (имя не находится в DNS)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="79" />
        <source>Сервер {where} отказал в соединении: программа сервера не запущена или порт указан неверно</source>
        <translation>Сервер {where} отказал в соединении: программа сервера не запущена или порт указан неверно</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="82" />
        <source>Сервер {where} ответил не по HTTP: возможно, адрес должен начинаться с https://</source>
        <translation>Сервер {where} ответил не по HTTP: возможно, адрес должен начинаться с https://</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="83" />
        <source>Сервер {where} не ответил вовремя: проверьте сеть или адрес</source>
        <translation>Сервер {where} не ответил вовремя: проверьте сеть или адрес</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="84" />
        <source>Сервер {where} недоступен: {error}</source>
        <translation>Сервер {where} недоступен: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="85" />
        <source>Файл сертификатов не найден: {path}</source>
        <translation>Файл сертификатов не найден: {path}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="86" />
        <source>Файл сертификатов {path} не содержит сертификатов в формате PEM</source>
        <translation>Файл сертификатов {path} не содержит сертификатов в формате PEM</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="89" />
        <source>По адресу {url} отвечает не сервер ЦУР (или слишком старая его версия)</source>
        <translation>По адресу {url} отвечает не сервер ЦУР (или слишком старая его версия)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="41" />
        <source>Настройки</source>
        <extracomment>The spin box's range, MB: below 20 a day's photos do not fit; 5 GB is plenty for a laptop.</extracomment>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="48" />
        <source>Вложения на этом компьютере</source>
        <extracomment>(files, bytes) the cache held when last counted; None until counted «Очистить кэш вложений?» while it is asked (tests answer it)</extracomment>
        <translation>Вложения на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="53" />
        <source>МБ</source>
        <translation>МБ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="56" />
        <source>Считается…</source>
        <translation>Считается…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="59" />
        <source>&amp;Очистить кэш вложений</source>
        <translation>&amp;Очистить кэш вложений</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="69" />
        <source>Миниатюры и открытые файлы хранятся в зашифрованном кэше, чтобы их можно было смотреть без связи. Сверх предела первыми удаляются те, что дольше всего не открывали. Удалённые загрузятся с сервера снова, когда понадобятся.</source>
        <translation>Миниатюры и открытые файлы хранятся в зашифрованном кэше, чтобы их можно было смотреть без связи. Сверх предела первыми удаляются те, что дольше всего не открывали. Удалённые загрузятся с сервера снова, когда понадобятся.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="76" />
        <source>&amp;Предел кэша:</source>
        <translation>&amp;Предел кэша:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="79" />
        <source>Занято сейчас:</source>
        <translation>Занято сейчас:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="95" />
        <source>ОК</source>
        <translation>ОК</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="97" />
        <source>Применить</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="117" />
        <source>{size}, файлов: {n}</source>
        <translation>{size}, файлов: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="120" />
        <source>ничего</source>
        <translation>ничего</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="139" />
        <source>Очистить кэш вложений</source>
        <translation>Очистить кэш вложений</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="144" />
        <source>Удалить с этого компьютера сохранённые вложения? Освободится {size} (файлов: {n}).

Они загрузятся с сервера снова, когда их откроют; без связи их не будет видно.</source>
        <translation>Удалить с этого компьютера сохранённые вложения? Освободится {size} (файлов: {n}).

Они загрузятся с сервера снова, когда их откроют; без связи их не будет видно.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="148" />
        <source>Очистить</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="27" />
        <source>&amp;Файл</source>
        <extracomment>The queue's column widths; renamed when the columns were reordered (the text after the deadline), so an old layout does not give one column's width to another.</extracomment>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="28" />
        <source>&amp;Правка</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="29" />
        <source>&amp;Вид</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="30" />
        <source>&amp;Обращение</source>
        <translation>&amp;Обращение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="31" />
        <source>С&amp;мена</source>
        <translation>С&amp;мена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="32" />
        <source>&amp;Демо</source>
        <translation>&amp;Демо</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="33" />
        <source>&amp;Справка</source>
        <translation>&amp;Справка</translation>
    </message>
</context>
</TS>