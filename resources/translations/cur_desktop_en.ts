<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="112"/>
        <source> [демо]</source>
        <translation> [demo]</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="55"/>
        <source>{sector}: без рубрики</source>
        <extracomment>Incidents listed under one spike or cluster (a cluster lists at most 500 ids anyway). How a column&apos;s raw value is shown: text, a count, a count with its change against the previous period ((count, previous) pairs), a share 0..1, minutes, a date, a ratio. Bars in the SLA chart: the groups with the most incidents.</extracomment>
        <translation>{sector}: no category</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="66"/>
        <source>Обращений за период</source>
        <translation>Incidents in the period</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="67"/>
        <source>К предыдущему периоду</source>
        <translation>Against the previous period</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="68"/>
        <source>Просрочено сейчас</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="69"/>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="29"/>
        <source>Первый ответ в срок</source>
        <translation>First answer on time</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="70"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="351"/>
        <source>Медиана первого ответа</source>
        <translation>Median first answer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="81"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="97"/>
        <source>По дням</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="82"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="100"/>
        <source>По неделям</source>
        <translation>By week</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="84"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="223"/>
        <source>Обращения по дням</source>
        <translation>Incidents by day</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="85"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="109"/>
        <source>Основные темы</source>
        <translation>Main topics</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="97"/>
        <source>День</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="97"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="104"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="113"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="346"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="93"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="107"/>
        <source>Обращений</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="102"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="92"/>
        <source>Неделя с</source>
        <translation>Week from</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="103"/>
        <source>Дней в периоде</source>
        <translation>Days in the period</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="111"/>
        <location filename="../../cur_desktop/ui/finding_text.py" line="32"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="91"/>
        <source>Тема</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="121"/>
        <source>Доставка ответов</source>
        <translation>Answer delivery</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="124"/>
        <source>Доставлено</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="125"/>
        <source>В очереди</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="126"/>
        <source>Не доставлено</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="136"/>
        <source>Ответы, отправленные в канал заявителя (почта, мессенджеры), поставленные в очередь за период: сколько доставлено, ждёт отправки и не доставлено.</source>
        <translation>Answers sent to the citizen&apos;s channel (e-mail, messengers) queued in the period: how many were delivered, are waiting to be sent, and failed.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="207"/>
        <source>Ответов доставлено в каналы заявителей: {sent} из {total}</source>
        <translation>Answers delivered to the citizens&apos; channels: {sent} of {total}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="212"/>
        <source>Ответов в каналы заявителей за период не было</source>
        <translation>No answers to the citizens&apos; channels in the period</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="220"/>
        <source>Обращения по неделям (с понедельника)</source>
        <translation>Incidents by week (from Monday)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="237"/>
        <source>Сферы × МО</source>
        <translation>Sectors × municipalities</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="242"/>
        <source>В ячейке: обращений за период (изменение к предыдущему периоду).</source>
        <translation>Each cell: incidents in the period (change against the previous period).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="262"/>
        <source>Всего</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="272"/>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="295"/>
        <source>По операторам</source>
        <translation>By operator</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="296"/>
        <source>По ведомствам</source>
        <translation>By agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="297"/>
        <source>По МО</source>
        <translation>By municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="312"/>
        <source>Сроки: </source>
        <translation>Deadlines: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="316"/>
        <source>Первый ответ в срок, %</source>
        <translation>First answer on time, %</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="323"/>
        <source>Доля в срок: первые ответы до срока среди отвеченных и просроченных; неотвеченные, у которых срок ещё не истёк, не учитываются.</source>
        <translation>On time: first answers before the deadline among answered and overdue incidents; unanswered ones whose time has not run out are not counted.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="340"/>
        <location filename="../../cur_desktop/ui/app.py" line="128"/>
        <location filename="../../cur_desktop/ui/finding_text.py" line="30"/>
        <location filename="../../cur_desktop/ui/quality_review.py" line="179"/>
        <source>Оператор</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="342"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="90"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="105"/>
        <source>МО</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="347"/>
        <source>Отвечено</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="350"/>
        <source>Доля в срок</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="359"/>
        <source>Не направлено</source>
        <translation>Not routed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="129"/>
        <source>Старший смены</source>
        <translation>Shift supervisor</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="130"/>
        <source>Сотрудник МО</source>
        <translation>Municipal officer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="131"/>
        <source>Тренер</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="134"/>
        <source>Войти как: </source>
        <translation>Sign in as: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="15"/>
        <source>Взять в работу</source>
        <extracomment>One per MutationType (tests/ui/test_code_labels.py walks them all).</extracomment>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="16"/>
        <location filename="../../cur_desktop/ui/main_actions.py" line="27"/>
        <source>Вернуть в очередь</source>
        <translation>Return to queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="17"/>
        <source>Назначить</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="18"/>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="47"/>
        <source>Сменить статус</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="19"/>
        <source>Сменить сферу</source>
        <translation>Change sector</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="20"/>
        <source>Передать в другое МО</source>
        <translation>Transfer to another municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="21"/>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="55"/>
        <location filename="../../cur_desktop/ui/main_actions.py" line="31"/>
        <source>Направить в ведомство</source>
        <translation>Route to agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="179"/>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="333"/>
        <location filename="../../cur_desktop/ui/code_labels.py" line="22"/>
        <source>Ответ</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="23"/>
        <location filename="../../cur_desktop/ui/menu_bar.py" line="42"/>
        <source>Согласовать ответ</source>
        <translation>Approve reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="24"/>
        <source>Вернуть ответ</source>
        <translation>Return reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="25"/>
        <location filename="../../cur_desktop/ui/code_labels.py" line="44"/>
        <location filename="../../cur_desktop/ui/main_actions.py" line="35"/>
        <source>Заметка</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="32"/>
        <source>Конфликт</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="74"/>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="33"/>
        <source>Отклонено</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="49"/>
        <source>Применить снова</source>
        <translation>Apply again</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="50"/>
        <source>Отбросить</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="58"/>
        <source>Правки, которые сервер не принял. Ваш текст сохранён: примените его снова или отбросьте.</source>
        <translation>Changes the server did not accept. Your text is kept: apply it again or discard it.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/dialogs.py" line="103"/>
        <source>Заполните обязательные поля</source>
        <translation>Fill in the required fields</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="31"/>
        <location filename="../../cur_desktop/ui/code_labels.py" line="32"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="198"/>
        <source>Поступило</source>
        <extracomment>One per event kind the server records (the test finds them in cur_server&apos;s source).</extracomment>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="33"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="338"/>
        <source>Взято в работу</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="34"/>
        <source>Возвращено в очередь</source>
        <translation>Returned to queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="35"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="54"/>
        <source>Назначено</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="36"/>
        <source>Статус изменён</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="37"/>
        <source>Сфера/рубрика изменена</source>
        <translation>Sector/category changed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="38"/>
        <source>Передано в другое МО</source>
        <translation>Transferred to another municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="39"/>
        <location filename="../../cur_desktop/ui/code_labels.py" line="69"/>
        <source>Направлено в ведомство</source>
        <translation>Routed to agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="40"/>
        <source>Добавлен ответ</source>
        <translation>Reply added</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="41"/>
        <source>Ответ опубликован</source>
        <translation>Reply published</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="42"/>
        <source>Ответ согласован</source>
        <translation>Reply approved</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="43"/>
        <source>Ответ возвращён на доработку</source>
        <translation>Reply returned for revision</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="237"/>
        <source>Вз&amp;ять</source>
        <translation>&amp;Take</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="238"/>
        <source>Вернуть в о&amp;чередь</source>
        <translation>Back to &amp;queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="239"/>
        <source>Отв&amp;етить</source>
        <translation>&amp;Reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="240"/>
        <source>&amp;Направить…</source>
        <translation>Ro&amp;ute…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="241"/>
        <source>Сфер&amp;а…</source>
        <translation>Se&amp;ctor…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="242"/>
        <source>Стат&amp;ус…</source>
        <translation>St&amp;atus…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="243"/>
        <source>Отк&amp;лонить…</source>
        <translation>Re&amp;ject…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="244"/>
        <source>&amp;Заметка…</source>
        <translation>N&amp;ote…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="45"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="190"/>
        <source>Автор</source>
        <extracomment>(action name, incident id): claim, release, reply, route, category, status, reject, note the signed-in user&apos;s role: supervisors may change a colleague&apos;s case, others not who holds the shown incident when it is a colleague (not the user), else None</extracomment>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="46"/>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="47"/>
        <source>Ждёт</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="73"/>
        <location filename="../../cur_desktop/ui/formats.py" line="86"/>
        <source>{d} дн {h} ч</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="75"/>
        <location filename="../../cur_desktop/ui/formats.py" line="88"/>
        <source>{h} ч {m} мин</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="85"/>
        <source>Вернуть на доработку</source>
        <translation>Return for rework</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="184"/>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="332"/>
        <source>Согласовать</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="195"/>
        <source>Вернуть…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="260"/>
        <source>Ждут согласования: {n}</source>
        <translation>Waiting for approval: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="123"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="191"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="52"/>
        <source>Канал</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="192"/>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="193"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="51"/>
        <source>Муниципалитет</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="194"/>
        <source>Сфера / рубрика</source>
        <translation>Sector / category</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="195"/>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="70"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="49"/>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="30"/>
        <source>Важность</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="341"/>
        <location filename="../../cur_desktop/ui/finding_text.py" line="27"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="196"/>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="31"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="137"/>
        <source>Ведомство</source>
        <extracomment>The mark of a suggested entry in a choice list.</extracomment>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="48"/>
        <source>Передача смены</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="11"/>
        <source>Не заполнено поле {field}</source>
        <translation>Field {field} is not filled in</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="12"/>
        <source>Ответ короче {n} знаков</source>
        <translation>The reply is shorter than {n} characters</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="13"/>
        <source>Отписка: «{phrase}» без сути ответа</source>
        <translation>Brush-off: “{phrase}” with no substance</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="14"/>
        <source>В окончательном ответе не названо действие</source>
        <translation>The final reply names no action</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="15"/>
        <source>В окончательном ответе не назван срок или дата</source>
        <translation>The final reply names no deadline or date</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="16"/>
        <source>Дата {date} уже прошла: укажите срок не раньше сегодняшнего дня</source>
        <translation>The date {date} has passed: give a deadline no earlier than today</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="17"/>
        <source>Возможна опечатка: «{word}»</source>
        <translation>Possible typo: “{word}”</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="23"/>
        <source>Имя заявителя</source>
        <extracomment>Tried in this order after the application&apos;s own face. The same file the PDF reports embed (cur_desktop/reports/fonts.py), without loading reportlab. The placeholders&apos; names in the UI&apos;s language, one per models/templates.KNOWN_PLACEHOLDERS (tests/ui/test_english_ui.py checks the two agree).</extracomment>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="24"/>
        <source>Имя заявителя (кому)</source>
        <translation>Applicant&apos;s name (to whom)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="25"/>
        <source>Обращение к заявителю</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="28"/>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59"/>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="31"/>
        <source>Срок</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="29"/>
        <source>Номер обращения</source>
        <translation>Incident number</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="31"/>
        <source>Муниципальное образование</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59"/>
        <source>До</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="60"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="197"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="53"/>
        <source>Исполнитель</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="70"/>
        <source>Что важно знать следующей смене</source>
        <translation>What the next shift should know</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="77"/>
        <source>Записать для следующей смены</source>
        <translation>Save for the next shift</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="120"/>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="79"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="92"/>
        <source>Новая запись:</source>
        <translation>New note:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="111"/>
        <source>Нет связи с сервером: передачу смены сейчас не получить.</source>
        <translation>No connection to the server: the shift handover cannot be loaded now.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="118"/>
        <source>Напишите текст записи</source>
        <translation>Write the text of the note</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="129"/>
        <source>Запись не сохранена: нет связи с сервером. Текст остался, попробуйте ещё раз.</source>
        <translation>The note was not saved: no connection to the server. The text is kept; try again.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="142"/>
        <source>Записей о передаче смены ещё нет.</source>
        <translation>No handover notes yet.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="147"/>
        <source>Последняя запись: {who}, {when}</source>
        <translation>Latest note: {who}, {when}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="153"/>
        <source>Под угрозой и просрочено сейчас: {n}</source>
        <translation>At risk and overdue now: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="45"/>
        <location filename="../../cur_desktop/ui/code_labels.py" line="46"/>
        <source>Ответ оценён старшим смены</source>
        <translation>Answer reviewed by the shift supervisor</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="199"/>
        <source>Первый ответ до</source>
        <translation>First answer due</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="200"/>
        <source>Окончательный ответ до</source>
        <translation>Final answer due</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="201"/>
        <source>Вложения</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="28"/>
        <source>Ответить</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="33"/>
        <source>Статус…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="34"/>
        <source>Отклонить…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="264"/>
        <source>Сообщение</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="270"/>
        <source>История</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="282"/>
        <location filename="../../cur_desktop/ui/main_actions.py" line="74"/>
        <source>Выберите обращение в очереди</source>
        <translation>Select an incident in the queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="301"/>
        <source>Аноним</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="165"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="316"/>
        <source>не назначено</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="372"/>
        <source>система</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="372"/>
        <source> (не отправлено)</source>
        <translation> (not sent)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="16"/>
        <source>промежуточный</source>
        <translation>interim</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="17"/>
        <source>окончательный</source>
        <translation>final</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="18"/>
        <source>уточнение</source>
        <translation>clarification</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="21"/>
        <source>черновик</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="22"/>
        <source>на согласовании</source>
        <translation>awaiting approval</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="23"/>
        <source>согласован</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="24"/>
        <source>возвращён на доработку</source>
        <translation>returned for rework</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="25"/>
        <source>опубликован</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="121"/>
        <source>сотрудник №{id}</source>
        <extracomment>Official municipality names shortened the way Russian documents abbreviate them, for narrow columns: «городской округ город Рязань» → «г. Рязань», «Шиловский муниципальный район» → «Шиловский р-н». The part that tells them apart comes first.</extracomment>
        <translation>staff member #{id}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="71"/>
        <location filename="../../cur_desktop/ui/labels.py" line="140"/>
        <source>Высокая</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="71"/>
        <location filename="../../cur_desktop/ui/labels.py" line="141"/>
        <source>Обычная</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="63"/>
        <source>Вход — ЦУР</source>
        <translation>Sign in — RMC</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="71"/>
        <source>Вход по учебному коду</source>
        <translation>Sign in with a training code</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="75"/>
        <source>Фамилия Имя Отчество</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="77"/>
        <source>Запомнить вход (в хранилище паролей ОС)</source>
        <translation>Remember sign-in (in the OS password store)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="97"/>
        <source>Работать офлайн</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="102"/>
        <source>Войти</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="114"/>
        <source>Сервер</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="117"/>
        <source>Пользователь</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="118"/>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="120"/>
        <source>Учебный код</source>
        <translation>Training code</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="121"/>
        <source>Ваше имя</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="204"/>
        <source>Вход…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="235"/>
        <source>Можно работать офлайн с последним профилем.</source>
        <translation>You can work offline with the last profile.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="264"/>
        <source>Открываю локальный профиль…</source>
        <translation>Opening the local profile…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="25"/>
        <source>Взять следующее</source>
        <translation>Take next</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="26"/>
        <source>Взять выбранное</source>
        <translation>Take selected</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="29"/>
        <source>Отправить ответ</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="30"/>
        <source>Следующий вид ответа</source>
        <translation>Next reply kind</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="32"/>
        <source>Сфера и рубрика…</source>
        <translation>Sector and category…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="36"/>
        <source>Поиск</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="37"/>
        <source>Синхронизировать</source>
        <translation>Synchronize</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="39"/>
        <source>К очереди</source>
        <translation>Go to queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="40"/>
        <source>Крупнее</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="41"/>
        <source>Мельче</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="42"/>
        <source>Обычный размер</source>
        <translation>Normal text size</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="43"/>
        <source>Настройки…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="44"/>
        <source>Выйти…</source>
        <translation>Sign out…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="45"/>
        <source>Закрыть программу</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="78"/>
        <source>«{action}» сейчас недоступно для этого обращения</source>
        <translation>“{action}” is not available for this incident now</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="116"/>
        <source>Очередь: {tab}</source>
        <translation>Queue: {tab}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="63"/>
        <source>Клавиши</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="63"/>
        <source>Действие</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="77"/>
        <location filename="../../cur_desktop/ui/main_actions.py" line="46"/>
        <source>Руководство оператора</source>
        <translation>Operator&apos;s guide</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="78"/>
        <location filename="../../cur_desktop/ui/main_actions.py" line="47"/>
        <source>Горячие клавиши</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="77"/>
        <source>ЦУР — рабочее место</source>
        <translation>RMC — Workstation</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="57"/>
        <source>Поиск по тексту (Ctrl+F)</source>
        <translation>Search text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="72"/>
        <source>Сохранённые представления</source>
        <translation>Saved views</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="77"/>
        <source>Сохранить текущее представление</source>
        <translation>Save the current view</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="94"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="95"/>
        <source>Все сферы</source>
        <translation>All sectors</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="53"/>
        <source>Неделя</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="54"/>
        <source>Месяц</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="55"/>
        <source>Квартал</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="128"/>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="490"/>
        <source>Аналитика</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="150"/>
        <location filename="../../cur_desktop/ui/quality_review.py" line="167"/>
        <source>Показать</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="163"/>
        <source>Экспорт в XLSX…</source>
        <translation>Export to XLSX…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="166"/>
        <source>Справка по МО…</source>
        <translation>Municipality brief…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="171"/>
        <source>Период:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="201"/>
        <source>Обзор</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="202"/>
        <source>Секторы × МО</source>
        <translation>Sectors × municipalities</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="203"/>
        <source>Сроки</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="204"/>
        <source>Системные проблемы</source>
        <translation>Systemic problems</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="222"/>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="97"/>
        <source>Все МО</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="222"/>
        <source>Все мои МО</source>
        <translation>All my municipalities</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="292"/>
        <source>Посчитано по локальному кэшу на {t}.</source>
        <translation>Counted from the local cache at {t}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="294"/>
        <source>Данные сервера на {t}.</source>
        <translation>Server data as of {t}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="296"/>
        <source>Период {a} — {b}, сравнение с {c} — {d}.</source>
        <translation>Period {a} — {b}, compared with {c} — {d}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="311"/>
        <source>Нет связи с сервером: цифры посчитаны по локальному кэшу. В нём только ваша зона ответственности и то, что успело синхронизироваться, поэтому они могут быть меньше серверных.</source>
        <translation>No connection to the server: the figures are counted from the local cache. It holds only your area of responsibility and what has been synchronised, so they may be lower than the server&apos;s.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="329"/>
        <source>Нет связи с сервером: аналитика считается на сервере.</source>
        <translation>No connection to the server: analytics are computed on the server.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="330"/>
        <source>Сервер отказал: {m}</source>
        <translation>The server refused: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="332"/>
        <source>Не удалось получить данные: {m}</source>
        <translation>Could not get the data: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="338"/>
        <source>Показаны прежние цифры.</source>
        <translation>The previous figures are shown.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="372"/>
        <source>Сначала загрузите данные за период.</source>
        <translation>Load the data for a period first.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="377"/>
        <source>Экспорт таблиц</source>
        <translation>Export tables</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="379"/>
        <source>Книга Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="389"/>
        <source>Не удалось записать файл: {m}</source>
        <translation>Could not write the file: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="391"/>
        <source>Таблицы сохранены: {p}</source>
        <translation>Tables saved: {p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="400"/>
        <source>Выберите муниципальное образование для справки.</source>
        <translation>Choose a municipality for the brief.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="406"/>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="463"/>
        <source>Справка по МО</source>
        <translation>Municipality brief</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="408"/>
        <source>PDF (*.pdf);;Книга Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="440"/>
        <source>Справка не сформирована: {m}</source>
        <translation>The brief was not made: {m}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="452"/>
        <source>Нет связи с сервером: справка составлена по локальному кэшу и помечена так. Сохранена: {p}</source>
        <translation>No connection to the server: the brief was made from the local cache and is marked as such. Saved: {p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="456"/>
        <source>Справка сохранена: {p}</source>
        <translation>Brief saved: {p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="465"/>
        <source>Справка сохранена:
{p}</source>
        <translation>Brief saved:
{p}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="29"/>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="466"/>
        <source>Открыть папку</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="203"/>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="100"/>
        <source>Все каналы</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="102"/>
        <source>Любой срок</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="348"/>
        <location filename="../../cur_desktop/ui/quality_review.py" line="47"/>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="104"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="33"/>
        <source>В срок</source>
        <extracomment>Symbol + colour: the symbol carries the meaning for colour-blind users, the colour helps everyone else (blue/orange/red-purple are told apart in the common colour-vision deficiencies).</extracomment>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="105"/>
        <location filename="../../cur_desktop/ui/queue_source.py" line="25"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="34"/>
        <source>Под угрозой</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="349"/>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="106"/>
        <location filename="../../cur_desktop/ui/reassign.py" line="66"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="35"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="57"/>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="107"/>
        <source>Действия</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="193"/>
        <source>Представления…</source>
        <translation>Views…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="201"/>
        <source>Сохранить представление</source>
        <translation>Save view</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_filters.py" line="201"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="317"/>
        <source>Действие невозможно</source>
        <translation>Action not possible</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="333"/>
        <source>Свободных обращений нет</source>
        <translation>No unassigned incidents</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="58"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="310"/>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="64"/>
        <source>Сфера и рубрика</source>
        <translation>Sector and category</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="112"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="237"/>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="262"/>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="65"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="50"/>
        <source>Сфера</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="67"/>
        <source>Рубрика</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="67"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="58"/>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="131"/>
        <source>Новый статус</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="79"/>
        <source>Внутренняя заметка</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="80"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="47"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="43"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="138"/>
        <source>Текст</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_flow.py" line="63"/>
        <source>Ответ сохранён и будет отправлен</source>
        <translation>Reply saved and will be sent</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="23"/>
        <source>Обращение изменилось</source>
        <translation>The incident has changed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="25"/>
        <source>Пока вы писали ответ, обращение изменили:</source>
        <translation>While you were writing the reply, the incident was changed:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="26"/>
        <source>Отправить ответ в этом виде?</source>
        <translation>Send the reply as it is?</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="28"/>
        <source>Отправить</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/send_check.py" line="29"/>
        <source>Вернуться к ответу</source>
        <translation>Back to the reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/deadline_watch.py" line="31"/>
        <source>Срок под угрозой</source>
        <translation>Deadline at risk</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/deadline_watch.py" line="32"/>
        <source>Срок нарушен</source>
        <translation>Deadline missed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="44"/>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="107"/>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="43"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="134"/>
        <source>Номер</source>
        <extracomment>What identifies a view&apos;s rows on the current data (see QueueService.view_key), or None.</extracomment>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="44"/>
        <source>Срок ответа</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="59"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="48"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="136"/>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="29"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="54"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="135"/>
        <source>Получено</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="370"/>
        <source>Есть изменения, ещё не отправленные на сервер</source>
        <extracomment>Which cache sort key each column sorts by. Columns whose whole text is the tooltip (a long excerpt, sector or municipality is cut). Where a row keeps its display texts once computed (the SLA column&apos;s changes every beat). Dragged queue rows: the incident ids, comma-separated (dropped on the team board).</extracomment>
        <translation>Has changes not yet sent to the server</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="23"/>
        <source>Мои</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_tabs.py" line="357"/>
        <location filename="../../cur_desktop/ui/queue_source.py" line="24"/>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="107"/>
        <source>Без исполнителя</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="26"/>
        <source>Просрочены</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="27"/>
        <source>Все</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="52"/>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="68"/>
        <source>Промежуточный</source>
        <translation>Interim</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="53"/>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="69"/>
        <source>Окончательный</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="80"/>
        <source>Ответить всем обращениям группы ({n})</source>
        <translation>Answer all incidents of the group ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="97"/>
        <source>Этот срок получат все ответы группы</source>
        <translation>Every reply of the group gets this date</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="107"/>
        <source>Текст ответа</source>
        <translation>Reply text</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="107"/>
        <source>Замечания</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="133"/>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="293"/>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="96"/>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="149"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="145"/>
        <source>Срок для всех ответов:</source>
        <translation>Date for all replies:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="148"/>
        <source>Шаблон:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="228"/>
        <source>Нет шаблонов этого вида для группы.</source>
        <translation>No templates of this kind for the group.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="249"/>
        <source>✔ будет отправлен</source>
        <translation>✔ will be sent</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="258"/>
        <source>Будет отправлено ответов: {n}.</source>
        <translation>Replies to be sent: {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="260"/>
        <source>Пропущено: {m} (причины в таблице).</source>
        <translation>Skipped: {m} (reasons in the table).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="264"/>
        <source>Отправить ответы ({n})</source>
        <translation>Send replies ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="70"/>
        <source>Уточнение</source>
        <translation>Clarification</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="159"/>
        <source>Поиск шаблона…</source>
        <extracomment>The server&apos;s today (the workstation clock): dates before it block sending.</extracomment>
        <translation>Search templates…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="175"/>
        <source>Текст ответа заявителю</source>
        <translation>Reply text to the citizen</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="141"/>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="228"/>
        <source>Вид ответа:</source>
        <translation>Reply type:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="196"/>
        <source>Отп&amp;равить (Ctrl+Enter)</source>
        <translation>Se&amp;nd (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="269"/>
        <source>Проверка орфографии выключена: {reason}</source>
        <translation>Spelling check is off: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="315"/>
        <source>Ответ уйдёт старшему смены на согласование перед публикацией.</source>
        <extracomment>The incident&apos;s version the user started writing on (see `changes_by_others`).</extracomment>
        <translation>The reply will go to the shift supervisor for approval before publication.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="337"/>
        <source>без комментария</source>
        <translation>no comment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="338"/>
        <source>Старший смены вернул ответ на доработку: {comment}</source>
        <translation>The shift supervisor returned the reply for rework: {comment}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="489"/>
        <source>Enter — вставить этот текст в ответ</source>
        <translation>Enter inserts this text into the reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="499"/>
        <source>В ответе уже есть ваш текст. Enter ещё раз — заменить его этим шаблоном.</source>
        <translation>The reply already has your text. Press Enter again to replace it with this template.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="539"/>
        <source>Орфография: {n}</source>
        <translation>Spelling: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="541"/>
        <source>✓ Проверки пройдены</source>
        <translation>✓ Checks passed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="603"/>
        <source>Нет вариантов</source>
        <translation>No suggestions</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="656"/>
        <source>Не отправлено: выберите обращение в очереди</source>
        <translation>Not sent: choose an incident in the queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="658"/>
        <source>Не отправлено: ответ пуст</source>
        <translation>Not sent: the reply is empty</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="660"/>
        <source>проверки не пройдены</source>
        <translation>the checks did not pass</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="662"/>
        <source>(и ещё {n})</source>
        <translation>(and {n} more)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="663"/>
        <source>Не отправлено: {reason}</source>
        <translation>Not sent: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="576"/>
        <source>Пропустить «{word}»</source>
        <translation>Ignore “{word}”</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="96"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="36"/>
        <source>Завершено</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="46"/>
        <source>{d} р.д. {h} ч</source>
        <translation>{d} w.d. {h} h</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="48"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="71"/>
        <source>{h} ч {m:02d} мин</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="122"/>
        <source>просрочено с {moment}</source>
        <translation>overdue since {moment}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="76"/>
        <location filename="../../cur_desktop/ui/formats.py" line="89"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="49"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="72"/>
        <source>{m} мин</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="120"/>
        <source>просрочено на {span}</source>
        <translation>overdue by {span}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="24"/>
        <source>На связи</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="27"/>
        <source>Нет связи с сервером — работа продолжается локально</source>
        <translation>No connection to the server — working locally</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="30"/>
        <source>Синхронизация…</source>
        <translation>Synchronizing…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="31"/>
        <source>Ошибка синхронизации</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="30"/>
        <location filename="../../cur_desktop/ui/status_bar.py" line="126"/>
        <source>отправлено</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="127"/>
        <source>получено</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="130"/>
        <source>К отправке: {n}</source>
        <translation>To send: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="136"/>
        <source>никогда</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="137"/>
        <source>Синхронизировано: {when}</source>
        <translation>Synchronized: {when}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="178"/>
        <source>Часы компьютера расходятся с сервером на {span} — сроки показаны по времени сервера</source>
        <translation>The computer&apos;s clock is {span} off the server&apos;s — deadlines are shown by the server&apos;s time</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="34"/>
        <source>просматривает</source>
        <extracomment>A run of text with no space longer than this may be broken (a URL, a long file name).</extracomment>
        <translation>viewing</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="35"/>
        <source>пишет ответ</source>
        <translation>writing a reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="36"/>
        <source>не активен</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/presence.py" line="55"/>
        <source>Также открыто: {who}</source>
        <extracomment>Typing counts as «writing» for this long after the last keystroke.</extracomment>
        <translation>Also open by: {who}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="44"/>
        <source>Вежливо</source>
        <translation>Polite</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="45"/>
        <source>Конкретные действия и сроки</source>
        <translation>Concrete actions and dates</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="46"/>
        <source>Верное ведомство</source>
        <translation>Correct agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="48"/>
        <source>Без отписки</source>
        <translation>No brush-off</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="66"/>
        <source>Оценка качества ответа</source>
        <extracomment>Statuses in which an incident has a published answer to score.</extracomment>
        <translation>Reply quality review</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="80"/>
        <source>Опубликованного ответа нет</source>
        <translation>No published reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="108"/>
        <source>Комментарий (необязательно)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="170"/>
        <source>С</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="172"/>
        <source>по</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="179"/>
        <source>Оценено</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="180"/>
        <source>Итог</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="205"/>
        <source>Не удалось получить оценки: {error}</source>
        <translation>Could not load the reviews: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="210"/>
        <source>Оценено ответов за период: {n}</source>
        <translation>Replies reviewed in the period: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="58"/>
        <source>Назначить обращения</source>
        <extracomment>Who may be given cases: those who handle the queue. The row value for «снять назначение» (None is «nothing chosen»).</extracomment>
        <translation>Assign incidents</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="61"/>
        <source>Выбрано обращений: {n}</source>
        <translation>Incidents selected: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="94"/>
        <source>— снять назначение —</source>
        <translation>— unassign —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="30"/>
        <source>Назначить…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="31"/>
        <source>Оценить ответ…</source>
        <translation>Review reply…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="32"/>
        <source>Передача смены…</source>
        <translation>Shift handover…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="58"/>
        <source>Команда смены</source>
        <translation>Shift team</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="59"/>
        <source>Согласование</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="60"/>
        <source>Качество ответов</source>
        <translation>Reply quality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/help_dialog.py" line="55"/>
        <source>Справка</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="130"/>
        <source>Выберите обращения в очереди</source>
        <translation>Select incidents in the queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="157"/>
        <source>Снято назначение с обращений: {n}</source>
        <translation>Unassigned incidents: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="159"/>
        <source>Назначено обращений: {n} — {who}</source>
        <translation>Incidents assigned: {n} — {who}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="150"/>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="193"/>
        <source>Оценить можно только обращение с опубликованным ответом</source>
        <translation>Only an incident with a published reply can be reviewed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/supervisor_console.py" line="206"/>
        <source>Оценка сохранена и будет отправлена</source>
        <translation>The review is saved and will be sent</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/finding_text.py" line="26"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="40"/>
        <source>Адрес</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="88"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="151"/>
        <source>Всплески</source>
        <translation>Spikes</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="94"/>
        <source>Обычно в неделю</source>
        <translation>Usual per week</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="95"/>
        <source>Рост</source>
        <translation>Growth</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="102"/>
        <source>Группы похожих</source>
        <translation>Similar groups</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="104"/>
        <source>Признак</source>
        <translation>Grouped by</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="106"/>
        <source>Адрес или текст</source>
        <translation>Address or text</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="65"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="108"/>
        <source>Открыто</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="50"/>
        <source>Всплеск: за неделю (с понедельника) не меньше {min_count} обращений одной рубрики в одном МО и в {factor} раза больше среднего за {weeks} пред. недель</source>
        <translation>Spike: at least {min_count} incidents of one rubric in one municipality in a week (from Monday), {factor} times the weekly average of the previous {weeks} weeks</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="63"/>
        <source>Группа: не меньше {min_size} обращений за период в одном МО с одним адресом в одной отрасли или с одинаковым текстом</source>
        <translation>Group: at least {min_size} incidents in the period in one municipality with one address in one sector, or with the same text (the same significant words, whatever their order, form, case and punctuation)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="109"/>
        <source>Первое</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="110"/>
        <source>Последнее</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="115"/>
        <source>Направить все…</source>
        <translation>Route all…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="117"/>
        <source>Направить все обращения группы в одно ведомство</source>
        <translation>Route all incidents of the group to one agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="122"/>
        <source>Ответить всем шаблоном…</source>
        <translation>Answer all with a template…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="126"/>
        <source>Ответить на каждое обращение группы по одному шаблону, с его данными</source>
        <translation>Answer every incident of the group with one template, filled with its own data</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="132"/>
        <source>Обращения</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="146"/>
        <source>Выберите всплеск или группу, чтобы увидеть обращения.</source>
        <translation>Choose a spike or a group to see its incidents.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="147"/>
        <source>Открыть в главном окне</source>
        <translation>Open in the main window</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="155"/>
        <source>Группы похожих обращений</source>
        <translation>Groups of similar incidents</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="239"/>
        <source>Всплеск: {mun}, {topic}, неделя с {week}</source>
        <translation>Spike: {mun}, {topic}, week from {week}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="357"/>
        <source>Ответов поставлено в очередь: {n}; уйдут на сервер при синхронизации.</source>
        <translation>Replies queued: {n}; they will go to the server on synchronisation.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="361"/>
        <source>Пропущено: {m}.</source>
        <translation>Skipped: {m}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="155"/>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="264"/>
        <source>Группа: {key}</source>
        <translation>Group: {key}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="274"/>
        <source>обращений в кэше: {n}</source>
        <translation>incidents in the cache: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="306"/>
        <source>Направить все обращения группы ({n})</source>
        <translation>Route all incidents of the group ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="331"/>
        <source>Направлено обращений: {n}; уйдут на сервер при синхронизации.</source>
        <translation>Incidents routed: {n}; they go to the server with the next sync.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/systemic_view.py" line="335"/>
        <source>Пропущено (уже с ответом, закрыто или уже там): {n}.</source>
        <translation>Skipped (already answered, closed or already there): {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="45"/>
        <source>В сети</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="46"/>
        <source>Отошёл</source>
        <translation>Away</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="47"/>
        <source>Не в сети</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="65"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="51"/>
        <source>Сотрудник</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="65"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="52"/>
        <source>Присутствие</source>
        <translation>Presence</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="68"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="55"/>
        <source>В работе</source>
        <translation>In work</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="53"/>
        <source>Открыто
сейчас</source>
        <translation>Open
now</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="81"/>
        <location filename="../../cur_desktop/ui/team_board.py" line="48"/>
        <source>Нет данных</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="56"/>
        <source>Под
угрозой</source>
        <translation>At
risk</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="58"/>
        <source>Ответов
сегодня</source>
        <translation>Answered
today</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="59"/>
        <source>Медиана
1-го ответа</source>
        <translation>Median
1st answer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="163"/>
        <source>Перетащите строки очереди на сотрудника, чтобы назначить их ему.</source>
        <translation>Drag queue rows onto a staff member to assign them.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="231"/>
        <source>Нет связи с сервером: показано по локальному кэшу на {time} (ваша зона, что успело синхронизироваться; присутствие неизвестно).</source>
        <translation>No connection to the server: shown from the local cache at {time} (your area, as far as synchronised; presence unknown).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="235"/>
        <source>Обновлено в {time}</source>
        <translation>Updated at {time}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="238"/>
        <source>Нет связи с сервером: данных о смене пока нет.</source>
        <translation>No connection to the server: no shift data yet.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="242"/>
        <source>Нет связи с сервером: показаны данные на {time}.</source>
        <translation>No connection to the server: figures as of {time}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="255"/>
        <source>Без исполнителя: {n}, под угрозой {risk}, просрочено {late}</source>
        <translation>Unassigned: {n}, at risk {risk}, overdue {late}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/team_board.py" line="280"/>
        <source>Последняя активность: {when}</source>
        <translation>Last activity: {when}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="36"/>
        <source>строка {0}</source>
        <translation>line {0}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="68"/>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="37"/>
        <source>файл</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="49"/>
        <source>Новое учебное занятие</source>
        <translation>New training session</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="53"/>
        <source>{0} обращений, {1} мин</source>
        <translation>{0} incidents, {1} min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="58"/>
        <source>Из файла…</source>
        <translation>From a file…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="63"/>
        <source>по названию сценария</source>
        <translation>from the scenario title</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="75"/>
        <source>Создать</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="79"/>
        <source>Сценарий</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="81"/>
        <source>Название</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="82"/>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="84"/>
        <source>Скорость</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="90"/>
        <source>Файл сценария</source>
        <translation>Scenario file</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="90"/>
        <source>Сценарии (*.yaml *.yml)</source>
        <translation>Scenarios (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="102"/>
        <source>Файл не прочитан: </source>
        <translation>File not read: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="125"/>
        <source>Коды для входа слушателей</source>
        <translation>Sign-in codes for trainees</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_dialogs.py" line="126"/>
        <source>Раздайте по одному коду каждому слушателю. Коды показываются один раз.</source>
        <translation>Give one code to each trainee. The codes are shown only once.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="20"/>
        <source>идёт</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="160"/>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="21"/>
        <source>под угрозой</source>
        <translation>at risk</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/handover_dialog.py" line="159"/>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="22"/>
        <source>просрочено</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="23"/>
        <source>в срок</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="24"/>
        <source>с нарушением</source>
        <translation>missed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="28"/>
        <source>Обращение</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="32"/>
        <source>Поступило, мин</source>
        <translation>Arrived, min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="33"/>
        <source>Ответов</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="34"/>
        <source>Черновик ответа</source>
        <translation>Reply draft</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="53"/>
        <source>пишет: {0}</source>
        <extracomment>Characters of a draft shown in the tree; the whole text is in the pane below. A draft its author left unsent for another incident: there, but nobody is writing it.</extracomment>
        <translation>writing: {0}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="54"/>
        <source>{0} пишет: {1}</source>
        <translation>{0} writing: {1}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="56"/>
        <source>не отправлено: {0}</source>
        <translation>not sent: {0}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="57"/>
        <source>{0}, не отправлено: {1}</source>
        <translation>{0}, not sent: {1}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="76"/>
        <source>Выберите обращение, чтобы увидеть ответы слушателя</source>
        <translation>Select an incident to see the trainee&apos;s replies</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="100"/>
        <source>взято {0}, отвечено {1}, направлено {2}, просрочено {3}</source>
        <translation>claimed {0}, answered {1}, routed {2}, overdue {3}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="127"/>
        <source>высокая</source>
        <translation>high</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="128"/>
        <source>обычная</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="158"/>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="163"/>
        <source>, мин {0:.0f}</source>
        <translation>, min {0:.0f}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="166"/>
        <source>{0} пишет сейчас</source>
        <translation>{0} is writing now</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="168"/>
        <source>{0}, черновик не отправлен</source>
        <translation>{0}, draft not sent</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_live.py" line="172"/>
        <source>Ответов по этому обращению пока нет</source>
        <translation>No replies to this incident yet</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="27"/>
        <source>Слушатель</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="28"/>
        <source>Обработано</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="30"/>
        <source>Медиана первого ответа, мин</source>
        <translation>Median first answer, min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="31"/>
        <source>Маршрут верный</source>
        <translation>Routing correct</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="32"/>
        <source>Вид ответа верный</source>
        <translation>Reply kind correct</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="33"/>
        <source>Ключевые факты</source>
        <translation>Key facts</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="34"/>
        <source>Запрещённые фразы</source>
        <translation>Forbidden phrases</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="35"/>
        <source>Ответы с ошибками проверки</source>
        <translation>Replies failing checks</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="36"/>
        <source>Комментарий преподавателя</source>
        <translation>Trainer&apos;s comment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="84"/>
        <source>Обновить</source>
        <extracomment>The trainee&apos;s name column at least this wide; the figures as wide as their longest word.</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="86"/>
        <source>Экспорт в PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="88"/>
        <source>Экспорт в CSV…</source>
        <translation>Export to CSV…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="156"/>
        <source>Двойной щелчок — изменить комментарий</source>
        <translation>Double-click to edit the comment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="169"/>
        <source>Документ PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="170"/>
        <source>Таблица CSV (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_scorecard.py" line="170"/>
        <source>Сохранить оценочный лист</source>
        <translation>Save the scorecard</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="44"/>
        <source>Учебные занятия — ЦУР</source>
        <translation>Training sessions — CUR</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="50"/>
        <source>Занятие</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="59"/>
        <source>Новое занятие…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="61"/>
        <source>Добавить слушателей…</source>
        <translation>Add trainees…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="62"/>
        <source>Выдать коды…</source>
        <translation>Issue codes…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="73"/>
        <source>Начать</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="95"/>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="74"/>
        <source>Пауза</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="70"/>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="75"/>
        <source>Продолжить</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="76"/>
        <source>Завершить</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="66"/>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="100"/>
        <source>Ход занятия</source>
        <translation>Live view</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="101"/>
        <source>Оценочный лист</source>
        <translation>Scorecard</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="160"/>
        <source>Занятие не выбрано: создайте новое</source>
        <translation>No session chosen: create a new one</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="172"/>
        <source>слушателей: {0}, выдано обращений: {1} из {2}</source>
        <translation>trainees: {0}, incidents released: {1} of {2}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="247"/>
        <source>Добавить слушателей</source>
        <translation>Add trainees</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="248"/>
        <source>Учётные записи слушателей через запятую:</source>
        <translation>Trainee accounts, separated by commas:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="261"/>
        <source>Слушатели добавлены</source>
        <translation>Trainees added</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="265"/>
        <source>Выдать коды</source>
        <translation>Issue codes</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="266"/>
        <source>Сколько одноразовых кодов выдать:</source>
        <translation>How many one-time codes to issue:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="322"/>
        <source>Комментарий сохранён</source>
        <translation>Comment saved</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="334"/>
        <source>Файл не сохранён: </source>
        <translation>File not saved: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/trainer_window.py" line="336"/>
        <source>Оценочный лист сохранён: </source>
        <translation>Scorecard saved: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/session_line.py" line="14"/>
        <source>занятие ещё не назначено</source>
        <translation>no session assigned yet</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/session_line.py" line="16"/>
        <source>{0} из {1} мин</source>
        <translation>{0} of {1} min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="57"/>
        <location filename="../../cur_desktop/ui/training_mode.py" line="115"/>
        <source>Учебный режим</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="80"/>
        <source>Учебный режим — обращения ненастоящие, ответы никуда не уходят</source>
        <translation>Training mode — the incidents are not real, replies go nowhere</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="139"/>
        <source>Учебные занятия</source>
        <translation>Training sessions</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="36"/>
        <source>Локальная копия была повреждена</source>
        <translation>The local copy was damaged</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="37"/>
        <source>Локальная копия была создана более новой версией программы</source>
        <translation>The local copy was made by a newer version of the program</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="38"/>
        <source>Локальная копия не найдена</source>
        <translation>The local copy was not found</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="46"/>
        <source>она заполняется заново с сервера (без связи — как только сервер станет доступен).</source>
        <translation>it is being filled again from the server (when offline, as soon as the server is reachable).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="47"/>
        <source>Неотправленных изменений сохранено: {n}, они будут отправлены.</source>
        <translation>Unsent changes kept: {n}; they will be sent.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="58"/>
        <source>Черновиков сохранено: {n}.</source>
        <translation>Drafts kept: {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="61"/>
        <source>Повреждённый файл сохранён для службы поддержки: {path}</source>
        <translation>The damaged file is kept for support: {path}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="163"/>
        <location filename="../../cur_desktop/ui/status_bar.py" line="166"/>
        <location filename="../../cur_desktop/ui/status_bar.py" line="169"/>
        <source>Локальная копия восстановлена</source>
        <translation>Local copy restored</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/link_warning.py" line="28"/>
        <source>⚠ Соединение не защищено (http://): пароль и обращения видны в сети</source>
        <translation>⚠ The connection is not secure (http://): the password and messages can be read on the network</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/link_warning.py" line="33"/>
        <source>Попросите администратора включить HTTPS на сервере и входите по адресу https://</source>
        <translation>Ask the administrator to enable HTTPS on the server and sign in at an https:// address</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="109"/>
        <source>Подключение…</source>
        <translation>Connection…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="51"/>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="91"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="52"/>
        <source>ЦУР: рабочее место оператора</source>
        <translation>CUR: operator workstation</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="60"/>
        <source>доступна новая версия {version}</source>
        <translation>version {version} is available</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="67"/>
        <source>Версия:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="68"/>
        <source>Сервер:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="69"/>
        <source>Журнал работы:</source>
        <translation>Log folder:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="70"/>
        <source>Локальный кэш:</source>
        <translation>Local cache:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/about_dialog.py" line="76"/>
        <source>В журнале нет паролей, ключей и текстов обращений: его можно передать в техническую поддержку.</source>
        <translation>The log holds no passwords, keys or citizens&apos; messages: it can be sent to technical support.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="574"/>
        <source>Поиск вариантов…</source>
        <translation>Looking for suggestions…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="149"/>
        <source>Доступна новая версия программы: {version}</source>
        <translation>A new version of the program is available: {version}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="43"/>
        <source>Подключение к серверу — ЦУР</source>
        <translation>Connection to the server — CUR</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="50"/>
        <source>файл .pem, если ИТ-отдел его выдал</source>
        <translation>a .pem file, if IT gave you one</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="51"/>
        <source>Выбрать…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="58"/>
        <source>Проверить соединение</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="79"/>
        <source>Адрес сервера и файл сертификатов сообщает ИТ-отдел. Они запоминаются для вашего профиля.</source>
        <translation>IT gives you the server address and the certificate file. They are remembered for your profile.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="84"/>
        <source>Адрес сервера</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="85"/>
        <source>Сертификаты (CA)</source>
        <translation>Certificates (CA)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="97"/>
        <source>Файл сертификатов</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="99"/>
        <source>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="109"/>
        <source>Проверяю соединение…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/connection_dialog.py" line="121"/>
        <source>Соединение установлено: сервер ЦУР отвечает (версия программы {v})</source>
        <translation>Connected: the CUR server answers (program version {v})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="50"/>
        <source>Фраза-пароль не подходит к локальной копии. Ничего не изменено и не потеряно: введите фразу, заданную при первом входе.</source>
        <translation>The passphrase does not open the local copy. Nothing was changed or lost: enter the passphrase set at the first sign-in.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="88"/>
        <source>Хранилище паролей системы недоступно: локальная копия будет зашифрована этой фразой; её нужно вводить при каждом входе</source>
        <translation>The system password store is unavailable: the local copy will be encrypted with this passphrase; enter it at every sign-in</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="124"/>
        <source>Фраза-пароль</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="125"/>
        <source>Повторите фразу</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="181"/>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="226"/>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="262"/>
        <source>Введите фразу-пароль для локальной копии.</source>
        <translation>Enter the passphrase for the local copy.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="183"/>
        <source>Фразы не совпадают: введите одну и ту же фразу дважды.</source>
        <translation>The passphrases differ: enter the same passphrase twice.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_table.py" line="54"/>
        <source>Ничего не найдено</source>
        <extracomment>The citizen&apos;s text takes the width the other columns leave, but never less than this: on a narrow table the columns after it scroll, the text stays readable.</extracomment>
        <translation>Nothing found</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_table.py" line="56"/>
        <source>Сбросить фильтры</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="24"/>
        <source>Выход</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="27"/>
        <source>Выйти</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="45"/>
        <source>{name}, выйти из учётной записи? Запомненный вход на этом компьютере будет забыт: следующему сотруднику понадобится его собственный пароль.</source>
        <translation>{name}, sign out? The sign-in remembered on this computer will be forgotten: the next person will need their own password.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sign_out.py" line="50"/>
        <source>Неотправленных изменений: {n}. Они сохранены на этом компьютере и будут отправлены при вашем следующем входе.</source>
        <translation>Unsent changes: {n}. They are kept on this computer and will be sent when you next sign in.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/menu_bar.py" line="43"/>
        <source>Вернуть ответ на доработку…</source>
        <translation>Return the reply for rework…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/menu_bar.py" line="87"/>
        <source>Нет ответов, ждущих согласования</source>
        <translation>No replies are waiting for approval</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="47"/>
        <source>Ответ доставлен заявителю</source>
        <translation>Reply delivered to the citizen</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="48"/>
        <source>Ответ не доставлен</source>
        <translation>Reply not delivered</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="49"/>
        <source>Новое сообщение заявителя</source>
        <translation>New message from the citizen</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="29"/>
        <source>в очереди</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="135"/>
        <source>ошибка: {reason}</source>
        <translation>error: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="135"/>
        <source>причина не указана</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_actions.py" line="38"/>
        <location filename="../../cur_desktop/ui/main_docks.py" line="16"/>
        <source>Не принятые сервером правки</source>
        <translation>Changes the server did not accept</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="324"/>
        <source>Неверный период: конец раньше начала.</source>
        <translation>Invalid period: the end is before the start.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/analytics_window.py" line="325"/>
        <source>Неверный период: не длиннее {n} дней.</source>
        <translation>Invalid period: no longer than {n} days.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="53"/>
        <source>Правок, не принятых сервером, сохранено: {n}.</source>
        <translation>Changes the server did not accept, kept: {n}.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="57"/>
        <source>Правка</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="131"/>
        <source>Не принято сервером: {n}</source>
        <translation>Not accepted by the server: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="26"/>
        <source>Оценка ответа</source>
        <translation>Reply review</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="66"/>
        <source>Событие</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="67"/>
        <source>Новое</source>
        <extracomment>The names the models give to statuses, sectors and channels, marked here for the catalogue (lupdate reads only ui/); tests/ui/test_english_ui.py checks each model name is among them.</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="70"/>
        <source>Дан промежуточный ответ</source>
        <translation>Interim answer given</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="71"/>
        <source>Дан ответ</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="72"/>
        <source>Решено</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="73"/>
        <source>Закрыто</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="75"/>
        <source>Возобновлено</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="76"/>
        <source>Здравоохранение</source>
        <translation>Healthcare</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="77"/>
        <source>Образование</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="78"/>
        <source>Дороги</source>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="79"/>
        <source>Транспорт</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="80"/>
        <source>Энергетика</source>
        <translation>Energy</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="81"/>
        <source>ЖКХ</source>
        <translation>Housing and utilities</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="82"/>
        <source>ТКО</source>
        <translation>Solid waste</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="83"/>
        <source>Социальная защита</source>
        <translation>Social protection</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="84"/>
        <source>Прочее</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="85"/>
        <source>ВКонтакте</source>
        <translation>VK</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="86"/>
        <source>Одноклассники</source>
        <translation>Odnoklassniki</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="87"/>
        <source>Комментарий в госпаблике</source>
        <translation>Comment on a government page</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="88"/>
        <source>Госуслуги. Решаем вместе (ПОС)</source>
        <translation>Gosuslugi. Solving Together (POS)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="89"/>
        <source>Чат-бот</source>
        <translation>Chat bot</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="90"/>
        <source>Электронная почта</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="93"/>
        <source>Готово к началу</source>
        <translation>Ready to start</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="94"/>
        <source>Идёт</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="114"/>
        <location filename="../../cur_desktop/ui/code_labels.py" line="128"/>
        <source>другой статус</source>
        <extracomment>code → the workstation&apos;s own name, for the codes it knows (the server sends codes; the names it sends too are used only for codes a newer server added).</extracomment>
        <translation>another status</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="129"/>
        <source>Обращение уже в работе у другого сотрудника</source>
        <extracomment>Why the server refused or set aside an edit, by its code (MutationResult.error). The server words the reason in Russian, often with a name or a status in it: a Russian UI shows that; another language shows these, which say the same without the particulars.</extracomment>
        <translation>A colleague is already working on the incident</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="130"/>
        <source>Обращение изменил другой сотрудник, пока вы с ним работали</source>
        <translation>A colleague changed the incident while you were working on it</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="131"/>
        <source>Обращение не найдено</source>
        <translation>Incident not found</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="132"/>
        <source>Такая смена статуса не разрешена</source>
        <translation>This status change is not allowed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="133"/>
        <source>Обращение уже обработано</source>
        <translation>The incident has already been dealt with</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="134"/>
        <source>Это может только старший смены</source>
        <translation>Only a shift supervisor can do this</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="135"/>
        <source>Этому сотруднику обращение назначить нельзя</source>
        <translation>The incident cannot be assigned to this person</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="136"/>
        <source>Укажите ведомство: используйте действие «Направить»</source>
        <translation>Name the agency: use the “Route” action</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="137"/>
        <source>Укажите причину отклонения</source>
        <translation>Give the reason for rejection</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="138"/>
        <source>Опишите, что сделано: одного ответа мало для «Решено»</source>
        <translation>Describe what was done: an answer alone is not enough for “Resolved”</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="139"/>
        <source>Сначала опубликуйте ответ</source>
        <translation>Publish an answer first</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="140"/>
        <source>Рубрика не относится к выбранной сфере</source>
        <translation>The rubric does not belong to the chosen sector</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="141"/>
        <source>Такого муниципального образования нет в справочнике</source>
        <translation>No such municipality in the reference data</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="142"/>
        <source>Такого ведомства нет в справочнике</source>
        <translation>No such agency in the reference data</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="143"/>
        <source>Нужно согласование старшего смены</source>
        <translation>A shift supervisor&apos;s approval is needed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="144"/>
        <source>В ответе не заполнены поля шаблона</source>
        <translation>The reply has template fields left unfilled</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="145"/>
        <location filename="../../cur_desktop/ui/problem_text.py" line="29"/>
        <source>Сначала возьмите обращение в работу</source>
        <translation>Take the incident first</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="146"/>
        <source>Текст ответа пуст</source>
        <translation>The reply is empty</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="147"/>
        <source>Такого шаблона нет</source>
        <translation>No such template</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="148"/>
        <source>У обращения нет такого ответа</source>
        <translation>The incident has no such reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="149"/>
        <source>Ответ не ждёт согласования</source>
        <translation>The reply is not awaiting approval</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="151"/>
        <source>Свой ответ оценивает другой старший смены</source>
        <translation>Another shift supervisor reviews your own answer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="152"/>
        <source>Повтор чужой правки отклонён</source>
        <translation>A repeat of someone else&apos;s edit was refused</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="163"/>
        <source>Сервер не принял правку</source>
        <translation>The server did not accept the edit</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="432"/>
        <source>другого сотрудника</source>
        <translation>another employee</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="432"/>
        <source>В работе у {name}</source>
        <translation>Held by {name}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="51"/>
        <source>Укажите конкретный срок</source>
        <extracomment>Ready-made comments for a returned reply: what supervisors write most often.</extracomment>
        <translation>Give a definite date</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="52"/>
        <source>Напишите, что именно будет сделано</source>
        <translation>Say what exactly will be done</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="53"/>
        <source>Ответ не по существу обращения</source>
        <translation>The answer misses the point of the complaint</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="54"/>
        <source>Проверьте ведомство</source>
        <translation>Check the agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="55"/>
        <source>Исправьте ошибки и опечатки</source>
        <translation>Fix mistakes and typos</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="56"/>
        <source>Смягчите тон ответа</source>
        <translation>Soften the tone of the answer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="100"/>
        <source>Что ещё исправить в ответе</source>
        <translation>What else to fix in the answer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="109"/>
        <source>Комментарий автору (обязательно) *:</source>
        <translation>Comment for the author (required) *:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="134"/>
        <source>Отметьте замечание или напишите, что исправить</source>
        <translation>Tick a remark or write what to fix</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="178"/>
        <location filename="../../cur_desktop/ui/quality_review.py" line="82"/>
        <source>Обращение гражданина</source>
        <translation>Citizen&apos;s message</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="332"/>
        <source>Согласовать с правкой</source>
        <translation>Approve with correction</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="333"/>
        <source>Ответ (с правкой)</source>
        <translation>Answer (corrected)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="186"/>
        <source>Опубликовать ответ (Ctrl+Enter)</source>
        <translation>Publish the answer (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="188"/>
        <source>Править ответ</source>
        <translation>Correct the answer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="191"/>
        <source>Исправить текст и согласовать с правкой</source>
        <translation>Correct the text and approve it corrected</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="193"/>
        <source>Отменить правку</source>
        <translation>Undo the correction</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/approvals_panel.py" line="203"/>
        <source>Ctrl+Enter — согласовать</source>
        <translation>Ctrl+Enter — approve</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="34"/>
        <source>— выберите ведомство —</source>
        <translation>— choose an agency —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="37"/>
        <source>★ — подходит по сфере и муниципалитету</source>
        <translation>★ — fits the sector and municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_dialogs.py" line="49"/>
        <source>Из этого статуса отклонить нельзя</source>
        <translation>An incident in this status cannot be rejected</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="28"/>
        <source>Дубль</source>
        <extracomment>Standard reasons for a rejection; «другое» (None) asks for a text.</extracomment>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="29"/>
        <source>Спам</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="30"/>
        <source>Не в компетенции</source>
        <translation>Outside our remit</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="31"/>
        <source>Нет предмета обращения</source>
        <translation>Nothing to act on</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/code_labels.py" line="91"/>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="36"/>
        <source>Другое</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="47"/>
        <source>Отклонить обращение</source>
        <translation>Reject the incident</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="56"/>
        <source>— выберите статус —</source>
        <translation>— choose a status —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="62"/>
        <source>— выберите причину —</source>
        <translation>— choose a reason —</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="67"/>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="134"/>
        <source>Причина отклонения</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="70"/>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="119"/>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="136"/>
        <source>Пояснение</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="72"/>
        <source>Например: «Яма заделана 03.12, фото в ответе»</source>
        <translation>For example: “Pothole filled on 03.12, photo in the answer”</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="73"/>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="138"/>
        <source>Что сделано</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="75"/>
        <source>* — обязательное поле</source>
        <translation>* — required field</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_dialog.py" line="121"/>
        <source>Причина (необязательно)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="125"/>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="280"/>
        <source>Отправить ответы</source>
        <translation>Send answers</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="281"/>
        <source>Отправить ответы гражданам: {n}? Отозвать их после публикации нельзя.</source>
        <translation>Send answers to citizens: {n}? Once published they cannot be withdrawn.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/cluster_reply.py" line="290"/>
        <source>Отправить ({n})</source>
        <translation>Send ({n})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="83"/>
        <source>Оценивается последний опубликованный ответ</source>
        <translation>The latest published answer is reviewed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="88"/>
        <source>Каждый пункт: да или нет *</source>
        <translation>Each point: yes or no *</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="93"/>
        <source>Да</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="93"/>
        <source>Нет</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/quality_review.py" line="134"/>
        <source>Не оценено пунктов: {n}</source>
        <translation>Points not yet decided: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="101"/>
        <source>★ — уже ведут обращения этого муниципалитета и сферы.</source>
        <translation>★ — already handle incidents of this municipality and sector.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reassign.py" line="103"/>
        <source>«Открыто» — обращения в работе.</source>
        <translation>“Open” — incidents in hand.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="150"/>
        <source>Учебные обращения получают слушатели. Занятия, ход занятия и оценочный лист — в окне «Учебные занятия» ({keys}).</source>
        <translation>Training incidents go to the trainees. Sessions, their progress and the scorecard are in the «Training sessions» window ({keys}).</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/training_mode.py" line="151"/>
        <source>Открыть учебные занятия</source>
        <translation>Open training sessions</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="212"/>
        <source>Шаблоны: Enter — вставить, Esc — закрыть</source>
        <translation>Templates: Enter inserts, Esc closes</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="221"/>
        <source>Шаблоны… (Ctrl+Space)</source>
        <translation>Templates… (Ctrl+Space)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="19"/>
        <source>Напишите жалобу на {address} через {host}:{port}</source>
        <translation>Write a complaint to {address} via {host}:{port}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="38"/>
        <source>Демо-сервер принимает почту: напишите жалобу на {address} через SMTP-сервер {host}:{smtp} (без пароля и шифрования), и через несколько секунд она появится в очереди.</source>
        <translation>The demo server takes mail: write a complaint to {address} through the SMTP server {host}:{smtp} (no password, no encryption), and it appears in the queue within seconds.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="42"/>
        <source>Ответ оператора придёт в почтовый ящик автора: IMAP {host}:{imap}, логин — адрес автора, пароль «{password}». Почта хранится только до выхода из программы.</source>
        <translation>The operator&apos;s answer arrives in the writer&apos;s mailbox: IMAP {host}:{imap}, user name: the writer&apos;s address, password “{password}”. The mail is kept only until the program quits.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="43"/>
        <source>Из терминала (в папке проекта, .venv/bin/python):</source>
        <translation>From a terminal (in the project folder, .venv/bin/python):</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="57"/>
        <source>Жалоба по e-mail…</source>
        <translation>Complaint by e-mail…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/demo_mail.py" line="62"/>
        <source>Жалоба по e-mail</source>
        <translation>Complaint by e-mail</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="50"/>
        <source>документ PDF</source>
        <extracomment>What each kind of file is called («Это …»).</extracomment>
        <translation>PDF document</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="51"/>
        <source>текстовый документ</source>
        <translation>text document</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="52"/>
        <source>таблица</source>
        <translation>spreadsheet</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="53"/>
        <source>презентация</source>
        <translation>presentation</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="54"/>
        <source>текстовый файл</source>
        <translation>text file</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="55"/>
        <source>изображение</source>
        <translation>image</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="56"/>
        <source>видеозапись</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="57"/>
        <source>аудиозапись</source>
        <translation>audio recording</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="58"/>
        <source>архив</source>
        <translation>archive</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="59"/>
        <source>программа (исполняемый файл)</source>
        <translation>program (executable file)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="60"/>
        <source>сценарий, макрос или ярлык</source>
        <translation>script, macro or shortcut</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="61"/>
        <source>веб-страница</source>
        <translation>web page</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="62"/>
        <source>файл неизвестного типа</source>
        <translation>file of unknown type</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="33"/>
        <source>Сохранить вложение</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="75"/>
        <source>{n} МБ</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="76"/>
        <source>{n} КБ</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="74"/>
        <source>Не удалось сохранить файл: {error}</source>
        <translation>Could not save the file: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="77"/>
        <source>Сохранено: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="106"/>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="154"/>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="207"/>
        <source>Загрузка…</source>
        <extracomment>&quot;loading&quot;, &quot;ready&quot;, OFFLINE or MISSING the copy handed to the system, once opened the folder copies are opened from (this run&apos;s private folder)</extracomment>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="114"/>
        <source>&amp;Открыть в программе…</source>
        <translation>&amp;Open in an application…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_save.py" line="46"/>
        <source>&amp;Сохранить как…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="166"/>
        <source>Файл не сохранён на этом компьютере, а сервер недоступен. Откройте его, когда связь восстановится.</source>
        <translation>The file is not stored on this computer and the server cannot be reached. Open it when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="168"/>
        <source>Файл недоступен: на сервере его нет или обращение вам больше не видно.</source>
        <translation>The file is not available: the server does not have it, or the incident is no longer visible to you.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="184"/>
        <source>Это {kind}. Такие файлы на рабочем месте не открываются: запущенные, они могут повредить компьютер и сеть. Файл можно только сохранить, например чтобы передать на проверку.</source>
        <translation>This is a {kind}. Such files are never opened on the workstation: run, they can harm the computer and the network. The file can only be saved, for example to hand it over for checking.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="191"/>
        <source>Тип файла не определён, поэтому открыть его нельзя. Файл можно сохранить.</source>
        <translation>The file&apos;s type is unknown, so it cannot be opened. The file can be saved.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="200"/>
        <source>Это {kind}. Файл откроется в программе, назначенной для таких файлов в системе.

Файлы от граждан могут быть опасны: открывайте только то, что ожидали получить, и не включайте в них макросы и правку.</source>
        <translation>This is a {kind}. The file opens in the application the system uses for such files.

Files from citizens can be dangerous: open only what you expected to receive, and do not enable macros or editing in them.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="215"/>
        <source>Не удалось подготовить файл: {error}</source>
        <translation>Could not prepare the file: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="221"/>
        <source>В системе нет программы для файлов этого типа. Сохраните файл и откройте его.</source>
        <translation>The system has no application for files of this type. Save the file and open it.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="96"/>
        <source>Без миниатюры</source>
        <translation>No thumbnail</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="97"/>
        <source>Файл</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="180"/>
        <source>Нет связи</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="183"/>
        <source>Недоступно</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_file.py" line="85"/>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="197"/>
        <source>Вложение</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="211"/>
        <source>Esc — закрыть</source>
        <translation>Esc closes</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="240"/>
        <source>Этот файл не изображение: просмотр недоступен</source>
        <translation>This file is not an image: it cannot be viewed here</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="252"/>
        <source>Миниатюра: полный файл откроется на связи</source>
        <translation>Thumbnail: the full file opens when the server is reachable</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="254"/>
        <source>Файл не сохранён на этом компьютере, а сервер недоступен</source>
        <translation>The file is not kept on this computer and the server cannot be reached</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/attachment_view.py" line="256"/>
        <source>Файл недоступен</source>
        <translation>The file is not available</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="19"/>
        <source>Обращение не найдено в локальном кэше</source>
        <translation>The incident is not in the local cache</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="20"/>
        <source>Обращение {number} не найдено в локальном кэше</source>
        <translation>Incident {number} is not in the local cache</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="21"/>
        <source>Не выбрано ни одного обращения</source>
        <translation>No incident selected</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="22"/>
        <source>Ответ длиннее {n} знаков</source>
        <translation>The reply is longer than {n} characters</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="23"/>
        <source>Некорректное действие</source>
        <translation>Invalid action</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="24"/>
        <source>Нет такой неотправленной правки</source>
        <translation>No such unsent edit</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="25"/>
        <source>Обращение уже не ждёт ответа (закрыто или с ответом)</source>
        <translation>The incident no longer awaits a reply (closed or answered)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="26"/>
        <source>Ответ по этому шаблону уже есть</source>
        <translation>A reply from this template is already there</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="27"/>
        <source>Не заполнить: {fields}</source>
        <translation>Cannot fill in: {fields}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="30"/>
        <source>Обращение в работе у другого сотрудника</source>
        <translation>A colleague is working on the incident</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="31"/>
        <source>Обращение в работе у сотрудника {name}</source>
        <translation>{name} is working on the incident</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="32"/>
        <source>В работе у другого сотрудника</source>
        <translation>Held by a colleague</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="33"/>
        <source>В работе у сотрудника {name}</source>
        <translation>Held by {name}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="38"/>
        <source>Версия программы устарела: изменения не отправляются и ждут в очереди. Установите версию {version} или новее</source>
        <translation>This version is out of date: changes are not sent and wait in the queue. Install version {version} or newer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="39"/>
        <source>Не удалось проверить сертификат сервера: нет файла сертификатов</source>
        <translation>Could not verify the server&apos;s certificate: no certificate file</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="40"/>
        <source>Не удалось проверить сертификат сервера</source>
        <translation>Could not verify the server&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="41"/>
        <source>Сервер недоступен</source>
        <translation>The server is unreachable</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="42"/>
        <source>Сервер прислал повреждённый ответ</source>
        <translation>The server sent a damaged answer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="43"/>
        <source>Связь с сервером прервалась</source>
        <translation>The connection to the server was lost</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="44"/>
        <source>Ответ сервера слишком велик</source>
        <translation>The server&apos;s answer is too large</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="45"/>
        <source>Сервер прислал ответ не по протоколу</source>
        <translation>The server&apos;s answer does not follow the protocol</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="46"/>
        <source>Ошибка сервера ({status})</source>
        <translation>Server error ({status})</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="47"/>
        <source>Требуется вход в систему</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="48"/>
        <source>Сервер не ответил ни на одно изменение</source>
        <translation>The server answered none of the changes</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="49"/>
        <source>Внутренняя ошибка синхронизации</source>
        <translation>Internal synchronisation error</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="50"/>
        <source>На этом компьютере нет сохранённого профиля</source>
        <translation>There is no saved profile on this computer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="53"/>
        <source>Из последнего профиля вышли: войдите с паролем, когда будет связь с сервером</source>
        <translation>The last profile was signed out: sign in with your password when the server is reachable</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="55"/>
        <source>Файл настроек {path} не читается</source>
        <translation>The settings file {path} cannot be read</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="58"/>
        <source>Файл настроек {path} повреждён ({error}); адрес сервера можно указать вручную</source>
        <translation>The settings file {path} is damaged ({error}); you can enter the server address by hand</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="62"/>
        <source>В файле настроек {path} ожидается раздел [server] со строками url и ca_bundle; адрес сервера можно указать вручную</source>
        <translation>The settings file {path} should have a [server] section with url and ca_bundle strings; you can enter the server address by hand</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="63"/>
        <source>Адрес сервера указан неверно: нужен вид https://имя-сервера[:порт]</source>
        <translation>The server address is wrong: it should look like https://server-name[:port]</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="67"/>
        <source>Сертификат сервера выдан на другое имя, не «{host}»: проверьте адрес (он должен совпадать с именем в сертификате)</source>
        <translation>The server&apos;s certificate was issued for another name, not “{host}”: check the address (it must match the name in the certificate)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="71"/>
        <source>Сертификат сервера не подтверждён: он выдан неизвестным центром сертификации (или самоподписан). Укажите файл сертификатов (CA) вашей организации</source>
        <translation>The server&apos;s certificate is not trusted: it was issued by an unknown certificate authority (or is self-signed). Choose your organisation&apos;s certificate (CA) file</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="74"/>
        <source>Сервер {where} не отвечает по HTTPS: возможно, адрес должен начинаться с http://</source>
        <extracomment>Training only: send the reply being written with each heartbeat. One per code that sync/ and models/ say (tests/ui/test_english_ui.py finds them all).</extracomment>
        <translation>The server {where} does not answer over HTTPS: perhaps the address should start with http://</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="75"/>
        <source>Не удалось установить защищённое соединение с {where}</source>
        <translation>Could not set up a secure connection to {where}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="76"/>
        <source>Сервер «{host}» не найден: проверьте адрес (имя не находится в DNS)</source>
        <translation>Server “{host}” not found: check the address (the name is not in DNS)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="79"/>
        <source>Сервер {where} отказал в соединении: программа сервера не запущена или порт указан неверно</source>
        <translation>The server {where} refused the connection: the server program is not running or the port is wrong</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="82"/>
        <source>Сервер {where} ответил не по HTTP: возможно, адрес должен начинаться с https://</source>
        <translation>The server {where} did not answer in HTTP: perhaps the address should start with https://</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="83"/>
        <source>Сервер {where} не ответил вовремя: проверьте сеть или адрес</source>
        <translation>The server {where} did not answer in time: check the network or the address</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="84"/>
        <source>Сервер {where} недоступен: {error}</source>
        <translation>The server {where} is unreachable: {error}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="85"/>
        <source>Файл сертификатов не найден: {path}</source>
        <translation>Certificate file not found: {path}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="86"/>
        <source>Файл сертификатов {path} не содержит сертификатов в формате PEM</source>
        <translation>The certificate file {path} holds no PEM certificates</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/problem_text.py" line="89"/>
        <source>По адресу {url} отвечает не сервер ЦУР (или слишком старая его версия)</source>
        <translation>What answers at {url} is not a CUR server (or its version is too old)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="41"/>
        <source>Настройки</source>
        <extracomment>The spin box&apos;s range, MB: below 20 a day&apos;s photos do not fit; 5 GB is plenty for a laptop.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="48"/>
        <source>Вложения на этом компьютере</source>
        <extracomment>(files, bytes) the cache held when last counted; None until counted «Очистить кэш вложений?» while it is asked (tests answer it)</extracomment>
        <translation>Attachments on this computer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="53"/>
        <source>МБ</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="56"/>
        <source>Считается…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="59"/>
        <source>&amp;Очистить кэш вложений</source>
        <translation>&amp;Clear the attachment cache</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="69"/>
        <source>Миниатюры и открытые файлы хранятся в зашифрованном кэше, чтобы их можно было смотреть без связи. Сверх предела первыми удаляются те, что дольше всего не открывали. Удалённые загрузятся с сервера снова, когда понадобятся.</source>
        <translation>Thumbnails and opened files are kept in the encrypted cache so that they can be viewed offline. Beyond the limit, those not opened for the longest time go first. Removed ones are fetched from the server again when needed.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="76"/>
        <source>&amp;Предел кэша:</source>
        <translation>Cache &amp;limit:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="79"/>
        <source>Занято сейчас:</source>
        <translation>Used now:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="95"/>
        <source>ОК</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="97"/>
        <source>Применить</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="117"/>
        <source>{size}, файлов: {n}</source>
        <translation>{size}, files: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="120"/>
        <source>ничего</source>
        <translation>nothing</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="139"/>
        <source>Очистить кэш вложений</source>
        <translation>Clear the attachment cache</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="144"/>
        <source>Удалить с этого компьютера сохранённые вложения? Освободится {size} (файлов: {n}).

Они загрузятся с сервера снова, когда их откроют; без связи их не будет видно.</source>
        <translation>Delete the attachments kept on this computer? This frees {size} (files: {n}).

They are downloaded from the server again when opened; offline they cannot be seen.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/settings_dialog.py" line="148"/>
        <source>Очистить</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="27"/>
        <source>&amp;Файл</source>
        <extracomment>The queue&apos;s column widths; renamed when the columns were reordered (the text after the deadline), so an old layout does not give one column&apos;s width to another.</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="28"/>
        <source>&amp;Правка</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="29"/>
        <source>&amp;Вид</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="30"/>
        <source>&amp;Обращение</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="31"/>
        <source>С&amp;мена</source>
        <translation>&amp;Shift</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="32"/>
        <source>&amp;Демо</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_menus.py" line="33"/>
        <source>&amp;Справка</source>
        <translation>&amp;Help</translation>
    </message>
</context>
</TS>
